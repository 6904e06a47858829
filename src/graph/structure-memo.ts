// graph: values derived from the graph's structure alone (its nodes, edges and entries, not the
// files' sizes or texts), kept by `--cache` between runs while that structure is unchanged: an edit
// that adds or removes no import keeps every entry's dominator tree.
import { createHash } from 'node:crypto';
import type { ProjectGraph } from './project-graph.js';

/** Values kept for one structure (get: undefined when not kept). Values are plain data, never mutated. */
export interface StructureMemo {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** A digest of the structure: entries, node names in id order, each node's edges (target, import, lazy), packages. */
export function structureDigest(graph: ProjectGraph): string {
  const g = graph.indexed();
  const hash = createHash('sha1');
  hash.update(graph.entries.join('\0')).update('\n').update(g.names.join('\0')).update('\n');
  for (const a of [g.start, g.target, g.importIndex, g.isLazy, g.isPackage]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return hash.digest('hex');
}
