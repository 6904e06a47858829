import pino from 'pino';

import { config, NODE_ENV } from './config.js';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? config.app.logLevel,
  base: { service: config.app.name, env: NODE_ENV },
});

export type Logger = typeof logger;
