// weigh: package weights for a graph: walked from node_modules (cached), else the catalog, else unknown.
import fs from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/schema.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import type { PackageWeight } from '../types.js';
import { CATALOG, type CatalogEntry } from './catalog.js';
import { UnitStore } from './store.js';
import type { Weights } from './types.js';
import { NODE_FS, type WeighFs } from './walk.js';

export type { Weights } from './types.js';
export { UNKNOWN_WEIGHTS } from './types.js';

/** Where the weights cache lives under a node_modules directory. */
export const CACHE_PATH = ['.cache', 'importscan', 'weights.json'];

export interface WeighOptions {
  /** File reader (tests count reads through it). */
  io?: WeighFs;
  /** Cache file; default `<nearest node_modules at or above root>/.cache/importscan/weights.json`; null: none. */
  cacheFile?: string | null;
}

/** The default cache file for a root, or null when there is no node_modules at or above it. */
export function defaultCacheFile(root: string): string | null {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const nm = path.join(dir, 'node_modules');
    if (fs.existsSync(nm)) return path.join(nm, ...CACHE_PATH);
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * Weighs every package node of the graph: installed packages by walking what Node loads from
 * their resolved entry file (through the cache), the others from the catalog. Writes the cache once.
 */
export function weighGraph(graph: ProjectGraph, config: ResolvedConfig, options: WeighOptions = {}): Weights {
  const cacheFile = options.cacheFile === undefined ? defaultCacheFile(graph.root) : options.cacheFile;
  const store = new UnitStore(graph.root, options.io ?? NODE_FS, cacheFile);
  const keyOf = new Map<string, string>();
  for (const node of graph.nodes()) {
    const attrs = graph.nodeAttributes(node)!;
    if (attrs.type !== 'package' || !attrs.dir || !attrs.entryFile) continue;
    keyOf.set(node, store.ensure(attrs.name, attrs.version ?? null, attrs.dir, attrs.entryFile));
  }
  store.save();

  /** Every unit a unit loads, itself included (packages in a cycle end). */
  const closures = new Map<string, string[]>();
  const closureOf = (key: string): string[] => {
    let hit = closures.get(key);
    if (hit) return hit;
    const seen = new Set([key]);
    const queue = [key];
    for (let i = 0; i < queue.length; i++) {
      for (const dep of store.get(queue[i]!)?.deps ?? []) if (!seen.has(dep)) seen.add(dep), queue.push(dep);
    }
    closures.set(key, (hit = queue));
    return hit;
  };
  /** Modules and bytes of one unit's own files. */
  const totals = new Map<string, { modules: number; bytes: number }>();
  const totalOf = (key: string, unit: NonNullable<ReturnType<typeof store.get>>) => {
    let hit = totals.get(key);
    if (!hit) {
      let bytes = 0;
      for (const [, b] of unit.files) bytes += b;
      totals.set(key, (hit = { modules: unit.files.length, bytes }));
    }
    return hit;
  };
  /**
   * Modules and bytes of a set of units, each file once: units of different package directories
   * never share files, so only two entry points of one package are merged file by file.
   */
  const measure = (keys: Iterable<string>): { modules: number; bytes: number } => {
    const byDir = new Map<string, string[]>();
    for (const key of keys) {
      const unit = store.get(key);
      if (!unit) continue;
      const list = byDir.get(unit.dir);
      if (list) list.push(key);
      else byDir.set(unit.dir, [key]);
    }
    let modules = 0;
    let bytes = 0;
    for (const list of byDir.values()) {
      if (list.length === 1) {
        const t = totalOf(list[0]!, store.get(list[0]!)!);
        (modules += t.modules), (bytes += t.bytes);
        continue;
      }
      const files = new Map<string, number>();
      for (const key of list) for (const [file, b] of store.get(key)!.files) files.set(file, b);
      for (const b of files.values()) bytes += b;
      modules += files.size;
    }
    return { modules, bytes };
  };

  /** The catalog describes a package's main entry: it applies when some import names the package itself. */
  const catalogOf = (node: string): CatalogEntry | undefined => {
    const name = graph.nodeAttributes(node)!.name;
    const entry = CATALOG[name];
    if (!entry) return undefined;
    return graph.inEdges(node).some((attrs) => attrs.specifier === name) ? entry : undefined;
  };

  const weightCache = new Map<string, PackageWeight | null>();
  const of = (node: string): PackageWeight | null => {
    if (weightCache.has(node)) return weightCache.get(node)!;
    const weight = computeWeight(node);
    weightCache.set(node, weight);
    return weight;
  };
  const computeWeight = (node: string): PackageWeight | null => {
    const attrs = graph.nodeAttributes(node);
    if (!attrs) return null;
    const { name, version } = attrs;
    const catalogued = catalogOf(node);
    const key = keyOf.get(node);
    const unit = key ? store.get(key) : undefined;
    if (key && unit) {
      const own = measure([key]);
      const total = measure(closureOf(key));
      return { name, version: version ?? null, ownModules: own.modules, ownBytes: own.bytes, deps: unit.deps, ...total, isCatalogued: !!catalogued, source: 'node_modules' };
    }
    if (catalogued) {
      const { modules, bytes } = catalogued;
      return { name, version: version ?? null, ownModules: modules, ownBytes: bytes, deps: [], modules, bytes, isCatalogued: true, source: 'catalog' };
    }
    return null;
  };

  const { heavy } = config;
  return {
    of,
    isHeavy(node) {
      const name = graph.nodeAttributes(node)?.name;
      if (name === undefined) return false;
      if (heavy.never.includes(name)) return false;
      if (heavy.packages.includes(name) || catalogOf(node)) return true;
      const w = of(node);
      return !!w && (w.bytes >= heavy.bytes || w.modules >= heavy.modules);
    },
    union(nodes) {
      const keys = new Set<string>();
      let modules = 0;
      let bytes = 0;
      for (const node of new Set(nodes)) {
        const key = keyOf.get(node);
        if (key) for (const k of closureOf(key)) keys.add(k);
        else {
          const w = of(node); // catalogued: no files to share, added whole
          if (w) (modules += w.modules), (bytes += w.bytes);
        }
      }
      const walked = measure(keys);
      return { modules: modules + walked.modules, bytes: bytes + walked.bytes };
    },
  };
}
