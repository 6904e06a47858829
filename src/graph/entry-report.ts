// analyze: per-entry facts for the report (eager and lazy modules, packages, cost).
import type { EntryReport, Finding } from '../types.js';
import type { Weights } from '../weigh/types.js';
import { dominance, type Leaving } from './dominators.js';
import type { ProjectGraph } from './project-graph.js';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const sideEffectsCache = new WeakMap<Finding[], { byFile: Map<string, string[]>; ruleOrder: string[] }>();

/**
 * The side-effect rule ids reported in each file, and the order the rules first appear in the
 * findings (the order of `sideEffectsByKind`), grouped once per findings list.
 */
function sideEffectsByFile(findings: Finding[]): { byFile: Map<string, string[]>; ruleOrder: string[] } {
  let hit = sideEffectsCache.get(findings);
  if (!hit) {
    const byFile = new Map<string, string[]>();
    const ruleOrder = new Set<string>();
    for (const f of findings) {
      if (!f.ruleId.startsWith('side-effect/')) continue;
      ruleOrder.add(f.ruleId);
      let list = byFile.get(f.file);
      if (!list) byFile.set(f.file, (list = []));
      list.push(f.ruleId);
    }
    hit = { byFile, ruleOrder: [...ruleOrder] };
    sideEffectsCache.set(findings, hit);
  }
  return hit;
}

const ranks = new WeakMap<ProjectGraph, { rankById: Int32Array; relByRank: string[] }>();

/**
 * Each parsed file's place among all relative paths, by node id (-1 for packages and assets),
 * computed once per graph; with `--cache` kept for the structure (the files are its nodes) and root.
 */
function ranksOf(graph: ProjectGraph): { rankById: Int32Array; relByRank: string[] } {
  let hit = ranks.get(graph);
  if (!hit) {
    const g = graph.indexed();
    const key = `ranks\0${graph.root}`;
    let rankById = graph.structureMemo?.get(key) as Int32Array | undefined;
    if (!rankById) {
      const all = [...graph.facts.keys()].map((file) => ({ file, rel: graph.rel(file) })).sort((a, b) => byString(a.rel, b.rel));
      rankById = new Int32Array(g.names.length).fill(-1);
      for (let i = 0; i < all.length; i++) rankById[g.idOf.get(all[i]!.file)!] = i;
      graph.structureMemo?.set(key, rankById);
    }
    const relByRank = new Array<string>(graph.facts.size);
    for (let id = 0; id < rankById.length; id++) if (rankById[id]! >= 0) relByRank[rankById[id]!] = graph.rel(g.names[id]!);
    hit = { rankById, relByRank };
    ranks.set(graph, hit);
  }
  return hit;
}

/** Per graph: a zeroed mark per rank, for sorting by counting. */
const rankMarks = new WeakMap<ProjectGraph, Uint8Array>();

/**
 * Relative paths of project files given by node id, sorted: by a rank computed once for the whole
 * graph (sorting a thousand paths per entry, for a thousand entries, was most of the entries stage
 * at 20k files); when the ids are a sixteenth of the files or more, by counting over the ranks.
 */
function sortedRelOfIds(graph: ProjectGraph, ids: ArrayLike<number>): string[] {
  const { rankById, relByRank } = ranksOf(graph);
  const out = new Array<string>(ids.length);
  if (relByRank.length <= ids.length * 16) {
    let marks = rankMarks.get(graph);
    if (!marks) rankMarks.set(graph, (marks = new Uint8Array(relByRank.length)));
    for (let i = 0; i < ids.length; i++) {
      const r = rankById[ids[i]!]!;
      if (r < 0) return sortedByText(graph, ids, marks);
      marks[r] = 1;
    }
    for (let r = 0, at = 0; r < marks.length; r++) if (marks[r]) (out[at++] = relByRank[r]!), (marks[r] = 0);
    return out;
  }
  const byRank = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const r = rankById[ids[i]!]!;
    if (r < 0) return sortedByText(graph, ids, null);
    byRank[i] = r;
  }
  byRank.sort();
  for (let i = 0; i < byRank.length; i++) out[i] = relByRank[byRank[i]!]!;
  return out;
}

