import { Router } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

import { asyncHandler } from '../lib/async-handler.js';
import { HttpError } from '../lib/http-error.js';
import { increment } from '../metrics.js';
import { secrets } from '../secrets.js';
import { recordAudit } from '../services/audit.js';

const router = Router();

const paymentEventSchema = z.object({
  id: z.string(),
  type: z.enum(['payment.succeeded', 'payment.failed', 'refund.created']),
  teamId: z.string().uuid(),
  data: z.record(z.unknown()),
});

function verifySignature(payload: string, signature: string | undefined): boolean {
  if (!signature) {
    return false;
  }
  const expected = createHmac('sha256', secrets.webhookSigningKey).update(payload).digest('hex');
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

router.post(
  '/payments',
  asyncHandler(async (req, res) => {
    if (!verifySignature(JSON.stringify(req.body), req.get('x-acme-signature'))) {
      throw new HttpError(401, 'bad signature');
    }
    const event = paymentEventSchema.parse(req.body);
    increment(`webhooks.payments.${event.type}`);
    await recordAudit(event.teamId, 'system:payments', event.type, event.id);
    res.status(204).end();
  }),
);

export default router;
