// discover: turn the command line's paths (or config globs) into entry files.
import fs from 'node:fs';
import path from 'node:path';
import { globMatcher } from './glob.js';
import { UsageError } from '../errors.js';

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const DECLARATION = /\.d\.[cm]?ts$|\.d\.[^.]+\.ts$/;
const TEST = /\.(test|spec)\.[^.]+$/;
const SKIPPED_DIRS = new Set(['node_modules', '__tests__', '__mocks__', '.git']);

/** Whether a file name is a source file importscan analyses (not a declaration file). */
export function isSourceFile(file: string): boolean {
  return SOURCE.test(file) && !DECLARATION.test(file);
}

/** Options for entry discovery. */
export interface DiscoverOptions {
  root: string;
  /** Globs relative to root for files to leave out. */
  ignore: string[];
}

/**
 * Every entry file under the given paths: files as given, directories walked recursively
 * (source files only; no declarations, tests, node_modules or ignored files). Sorted.
 */
export function discoverEntries(paths: string[], options: DiscoverOptions): string[] {
  const isIgnored = options.ignore.length ? globMatcher(options.ignore) : () => false;
  const rel = (p: string) => path.relative(options.root, p).split(path.sep).join('/');
  const found = new Set<string>();
  for (const given of paths) {
    const abs = path.resolve(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new UsageError(`symlink loop at ${given}`);
      throw new UsageError(`path does not exist: ${given}`);
    }
    if (stat.isFile()) {
      if (!SOURCE.test(abs)) throw new UsageError(`not a JavaScript or TypeScript source file: ${given}`);
      found.add(fs.realpathSync(abs));
    } else if (stat.isDirectory()) {
      walk(abs, new Set(), (file) => {
        if (!isSourceFile(file) || TEST.test(file) || isIgnored(rel(file))) return;
        found.add(file);
      });
    }
  }
  return [...found].sort();
}

/** Every entry matching config globs (relative to root). */
export function discoverFromGlobs(globs: string[], options: DiscoverOptions): string[] {
  const isMatch = globMatcher(globs);
  const isIgnored = options.ignore.length ? globMatcher(options.ignore) : () => false;
  const found: string[] = [];
  walk(options.root, new Set(), (file) => {
    const rel = path.relative(options.root, file).split(path.sep).join('/');
    if (isSourceFile(file) && !TEST.test(file) && isMatch(rel) && !isIgnored(rel)) found.push(file);
  });
  return found.sort();
}

/** Every source file under a root, tests included (not declarations, node_modules, dist or dot folders). */
export function listSourceFiles(root: string): string[] {
  const found: string[] = [];
  walk(
    root,
    new Set(),
    (file) => {
      if (isSourceFile(file)) found.push(file);
    },
    new Set(['node_modules', 'dist']),
  );
  return found;
}

/**
 * What listSourceFiles gives, from a listing of every file under the root (no links followed) in
 * the same order: source files not under node_modules, dist or dot folders.
 */
export function sourceFilesIn(files: readonly string[], root: string): string[] {
  const inside = root.endsWith(path.sep) ? root.length : root.length + 1;
  const { sep } = path;
  return files.filter((file) => {
    if (!isSourceFile(file)) return false;
    // The directories between the root and the file: none named node_modules or dist, none hidden.
    const dirs = `${sep}${file.slice(inside, file.lastIndexOf(sep) + 1)}`;
    return !dirs.includes(`${sep}node_modules${sep}`) && !dirs.includes(`${sep}dist${sep}`) && !dirs.includes(`${sep}.`);
  });
}

/** Walks a directory tree, following symlinks once (a loop is cut, not followed forever). */
function walk(dir: string, seen: Set<string>, onFile: (file: string) => void, skipped: ReadonlySet<string> = SKIPPED_DIRS): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return; // dangling link or loop: skipped
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(real, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(real, e.name);
    if (e.isDirectory() || e.isSymbolicLink()) {
      if (skipped.has(e.name) || e.name.startsWith('.')) continue;
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          if (!isDir && st.isFile()) onFile(fs.realpathSync(full));
        } catch {
          continue;
        }
      }
      if (isDir) walk(full, seen, onFile, skipped);
    } else if (e.isFile()) onFile(full);
  }
}
