// Config: the shipped JSON Schema, `init`'s starter, and every validation error (exit 2 with the key path).
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { configJsonSchemaText } from '../../src/config/json-schema.js';
import { stripJsonComments } from '../../src/config/load.js';
import { ruleInfos } from '../../src/report/index.js';
import { FIXTURES, importscan, REPO, tempCopy } from './helpers.js';

const SCHEMA_FILE = path.join(REPO, 'docs/config.schema.json');

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

describe('docs/config.schema.json', () => {
  it('is generated from the rule registry (IMPORTSCAN_WRITE_SCHEMA=1 rewrites it)', () => {
    const text = configJsonSchemaText(ruleInfos());
    if (process.env.IMPORTSCAN_WRITE_SCHEMA) fs.writeFileSync(SCHEMA_FILE, text);
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8'), 'rules changed: run IMPORTSCAN_WRITE_SCHEMA=1 npx vitest run test/ci/config.test.ts').toBe(text);
  });

  it('ships in the package', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('docs');
  });
});

describe('importscan init', () => {
  it('writes a commented starter with $schema and every rule at its default, which loads and validates', () => {
    const dir = tempCopy(path.join(FIXTURES, 'baseline'), 'init');
    const r = importscan(['init'], dir);
    expect(r).toEqual({ stdout: 'wrote importscan.config.jsonc\n', stderr: '', code: 0 });
    const text = fs.readFileSync(path.join(dir, 'importscan.config.jsonc'), 'utf8');
    expect(text).toContain('// ');
    const config = JSON.parse(stripJsonComments(text)) as { $schema: string; rules: Record<string, string> };
    expect(config.$schema).toBe('./node_modules/importscan/docs/config.schema.json');
    expect(config.rules).toEqual(Object.fromEntries(ruleInfos().map((r) => [r.id, r.defaultSeverity])));
    const validate = validator();
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    // The starter is found without -c and its entries are used when no paths are given.
    const scan = importscan(['--format', 'json'], dir);
    expect(scan.stderr).toBe('');
    expect((JSON.parse(scan.stdout) as { entries: Array<{ file: string }> }).entries.map((e) => e.file)).toEqual(['src/routes/health.ts', 'src/routes/users.ts']);
  });

  it('refuses to overwrite a config', () => {
    const dir = tempCopy(path.join(FIXTURES, 'baseline'), 'init-twice');
    fs.writeFileSync(path.join(dir, 'importscan.config.json'), '{}');
    expect(importscan(['init'], dir)).toEqual({ stdout: '', stderr: 'importscan: importscan.config.json already exists\n', code: 2 });
  });
});

/** Each case: a config value, and the one line importscan must print (after "invalid config <file>: "). */
const INVALID: Array<[string, unknown, string]> = [
  ['root not an object', [], '(root): expected an object, got an array'],
  ['unknown top-level key', { rulez: {} }, 'rulez: unknown key (expected one of $schema, entries, ignore, rules, engines, heavy, budgets, tsconfig)'],
  ['$schema not a string', { $schema: 1 }, '$schema: expected a string, got 1'],
  ['entries not strings', { entries: [1] }, 'entries: expected a string or an array of strings, got an array'],
  ['ignore not strings', { ignore: true }, 'ignore: expected a string or an array of strings, got true'],
  ['rules not an object', { rules: [] }, 'rules: expected an object, got an array'],
  ['unknown rule', { rules: { 'side-effect/teleport': 'error' } }, 'rules.side-effect/teleport: unknown key (expected one of '],
  ['bad severity', { rules: { 'side-effect/io': 'fatal' } }, 'rules.side-effect/io: expected one of off, info, warning, error, or [severity, {options}], got "fatal"'],
  ['bad severity in a tuple', { rules: { 'side-effect/io': ['loud', {}] } }, 'rules.side-effect/io: expected one of off, info, warning, error, or [severity, {options}], got an array'],
  ['options not an object', { rules: { 'side-effect/io': ['warning', 3] } }, 'rules.side-effect/io[1]: expected an options object, got 3'],
  ['tuple too long', { rules: { 'side-effect/io': ['warning', {}, {}] } }, 'rules.side-effect/io: expected one of off, info, warning, error, or [severity, {options}], got an array'],
  ['engines not an array', { engines: {} }, 'engines: expected an array, got an object'],
  ['engine not an object', { engines: ['pg'] }, 'engines[0]: expected an object, got "pg"'],
  ['engine without package', { engines: [{ export: 'Pool', kind: 'new' }] }, 'engines[0].package: expected a string, got nothing'],
  ['engine export not a string', { engines: [{ package: 'pg', export: 1, kind: 'new' }] }, 'engines[0].export: expected a string, got 1'],
  ['engine bad kind', { engines: [{ package: 'pg', export: 'Pool', kind: 'make' }] }, 'engines[0].kind: expected "new" or "call", got "make"'],
  ['engine label not a string', { engines: [{ package: 'pg', export: 'Pool', kind: 'new', label: 2 }] }, 'engines[0].label: expected a string, got 2'],
  ['engine unknown key', { engines: [{ package: 'pg', export: 'Pool', kind: 'new', lable: 'x' }] }, 'engines[0].lable: unknown key (expected one of package, export, kind, label)'],
  ['heavy not an object', { heavy: 5 }, 'heavy: expected an object, got 5'],
  ['heavy bytes negative', { heavy: { bytes: -1 } }, 'heavy.bytes: expected a non-negative number, got -1'],
  ['heavy modules a string', { heavy: { modules: '150' } }, 'heavy.modules: expected a non-negative number, got "150"'],
  ['heavy packages not names', { heavy: { packages: 'aws-sdk' } }, 'heavy.packages: expected an array of package names, got "aws-sdk"'],
  ['heavy never not names', { heavy: { never: [1] } }, 'heavy.never: expected an array of package names, got an array'],
  ['heavy unknown key', { heavy: { megabytes: 1 } }, 'heavy.megabytes: unknown key (expected one of bytes, modules, packages, never)'],
  ['budgets not an array', { budgets: { maxModules: 1 } }, 'budgets: expected an array, got an object'],
  ['budget not an object', { budgets: [3] }, 'budgets[0]: expected an object, got 3'],
  ['budget without entries', { budgets: [{ maxModules: 1 }] }, 'budgets[0].entries: expected a glob string, got nothing'],
  ['budget unknown key', { budgets: [{ entries: 'src/**', maxModule: 1 }] }, 'budgets[0].maxModule: unknown key (expected one of entries, maxModules, maxBytes, maxHeavyPackages, maxSideEffects, maxMs)'],
  ['budget limit negative', { budgets: [{ entries: 'src/**', maxBytes: -5 }] }, 'budgets[0].maxBytes: expected a non-negative number, got -5'],
  ['tsconfig not a string', { tsconfig: ['a'] }, 'tsconfig: expected a path string, got an array'],
];

