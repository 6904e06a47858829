import { Router } from 'express';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '../lib/auth.js';
import { validate } from '../lib/validate.js';
import { dateRangeQuery } from '../schemas/common.js';
import { activeUsers, seatUtilisation, signupFunnel } from '../services/analytics.js';

const router = Router();

router.use(requireAuth, requireRole('owner', 'admin'));

router.get(
  '/overview',
  validate(dateRangeQuery, 'query'),
  asyncHandler(async (req, res) => {
    const { from, to } = dateRangeQuery.parse(req.query);
    const teamId = currentUser(res).teamId;
    const [active, seats] = await Promise.all([activeUsers(teamId, from, to), seatUtilisation(teamId)]);
    res.json({ activeUsers: active, ...seats });
  }),
);

router.get(
  '/funnel',
  validate(dateRangeQuery, 'query'),
  asyncHandler(async (req, res) => {
    const { from, to } = dateRangeQuery.parse(req.query);
    res.json({ steps: await signupFunnel(currentUser(res).teamId, from, to) });
  }),
);

export default router;
