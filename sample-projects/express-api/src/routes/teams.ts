import { Router } from 'express';

import { asyncHandler } from '@/lib/async-handler.js';
import { currentUser, requireAuth, requireRole } from '@/lib/auth.js';
import { forbidden, notFound } from '@/lib/http-error.js';
import { validate } from '@/lib/validate.js';
import { describeMember, isTeamAdmin } from '../models/team.js';
import { inviteMemberSchema, updateTeamSchema } from '../schemas/team.js';
import { createInvitation, getTeam, listMembers, updateTeam } from '../services/teams.js';

const router = Router();

router.use(requireAuth);

router.get(
  '/current',
  asyncHandler(async (_req, res) => {
    const team = await getTeam(currentUser(res).teamId);
    if (!team) {
      throw notFound('team');
    }
    res.json(team);
  }),
);

router.patch(
  '/current',
  requireRole('owner'),
  validate(updateTeamSchema),
  asyncHandler(async (req, res) => {
    const team = await updateTeam(currentUser(res).teamId, updateTeamSchema.parse(req.body));
    res.json(team);
  }),
);

router.get(
  '/current/members',
  asyncHandler(async (_req, res) => {
    const teamId = currentUser(res).teamId;
    const [team, members] = await Promise.all([getTeam(teamId), listMembers(teamId)]);
    if (!team) {
      throw notFound('team');
    }
    res.json({ items: members.map((m) => ({ ...m, label: describeMember(team, m) })) });
  }),
);

router.post(
  '/current/invitations',
  validate(inviteMemberSchema),
  asyncHandler(async (req, res) => {
    const user = currentUser(res);
    if (!isTeamAdmin(user.role)) {
      throw forbidden('only team admins can invite members');
    }
    const invitation = await createInvitation(user.teamId, user.id, inviteMemberSchema.parse(req.body));
    res.status(201).json({ id: invitation.id });
  }),
);

export default router;
