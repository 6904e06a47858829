// graph: the import graph of every file reachable from the entries, and the queries rules use.
import { createRequire } from 'node:module';
import type Graph from 'graphology';
import type { FileFacts, ImportFact, Resolved } from '../types.js';
import type { StructureMemo } from './structure-memo.js';
import { relativePath } from '../paths.js';

/** A node: a project file (key: absolute path) or a package (key: `pkg:name@version`). */
export interface NodeAttrs {
  type: 'file' | 'package';
  /** Project files: absolute path. Packages: package name. */
  name: string;
  version?: string | null;
  /** Packages: the directory it resolved to (null when not installed). */
  dir?: string | null;
  /** Packages: the resolved entry file, to weigh it by the importer's condition. */
  entryFile?: string | null;
  condition?: 'import' | 'require';
}

/** An edge: one import statement (or call) from a project file. */
export interface EdgeAttrs {
  importIndex: number;
  isLazy: boolean;
  specifier: string;
}

/** One entry's closure: what loads eagerly, in BFS order, with shortest-chain parents. */
export interface EntryClosure {
  entry: string;
  /** Nodes (files and packages) evaluated when the entry is imported, entry first, BFS order (names made when first read: most work uses eagerIds). */
  eager: string[];
  /** Ids (IndexedGraph) of the eager nodes, in the same order. */
  eagerIds: Int32Array;
  /** Position of each eager node in `eager` (membership test and chain lookups). */
  eagerIndex: { has(node: string): boolean; get(node: string): number | undefined };
  /** Position in `eager` of each eager node's BFS parent (-1 for the entry). */
  parentIndex: Int32Array;
  /** Ids (IndexedGraph) of the project files reachable only through lazy edges. */
  lazyIds: Int32Array;
}

/** The graph over integer ids: out edges of node n are start[n] .. start[n + 1] - 1. */
export interface IndexedGraph {
  names: string[];
  idOf: Map<string, number>;
  start: Int32Array;
  /** Per edge: the importing node, the imported node. */
  source: Int32Array;
  target: Int32Array;
  importIndex: Int32Array;
  isLazy: Uint8Array;
  isPackage: Uint8Array;
  /** Size of each project file (0 for packages). */
  bytes: Float64Array;
  /** Each node's facts (undefined for packages and assets). */
  facts: Array<FileFacts | undefined>;
  /** Scratch marks for walks (a walk takes a new epoch, so nothing needs clearing). */
  mark: Int32Array;
  epoch: number;
}

/**
 * Where each node sits in a closure: an open-addressing table of node ids (linear probing, at
 * most half full) beside their positions, built in one pass over the closure. A Map per closure
 * cost 100 MB at 50k files; sorted arrays cost a sort per entry (0.3 s at 50k files).
 */
