// changed: the files changed since a git ref (`--since`): committed, uncommitted and untracked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

const names = (out: string) => out.split('\0').filter(Boolean);

/**
 * Absolute real paths of the files changed since `ref`: `git diff --name-only <ref>...HEAD`, plus
 * staged and unstaged changes, plus untracked files. Exit 2 outside a repository or for an unknown ref.
 */
export function changedFiles(cwd: string, ref: string): Set<string> {
  let top: string;
  try {
    top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('--since needs git, and git was not found on PATH');
    throw new UsageError(`--since needs a git repository: ${cwd} is not inside one`);
  }
  if (ref.startsWith('-')) throw new UsageError(`--since: unknown git ref '${ref}'`);
  try {
    git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--since: unknown git ref '${ref}' in ${top}`);
  }
  const files = new Set<string>();
  const add = (rel: string) => {
    const abs = path.join(top, rel);
    files.add(fs.existsSync(abs) ? fs.realpathSync(abs) : abs);
  };
  try {
    for (const f of names(git(top, ['diff', '--name-only', '-z', '--no-renames', `${ref}...HEAD`]))) add(f);
    for (const f of names(git(top, ['diff', '--name-only', '-z', '--no-renames', 'HEAD']))) add(f);
    for (const f of names(git(top, ['ls-files', '--others', '--exclude-standard', '-z']))) add(f);
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').split('\n')[0];
    throw new UsageError(`--since ${ref}: git diff failed: ${stderr || (error as Error).message.split('\n')[0]}`);
  }
  return files;
}
