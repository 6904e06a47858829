import { Router } from 'express';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '../lib/auth.js';
import { validate } from '../lib/validate.js';
import { dateRangeQuery } from '../schemas/common.js';
import { listAudit } from '../services/audit.js';

const router = Router();

router.get(
  '/',
  requireAuth,
  requireRole('owner'),
  validate(dateRangeQuery, 'query'),
  asyncHandler(async (req, res) => {
    const { from, to } = dateRangeQuery.parse(req.query);
    res.json({ items: await listAudit(currentUser(res).teamId, from, to) });
  }),
);

export default router;
