// graph: the dominator tree of an entry's eager graph gives, for every import edge, what leaves the
// closure if that import becomes lazy (the subtree of the edge's target, when the edge is its only way in).
import type { ProjectGraph } from './project-graph.js';

/** Id of an import edge (its index in the indexed graph), or -1 when the import is not an edge. */
export function edgeIdOf(graph: ProjectGraph, file: string, importIndex: number): number {
  const g = graph.indexed();
  const n = g.idOf.get(file);
  if (n === undefined) return -1;
  for (let k = g.start[n]!, end = g.start[n + 1]!; k < end; k++) if (g.importIndex[k] === importIndex) return k;
  return -1;
}

/** What no package leaving looks like (shared: most edges keep packages in the closure). */
const NO_PACKAGES: readonly string[] = Object.freeze([]);

/** What leaves an entry's eager closure when one import edge becomes lazy. */
export interface Leaving {
  /** Project files that leave, and their bytes. */
  files: number;
  fileBytes: number;
  /** Package nodes that leave (their weights are combined by the caller, shared deps once). */
  packages: readonly string[];
}

/**
 * What each eager import edge of an entry keeps in its closure alone, as sums over the dominator
 * tree (not node lists: with many entries sharing most modules, lists would cost entries x modules).
 */
export interface EntryDominance {
  entry: string;
  /** The edges (edgeIdOf) that save something, and at the same index what leaves the eager closure when that import is lazy. */
  edges: Int32Array;
  files: Int32Array;
  fileBytes: Float64Array;
  packages: ReadonlyArray<readonly string[]>;
}

/** Scratch per graph: graph id -> index in the closure being processed, -1 outside it. */
const localOfCache = new WeakMap<ProjectGraph, Int32Array>();

/**
 * The structural part of an entry's dominance, over the closure's local indexes (its order in
 * `closure.eagerIds`): plain typed arrays, so `--cache` keeps it while the graph's nodes and edges
 * are unchanged (src/graph/structure-memo).
 */
export interface DominatorTree {
  /** Immediate dominator of each node (-1: unreachable, the entry is its own). */
  idom: Int32Array;
  /** The dominator tree's nodes, parents before children. */
  preorder: Int32Array;
  /** Pairs (v, edge id): the import that is v's only way in, in the order of v. */
  soleEdges: Int32Array;
}

/**
 * Dominance for one entry (not memoised here: callers keep what they need, src/graph/entry-report).
 * The tree comes from the graph's structure memo when `--cache` kept it; what leaves is summed over
 * it from the files' current sizes.
 */
export function dominance(graph: ProjectGraph, entry: string): EntryDominance {
  const closure = graph.closure(entry);
  const g = graph.indexed();
  const globalIds = closure.eagerIds;
  const total = globalIds.length;
  if (total === 0) {
    // The entry is not in the graph: nothing to save.
    return { entry, edges: new Int32Array(0), files: new Int32Array(0), fileBytes: new Float64Array(0), packages: [] };
  }
  const memo = graph.structureMemo;
  const key = `dominators\0${entry}`;
  let tree = memo?.get(key) as DominatorTree | undefined;
  if (!tree) {
    tree = dominatorTree(graph, globalIds);
    memo?.set(key, tree);
  }
  const { idom, preorder, soleEdges } = tree;

  // Sums over subtrees, children before parents.
  const files = new Int32Array(total);
  const bytes = new Float64Array(total);
  const packages: Array<string[] | null> = new Array(total).fill(null);
  for (let i = preorder.length - 1; i >= 0; i--) {
    const n = preorder[i]!;
    if (g.isPackage[globalIds[n]!]) (packages[n] ??= []).push(g.names[globalIds[n]!]!);
    else (files[n] = files[n]! + 1), (bytes[n] = bytes[n]! + g.bytes[globalIds[n]!]!);
    const p = idom[n]!;
    if (n === 0 || p < 0) continue;
    files[p] = files[p]! + files[n]!;
    bytes[p] = bytes[p]! + bytes[n]!;
    if (packages[n]) (packages[p] ??= []).push(...packages[n]!);
  }
  // Columns of the sole edges that save something (no object per edge: most are never asked about).
  const count = soleEdges.length / 2;
  const edges = new Int32Array(count);
  const savedFiles = new Int32Array(count);
  const savedBytes = new Float64Array(count);
  const savedPackages: Array<readonly string[]> = [];
  let at = 0;
  for (let i = 0; i < soleEdges.length; i += 2) {
    const v = soleEdges[i]!;
    if (!files[v] && !packages[v]) continue;
    edges[at] = soleEdges[i + 1]!;
    savedFiles[at] = files[v]!;
    savedBytes[at] = bytes[v]!;
    savedPackages.push(packages[v] ? [...packages[v]!].sort() : NO_PACKAGES);
    at++;
  }
  return { entry, edges: edges.subarray(0, at), files: savedFiles.subarray(0, at), fileBytes: savedBytes.subarray(0, at), packages: savedPackages };
}

