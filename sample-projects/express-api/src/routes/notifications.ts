import { Router } from 'express';
import { z } from 'zod';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth } from '../lib/auth.js';
import { notFound } from '../lib/http-error.js';
import { validate } from '../lib/validate.js';
import { mailer } from '../services/mailer.js';
import { listTemplates, renderTemplate } from '../services/templates.js';
import { getUser } from '../services/users.js';

const router = Router();

const sendSchema = z.object({
  userId: z.string().uuid(),
  template: z.string().min(1),
  vars: z.record(z.string()).default({}),
});

router.use(requireAuth);

router.post(
  '/send',
  validate(sendSchema),
  asyncHandler(async (req, res) => {
    const { userId, template, vars } = sendSchema.parse(req.body);
    const teamId = currentUser(res).teamId;
    const [recipient, templates] = await Promise.all([getUser(teamId, userId), listTemplates(teamId)]);
    const tpl = templates.find((t) => t.name === template);
    if (!recipient || !tpl) {
      throw notFound(recipient ? 'template' : 'user');
    }
    const { subject, body } = renderTemplate(tpl, { name: recipient.name, ...vars });
    await mailer.send({ to: recipient.email, subject, text: body });
    res.status(202).json({ queued: true, pending: mailer.pending() });
  }),
);

export default router;
