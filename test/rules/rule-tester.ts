// test helper: a tiny virtual project on disk, scanned with the real pipeline (RuleTester-style).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { RULES } from '../../src/rules/index.js';
import type { Finding } from '../../src/types.js';

/** A virtual project: file path -> text. `node_modules/...` paths make package stubs. */
export type Files = Record<string, string>;

/** The side-effect rules, from the registry (rules-meta checks the registry against the contract's own list). */
export const SIDE_EFFECT_RULES = RULES.map((rule) => rule.meta.id).filter((id) => id.startsWith('side-effect/'));

export interface ProjectOptions {
  /** Entry files (relative); default `src/entry.ts`. */
  entries?: string[];
  /** importscan.config.json content. */
  config?: Record<string, unknown>;
}

/** What a test compares: the finding as the user sees it. */
export interface Seen {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Writes the files to a fresh temp dir and returns its path. */
export function writeProject(files: Files, options: ProjectOptions = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'importscan-rule-')));
  dirs.push(dir);
  const all: Files = { 'package.json': JSON.stringify({ name: 'fixture', type: 'module' }), ...files };
  if (options.config) all['importscan.config.json'] = JSON.stringify(options.config);
  for (const [rel, text] of Object.entries(all)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** Scans a virtual project and returns every finding. */
export function scanFiles(files: Files, options: ProjectOptions = {}): Finding[] {
  const dir = writeProject(files, options);
  const entries = (options.entries ?? ['src/entry.ts']).map((e) => path.join(dir, e));
  return scan({ paths: entries }).result.findings;
}

/** Scans and keeps the findings of the given rules (all when none given), as users see them. */
export function run(files: Files, ruleIds: string[] = [], options: ProjectOptions = {}): Seen[] {
  return scanFiles(files, options)
    .filter((f) => ruleIds.length === 0 || ruleIds.includes(f.ruleId))
    .map(({ ruleId, severity, file, line, column, message }) => ({ ruleId, severity, file, line, column, message }));
}

/** Shorthand for an expected finding in `src/entry.ts`. */
export function at(ruleId: string, severity: string, line: number, column: number, message: string, file = 'src/entry.ts'): Seen {
  return { ruleId, severity, file, line, column, message };
}

/** Joins lines, so cases read as the source they stand for. */
export const code = (...lines: string[]): string => lines.join('\n') + '\n';