/**
 * Lengauer and Tarjan's algorithm on the closure's nodes; an import edge u -> v keeps v's dominator
 * subtree in the closure alone exactly when every other eager edge into v comes from a node v
 * dominates (and u is not one of them), which is what splitting every edge into its own node would
 * give, with an eighth of the nodes.
 */
function dominatorTree(graph: ProjectGraph, globalIds: Int32Array): DominatorTree {
  const total = globalIds.length;
  const g = graph.indexed();
  let localOf = localOfCache.get(graph);
  if (!localOf) localOfCache.set(graph, (localOf = new Int32Array(g.names.length).fill(-1)));
  // Local index of each closure node, through the graph-wide ids (reset below for the next entry).
  for (let i = 0; i < total; i++) localOf[globalIds[i]!] = i;
  // Successors, with the id of each eager edge (parallel edges kept), and predecessors, as flat
  // arrays (an array per node and entry was most of the time and garbage here).
  const succStart = new Int32Array(total + 1);
  for (let i = 0; i < total; i++) {
    const id = globalIds[i]!;
    let degree = 0;
    for (let k = g.start[id]!, end = g.start[id + 1]!; k < end; k++) if (!g.isLazy[k] && localOf[g.target[k]!] !== -1) degree++;
    succStart[i + 1] = succStart[i]! + degree;
  }
  const succTo = new Int32Array(succStart[total]!);
  const succEdge = new Int32Array(succStart[total]!);
  const predCount = new Int32Array(total + 1);
  for (let i = 0, at = 0; i < total; i++) {
    const id = globalIds[i]!;
    for (let k = g.start[id]!, end = g.start[id + 1]!; k < end; k++) {
      if (g.isLazy[k]) continue;
      const t = localOf[g.target[k]!]!;
      if (t === -1) continue;
      succTo[at] = t;
      succEdge[at++] = k;
      predCount[t + 1]!++;
    }
  }
  for (let i = 0; i < total; i++) localOf[globalIds[i]!] = -1;
  const succ: Adjacency = { start: succStart, to: succTo };
  const preds = reverse(succ, predCount);

  const idom = immediateDominators(succ, preds);

  // The dominator tree: pre/post numbers (a dominates b iff pre[a] <= pre[b] and post[b] <= post[a]).
  const childCount = new Int32Array(total + 1);
  for (let n = 1; n < total; n++) if (idom[n]! >= 0) childCount[idom[n]! + 1]!++;
  const children = grouped(childCount, total, (emit) => {
    for (let n = 1; n < total; n++) if (idom[n]! >= 0) emit(idom[n]!, n);
  });
  const pre = new Int32Array(total);
  const post = new Int32Array(total);
  const preorder: number[] = [];
  let clock = 0;
  const enter = (n: number): void => {
    pre[n] = clock++;
    preorder.push(n);
  };
  depthFirst(children, enter, (n) => (post[n] = clock++));
  const dominates = (a: number, b: number): boolean => pre[a]! <= pre[b]! && post[b]! <= post[a]!;

  // An edge u -> v (one import statement) keeps v's subtree alone when it is v's only way in:
  // no parallel edge, and every other edge into v comes from below v in the dominator tree.
  const soleEdges: number[] = [];
  for (let v = 1; v < total; v++) {
    const u = idom[v]!;
    if (u < 0) continue;
    let from = -1;
    let edge = -1;
    let isSole = true;
    for (let j = preds.start[v]!, end = preds.start[v + 1]!; j < end; j++) {
      const p = preds.to[j]!;
      if (dominates(v, p)) continue; // v itself (a self-import) or below v
      if (from !== -1) {
        isSole = false;
        break;
      }
      from = p;
    }
    if (!isSole || from !== u) continue;
    for (let k = succStart[u]!, end = succStart[u + 1]!; k < end; k++) {
      if (succTo[k] !== v) continue;
      if (edge !== -1) {
        isSole = false;
        break;
      }
      edge = succEdge[k]!;
    }
    if (!isSole || edge === -1) continue;
    soleEdges.push(v, edge);
  }
  return { idom, preorder: Int32Array.from(preorder), soleEdges: Int32Array.from(soleEdges) };
}

/** A graph on nodes 0..n-1: the neighbours of `v` are `to[start[v]] .. to[start[v + 1] - 1]`. */
interface Adjacency {
  start: Int32Array;
  to: Int32Array;
}

