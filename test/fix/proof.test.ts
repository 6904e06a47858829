// Proof that the rewrites are right: on copies of a fixture project and of sample-projects/express-api,
// run the real CLI with --fix, then (a) tsc --noEmit passes, (b) importing each router in a fresh
// Node process (tsx) creates no engine, (c) handlers return what they returned before, and an
// engine is created once across two calls. Also: dry-run changes nothing, a second --fix neither.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, fixture, REPO } from '../helpers.js';
import { copyProject, hashTree } from './harness.js';

const run = promisify(execFile);
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');
const TSC = path.join(REPO, 'node_modules', '.bin', 'tsc');
const PROBE = path.join(REPO, 'test', 'fix', 'probe-router.mts');

interface Probe {
  atImport: string[];
  networkAtImport: number;
  afterCalls: string[];
  results: Record<string, unknown[]>;
}

/** Imports one router in a fresh process (cwd = the project, so tsx reads its tsconfig). */
async function probe(dir: string, router: string): Promise<Probe> {
  const { stdout } = await run(TSX, [PROBE, path.join(dir, router)], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Probe;
}

async function probeAll(dir: string, routers: string[]): Promise<Record<string, Probe>> {
  const out: Record<string, Probe> = {};
  for (let i = 0; i < routers.length; i += 4) {
    const batch = routers.slice(i, i + 4);
    const probes = await Promise.all(batch.map((r) => probe(dir, r)));
    batch.forEach((r, j) => (out[r] = probes[j]!));
  }
  return out;
}

/** What differs between any two runs: random API-key secrets, clock readings. */
function normalized(results: unknown): unknown {
  const text = JSON.stringify(results)
    .replace(/acme_[A-Za-z0-9_-]{32}/g, 'acme_<random>')
    .replace(/"uptimeSeconds":\d+/g, '"uptimeSeconds":0')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<date>');
  return JSON.parse(text);
}

function tscPasses(dir: string): { code: number; output: string } {
  const r = spawnSync(TSC, ['-p', path.join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
  return { code: r.status ?? -1, output: r.stdout + r.stderr };
}

describe('proof on a copy of sample-projects/express-api', () => {
  let dir: string;
  let routers: string[];
  let before: Record<string, Probe>;
  let fixRun: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    dir = copyProject(path.join(REPO, 'sample-projects', 'express-api'));
    routers = fs.readdirSync(path.join(dir, 'src', 'routes')).sort().map((f) => `src/routes/${f}`);
    before = await probeAll(dir, routers);
  }, 300_000);

  it('--fix-dry-run prints the rewrites, labelled, and changes nothing', () => {
    const hash = hashTree(dir);
    const r = cli(['src/routes', '--fix-dry-run'], { cwd: dir });
    expect(r.stdout).toContain('# src/routes/reports.ts:1 lazy-import [safe: --fix applies it]');
    expect(r.stdout).toContain("+    const { default: AWS } = await import('aws-sdk');");
    expect(r.stdout).toMatch(/\[offered: not applied by --fix\]/);
    expect(hashTree(dir)).toBe(hash);
  });

  it('before the fix, importing routers creates engines (the stubs record them)', () => {
    expect(before['src/routes/campaigns.ts']!.atImport).toEqual(['pg.Pool']);
    expect(before['src/routes/auth.ts']!.atImport).toEqual(['ioredis.Redis', 'pg.Pool']);
  });

  it('--fix applies the safe rewrites; tsc --noEmit passes', () => {
    fixRun = cli(['src/routes', '--fix'], { cwd: dir });
    expect(fixRun.stderr).toMatch(/^importscan: applied \d+ fixes in \d+ files/);
    const tsc = tscPasses(dir);
    expect(tsc.output).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('importing each router creates no engine and makes no request any more', async () => {
    const after = await probeAll(dir, routers);
    const atImport = Object.fromEntries(routers.map((r) => [r, after[r]!.atImport]));
    expect(atImport).toEqual(Object.fromEntries(routers.map((r) => [r, []])));
    expect(routers.map((r) => after[r]!.networkAtImport)).toEqual(routers.map(() => 0));
    // (c) same handler results; an engine is created on first use, once across two calls.
    for (const r of routers) expect(normalized(after[r]!.results), r).toEqual(normalized(before[r]!.results));
    expect(after['src/routes/campaigns.ts']!.afterCalls).toEqual(['pg.Pool']);
    for (const r of routers) expect(new Set(after[r]!.afterCalls).size, r).toBe(after[r]!.afterCalls.length);
  }, 300_000);

  it('a second --fix changes nothing (idempotent)', () => {
    const hash = hashTree(dir);
    const r = cli(['src/routes', '--fix'], { cwd: dir });
    expect(r.stderr).toBe('importscan: no safe fix to apply\n');
    expect(hashTree(dir)).toBe(hash);
  });
});

describe('proof on a copy of test/fixtures/fix/cjs-sync-require (memoised require)', () => {
  it('fixes, type-checks, loads neither package at import, same results, one engine per kind', async () => {
    const dir = copyProject(fixture('fix', 'cjs-sync-require'));
    const call = `const m = require('./src/routes/reports.ts'); const at = [...(globalThis.__importscanLoaded ?? [])]; const results = [m.describeClient(), m.query('select 1'), m.describeClient(), m.query('select 1')]; process.stdout.write(JSON.stringify({ at, results, after: globalThis.__importscanEngines ?? [] }));`;
    const probeCjs = async () => JSON.parse((await run(TSX, ['-e', call], { cwd: dir })).stdout);
    const before = await probeCjs();
    // Before: both packages load with the router; after: neither does until a function needs it.
    expect(before.at).toEqual(['heavy-sdk', 'legacy-engine']);
    const r = cli(['src/routes', '--fix'], { cwd: dir });
    expect(r.stderr).toBe('importscan: applied 3 fixes in 1 file (src/routes/reports.ts)\n');
    expect(tscPasses(dir)).toEqual({ code: 0, output: '' });
    const after = await probeCjs();
    expect(after.at).toEqual([]);
    expect(after.results).toEqual(before.results);
    expect(after.after).toEqual(['heavy-sdk.HeavyClient', 'legacy-engine']);
    const hash = hashTree(dir);
    cli(['src/routes', '--fix'], { cwd: dir });
    expect(hashTree(dir)).toBe(hash);
  }, 120_000);
});
