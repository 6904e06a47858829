// graph: `--graph dot|mermaid|json`: the eager graph of the entries, lazy edges dashed.
import type { ProjectGraph } from './project-graph.js';

interface ExportEdge {
  from: string;
  to: string;
  lazy: boolean;
}

/** Nodes and edges reachable from the entries (eager closure, plus lazy edges out of it). */
function collect(graph: ProjectGraph): { nodes: Array<{ id: string; type: 'file' | 'package'; entry: boolean }>; edges: ExportEdge[] } {
  const nodes = new Map<string, 'file' | 'package'>();
  const entries = new Set(graph.entries.map((e) => graph.rel(e)));
  const edges = new Map<string, ExportEdge>();
  for (const entry of graph.entries) {
    for (const n of graph.closure(entry).eager) {
      nodes.set(graph.rel(n), graph.isPackage(n) ? 'package' : 'file');
      if (graph.isPackage(n)) continue;
      for (const { target, attrs } of graph.outEdges(n)) {
        const from = graph.rel(n);
        const to = graph.rel(target);
        if (attrs.isLazy) nodes.set(to, graph.isPackage(target) ? 'package' : 'file');
        const key = `${from}\0${to}`;
        const prev = edges.get(key);
        // One eager import makes the edge eager.
        edges.set(key, { from, to, lazy: prev ? prev.lazy && attrs.isLazy : attrs.isLazy });
      }
    }
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    nodes: [...nodes].map(([id, type]) => ({ id, type, entry: entries.has(id) })).sort((a, b) => cmp(a.id, b.id)),
    edges: [...edges.values()].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to)),
  };
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Graphviz dot. Packages are boxes, entries bold, lazy edges dashed. */
export function toDot(graph: ProjectGraph): string {
  const { nodes, edges } = collect(graph);
  const lines = ['digraph importscan {', '  rankdir=LR;', '  node [shape=ellipse, fontname="Helvetica"];'];
  for (const n of nodes) {
    const attrs = [n.type === 'package' ? 'shape=box' : '', n.entry ? 'style=bold' : ''].filter(Boolean);
    lines.push(`  ${quote(n.id)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  for (const e of edges) lines.push(`  ${quote(e.from)} -> ${quote(e.to)}${e.lazy ? ' [style=dashed]' : ''};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Mermaid flowchart. Lazy edges dotted. */
export function toMermaid(graph: ProjectGraph): string {
  const { nodes, edges } = collect(graph);
  const ids = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const label = (s: string) => s.replace(/"/g, '#quot;');
  const lines = ['flowchart LR'];
  for (const n of nodes) {
    const id = ids.get(n.id)!;
    lines.push(n.type === 'package' ? `  ${id}[["${label(n.id)}"]]` : `  ${id}["${label(n.id)}"]`);
  }
  for (const e of edges) lines.push(`  ${ids.get(e.from)} ${e.lazy ? '-.->' : '-->'} ${ids.get(e.to)}`);
  return `${lines.join('\n')}\n`;
}

/** JSON: `{ nodes: [{id, type, entry}], edges: [{from, to, lazy}] }`. */
export function toGraphJson(graph: ProjectGraph): string {
  return `${JSON.stringify(collect(graph), null, 2)}\n`;
}