function positionIndex(g: IndexedGraph, ids: Int32Array): { has(node: string): boolean; get(node: string): number | undefined } {
  let capacity = 16;
  while (capacity < ids.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const keys = new Int32Array(capacity).fill(-1);
  const positions = new Int32Array(capacity);
  const slotOf = (id: number): number => {
    let slot = Math.imul(id, 0x9e3779b1) & mask;
    while (keys[slot] !== -1 && keys[slot] !== id) slot = (slot + 1) & mask;
    return slot;
  };
  for (let i = 0; i < ids.length; i++) {
    const slot = slotOf(ids[i]!);
    keys[slot] = ids[i]!;
    positions[slot] = i;
  }
  const get = (node: string): number | undefined => {
    const id = g.idOf.get(node);
    if (id === undefined) return undefined;
    const slot = slotOf(id);
    return keys[slot] === id ? positions[slot] : undefined;
  };
  return { has: (node) => get(node) !== undefined, get };
}

/** An import edge that could not be followed. */
export interface UnresolvedImport {
  file: string;
  importIndex: number;
  resolved: Extract<Resolved, { type: 'unresolved' }>;
}

/**
 * The graph of a scan, plus per-file facts. Built once; rules only query it.
 *
 * Nodes and edges are kept in plain maps and arrays: inserting 22,000 edges into graphology's
 * multigraph (adjacency objects keyed by absolute paths, a linked list per node pair) cost 100-170 ms
 * at 5,000 files, as much as resolving them. `graph` gives the same nodes and edges as a graphology
 * MultiDirectedGraph, built when first asked for (library users, exports).
 */
export class ProjectGraph {
  private readonly nodeAttrs = new Map<string, NodeAttrs>();
  /** Edges in insertion order: source, target, attributes. */
  private readonly edgeSource: string[] = [];
  private readonly edgeTarget: string[] = [];
  private readonly edgeAttrs: EdgeAttrs[] = [];
  /** Node -> its out edges' indexes, in insertion order. */
  private readonly outIndexes = new Map<string, number[]>();
  private inCache: Map<string, EdgeAttrs[]> | null = null;
  private graphologyView: InstanceType<typeof Graph.MultiDirectedGraph<NodeAttrs, EdgeAttrs>> | null = null;
  readonly facts = new Map<string, FileFacts>();
  /** With `--cache`: values derived from this graph's structure, kept between runs (src/graph/structure-memo). */
  structureMemo: StructureMemo | null = null;
  /** With `--cache`: the digest of this graph's structure (structureDigest), which keys structureMemo. */
  structureKey: string | null = null;
  /**
   * With `--cache`: a digest of every file's facts but their sizes (null when not all are known):
   * with structureMemo it keys analyses that do not depend on sizes (src/effects/analyze).
   */
  factsDigest: string | null = null;
  /** Resolution of each import of each file, by file then import index. */
  readonly resolutions = new Map<string, Array<Resolved | null>>();
  readonly unresolved: UnresolvedImport[] = [];
  /** Dynamic imports/requires with a non-literal argument: file -> import indexes. */
  readonly nonLiteral: Array<{ file: string; importIndex: number }> = [];
  private readonly closures = new Map<string, EntryClosure>();
  private entriesByFile: { start: Int32Array; list: Int32Array; names: Map<string, string[]> } | null = null;

  constructor(
    readonly root: string,
    readonly entries: string[],
  ) {}

  /** Path relative to root with forward slashes; package nodes by name. */
  rel(node: string): string {
    let hit = this.relCache.get(node);
    if (hit === undefined) {
      hit = node.startsWith('pkg:') ? (this.nodeAttrs.get(node)?.name ?? node) : relativePath(this.root, node);
      this.relCache.set(node, hit);
    }
    return hit;
  }

  private readonly relCache = new Map<string, string>();

  isPackage(node: string): boolean {
    return node.startsWith('pkg:');
  }

  /** Adds a node (the graph is complete once built: nodes and edges are only added by src/graph/build). */
  addNode(node: string, attrs: NodeAttrs): void {
    if (this.nodeAttrs.has(node)) throw new Error(`node already in the graph: ${node}`);
    this.nodeAttrs.set(node, attrs);
  }

  /** Adds an edge between two nodes already in the graph (parallel edges and self-loops allowed). */
  addEdge(source: string, target: string, attrs: EdgeAttrs): void {
    if (!this.nodeAttrs.has(source) || !this.nodeAttrs.has(target)) throw new Error(`edge between unknown nodes: ${source} -> ${target}`);
    let out = this.outIndexes.get(source);
    if (!out) this.outIndexes.set(source, (out = []));
    out.push(this.edgeAttrs.length);
    this.edgeSource.push(source);
    this.edgeTarget.push(target);
    this.edgeAttrs.push(attrs);
  }

  hasNode(node: string): boolean {
    return this.nodeAttrs.has(node);
  }

  /** A node's attributes (undefined when it is not in the graph). */
  nodeAttributes(node: string): NodeAttrs | undefined {
    return this.nodeAttrs.get(node);
  }

  /** Every node, in the order the walk added them. */
  nodes(): string[] {
    return [...this.nodeAttrs.keys()];
  }

  /** The attributes of the edges into a node. */
  inEdges(node: string): readonly EdgeAttrs[] {
    if (!this.inCache) {
      this.inCache = new Map();
      this.edgeTarget.forEach((t, i) => {
        let list = this.inCache!.get(t);
        if (!list) this.inCache!.set(t, (list = []));
        list.push(this.edgeAttrs[i]!);
      });
    }
    return this.inCache.get(node) ?? [];
  }

  /** The same nodes and edges as a graphology MultiDirectedGraph (built on first use, then kept). */
  get graph(): InstanceType<typeof Graph.MultiDirectedGraph<NodeAttrs, EdgeAttrs>> {
    if (!this.graphologyView) {
      // Loaded here, not when the scan starts: no rule needs it (15 ms of every run).
      const { MultiDirectedGraph } = createRequire(import.meta.url)('graphology') as typeof Graph;
      const view = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
      for (const [node, attrs] of this.nodeAttrs) view.addNode(node, attrs);
      this.edgeAttrs.forEach((attrs, i) => view.addEdge(this.edgeSource[i]!, this.edgeTarget[i]!, attrs));
      this.graphologyView = view;
    }
    return this.graphologyView;
  }

  private readonly outCache = new Map<string, ReadonlyArray<{ target: string; attrs: EdgeAttrs }>>();

  /**
   * Out edges of a node (memoised: the graph does not change after it is built), in the order
   * graphology lists a multigraph's edges, which every report so far was made with: grouped by
   * target in the order each was first imported, the later of parallel imports first.
   */
  outEdges(node: string): ReadonlyArray<{ target: string; attrs: EdgeAttrs }> {
    let out = this.outCache.get(node);
    if (!out) {
      out = graphologyOrder(this.outIndexes.get(node) ?? [], (e) => this.edgeTarget[e]!).map((e) => ({ target: this.edgeTarget[e]!, attrs: this.edgeAttrs[e]! }));
      this.outCache.set(node, out);
    }
    return out;
  }

  /** The import fact behind an edge. */
  importOf(file: string, importIndex: number): ImportFact | undefined {
    return this.facts.get(file)?.imports[importIndex];
  }

  private indexedGraph: IndexedGraph | null = null;

  /**
   * The graph as flat arrays over integer node ids (built once, after the graph is complete): the
   * walks that run once per entry (closures, dominator trees) use it instead of string sets.
   */
  indexed(): IndexedGraph {
    if (this.indexedGraph) return this.indexedGraph;
    const names = this.nodes();
    const idOf = new Map<string, number>();
    names.forEach((n, i) => idOf.set(n, i));
    // Edges straight into typed arrays, by id (no out-edge objects: this runs in every scan).
    const targetIdOf = Int32Array.from(this.edgeTarget, (t) => idOf.get(t)!);
    const edgeCount = this.edgeAttrs.length;
    const start = new Int32Array(names.length + 1);
    const source = new Int32Array(edgeCount);
    const target = new Int32Array(edgeCount);
    const importIndex = new Int32Array(edgeCount);
    const isLazy = new Uint8Array(edgeCount);
    const isPackage = new Uint8Array(names.length);
    const bytes = new Float64Array(names.length);
    const factsById = new Array<FileFacts | undefined>(names.length);
    let at = 0;
    names.forEach((n, i) => {
      start[i] = at;
      const facts = this.facts.get(n);
      factsById[i] = facts;
      bytes[i] = facts?.bytes ?? 0;
      if (this.isPackage(n)) {
        isPackage[i] = 1;
        return; // packages are leaves: their own imports are weighed, not walked
      }
      for (const e of graphologyOrder(this.outIndexes.get(n) ?? [], (e) => targetIdOf[e]!)) {
        const attrs = this.edgeAttrs[e]!;
        source[at] = i;
        target[at] = targetIdOf[e]!;
        importIndex[at] = attrs.importIndex;
        isLazy[at++] = attrs.isLazy ? 1 : 0;
      }
    });
    start[names.length] = at;
    this.indexedGraph = {
      names,
      idOf,
      start,
      source: source.subarray(0, at),
      target: target.subarray(0, at),
      importIndex: importIndex.subarray(0, at),
      isLazy: isLazy.subarray(0, at),
      isPackage,
      bytes,
      facts: factsById,
      mark: new Int32Array(names.length),
      epoch: 0,
    };
    return this.indexedGraph;
  }

  /**
   * Eager and lazy closure of an entry (memoised; with `--cache`, kept in the structure memo while
   * the graph's nodes and edges are unchanged).
   */
  closure(entry: string): EntryClosure {
    let hit = this.closures.get(entry);
    if (hit) return hit;
    const g = this.indexed();
    const key = `closure\0${entry}`;
    let walked = this.structureMemo?.get(key) as ClosureWalk | undefined;
    if (!walked) {
      walked = walkClosure(g, g.idOf.get(entry));
      this.structureMemo?.set(key, walked);
    }
    const { eagerIds, parentIndex, lazyIds } = walked;
    // Built when first asked (chains of findings, budgets): most closures are only walked.
    let index: ReturnType<typeof positionIndex> | null = null;
    const eagerIndex = { has: (node: string) => (index ??= positionIndex(g, eagerIds)).has(node), get: (node: string) => (index ??= positionIndex(g, eagerIds)).get(node) };
    // The names too only when asked (exports, `why`, budgets): the rules and reports work on ids.
    let eager: string[] | null = null;
    hit = {
      entry,
      get eager() {
        return (eager ??= eagerIds.length ? Array.from(eagerIds, (id) => g.names[id]!) : [entry]);
      },
      eagerIds,
      eagerIndex,
      parentIndex,
      lazyIds,
    };
    this.closures.set(entry, hit);
    return hit;
  }

  /** Shortest eager chain from entry to node, both ends included ([] when not loaded). */
  chain(entry: string, node: string): string[] {
    const c = this.closure(entry);
    const at = c.eagerIndex.get(node);
    if (at === undefined) return [];
    const chain: string[] = [];
    const { names } = this.indexed();
    for (let i = at; i !== -1; i = c.parentIndex[i]!) chain.push(names[c.eagerIds[i]!]!);
    return chain.reverse();
  }

  /** Entries whose eager closure holds a node, sorted by relative path. */
  entriesOf(node: string): string[] {
    if (!this.entriesByFile) {
      // Entry indexes grouped by node id (flat arrays: a map lookup per entry and node was most of
      // the cost at 20k files); each node's list of names is made when first asked for. Structure
      // only: `--cache` keeps it.
      let grouped = this.structureMemo?.get('entries-by-node') as { start: Int32Array; list: Int32Array } | undefined;
      if (!grouped) {
        grouped = this.groupEntriesByNode();
        this.structureMemo?.set('entries-by-node', grouped);
      }
      this.entriesByFile = { ...grouped, names: new Map() };
    }
    const { start, list, names } = this.entriesByFile;
    let hit = names.get(node);
    if (!hit) {
      const id = this.indexed().idOf.get(node);
      if (id === undefined || start[id] === start[id + 1]) return [];
      hit = Array.from(list.subarray(start[id]!, start[id + 1]!), (e) => this.entries[e]!);
      names.set(node, hit);
    }
    return hit;
  }

  private groupEntriesByNode(): { start: Int32Array; list: Int32Array } {
    const g = this.indexed();
    const closures = this.entries.map((entry) => this.closure(entry).eagerIds);
    const start = new Int32Array(g.names.length + 1);
    for (const ids of closures) for (let i = 0; i < ids.length; i++) start[ids[i]! + 1]!++;
    for (let n = 0; n < g.names.length; n++) start[n + 1]! += start[n]!;
    const list = new Int32Array(start[g.names.length]!);
    const next = start.slice(0, g.names.length);
    closures.forEach((ids, e) => {
      for (let i = 0; i < ids.length; i++) list[next[ids[i]!]!++] = e;
    });
    return { start, list };
  }

  /** Every shortest eager chain from entry to node (for `why`). */
  allShortestChains(entry: string, node: string, limit = 100): string[][] {
    const dist = new Map<string, number>([[entry, 0]]);
    const preds = new Map<string, string[]>();
    const queue = [entry];
    for (let i = 0; i < queue.length; i++) {
      const n = queue[i]!;
      if (n === node) continue;
      if (this.isPackage(n)) continue;
      const d = dist.get(n)!;
      for (const { target, attrs } of this.outEdges(n)) {
        if (attrs.isLazy) continue;
        const seen = dist.get(target);
        if (seen === undefined) {
          dist.set(target, d + 1);
          preds.set(target, [n]);
          queue.push(target);
        } else if (seen === d + 1 && !preds.get(target)!.includes(n)) preds.get(target)!.push(n);
      }
    }
    if (!dist.has(node)) return [];
    const chains: string[][] = [];
    const build = (n: string, suffix: string[]): void => {
      if (chains.length >= limit) return;
      if (n === entry) {
        chains.push([entry, ...suffix]);
        return;
      }
      for (const p of [...preds.get(n)!].sort()) build(p, [n, ...suffix]);
    };
    build(node, []);
    return chains;
  }
}

/** What a closure walk finds, as kept in the structure memo. */
interface ClosureWalk {
  eagerIds: Int32Array;
  parentIndex: Int32Array;
  /** Project files only lazy edges reach. */
  lazyIds: Int32Array;
}

/** Breadth-first from the entry over eager edges, then what only lazy edges reach (nothing for an entry not in the graph). */
function walkClosure(g: IndexedGraph, root: number | undefined): ClosureWalk {
  if (root === undefined) return { eagerIds: new Int32Array(0), parentIndex: Int32Array.of(-1), lazyIds: new Int32Array(0) };
  // mark[n] === epoch: seen in this walk (no per-entry set of strings to test against).
  const epoch = ++g.epoch;
  const parents = [-1];
  const lazyIds: number[] = [];
  const queue = [root];
  g.mark[root] = epoch;
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (let k = g.start[n]!, end = g.start[n + 1]!; k < end; k++) {
      const t = g.target[k]!;
      if (g.isLazy[k] || g.mark[t] === epoch) continue;
      g.mark[t] = epoch;
      queue.push(t);
      parents.push(i);
    }
  }
  const eagerIds = Int32Array.from(queue);
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (let k = g.start[n]!, end = g.start[n + 1]!; k < end; k++) {
      const t = g.target[k]!;
      if (g.mark[t] === epoch) continue;
      g.mark[t] = epoch;
      queue.push(t);
      if (!g.isPackage[t]) lazyIds.push(t);
    }
  }
  return { eagerIds, parentIndex: Int32Array.from(parents), lazyIds: Int32Array.from(lazyIds) };
}

