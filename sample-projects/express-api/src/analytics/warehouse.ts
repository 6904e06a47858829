import { Pool as PgPool } from 'pg';

import { config } from '../config.js';

// Read-only connection to the analytics warehouse (Redshift speaks the postgres protocol).
export const warehouse = new PgPool({
  connectionString: config.warehouse.url,
  max: 4,
  statement_timeout: config.warehouse.statementTimeoutMs,
});

export async function runWarehouseQuery<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await warehouse.query<T>(sql, params);
  return result.rows;
}
