import { Router } from 'express';
import { z } from 'zod';

import { asyncHandler } from '@/lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '@/lib/auth.js';
import { notFound } from '@/lib/http-error.js';
import { validate } from '@/lib/validate.js';
import { changePlan, getSubscription, monthlyRevenueUsd } from '../services/billing.js';

const router = Router();

const changePlanSchema = z.object({
  plan: z.enum(['free', 'growth', 'enterprise']),
  seats: z.number().int().min(1).max(5000),
});

router.use(requireAuth);

router.get(
  '/current',
  asyncHandler(async (_req, res) => {
    const teamId = currentUser(res).teamId;
    const subscription = await getSubscription(teamId);
    if (!subscription) {
      throw notFound('subscription');
    }
    const month = new Date().toISOString().slice(0, 7);
    res.json({ ...subscription, spendThisMonthUsdCents: await monthlyRevenueUsd(teamId, month) });
  }),
);

router.put(
  '/current',
  requireRole('owner'),
  validate(changePlanSchema),
  asyncHandler(async (req, res) => {
    const { plan, seats } = changePlanSchema.parse(req.body);
    const updated = await changePlan(currentUser(res).teamId, plan, seats);
    if (!updated) {
      throw notFound('subscription');
    }
    res.json(updated);
  }),
);

export default router;