/** sortedRelOfIds when some id is not a parsed file (an asset): compared as text (clearing the marks set so far). */
function sortedByText(graph: ProjectGraph, ids: ArrayLike<number>, marks: Uint8Array | null): string[] {
  marks?.fill(0);
  const { names } = graph.indexed();
  return Array.from(ids, (id) => graph.rel(names[id]!)).sort(byString);
}

const sideEffectsByIdCache = new WeakMap<Finding[], WeakMap<ProjectGraph, Array<string[] | undefined>>>();

/** sideEffectsByFile by node id of the indexed graph (made once per findings and graph). */
function sideEffectsById(graph: ProjectGraph, findings: Finding[]): Array<string[] | undefined> {
  let perGraph = sideEffectsByIdCache.get(findings);
  if (!perGraph) sideEffectsByIdCache.set(findings, (perGraph = new WeakMap()));
  let byId = perGraph.get(graph);
  if (!byId) {
    const { byFile } = sideEffectsByFile(findings);
    // Through the ranks' relative paths (parsed files only: assets and packages have no findings).
    const { rankById, relByRank } = ranksOf(graph);
    byId = Array.from(rankById, (rank) => (rank < 0 ? undefined : byFile.get(relByRank[rank]!)));
    perGraph.set(graph, byId);
  }
  return byId;
}

/** Builds the contract's `entries[]` element for one entry. */
export function entryReport(graph: ProjectGraph, weights: Weights, entry: string, findings: Finding[]): EntryReport {
  const closure = graph.closure(entry);
  // Over node ids (every entry is a node of the graph it was built from): a handful of map
  // lookups per module and entry was most of this stage at 20k files.
  const g = graph.indexed();
  const { eagerIds } = closure;
  const files = new Int32Array(eagerIds.length);
  let fileCount = 0;
  const packages: string[] = [];
  let bytes = 0;
  for (let i = 0; i < eagerIds.length; i++) {
    const id = eagerIds[i]!;
    if (g.isPackage[id]) packages.push(g.names[id]!);
    else (files[fileCount++] = id), (bytes += g.bytes[id]!);
  }
  const fileIds = files.subarray(0, fileCount);
  const packageTotals = weights.union(packages);
  const rel = graph.rel(entry);
  const { ruleOrder } = sideEffectsByFile(findings);
  const byId = sideEffectsById(graph, findings);
  const counts = new Map<string, number>();
  for (let i = 0; i < fileIds.length; i++) {
    const ruleIds = byId[fileIds[i]!];
    if (ruleIds) for (const ruleId of ruleIds) counts.set(ruleId, (counts.get(ruleId) ?? 0) + 1);
  }
  const sideEffectsByKind: Record<string, number> = {};
  for (const ruleId of ruleOrder) if (counts.has(ruleId)) sideEffectsByKind[ruleId] = counts.get(ruleId)!;
  const sideEffects = Object.values(sideEffectsByKind).reduce((a, b) => a + b, 0);
  const packageReports = packages
    .map((p) => {
      const w = weights.of(p);
      const chain = graph.chain(entry, p);
      return {
        name: graph.rel(p),
        heavy: weights.isHeavy(p),
        modules: w ? w.modules : null,
        bytes: w ? w.bytes : null,
        chain: chain.slice(0, -1).map((n) => graph.rel(n)),
      };
    })
    .sort((a, b) => byString(a.name, b.name) || byString(a.chain.join(), b.chain.join()));
  const report: EntryReport = {
    file: rel,
    eagerModules: sortedRelOfIds(graph, fileIds),
    lazyModules: sortedRelOfIds(graph, closure.lazyIds),
    packages: packageReports,
    cost: {
      modules: fileIds.length + packageTotals.modules,
      bytes: bytes + packageTotals.bytes,
      heavyPackages: packageReports.filter((p) => p.heavy).length,
      sideEffects,
      measuredMs: null,
    },
    sideEffectsByKind,
  };
  report.cut = biggestCut(graph, weights, entry);
  const nonLiteral = graph.nonLiteral.filter((n) => closure.eagerIndex.has(n.file));
  if (nonLiteral.length) {
    report.unresolvableDynamicImports = nonLiteral
      .map(({ file, importIndex }) => {
        const fact = graph.importOf(file, importIndex)!;
        return `${graph.rel(file)}:${fact.line}: ${fact.kind === 'dynamic' ? 'import' : 'require'}(${fact.specifier})`;
      })
      .sort(byString);
  }
  return report;
}

