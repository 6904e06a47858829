// rules/budget: an entry over a budget set in config (modules, bytes, heavy packages, side effects, ms).
import { globMatcher } from '../discover/glob.js';
import type { Budget, ResolvedConfig } from '../config/schema.js';
import { analyzeEffects, RULE_OF, type ModuleEffect } from '../effects/analyze.js';
import { costOf } from '../graph/entry-report.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import { formatBytes, plural } from '../report/format.js';
import type { MeasureOutcome } from '../measure/index.js';
import type { Weights } from '../weigh/types.js';
import { createRule, type Diagnostic } from './rule.js';

/** Something that adds to an entry's total: a package or a project file, and what it adds. */
interface Contributor {
  name: string;
  amount: number;
}

type Limit = 'maxModules' | 'maxBytes' | 'maxHeavyPackages' | 'maxSideEffects' | 'maxMs';

/** How each limit is worded: the entry's value, and one contributor's share. */
const LIMITS: Array<{ key: Limit; actual: (n: number) => string; share: (n: number) => string }> = [
  { key: 'maxModules', actual: (n) => `loads ${plural(n, 'module')} eagerly`, share: (n) => plural(n, 'module') },
  { key: 'maxBytes', actual: (n) => `loads ${formatBytes(n)} eagerly`, share: formatBytes },
  { key: 'maxHeavyPackages', actual: (n) => `loads ${plural(n, 'heavy package')} eagerly`, share: formatBytes },
  { key: 'maxSideEffects', actual: (n) => `runs ${plural(n, 'module-level side effect')} on import`, share: (n) => plural(n, 'effect') },
  { key: 'maxMs', actual: (n) => `took ${ms(n)} to import (measured)`, share: (n) => `${ms(n)} self` },
];

const ms = (n: number) => `${Math.round(n * 10) / 10} ms`;

const CONTRIBUTORS = 3;

export default createRule({
  meta: {
    id: 'budget',
    defaultSeverity: 'error',
    description: 'An entry over a budget set in config (modules, bytes, heavy packages, side effects, measured ms).',
    hasFix: false,
  },
  check({ graph, config, weights, measured, report }) {
    if (config.budgets.length === 0) return;
    const budgets = config.budgets.map((budget) => ({ budget, isMatch: globMatcher(budget.entries) }));
    for (const entry of [...graph.entries].sort()) {
      const rel = graph.rel(entry);
      for (const { budget } of budgets.filter((b) => b.isMatch(rel))) {
        for (const d of overBudget(graph, config, weights, entry, budget, measured.get(entry))) report(d);
      }
    }
  },
});

/** The findings of one budget on one entry. `maxMs` is checked only when the entry was measured (--measure). */
export function overBudget(
  graph: ProjectGraph,
  config: ResolvedConfig,
  weights: Weights,
  entry: string,
  budget: Budget,
  measured?: MeasureOutcome,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rel = graph.rel(entry);
  for (const { key, actual: phrase, share } of LIMITS) {
    const limit = budget[key];
    if (limit === undefined) continue;
    if (key === 'maxMs' && !measured?.ok) continue;
    const { actual, contributors } =
      key !== 'maxMs'
        ? measure(graph, config, weights, entry, key)
        : measured?.ok
          ? { actual: measured.totalMs, contributors: measured.modules.map((m) => ({ name: m.module, amount: m.selfMs })) }
          : { actual: 0, contributors: [] };
    if (actual <= limit) continue;
    const top = contributors
      .sort((a, b) => b.amount - a.amount || (a.name < b.name ? -1 : 1))
      .slice(0, CONTRIBUTORS)
      .map((c) => `${c.name} (${share(c.amount)})`);
    out.push({
      file: entry,
      line: 1,
      column: 1,
      message: `${rel} ${phrase(actual)}, over its budget of ${key === 'maxBytes' ? formatBytes(limit) : key === 'maxMs' ? ms(limit) : limit} (${key} for "${budget.entries}"); largest: ${top.join(', ')}`,
      why: 'a budget keeps what the entry loads at startup from growing unnoticed',
      help:
        key === 'maxSideEffects'
          ? 'move module-level work into functions that run on first use'
          : `make the largest import lazy, or raise ${key} if the growth is intended (see the 'biggest cut' column of --format table)`,
      entries: [entry],
      chain: [entry],
    });
  }
  return out;
}

/** An entry's value for one limit, and what makes it up. */
function measure(graph: ProjectGraph, config: ResolvedConfig, weights: Weights, entry: string, key: Exclude<Limit, 'maxMs'>): { actual: number; contributors: Contributor[] } {
  const { eager, eagerIndex } = graph.closure(entry);
  const packages = eager.filter((n) => graph.isPackage(n));
  const files = eager.filter((n) => !graph.isPackage(n));
  if (key === 'maxModules' || key === 'maxBytes') {
    const total = costOf(graph, weights, eager);
    const field = key === 'maxModules' ? 'modules' : 'bytes';
    const contributors: Contributor[] = [];
    for (const p of packages) contributors.push({ name: graph.rel(p), amount: weights.of(p)?.[field] ?? 0 });
    for (const f of files) contributors.push({ name: graph.rel(f), amount: field === 'modules' ? 1 : (graph.facts.get(f)?.bytes ?? 0) });
    return { actual: total[field], contributors };
  }
  if (key === 'maxHeavyPackages') {
    const heavy = packages.filter((p) => weights.isHeavy(p));
    return { actual: heavy.length, contributors: heavy.map((p) => ({ name: graph.rel(p), amount: weights.of(p)?.bytes ?? 0 })) };
  }
  const perFile = new Map<string, number>();
  for (const effect of analyzeEffects(graph, config).effects) {
    if (!eagerIndex.has(effect.file) || !isReported(graph, config, effect)) continue;
    perFile.set(effect.file, (perFile.get(effect.file) ?? 0) + 1);
  }
  const contributors = [...perFile].map(([file, n]) => ({ name: graph.rel(file), amount: n }));
  return { actual: contributors.reduce((sum, c) => sum + c.amount, 0), contributors };
}

/** Whether the side-effect rule of this effect reports it: enabled and not suppressed at its lines. */
function isReported(graph: ProjectGraph, config: ResolvedConfig, effect: ModuleEffect): boolean {
  const ruleId = RULE_OF[effect.category];
  if (config.rules[ruleId]?.severity === 'off') return false;
  const lines = [effect.fact.line, effect.statementLine ?? effect.fact.line];
  return !graph.facts
    .get(effect.file)
    ?.suppressions.some((s) => (s.ruleIds.length === 0 || s.ruleIds.includes(ruleId)) && (s.scope === 'file' || lines.includes(s.targetLine)));
}