/**
 * A node's out-edge ids in the order graphology lists a multigraph's edges, which every report so
 * far was made with: grouped by target in the order each was first imported, the later of
 * parallel imports first. Most nodes import each module once: their order is the import order.
 */
function graphologyOrder<T>(edges: readonly number[], targetOf: (edge: number) => T): readonly number[] {
  if (edges.length < 2) return edges;
  if (edges.length <= 16 && !hasRepeatedTarget(edges, targetOf)) return edges;
  const byTarget = new Map<T, number[]>();
  for (const e of edges) {
    const group = byTarget.get(targetOf(e));
    if (group) group.push(e);
    else byTarget.set(targetOf(e), [e]);
  }
  if (byTarget.size === edges.length) return edges;
  const ordered: number[] = [];
  for (const group of byTarget.values()) for (let i = group.length - 1; i >= 0; i--) ordered.push(group[i]!);
  return ordered;
}

/** Whether two of a few edges share a target (pairwise: no map for the common node with a handful of imports). */
function hasRepeatedTarget<T>(edges: readonly number[], targetOf: (edge: number) => T): boolean {
  for (let i = 1; i < edges.length; i++) {
    const t = targetOf(edges[i]!);
    for (let j = 0; j < i; j++) if (targetOf(edges[j]!) === t) return true;
  }
  return false;
}
