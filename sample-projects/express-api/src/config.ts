import { readFileSync } from 'node:fs';

export interface AppConfig {
  app: { name: string; publicUrl: string; logLevel: string };
  database: { url: string; poolSize: number };
  pools: Record<string, { url: string; poolSize: number }>;
  warehouse: { url: string; statementTimeoutMs: number };
  redis: { url: string; keyPrefix: string };
  auth: { issuer: string; accessTokenTtl: string; refreshTokenTtlDays: number };
  mail: { from: string; provider: string };
  reports: { bucket: string; region: string; urlTtlSeconds: number };
  uploads: { dir: string; maxBytes: number };
  rates: { apiUrl: string };
  featureFlags: Record<string, boolean>;
}

const fileConfig = JSON.parse(readFileSync(new URL('../config.json', import.meta.url), 'utf8')) as AppConfig;

export const NODE_ENV = process.env.NODE_ENV ?? 'development';
export const PORT = Number(process.env.PORT ?? 3000);
export const JWT_SECRET = process.env.JWT_SECRET ?? 'dev-only-jwt-secret';
export const IS_PRODUCTION = NODE_ENV === 'production';

export const config: AppConfig = {
  ...fileConfig,
  database: {
    ...fileConfig.database,
    url: process.env.DATABASE_URL ?? fileConfig.database.url,
  },
  redis: {
    ...fileConfig.redis,
    url: process.env.REDIS_URL ?? fileConfig.redis.url,
  },
};
