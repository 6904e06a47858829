#!/usr/bin/env node
// Deterministic generator of a synthetic TypeScript (Express) server repository,
// used to benchmark importscan against madge and dependency-cruiser.
//
//   node bench/generate.mjs --files 5000 --out bench/.work/repo-5k [--seed 1]
//                           [--resolution bundler|nodenext] [--force]
//
// `--files N` is the number of project source files (src/** + packages/shared/**).
// Fake packages in node_modules (express, pg, pg-protocol, ioredis, zod and a
// heavy @bench/cloud-sdk with a few hundred eagerly required files) come on top.
// The repo root gets a `bench-manifest.json` with what the generator knows about
// the graph it wrote (layer sizes, edge kinds, expected closure sizes), so the
// benchmark can sanity-check what each tool found.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const GENERATOR_VERSION = 3;

// ---------------------------------------------------------------- PRNG
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- vocabulary
const DOMAIN_WORDS = [
  'core', 'billing', 'users', 'auth', 'catalog', 'orders', 'payments', 'inventory', 'shipping',
  'notifications', 'search', 'analytics', 'reports', 'campaigns', 'accounts', 'teams', 'projects',
  'invoices', 'subscriptions', 'webhooks', 'audit', 'files', 'media', 'messaging', 'support',
  'tickets', 'integrations', 'pricing', 'tax', 'refunds', 'coupons', 'loyalty', 'reviews',
  'recommendations', 'sessions', 'permissions', 'roles', 'settings', 'exports', 'imports',
  'scheduling', 'calendar', 'tasks', 'workflows', 'approvals', 'documents', 'contracts', 'vendors',
  'suppliers', 'warehouses', 'fleet', 'routing', 'geo', 'compliance', 'kyc', 'fraud', 'ledger',
  'payouts', 'onboarding', 'feedback', 'surveys', 'experiments', 'flags', 'metrics',
];
const ENTITY_WORDS = [
  'account', 'invoice', 'order', 'payment', 'customer', 'product', 'price', 'cart', 'shipment',
  'address', 'profile', 'session', 'token', 'member', 'team', 'project', 'task', 'comment',
  'attachment', 'event', 'message', 'thread', 'channel', 'report', 'metric', 'budget', 'refund',
  'coupon', 'review', 'rating', 'plan', 'quota', 'usage', 'webhook', 'delivery', 'document',
  'contract', 'vendor', 'supplier', 'warehouse', 'vehicle', 'route', 'region', 'policy', 'rule',
  'approval', 'workflow', 'step', 'schedule', 'slot', 'booking', 'ticket', 'agent', 'label',
  'segment', 'campaign', 'audience', 'experiment', 'variant', 'flag', 'export', 'batch', 'job',
];
const FIELD_WORDS = [
  'id', 'name', 'status', 'createdAt', 'updatedAt', 'ownerId', 'amount', 'currency', 'email',
  'title', 'description', 'priority', 'version', 'tags', 'metadata', 'count', 'total', 'region',
  'expiresAt', 'enabled', 'kind', 'source', 'reference', 'notes', 'score', 'position',
];

const pascal = (s) => s.replace(/(^|[-_])(\w)/g, (_, __, c) => c.toUpperCase());
const camel = (s) => {
  const p = pascal(s);
  return p[0].toLowerCase() + p.slice(1);
};

// ---------------------------------------------------------------- layers
// rank: lower = deeper. `share` is the fraction of the N project files.
const LAYERS = {
  types: { rank: 0, share: 0.04, dir: 'src/types', suffix: '.types' },
  lib: { rank: 0, share: 0.21, dir: 'src/lib', suffix: '' },
  models: { rank: 2, share: 0.16, dir: 'src/models', suffix: '.model' },
  schemas: { rank: 3, share: 0.12, dir: 'src/schemas', suffix: '.schema' },
  repositories: { rank: 4, share: 0.08, dir: 'src/repositories', suffix: '.repository' },
  services: { rank: 5, share: 0.22, dir: 'src/services', suffix: '.service' },
  middleware: { rank: 6, share: 0.01, dir: 'src/middleware', suffix: '' },
  routes: { rank: 7, share: 0.02, dir: 'src/routes', suffix: '.routes' },
};
// what each layer imports (weights), besides packages
const IMPORT_MIX = {
  types: { types: 1 },
  lib: { lib: 0.8, types: 0.2 },
  models: { models: 0.35, lib: 0.4, types: 0.2, shared: 0.05 },
  schemas: { schemas: 0.4, models: 0.3, lib: 0.25, shared: 0.05 },
  repositories: { models: 0.4, lib: 0.25, schemas: 0.1, db: 0.15, repositories: 0.1 },
  services: { services: 0.22, repositories: 0.25, models: 0.15, schemas: 0.1, lib: 0.18, db: 0.04, shared: 0.03, sdk: 0.03 },
  middleware: { services: 0.35, lib: 0.45, db: 0.1, schemas: 0.1 },
  routes: { services: 0.5, schemas: 0.2, middleware: 0.15, models: 0.1, lib: 0.05 },
};
const FANOUT = {
  types: [0, 3], lib: [1, 5], models: [3, 8], schemas: [3, 7], repositories: [3, 8],
  services: [4, 12], middleware: [3, 6], routes: [4, 12], shared: [1, 3],
};
// same-domain bias per layer (the rest: 'core' domain or a random domain)
const LOCALITY = { services: 0.85, repositories: 0.75, middleware: 0.5, routes: 0.75 };

// ---------------------------------------------------------------- fake packages
function writeFile(abs, text) {
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
}

function cjsModule(rnd, name, requires, lines) {
  let s = `'use strict';\n`;
  requires.forEach((r, i) => { s += `const dep${i} = require(${JSON.stringify(r)});\n`; });
  s += `\nfunction ${name}(options) {\n  this.options = Object.assign({}, options);\n  this.state = 0;\n}\n`;
  for (let i = 0; i < lines; i++) {
    s += `${name}.prototype.op${i} = function op${i}(input) {\n  const v = (input || 0) + ${Math.floor(rnd() * 1000)};\n  this.state += v;\n  return { op: 'op${i}', value: v, state: this.state };\n};\n`;
  }
  s += `\nmodule.exports = ${name};\n`;
  requires.forEach((_, i) => { s += `module.exports.dep${i} = dep${i};\n`; });
  return s;
}

function pkgTypes(nm, name, dts) {
  writeFile(path.join(nm, name, 'index.d.ts'), dts);
  const pj = path.join(nm, name, 'package.json');
  const json = JSON.parse(fs.readFileSync(pj, 'utf8'));
  json.types = './index.d.ts';
  if (json.exports) json.exports['.'] = { types: './index.d.ts', ...json.exports['.'] };
  fs.writeFileSync(pj, JSON.stringify(json, null, 2) + '\n');
}

