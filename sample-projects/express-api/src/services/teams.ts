import { pool } from '../db.js';
import { toTeam, type Team, type TeamRow } from '../models/team.js';
import { toUser, type UserRow } from '../models/user.js';
import type { InviteMemberInput } from '../schemas/team.js';

export async function getTeam(id: string): Promise<Team | null> {
  const { rows } = await pool.query<TeamRow>('SELECT * FROM teams WHERE id = $1', [id]);
  return rows[0] ? toTeam(rows[0]) : null;
}

export async function updateTeam(id: string, patch: { name?: string; seats?: number }): Promise<Team | null> {
  const { rows } = await pool.query<TeamRow>(
    'UPDATE teams SET name = coalesce($2, name), seats = coalesce($3, seats) WHERE id = $1 RETURNING *',
    [id, patch.name ?? null, patch.seats ?? null],
  );
  return rows[0] ? toTeam(rows[0]) : null;
}

export async function listMembers(teamId: string) {
  const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE team_id = $1 AND deactivated_at IS NULL', [teamId]);
  return rows.map(toUser);
}

export async function createInvitation(teamId: string, invitedBy: string, input: InviteMemberInput) {
  const { rows } = await pool.query<{ id: string; token: string }>(
    `INSERT INTO invitations (team_id, email, role, invited_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (team_id, email) DO UPDATE SET role = excluded.role RETURNING id, token`,
    [teamId, input.email, input.role, invitedBy],
  );
  return rows[0]!;
}