describe('config validation: exit 2, one line naming the key path', () => {
  const dir = tempCopy(path.join(FIXTURES, 'baseline'), 'invalid-config');
  const validate = validator();

  it.each(INVALID)('%s', (_name, config, expected) => {
    fs.writeFileSync(path.join(dir, 'importscan.config.json'), JSON.stringify(config));
    const r = importscan(['src/routes'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toContain(`importscan: invalid config importscan.config.json: ${expected}`);
    // The shipped schema rejects what the loader rejects, so editors flag it too.
    expect(validate(config)).toBe(false);
  });

  it('invalid JSON', () => {
    fs.writeFileSync(path.join(dir, 'importscan.config.json'), '{ "rules": ');
    const r = importscan(['src/routes'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^importscan: invalid JSON in config importscan\.config\.json: .+\n$/);
  });

  it('the package.json "importscan" key is validated with its path', () => {
    fs.rmSync(path.join(dir, 'importscan.config.json'));
    const pkg = path.join(dir, 'package.json');
    const original = fs.readFileSync(pkg, 'utf8');
    fs.writeFileSync(pkg, JSON.stringify({ name: 'x', importscan: 'strict' }));
    const r = importscan(['src/routes'], dir);
    fs.writeFileSync(pkg, original);
    expect(r).toEqual({ stdout: '', stderr: 'importscan: invalid config package.json: importscan: expected an object, got "strict"\n', code: 2 });
  });

  it('a -c file that does not exist', () => {
    const r = importscan(['src/routes', '-c', 'nope.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^importscan: config not found: .*nope\.json\n$/);
  });

  it('a valid config with every key passes the loader and the schema', () => {
    const config = {
      $schema: './node_modules/importscan/docs/config.schema.json',
      entries: ['src/routes/**/*.ts'],
      ignore: 'src/routes/health.ts',
      rules: { 'side-effect/io': ['error', {}], 'side-effect/timer': 'off' },
      engines: [{ package: 'my-db', export: 'Client', kind: 'new', label: 'my-db Client' }],
      heavy: { bytes: 500000, modules: 100, packages: ['lodash'], never: ['zod'] },
      budgets: [{ entries: 'src/routes/**', maxModules: 400, maxBytes: 1e6, maxHeavyPackages: 0, maxSideEffects: 3, maxMs: 200 }],
      tsconfig: 'tsconfig.json',
    };
    fs.writeFileSync(path.join(dir, 'importscan.config.json'), JSON.stringify(config));
    const r = importscan(['--format', 'json'], dir);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { entries: Array<{ file: string }>; findings: Array<{ ruleId: string; severity: string }> };
    expect(report.entries.map((e) => e.file)).toEqual(['src/routes/users.ts']);
    const seen = report.findings.map((f) => `${f.ruleId}:${f.severity}`);
    expect(seen).toContain('side-effect/io:error');
    expect(seen.filter((s) => s.startsWith('side-effect/timer'))).toEqual([]);
    expect(r.code).toBe(1);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });
});
