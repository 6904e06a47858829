// rules: the registry. A rule file is named after its id; adding a rule is adding it here.
import budget from './budget.js';
import duplicateEngine from './duplicate-engine.js';
import heavyDependency from './heavy-dependency.js';
import importCycle from './import-cycle.js';
import lazyImport from './lazy-import.js';
import measureFailed from './measure-failed.js';
import parseError from './parse-error.js';
import type { Rule } from './rule.js';
import engineCreation from './side-effect/engine-creation.js';
import io from './side-effect/io.js';
import listener from './side-effect/listener.js';
import network from './side-effect/network.js';
import serviceInstantiation from './side-effect/service-instantiation.js';
import timer from './side-effect/timer.js';
import topLevelAwait from './side-effect/top-level-await.js';
import unexplainedCost from './unexplained-cost.js';
import unresolvedImport from './unresolved-import.js';

/** Every rule importscan runs, in the order it runs them. */
export const RULES: Rule[] = [
  parseError,
  unresolvedImport,
  importCycle,
  engineCreation,
  serviceInstantiation,
  network,
  io,
  timer,
  listener,
  topLevelAwait,
  duplicateEngine,
  lazyImport,
  heavyDependency,
  budget,
  measureFailed,
  unexplainedCost,
];

/** Rule id -> default severity, including the engine's own `unused-suppression`. */
export function defaultSeverities(): Map<string, Exclude<import('../types.js').Severity, 'off'>> {
  const map = new Map(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity] as const));
  map.set('unused-suppression', 'info');
  return map;
}