/** Modules and bytes of a set of closure nodes: project files by size, packages as one union. */
export function costOf(graph: ProjectGraph, weights: Weights, nodes: Iterable<string>): { modules: number; bytes: number } {
  let modules = 0;
  let bytes = 0;
  const packages: string[] = [];
  for (const n of nodes) {
    if (graph.isPackage(n)) packages.push(n);
    else (modules += 1), (bytes += graph.facts.get(n)?.bytes ?? 0);
  }
  const union = weights.union(packages);
  return { modules: modules + union.modules, bytes: bytes + union.bytes };
}

/** Package nodes of an entry's eager closure and their union cost (memoised per weights). */
type Cost = { modules: number; bytes: number };
const packageCosts = new WeakMap<Weights, Map<string, { packages: string[]; cost: Cost; saved: Map<string, Cost> }>>();

function entryPackages(graph: ProjectGraph, weights: Weights, entry: string) {
  let perWeights = packageCosts.get(weights);
  if (!perWeights) packageCosts.set(weights, (perWeights = new Map()));
  let hit = perWeights.get(entry);
  if (!hit) {
    const { isPackage, names } = graph.indexed();
    const packages: string[] = [];
    for (const id of graph.closure(entry).eagerIds) if (isPackage[id] === 1) packages.push(names[id]!);
    hit = { packages, cost: weights.union(packages), saved: new Map() };
    perWeights.set(entry, hit);
  }
  return hit;
}

/**
 * What an entry stops loading when the `leaving` nodes leave its closure: their project files, and
 * the packages' union minus the union of the packages that stay, so a dependency shared with a
 * package that stays is not counted as saved.
 */
export function savingOf(graph: ProjectGraph, weights: Weights, entry: string, leaving: Leaving): { modules: number; bytes: number } {
  let modules = leaving.files;
  let bytes = leaving.fileBytes;
  if (leaving.packages.length) {
    const closure = entryPackages(graph, weights, entry);
    const key = leaving.packages.join('\0');
    let saved = closure.saved.get(key);
    if (!saved) {
      const gone = new Set(leaving.packages);
      const rest = weights.union(closure.packages.filter((p) => !gone.has(p)));
      saved = { modules: closure.cost.modules - rest.modules, bytes: closure.cost.bytes - rest.bytes };
      closure.saved.set(key, saved);
    }
    modules += saved.modules;
    bytes += saved.bytes;
  }
  return { modules, bytes };
}

/** What an entry saves from one edge, and the edge (for the biggest cut). */
interface Cut {
  edge: number;
  modules: number;
  bytes: number;
}

/** Savings of every entry, kept as what the rules and reports ask: per indexed edge, and each entry's best cut. */
export interface SavingsIndex {
  /** Edge id -> the entries it saves something for, in entry order (only the edges the filter keeps). */
  byEdge: Map<number, Array<{ entry: string; leaving: Leaving }>>;
  /** Entry -> its biggest cut (null: no import saves anything). */
  cuts: Map<string, Cut | null>;
}

