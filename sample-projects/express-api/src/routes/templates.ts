import { Router } from 'express';
import { z } from 'zod';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '../lib/auth.js';
import { validate } from '../lib/validate.js';
import { listTemplates, renderTemplate, saveTemplate } from '../services/templates.js';

const router = Router();

const templateSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]{2,40}$/),
  subject: z.string().min(1).max(200),
  body: z.string().min(1).max(50_000),
});

router.use(requireAuth);

router.get(
  '/',
  asyncHandler(async (_req, res) => {
    res.json({ items: await listTemplates(currentUser(res).teamId) });
  }),
);

router.put(
  '/',
  requireRole('owner', 'admin'),
  validate(templateSchema),
  asyncHandler(async (req, res) => {
    const { name, subject, body } = templateSchema.parse(req.body);
    res.json(await saveTemplate(currentUser(res).teamId, name, subject, body));
  }),
);

router.post(
  '/preview',
  validate(templateSchema.pick({ subject: true, body: true })),
  (req, res) => {
    const { subject, body } = templateSchema.pick({ subject: true, body: true }).parse(req.body);
    res.json(renderTemplate({ subject, body }, { name: 'Ada Lovelace', team: 'Analytical Engines' }));
  },
);

export default router;
