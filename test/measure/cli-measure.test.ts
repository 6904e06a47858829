// --measure through the real CLI: measured costs in the report, unexplained-cost, measure-failed.
import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

describe('importscan --measure', () => {
  it('puts measured times into the JSON report and flags slow modules no rule explains', () => {
    const r = cli([fixture('measure', 'esm-ts-paths', 'src/entry.ts'), '--measure', '-f', 'json']);
    expect(r.stderr).toBe('importscan: measuring 1 entry (runs your code)...\n');
    const report = JSON.parse(r.stdout);
    const [entry] = report.entries;
    expect(entry.cost.measuredMs).toBeGreaterThan(200);
    // Slowest own time first: the 150 ms module, then the 60 ms one (tolerances as in measure.test.ts).
    expect(entry.measured.slice(0, 2).map((m: { module: string }) => m.module)).toEqual(['src/slow.ts', 'src/lib/medium.ts']);
    expect(report.findings.map((f: any) => [f.ruleId, f.severity, f.file, f.message.replace(/[\d.]+ ms/, 'N ms')])).toEqual([
      ['unexplained-cost', 'info', 'src/lib/medium.ts', 'src/lib/medium.ts takes N ms to evaluate, with no flagged side effect'],
      ['unexplained-cost', 'info', 'src/slow.ts', 'src/slow.ts takes N ms to evaluate, with no flagged side effect'],
    ]);
    expect(r.code).toBe(0);
  });

  it('an entry that throws or hangs is a measure-failed error, not a crash', () => {
    const dir = fixture('measure', 'failing', 'src');
    const r = cli([`${dir}/throws.ts`, `${dir}/unsettled.ts`, '--measure', '--measure-timeout', '1500', '-f', 'json']);
    const report = JSON.parse(r.stdout);
    const failed = report.findings.filter((f: any) => f.ruleId === 'measure-failed');
    // The fixture has no tsconfig of its own, so the root is the repository's.
    const at = 'test/fixtures/measure/failing/src';
    expect(failed.map((f: any) => [f.file, f.severity])).toEqual([
      [`${at}/throws.ts`, 'error'],
      [`${at}/unsettled.ts`, 'error'],
    ]);
    expect(failed[0].message).toBe(`importing ${at}/throws.ts failed: threw at import: Error: boom (${at}/boom.ts:3)`);
    expect(failed[1].message).toBe(`importing ${at}/unsettled.ts failed: never finished: a top-level await never settled (exit code 13)`);
    expect(report.entries.map((e: any) => e.cost.measuredMs)).toEqual([null, null]);
    expect(r.code).toBe(1);
  });

  it('waterfall and table show the measurements', () => {
    const entry = fixture('measure', 'esm-ts-paths', 'src/entry.ts');
    const waterfall = cli([entry, '--measure', '-f', 'waterfall']).stdout.split('\n');
    expect(waterfall[0]).toMatch(/^src\/entry\.ts {2}[\d.]+ ms$/);
    expect(waterfall[1]).toBe('total ms  self ms  module');
    // Heaviest first, children indented under their importer. Which importer busy.ts (imported by
    // both, evaluated in a few microseconds) is charged to comes from timestamps, and under load
    // it has been either one: only its depth is asserted.
    const rows = waterfall.slice(2).filter(Boolean).map((l) => l.slice(19));
    expect([...rows].sort()).toEqual(['  src/busy.ts', '  src/fast.ts', 'src/lib/medium.ts', 'src/slow.ts']);
    expect(rows[0]).toBe('src/slow.ts');
    expect(rows.indexOf('  src/fast.ts')).toBe(rows.indexOf('src/lib/medium.ts') + 1);
    expect(cli([entry, '--measure', '-f', 'table']).stdout).toMatch(/measured[\s\S]*src\/entry\.ts[\s\S]* ms /);
    expect(cli([entry, '-f', 'waterfall']).stdout).toBe('no measurements: run with --measure\n');
  });
});