function writePackages(root, rnd) {
  const nm = path.join(root, 'node_modules');
  const pkg = (name, json) => writeFile(path.join(nm, name, 'package.json'), JSON.stringify({ name, ...json }, null, 2) + '\n');

  // express (CJS, main)
  pkg('express', { version: '4.21.2', main: 'index.js' });
  writeFile(path.join(nm, 'express/index.js'), `'use strict';\nmodule.exports = require('./lib/express');\n`);
  const expressFiles = ['application', 'request', 'response', 'utils', 'view', 'router/index', 'router/route', 'router/layer', 'middleware/init', 'middleware/query'];
  writeFile(path.join(nm, 'express/lib/express.js'),
    `'use strict';\n${expressFiles.map((f, i) => `const m${i} = require('./${f}');`).join('\n')}\n` +
    `function createApplication() { return Object.assign(function app(req, res, next) {}, m0); }\n` +
    `exports = module.exports = createApplication;\nexports.Router = m5;\nexports.json = function json() { return function (req, res, next) { next(); }; };\n`);
  for (const f of expressFiles) writeFile(path.join(nm, `express/lib/${f}.js`), cjsModule(rnd, pascal(path.basename(f)), [], 6));

  // pg (CJS) + pg-protocol
  pkg('pg-protocol', { version: '1.7.0', main: 'dist/index.js' });
  const protoFiles = ['parser', 'serializer', 'messages', 'buffer-reader', 'buffer-writer'];
  writeFile(path.join(nm, 'pg-protocol/dist/index.js'), `'use strict';\n${protoFiles.map((f) => `exports['${f}'] = require('./${f}');`).join('\n')}\n`);
  for (const f of protoFiles) writeFile(path.join(nm, `pg-protocol/dist/${f}.js`), cjsModule(rnd, pascal(f), [], 10));
  pkg('pg', { version: '8.13.1', main: './lib', dependencies: { 'pg-protocol': '^1.7.0' } });
  const pgFiles = ['client', 'pool', 'query', 'result', 'connection', 'defaults', 'utils', 'type-overrides', 'connection-parameters', 'native/index', 'crypto/sasl', 'crypto/utils'];
  writeFile(path.join(nm, 'pg/lib/index.js'),
    `'use strict';\n${pgFiles.map((f, i) => `const m${i} = require('./${f}');`).join('\n')}\n` +
    `module.exports = { Client: m0, Pool: m1, Query: m2, defaults: m5, types: m7 };\n`);
  pgFiles.forEach((f, i) => writeFile(path.join(nm, `pg/lib/${f}.js`), cjsModule(rnd, pascal(path.basename(f)), i === 4 ? ['pg-protocol'] : [], 12)));

  // ioredis (CJS)
  pkg('ioredis', { version: '5.4.2', main: './built/index.js' });
  const redisFiles = Array.from({ length: 24 }, (_, i) => `part${i}`);
  writeFile(path.join(nm, 'ioredis/built/index.js'),
    `'use strict';\n${redisFiles.map((f, i) => `const m${i} = require('./${f}');`).join('\n')}\n` +
    `class Redis { constructor(opts) { this.opts = opts; } }\nclass Cluster extends Redis {}\nmodule.exports = Redis;\nmodule.exports.default = Redis;\nmodule.exports.Redis = Redis;\nmodule.exports.Cluster = Cluster;\n`);
  for (const f of redisFiles) writeFile(path.join(nm, `ioredis/built/${f}.js`), cjsModule(rnd, pascal(f), [], 8));

  // zod (dual package, exports map)
  pkg('zod', {
    version: '3.24.1', type: 'commonjs', main: './lib/index.js', module: './lib/index.mjs',
    exports: { '.': { import: './lib/index.mjs', require: './lib/index.js' }, './package.json': './package.json' },
  });
  const zodFiles = ['types', 'errors', 'parse-util', 'util', 'enum-util', 'error-util', 'locales-en', 'standard-schema'];
  const zodApi = `const mk = (kind) => (shape) => ({ kind, shape, parse: (v) => v, safeParse: (v) => ({ success: true, data: v }), optional() { return this; }, extend(s) { return mk(kind)(Object.assign({}, shape, s)); } });\n` +
    `const z = { object: mk('object'), string: mk('string'), number: mk('number'), boolean: mk('boolean'), array: mk('array'), enum: mk('enum'), literal: mk('literal'), union: mk('union') };\n`;
  writeFile(path.join(nm, 'zod/lib/index.mjs'), `${zodFiles.map((f, i) => `import * as m${i} from './${f}.mjs';`).join('\n')}\n${zodApi}export { z };\nexport default z;\nexport const internals = [${zodFiles.map((_, i) => `m${i}`).join(', ')}];\n`);
  writeFile(path.join(nm, 'zod/lib/index.js'), `'use strict';\n${zodFiles.map((f, i) => `const m${i} = require('./${f}.js');`).join('\n')}\n${zodApi}exports.z = z;\nexports.default = z;\n`);
  for (const f of zodFiles) {
    writeFile(path.join(nm, `zod/lib/${f}.mjs`), `export const name = ${JSON.stringify(f)};\nexport function check(v) { return v !== undefined; }\n`);
    writeFile(path.join(nm, `zod/lib/${f}.js`), `'use strict';\nexports.name = ${JSON.stringify(f)};\nexports.check = function check(v) { return v !== undefined; };\n`);
  }

  // heavy SDK: a few hundred internal files, all eagerly required from the entry
  pkg('@bench/cloud-sdk', { version: '2.1.0', main: 'dist/index.js' });
  const sdkFiles = Array.from({ length: 320 }, (_, i) => `clients/client-${i}`);
  writeFile(path.join(nm, '@bench/cloud-sdk/dist/index.js'),
    `'use strict';\n${sdkFiles.map((f, i) => `exports.Client${i} = require('./${f}');`).join('\n')}\n` +
    `class CloudClient { constructor(cfg) { this.cfg = cfg; } send(cmd) { return Promise.resolve(cmd); } }\nexports.CloudClient = CloudClient;\n`);
  sdkFiles.forEach((f, i) => writeFile(path.join(nm, `@bench/cloud-sdk/dist/${f}.js`),
    cjsModule(rnd, `Client${i}`, i > 0 && i % 10 === 0 ? ['../shared/runtime'] : [], 14)));
  writeFile(path.join(nm, '@bench/cloud-sdk/dist/shared/runtime.js'), cjsModule(rnd, 'Runtime', [], 20));

  // minimal typings so that the generated project type-checks (`tsc --noEmit`)
  pkgTypes(nm, 'express', `export interface Request { body: any; query: any; params: any; user?: any }\nexport interface Response { status(code: number): Response; json(body: unknown): Response }\nexport type NextFunction = (err?: unknown) => void;\nexport interface IRouter { [verb: string]: any; use(...args: any[]): IRouter }\nexport function Router(): IRouter;\ndeclare function express(): any;\ndeclare namespace express { function json(): any; }\nexport default express;\n`);
  pkgTypes(nm, 'pg', `export declare class Pool { constructor(cfg?: Record<string, unknown>); query(text: string, values?: unknown[]): Promise<{ rows: any[] }>; connect(): Promise<{ release(): void }>; }\nexport declare class Client { constructor(cfg?: Record<string, unknown>); }\n`);
  pkgTypes(nm, 'ioredis', `declare class Redis { constructor(url?: string, opts?: Record<string, unknown>); get(key: string): Promise<string | null>; set(key: string, value: string): Promise<unknown>; }\nexport { Redis };\nexport declare class Cluster extends Redis {}\nexport default Redis;\n`);
  pkgTypes(nm, 'zod', `interface Schema { shape: any; parse(v: unknown): any; optional(): Schema; extend(s: any): Schema }\nexport declare const z: { [k: string]: (...args: any[]) => Schema };\n`);
  pkgTypes(nm, '@bench/cloud-sdk', `export declare class CloudClient { constructor(cfg: Record<string, unknown>); send(cmd: unknown): Promise<unknown>; }\n`);

  return { packages: ['express', 'pg', 'pg-protocol', 'ioredis', 'zod', '@bench/cloud-sdk'], packageFiles: 1 + expressFiles.length + 1 + 1 + protoFiles.length + 1 + pgFiles.length + 1 + redisFiles.length + 2 + zodFiles.length * 2 + sdkFiles.length + 1 };
}

