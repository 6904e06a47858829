// rules/duplicate-engine: the same kind of engine created in two or more modules of one entry's closure.
import { analyzeEffects, type EngineCreation } from '../effects/analyze.js';
import { at } from '../effects/messages.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import { createRule } from './rule.js';

/** Project files in the order Node evaluates them when `entry` is imported (dependencies first). */
function evaluationOrder(graph: ProjectGraph, entry: string): Map<string, number> {
  const g = graph.indexed();
  const order = new Map<string, number>();
  const root = g.idOf.get(entry);
  if (root === undefined) return order.set(entry, 0);
  const epoch = ++g.epoch;
  g.mark[root] = epoch;
  // A depth-first walk over eager edges to project files; a file is numbered when it is left.
  const nodes = [root];
  const cursors = [g.start[root]!];
  while (nodes.length) {
    const top = nodes.length - 1;
    const n = nodes[top]!;
    const k = cursors[top]!;
    if (k === g.start[n + 1]) {
      order.set(g.names[n]!, order.size);
      nodes.pop();
      cursors.pop();
      continue;
    }
    cursors[top] = k + 1;
    const t = g.target[k]!;
    if (g.isLazy[k] || g.isPackage[t] || g.mark[t] === epoch) continue;
    g.mark[t] = epoch;
    nodes.push(t);
    cursors.push(g.start[t]!);
  }
  return order;
}

const more = (n: number): string => (n > 0 ? ` (and ${n} other entr${n === 1 ? 'y' : 'ies'})` : '');

interface Duplicate {
  creation: EngineCreation;
  firsts: Map<string, EngineCreation>;
  entries: Set<string>;
}

export default createRule({
  meta: {
    id: 'duplicate-engine',
    defaultSeverity: 'warning',
    description: "The same kind of engine (e.g. a pg Pool) created in more than one module of one entry's eager closure.",
    hasFix: false,
    readsFactsOnly: true,
  },
  check({ graph, config, report }) {
    const { engines } = analyzeEffects(graph, config);
    if (engines.length < 2) return;
    const duplicates = new Map<EngineCreation, Duplicate>();
    for (const entry of graph.entries) {
      const order = evaluationOrder(graph, entry);
      const inClosure = engines
        .filter((e) => order.has(e.file))
        .sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line || a.column - b.column);
      const firstOf = new Map<string, EngineCreation>();
      for (const creation of inClosure) {
        const first = firstOf.get(creation.label);
        if (!first) firstOf.set(creation.label, creation);
        else if (first.file !== creation.file) {
          let dup = duplicates.get(creation);
          if (!dup) duplicates.set(creation, (dup = { creation, firsts: new Map(), entries: new Set() }));
          dup.firsts.set(`${first.file}:${first.line}`, first);
          dup.entries.add(entry);
        }
      }
    }
    for (const { creation, firsts, entries } of duplicates.values()) {
      const others = [...firsts.values()].map((f) => at(graph, f.file, f.line)).sort();
      const by = creation.through ? `, by ${creation.through}` : '';
      const entryList = [...entries].sort((a, b) => (graph.rel(a) < graph.rel(b) ? -1 : 1));
      report({
        file: creation.file,
        line: creation.line,
        column: creation.column,
        ...(creation.statementLine && creation.statementLine !== creation.line ? { lines: [creation.line, creation.statementLine] } : {}),
        message: `${creation.label} created a second time${by} (first at ${others.join(', ')})`,
        why: `both are created when ${graph.rel(entryList[0]!)}${more(entryList.length - 1)} is imported, and each opens its own connections`,
        help: `share one: create it once (on first use) in one module and import it from there`,
        entries: entryList,
        chain: graph.chain(entryList[0]!, creation.file),
      });
    }
  },
});
