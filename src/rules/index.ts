// rules: the registry. A rule file is named after its id; adding a rule is adding it here.
import importCycle from './import-cycle.js';
import parseError from './parse-error.js';
import type { Rule } from './rule.js';
import unresolvedImport from './unresolved-import.js';

/** Every rule importscan runs, in the order it runs them. */
export const RULES: Rule[] = [parseError, unresolvedImport, importCycle];

/** Rule id -> default severity, including the engine's own `unused-suppression`. */
export function defaultSeverities(): Map<string, Exclude<import('../types.js').Severity, 'off'>> {
  const map = new Map(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity] as const));
  map.set('unused-suppression', 'info');
  return map;
}
