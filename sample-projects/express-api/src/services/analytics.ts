import { runWarehouseQuery } from '../analytics/warehouse.js';
import { pool } from '../db.js';

export interface FunnelStep {
  step: string;
  users: number;
}

export async function activeUsers(teamId: string, from: Date, to: Date): Promise<number> {
  const rows = await runWarehouseQuery<{ n: number }>(
    'SELECT count(DISTINCT user_id)::int AS n FROM events WHERE team_id = $1 AND occurred_at BETWEEN $2 AND $3',
    [teamId, from, to],
  );
  return rows[0]?.n ?? 0;
}

export async function signupFunnel(teamId: string, from: Date, to: Date): Promise<FunnelStep[]> {
  return runWarehouseQuery<FunnelStep>(
    'SELECT step, count(DISTINCT user_id)::int AS users FROM funnel_events WHERE team_id = $1 AND occurred_at BETWEEN $2 AND $3 GROUP BY step ORDER BY min(step_order)',
    [teamId, from, to],
  );
}

export async function seatUtilisation(teamId: string): Promise<{ seats: number; active: number }> {
  const { rows } = await pool.query<{ seats: number; active: number }>(
    'SELECT t.seats, count(u.id)::int AS active FROM teams t LEFT JOIN users u ON u.team_id = t.id AND u.deactivated_at IS NULL WHERE t.id = $1 GROUP BY t.seats',
    [teamId],
  );
  return rows[0] ?? { seats: 0, active: 0 };
}
