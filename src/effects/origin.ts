// effects: trace a callee to where it really comes from: a package export, a global, or a
// project function/class, following imports, re-exports and barrels across project files.
import type { ProjectGraph } from '../graph/project-graph.js';
import { detailsOf } from '../parse/details.js';
import type { CalleeRef, DeclFact } from '../types.js';

/** Where a callee comes from. `path` is the member path below the origin (`['Pool']`). */
export type Origin =
  | { type: 'package'; specifier: string; path: string[] }
  | { type: 'global'; path: string[] }
  | { type: 'decl'; file: string; decl: DeclFact; path: string[] }
  | { type: 'unknown' };

const UNKNOWN: Origin = { type: 'unknown' };
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
/** Barrel chains longer than this are not followed (and cycles stop here). */
const MAX_HOPS = 16;

/** The origin of a callee seen in `file`. */
export function originOf(graph: ProjectGraph, file: string, ref: CalleeRef): Origin {
  if (ref.type === 'global') {
    const path = ref.path.length > 1 && GLOBAL_OBJECTS.has(ref.path[0]!) ? ref.path.slice(1) : ref.path;
    return { type: 'global', path };
  }
  if (ref.type === 'local') {
    const facts = graph.facts.get(file);
    const decl = facts && detailsOf(facts).decls.find((d) => d.name === ref.name);
    return decl ? { type: 'decl', file, decl, path: ref.path } : UNKNOWN;
  }
  return fromImport(graph, file, importIndexOf(graph, file, ref), ref.source, ref.path, 0);
}

function importIndexOf(graph: ProjectGraph, file: string, ref: Extract<CalleeRef, { type: 'import' }>): number {
  if (ref.importIndex >= 0) return ref.importIndex;
  return graph.facts.get(file)?.imports.findIndex((i) => i.specifier === ref.source) ?? -1;
}

/** Strips `node:` so `node:fs` and `fs` match the same catalog entries. */
export function normalizeSpecifier(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('#');
}

/** Follows one import of `file`; `path` starts with the imported name (none for namespaces). */
function fromImport(graph: ProjectGraph, file: string, importIndex: number, specifier: string, path: string[], hops: number): Origin {
  const resolved = importIndex >= 0 ? graph.resolutions.get(file)?.[importIndex] : undefined;
  if (!resolved) return isBare(specifier) && importIndex >= 0 ? { type: 'package', specifier: normalizeSpecifier(specifier), path } : UNKNOWN;
  switch (resolved.type) {
    case 'builtin':
    case 'package':
      return { type: 'package', specifier: normalizeSpecifier(specifier), path };
    case 'unresolved':
      return resolved.isBare ? { type: 'package', specifier: normalizeSpecifier(specifier), path } : UNKNOWN;
    case 'file':
      return fromExport(graph, resolved.path, path[0] ?? 'default', path.slice(1), hops + 1);
  }
}

/** What `file` exports as `name`, with `rest` the member path below it. */
export function fromExport(graph: ProjectGraph, file: string, name: string, rest: string[], hops = 0): Origin {
  if (hops > MAX_HOPS) return UNKNOWN;
  const facts = graph.facts.get(file);
  if (!facts) return UNKNOWN;
  const { localExports, decls } = detailsOf(facts);
  const local = localExports.get(name);
  if (local !== undefined) {
    const index = facts.imports.findIndex((i) => i.bindings.some((b) => b.local === local && !b.isTypeOnly));
    if (index >= 0) {
      const fact = facts.imports[index]!;
      const imported = fact.bindings.find((b) => b.local === local)!.imported;
      return fromImport(graph, file, index, fact.specifier, imported === '*' ? rest : [imported, ...rest], hops);
    }
    const decl = decls.find((d) => d.name === local);
    return decl ? { type: 'decl', file, decl, path: rest } : UNKNOWN;
  }
  // `export { a as b } from './x'`, `export * as ns from 'pg'`.
  for (const [index, fact] of facts.imports.entries()) {
    if (fact.kind !== 'reexport' || fact.isTypeOnly) continue;
    const hit = fact.reexports?.find((r) => r.exported === name);
    if (!hit) continue;
    const path = hit.imported === '*' ? rest : [hit.imported, ...rest];
    return fromImport(graph, file, index, fact.specifier, path, hops);
  }
  // `export * from './x'`: the first star target that has the name (project files first).
  if (name === 'default') return UNKNOWN;
  let packageHit: Origin | undefined;
  for (const [index, fact] of facts.imports.entries()) {
    if (fact.kind !== 'reexport' || fact.isTypeOnly || !fact.reexports?.some((r) => r.exported === '*')) continue;
    const origin = fromImport(graph, file, index, fact.specifier, [name, ...rest], hops);
    if (origin.type === 'decl') return origin;
    if (origin.type === 'package') packageHit ??= origin;
  }
  return packageHit ?? UNKNOWN;
}
