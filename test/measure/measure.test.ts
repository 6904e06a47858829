// Measure stage, end to end: real child processes loading fixture projects whose modules
// busy-wait known times at module level.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { measureEntries, type MeasureOptions, type MeasureOutcome } from '../../src/measure/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/measure/', import.meta.url));
const spawned: number[] = [];

function measure(project: string, entries: string[], opts: Partial<MeasureOptions> = {}): Promise<MeasureOutcome[]> {
  const root = join(FIXTURES, project);
  return measureEntries({
    root,
    entries: entries.map((entry) => join(root, entry)),
    timeoutMs: 10_000,
    runs: 1,
    onSpawn: (pid) => spawned.push(pid),
    ...opts,
  });
}

/** Running, that is: a zombie (killed, not yet reaped by a lazy init) has left nothing behind. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

/**
 * A module that busy-waits `ms` at module level measures within [0.8x, 1.5x + 15 ms]. The wait
 * spins on wall-clock time, so it can only come out long: by preemption near the end of the loop
 * (the machine has 2 cores and may be loaded; a scheduler slice is a few ms), GC, or the markers
 * themselves. The low bound only guards against attributing the time to the wrong module.
 */
function expectAbout(actual: number | undefined, ms: number): void {
  expect(actual).toBeGreaterThanOrEqual(0.8 * ms);
  expect(actual).toBeLessThanOrEqual(1.5 * ms + 15);
}

function ok(outcome: MeasureOutcome | undefined): Extract<MeasureOutcome, { ok: true }> {
  if (!outcome?.ok) throw new Error(`expected a measurement, got ${JSON.stringify(outcome)}`);
  return outcome;
}

function byName(outcome: Extract<MeasureOutcome, { ok: true }>) {
  return Object.fromEntries(outcome.modules.map((m) => [m.module, m]));
}

afterAll(() => {
  // Whatever happened, no child may outlive the suite.
  expect(spawned.filter(isAlive)).toEqual([]);
});

