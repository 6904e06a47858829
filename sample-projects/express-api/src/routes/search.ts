import { Router } from 'express';
import { z } from 'zod';

import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth } from '../lib/auth.js';
import { validate } from '../lib/validate.js';
import { search } from '../services/search.js';

const router = Router();

const searchQuery = z.object({
  q: z.string().trim().min(2).max(200),
  kinds: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : ['user', 'project', 'campaign']) as Array<'user' | 'project' | 'campaign'>),
});

router.get(
  '/',
  requireAuth,
  validate(searchQuery, 'query'),
  asyncHandler(async (req, res) => {
    const { q, kinds } = searchQuery.parse(req.query);
    res.json({ items: await search(currentUser(res).teamId, q, kinds) });
  }),
);

export default router;
