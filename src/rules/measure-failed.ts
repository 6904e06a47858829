// rules/measure-failed: with --measure, an entry that threw, hung or exited while being imported.
import { createRule } from './rule.js';

export default createRule({
  meta: {
    id: 'measure-failed',
    defaultSeverity: 'error',
    description: 'With --measure: an entry that could not be imported (it threw, timed out or exited).',
    hasFix: false,
  },
  check({ graph, measured, report }) {
    for (const entry of graph.entries) {
      const outcome = measured.get(entry);
      if (!outcome || outcome.ok) continue;
      report({
        file: entry,
        line: 1,
        column: 1,
        message: `importing ${graph.rel(entry)} failed: ${outcome.reason}`,
        why: 'a worker that imports this router crashes or never becomes ready; its import time is unknown',
        help: /timed out/.test(outcome.reason)
          ? 'find what blocks at import time (a connection, a top-level await, a sync loop) and move it behind a function'
          : 'run the entry with node to see the error; point the environment at a dev database or none',
        entries: [entry],
        chain: [entry],
      });
    }
  },
});
