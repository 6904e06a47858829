// rules heavy-dependency and budget, and the heaviest-routers table, on weigh fixtures.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { overBudget } from '../../src/rules/budget.js';
import { weighGraph } from '../../src/weigh/index.js';
import { cli, cliJson, fixture, REPO } from '../helpers.js';

// The CLI writes the weights cache under each project's node_modules/.cache; .gitignore only covers
// the repository root's, so remove what these runs wrote.
afterAll(() => {
  for (const dir of ['heavy-eager-internals', 'budget-over-limits', 'lazy-internals']) {
    fs.rmSync(fixture('weigh', dir, 'node_modules', '.cache'), { recursive: true, force: true });
  }
});

const findingsOf = (report: any, ruleId: string) =>
  report.findings.filter((f: any) => f.ruleId === ruleId).map((f: any) => ({ file: f.file, line: f.line, column: f.column, message: f.message, entries: f.entries }));

describe('heavy-dependency', () => {
  it('flags the import of a package over the module threshold, with its weight and entries', () => {
    const { report } = cliJson([fixture('weigh', 'heavy-eager-internals', 'src')]);
    expect(findingsOf(report, 'heavy-dependency')).toEqual([
      {
        file: 'src/index.ts',
        line: 1,
        column: 1,
        message: 'heavy package big-sdk (243 modules, 45.9 KB) is imported eagerly into entry src/index.ts',
        entries: ['src/index.ts'],
      },
    ]);
  });

  it('flags a package listed in heavy.packages, and says so', () => {
    const { report } = cliJson([fixture('weigh', 'budget-over-limits', 'src', 'routes')]);
    expect(findingsOf(report, 'heavy-dependency')).toEqual([
      {
        file: 'src/routes/reports.ts',
        line: 1,
        column: 1,
        message: 'heavy package tiny-math (2 modules, 98 B; listed in heavy.packages) is imported eagerly into entry src/routes/reports.ts',
        entries: ['src/routes/reports.ts'],
      },
    ]);
  });

  it('does not flag a package that is large on disk but loads its internals lazily', () => {
    const { report } = cliJson([fixture('weigh', 'lazy-internals', 'src')]);
    expect(findingsOf(report, 'heavy-dependency')).toEqual([]);
  });
});

describe('budget', () => {
  it('reports each exceeded limit at the entry, with the limit, the value and the three largest contributors', () => {
    const { code, report } = cliJson([fixture('weigh', 'budget-over-limits', 'src', 'routes')]);
    expect(code).toBe(1);
    const at = { file: 'src/routes/reports.ts', line: 1, column: 1, entries: ['src/routes/reports.ts'] };
    expect(findingsOf(report, 'budget')).toEqual([
      {
        ...at,
        message:
          'src/routes/reports.ts loads 1 heavy package eagerly, over its budget of 0 (maxHeavyPackages for "src/routes/**"); largest: tiny-math (98 B)',
      },
      {
        ...at,
        message:
          'src/routes/reports.ts loads 5 modules eagerly, over its budget of 4 (maxModules for "src/routes/**"); largest: tiny-math (2 modules), src/lib/round.ts (1 module), src/routes/reports.ts (1 module)',
      },
      {
        ...at,
        message:
          'src/routes/reports.ts loads 634 B eagerly, over its budget of 600 B (maxBytes for "src/routes/**"); largest: src/routes/reports.ts (221 B), src/settings.ts (188 B), src/lib/round.ts (127 B)',
      },
      {
        ...at,
        message:
          'src/routes/reports.ts runs 2 module-level side effects on import, over its budget of 1 (maxSideEffects for "src/routes/**"); largest: src/settings.ts (2 effects)',
      },
    ]);
  });

  it('counts only side effects whose rule is on', () => {
    const { report } = cliJson([fixture('weigh', 'budget-over-limits', 'src', 'routes'), '--rule', 'side-effect/timer=off']);
    expect(findingsOf(report, 'budget').map((f: any) => f.message)).not.toContainEqual(expect.stringContaining('side effect'));
  });

  it('leaves entries the glob does not match alone', () => {
    const { report } = cliJson([fixture('weigh', 'budget-over-limits', 'src', 'routes', 'health.ts')]);
    expect(findingsOf(report, 'budget')).toEqual([]);
  });
});

describe('budget maxMs', () => {
  const dir = fixture('weigh', 'budget-over-limits');
  const { graph, config } = scan({ paths: [path.join(dir, 'src', 'routes', 'reports.ts')], weigh: (g, c) => weighGraph(g, c, { cacheFile: null }) });
  const weights = weighGraph(graph, config, { cacheFile: null });
  const entry = path.join(dir, 'src', 'routes', 'reports.ts');
  const budget = { entries: 'src/routes/**', maxMs: 50 };
  const modules = [
    { module: 'src/settings.ts', selfMs: 61.25, totalMs: 61.25 },
    { module: 'tiny-math', selfMs: 12, totalMs: 12 },
    { module: 'src/lib/round.ts', selfMs: 0.5, totalMs: 0.5 },
    { module: 'src/routes/reports.ts', selfMs: 0.25, totalMs: 74 },
  ];

  it('reports a measured import time over the limit, with the three slowest modules', () => {
    const found = overBudget(graph, config, weights, fs.realpathSync(entry), budget, { entry, ok: true, totalMs: 74, overheadMs: 5, modules });
    expect(found.map((d) => d.message)).toEqual([
      'src/routes/reports.ts took 74 ms to import (measured), over its budget of 50 ms (maxMs for "src/routes/**"); largest: src/settings.ts (61.3 ms self), tiny-math (12 ms self), src/lib/round.ts (0.5 ms self)',
    ]);
  });

  it('skips maxMs when the entry was not measured, or its measurement failed', () => {
    expect(overBudget(graph, config, weights, entry, budget)).toEqual([]);
    expect(overBudget(graph, config, weights, entry, budget, { entry, ok: false, reason: 'exit 1' })).toEqual([]);
  });
});

describe('docs examples', () => {
  for (const doc of ['heavy-dependency', 'budget']) {
    it(`docs/rules/${doc}.md shows the output the fixture gives`, () => {
      const text = fs.readFileSync(path.join(REPO, 'docs', 'rules', `${doc}.md`), 'utf8');
      const run = /<!-- output of: importscan (\S+) -->\s*```text\n([\s\S]*?)```/.exec(text);
      expect(run).not.toBeNull();
      const out = cli([path.join(REPO, run![1]!), '--rule', 'lazy-import=off']).stdout;
      for (const line of run![2]!.trim().split('\n')) expect(out).toContain(line.trim());
    });
  }
});

describe('heaviest-routers table', () => {
  it('renders the express-api sample', async () => {
    const run = cli(['sample-projects/express-api/src/routes', '--format', 'table', '--top', '30']);
    await expect(run.stdout).toMatchFileSnapshot('__snapshots__/express-api.table.txt');
  });
});
