// The real CLI, spawned: exit codes, bad input, the JSON report against its schema, determinism.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, cliJson, fixture, REPO } from '../helpers.js';

const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'docs/report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'importscan-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const clean = fixture('cli', 'clean', 'src/routes');
const broken = fixture('cli', 'broken', 'src/routes');
const warnings = fixture('cli', 'warnings', 'src/routes');

describe('exit codes', () => {
  it('0 when there is nothing to report', () => {
    expect(cli([clean])).toEqual({ code: 0, stdout: '✔ 0 problems (0 errors, 0 warnings, 0 infos) in 1 entry, 2 modules\n', stderr: '' });
  });

  it('1 on an error finding; 0 or 1 around --max-warnings', () => {
    expect(cli([broken]).code).toBe(1);
    expect(cli([warnings]).code).toBe(0);
    expect(cli([warnings, '--max-warnings', '2']).code).toBe(0);
    expect(cli([warnings, '--max-warnings', '1']).code).toBe(1);
    expect(cli([warnings, '--rule', 'unresolved-import=error']).code).toBe(1);
    expect(cli([warnings, '--rule', 'unresolved-import=off', '--max-warnings', '0']).code).toBe(0);
  });

  it('--quiet shows errors only', () => {
    const r = cli([warnings, '--quiet']);
    expect(r.stdout).not.toContain('unresolved-import');
    expect(r.code).toBe(0);
  });
});

describe('bad input: one line on stderr, exit 2, no stack trace', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a path that does not exist', ['no/such/dir'], /^importscan: path does not exist: no\/such\/dir\n$/],
    ['an invalid tsconfig', [fixture('cli', 'bad-tsconfig', 'src/routes')], /^importscan: invalid tsconfig .*bad-tsconfig\/tsconfig.json: Property assignment expected\.\n$/],
    ['a missing -p tsconfig', ['-p', 'missing.json', clean], /^importscan: tsconfig not found: .*missing.json\n$/],
    ['a directory with no entries', [fixture('cli', 'no-entries', 'src/routes')], /^importscan: no source files found in .*no-entries\/src\/routes\n$/],
    ['an unknown option', [clean, '--bogus'], /^importscan: unknown option '--bogus'\n$/],
    ['an unknown format', [clean, '-f', 'xml'], /^importscan: unknown format 'xml': expected one of .*\n$/],
    ['a bad --rule', [clean, '--rule', 'nope=error'], /^importscan: unknown rule in --rule: nope\n$/],
    ['a bad --rule severity', [clean, '--rule', 'parse-error=loud'], /^importscan: invalid --rule parse-error=loud: expected .*\n$/],
    ['a bad --max-warnings', [clean, '--max-warnings', 'many'], /^importscan: .*--max-warnings takes a whole number\n$/],
    ['no paths and no config entries', [], /^importscan: no paths given and no `entries` in the config\n$/],
  ];
  for (const [name, args, stderr] of cases) {
    it(name, () => {
      const r = cli(args, { cwd: name.startsWith('no paths') ? tmp : REPO });
      expect(r.stderr).toMatch(stderr);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(2);
    });
  }

  it('a symlink loop given as a path', () => {
    const loop = path.join(tmp, 'loop');
    fs.symlinkSync(loop, loop);
    const r = cli([loop]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `importscan: symlink loop at ${loop}\n` });
  });

  it('a symlink loop inside a directory is walked once', () => {
    const dir = path.join(tmp, 'looped');
    fs.mkdirSync(path.join(dir, 'src/routes'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"looped"}\n');
    fs.writeFileSync(path.join(dir, 'src/routes/a.js'), 'module.exports = 1;\n');
    fs.symlinkSync('..', path.join(dir, 'src/routes/up'));
    const r = cliJson([path.join(dir, 'src/routes')]);
    expect(r.report.entries.map((e: { file: string }) => e.file)).toEqual(['src/routes/a.js']);
  });
});

