// --since: findings in changed files (committed since the ref, uncommitted, untracked), in a temp git repo.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterSince } from '../../src/changed/filter.js';
import type { EntryReport, Finding, ScanResult } from '../../src/types.js';
import { FIXTURES, importscan, tempCopy } from './helpers.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
const files = (stdout: string) => (JSON.parse(stdout) as { findings: Finding[] }).findings.map((f) => `${f.file}:${f.ruleId}`);

/** The baseline fixture plus a second route with its own effect, committed on main. */
function repo(): string {
  const dir = tempCopy(path.join(FIXTURES, 'baseline'), 'since-repo');
  fs.writeFileSync(path.join(dir, 'src/clock.ts'), 'export const tick = setInterval(() => undefined, 1000);\n');
  fs.writeFileSync(path.join(dir, 'src/routes/status.ts'), "import { tick } from '../clock.js';\n\nexport const ticking = Boolean(tick);\n");
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  return dir;
}

describe('--since <ref>', () => {
  it('reports only findings in files changed on the branch, uncommitted or untracked', () => {
    const dir = repo();
    const all = files(importscan(['src/routes', '--format', 'json'], dir).stdout);
    expect(all).toEqual(['src/clock.ts:side-effect/timer', 'src/settings.ts:side-effect/io', 'src/settings.ts:side-effect/timer']);

    // Nothing changed yet.
    expect(files(importscan(['src/routes', '--format', 'json', '--since', 'main'], dir).stdout)).toEqual([]);

    // A commit on a branch touches clock.ts.
    git(dir, 'checkout', '-q', '-b', 'feature');
    fs.appendFileSync(path.join(dir, 'src/clock.ts'), 'export const later = 1;\n');
    git(dir, 'commit', '-q', '-am', 'touch clock');
    expect(files(importscan(['src/routes', '--format', 'json', '--since', 'main'], dir).stdout)).toEqual(['src/clock.ts:side-effect/timer']);

    // An uncommitted edit to settings.ts counts too; and so does an untracked file.
    fs.appendFileSync(path.join(dir, 'src/settings.ts'), '// edited\n');
    fs.writeFileSync(path.join(dir, 'src/routes/new.ts'), "import fs from 'node:fs';\nexport const x = fs.readFileSync('x');\n");
    const r = importscan(['src/routes', '--format', 'json', '--since', 'main'], dir);
    expect(files(r.stdout)).toEqual([
      'src/clock.ts:side-effect/timer',
      'src/routes/new.ts:side-effect/io',
      'src/settings.ts:side-effect/io',
      'src/settings.ts:side-effect/timer',
    ]);
    // The summary counts what is reported.
    expect((JSON.parse(r.stdout) as ScanResult).summary).toMatchObject({ errors: 0, warnings: 4 });
  });

  it('exits 2 with one line for an unknown ref', () => {
    const dir = repo();
    const r = importscan(['src/routes', '--since', 'no-such-branch'], dir);
    expect(r).toEqual({ stdout: '', stderr: `importscan: --since: unknown git ref 'no-such-branch' in ${dir}\n`, code: 2 });
  });

  it('exits 2 with one line outside a git repository', () => {
    const dir = tempCopy(path.join(FIXTURES, 'baseline'), 'not-a-repo');
    const r = importscan(['src/routes', '--since', 'main'], dir, { GIT_CEILING_DIRECTORIES: os.tmpdir() });
    expect(r).toEqual({ stdout: '', stderr: `importscan: --since needs a git repository: ${dir} is not inside one\n`, code: 2 });
  });
});

describe('filterSince', () => {
  const entry = (file: string, eagerModules: string[]): EntryReport => ({
    file, eagerModules, lazyModules: [], packages: [], cost: { modules: 0, bytes: 0, heavyPackages: 0, sideEffects: 0, measuredMs: null },
  });
  const finding = (ruleId: string, file: string, entries: string[]): Finding => ({ ruleId, severity: 'error', file, line: 1, column: 1, message: ruleId, entries, chain: [] });
  const result: ScanResult = {
    schemaVersion: 1, tool: { name: 'importscan', version: '0' }, root: '/p',
    entries: [entry('src/routes/a.ts', ['src/routes/a.ts', 'src/lib/util.ts', 'src/svc.ts']), entry('src/routes/b.ts', ['src/routes/b.ts', 'src/svc.ts'])],
    findings: [
      finding('budget', 'src/routes/a.ts', ['src/routes/a.ts']),
      finding('budget', 'src/routes/b.ts', ['src/routes/b.ts']),
      finding('heavy-dependency', 'src/svc.ts', ['src/routes/a.ts', 'src/routes/b.ts']),
      finding('side-effect/io', 'src/svc.ts', ['src/routes/a.ts', 'src/routes/b.ts']),
      finding('side-effect/io', 'src/lib/util.ts', ['src/routes/a.ts']),
    ],
    summary: { entries: 2, modules: 4, errors: 5, warnings: 0, infos: 0, durationMs: 0 },
  };

  it('keeps findings in changed files, and budget/heavy-dependency of entries whose closure holds one', () => {
    const kept = filterSince(result, new Set(['/p/src/lib/util.ts', '/elsewhere/x.ts']));
    expect(kept.map((f) => `${f.ruleId}@${f.file}`)).toEqual(['budget@src/routes/a.ts', 'heavy-dependency@src/svc.ts', 'side-effect/io@src/lib/util.ts']);
  });
});
