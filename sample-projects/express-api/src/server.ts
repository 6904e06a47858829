import 'dotenv/config';

import express, { type ErrorRequestHandler, type Router } from 'express';

import { PORT } from './config.js';
import { HttpError } from './lib/http-error.js';
import { logger } from './logger.js';
import authRouter from './routes/auth.js';
import campaignsRouter from './routes/campaigns.js';
import healthRouter from './routes/health.js';
import ordersRouter from './routes/orders.js';
import teamsRouter from './routes/teams.js';
import usersRouter from './routes/users.js';

const ROUTER_LOAD_TIMEOUT_MS = 5_000;

// Mounted after the critical routers so the health check answers while the rest warm up.
const DEFERRED_ROUTERS: Array<[mountPath: string, load: () => Promise<{ default: Router }>]> = [
  ['/reports', () => import('./routes/reports.js')],
  ['/invoices', () => import('./routes/invoices.js')],
  ['/projects', () => import('./routes/projects.js')],
  ['/webhooks', () => import('./routes/webhooks.js')],
  ['/notifications', () => import('./routes/notifications.js')],
  ['/search', () => import('./routes/search.js')],
  ['/analytics', () => import('./routes/analytics.js')],
  ['/exports', () => import('./routes/exports.js')],
  ['/audit-logs', () => import('./routes/audit-logs.js')],
  ['/settings', () => import('./routes/settings.js')],
  ['/api-keys', () => import('./routes/api-keys.js')],
  ['/integrations', () => import('./routes/integrations.js')],
  ['/uploads', () => import('./routes/uploads.js')],
  ['/projects', () => import('./routes/comments.js')],
  ['/tags', () => import('./routes/tags.js')],
  ['/segments', () => import('./routes/segments.js')],
  ['/templates', () => import('./routes/templates.js')],
  ['/feature-flags', () => import('./routes/feature-flags.js')],
  ['/admin', () => import('./routes/admin.js')],
  ['/subscriptions', () => import('./routes/subscriptions.js')],
];

function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not load within ${ms}ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const status = err instanceof HttpError ? err.status : 500;
  if (status >= 500) {
    logger.error({ err, path: req.path }, 'unhandled error');
  }
  res.status(status).json({ error: err instanceof HttpError ? err.message : 'internal error', details: err?.details });
};

export async function createApp() {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));

  app.use('/', healthRouter);
  app.use('/auth', authRouter);
  app.use('/users', usersRouter);
  app.use('/teams', teamsRouter);
  app.use('/campaigns', campaignsRouter);
  app.use('/orders', ordersRouter);

  for (const [mountPath, load] of DEFERRED_ROUTERS) {
    const started = Date.now();
    try {
      const { default: router } = await withTimeout(load(), ROUTER_LOAD_TIMEOUT_MS, mountPath);
      app.use(mountPath, router);
      logger.info({ mountPath, ms: Date.now() - started }, 'router mounted');
    } catch (err) {
      logger.error({ err, mountPath }, 'router failed to load; continuing without it');
    }
  }

  app.use(errorHandler);
  return app;
}

export async function start() {
  const app = await createApp();
  const server = app.listen(PORT, () => logger.info({ port: PORT }, 'acme-api listening'));
  return server;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  start().catch((err: unknown) => {
    logger.fatal({ err }, 'failed to start');
    process.exit(1);
  });
}
