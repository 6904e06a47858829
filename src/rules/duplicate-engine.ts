// rules/duplicate-engine: the same kind of engine created in two or more modules of one entry's closure.
import { analyzeEffects, type EngineCreation } from '../effects/analyze.js';
import { at } from '../effects/messages.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import { createRule } from './rule.js';

/** Project files in the order Node evaluates them when `entry` is imported (dependencies first). */
function evaluationOrder(graph: ProjectGraph, entry: string): Map<string, number> {
  const order = new Map<string, number>();
  const visited = new Set<string>([entry]);
  const stack: Array<{ node: string; edges: string[]; i: number }> = [];
  const push = (node: string) => {
    const edges = graph.outEdges(node).filter((e) => !e.attrs.isLazy && !graph.isPackage(e.target)).map((e) => e.target);
    stack.push({ node, edges, i: 0 });
  };
  push(entry);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const next = top.edges[top.i++];
    if (next === undefined) {
      order.set(top.node, order.size);
      stack.pop();
    } else if (!visited.has(next)) {
      visited.add(next);
      push(next);
    }
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
        fingerprintText: `${creation.label}${by}`,
      });
    }
  },
});
