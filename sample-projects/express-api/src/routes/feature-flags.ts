import { Router } from 'express';
import { z } from 'zod';

import { redis } from '../cache.js';
import { config } from '../config.js';
import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '../lib/auth.js';
import { validate } from '../lib/validate.js';

const router = Router();

const overrideSchema = z.object({
  flag: z.string().min(1),
  enabled: z.boolean(),
});

const overrideKey = (teamId: string) => `flags:${teamId}`;

router.use(requireAuth);

router.get(
  '/',
  asyncHandler(async (_req, res) => {
    const raw = await redis.get(overrideKey(currentUser(res).teamId));
    const overrides = raw ? (JSON.parse(raw) as Record<string, boolean>) : {};
    res.json({ ...config.featureFlags, ...overrides });
  }),
);

router.put(
  '/',
  requireRole('owner'),
  validate(overrideSchema),
  asyncHandler(async (req, res) => {
    const { flag, enabled } = overrideSchema.parse(req.body);
    const key = overrideKey(currentUser(res).teamId);
    const raw = await redis.get(key);
    const overrides = { ...(raw ? (JSON.parse(raw) as Record<string, boolean>) : {}), [flag]: enabled };
    await redis.set(key, JSON.stringify(overrides));
    res.json(overrides);
  }),
);

export default router;
