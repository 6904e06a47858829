// graph: cycles of eager imports among project files (strongly connected components), over the
// indexed graph's integer ids (string maps and a successor list per node cost 100 ms at 5k files).
import type { IndexedGraph, ProjectGraph } from './project-graph.js';

/** Whether edge k is an eager import of a project file. */
function isEagerFileEdge(g: IndexedGraph, k: number): boolean {
  return !g.isLazy[k] && !g.isPackage[g.target[k]!];
}

/** Strongly connected components with a cycle (size > 1, or a self-import), iterative Tarjan. */
export function cyclicComponents(graph: ProjectGraph, files: Iterable<string>): string[][] {
  const g = graph.indexed();
  const count = g.names.length;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  // The walk's frames: a node and the next of its out edges to look at.
  const frameNode: number[] = [];
  const frameEdge: number[] = [];
  const components: string[][] = [];
  let counter = 0;
  const push = (node: number): void => {
    index[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = 1;
    frameNode.push(node);
    frameEdge.push(g.start[node]!);
  };
  for (const file of files) {
    const start = g.idOf.get(file);
    if (start === undefined || index[start] !== -1) continue;
    push(start);
    while (frameNode.length) {
      const top = frameNode.length - 1;
      const node = frameNode[top]!;
      const k = frameEdge[top]!;
      if (k < g.start[node + 1]!) {
        frameEdge[top] = k + 1;
        if (!isEagerFileEdge(g, k)) continue;
        const next = g.target[k]!;
        if (index[next] === -1) push(next);
        else if (onStack[next]) low[node] = Math.min(low[node]!, index[next]!);
        continue;
      }
      frameNode.pop();
      frameEdge.pop();
      if (frameNode.length) {
        const parent = frameNode[frameNode.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] !== index[node]) continue;
      const component: string[] = [];
      let n: number;
      do {
        n = stack.pop()!;
        onStack[n] = 0;
        component.push(g.names[n]!);
      } while (n !== node);
      if (component.length > 1 || importsItself(g, node)) components.push(component.sort());
    }
  }
  return components;
}

function importsItself(g: IndexedGraph, node: number): boolean {
  for (let k = g.start[node]!, end = g.start[node + 1]!; k < end; k++) if (g.target[k] === node && isEagerFileEdge(g, k)) return true;
  return false;
}

/** The shortest cycle through `start` inside its component: [start, ..., start]. */
export function shortestCycle(graph: ProjectGraph, start: string, component: Set<string>): string[] {
  const g = graph.indexed();
  const from = g.idOf.get(start);
  if (from === undefined) return [start, start];
  const inside = new Set<number>();
  for (const file of component) {
    const id = g.idOf.get(file);
    if (id !== undefined) inside.add(id);
  }
  const parent = new Map<number, number>();
  const queue = [from];
  const seen = new Set<number>();
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (let k = g.start[node]!, end = g.start[node + 1]!; k < end; k++) {
      if (!isEagerFileEdge(g, k)) continue;
      const next = g.target[k]!;
      if (!inside.has(next)) continue;
      if (next === from) {
        const path = [start];
        for (let n = node; n !== from; n = parent.get(n)!) path.push(g.names[n]!);
        path.push(start);
        return [path[0]!, ...path.slice(1, -1).reverse(), start];
      }
      if (seen.has(next)) continue;
      seen.add(next);
      parent.set(next, node);
      queue.push(next);
    }
  }
  return [start, start];
}
