// weigh: walk one package the way Node loads it, from one entry file, through its eager imports.
import fs from 'node:fs';
import path from 'node:path';
import { extractFacts } from '../parse/extract.js';
import { packageDirOf, type NodeResolver } from './node-resolver.js';

/** How the weigher reads files (injectable, so tests can count reads). */
export interface WeighFs {
  readFile(file: string): Buffer;
}

export const NODE_FS: WeighFs = { readFile: (file) => fs.readFileSync(file) };

/** A package loaded from one entry file: its own files and the packages they load eagerly. */
export interface Unit {
  name: string;
  version: string | null;
  /** Absolute package directory. */
  dir: string;
  /** Absolute entry file. */
  entry: string;
  /** Own files reached eagerly, relative to `dir` with forward slashes, and their sizes. */
  files: Array<[string, number]>;
  /** Units this one loads eagerly (direct), as `{ dir, entry }` so they can be walked. */
  deps: Array<{ dir: string; entry: string }>;
}

/** Files Node evaluates as JavaScript; anything else (.json, .node) is loaded but has no imports. */
const PARSED = /\.(c|m)?jsx?$|(?<!\.d)\.(c|m)?tsx?$/;

const posix = (p: string) => p.split(path.sep).join('/');

/** Reads `name` and `version` of a package directory's package.json. */
export function readManifest(io: WeighFs, dir: string): { name: string; version: string | null } {
  try {
    const json = JSON.parse(io.readFile(path.join(dir, 'package.json')).toString('utf8')) as Record<string, unknown>;
    return {
      name: typeof json.name === 'string' ? json.name : path.basename(dir),
      version: typeof json.version === 'string' ? json.version : null,
    };
  } catch {
    return { name: path.basename(dir), version: null };
  }
}

/** The package directory owning a file: inside node_modules, else the nearest package.json's (workspaces). */
export function ownerDirOf(file: string): string {
  const inNodeModules = packageDirOf(file);
  if (inNodeModules) return inNodeModules;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(file);
  }
}

/**
 * Walks a package from `entry`: every file reached by eager (module-level, non-dynamic) imports and
 * requires that stays in `dir` is an own file; a target in another package is a dependency unit.
 */
export function walkUnit(
  io: WeighFs,
  resolver: NodeResolver,
  dir: string,
  entry: string,
  manifest: { name: string; version: string | null },
): Unit {
  const { name, version } = manifest;
  const seen = new Set<string>([entry]);
  const queue = [entry];
  const files: Array<[string, number]> = [];
  const deps = new Map<string, { dir: string; entry: string }>();
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    let buffer: Buffer;
    try {
      buffer = io.readFile(file);
    } catch {
      continue; // a dangling link: Node would throw; nothing to count
    }
    files.push([posix(path.relative(dir, file)), buffer.length]);
    if (!PARSED.test(file) || buffer.includes(0)) continue;
    const facts = extractFacts(file, buffer.toString('utf8'), buffer.length, undefined, false);
    for (const fact of facts.imports) {
      if (fact.isLazy || fact.kind === 'dynamic' || fact.isTypeOnly || fact.isNonLiteral) continue;
      const target = resolver.resolve(file, fact.specifier, fact.condition);
      if (!target || seen.has(target)) continue;
      const owner = ownerDirOf(target);
      if (owner === dir) {
        seen.add(target);
        queue.push(target);
      } else {
        deps.set(`${owner}\0${target}`, { dir: owner, entry: target });
      }
    }
  }
  files.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { name, version, dir, entry, files, deps: [...deps.values()] };
}
