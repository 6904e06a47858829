// Test helpers: fixture paths, spawning the real CLI.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(REPO, 'bin', 'importscan.js');

/** Absolute path of a fixture folder under test/fixtures. */
export function fixture(...parts: string[]): string {
  return path.join(REPO, 'test', 'fixtures', ...parts);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns `node bin/importscan.js ...args` with NO_COLOR=1 (build first: `npm test` does). */
export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Parses `--format json` output. */
export function cliJson(args: string[], options: { cwd?: string } = {}): { code: number; report: any; stderr: string } {
  const r = cli([...args, '--format', 'json'], options);
  return { code: r.code, report: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}
