// Measure stage, pure parts: timelines to per-file times, files to modules, runs to medians,
// failures to one-line reasons.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, idToPath } from '../../src/measure/attribute.js';
import { failureReason } from '../../src/measure/failure-reason.js';
import { summarizeRun } from '../../src/measure/index.js';
import { moduleName } from '../../src/measure/module-name.js';
import { byModule, medianOfRuns } from '../../src/measure/summarize.js';

const ROOT = '/app';
const url = (path: string) => `file://${path}`;
const [B, E, LB, LE] = [0, 1, 2, 3];

describe('attribute', () => {
  it('ES modules: each body is its own time; parents come from the resolver', () => {
    // entry imports a and b; a imports c. Bodies run c, a, b, entry.
    const events = [
      B, url('/app/c.ts'), 0, E, url('/app/c.ts'), 5,
      B, url('/app/a.ts'), 6, E, url('/app/a.ts'), 16,
      B, url('/app/b.ts'), 16, E, url('/app/b.ts'), 18,
      B, url('/app/entry.ts'), 20, E, url('/app/entry.ts'), 21,
    ];
    const edges = [url('/app/entry.ts'), url('/tmp/runner.mjs'), url('/app/a.ts'), url('/app/entry.ts'), url('/app/b.ts'), url('/app/entry.ts'), url('/app/c.ts'), url('/app/a.ts')];
    expect(attribute(events, edges)).toEqual([
      { file: '/app/c.ts', selfMs: 5, totalMs: 5, kind: 'esm', parent: '/app/a.ts' },
      { file: '/app/a.ts', selfMs: 10, totalMs: 15, kind: 'esm', parent: '/app/entry.ts' },
      { file: '/app/b.ts', selfMs: 2, totalMs: 2, kind: 'esm', parent: '/app/entry.ts' },
      { file: '/app/entry.ts', selfMs: 1, totalMs: 18, kind: 'esm' },
    ]);
  });

  it('CommonJS: require() nests; loader work (read, transpile) belongs to nobody', () => {
    const events = [
      LB, '', 0, B, '/app/entry.js', 1, // 1 ms reading entry.js
      LB, '', 3, B, '/app/dep.js', 7, E, '/app/dep.js', 17, LE, '', 17, // 4 ms loading dep.js
      E, '/app/entry.js', 20, LE, '', 20,
    ];
    expect(attribute(events, [])).toEqual([
      { file: '/app/entry.js', selfMs: 5, totalMs: 15, kind: 'cjs' },
      { file: '/app/dep.js', selfMs: 10, totalMs: 10, kind: 'cjs', parent: '/app/entry.js' },
    ]);
  });

  it('subtracts the bias per kind, never below zero, and sums a file seen twice', () => {
    const events = [B, '/app/a.js', 0, E, '/app/a.js', 0.01, B, url('/app/b.mjs'), 1, E, url('/app/b.mjs'), 3, B, url('/app/b.mjs'), 4, E, url('/app/b.mjs'), 5];
    expect(attribute(events, [], { esm: 0.5, cjs: 0.05 })).toEqual([
      { file: '/app/a.js', selfMs: 0, totalMs: 0, kind: 'cjs' },
      { file: '/app/b.mjs', selfMs: 2.5, totalMs: 2.5, kind: 'esm' },
    ]);
  });

  it('tsx bridge URLs name the file itself', () => {
    expect(idToPath('file:///app/y.ts%3Ftsx-commonjs-export-preparse=1?tsx-commonjs-virtual-query=1')).toBe('/app/y.ts');
    expect(idToPath('/app/x.js')).toBe('/app/x.js');
  });
});

describe('moduleName', () => {
  it('names packages by name (scoped, nested, pnpm) and project files by relative path', () => {
    expect(moduleName('/app/node_modules/pg/lib/client.js', ROOT)).toEqual({ name: 'pg', isPackage: true });
    expect(moduleName('/app/node_modules/@aws-sdk/client-s3/dist/index.js', ROOT)).toEqual({ name: '@aws-sdk/client-s3', isPackage: true });
    expect(moduleName('/app/node_modules/.pnpm/a@1.0.0/node_modules/b/index.js', ROOT)).toEqual({ name: 'b', isPackage: true });
    expect(moduleName(join(ROOT, 'src/db.ts'), ROOT)).toEqual({ name: 'src/db.ts', isPackage: false });
  });
});

