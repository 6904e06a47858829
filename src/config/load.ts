// config: find, read and validate importscan.config.json (or package.json's `importscan` key).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Severity } from '../types.js';
import { DEFAULT_HEAVY, type Budget, type EngineSpec, type ResolvedConfig, type RuleSetting } from './schema.js';

export const CONFIG_FILE = 'importscan.config.json';
/** The commented form `importscan init` writes; a plain .json next to it wins. */
export const CONFIG_FILE_JSONC = 'importscan.config.jsonc';
const SEVERITIES: Severity[] = ['off', 'info', 'warning', 'error'];
const TOP_KEYS = new Set(['$schema', 'entries', 'ignore', 'rules', 'engines', 'heavy', 'budgets', 'tsconfig']);

/** sha1 of a resolved config (overrides applied): what values kept across runs with `--cache` are keyed by. */
export function configDigest(config: ResolvedConfig): string {
  return createHash('sha1').update(JSON.stringify(config)).digest('hex');
}

/** Finds the config for a start path: importscan.config.json at or above it, else package.json's key. */
export function findConfig(start: string): { file: string; key?: 'importscan' } | null {
  let dir = path.resolve(start);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  let packageJson: string | null = null;
  for (;;) {
    for (const name of [CONFIG_FILE, CONFIG_FILE_JSONC]) {
      const candidate = path.join(dir, name);
      if (fs.existsSync(candidate)) return { file: candidate };
    }
    const pj = path.join(dir, 'package.json');
    if (!packageJson && fs.existsSync(pj)) packageJson = pj;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (packageJson) {
    try {
      const json = JSON.parse(fs.readFileSync(packageJson, 'utf8')) as Record<string, unknown>;
      if (json.importscan !== undefined) return { file: packageJson, key: 'importscan' };
    } catch {
      // an unreadable package.json holds no config
    }
  }
  return null;
}

/** Loads and validates a config; defaults when `found` is null. Throws UsageError with the key path. */
export function loadConfig(found: { file: string; key?: 'importscan' } | null, knownRules: Map<string, Severity>): ResolvedConfig {
  let raw: unknown = {};
  let where = '';
  if (found) {
    where = path.relative(process.cwd(), found.file) || found.file;
    let text: string;
    try {
      text = fs.readFileSync(found.file, 'utf8');
    } catch {
      throw new UsageError(`cannot read config ${where}`);
    }
    try {
      raw = JSON.parse(stripJsonComments(text));
    } catch (error) {
      throw new UsageError(`invalid JSON in config ${where}: ${(error as Error).message}`);
    }
    if (found.key) raw = (raw as Record<string, unknown>)[found.key];
  }
  // Every message names the key path, what was expected and what was found.
  const at = (key: string): unknown =>
    key.split(/\.(?![^[]*\])|(?=\[)/).reduce<unknown>((v, part) => {
      if (v === null || typeof v !== 'object') return undefined;
      const index = /^\[(\d+)\]$/.exec(part);
      return index ? (v as unknown[])[Number(index[1])] : (v as Record<string, unknown>)[part];
    }, raw);
  const fail = (key: string, expected: string, got: unknown = at(key)): never => {
    throw new UsageError(`invalid config ${where}: ${key}: expected ${expected}, got ${describe(got)}`);
  };
  const unknownKey = (key: string, known: string[]): never => {
    throw new UsageError(`invalid config ${where}: ${key}: unknown key (expected one of ${known.join(', ')})`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(found?.key ?? '(root)', 'an object', raw);
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (!TOP_KEYS.has(key)) unknownKey(key, [...TOP_KEYS]);
  if (obj.$schema !== undefined && typeof obj.$schema !== 'string') fail('$schema', 'a string');

  const strings = (key: string): string[] => {
    const v = obj[key];
    if (v === undefined) return [];
    if (typeof v === 'string') return [v];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) fail(key, 'a string or an array of strings');
    return v as string[];
  };

  const rules: Record<string, RuleSetting> = {};
  for (const [id, severity] of knownRules) rules[id] = { severity, options: {} };
  if (obj.rules !== undefined) {
    if (typeof obj.rules !== 'object' || obj.rules === null || Array.isArray(obj.rules)) fail('rules', 'an object');
    for (const [id, value] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!knownRules.has(id)) unknownKey(`rules.${id}`, [...knownRules.keys()].sort());
      rules[id] = { ...parseRuleSetting(value, `rules.${id}`, (k, e) => fail(k, e, k.endsWith('[1]') ? (value as unknown[])[1] : value)), isExplicit: true };
    }
  }

  const engines: EngineSpec[] = [];
  if (obj.engines !== undefined) {
    if (!Array.isArray(obj.engines)) fail('engines', 'an array');
    (obj.engines as unknown[]).forEach((e, i) => {
      const k = `engines[${i}]`;
      if (typeof e !== 'object' || e === null || Array.isArray(e)) return fail(k, 'an object');
      const spec = e as Record<string, unknown>;
      if (typeof spec.package !== 'string') fail(`${k}.package`, 'a string');
      if (typeof spec.export !== 'string') fail(`${k}.export`, 'a string');
      if (spec.kind !== 'new' && spec.kind !== 'call') fail(`${k}.kind`, '"new" or "call"');
      if (spec.label !== undefined && typeof spec.label !== 'string') fail(`${k}.label`, 'a string');
      for (const key of Object.keys(spec)) if (!['package', 'export', 'kind', 'label'].includes(key)) unknownKey(`${k}.${key}`, ['package', 'export', 'kind', 'label']);
      engines.push(spec as unknown as EngineSpec);
    });
  }

  const heavy = { ...DEFAULT_HEAVY };
  if (obj.heavy !== undefined) {
    if (typeof obj.heavy !== 'object' || obj.heavy === null || Array.isArray(obj.heavy)) fail('heavy', 'an object');
    for (const [key, value] of Object.entries(obj.heavy as Record<string, unknown>)) {
      if (key === 'bytes' || key === 'modules') {
        if (typeof value !== 'number' || !(value >= 0)) fail(`heavy.${key}`, 'a non-negative number');
        heavy[key] = value as number;
      } else if (key === 'packages' || key === 'never') {
        if (!Array.isArray(value) || value.some((s) => typeof s !== 'string')) fail(`heavy.${key}`, 'an array of package names');
        heavy[key] = value as string[];
      } else unknownKey(`heavy.${key}`, ['bytes', 'modules', 'packages', 'never']);
    }
  }

  const budgets: Budget[] = [];
  if (obj.budgets !== undefined) {
    if (!Array.isArray(obj.budgets)) fail('budgets', 'an array');
    (obj.budgets as unknown[]).forEach((b, i) => {
      const k = `budgets[${i}]`;
      if (typeof b !== 'object' || b === null || Array.isArray(b)) return fail(k, 'an object');
      const budget = b as Record<string, unknown>;
      if (typeof budget.entries !== 'string') fail(`${k}.entries`, 'a glob string');
      for (const [key, value] of Object.entries(budget)) {
        if (key === 'entries') continue;
        if (!['maxModules', 'maxBytes', 'maxHeavyPackages', 'maxSideEffects', 'maxMs'].includes(key)) {
          unknownKey(`${k}.${key}`, ['entries', 'maxModules', 'maxBytes', 'maxHeavyPackages', 'maxSideEffects', 'maxMs']);
        }
        if (typeof value !== 'number' || !(value >= 0)) fail(`${k}.${key}`, 'a non-negative number');
      }
      budgets.push(budget as unknown as Budget);
    });
  }

  let tsconfig: string | null = null;
  if (obj.tsconfig !== undefined) {
    if (typeof obj.tsconfig !== 'string') fail('tsconfig', 'a path string');
    tsconfig = path.resolve(found ? path.dirname(found.file) : process.cwd(), obj.tsconfig as string);
  }

  return { file: found?.file ?? null, entries: strings('entries'), ignore: strings('ignore'), rules, engines, heavy, budgets, tsconfig };
}

function parseRuleSetting(value: unknown, key: string, fail: (k: string, e: string) => never): RuleSetting {
  const expected = `one of ${SEVERITIES.join(', ')}, or [severity, {options}]`;
  if (typeof value === 'string') {
    if (!SEVERITIES.includes(value as Severity)) fail(key, expected);
    return { severity: value as Severity, options: {} };
  }
  if (Array.isArray(value) && value.length <= 2 && typeof value[0] === 'string' && SEVERITIES.includes(value[0] as Severity)) {
    const options = value[1] ?? {};
    if (typeof options !== 'object' || options === null || Array.isArray(options)) fail(`${key}[1]`, 'an options object');
    return { severity: value[0] as Severity, options: options as Record<string, unknown> };
  }
  return fail(key, expected);
}

/** A found value, short, for error messages. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Parses `--rule id=severity` overrides onto a config. */
export function applyRuleOverrides(config: ResolvedConfig, overrides: string[]): void {
  for (const o of overrides) {
    const m = /^([^=]+)=(off|info|warning|error)$/.exec(o);
    if (!m) throw new UsageError(`invalid --rule ${o}: expected <rule-id>=<off|info|warning|error>`);
    const [, id, severity] = m;
    if (!config.rules[id!]) throw new UsageError(`unknown rule in --rule: ${id}`);
    config.rules[id!] = { ...config.rules[id!]!, severity: severity as Severity, isExplicit: true };
  }
}

/** Removes // and /* comments outside strings (so JSONC configs load). */
export function stripJsonComments(text: string): string {
  return text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str: string | undefined) => str ?? '');
}
