// rules/unexplained-cost: with --measure, a project module that is slow to evaluate although no
// rule flags anything in it: where the static catalog is missing something.
import path from 'node:path';
import { createRule } from './rule.js';

const DEFAULT_MS = 50;

export default createRule({
  meta: {
    id: 'unexplained-cost',
    defaultSeverity: 'info',
    description: 'With --measure: a project module whose own evaluation takes over 50 ms with no flagged side effect.',
    hasFix: false,
  },
  check({ graph, measured, options, report, reportedSoFar }) {
    if (measured.size === 0) return;
    const thresholdMs = typeof options.thresholdMs === 'number' ? options.thresholdMs : DEFAULT_MS;
    const explained = new Set(reportedSoFar().filter((f) => f.ruleId.startsWith('side-effect/')).map((f) => f.file));
    const worst = new Map<string, { selfMs: number; entry: string }>();
    for (const [entry, outcome] of measured) {
      if (!outcome.ok) continue;
      for (const m of outcome.modules) {
        if (m.selfMs <= thresholdMs) continue;
        const file = path.join(graph.root, m.module);
        if (!graph.facts.has(file) || explained.has(file)) continue; // packages: heavy-dependency's job
        const prev = worst.get(file);
        if (!prev || m.selfMs > prev.selfMs) worst.set(file, { selfMs: m.selfMs, entry });
      }
    }
    for (const [file, { selfMs, entry }] of [...worst].sort(([a], [b]) => (a < b ? -1 : 1))) {
      report({
        file,
        line: 1,
        column: 1,
        message: `${graph.rel(file)} takes ${selfMs.toFixed(1)} ms to evaluate, with no flagged side effect`,
        why: `it was measured when ${graph.rel(entry)} was imported; the static rules do not explain where the time goes`,
        help: 'profile it (node --cpu-prof), then move the slow module-level work into a function; if it is a known engine, add it to `engines` in the config',
      });
    }
  },
});