describe('byModule', () => {
  it('sums a package over its files; its total counts only the files it was entered by', () => {
    const timings = [
      { file: '/app/node_modules/pg/lib/b.js', selfMs: 2, totalMs: 2, kind: 'cjs' as const, parent: '/app/node_modules/pg/index.js' },
      { file: '/app/node_modules/pg/index.js', selfMs: 3, totalMs: 5, kind: 'cjs' as const, parent: '/app/src/db.ts' },
      { file: '/app/src/db.ts', selfMs: 1, totalMs: 6, kind: 'esm' as const },
    ];
    expect(byModule(timings, ROOT)).toEqual([
      { module: 'pg', selfMs: 5, totalMs: 5, parent: 'src/db.ts' },
      { module: 'src/db.ts', selfMs: 1, totalMs: 6 },
    ]);
  });
});

describe('medianOfRuns', () => {
  it('takes the median per module (absent counts as 0) and sorts by own time', () => {
    const run = (a: number, b?: number) => ({
      totalMs: a + (b ?? 0),
      overheadMs: 1,
      modules: [{ module: 'a.ts', selfMs: a, totalMs: a }, ...(b === undefined ? [] : [{ module: 'b.ts', selfMs: b, totalMs: b, parent: 'a.ts' }])],
    });
    expect(medianOfRuns([run(10, 30), run(50, 20), run(12)])).toEqual({
      totalMs: 40,
      overheadMs: 1,
      modules: [
        { module: 'b.ts', selfMs: 20, totalMs: 20, parent: 'a.ts' },
        { module: 'a.ts', selfMs: 12, totalMs: 12 },
      ],
    });
  });
});

describe('failureReason', () => {
  const ctx = { root: ROOT, timeoutMs: 30000, runtimeDir: '/tmp/importscan-measure-x' };
  const output = (lines: string[], code: number | null, signal: string | null = null) => ({ ok: false as const, kind: 'exit' as const, code, signal, output: lines });

  it('names the error and the innermost frame outside importscan', () => {
    const stack = 'Error: boom\n    at file:///app/src/x.ts:3:7\n    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)';
    expect(failureReason({ ok: false, kind: 'threw', error: { name: 'Error', message: 'boom', stack } }, ctx)).toBe('threw at import: Error: boom (src/x.ts:3)');
    const inPackage = 'TypeError: x\n    at Object.<anonymous> (/app/node_modules/pg/index.js:10:3)';
    expect(failureReason({ ok: false, kind: 'threw', error: { name: 'TypeError', message: 'x\nmore', stack: inPackage } }, ctx)).toBe(
      'threw at import: TypeError: x (node_modules/pg/index.js:10)',
    );
    expect(failureReason({ ok: false, kind: 'threw', error: { name: '', message: 'a string', stack: '' } }, ctx)).toBe('threw at import: a string');
  });

  it('says how the process ended', () => {
    expect(failureReason({ ok: false, kind: 'timeout', code: null, signal: 'SIGKILL', output: [] }, ctx)).toBe('timed out after 30000 ms');
    expect(failureReason(output([], 1), ctx)).toBe('exited with code 1');
    expect(failureReason(output(['starting', 'no DATABASE_URL'], 1), ctx)).toBe('exited with code 1: no DATABASE_URL');
    expect(failureReason(output([], null, 'SIGSEGV'), ctx)).toBe('killed by SIGSEGV');
    expect(failureReason(output(['Warning: Detected unsettled top-level await'], 13), ctx)).toBe('never finished: a top-level await never settled (exit code 13)');
  });
});

describe('summarizeRun', () => {
  const timeline = (chainMs: number) => ({
    wallMs: 12,
    events: [B, url('/app/dep.ts'), 0, E, url('/app/dep.ts'), 4, B, url('/app/entry.ts'), 5, E, url('/app/entry.ts'), 11],
    edges: [url('/app/dep.ts'), url('/app/entry.ts')],
    calibration: {
      // Two empty ES modules: 0.5 ms own time each is the bias.
      events: [B, url('/tmp/e0.mjs'), 0, E, url('/tmp/e0.mjs'), 0.5, B, url('/tmp/e1.mjs'), 1, E, url('/tmp/e1.mjs'), 1.5],
      esmMs: [chainMs, chainMs],
      cjsMs: [0.2],
      plainEsmMs: [0.5, 0.5],
      plainCjsMs: [0.2],
    },
  });

  it('subtracts the bias from each module and the per-module overhead from the wall time', () => {
    expect(summarizeRun(timeline(1), ROOT)).toEqual({
      totalMs: 11,
      overheadMs: 1, // 2 modules x (1 - 0.5) ms
      modules: [
        { module: 'entry.ts', selfMs: 5.5, totalMs: 9 },
        { module: 'dep.ts', selfMs: 3.5, totalMs: 3.5, parent: 'entry.ts' },
      ],
    });
  });

  it('never takes more overhead than the time no module accounts for', () => {
    expect(summarizeRun(timeline(10), ROOT)).toMatchObject({ totalMs: 9, overheadMs: 3 });
  });
});
