import { Router } from 'express';
import { z } from 'zod';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '../lib/auth.js';
import { validate } from '../lib/validate.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys.js';

const router = Router();

const createKeySchema = z.object({
  name: z.string().trim().min(1).max(60),
});

router.use(requireAuth, requireRole('owner', 'admin'));

router.get(
  '/',
  asyncHandler(async (_req, res) => {
    res.json({ items: await listApiKeys(currentUser(res).teamId) });
  }),
);

router.post(
  '/',
  validate(createKeySchema),
  asyncHandler(async (req, res) => {
    const { name } = createKeySchema.parse(req.body);
    const { key, secret } = await createApiKey(currentUser(res).teamId, name);
    res.status(201).json({ ...key, secret });
  }),
);

router.delete(
  '/:id',
  asyncHandler(async (req, res) => {
    const revoked = await revokeApiKey(currentUser(res).teamId, req.params.id!);
    res.status(revoked ? 204 : 404).end();
  }),
);

export default router;
