// The sample projects' side effects, asserted whole against their EXPECTED.md.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/pipeline.js';

const SAMPLES = path.resolve(import.meta.dirname, '../sample-projects');
const MINE = /^(side-effect\/|duplicate-engine$)/;

/** The side-effect and duplicate-engine findings of a scan, as users read them. */
function effects(paths: string[], project?: string) {
  const { result } = scan({ paths: paths.map((p) => path.join(SAMPLES, p)), ...(project ? { project: path.join(SAMPLES, project) } : {}) });
  return result.findings
    .filter((f) => MINE.test(f.ruleId))
    .map((f) => ({ rule: f.ruleId, severity: f.severity, at: `${f.file}:${f.line}`, message: f.message, entries: f.entries.map((e) => path.basename(e, '.ts')) }));
}

const DB_ENTRIES = ['admin', 'analytics', 'api-keys', 'audit-logs', 'auth', 'comments', 'exports', 'invoices', 'notifications', 'orders', 'projects', 'search', 'segments', 'settings', 'subscriptions', 'tags', 'teams', 'templates', 'users', 'webhooks'];
const ALL_BUT_HEALTH = ['admin', 'analytics', 'api-keys', 'audit-logs', 'auth', 'campaigns', 'comments', 'exports', 'feature-flags', 'integrations', 'invoices', 'notifications', 'orders', 'projects', 'reports', 'search', 'segments', 'settings', 'subscriptions', 'tags', 'teams', 'templates', 'uploads', 'users', 'webhooks'];
const METRICS = ['admin', 'exports', 'orders', 'webhooks'];

describe('sample projects: side effects', () => {
  it('express-api', () => {
    expect(effects(['express-api/src/routes'])).toEqual([
      { rule: 'side-effect/engine-creation', severity: 'error', at: 'src/analytics/warehouse.ts:6', message: 'pg Pool created at module level', entries: ['analytics', 'reports'] },
      { rule: 'side-effect/engine-creation', severity: 'error', at: 'src/cache.ts:5', message: 'ioredis client created at module level', entries: ['auth', 'feature-flags', 'search', 'settings'] },
      { rule: 'side-effect/io', severity: 'warning', at: 'src/config.ts:17', message: 'synchronous I/O readFileSync() at module level', entries: ALL_BUT_HEALTH },
      { rule: 'duplicate-engine', severity: 'warning', at: 'src/db.ts:7', message: 'pg Pool created a second time (first at src/analytics/warehouse.ts:6)', entries: ['analytics'] },
      { rule: 'side-effect/engine-creation', severity: 'error', at: 'src/db.ts:7', message: 'pg Pool created at module level', entries: DB_ENTRIES },
      { rule: 'side-effect/listener', severity: 'info', at: 'src/db.ts:14', message: 'listener pool.on() at module level', entries: DB_ENTRIES },
      { rule: 'side-effect/timer', severity: 'warning', at: 'src/metrics.ts:31', message: 'timer setInterval() at module level', entries: METRICS },
      { rule: 'side-effect/listener', severity: 'info', at: 'src/metrics.ts:34', message: 'listener process.on() at module level', entries: METRICS },
      { rule: 'side-effect/top-level-await', severity: 'warning', at: 'src/secrets.ts:16', message: 'await at module level', entries: ['api-keys', 'integrations', 'webhooks'] },
      { rule: 'side-effect/network', severity: 'error', at: 'src/services/exchange-rates.ts:11', message: 'network request axios.get() at module level', entries: ['exports', 'invoices', 'orders', 'subscriptions'] },
      { rule: 'side-effect/service-instantiation', severity: 'warning', at: 'src/services/mailer.ts:30', message: 'Mailer instantiated at module level', entries: ['invoices', 'notifications'] },
      { rule: 'side-effect/io', severity: 'warning', at: 'src/services/storage.ts:7', message: 'synchronous I/O existsSync() at module level', entries: ['uploads'] },
      {
        rule: 'side-effect/service-instantiation',
        severity: 'error',
        at: 'src/services/zerodb.ts:64',
        message: 'ZeroDBService instantiated at module level: its constructor creates a pg Pool at src/db/pool-factory.ts:11 (via createPool() at src/services/zerodb.ts:31)',
        entries: ['campaigns'],
      },
    ]);
  });

  it('workspaces-monorepo', () => {
    expect(effects(['workspaces-monorepo/packages/api/src/routes'], 'workspaces-monorepo/tsconfig.json')).toEqual([
      { rule: 'side-effect/engine-creation', severity: 'error', at: 'packages/db/src/client.ts:3', message: 'knex instance created at module level', entries: ['customers', 'products'] },
    ]);
  });

  // The engines are reached only through imports that emitDecoratorMetadata keeps (constructor
  // parameter types); until the graph keeps those edges, the closures hold neither engine file.
  const controllers = ['health/health', 'notifications/notifications', 'orders/orders', 'users/users'].map((c) => `nestjs-app/src/${c}.controller.ts`);
  const hasMetadataEdges = () =>
    scan({ paths: [path.join(SAMPLES, controllers[3]!)] }).result.entries[0]!.eagerModules.includes('src/data-source.ts');
  it.skipIf(!hasMetadataEdges())('nestjs-app', () => {
    expect(effects(controllers)).toEqual([
      { rule: 'side-effect/engine-creation', severity: 'error', at: 'src/common/firebase.ts:3', message: 'firebase-admin app created at module level', entries: ['notifications.controller'] },
      { rule: 'side-effect/engine-creation', severity: 'error', at: 'src/data-source.ts:6', message: 'typeorm DataSource created at module level', entries: ['notifications.controller', 'users.controller'] },
    ]);
  });
});
