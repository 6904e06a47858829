// Graph algorithms against brute force on random graphs with cycles, parallel edges, self-loops, lazy
// edges and packages: dominator-tree savings (make one import lazy, recompute the closure, count what
// left), cycles, and the out-edge order of ProjectGraph against its graphology view.
import { describe, expect, it } from 'vitest';
import { cyclicComponents, shortestCycle } from '../../src/graph/cycles.js';
import { dominance, edgeIdOf, type Leaving } from '../../src/graph/dominators.js';
import { savingsIndex } from '../../src/graph/entry-report.js';
import type { Weights } from '../../src/weigh/types.js';
import { ProjectGraph } from '../../src/graph/project-graph.js';
import type { FileFacts } from '../../src/types.js';

/** mulberry32: a small seeded generator, so a failure names its seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Edge { from: string; to: string; importIndex: number; isLazy: boolean }

function randomGraph(seed: number): { graph: ProjectGraph; edges: Edge[] } {
  const next = random(seed);
  const fileCount = 3 + Math.floor(next() * 25);
  const files = Array.from({ length: fileCount }, (_, i) => `/p/f${i}.ts`);
  const packages = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => `pkg:p${i}@1.0.0`);
  const graph = new ProjectGraph('/p', files.slice(0, 1 + Math.floor(next() * 3)));
  for (const f of files) graph.addNode(f, { type: 'file', name: f });
  for (const p of packages) graph.addNode(p, { type: 'package', name: p.slice(4, -6), version: '1.0.0' });
  const edges: Edge[] = [];
  files.forEach((from, i) => {
    const count = Math.floor(next() * 4);
    for (let importIndex = 0; importIndex < count; importIndex++) {
      // Mostly forward edges (a layered app), some back edges (cycles), parallel edges and self-loops.
      const r = next();
      const to = r < 0.1 ? packages[Math.floor(next() * packages.length)]! : r < 0.75 ? files[Math.min(fileCount - 1, i + 1 + Math.floor(next() * 4))]! : files[Math.floor(next() * fileCount)]!;
      const edge = { from, to, importIndex, isLazy: next() < 0.1 };
      edges.push(edge);
      graph.addEdge(from, to, { importIndex, isLazy: edge.isLazy, specifier: to });
    }
    graph.facts.set(from, { file: from, bytes: 10 + i, imports: [] } as unknown as FileFacts);
  });
  return { graph, edges };
}

/** What each saving edge of an entry leaves, by edge id (dominance gives it as columns). */
function edgeSavingsOf(graph: ProjectGraph, entry: string): Map<number, Leaving> {
  const { edges, files, fileBytes, packages } = dominance(graph, entry);
  return new Map(Array.from(edges, (edge, i) => [edge, { files: files[i]!, fileBytes: fileBytes[i]!, packages: packages[i]! }]));
}

/** The eager closure of an entry without one edge. */
function closureWithout(graph: ProjectGraph, entry: string, edges: Edge[], skip: Edge | null): Set<string> {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let i = 0; i < queue.length; i++) {
    for (const e of edges) {
      if (e.from !== queue[i] || e.isLazy || e === skip || seen.has(e.to)) continue;
      seen.add(e.to);
      queue.push(e.to);
    }
  }
  return seen;
}

