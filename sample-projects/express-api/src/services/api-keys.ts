import { createHmac, randomBytes } from 'node:crypto';

import { pool } from '../db.js';
import { secrets } from '../secrets.js';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  lastUsedAt: Date | null;
  createdAt: Date;
}

const hashKey = (raw: string) => createHmac('sha256', secrets.apiKeyPepper).update(raw).digest('hex');

export async function listApiKeys(teamId: string): Promise<ApiKey[]> {
  const { rows } = await pool.query<ApiKey>(
    'SELECT id, name, prefix, last_used_at AS "lastUsedAt", created_at AS "createdAt" FROM api_keys WHERE team_id = $1 AND revoked_at IS NULL',
    [teamId],
  );
  return rows;
}

export async function createApiKey(teamId: string, name: string): Promise<{ key: ApiKey; secret: string }> {
  const secret = `acme_${randomBytes(24).toString('base64url')}`;
  const { rows } = await pool.query<ApiKey>(
    'INSERT INTO api_keys (team_id, name, prefix, hash) VALUES ($1, $2, $3, $4) RETURNING id, name, prefix, last_used_at AS "lastUsedAt", created_at AS "createdAt"',
    [teamId, name, secret.slice(0, 10), hashKey(secret)],
  );
  return { key: rows[0]!, secret };
}

export async function revokeApiKey(teamId: string, id: string): Promise<boolean> {
  const { rowCount } = await pool.query('UPDATE api_keys SET revoked_at = now() WHERE team_id = $1 AND id = $2', [teamId, id]);
  return (rowCount ?? 0) > 0;
}
