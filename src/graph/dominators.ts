// graph: dominator tree of an entry's eager graph, with every import edge split into its own
// node, so "what leaves the closure if this import becomes lazy" is the edge node's subtree.
import type { ProjectGraph } from './project-graph.js';

/** Key of an import edge: the importing file and the import's index in its facts. */
export function edgeKey(file: string, importIndex: number): string {
  return `${file}#${importIndex}`;
}

/** What each eager import edge of an entry keeps in its closure alone. */
export interface EntryDominance {
  entry: string;
  /** Edge key -> nodes (files and package nodes) that leave the eager closure when it is lazy. */
  edgeSavings: Map<string, string[]>;
  /** Immediate dominator of each node of the closure (the entry has none). */
  idom: Map<string, string>;
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

  // Subtrees of edge nodes, counting only closure nodes.
  const children: number[][] = Array.from({ length: total }, () => []);
  for (let n = 1; n < total; n++) if (idom[n]! >= 0) children[idom[n]!]!.push(n);
  const edgeSavings = new Map<string, string[]>();
  for (let e = nodeCount; e < total; e++) {
    const saved: string[] = [];
    const work = [...children[e]!];
    while (work.length) {
      const n = work.pop()!;
      if (n < nodeCount) saved.push(ids[n]!);
      work.push(...children[n]!);
    }
    if (saved.length) edgeSavings.set(edgeKeys[e - nodeCount]!, saved.sort());
  }
  const idomMap = new Map<string, string>();
  for (let n = 1; n < nodeCount; n++) {
    let d = idom[n]!;
    while (d >= nodeCount) d = idom[d]!; // skip edge nodes
    if (d >= 0) idomMap.set(ids[n]!, ids[d]!);
  }
  const result = { entry, edgeSavings, idom: idomMap };
  perGraph.set(entry, result);
  return result;
}
