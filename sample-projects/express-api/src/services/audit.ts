import { pool } from '../db.js';

export interface AuditEvent {
  id: string;
  teamId: string;
  actorId: string;
  action: string;
  target: string;
  at: Date;
}

export async function recordAudit(teamId: string, actorId: string, action: string, target: string): Promise<void> {
  await pool.query('INSERT INTO audit_log (team_id, actor_id, action, target) VALUES ($1, $2, $3, $4)', [teamId, actorId, action, target]);
}

export async function listAudit(teamId: string, from: Date, to: Date, limit = 200): Promise<AuditEvent[]> {
  const { rows } = await pool.query<AuditEvent>(
    'SELECT id, team_id AS "teamId", actor_id AS "actorId", action, target, at FROM audit_log WHERE team_id = $1 AND at BETWEEN $2 AND $3 ORDER BY at DESC LIMIT $4',
    [teamId, from, to, limit],
  );
  return rows;
}