/** Which edges' savings to keep (a module-level function: it is part of the memo key). */
export type EdgeFilter = (graph: ProjectGraph, edge: number) => boolean;

const indexes = new WeakMap<ProjectGraph, WeakMap<Weights, Map<EdgeFilter | null, SavingsIndex>>>();

function indexesOf(graph: ProjectGraph, weights: Weights): Map<EdgeFilter | null, SavingsIndex> {
  let perGraph = indexes.get(graph);
  if (!perGraph) indexes.set(graph, (perGraph = new WeakMap()));
  let perWeights = perGraph.get(weights);
  if (!perWeights) perGraph.set(weights, (perWeights = new Map()));
  return perWeights;
}

/**
 * One dominator tree per entry, folded as it is computed into the per-edge lists the filter keeps
 * (the lazy-import candidates) and each entry's biggest cut; the trees themselves are not kept (a
 * thousand entries of a few thousand edges each). Memoised per graph, weights and filter.
 */
export function savingsIndex(graph: ProjectGraph, weights: Weights, filter: EdgeFilter | null = null): SavingsIndex {
  const memo = indexesOf(graph, weights);
  let index = memo.get(filter);
  if (index) return index;
  const g = graph.indexed();
  // Ties go to the first import by `file#index` (compared as text), so the choice never depends on map order.
  const keyOf = (edge: number) => `${g.names[g.source[edge]!]!}#${g.importIndex[edge]!}`;
  index = { byEdge: new Map(), cuts: new Map() };
  // The filter once per edge (-1: not asked yet), not once per edge and entry.
  const isKept = new Int8Array(g.target.length).fill(-1);
  for (const entry of graph.entries) {
    let best: (Cut & { key: string | null }) | null = null;
    const { edges, files, fileBytes, packages } = dominance(graph, entry);
    for (let i = 0; i < edges.length; i++) {
      const edge = edges[i]!;
      if (isKept[edge] === -1) isKept[edge] = filter?.(graph, edge) ? 1 : 0;
      let leaving: Leaving | null = null;
      if (isKept[edge] === 1) {
        let list = index.byEdge.get(edge);
        if (!list) index.byEdge.set(edge, (list = []));
        list.push({ entry, leaving: (leaving = { files: files[i]!, fileBytes: fileBytes[i]!, packages: packages[i]! }) });
      }
      // What the entry saves: the files alone, or with the packages' share (savingOf).
      let modules = files[i]!;
      let bytes = fileBytes[i]!;
      if (packages[i]!.length) ({ modules, bytes } = savingOf(graph, weights, entry, leaving ?? { files: modules, fileBytes: bytes, packages: packages[i]! }));
      if (best && (bytes < best.bytes || (bytes === best.bytes && modules < best.modules))) continue;
      if (best && bytes === best.bytes && modules === best.modules) {
        best.key ??= keyOf(best.edge);
        const key = keyOf(edge);
        if (byString(key, best.key) >= 0) continue;
        best = { edge, key, modules, bytes };
      } else best = { edge, key: null, modules, bytes };
    }
    index.cuts.set(entry, best && { edge: best.edge, modules: best.modules, bytes: best.bytes });
  }
  memo.set(filter, index);
  return index;
}

/** The one eager import whose removal saves the entry the most (bytes, then modules); null if none saves anything. */
export function biggestCut(graph: ProjectGraph, weights: Weights, entry: string): EntryReport['cut'] {
  // The cuts do not depend on the filter: any index already made (by the lazy-import rule) has them.
  const made = indexesOf(graph, weights).values().next().value;
  const cut = (made ?? savingsIndex(graph, weights)).cuts.get(entry);
  if (!cut) return null;
  const g = graph.indexed();
  const file = g.names[g.source[cut.edge]!]!;
  const fact = graph.importOf(file, g.importIndex[cut.edge]!)!;
  return { file: graph.rel(file), line: fact.line, specifier: fact.specifier, modules: cut.modules, bytes: cut.bytes };
}
