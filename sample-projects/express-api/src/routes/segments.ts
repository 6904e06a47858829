import { Router } from 'express';
import { z } from 'zod';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth } from '../lib/auth.js';
import { validate } from '../lib/validate.js';
import { displayName } from '../models/user.js';
import { createSegment, listSegments, previewSegment } from '../services/segments.js';

const router = Router();

const ruleSchema = z.object({
  field: z.enum(['role', 'createdAt', 'email']),
  op: z.enum(['eq', 'neq', 'before', 'after', 'endsWith']),
  value: z.string().min(1),
});

const segmentSchema = z.object({
  name: z.string().trim().min(1).max(80),
  rules: z.array(ruleSchema).min(1).max(20),
});

router.use(requireAuth);

router.get(
  '/',
  asyncHandler(async (_req, res) => {
    res.json({ items: await listSegments(currentUser(res).teamId) });
  }),
);

router.post(
  '/',
  validate(segmentSchema),
  asyncHandler(async (req, res) => {
    const { name, rules } = segmentSchema.parse(req.body);
    res.status(201).json(await createSegment(currentUser(res).teamId, name, rules));
  }),
);

router.post(
  '/preview',
  validate(segmentSchema.pick({ rules: true })),
  asyncHandler(async (req, res) => {
    const { rules } = segmentSchema.pick({ rules: true }).parse(req.body);
    const users = await previewSegment(currentUser(res).teamId, rules);
    res.json({ count: users.length, sample: users.slice(0, 10).map(displayName) });
  }),
);

export default router;
