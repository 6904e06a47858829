// weigh: walked packages by key, backed by one cache file (read once, written once if it changed).
import fs from 'node:fs';
import path from 'node:path';
import { VERSION } from '../version.js';
import { NodeResolver } from './node-resolver.js';
import { readManifest, walkUnit, type WeighFs } from './walk.js';

/** A walked package as cached: paths relative to the cache's root, deps by key. */
export interface StoredUnit {
  name: string;
  version: string | null;
  /** Package directory relative to the root, forward slashes. */
  dir: string;
  /** Own files reached eagerly, relative to `dir`, with sizes. */
  files: Array<[string, number]>;
  /** Keys of the units it loads eagerly. */
  deps: string[];
}

interface CacheFile {
  schema: 1;
  tool: string;
  units: Record<string, StoredUnit>;
}

const posix = (p: string) => p.split(path.sep).join('/');

/** Cache key of a package loaded from one entry file: `name@version@dir#entry` (dir relative to root). */
export function unitKey(root: string, name: string, version: string | null, dir: string, entry: string): string {
  return `${name}@${version ?? ''}@${posix(path.relative(root, dir)) || '.'}#${posix(path.relative(dir, entry))}`;
}

/** Units walked or read from the cache. A cache hit reads no package file. */
export class UnitStore {
  private readonly units = new Map<string, StoredUnit>();
  /** `dir\0entry` -> key, for units found while walking (their name/version come from the walk). */
  private readonly keyOfTarget = new Map<string, string>();
  private isDirty = false;
  private resolver: NodeResolver | null = null;

  constructor(
    readonly root: string,
    private readonly io: WeighFs,
    private readonly cacheFile: string | null,
  ) {
    if (!cacheFile) return;
    try {
      const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CacheFile;
      if (cached.schema === 1 && cached.tool === VERSION) for (const [k, u] of Object.entries(cached.units)) this.units.set(k, u);
    } catch {
      // no cache yet, or unreadable: start empty
    }
  }

  get(key: string): StoredUnit | undefined {
    return this.units.get(key);
  }

  /** Absolute directory of a stored unit. */
  dirOf(unit: StoredUnit): string {
    return path.resolve(this.root, unit.dir);
  }

  /** The key of the package at `dir` loaded from `entry`; walks it (and what it loads) unless cached. */
  ensure(name: string, version: string | null, dir: string, entry: string): string {
    const key = unitKey(this.root, name, version, dir, entry);
    return this.units.has(key) ? key : this.walk(dir, entry);
  }

  private walk(dir: string, entry: string): string {
    const target = `${dir}\0${entry}`;
    const known = this.keyOfTarget.get(target);
    if (known) return known;
    const manifest = readManifest(this.io, dir);
    const key = unitKey(this.root, manifest.name, manifest.version, dir, entry);
    this.keyOfTarget.set(target, key);
    if (this.units.has(key)) return key;
    this.resolver ??= new NodeResolver();
    const unit = walkUnit(this.io, this.resolver, dir, entry, manifest);
    const stored: StoredUnit = { name: unit.name, version: unit.version, dir: posix(path.relative(this.root, dir)) || '.', files: unit.files, deps: [] };
    this.units.set(key, stored); // before the deps, so cycles between packages end
    this.isDirty = true;
    stored.deps = unit.deps.map((d) => this.walk(d.dir, d.entry)).sort();
    return key;
  }

  /** Writes the cache file if anything was walked. Failure to write is not an error. */
  save(): void {
    if (!this.cacheFile || !this.isDirty) return;
    const sorted = [...this.units.keys()].sort();
    const data: CacheFile = { schema: 1, tool: VERSION, units: Object.fromEntries(sorted.map((k) => [k, this.units.get(k)!])) };
    try {
      fs.mkdirSync(path.dirname(this.cacheFile), { recursive: true });
      fs.writeFileSync(this.cacheFile, JSON.stringify(data));
      this.isDirty = false;
    } catch {
      // read-only tree: weights are still right, only the next run is slower
    }
  }
}
