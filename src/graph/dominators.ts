// graph: dominator tree of an entry's eager graph, with every import edge split into its own
// node, so "what leaves the closure if this import becomes lazy" is the edge node's subtree.
import type { ProjectGraph } from './project-graph.js';

/** Key of an import edge: the importing file and the import's index in its facts. */
export function edgeKey(file: string, importIndex: number): string {
  return `${file}#${importIndex}`;
}

/** What leaves an entry's eager closure when one import edge becomes lazy. */
export interface Leaving {
  /** Project files that leave, and their bytes. */
  files: number;
  fileBytes: number;
  /** Package nodes that leave (their weights are combined by the caller, shared deps once). */
  packages: string[];
}

/**
 * What each eager import edge of an entry keeps in its closure alone, as sums over the dominator
 * tree (not node lists: with many entries sharing most modules, lists would cost entries x modules).
 */
export interface EntryDominance {
  entry: string;
  /** Edge key -> what leaves the eager closure when that import is lazy (edges that save nothing are absent). */
  edgeSavings: Map<string, Leaving>;
}

const cache = new WeakMap<ProjectGraph, Map<string, EntryDominance>>();

/** Dominance for one entry (memoised per graph). Cooper, Harvey and Kennedy's iterative algorithm. */
export function dominance(graph: ProjectGraph, entry: string): EntryDominance {
  let perGraph = cache.get(graph);
  if (!perGraph) cache.set(graph, (perGraph = new Map()));
  const hit = perGraph.get(entry);
  if (hit) return hit;

  // Index nodes: closure nodes first, then one node per eager edge.
  const closure = graph.closure(entry);
  const ids: string[] = [...closure.eager];
  const index = new Map(ids.map((n, i) => [n, i]));
  const nodeCount = ids.length;
  const succ: number[][] = ids.map(() => []);
  const edgeKeys: string[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const node = ids[i]!;
    if (graph.isPackage(node)) continue;
    for (const { target, attrs } of graph.outEdges(node)) {
      if (attrs.isLazy) continue;
      const t = index.get(target);
      if (t === undefined) continue;
      const e = ids.length;
      ids.push(`edge:${edgeKeys.length}`);
      edgeKeys.push(edgeKey(node, attrs.importIndex));
      succ.push([t]);
      succ[i]!.push(e);
    }
  }
  const total = ids.length;
  const preds: number[][] = Array.from({ length: total }, () => []);
  for (let i = 0; i < total; i++) for (const t of succ[i]!) preds[t]!.push(i);

  // Reverse postorder from the entry (iterative DFS).
  const order: number[] = [];
  const visited = new Uint8Array(total);
  const stack: Array<[number, number]> = [[0, 0]];
  visited[0] = 1;
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const [n, i] = top;
    if (i < succ[n]!.length) {
      top[1]++;
      const t = succ[n]![i]!;
      if (!visited[t]) {
        visited[t] = 1;
        stack.push([t, 0]);
      }
    } else {
      order.push(n);
      stack.pop();
    }
  }
  order.reverse();
  const rpo = new Int32Array(total).fill(-1);
  order.forEach((n, i) => (rpo[n] = i));

  const idom = new Int32Array(total).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (rpo[a]! > rpo[b]!) a = idom[a]!;
      while (rpo[b]! > rpo[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of order) {
      if (n === 0) continue;
      let next = -1;
      for (const p of preds[n]!) {
        if (idom[p] === -1) continue;
        next = next === -1 ? p : intersect(p, next);
      }
      if (next !== -1 && idom[n] !== next) {
        idom[n] = next;
        changed = true;
      }
    }
  }

  // Sums over dominator subtrees, children before parents (reverse preorder of the tree).
  const children: number[][] = Array.from({ length: total }, () => []);
  for (let n = 1; n < total; n++) if (idom[n]! >= 0) children[idom[n]!]!.push(n);
  const preorder: number[] = [];
  for (const work = [0]; work.length; ) {
    const n = work.pop()!;
    preorder.push(n);
    for (const c of children[n]!) work.push(c);
  }
  const files = new Int32Array(total);
  const bytes = new Float64Array(total);
  const packages: Array<string[] | null> = new Array(total).fill(null);
  for (let i = preorder.length - 1; i >= 0; i--) {
    const n = preorder[i]!;
    if (n < nodeCount) {
      const id = ids[n]!;
      if (graph.isPackage(id)) (packages[n] ??= []).push(id);
      else (files[n] = files[n]! + 1), (bytes[n] = bytes[n]! + (graph.facts.get(id)?.bytes ?? 0));
    }
    const p = idom[n]!;
    if (n === 0 || p < 0) continue;
    files[p] = files[p]! + files[n]!;
    bytes[p] = bytes[p]! + bytes[n]!;
    if (packages[n]) (packages[p] ??= []).push(...packages[n]!);
  }
  const edgeSavings = new Map<string, Leaving>();
  for (let e = nodeCount; e < total; e++) {
    // An edge node's own subtree: its target and what only it reaches.
    const leaving = { files: files[e]!, fileBytes: bytes[e]!, packages: [...(packages[e] ?? [])].sort() };
    if (leaving.files || leaving.packages.length) edgeSavings.set(edgeKeys[e - nodeCount]!, leaving);
  }
  const result = { entry, edgeSavings };
  perGraph.set(entry, result);
  return result;
}
