import { Router } from 'express';

import { asyncHandler } from '@/lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '@/lib/auth.js';
import { notFound } from '@/lib/http-error.js';
import { increment } from '../metrics.js';
import { canManageTeam } from '../models/user.js';
import { recordAudit } from '../services/audit.js';
import { getTeam, listMembers } from '../services/teams.js';
import { deactivateUser, getUser } from '../services/users.js';

const router = Router();

router.use(requireAuth, requireRole('owner'));

router.get(
  '/team-health',
  asyncHandler(async (_req, res) => {
    const teamId = currentUser(res).teamId;
    const [team, members] = await Promise.all([getTeam(teamId), listMembers(teamId)]);
    if (!team) {
      throw notFound('team');
    }
    res.json({ seats: team.seats, members: members.length, overAllocated: members.length > team.seats });
  }),
);

router.post(
  '/users/:id/deactivate',
  asyncHandler(async (req, res) => {
    const actor = currentUser(res);
    const [admin, team] = await Promise.all([getUser(actor.teamId, actor.id), getTeam(actor.teamId)]);
    if (!admin || !team || !canManageTeam(admin, team)) {
      throw notFound('team');
    }
    const ok = await deactivateUser(actor.teamId, req.params.id!);
    if (ok) {
      await recordAudit(actor.teamId, actor.id, 'user.deactivate', req.params.id!);
      increment('admin.deactivations');
    }
    res.status(ok ? 204 : 404).end();
  }),
);

export default router;
