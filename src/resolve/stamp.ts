// resolve: the stamp of everything a resolution depends on besides its specifier and directory, so
// that `--cache` can keep each file's resolutions while it is unchanged: which files exist under the
// root (names only: editing a file changes no resolution), the bytes of package.json and tsconfig
// files there, the packages and install markers of every node_modules on the way (npm, pnpm and
// yarn rewrite the markers on every install), and the options. With `--cache`, a directory whose
// modification time is unchanged is not listed again: adding, removing or renaming an entry changes
// it (git's untracked cache relies on the same), so its kept listing is what a listing would give.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ProjectConfig } from './tsconfig.js';

/** Directory entries past which the walk gives up (no stamp: everything is resolved afresh). */
const MAX_ENTRIES = 500_000;

/** Files whose bytes (not only names) decide resolutions: manifests, tsconfig `paths` and `extends`. */
const READ_BY_RESOLVER = /^(package\.json|[jt]sconfig.*\.json)$/;

/** What a package manager rewrites in node_modules on every install. */
const INSTALL_MARKERS = ['.package-lock.json', '.modules.yaml', '.yarn-state.yml', '.yarn-integrity'];

/** A directory's entries as the walk reads them, names in order, and its modification time then. */
export interface Listing {
  mtimeMs: number;
  names: string[];
  /** One letter per name: `d` a directory, `l` a symbolic link, `f` anything else. */
  kinds: string;
}

/** Listings kept between runs (`--cache`), by absolute directory. */
export interface Listings {
  get(dir: string): Listing | undefined;
  set(dir: string, listing: Listing): void;
}

/**
 * A listing is kept only when the directory's modification time is this much older than the
 * listing: a file system that stores times in whole seconds (or two) shows no change for an entry
 * added within the same tick.
 */
const RACY_MS = 3_000;

/** A stamp and the walk behind it. */
export interface Stamp {
  stamp: string;
  /** Every file the walk saw (absolute), depth first in name order; not under node_modules or dot folders. */
  files: string[];
  /** Whether it saw a symbolic link outside node_modules (not followed: resolutions are not kept, a listing that follows links must walk again). */
  hasLinks: boolean;
}

/**
 * The resolution stamp of a root, or null when the tree is too large to list cheaply. Links are
 * not followed (their names count): the caller keeps no resolution when `hasLinks` (a file added
 * behind a link would go unseen), nor resolutions outside the root.
 */
export function resolutionStamp(root: string, project: ProjectConfig, options: string, kept?: Listings): Stamp | null {
  // What is hashed, as one text (a hash update per name cost more than the names).
  let text = `${JSON.stringify(project)}\0${options}\0`;
  if (project.file) text += statText(project.file);
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    text += nodeModulesText(dir);
    if (path.dirname(dir) === dir) break;
  }
  let budget = MAX_ENTRIES;
  const files: string[] = [];
  let hasLinks = false;
  const listedAt = Date.now();
  const walk = (dir: string, rel: string): boolean => {
    const listing = listingOf(dir, kept, listedAt);
    if (!listing) return true;
    const { names, kinds } = listing;
    if ((budget -= names.length) < 0) return false;
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      if (kinds[i] === 'l') hasLinks = true;
      if (kinds[i] === 'd') {
        if (name === 'node_modules') {
          text += nodeModulesText(dir);
          continue;
        }
        if (name.startsWith('.')) continue;
        text += `${rel}${name}/\n`;
        if (!walk(prefix + name, `${rel}${name}/`)) return false;
      } else {
        text += `${rel}${name}\n`;
        files.push(prefix + name);
        if (READ_BY_RESOLVER.test(name)) text += statText(prefix + name);
      }
    }
    return true;
  };
  return walk(root, '') ? { stamp: createHash('sha1').update(text).digest('hex'), files, hasLinks } : null;
}

/**
 * A directory's listing: the kept one while its modification time is unchanged, else read (and
 * kept when that time is not recent). Null when it cannot be listed.
 */
function listingOf(dir: string, kept: Listings | undefined, listedAt: number): Listing | null {
  let mtimeMs = 0;
  if (kept) {
    const st = fs.statSync(dir, { throwIfNoEntry: false });
    if (!st) return null;
    mtimeMs = st.mtimeMs;
    const hit = kept.get(dir);
    if (hit?.mtimeMs === mtimeMs) return hit;
  }
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const names = entries.map((e) => e.name).sort();
  let kinds = '';
  for (const name of names) {
    const e = byName.get(name)!;
    kinds += e.isSymbolicLink() ? 'l' : e.isDirectory() ? 'd' : 'f';
  }
  const listing = { mtimeMs, names, kinds };
  if (kept && mtimeMs < listedAt - RACY_MS) kept.set(dir, listing);
  return listing;
}

function statText(file: string): string {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  return st ? `=${st.size}:${st.mtimeMs}\n` : '=none\n';
}

/**
 * The node_modules of a directory: the packages in it (names, scopes listed) and its install
 * markers. Not its modification time: tools write caches under node_modules/.cache.
 */
function nodeModulesText(dir: string): string {
  const nm = path.join(dir, 'node_modules');
  let names: string[];
  try {
    names = fs.readdirSync(nm).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return '';
  }
  let text = `${nm}\n`;
  for (const name of names) {
    text += `${name}\n`;
    if (!name.startsWith('@')) continue;
    try {
      for (const inner of fs.readdirSync(path.join(nm, name)).sort()) text += `${name}/${inner}\n`;
    } catch {
      // a file named @x: its name is enough
    }
  }
  for (const marker of INSTALL_MARKERS) {
    const m = fs.statSync(path.join(nm, marker), { throwIfNoEntry: false });
    if (m) text += `${marker}=${m.size}:${m.mtimeMs}\n`;
  }
  return text;
}