// ---------------------------------------------------------------- project model
function plan(N, rnd) {
  const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const D = Math.max(4, Math.round(N / 110));
  const domains = Array.from({ length: D }, (_, i) => {
    const w = DOMAIN_WORDS[i % DOMAIN_WORDS.length];
    return i < DOMAIN_WORDS.length ? w : `${w}${Math.floor(i / DOMAIN_WORDS.length) + 1}`;
  });

  // Domain dependency DAG: 'core' (0) is used by everyone; a few "foundation" domains depend
  // on core only; every other domain may use two foundation domains and one earlier peer
  // domain. Keeps eager closures realistic (hundreds to a few thousand files) at any size.
  const pCore = 0.12 * Math.min(1, 5000 / N);
  const F = Math.max(2, Math.round(D * 0.1));
  const domainDeps = Array.from({ length: D }, (_, d) => {
    if (d === 0) return [];
    if (d <= F) return [0];
    const deps = new Set([0, 1 + Math.floor(rnd() * F), 1 + Math.floor(rnd() * F)]);
    if (d > F + 1) deps.add(F + 1 + Math.floor(rnd() * (d - F - 1)));
    return [...deps];
  });
  const files = []; // {id, layer, domain, rel, name, ...}
  const add = (f) => { f.id = files.length; f.imports = []; files.push(f); return f; };

  // fixed infrastructure
  const fixed = {};
  fixed.env = add({ layer: 'config', rel: 'src/config/env.ts', kind: 'env' });
  fixed.config = add({ layer: 'config', rel: 'src/config/index.ts', kind: 'config' });
  fixed.pg = add({ layer: 'db', rel: 'src/db/pg.ts', kind: 'pg' });
  fixed.replica = add({ layer: 'db', rel: 'src/db/replica.ts', kind: 'pg-replica' });
  fixed.redis = add({ layer: 'db', rel: 'src/db/redis.ts', kind: 'redis' });
  fixed.cache = add({ layer: 'db', rel: 'src/db/cache.ts', kind: 'redis-cache' });
  fixed.dbIndex = add({ layer: 'barrel', rel: 'src/db/index.ts', kind: 'barrel-db' });
  fixed.dbIndex.members = [fixed.pg, fixed.replica, fixed.redis, fixed.cache];
  fixed.sdk = add({ layer: 'db', rel: 'src/lib/cloud/client.ts', kind: 'sdk' });
  fixed.logger = add({ layer: 'infra', rel: 'src/lib/logger.ts', kind: 'logger' });
  fixed.app = add({ layer: 'app', rel: 'src/app.ts', kind: 'app' });
  fixed.server = add({ layer: 'app', rel: 'src/server.ts', kind: 'server' });
  const sharedCount = Math.max(8, Math.round(N * 0.02));
  fixed.sharedIndex = add({ layer: 'sharedIndex', rel: 'packages/shared/src/index.ts', kind: 'barrel-shared' });
  const sharedFiles = [];
  for (let i = 0; i < sharedCount; i++) {
    const ent = ENTITY_WORDS[i % ENTITY_WORDS.length];
    sharedFiles.push(add({ layer: 'shared', domain: 0, rel: `packages/shared/src/${ent}-${i}.ts`, name: `${pascal(ent)}Shared${i}` }));
  }

  // how many files per layer: the remainder after fixed files and barrels
  const layerNames = Object.keys(LAYERS);
  const barrelLayers = ['services', 'models', 'schemas', 'repositories'];
  const barrelCount = barrelLayers.length * D + 1; // + src/lib/index.ts
  const budget = Math.max(layerNames.length * 2, N - files.length - barrelCount);
  const counts = {};
  let assigned = 0;
  const shareSum = layerNames.reduce((a, l) => a + LAYERS[l].share, 0);
  for (const l of layerNames) { counts[l] = Math.max(2, Math.round((budget * LAYERS[l].share) / shareSum)); assigned += counts[l]; }
  counts.lib += budget - assigned; // rounding remainder

  const byLayer = {};
  const byLayerDomain = {};
  for (const l of layerNames) {
    byLayer[l] = [];
    byLayerDomain[l] = Array.from({ length: D }, () => []);
    const L = LAYERS[l];
    for (let i = 0; i < counts[l]; i++) {
      const domain = l === 'routes' ? i % D : (rnd() < pCore ? 0 : 1 + Math.floor(rnd() * (D - 1)));
      const ent = pick(ENTITY_WORDS);
      const n = byLayer[l].length;
      const base = `${ent}-${n}`;
      const sub = l === 'middleware' ? '' : `${domains[domain]}/`;
      const rel = `${L.dir}/${sub}${base}${L.suffix}.ts`;
      const P = pascal(ent) + n;
      const f = add({ layer: l, domain, rel, ent, n, idx: n, name: P });
      byLayer[l].push(f);
      byLayerDomain[l][domain].push(f);
    }
  }
  byLayer.shared = sharedFiles;
  byLayerDomain.shared = [sharedFiles];

  // barrels: one per domain directory of these layers (only when it has files)
  const barrels = {};
  for (const l of barrelLayers) {
    barrels[l] = [];
    for (let d = 0; d < D; d++) {
      const members = byLayerDomain[l][d];
      if (!members.length) { barrels[l][d] = null; continue; }
      barrels[l][d] = add({ layer: 'barrel', of: l, domain: d, rel: `${LAYERS[l].dir}/${domains[d]}/index.ts`, members });
    }
  }
  // the "utils" barrel anti-pattern: src/lib/index.ts re-exports the core lib domain
  fixed.libIndex = add({ layer: 'barrel', of: 'lib', domain: 0, rel: 'src/lib/index.ts', members: byLayerDomain.lib[0].slice(0, 12) });

  // ---------------------------------------------------------- imports
  // kinds: 'value' (eager), 'type' (import type), 'elided' (import { T } used as type only),
  // 'dynamic' (await import() in a function body)
  const seen = new Set();
  const addImport = (src, dst, kind, viaBarrel = null) => {
    const key = `${src.id}>${exportNames(dst)?.value ?? dst.id}`; // one import per binding: no duplicate identifiers
    if (seen.has(key) || src === dst || src === viaBarrel) return false;
    seen.add(key);
    src.imports.push({ dst, kind, barrel: viaBarrel });
    return true;
  };
  const chooseLayer = (mix) => {
    let r = rnd(); let last;
    for (const [k, w] of Object.entries(mix)) { last = k; if ((r -= w) < 0) return k; }
    return last;
  };
  const pickTarget = (src, layer) => {
    if (layer === 'db') {
      const r = rnd();
      return r < 0.45 ? fixed.pg : r < 0.6 ? fixed.replica : r < 0.8 ? fixed.redis : r < 0.9 ? fixed.cache : fixed.dbIndex;
    }
    if (layer === 'sdk') return fixed.sdk;
    if (layer === 'shared') return pick(sharedFiles);
    const loc = LOCALITY[src.layer] ?? 0.72;
    const r = rnd();
    const own = src.domain ?? 0;
    const deps = domainDeps[own];
    let d = r < loc || !deps.length ? own : r < loc + (1 - loc) * 0.4 ? 0 : deps[Math.floor(rnd() * deps.length)];
    let list = byLayerDomain[layer][d];
    const sameLayer = layer === src.layer && d === own;
    const cycle = sameLayer && rnd() < 0.015;
    if (sameLayer && !cycle) list = list.filter((f) => f.idx < src.idx);
    if (!list.length && d !== 0) {
      d = 0;
      list = byLayerDomain[layer][0];
      if (layer === src.layer && own === 0) list = list.filter((f) => f.idx < src.idx);
    }
    if (!list.length) return null;
    // favour recently written neighbours within the same layer (keeps chains long, closures local)
    if (sameLayer && !cycle && rnd() < 0.5) return list[Math.max(0, list.length - 1 - Math.floor(rnd() * 6))];
    return pick(list);
  };
  const typeKindFor = (layer, dstLayer) => {
    const r = rnd();
    if (dstLayer === 'types') return 'type';
    if (dstLayer === 'models' && layer !== 'repositories') return r < 0.45 ? 'type' : r < 0.7 ? 'elided' : 'value';
    return r < 0.07 ? 'type' : r < 0.15 ? 'elided' : 'value';
  };

  for (const f of files) {
    const mix = IMPORT_MIX[f.layer];
    if (mix) {
      const [a, b] = FANOUT[f.layer];
      const k = ri(a, b);
      for (let i = 0, tries = 0; i < k && tries < k * 4; tries++) {
        const tl = chooseLayer(mix);
        const dst = pickTarget(f, tl);
        if (!dst) continue;
        const kind = dst.layer === 'db' || dst.layer === 'shared' || dst.layer === 'sharedIndex' ? 'value' : typeKindFor(f.layer, dst.layer);
        let barrel = null;
        if (dst.layer === 'shared') barrel = fixed.sharedIndex;
        if (!barrel && barrels[dst.layer] && kind !== 'type' && rnd() < (dst.domain === f.domain ? 0.03 : 0.04)) barrel = barrels[dst.layer][dst.domain];
        if (dst.layer === 'lib' && dst.domain === 0 && fixed.libIndex.members.includes(dst) && rnd() < 0.3) barrel = fixed.libIndex;
        if (addImport(f, dst, kind, barrel)) i++;
      }
      if (f.layer !== 'types' && f.layer !== 'lib' && rnd() < 0.5) addImport(f, fixed.logger, 'value');
      // lazy (dynamic) imports inside function bodies
      if ((f.layer === 'services' || f.layer === 'routes') && rnd() < 0.06) {
        const dst = pickTarget(f, rnd() < 0.5 ? 'lib' : 'services');
        if (dst) addImport(f, dst, 'dynamic');
      }
    } else if (f.layer === 'shared') {
      const prev = sharedFiles.filter((s) => s.id < f.id);
      for (let i = 0; i < Math.min(prev.length, ri(0, 2)); i++) addImport(f, pick(prev), rnd() < 0.3 ? 'type' : 'value');
    }
  }
  // fixed wiring
  addImport(fixed.config, fixed.env, 'value');
  for (const db of [fixed.pg, fixed.replica, fixed.redis, fixed.cache, fixed.sdk]) { addImport(db, fixed.config, 'value'); addImport(db, fixed.logger, 'value'); }
  for (const db of [fixed.pg, fixed.replica, fixed.redis, fixed.cache]) addImport(fixed.dbIndex, db, 'value');
  for (const m of sharedFiles) addImport(fixed.sharedIndex, m, 'value');
  for (const l of [...barrelLayers]) for (const b of barrels[l]) if (b) for (const m of b.members) addImport(b, m, 'value');
  for (const m of fixed.libIndex.members) addImport(fixed.libIndex, m, 'value');
  addImport(fixed.app, fixed.config, 'value');
  addImport(fixed.app, fixed.logger, 'value');
  // server: most routers eagerly (through app.ts), ~30% deferred with await import()
  const deferred = new Set();
  for (const r of byLayer.routes) {
    if (rnd() < 0.3) { deferred.add(r); addImport(fixed.server, r, 'dynamic'); } else addImport(fixed.app, r, 'value');
  }
  addImport(fixed.server, fixed.app, 'value');
  addImport(fixed.server, fixed.pg, 'value');
  addImport(fixed.server, fixed.config, 'value');

  // module-level service instantiation in a few services
  for (const s of byLayer.services) s.singleton = rnd() < 0.03;

  return { files, fixed, domains, byLayer, barrels, deferred, counts, D };
}

