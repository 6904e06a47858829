// rules/parse-error: a file that could not be parsed (the rest of the project is still analysed).
import { createRule } from './rule.js';

export default createRule({
  meta: { id: 'parse-error', defaultSeverity: 'error', description: 'A file that could not be parsed.', hasFix: false, readsFactsOnly: true },
  check({ graph, report }) {
    for (const [file, facts] of graph.facts) {
      if (!facts.parseError) continue;
      const { message, line, column } = facts.parseError;
      report({
        file,
        line,
        column,
        message: `cannot parse: ${message}`,
        why: 'importscan cannot see what this file imports or runs at import time, so its part of the graph is missing',
        help: /binary|UTF-8|cannot read/.test(message)
          ? 'import a JavaScript or TypeScript source here, or add the file to `ignore` in the config'
          : 'fix the syntax error, or add the file to `ignore` in the config if it is generated',
      });
    }
  },
});
