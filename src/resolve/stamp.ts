// resolve: the stamp of everything a resolution depends on besides its specifier and directory, so
// that `--cache` can keep each file's resolutions while it is unchanged: which files exist under the
// root (names only: editing a file changes no resolution), the bytes of package.json and tsconfig
// files there, the packages and install markers of every node_modules on the way (npm, pnpm and
// yarn rewrite the markers on every install), and the options.
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ProjectConfig } from './tsconfig.js';

/** Directory entries past which the walk gives up (no stamp: everything is resolved afresh). */
const MAX_ENTRIES = 500_000;

/** Files whose bytes (not only names) decide resolutions: manifests, tsconfig `paths` and `extends`. */
const READ_BY_RESOLVER = /^(package\.json|[jt]sconfig.*\.json)$/;

/** What a package manager rewrites in node_modules on every install. */
const INSTALL_MARKERS = ['.package-lock.json', '.modules.yaml', '.yarn-state.yml', '.yarn-integrity'];

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
export function resolutionStamp(root: string, project: ProjectConfig, options: string): Stamp | null {
  const hash = createHash('sha1');
  hash.update(`${JSON.stringify(project)}\0${options}\0`);
  if (project.file) statInto(hash, project.file);
  for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
    nodeModulesInto(hash, dir);
    if (path.dirname(dir) === dir) break;
  }
  let budget = MAX_ENTRIES;
  const files: string[] = [];
  let hasLinks = false;
  const walk = (dir: string, rel: string): boolean => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return true;
    }
    if ((budget -= entries.length) < 0) return false;
    const names = entries.map((e) => e.name).sort();
    const byName = new Map(entries.map((e) => [e.name, e]));
    for (const name of names) {
      const e = byName.get(name)!;
      const full = path.join(dir, name);
      if (e.isSymbolicLink()) hasLinks = true;
      if (e.isDirectory()) {
        if (name === 'node_modules') {
          nodeModulesInto(hash, dir);
          continue;
        }
        if (name.startsWith('.')) continue;
        hash.update(`${rel}${name}/\n`);
        if (!walk(full, `${rel}${name}/`)) return false;
      } else {
        hash.update(`${rel}${name}\n`);
        files.push(full);
        if (READ_BY_RESOLVER.test(name)) statInto(hash, full);
      }
    }
    return true;
  };
  return walk(root, '') ? { stamp: hash.digest('hex'), files, hasLinks } : null;
}

function statInto(hash: Hash, file: string): void {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  hash.update(st ? `=${st.size}:${st.mtimeMs}\n` : '=none\n');
}

/**
 * The node_modules of a directory: the packages in it (names, scopes listed) and its install
 * markers. Not its modification time: tools write caches under node_modules/.cache.
 */
function nodeModulesInto(hash: Hash, dir: string): void {
  const nm = path.join(dir, 'node_modules');
  let names: string[];
  try {
    names = fs.readdirSync(nm).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return;
  }
  hash.update(`${nm}\n`);
  for (const name of names) {
    hash.update(`${name}\n`);
    if (!name.startsWith('@')) continue;
    try {
      for (const inner of fs.readdirSync(path.join(nm, name)).sort()) hash.update(`${name}/${inner}\n`);
    } catch {
      // a file named @x: its name is enough
    }
  }
  for (const marker of INSTALL_MARKERS) {
    const m = fs.statSync(path.join(nm, marker), { throwIfNoEntry: false });
    if (m) hash.update(`${marker}=${m.size}:${m.mtimeMs}\n`);
  }
}
