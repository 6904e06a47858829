// test/ci: run the real bin (built by `npm run build`, which `npm test` does first) and tidy its output.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(REPO, 'bin/importscan.js');
export const SAMPLE = path.join(REPO, 'sample-projects/express-api');
export const FIXTURES = path.join(REPO, 'test/fixtures/ci');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Spawns `node bin/importscan.js ...args` with NO_COLOR=1. */
export function importscan(args: string[], cwd = REPO, env: Record<string, string> = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

/** Replaces the absolute root and durationMs so reports compare across machines and runs. */
export function normalise(text: string, root: string): string {
  const real = fs.realpathSync(root);
  const fileUrl = `file://${real}`;
  return text
    .split(fileUrl).join('file://<root>')
    .split(real).join('<root>')
    .replace(/"durationMs": \d+/g, '"durationMs": 0');
}

/** A fresh copy of a fixture (or any directory) in a temp dir; returns the copy's real path. */
export function tempCopy(dir: string, name = path.basename(dir)): string {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'importscan-ci-')));
  const target = path.join(base, name);
  fs.cpSync(dir, target, { recursive: true });
  return target;
}