/** Lists grouped by node: `counts[v + 1]` holds v's list length; `fill` emits (v, item) pairs in order. */
function grouped(counts: Int32Array, total: number, fill: (emit: (v: number, item: number) => void) => void): Adjacency {
  const start = new Int32Array(total + 1);
  for (let v = 0; v < total; v++) start[v + 1] = start[v]! + counts[v + 1]!;
  const to = new Int32Array(start[total]!);
  const next = start.slice(0, total);
  fill((v, item) => (to[next[v]!++] = item));
  return { start, to };
}

/** The reversed graph (`counts[v + 1]`: in-degree of v), each list in source order. */
function reverse(graph: Adjacency, counts: Int32Array): Adjacency {
  const total = graph.start.length - 1;
  return grouped(counts, total, (emit) => {
    for (let u = 0; u < total; u++) for (let k = graph.start[u]!, end = graph.start[u + 1]!; k < end; k++) emit(graph.to[k]!, u);
  });
}

/** An iterative depth-first walk from node 0: `enter(n, parent)` when a node is first reached, `leave(n)` when its walk ends. */
function depthFirst(next: Adjacency, enter: (n: number, parent: number) => void, leave?: (n: number) => void): void {
  const total = next.start.length - 1;
  const seen = new Uint8Array(total);
  const nodes = new Int32Array(total);
  const cursors = new Int32Array(total);
  seen[0] = 1;
  enter(0, -1);
  let top = 0;
  nodes[0] = 0;
  cursors[0] = next.start[0]!;
  while (top >= 0) {
    const n = nodes[top]!;
    const k = cursors[top]!;
    if (k < next.start[n + 1]!) {
      cursors[top] = k + 1;
      const t = next.to[k]!;
      if (seen[t]) continue;
      seen[t] = 1;
      enter(t, n);
      top++;
      nodes[top] = t;
      cursors[top] = next.start[t]!;
    } else {
      leave?.(n);
      top--;
    }
  }
}

/**
 * The immediate dominator of every node reachable from node 0 (-1 for the others; node 0 is its
 * own). Lengauer and Tarjan's algorithm, simple version with path compression: near-linear, where
 * the iterative algorithm re-walked long dominator chains on every pass (5 s at 50,000 files).
 */
function immediateDominators(succ: Adjacency, preds: Adjacency): Int32Array {
  const total = succ.start.length - 1;
  // Depth-first numbers, the node of each number, and the depth-first tree's parents.
  const dfnum = new Int32Array(total).fill(-1);
  const vertex = new Int32Array(total);
  const dfsParent = new Int32Array(total).fill(-1);
  let count = 0;
  depthFirst(succ, (n, parent) => {
    dfnum[n] = count;
    vertex[count++] = n;
    dfsParent[n] = parent;
  });
  const semi = new Int32Array(total);
  const best = new Int32Array(total);
  const ancestor = new Int32Array(total).fill(-1);
  const sameDom = new Int32Array(total).fill(-1);
  const idom = new Int32Array(total).fill(-1);
  const bucketHead = new Int32Array(total).fill(-1);
  const bucketNext = new Int32Array(total).fill(-1);
  for (let i = 0; i < total; i++) semi[i] = best[i] = i;
  const path: number[] = [];
  // The ancestor of v (in the forest linked so far) whose semidominator comes first, compressing the path.
  const lowest = (v: number): number => {
    if (ancestor[v] === -1) return v;
    let x = v;
    while (ancestor[ancestor[x]!] !== -1) {
      path.push(x);
      x = ancestor[x]!;
    }
    for (let j = path.length - 1; j >= 0; j--) {
      const y = path[j]!;
      const up = ancestor[y]!;
      if (dfnum[semi[best[up]!]!]! < dfnum[semi[best[y]!]!]!) best[y] = best[up]!;
      ancestor[y] = ancestor[up]!;
    }
    path.length = 0;
    return best[v]!;
  };
  for (let i = count - 1; i >= 1; i--) {
    const w = vertex[i]!;
    const p = dfsParent[w]!;
    let s = p;
    for (let j = preds.start[w]!, end = preds.start[w + 1]!; j < end; j++) {
      const v = preds.to[j]!;
      if (dfnum[v] === -1) continue;
      const candidate = dfnum[v]! <= dfnum[w]! ? v : semi[lowest(v)]!;
      if (dfnum[candidate]! < dfnum[s]!) s = candidate;
    }
    semi[w] = s;
    bucketNext[w] = bucketHead[s]!;
    bucketHead[s] = w;
    ancestor[w] = p;
    for (let v = bucketHead[p]!; v !== -1; v = bucketNext[v]!) {
      const y = lowest(v);
      if (semi[y] === semi[v]) idom[v] = p;
      else sameDom[v] = y;
    }
    bucketHead[p] = -1;
  }
  for (let i = 1; i < count; i++) {
    const w = vertex[i]!;
    if (sameDom[w] !== -1) idom[w] = idom[sameDom[w]!]!;
  }
  idom[0] = 0;
  return idom;
}
