import { pool } from '../db.js';
import { toUser, type UserRow } from '../models/user.js';

export interface SegmentRule {
  field: 'role' | 'createdAt' | 'email';
  op: 'eq' | 'neq' | 'before' | 'after' | 'endsWith';
  value: string;
}

export interface Segment {
  id: string;
  teamId: string;
  name: string;
  rules: SegmentRule[];
}

export async function listSegments(teamId: string): Promise<Segment[]> {
  const { rows } = await pool.query<Segment>('SELECT id, team_id AS "teamId", name, rules FROM segments WHERE team_id = $1', [teamId]);
  return rows;
}

export async function createSegment(teamId: string, name: string, rules: SegmentRule[]): Promise<Segment> {
  const { rows } = await pool.query<Segment>(
    'INSERT INTO segments (team_id, name, rules) VALUES ($1, $2, $3) RETURNING id, team_id AS "teamId", name, rules',
    [teamId, name, JSON.stringify(rules)],
  );
  return rows[0]!;
}

export async function previewSegment(teamId: string, rules: SegmentRule[]) {
  const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE team_id = $1 AND deactivated_at IS NULL', [teamId]);
  return rows.map(toUser).filter((user) =>
    rules.every((rule) => {
      const actual = rule.field === 'createdAt' ? user.createdAt.toISOString() : user[rule.field];
      switch (rule.op) {
        case 'eq':
          return actual === rule.value;
        case 'neq':
          return actual !== rule.value;
        case 'before':
          return actual < rule.value;
        case 'after':
          return actual > rule.value;
        case 'endsWith':
          return actual.endsWith(rule.value);
      }
    }),
  );
}
