// rules/import-cycle: a cycle of eager imports among project files, reported once per cycle.
import { cyclicComponents, shortestCycle } from '../graph/cycles.js';
import { createRule } from './rule.js';

export default createRule({
  meta: {
    id: 'import-cycle',
    defaultSeverity: 'warning',
    description: 'A cycle of eager imports among project files (reported once per cycle).',
    hasFix: false,
    readsFactsOnly: true,
  },
  check({ graph, report }) {
    const files = [...graph.facts.keys()].filter((f) => graph.entriesOf(f).length > 0).sort();
    for (const component of cyclicComponents(graph, files)) {
      const start = component[0]!;
      const cycle = shortestCycle(graph, start, new Set(component));
      const next = cycle[1]!;
      const edge = graph.outEdges(start).find((e) => e.target === next && !e.attrs.isLazy)!;
      const fact = graph.importOf(start, edge.attrs.importIndex)!;
      const shown = cycle.map((f) => graph.rel(f)).join(' -> ');
      const entries = graph.entriesOf(start);
      report({
        file: start,
        line: fact.line,
        column: fact.column,
        message: `import cycle: ${shown}`,
        why: 'modules in a cycle see each other half-initialised at import time, and none can be loaded without all the others',
        help: 'move what both sides need into a third module, or import one side lazily',
        chain: cycle,
        entries,
      });
    }
  },
});
