import { cached, invalidate } from '../cache.js';
import { pool } from '../db.js';

export type TeamSettings = {
  timezone: string;
  locale: string;
  weeklyDigest: boolean;
  defaultCurrency: 'USD' | 'EUR' | 'GBP';
};

const DEFAULTS: TeamSettings = { timezone: 'UTC', locale: 'en-US', weeklyDigest: true, defaultCurrency: 'USD' };

export async function getSettings(teamId: string): Promise<TeamSettings> {
  return cached(`settings:${teamId}`, 300, async () => {
    const { rows } = await pool.query<{ settings: Partial<TeamSettings> }>('SELECT settings FROM team_settings WHERE team_id = $1', [teamId]);
    return { ...DEFAULTS, ...rows[0]?.settings };
  });
}

export async function updateSettings(teamId: string, patch: Partial<TeamSettings>): Promise<TeamSettings> {
  const next = { ...(await getSettings(teamId)), ...patch };
  await pool.query(
    'INSERT INTO team_settings (team_id, settings) VALUES ($1, $2) ON CONFLICT (team_id) DO UPDATE SET settings = excluded.settings',
    [teamId, JSON.stringify(next)],
  );
  await invalidate(`settings:${teamId}`);
  return next;
}