// ---------------------------------------------------------------- emit
function exportNames(f) {
  // value / type export of a file, by layer
  const P = f.name;
  switch (f.layer) {
    case 'types': return { value: null, type: `${P}Shape`, use: null };
    case 'lib': return { value: `${camel(f.ent)}Util${f.n}`, type: `${P}Options`, use: 'call' };
    case 'models': return { value: `to${P}`, type: `${P}`, use: 'call' };
    case 'schemas': return { value: `${camel(f.ent)}${f.n}Schema`, type: `${P}Input`, use: 'schema' };
    case 'repositories': return { value: `${P}Repository`, type: `${P}Row`, use: 'new' };
    case 'services': return { value: `${P}Service`, type: `${P}ServiceOptions`, use: 'new' };
    case 'middleware': return { value: `require${P}`, type: `${P}Context`, use: 'middleware' };
    case 'shared': return { value: `shared${P}`, type: `${P}Dto`, use: 'call' };
    case 'routes': return { value: null, type: null, use: null };
    default: break;
  }
  switch (f.kind) {
    case 'env': return { value: 'env', type: 'Env', use: 'member' };
    case 'config': return { value: 'config', type: 'AppConfig', use: 'member' };
    case 'pg': return { value: 'pool', type: 'DbPool', use: 'query' };
    case 'pg-replica': return { value: 'replicaPool', type: 'ReplicaPool', use: 'query' };
    case 'redis': return { value: 'redis', type: 'RedisClient', use: 'redis' };
    case 'redis-cache': return { value: 'cacheClient', type: 'CacheClient', use: 'redis' };
    case 'barrel-db': return { value: 'pool', type: 'DbPool', use: 'query' };
    case 'sdk': return { value: 'cloud', type: 'CloudConfig', use: 'sdk' };
    case 'logger': return { value: 'logger', type: 'Logger', use: 'logger' };
    case 'barrel-shared': return null;
    case 'app': return { value: 'createApp', type: null, use: 'call' };
    default: return null;
  }
}

