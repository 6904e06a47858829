// Baseline: record, hide, survive line shifts and unrelated edits, report stale entries, --strict-baseline.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline } from '../../src/baseline/baseline.js';
import { fingerprintOf, normaliseMessage } from '../../src/baseline/fingerprint.js';
import type { Finding } from '../../src/types.js';
import { FIXTURES, importscan, tempCopy } from './helpers.js';

const JSON_OUT = ['--format', 'json'];
const ruleIds = (stdout: string) => (JSON.parse(stdout) as { findings: Finding[] }).findings.map((f) => f.ruleId);

describe('--baseline on a copy of test/fixtures/ci/baseline', () => {
  it('hides recorded findings through line shifts and edits elsewhere, then reports stale entries', () => {
    const dir = tempCopy(path.join(FIXTURES, 'baseline'));
    const settings = path.join(dir, 'src/settings.ts');

    // Without a baseline: the two known warnings.
    expect(ruleIds(importscan(['src/routes', ...JSON_OUT], dir).stdout)).toEqual(['side-effect/io', 'side-effect/timer']);

    // Record them.
    const update = importscan(['src/routes', '--baseline', 'importscan-baseline.json', '--update-baseline'], dir);
    expect(update.stderr).toBe('importscan: wrote 2 findings to the baseline ' + path.join(dir, 'importscan-baseline.json') + '\n');
    expect(update.code).toBe(0);
    const recorded = JSON.parse(fs.readFileSync(path.join(dir, 'importscan-baseline.json'), 'utf8')) as { findings: Array<{ ruleId: string }> };
    expect(recorded.findings.map((f) => f.ruleId)).toEqual(['side-effect/io', 'side-effect/timer']);

    // Insert lines above both findings and edit another file: still hidden.
    fs.writeFileSync(settings, `// settings, loaded once\n\n/** see README */\n${fs.readFileSync(settings, 'utf8')}`);
    fs.appendFileSync(path.join(dir, 'src/routes/health.ts'), '\nexport const version = 2;\n');
    const shifted = importscan(['src/routes', '--baseline', 'importscan-baseline.json', '--max-warnings', '0', ...JSON_OUT], dir);
    expect(ruleIds(shifted.stdout)).toEqual([]);
    expect(shifted.stderr).toBe('');
    expect(shifted.code).toBe(0);

    // A new finding of the same rule is not hidden by the old one.
    fs.appendFileSync(settings, "export const extra = fs.readFileSync('extra.json', 'utf8');\n");
    const added = importscan(['src/routes', '--baseline', 'importscan-baseline.json', ...JSON_OUT], dir);
    expect(ruleIds(added.stdout)).toEqual(['side-effect/io']);

    // Fix the timer: its entry is stale; --strict-baseline fails the run.
    fs.writeFileSync(settings, fs.readFileSync(settings, 'utf8').replace(/^export const refresher.*$/m, ''));
    const stale = importscan(['src/routes', '--baseline', 'importscan-baseline.json'], dir);
    expect(stale.stderr).toBe('importscan: 1 baseline entry is stale; run --update-baseline\n');
    expect(stale.code).toBe(0);
    const strict = importscan(['src/routes', '--baseline', 'importscan-baseline.json', '--strict-baseline'], dir);
    expect(strict.stderr).toBe('importscan: 1 baseline entry is stale; run --update-baseline\n');
    expect(strict.code).toBe(1);
  });

  it('exits 2 for a missing or malformed baseline, and for --update-baseline without --baseline', () => {
    const dir = tempCopy(path.join(FIXTURES, 'baseline'));
    const missing = importscan(['src/routes', '--baseline', 'nope.json'], dir);
    expect(missing).toEqual({ stdout: '', stderr: `importscan: baseline not found: ${path.join(dir, 'nope.json')} (create it with --update-baseline)\n`, code: 2 });
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"findings": 3}');
    const bad = importscan(['src/routes', '--baseline', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^importscan: invalid baseline .*bad\.json: findings: expected an array/);
    expect(importscan(['src/routes', '--update-baseline'], dir)).toEqual({ stdout: '', stderr: 'importscan: --update-baseline needs --baseline <file>\n', code: 2 });
  });
});

describe('fingerprints', () => {
  const base: Finding = { ruleId: 'side-effect/io', severity: 'warning', file: 'src/a.ts', line: 3, column: 1, message: 'synchronous I/O readFileSync() at module level', entries: [], chain: [] };

  it('ignore line, column, chain and numbers in the message, but not the statement', () => {
    const fp = fingerprintOf(base, "const x = fs.readFileSync('a');");
    expect(fingerprintOf({ ...base, line: 40, column: 9, chain: ['src/r.ts', 'src/a.ts'] }, "  const x =   fs.readFileSync('a');")).toBe(fp);
    expect(fingerprintOf(base, "const y = fs.readFileSync('b');")).not.toBe(fp);
    expect(fingerprintOf({ ...base, file: 'src/b.ts' }, "const x = fs.readFileSync('a');")).not.toBe(fp);
    expect(normaliseMessage('pg Pool created a second time (first at src/db.ts:12)')).toBe('pg Pool created a second time (first at src/db.ts:#)');
    // Whitespace runs, tabs, newlines and non-breaking spaces collapse to one space; ends are trimmed.
    expect(normaliseMessage(' loads  3.5 MB\tof\naws-sdk\u00a0v2 ')).toBe('loads # MB of aws-sdk v#');
    expect(normaliseMessage('a 1.2.3 b')).toBe('a #.# b');
  });

  it('match as a multiset: one recorded entry hides one finding', () => {
    const f = { ...base, fingerprint: 'abc' };
    const outcome = applyBaseline([f, { ...f }], [{ fingerprint: 'abc', ruleId: f.ruleId, file: f.file, message: f.message }]);
    expect({ kept: outcome.findings.length, hidden: outcome.hidden, stale: outcome.stale.length }).toEqual({ kept: 1, hidden: 1, stale: 0 });
  });
});
