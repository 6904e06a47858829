// rules/unresolved-import: a relative or path-mapped import that resolves to no file.
import { createRule } from './rule.js';

export default createRule({
  meta: {
    id: 'unresolved-import',
    defaultSeverity: 'warning',
    description: 'A relative or path-mapped import that resolves to no file.',
    hasFix: false,
  },
  check({ graph, report }) {
    for (const { file, importIndex } of graph.unresolved) {
      const fact = graph.importOf(file, importIndex)!;
      report({
        file,
        line: fact.line,
        column: fact.column,
        message: `cannot resolve '${fact.specifier}'`,
        why: 'what it would load is missing from the graph, so costs and chains through it are unknown',
        help: 'fix the path, add the file, or check tsconfig `paths`/`baseUrl`',
      });
    }
  },
});