function specifier(from, to, style, resolution, dirImport = false) {
  // style: 'alias' | 'rel' | 'relJs'
  let target = to.rel.replace(/\.ts$/, '');
  if (dirImport) target = target.replace(/\/index$/, '');
  const js = resolution === 'nodenext' || style === 'relJs';
  if (to.rel.startsWith('packages/shared/') && !from.rel.startsWith('packages/shared/')) return '@bench/shared';
  if (style === 'alias' && target.startsWith('src/')) {
    const s = '@app/' + target.slice(4);
    return js || resolution === 'nodenext' ? (dirImport ? s + '/index.js' : s + '.js') : s;
  }
  let r = path.posix.relative(path.posix.dirname(from.rel), target);
  if (!r.startsWith('.')) r = './' + r;
  if (js) r += dirImport ? '/index.js' : '.js';
  return r;
}

function useExpr(names, arg) {
  switch (names.use) {
    case 'call': return `${names.value}(${arg})`;
    case 'schema': return `${names.value}.parse(${arg})`;
    case 'new': return `new ${names.value}()`;
    case 'middleware': return `${names.value}`;
    case 'member': return `${names.value}.${names.value === 'env' ? 'NODE_ENV' : 'port'}`;
    case 'query': return `await ${names.value}.query('select 1', [${arg}])`;
    case 'redis': return `await ${names.value}.get(String(${arg}))`;
    case 'sdk': return `await ${names.value}.send({ kind: 'put', body: ${arg} })`;
    case 'logger': return `${names.value}.info({ value: ${arg} })`;
    default: return arg;
  }
}

function fieldsBlock(rnd, indent, count, optional = true) {
  const out = [];
  const used = new Set(['id']);
  for (let i = 0; i < count; i++) {
    const f = FIELD_WORDS[Math.floor(rnd() * FIELD_WORDS.length)];
    if (used.has(f)) continue;
    used.add(f);
    const t = ['string', 'number', 'boolean', 'Date', 'string[]', 'Record<string, unknown>'][Math.floor(rnd() * 6)];
    out.push(`${indent}${f}${optional && rnd() < 0.3 ? '?' : ''}: ${t};`);
  }
  return out;
}

