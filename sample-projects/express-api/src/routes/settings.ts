import { Router } from 'express';
import { z } from 'zod';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '../lib/auth.js';
import { validate } from '../lib/validate.js';
import { currencySchema } from '../schemas/common.js';
import { getSettings, updateSettings } from '../services/settings.js';

const router = Router();

const updateSettingsSchema = z.object({
  timezone: z.string().min(1).max(64).optional(),
  locale: z.string().regex(/^[a-z]{2}-[A-Z]{2}$/).optional(),
  weeklyDigest: z.boolean().optional(),
  defaultCurrency: currencySchema.optional(),
});

router.use(requireAuth);

router.get(
  '/',
  asyncHandler(async (_req, res) => {
    res.json(await getSettings(currentUser(res).teamId));
  }),
);

router.patch(
  '/',
  requireRole('owner', 'admin'),
  validate(updateSettingsSchema),
  asyncHandler(async (req, res) => {
    res.json(await updateSettings(currentUser(res).teamId, updateSettingsSchema.parse(req.body)));
  }),
);

export default router;
