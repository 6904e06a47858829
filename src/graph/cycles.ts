// graph: cycles of eager imports among project files (strongly connected components).
import type { ProjectGraph } from './project-graph.js';

/** Eager project-file successors of a file. */
function eagerFileTargets(graph: ProjectGraph, file: string): string[] {
  return graph
    .outEdges(file)
    .filter((e) => !e.attrs.isLazy && !graph.isPackage(e.target))
    .map((e) => e.target);
}

/** Strongly connected components with a cycle (size > 1, or a self-import), iterative Tarjan. */
export function cyclicComponents(graph: ProjectGraph, files: Iterable<string>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of files) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; succ: string[]; i: number }> = [];
    const push = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, succ: eagerFileTargets(graph, node), i: 0 });
    };
    push(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.succ.length) {
        const next = frame.succ[frame.i++]!;
        if (!index.has(next)) push(next);
        else if (onStack.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          component.push(n);
        } while (n !== frame.node);
        const isCycle = component.length > 1 || frame.succ.includes(frame.node);
        if (isCycle) components.push(component.sort());
      }
    }
  }
  return components;
}

/** The shortest cycle through `start` inside its component: [start, ..., start]. */
export function shortestCycle(graph: ProjectGraph, start: string, component: Set<string>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  const seen = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const next of eagerFileTargets(graph, node)) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let n = node; n !== start; n = parent.get(n)!) path.push(n);
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