function emitFile(f, ctx) {
  const { rnd, resolution } = ctx;
  const lines = [];
  const ri = (a, b) => a + Math.floor(rnd() * (b - a + 1));
  const target = ri(30, 120);
  const me = exportNames(f);

  // ---- imports
  const valueUses = []; // names usable in function bodies
  const typeUses = [];
  const moduleLevelUses = [];
  const dynamicUses = [];
  const pkgImports = [];
  if (f.layer === 'routes') pkgImports.push(`import { Router, type Request, type Response, type NextFunction } from 'express';`);
  if (f.layer === 'schemas' || (f.layer === 'routes' && rnd() < 0.5)) pkgImports.push(`import { z } from 'zod';`);
  if (f.layer === 'lib' && rnd() < 0.3) pkgImports.push(`import { createHash } from 'node:crypto';`);
  if (f.layer === 'lib' && rnd() < 0.2) pkgImports.push(`import path from 'node:path';`);
  lines.push(...pkgImports);

  for (const imp of f.imports) {
    const dst = imp.dst;
    const names = exportNames(dst);
    if (imp.kind === 'dynamic') {
      const spec = specifier(f, dst, rnd() < 0.5 ? 'relJs' : 'rel', resolution);
      if (names && names.value) dynamicUses.push({ spec, names });
      continue;
    }
    const style = rnd() < 0.35 ? 'alias' : rnd() < 0.7 ? 'rel' : 'relJs';
    const from = imp.barrel || dst;
    const spec = specifier(f, from, style, resolution, !!imp.barrel);
    if (dst.layer === 'routes') { lines.push(`import router${dst.id} from ${JSON.stringify(spec)};`); continue; }
    if (!names) { lines.push(`import ${JSON.stringify(spec)};`); continue; }
    if (imp.kind === 'type' || !names.value) {
      if (names.type) { lines.push(`import type { ${names.type} } from ${JSON.stringify(spec)};`); typeUses.push(names.type); }
    } else if (imp.kind === 'elided') {
      if (names.type) { lines.push(`import { ${names.type} } from ${JSON.stringify(spec)};`); typeUses.push(names.type); }
      else { lines.push(`import type { ${names.value} } from ${JSON.stringify(spec)};`); }
    } else {
      const withType = names.type && rnd() < 0.3;
      lines.push(`import { ${names.value}${withType ? `, type ${names.type}` : ''} } from ${JSON.stringify(spec)};`);
      if (withType) typeUses.push(names.type);
      valueUses.push(names);
    }
  }
  lines.push('');

  const P = f.name || 'App';
  const typeRef = () => (typeUses.length ? typeUses[Math.floor(rnd() * typeUses.length)] : 'unknown');
  const used = new Set();
  const bodyCalls = (indent, arg) => {
    const out = [];
    const n = Math.min(valueUses.length, ri(1, 3));
    for (let i = 0; i < n; i++) {
      // unused imports first, so that every value import is referenced as a value
      const u = valueUses.find((v) => !used.has(v.value)) ?? valueUses[Math.floor(rnd() * valueUses.length)];
      if (u.use === 'middleware') continue;
      used.add(u.value);
      out.push(`${indent}const r${i} = ${useExpr(u, arg)};`);
      out.push(`${indent}results.push(r${i});`);
    }
    return out;
  };
  const fill = (makeChunk) => { let guard = 0; while (lines.length < target - 3 && guard++ < 40) lines.push(...makeChunk(guard)); };

  switch (f.layer) {
    case 'types': {
      lines.push(`export interface ${me.type} {`, ...fieldsBlock(rnd, '  ', ri(4, 10)), `}`, '');
      lines.push(`export type ${me.type}Key = keyof ${me.type};`);
      lines.push(`export type ${me.type}Patch = Partial<${me.type}> & { id: string };`, '');
      fill((g) => [`export interface ${me.type}Part${g} {`, ...fieldsBlock(rnd, '  ', ri(3, 8)), `  parent?: ${typeRef()};`, `}`, '']);
      break;
    }
    case 'lib':
    case 'shared': {
      lines.push(`export interface ${me.type} {`, ...fieldsBlock(rnd, '  ', ri(3, 7)), `}`, '');
      lines.push(`const DEFAULTS_${f.n ?? f.id}: Readonly<Record<string, number>> = Object.freeze({ retries: ${ri(1, 5)}, timeoutMs: ${ri(100, 5000)} });`, '');
      lines.push(`export function ${me.value}(input: unknown, options?: Partial<${me.type}>): Record<string, unknown> {`);
      lines.push(`  const results: unknown[] = [];`, ...bodyCalls('  ', 'input'));
      lines.push(`  return { input, options, results, defaults: DEFAULTS_${f.n ?? f.id} };`, `}`, '');
      fill((g) => [
        `export function ${me.value}Step${g}(value: number, factor = ${ri(2, 9)}): number {`,
        `  if (!Number.isFinite(value)) {`, `    throw new TypeError('value must be finite');`, `  }`,
        `  const scaled = value * factor + ${ri(0, 99)};`, `  return Math.round(scaled * 100) / 100;`, `}`, '',
      ]);
      break;
    }
    case 'models': {
      lines.push(`export interface ${me.type} {`, `  id: string;`, ...fieldsBlock(rnd, '  ', ri(4, 10)), `  related?: ${typeRef()};`, `}`, '');
      lines.push(`export class ${P}Entity {`, `  id = '';`, `  createdAt = new Date(0);`, '',
        `  constructor(init?: Partial<${me.type}>) {`, `    Object.assign(this, init);`, `  }`, '',
        `  toJSON(): Record<string, unknown> {`, `    return { id: this.id, createdAt: this.createdAt.toISOString() };`, `  }`, `}`, '');
      lines.push(`export function ${me.value}(input: unknown): ${me.type} {`, `  const row = (input ?? {}) as Record<string, unknown>;`, `  const results: unknown[] = [];`, ...bodyCalls('  ', 'row'),
        `  return { id: String(row.id), ...row, results } as unknown as ${me.type};`, `}`, '');
      fill((g) => [`export function is${P}Variant${g}(value: unknown): value is ${me.type} {`,
        `  return typeof value === 'object' && value !== null && 'id' in value;`, `}`, '']);
      break;
    }
    case 'schemas': {
      const base = valueUses.find((u) => u.use === 'schema');
      if (base) used.add(base.value);
      lines.push(`export const ${me.value} = z.object({`);
      for (const l of fieldsBlock(rnd, '  ', ri(4, 9), false)) {
        const [k, t] = l.trim().replace(';', '').split(': ');
        lines.push(`  ${k}: z.${t === 'number' ? 'number' : t === 'boolean' ? 'boolean' : 'string'}(),`);
      }
      lines.push(`})${base ? `.extend(${base.value}.shape)` : ''};`, '');
      if (base) moduleLevelUses.push(base);
      lines.push(`export type ${me.type} = ReturnType<typeof ${me.value}.parse> & { ref?: ${typeRef()} };`, '');
      lines.push(`export function validate${P}(body: unknown): ${me.type} {`, `  const results: unknown[] = [];`, ...bodyCalls('  ', 'body'), `  return ${me.value}.parse(body) as ${me.type};`, `}`, '');
      fill((g) => [`export const ${camel(f.ent)}${f.n}Partial${g}Schema = z.object({`, `  id: z.string(),`, `  version: z.number().optional(),`, `});`, '']);
      break;
    }
    case 'repositories':
    case 'services': {
      const kindWord = f.layer === 'services' ? 'Service' : 'Repository';
      lines.push(`export interface ${me.type} {`, ...fieldsBlock(rnd, '  ', ri(2, 6)), `  parent?: ${typeRef()};`, `}`, '');
      lines.push(`export class ${me.value} {`, `  private readonly cache = new Map<string, unknown>();`, '',
        `  constructor(private readonly options: Partial<${me.type}> = {}) {}`, '');
      const methods = ['list', 'get', 'create', 'update', 'remove', 'sync', 'count', 'search', 'archive', 'restore'];
      let m = 0;
      const addMethod = () => {
        const name = methods[m % methods.length] + (m >= methods.length ? m : '');
        m++;
        const out = [`  async ${name}(input: Record<string, unknown> = {}): Promise<unknown[]> {`, `    const results: unknown[] = [];`,
          `    const key = JSON.stringify(input);`, `    if (this.cache.has(key)) {`, `      return this.cache.get(key) as unknown[];`, `    }`];
        out.push(...bodyCalls('    ', 'input'));
        if (dynamicUses.length && m === 1) {
          const d = dynamicUses[0];
          out.push(`    const lazy = await import(${JSON.stringify(d.spec)});`, `    results.push(lazy.${d.names.value});`);
        }
        out.push(`    this.cache.set(key, results);`, `    return results;`, `  }`, '');
        return out;
      };
      lines.push(...addMethod());
      let guard = 0;
      while (lines.length < target - 6 && guard++ < 30) lines.push(...addMethod());
      lines.push(`}`, '');
      if (f.singleton) lines.push(`export const ${camel(me.value)} = new ${me.value}();`, '');
      break;
    }
    case 'middleware': {
      lines.push(`export interface ${me.type} {`, ...fieldsBlock(rnd, '  ', ri(2, 6)), `}`, '');
      lines.push(`export async function ${me.value}(req: any, res: any, next: (err?: unknown) => void): Promise<void> {`, `  const results: unknown[] = [];`,
        `  try {`, ...bodyCalls('    ', 'req.body'), `    req.context = { results } as unknown as ${me.type};`, `    next();`,
        `  } catch (err) {`, `    next(err);`, `  }`, `}`, '');
      fill((g) => [`export function ${me.value}Guard${g}(role: string) {`, `  return (req: any, _res: any, next: (err?: unknown) => void) => {`,
        `    if (!req.user || req.user.role !== role) {`, `      next(new Error('forbidden'));`, `      return;`, `    }`, `    next();`, `  };`, `}`, '']);
      break;
    }
    case 'routes': {
      const mws = valueUses.filter((u) => u.use === 'middleware').map((u) => u.value);
      const others = valueUses.filter((u) => u.use !== 'middleware');
      lines.push(`const router = Router();`, '');
      const verbs = ['get', 'post', 'put', 'patch', 'delete'];
      let h = 0;
      const addHandler = () => {
        const v = verbs[h % verbs.length];
        const out = [`router.${v}('/${f.ent}s${h ? `/:id/sub${h}` : ''}', ${mws.length ? mws[h % mws.length] + ', ' : ''}async (req: Request, res: Response, next: NextFunction) => {`,
          `  try {`, `    const results: unknown[] = [];`];
        const n = Math.min(others.length, ri(1, 3));
        for (let i = 0; i < n; i++) {
          const u = others[(h + i) % others.length];
          used.add(u.value);
          out.push(`    results.push(${useExpr(u, 'req.body')});`);
        }
        if (dynamicUses.length && h === 0) out.push(`    const mod = await import(${JSON.stringify(dynamicUses[0].spec)});`, `    results.push(mod.${dynamicUses[0].names.value});`);
        out.push(`    res.status(${v === 'post' ? 201 : 200}).json({ data: results, ref: null as ${typeRef()} | null });`, `  } catch (err) {`, `    next(err);`, `  }`, `});`, '');
        h++;
        return out;
      };
      lines.push(...addHandler());
      let guard = 0;
      while (lines.length < target - 2 && guard++ < 30) lines.push(...addHandler());
      for (const u of valueUses) if (!used.has(u.value)) {
        used.add(u.value);
        lines.push(u.use === 'middleware' ? `router.use(${u.value});` : `router.get('/${f.ent}s/health/${u.value}', async (_req: Request, res: Response) => {\n  res.json({ ok: Boolean(${useExpr(u, '{}')}) });\n});`);
      }
      lines.push('', `export default router;`);
      break;
    }
    default:
      emitFixed(f, ctx, lines, valueUses);
  }
  // every value import is used as a value somewhere (else the compiler would elide it)
  const unused = valueUses.filter((u) => !used.has(u.value));
  if (unused.length && f.layer !== 'routes' && !f.kind) {
    lines.push(`export async function warmup${f.name}(input: Record<string, unknown> = {}): Promise<unknown[]> {`, `  return [`);
    for (const u of unused) { used.add(u.value); lines.push(`    ${useExpr(u, 'input')},`); }
    lines.push(`  ];`, `}`, '');
  }
  // module-level use of a value import here and there (not a lazy-import candidate)
  if (moduleLevelUses.length === 0 && valueUses.length && (f.layer === 'models' || f.layer === 'lib') && rnd() < 0.1) {
    const u = valueUses[0];
    if (u.use === 'call') lines.push(`export const ${camel(f.name || 'x')}Preset = ${u.value}.name;`);
  }
  lines.push('');
  return lines.join('\n');
}

