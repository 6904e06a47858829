import jwt from 'jsonwebtoken';
import type { RequestHandler } from 'express';

import { JWT_SECRET } from '../config.js';
import { HttpError } from './http-error.js';

export interface AuthUser {
  id: string;
  teamId: string;
  role: 'owner' | 'admin' | 'member' | 'viewer';
}

export const requireAuth: RequestHandler = (req, res, next) => {
  const header = req.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : null;
  if (!token) {
    next(new HttpError(401, 'missing bearer token'));
    return;
  }
  try {
    const claims = jwt.verify(token, JWT_SECRET);
    res.locals.user = { id: claims.sub, teamId: claims.team, role: claims.role } as AuthUser;
    next();
  } catch {
    next(new HttpError(401, 'invalid token'));
  }
};

export function requireRole(...roles: AuthUser['role'][]): RequestHandler {
  return (_req, res, next) => {
    const user = res.locals.user as AuthUser | undefined;
    if (!user || !roles.includes(user.role)) {
      next(new HttpError(403, 'insufficient role'));
      return;
    }
    next();
  };
}

export function currentUser(res: { locals: Record<string, any> }): AuthUser {
  return res.locals.user as AuthUser;
}