describe('measureEntries', () => {
  it('times each module of a TypeScript ESM entry, with tsconfig paths', async () => {
    const root = join(FIXTURES, 'esm-ts-paths');
    const [outcome] = await measure('esm-ts-paths', ['src/entry.ts'], { tsconfig: join(root, 'tsconfig.json') });
    const result = ok(outcome);
    expect(result.entry).toBe('src/entry.ts');
    expect(result.modules.slice(0, 3).map((m) => m.module)).toEqual(['src/slow.ts', 'src/lib/medium.ts', 'src/fast.ts']);
    expect(result.modules.map((m) => m.module).sort()).toEqual(['src/busy.ts', 'src/entry.ts', 'src/fast.ts', 'src/lib/medium.ts', 'src/slow.ts']);
    const modules = byName(result);
    expectAbout(modules['src/slow.ts']?.selfMs, 150);
    expectAbout(modules['src/lib/medium.ts']?.selfMs, 60);
    expectAbout(modules['src/fast.ts']?.selfMs, 20);
    // medium.ts imports fast.ts: its total holds both.
    expectAbout(modules['src/lib/medium.ts']?.totalMs, 80);
    expect(modules['src/fast.ts']?.parent).toBe('src/lib/medium.ts');
    expect(modules['src/slow.ts']?.parent).toBe('src/entry.ts');
    expect(modules['src/entry.ts']?.parent).toBeUndefined();
    expectAbout(modules['src/entry.ts']?.totalMs, 230);
    expect(result.totalMs).toBeGreaterThanOrEqual(modules['src/entry.ts']?.totalMs ?? Infinity);
    expect(result.totalMs).toBeLessThan(230 * 1.5 + 100);
    expect(result.overheadMs).toBeGreaterThanOrEqual(0);
  }, 15_000);

  it('sums a package over its files, CommonJS and ESM packages under a CommonJS TypeScript entry', async () => {
    const [outcome] = await measure('cjs-and-esm-packages', ['src/entry.ts']);
    const result = ok(outcome);
    // The entry's own time (require() resolution, require(esm) through the loader) is a few ms,
    // more on a loaded machine, so only the busy modules' order is asserted.
    const busy = ['cjs-slow', '@fixture/esm-slow', 'src/local.js'];
    expect(result.modules.map((m) => m.module).filter((name) => busy.includes(name))).toEqual(busy);
    const modules = byName(result);
    expectAbout(modules['cjs-slow']?.selfMs, 90); // index.js 50 ms + lib/inner.js 40 ms
    expectAbout(modules['cjs-slow']?.totalMs, 90);
    expectAbout(modules['@fixture/esm-slow']?.selfMs, 30);
    expectAbout(modules['src/local.js']?.selfMs, 10);
    expect(modules['cjs-slow']?.parent).toBe('src/entry.ts');
    expect(modules['@fixture/esm-slow']?.parent).toBe('src/entry.ts');
    expect(Object.keys(modules).sort()).toEqual(['@fixture/esm-slow', 'cjs-slow', 'src/entry.ts', 'src/local.js']);
  }, 15_000);

  it('takes the median of several runs', async () => {
    const [outcome] = await measure('cjs-and-esm-packages', ['src/entry.ts'], { runs: 3 });
    const modules = byName(ok(outcome));
    expectAbout(modules['cjs-slow']?.selfMs, 90);
    expectAbout(modules['src/local.js']?.selfMs, 10);
  }, 20_000);

  it('reports a module that throws at import, with where it threw', async () => {
    const outcomes = await measure('failing', ['src/throws.ts', 'src/cjs-throws.cjs']);
    expect(outcomes).toEqual([
      { entry: 'src/throws.ts', ok: false, reason: 'threw at import: Error: boom (src/boom.ts:3)' },
      { entry: 'src/cjs-throws.cjs', ok: false, reason: expect.stringMatching(/^threw at import: TypeError: .*trim.* \(src\/cjs-throws\.cjs:3\)$/) },
    ]);
  }, 15_000);

  it('times out an import that never finishes and kills the process group', async () => {
    const pidFile = join(tmpdir(), `importscan-measure-pids-${process.pid}.json`);
    const started = performance.now();
    const outcomes = await measure('failing', ['src/hangs-and-spawns.ts'], { timeoutMs: 1500, env: { MEASURE_PID_FILE: pidFile } });
    const elapsed = performance.now() - started;
    expect(outcomes).toEqual([{ entry: 'src/hangs-and-spawns.ts', ok: false, reason: 'timed out after 1500 ms' }]);
    // The timeout runs from the import; starting Node and tsx comes before it (seconds when loaded).
    expect(elapsed).toBeLessThan(1500 + 6000);
    const pids = JSON.parse(readFileSync(pidFile, 'utf8')) as { child: number; grandchild: number };
    rmSync(pidFile, { force: true });
    expect({ child: isAlive(pids.child), grandchild: isAlive(pids.grandchild) }).toEqual({ child: false, grandchild: false });
  }, 15_000);

  it('reports a process that exits or leaves its top-level await unsettled', async () => {
    const outcomes = await measure('failing', ['src/exits.ts', 'src/unsettled.ts']);
    expect(outcomes).toEqual([
      { entry: 'src/exits.ts', ok: false, reason: 'exited with code 3: DATABASE_URL is not set' },
      { entry: 'src/unsettled.ts', ok: false, reason: 'never finished: a top-level await never settled (exit code 13)' },
    ]);
  }, 15_000);

  it('gives the child process.env plus opts.env, and NODE_ENV=development unless set', async () => {
    const saved = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      const [unset] = await measure('failing', ['src/env.ts'], { env: { MEASURE_EXTRA: 'yes' } });
      expect(unset).toMatchObject({ ok: false, reason: expect.stringContaining('NODE_ENV=development EXTRA=yes') });
      const [set] = await measure('failing', ['src/env.ts'], { env: { NODE_ENV: 'staging' } });
      expect(set).toMatchObject({ ok: false, reason: expect.stringContaining('NODE_ENV=staging EXTRA=undefined') });
    } finally {
      if (saved !== undefined) process.env.NODE_ENV = saved;
    }
  }, 15_000);
});
