import { Router } from 'express';
import { z } from 'zod';

import { pool } from '../db.js';
import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth } from '../lib/auth.js';
import { validate } from '../lib/validate.js';

const router = Router();

const tagSchema = z.object({
  name: z.string().trim().min(1).max(40),
  color: z.string().regex(/^#[0-9a-f]{6}$/i).default('#6b7280'),
});

router.use(requireAuth);

router.get(
  '/',
  asyncHandler(async (_req, res) => {
    const { rows } = await pool.query('SELECT id, name, color FROM tags WHERE team_id = $1 ORDER BY name', [currentUser(res).teamId]);
    res.json({ items: rows });
  }),
);

router.post(
  '/',
  validate(tagSchema),
  asyncHandler(async (req, res) => {
    const { name, color } = tagSchema.parse(req.body);
    const { rows } = await pool.query(
      'INSERT INTO tags (team_id, name, color) VALUES ($1, $2, $3) ON CONFLICT (team_id, name) DO UPDATE SET color = excluded.color RETURNING id, name, color',
      [currentUser(res).teamId, name, color],
    );
    res.status(201).json(rows[0]);
  }),
);

export default router;