describe('unparseable files are findings; the rest is analysed', () => {
  it('syntax errors, binary and non-UTF-8 files', () => {
    const { code, report } = cliJson([broken]);
    expect(code).toBe(1);
    expect(report.entries[0].eagerModules).toEqual(['src/bad.ts', 'src/blob.js', 'src/deep.ts', 'src/latin.ts', 'src/ok.ts', 'src/routes/a.ts']);
    expect(report.findings.filter((f: any) => f.ruleId === 'parse-error').map((f: any) => [f.ruleId, f.file, f.line, f.column, f.message])).toEqual([
      ['parse-error', 'src/bad.ts', 1, 21, 'cannot parse: Expression expected.'],
      ['parse-error', 'src/blob.js', 1, 1, 'cannot parse: binary file (contains NUL bytes), not JavaScript or TypeScript'],
      ['parse-error', 'src/latin.ts', 1, 1, 'cannot parse: not a UTF-8 text file'],
    ]);
  });

  it('a 5 MB generated file is analysed', () => {
    const dir = path.join(tmp, 'big');
    fs.mkdirSync(path.join(dir, 'src/routes'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"big","type":"module"}\n');
    const rows = Array.from({ length: 90_000 }, (_, i) => `  { id: ${i}, name: "row-${i}", tags: ["a", "b"] },`).join('\n');
    fs.writeFileSync(path.join(dir, 'src/generated.js'), `import fs from 'node:fs';\nexport const rows = [\n${rows}\n];\n`);
    expect(fs.statSync(path.join(dir, 'src/generated.js')).size).toBeGreaterThan(4_000_000);
    fs.writeFileSync(path.join(dir, 'src/routes/a.js'), "import { rows } from '../generated.js';\nexport const n = () => rows.length;\n");
    const { code, report } = cliJson([path.join(dir, 'src/routes')]);
    expect(code).toBe(0);
    expect(report.entries[0].eagerModules).toEqual(['src/generated.js', 'src/routes/a.js']);
  });
});

describe('reports', () => {
  it('--format json matches docs/report.schema.json and is deterministic', () => {
    const target = path.join(REPO, 'sample-projects/express-api/src/routes');
    const a = cli([target, '--format', 'json']);
    const b = cli([target, '--format', 'json']);
    const report = JSON.parse(a.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const strip = (s: string) => s.replace(/"durationMs": \d+/, '"durationMs": 0');
    expect(strip(a.stdout)).toBe(strip(b.stdout));
    expect(report.root).toBe(path.join(REPO, 'sample-projects/express-api'));
  });

  it('-o writes the report to a file', () => {
    const out = path.join(tmp, 'report.json');
    const r = cli([clean, '-f', 'json', '-o', out]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(validate(JSON.parse(fs.readFileSync(out, 'utf8')))).toBe(true);
  });

  it('--graph dot, mermaid and json', () => {
    const target = fixture('resolve', 'dynamic-and-lazy', 'src/routes');
    expect(cli([target, '--graph', 'dot']).stdout).toBe(
      [
        'digraph importscan {',
        '  rankdir=LR;',
        '  node [shape=ellipse, fontname="Helvetica"];',
        '  "src/eager.ts";',
        '  "src/report.ts";',
        '  "src/routes/a.ts" [style=bold];',
        '  "src/routes/a.ts" -> "src/eager.ts";',
        '  "src/routes/a.ts" -> "src/report.ts" [style=dashed];',
        '}',
        '',
      ].join('\n'),
    );
    expect(cli([target, '--graph', 'mermaid']).stdout).toBe('flowchart LR\n  n0["src/eager.ts"]\n  n1["src/report.ts"]\n  n2["src/routes/a.ts"]\n  n2 --> n0\n  n2 -.-> n1\n');
    expect(JSON.parse(cli([target, '--graph', 'json']).stdout).edges).toEqual([
      { from: 'src/routes/a.ts', to: 'src/eager.ts', lazy: false },
      { from: 'src/routes/a.ts', to: 'src/report.ts', lazy: true },
    ]);
  });

  it('why prints every shortest chain', () => {
    const root = path.join(REPO, 'sample-projects/express-api');
    const r = cli(['why', 'src/routes/users.ts', 'pg'], { cwd: root });
    expect(r.code).toBe(0);
    const chains = r.stdout.split('\n\n')[0]!.trim().split('\n');
    expect(chains.length).toBeGreaterThan(0);
    expect(chains.every((l) => l.startsWith('src/routes/users.ts') && / [-~]> pg$/.test(l))).toBe(true);
    expect(cli(['why', 'src/routes/health.ts', 'pg'], { cwd: root })).toMatchObject({ code: 1, stdout: 'src/routes/health.ts does not load pg eagerly\n' });
    expect(cli(['why', 'nope.ts', 'pg'])).toEqual({ code: 2, stdout: '', stderr: 'importscan: entry is not a file: nope.ts\n' });
  });

  it('--version without loading the scanner, and --help', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--project', '--config', '--format', '--output', '--max-warnings', '--rule', '--fix', '--fix-dry-run', '--baseline', '--update-baseline', '--since', '--measure', '--graph', '--top', '--quiet', '--no-color', 'why <entry>', 'init']) {
      expect(help.stdout).toContain(flag);
    }
  });
});

describe('a reader that stops early', () => {
  it('ends the run quietly with its exit code, no stack trace (importscan ... | head)', async () => {
    const { spawn } = await import('node:child_process');
    const sample = path.join(REPO, 'sample-projects/express-api');
    const child = spawn(process.execPath, [path.join(REPO, 'bin/importscan.js'), 'src/routes', '-f', 'json'], { cwd: sample, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first piece of the report (it is over 200 KB, more than a pipe holds), then hang up.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1); // the sample has error findings
  });
});