describe('dominance', () => {
  it('gives, for every import of every entry, exactly what leaves the closure when it is lazy (300 random graphs)', () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { graph, edges } = randomGraph(seed);
      for (const entry of graph.entries) {
        const all = closureWithout(graph, entry, edges, null);
        const edgeSavings = edgeSavingsOf(graph, entry);
        for (const edge of edges) {
          if (edge.isLazy || !all.has(edge.from)) continue;
          const rest = closureWithout(graph, entry, edges, edge);
          const gone = [...all].filter((n) => !rest.has(n));
          const files = gone.filter((n) => !n.startsWith('pkg:'));
          const expected = files.length || gone.length > files.length
            ? { files: files.length, fileBytes: files.reduce((sum, f) => sum + (graph.facts.get(f)?.bytes ?? 0), 0), packages: gone.filter((n) => n.startsWith('pkg:')).sort() }
            : undefined;
          expect(edgeSavings.get(edgeIdOf(graph, edge.from, edge.importIndex)), `seed ${seed}, entry ${entry}, edge ${edge.from}#${edge.importIndex}`).toEqual(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('indexes the savings of the edges asked for, in entry order, and each entry\'s biggest cut', () => {
    const { graph } = randomGraph(7);
    const weights = { of: () => undefined, isHeavy: () => false, union: () => ({ modules: 0, bytes: 0 }) } as unknown as Weights;
    const isIndexed = (edge: number) => edge % 2 === 0;
    const { byEdge, cuts } = savingsIndex(graph, weights, (_graph, edge) => isIndexed(edge));
    let pairs = 0;
    for (const entry of graph.entries) {
      const edgeSavings = edgeSavingsOf(graph, entry);
      for (const [edge, leaving] of edgeSavings) {
        if (isIndexed(edge)) expect(byEdge.get(edge)).toContainEqual({ entry, leaving }), pairs++;
        else expect(byEdge.has(edge)).toBe(false);
      }
      // The cut saves the most bytes (files here, packages weigh nothing), and nothing saves more.
      const best = Math.max(0, ...[...edgeSavings.values()].map((l) => l.fileBytes));
      expect(cuts.get(entry)?.bytes ?? 0).toBe(best);
    }
    expect([...byEdge.values()].reduce((sum, list) => sum + list.length, 0)).toBe(pairs);
  });
});

describe('ProjectGraph', () => {
  it('lists out edges as its graphology view does (parallel edges, self-loops, packages; 100 random graphs)', () => {
    let parallel = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const { graph, edges } = randomGraph(seed);
      const view = graph.graph;
      expect(view.order).toBe(graph.nodes().length);
      expect(view.size).toBe(edges.length);
      for (const node of graph.nodes()) {
        const listed: Array<{ target: string; importIndex: number }> = [];
        view.forEachOutEdge(node, (_e, attrs, _s, target) => listed.push({ target, importIndex: attrs.importIndex }));
        expect(graph.outEdges(node).map((e) => ({ target: e.target, importIndex: e.attrs.importIndex })), `seed ${seed}, ${node}`).toEqual(listed);
        const into: number[] = [];
        view.forEachInEdge(node, (_e, attrs) => into.push(attrs.importIndex));
        expect(graph.inEdges(node).map((a) => a.importIndex).sort()).toEqual(into.sort());
      }
      parallel += edges.filter((e, i) => edges.some((o, j) => j < i && o.from === e.from && o.to === e.to)).length;
    }
    expect(parallel).toBeGreaterThan(20);
  });

  it('finds each node in a closure and a shortest eager chain to it, for closures small and large against the graph (300 random graphs)', () => {
    let small = 0;
    let large = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { graph, edges } = randomGraph(seed);
      for (const entry of graph.entries) {
        const closure = graph.closure(entry);
        // Closures of a few nodes and of most of the graph (the position index's table sizes).
        if (closure.eager.length * 16 < graph.nodes().length) small++;
        else large++;
        const eager = closureWithout(graph, entry, edges, null);
        const dist = new Map<string, number>([[entry, 0]]);
        const queue = [entry];
        for (let i = 0; i < queue.length; i++) {
          for (const e of edges) if (e.from === queue[i] && !e.isLazy && !dist.has(e.to)) dist.set(e.to, dist.get(queue[i]!)! + 1), queue.push(e.to);
        }
        for (const node of graph.nodes()) {
          expect(closure.eagerIndex.has(node), `seed ${seed}, ${entry} -> ${node}`).toBe(eager.has(node));
          const chain = graph.chain(entry, node);
          if (!eager.has(node)) {
            expect(chain).toEqual([]);
            continue;
          }
          expect(closure.eager[closure.eagerIndex.get(node)!]).toBe(node);
          expect(chain[0]).toBe(entry);
          expect(chain.at(-1)).toBe(node);
          expect(chain.length - 1, `seed ${seed}, ${entry} -> ${node}`).toBe(dist.get(node));
          for (let i = 0; i + 1 < chain.length; i++) expect(edges.some((e) => e.from === chain[i] && e.to === chain[i + 1] && !e.isLazy)).toBe(true);
        }
      }
    }
    expect(small).toBeGreaterThan(20);
    expect(large).toBeGreaterThan(20);
  });
});

describe('cycles', () => {
  it('finds the components with a cycle and a shortest cycle through each (100 random graphs, brute force)', () => {
    let found = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const { graph, edges } = randomGraph(seed);
      const files = graph.nodes().filter((n) => !graph.isPackage(n));
      const eager = edges.filter((e) => !e.isLazy && !graph.isPackage(e.to));
      const reach = (from: string): Set<string> => {
        const seen = new Set<string>();
        const queue = [from];
        for (let i = 0; i < queue.length; i++) for (const e of eager) if (e.from === queue[i] && !seen.has(e.to)) seen.add(e.to), queue.push(e.to);
        return seen;
      };
      const reachable = new Map(files.map((f) => [f, reach(f)]));
      const expected = new Set<string>();
      for (const f of files) {
        const component = files.filter((o) => o === f || (reachable.get(f)!.has(o) && reachable.get(o)!.has(f)));
        if (component.length > 1 || reachable.get(f)!.has(f) && component.length === 1 && eager.some((e) => e.from === f && e.to === f)) expected.add(component.sort().join(','));
      }
      const components = cyclicComponents(graph, [...files].sort());
      expect(new Set(components.map((c) => c.join(','))), `seed ${seed}`).toEqual(expected);
      for (const component of components) {
        found++;
        const inside = new Set(component);
        const cycle = shortestCycle(graph, component[0]!, inside);
        expect(cycle[0]).toBe(component[0]);
        expect(cycle.at(-1)).toBe(component[0]);
        for (let i = 0; i + 1 < cycle.length; i++) expect(eager.some((e) => e.from === cycle[i] && e.to === cycle[i + 1])).toBe(true);
        // No shorter cycle: breadth-first distance back to the start within the component.
        const dist = new Map<string, number>([[component[0]!, 0]]);
        const queue = [component[0]!];
        let shortest = Infinity;
        for (let i = 0; i < queue.length; i++) {
          for (const e of eager) {
            if (e.from !== queue[i] || !inside.has(e.to)) continue;
            if (e.to === component[0]) shortest = Math.min(shortest, dist.get(queue[i]!)! + 1);
            if (!dist.has(e.to)) dist.set(e.to, dist.get(queue[i]!)! + 1), queue.push(e.to);
          }
        }
        expect(cycle.length - 1).toBe(shortest);
      }
    }
    expect(found).toBeGreaterThan(50);
  });
});
