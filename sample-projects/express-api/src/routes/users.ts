import express from 'express';

import { asyncHandler } from '@/lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '@/lib/auth.js';
import { notFound } from '@/lib/http-error.js';
import { validate } from '@/lib/validate.js';
import { displayName, type User } from '../models/user.js';
import { idParam } from '../schemas/common.js';
import { createUserSchema, listUsersQuery, updateUserSchema } from '../schemas/user.js';
import { createUser, deactivateUser, getUser, listUsers, updateUser } from '../services/users.js';

const router = express.Router();

router.use(requireAuth);

const present = (user: User) => ({ ...user, displayName: displayName(user) });

router.get(
  '/',
  validate(listUsersQuery, 'query'),
  asyncHandler(async (req, res) => {
    const filter = listUsersQuery.parse(req.query);
    const users = await listUsers(currentUser(res).teamId, filter);
    res.json({ items: users.map(present) });
  }),
);

router.get(
  '/:id',
  validate(idParam, 'params'),
  asyncHandler(async (req, res) => {
    const user = await getUser(currentUser(res).teamId, req.params.id!);
    if (!user) {
      throw notFound('user');
    }
    res.json(present(user));
  }),
);

router.post(
  '/',
  requireRole('owner', 'admin'),
  validate(createUserSchema),
  asyncHandler(async (req, res) => {
    const user = await createUser(currentUser(res).teamId, createUserSchema.parse(req.body));
    res.status(201).json(present(user));
  }),
);

router.patch(
  '/:id',
  requireRole('owner', 'admin'),
  validate(updateUserSchema),
  asyncHandler(async (req, res) => {
    const user = await updateUser(currentUser(res).teamId, req.params.id!, updateUserSchema.parse(req.body));
    if (!user) {
      throw notFound('user');
    }
    res.json(present(user));
  }),
);

router.delete(
  '/:id',
  requireRole('owner', 'admin'),
  asyncHandler(async (req, res) => {
    const removed = await deactivateUser(currentUser(res).teamId, req.params.id!);
    res.status(removed ? 204 : 404).end();
  }),
);

export default router;
