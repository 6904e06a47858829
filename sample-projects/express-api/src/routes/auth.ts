import { Router } from 'express';
import jwt from 'jsonwebtoken';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

import { redis } from '../cache.js';
import { config, JWT_SECRET } from '../config.js';
import { asyncHandler } from '../lib/async-handler.js';
import { currentUser, requireAuth } from '../lib/auth.js';
import { HttpError } from '../lib/http-error.js';
import { validate } from '../lib/validate.js';
import { emailSchema } from '../schemas/common.js';
import { authenticate, getUser } from '../services/users.js';

const router = Router();

const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(8).max(200),
});

const refreshSchema = z.object({
  refreshToken: z.string().min(20),
});

const MAX_ATTEMPTS_PER_HOUR = 10;

async function issueTokens(user: { id: string; teamId: string; role: string }) {
  const accessToken = jwt.sign({ sub: user.id, team: user.teamId, role: user.role }, JWT_SECRET, {
    expiresIn: config.auth.accessTokenTtl,
    issuer: config.auth.issuer,
  });
  const refreshToken = randomBytes(32).toString('base64url');
  await redis.set(`refresh:${refreshToken}`, user.id, 'EX', config.auth.refreshTokenTtlDays * 86_400);
  return { accessToken, refreshToken };
}

router.post(
  '/login',
  validate(loginSchema),
  asyncHandler(async (req, res) => {
    const { email, password } = loginSchema.parse(req.body);
    const attempts = await redis.incr(`login-attempts:${email}`);
    if (attempts === 1) {
      await redis.expire(`login-attempts:${email}`, 3600);
    }
    if (attempts > MAX_ATTEMPTS_PER_HOUR) {
      throw new HttpError(429, 'too many login attempts, try again later');
    }
    const user = await authenticate(email, password);
    if (!user) {
      throw new HttpError(401, 'invalid email or password');
    }
    await redis.del(`login-attempts:${email}`);
    res.json(await issueTokens(user));
  }),
);

router.post(
  '/refresh',
  validate(refreshSchema),
  asyncHandler(async (req, res) => {
    const { refreshToken } = refreshSchema.parse(req.body);
    const userId = await redis.get(`refresh:${refreshToken}`);
    if (!userId) {
      throw new HttpError(401, 'refresh token expired');
    }
    await redis.del(`refresh:${refreshToken}`);
    const user = await getUserById(userId);
    res.json(await issueTokens(user));
  }),
);

router.post(
  '/logout',
  requireAuth,
  asyncHandler(async (req, res) => {
    const token = typeof req.body?.refreshToken === 'string' ? req.body.refreshToken : null;
    if (token) {
      await redis.del(`refresh:${token}`);
    }
    res.status(204).end();
  }),
);

router.get(
  '/me',
  requireAuth,
  asyncHandler(async (_req, res) => {
    const { id, teamId } = currentUser(res);
    const user = await getUser(teamId, id);
    if (!user) {
      throw new HttpError(404, 'user not found');
    }
    res.json(user);
  }),
);

async function getUserById(id: string) {
  const { rows } = await import('../db.js').then(({ pool }) =>
    pool.query<{ id: string; team_id: string; role: string }>('SELECT id, team_id, role FROM users WHERE id = $1', [id]),
  );
  const row = rows[0];
  if (!row) {
    throw new HttpError(401, 'user no longer exists');
  }
  return { id: row.id, teamId: row.team_id, role: row.role };
}

export default router;
