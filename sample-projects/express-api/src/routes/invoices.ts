import { Router } from 'express';
import { renderPdf } from 'pdf-render';

import { asyncHandler } from '@/lib/async-handler.js';
import { currentUser, requireAuth } from '@/lib/auth.js';
import { notFound } from '@/lib/http-error.js';
import { validate } from '@/lib/validate.js';
import { idParam } from '../schemas/common.js';
import { getInvoice, listInvoices } from '../services/billing.js';
import { mailer } from '../services/mailer.js';

const router = Router();

const INVOICE_TEMPLATE = [
  'Invoice {{ number }}',
  'Issued {{ issuedAt }}, due {{ dueAt }}',
  '',
  'Total: {{ total }} {{ currency }}',
].join('\n');

router.use(requireAuth);

router.get(
  '/',
  asyncHandler(async (_req, res) => {
    res.json({ items: await listInvoices(currentUser(res).teamId) });
  }),
);

router.get(
  '/:id.pdf',
  asyncHandler(async (req, res) => {
    const invoice = await getInvoice(currentUser(res).teamId, req.params.id!);
    if (!invoice) {
      throw notFound('invoice');
    }
    const pdf = await renderPdf(INVOICE_TEMPLATE, {
      number: invoice.number,
      issuedAt: invoice.issuedAt.toISOString().slice(0, 10),
      dueAt: invoice.dueAt.toISOString().slice(0, 10),
      total: (invoice.totalCents / 100).toFixed(2),
      currency: invoice.currency,
    });
    res.type('application/pdf').send(pdf);
  }),
);

router.post(
  '/:id/send',
  validate(idParam, 'params'),
  asyncHandler(async (req, res) => {
    const user = currentUser(res);
    const invoice = await getInvoice(user.teamId, req.params.id!);
    if (!invoice) {
      throw notFound('invoice');
    }
    const to = typeof req.body?.to === 'string' ? req.body.to : null;
    if (!to) {
      res.status(400).json({ error: 'recipient required' });
      return;
    }
    await mailer.send({
      to,
      subject: `Invoice ${invoice.number}`,
      text: `Your invoice ${invoice.number} for ${(invoice.totalCents / 100).toFixed(2)} ${invoice.currency} is attached.`,
    });
    res.status(202).json({ queued: true });
  }),
);

export default router;
