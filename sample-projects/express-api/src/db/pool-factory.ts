import { Pool } from 'pg';

import { config } from '../config.js';
import { logger } from '../logger.js';

export function createPool(name: string): Pool {
  const settings = config.pools[name];
  if (!settings) {
    throw new Error(`no pool settings for "${name}"`);
  }
  const pool = new Pool({
    connectionString: settings.url,
    max: settings.poolSize,
    application_name: `acme-api:${name}`,
  });
  pool.on('error', (err) => logger.error({ err, pool: name }, 'idle client error'));
  return pool;
}
