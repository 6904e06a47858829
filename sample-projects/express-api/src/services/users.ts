import { scryptSync, timingSafeEqual } from 'node:crypto';

import { pool } from '../db.js';
import { toUser, type User, type UserRow } from '../models/user.js';
import type { CreateUserInput, UpdateUserInput } from '../schemas/user.js';

export async function listUsers(teamId: string, filter: { role?: User['role']; search?: string; includeDeactivated: boolean }) {
  const { rows } = await pool.query<UserRow>(
    `SELECT * FROM users
      WHERE team_id = $1
        AND ($2::text IS NULL OR role = $2)
        AND ($3::text IS NULL OR full_name ILIKE '%' || $3 || '%' OR email ILIKE '%' || $3 || '%')
        AND ($4 OR deactivated_at IS NULL)
      ORDER BY created_at DESC`,
    [teamId, filter.role ?? null, filter.search ?? null, filter.includeDeactivated],
  );
  return rows.map(toUser);
}

export async function getUser(teamId: string, id: string): Promise<User | null> {
  const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE team_id = $1 AND id = $2', [teamId, id]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function createUser(teamId: string, input: CreateUserInput): Promise<User> {
  const { rows } = await pool.query<UserRow>(
    'INSERT INTO users (team_id, email, full_name, role) VALUES ($1, $2, $3, $4) RETURNING *',
    [teamId, input.email, input.name, input.role],
  );
  return toUser(rows[0]!);
}

export async function updateUser(teamId: string, id: string, input: UpdateUserInput): Promise<User | null> {
  const { rows } = await pool.query<UserRow>(
    `UPDATE users SET email = coalesce($3, email), full_name = coalesce($4, full_name), role = coalesce($5, role)
      WHERE team_id = $1 AND id = $2 RETURNING *`,
    [teamId, id, input.email ?? null, input.name ?? null, input.role ?? null],
  );
  return rows[0] ? toUser(rows[0]) : null;
}

export async function deactivateUser(teamId: string, id: string): Promise<boolean> {
  const { rowCount } = await pool.query('UPDATE users SET deactivated_at = now() WHERE team_id = $1 AND id = $2', [teamId, id]);
  return (rowCount ?? 0) > 0;
}

export async function authenticate(email: string, password: string): Promise<User | null> {
  const { rows } = await pool.query<UserRow & { password_hash: string; password_salt: string }>(
    'SELECT * FROM users WHERE email = $1 AND deactivated_at IS NULL',
    [email],
  );
  const row = rows[0];
  if (!row) {
    return null;
  }
  const candidate = scryptSync(password, row.password_salt, 64);
  const expected = Buffer.from(row.password_hash, 'hex');
  return candidate.length === expected.length && timingSafeEqual(candidate, expected) ? toUser(row) : null;
}