function emitFixed(f, ctx, lines, valueUses) {
  const { fixed, byLayer, deferred, resolution } = ctx;
  switch (f.kind) {
    case 'env':
      lines.push(`export interface Env {`, `  NODE_ENV: string;`, `  DATABASE_URL: string;`, `  REDIS_URL: string;`, `  PORT: number;`, `}`, '',
        `export const env: Env = {`, `  NODE_ENV: process.env.NODE_ENV ?? 'development',`, `  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://localhost/app',`,
        `  REDIS_URL: process.env.REDIS_URL ?? 'redis://localhost:6379',`, `  PORT: Number(process.env.PORT ?? 3000),`, `};`);
      break;
    case 'config':
      lines.push(`export interface AppConfig {`, `  port: number;`, `  databaseUrl: string;`, `  redisUrl: string;`, `}`, '',
        `export const config: AppConfig = Object.freeze({`, `  port: env.PORT,`, `  databaseUrl: env.DATABASE_URL,`, `  redisUrl: env.REDIS_URL,`, `});`);
      break;
    case 'pg':
    case 'pg-replica': {
      const v = f.kind === 'pg' ? 'pool' : 'replicaPool';
      lines.unshift(`import { Pool } from 'pg';`);
      lines.push(`export type ${f.kind === 'pg' ? 'DbPool' : 'ReplicaPool'} = Pool;`, '',
        `export const ${v} = new Pool({ connectionString: config.databaseUrl, max: ${f.kind === 'pg' ? 20 : 5} });`, '',
        `export async function ${f.kind === 'pg' ? 'withTransaction' : 'readOnly'}<T>(fn: (client: unknown) => Promise<T>): Promise<T> {`,
        `  const client = await ${v}.connect();`, `  try {`, `    return await fn(client);`, `  } finally {`, `    client.release();`, `    logger.info({ released: true });`, `  }`, `}`);
      break;
    }
    case 'redis':
    case 'redis-cache': {
      const v = f.kind === 'redis' ? 'redis' : 'cacheClient';
      lines.unshift(`import Redis from 'ioredis';`);
      lines.push(`export type ${f.kind === 'redis' ? 'RedisClient' : 'CacheClient'} = Redis;`, '',
        `export const ${v} = new Redis(config.redisUrl, { lazyConnect: false, keyPrefix: '${f.kind === 'redis' ? 'app' : 'cache'}:' });`, '',
        `export async function ${f.kind === 'redis' ? 'withLock' : 'cached'}(key: string, fn: () => Promise<unknown>): Promise<unknown> {`,
        `  const hit = await ${v}.get(key);`, `  if (hit) {`, `    return JSON.parse(hit);`, `  }`, `  const value = await fn();`,
        `  await ${v}.set(key, JSON.stringify(value));`, `  logger.info({ key });`, `  return value;`, `}`);
      break;
    }
    case 'sdk':
      lines.unshift(`import { CloudClient } from '@bench/cloud-sdk';`);
      lines.push(`export interface CloudConfig {`, `  region: string;`, `}`, '',
        `export const cloud = new CloudClient({ region: process.env.CLOUD_REGION ?? 'eu-west-1' });`, `logger.info({ cloud: config.port });`);
      break;
    case 'logger':
      lines.push(`export interface Logger {`, `  info(obj: Record<string, unknown>): void;`, `  error(obj: Record<string, unknown>): void;`, `}`, '',
        `export const logger: Logger = {`, `  info(obj) {`, `    if (process.env.LOG_LEVEL !== 'silent') console.log(JSON.stringify(obj));`, `  },`,
        `  error(obj) {`, `    console.error(JSON.stringify(obj));`, `  },`, `};`);
      break;
    case 'app': {
      lines.unshift(`import express from 'express';`);
      const routers = f.imports.filter((i) => i.dst.layer === 'routes');
      lines.push(`export function createApp() {`, `  const app = express();`, `  app.use(express.json());`);
      lines.forEach((l) => { const m = /^import (router\d+) from "(.+)";$/.exec(l); if (m) lines.push(`  app.use('/api', ${m[1]});`); });
      lines.push(`  logger.info({ port: config.port, routers: ${routers.length} });`, `  return app;`, `}`);
      break;
    }
    case 'server': {
      lines.push(`const app = createApp();`, '', `async function mountDeferred(): Promise<void> {`);
      for (const r of byLayer.routes) if (deferred.has(r)) {
        lines.push(`  app.use('/api', (await import(${JSON.stringify(specifier(f, r, 'relJs', resolution))})).default);`);
      }
      lines.push(`}`, '', `const server = app.listen(config.port, () => {`, `  void pool.query('select 1');`, `});`, '',
        `void mountDeferred();`, `process.on('SIGTERM', () => server.close());`);
      break;
    }
    case 'barrel-shared':
      break;
    default: break;
  }
}

