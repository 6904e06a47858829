// --max-warnings at the boundary, --rule overrides and --quiet, on a fixture with three warnings.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, importscan } from './helpers.js';

const ROUTES = path.join(FIXTURES, 'warnings/src/routes');

describe('--max-warnings', () => {
  it('passes with exactly n warnings (n = 3)', () => {
    const r = importscan([ROUTES, '--max-warnings', '3']);
    expect(r.stdout).toContain('3 problems (0 errors, 3 warnings, 0 infos)');
    expect(r.code).toBe(0);
  });

  it('fails with n + 1 warnings (limit 2)', () => {
    expect(importscan([ROUTES, '--max-warnings', '2']).code).toBe(1);
  });

  it('passes without the option, warnings only', () => {
    expect(importscan([ROUTES]).code).toBe(0);
  });

  it('refuses a limit that is not a whole number', () => {
    const r = importscan([ROUTES, '--max-warnings', 'many']);
    expect(r).toEqual({ stdout: '', stderr: expect.stringMatching(/^importscan: .*--max-warnings takes a whole number\n$/), code: 2 });
  });
});

describe('--rule', () => {
  it('raises a rule to error (exit 1)', () => {
    const r = importscan([ROUTES, '--rule', 'side-effect/io=error']);
    expect(r.stdout).toContain('1 error, 2 warnings');
    expect(r.code).toBe(1);
  });

  it('is repeatable and turns rules off', () => {
    const r = importscan([ROUTES, '--rule', 'side-effect/io=off', '--rule', 'unresolved-import=info', '--max-warnings', '0']);
    expect(r.stdout).toContain('0 errors, 0 warnings, 2 infos');
    expect(r.code).toBe(0);
  });

  it('exits 2 on an unknown rule or severity', () => {
    const unknown = importscan([ROUTES, '--rule', 'side-effect/teleport=error']);
    expect(unknown).toEqual({ stdout: '', stderr: 'importscan: unknown rule in --rule: side-effect/teleport\n', code: 2 });
    const bad = importscan([ROUTES, '--rule', 'side-effect/io=fatal']);
    expect(bad).toEqual({ stdout: '', stderr: 'importscan: invalid --rule side-effect/io=fatal: expected <rule-id>=<off|info|warning|error>\n', code: 2 });
  });
});

describe('--quiet', () => {
  it('reports errors only, and warnings no longer count toward --max-warnings', () => {
    const r = importscan([ROUTES, '--quiet', '--max-warnings', '0']);
    expect(r).toEqual({ stdout: '✔ 0 problems (0 errors, 0 warnings, 0 infos) in 1 entry, 1 module\n', stderr: '', code: 0 });
  });

  it('keeps errors', () => {
    const r = importscan([ROUTES, '--quiet', '--rule', 'side-effect/io=error', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string }>; summary: { errors: number; warnings: number } };
    expect(report.findings.map((f) => f.ruleId)).toEqual(['side-effect/io']);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 0, infos: 0 });
    expect(r.code).toBe(1);
  });
});