function emitBarrel(f, ctx) {
  const ext = ctx.resolution === 'nodenext' ? '.js' : '';
  return f.members.map((m) => `export * from './${path.posix.relative(path.posix.dirname(f.rel), m.rel).replace(/\.ts$/, '')}${ext || (ctx.rnd() < 0.3 ? '.js' : '')}';`).join('\n') + '\n';
}

// ---------------------------------------------------------------- closures (for the manifest)
function closures(files, roots, kinds) {
  // union closure and per-root sizes over edges of the given kinds (barrel edges count via the barrel)
  const adj = files.map((f) => {
    const out = [];
    for (const imp of f.imports) if (kinds.has(imp.kind)) out.push(imp.barrel ? imp.barrel.id : imp.dst.id);
    return out;
  });
  const union = new Uint8Array(files.length);
  const sizes = [];
  const mark = new Int32Array(files.length).fill(-1);
  roots.forEach((r, ri) => {
    const stack = [r.id];
    mark[r.id] = ri;
    let n = 0;
    while (stack.length) {
      const v = stack.pop();
      n++;
      union[v] = 1;
      for (const w of adj[v]) if (mark[w] !== ri) { mark[w] = ri; stack.push(w); }
    }
    sizes.push(n);
  });
  sizes.sort((a, b) => a - b);
  const sum = sizes.reduce((a, b) => a + b, 0);
  return {
    union: union.reduce((a, b) => a + b, 0),
    perEntry: { min: sizes[0], median: sizes[Math.floor(sizes.length / 2)], mean: Math.round(sum / sizes.length), max: sizes[sizes.length - 1] },
  };
}

// ---------------------------------------------------------------- main
export function generate({ files: N, out, seed = 1, resolution = 'bundler' }) {
  const rnd = mulberry32(seed * 2654435761 + N);
  const root = path.resolve(out);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const model = plan(N, rnd);
  const ctx = { rnd, resolution, ...model };

  writeFile(path.join(root, 'package.json'), JSON.stringify({
    name: `bench-server-${N}`, version: '1.0.0', private: true, type: 'module', workspaces: ['packages/*'],
    scripts: { start: 'node dist/server.js', build: 'tsc -p tsconfig.json' },
    dependencies: { '@bench/cloud-sdk': '2.1.0', '@bench/shared': 'workspace:*', express: '4.21.2', ioredis: '5.4.2', pg: '8.13.1', zod: '3.24.1' },
  }, null, 2) + '\n');
  writeFile(path.join(root, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: resolution === 'nodenext' ? 'NodeNext' : 'ESNext',
      moduleResolution: resolution === 'nodenext' ? 'NodeNext' : 'Bundler',
      strict: true, esModuleInterop: true, skipLibCheck: true, outDir: 'dist', rootDir: '.',
      baseUrl: '.', paths: { '@app/*': ['src/*'] },
    },
    include: ['src', 'packages/*/src'],
  }, null, 2) + '\n');
  writeFile(path.join(root, 'packages/shared/package.json'), JSON.stringify({
    name: '@bench/shared', version: '0.0.0', private: true, type: 'module', main: './src/index.ts', types: './src/index.ts',
    exports: { '.': { types: './src/index.ts', default: './src/index.ts' } },
  }, null, 2) + '\n');
  const pk = writePackages(root, rnd);
  fs.mkdirSync(path.join(root, 'node_modules/@bench'), { recursive: true });
  fs.symlinkSync('../../packages/shared', path.join(root, 'node_modules/@bench/shared'), 'dir');

  let bytes = 0;
  let lines = 0;
  for (const f of model.files) {
    let text;
    if (f.layer === 'barrel') text = emitBarrel(f, ctx);
    else if (f.kind === 'barrel-shared') text = f.imports.map((i) => `export * from './${path.posix.basename(i.dst.rel, '.ts')}${resolution === 'nodenext' ? '.js' : ''}';`).join('\n') + '\n';
    else text = emitFile(f, ctx);
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').length - 1;
    writeFile(path.join(root, f.rel), text);
  }

  // manifest
  const routes = model.byLayer.routes;
  const edgeKinds = { value: 0, type: 0, elided: 0, dynamic: 0, viaBarrel: 0 };
  for (const f of model.files) for (const i of f.imports) { edgeKinds[i.kind]++; if (i.barrel) edgeKinds.viaBarrel++; }
  const layerCounts = {};
  for (const f of model.files) layerCounts[f.layer] = (layerCounts[f.layer] ?? 0) + 1;
  const eager = closures(model.files, routes, new Set(['value']));
  const eagerLazy = closures(model.files, routes, new Set(['value', 'dynamic']));
  const withElided = closures(model.files, routes, new Set(['value', 'dynamic', 'elided']));
  const manifest = {
    generator: 'bench/generate.mjs', generatorVersion: GENERATOR_VERSION, seed, resolution, requestedFiles: N,
    projectFiles: model.files.length, projectBytes: bytes, projectLines: lines,
    routers: routes.length, deferredRouters: model.deferred.size, domains: model.D, layers: layerCounts,
    edges: edgeKinds, packages: pk.packages, packageFiles: pk.packageFiles,
    engines: ['src/db/pg.ts', 'src/db/replica.ts', 'src/db/redis.ts', 'src/db/cache.ts', 'src/lib/cloud/client.ts'],
    singletonServices: model.byLayer.services.filter((s) => s.singleton).length,
    expected: {
      note: 'closures over project files from src/routes/**; eager = value imports, re-exports, side-effect imports (what importscan calls eagerModules); +lazy adds await import(); +elided also follows imports used only as types (what a tool that does not elide them finds)',
      eager, eagerPlusLazy: eagerLazy, eagerPlusLazyPlusElided: withElided,
    },
  };
  writeFile(path.join(root, 'bench-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('generate.mjs')) {
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      resolution: { type: 'string', default: 'bundler' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const N = Number(values.files);
  if (!Number.isInteger(N) || N < 50) { console.error('generate: --files must be an integer >= 50'); process.exit(2); }
  if (!['bundler', 'nodenext'].includes(values.resolution)) { console.error('generate: --resolution must be bundler or nodenext'); process.exit(2); }
  const out = values.out ?? `bench/.work/repo-${N >= 1000 ? `${N / 1000}k` : N}`;
  const t0 = performance.now();
  const m = generate({ files: N, out, seed: Number(values.seed), resolution: values.resolution });
  if (!values.quiet) {
    console.log(`generated ${m.projectFiles} project files (${(m.projectBytes / 1e6).toFixed(1)} MB, ${m.routers} routers) + ${m.packageFiles} package files in ${out} (${Math.round(performance.now() - t0)} ms)`);
    console.log(`expected closures from src/routes: eager ${m.expected.eager.union} (per router median ${m.expected.eager.perEntry.median}, max ${m.expected.eager.perEntry.max}); +lazy ${m.expected.eagerPlusLazy.union}; +elided ${m.expected.eagerPlusLazyPlusElided.union}`);
  }
}
