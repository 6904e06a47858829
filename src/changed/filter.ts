// changed: keep the findings a change is responsible for (`--since`).
import path from 'node:path';
import type { Finding, ScanResult } from '../types.js';

/** Rules about what an entry loads: kept when the entry's eager closure holds a changed file. */
const ENTRY_RULES = new Set(['budget', 'heavy-dependency']);

/**
 * Findings located in a changed file, plus `budget` and `heavy-dependency` findings of entries
 * whose eager closure contains a changed file. `changed` holds absolute paths.
 */
export function filterSince(result: ScanResult, changed: Set<string>): Finding[] {
  const rel = new Set<string>();
  for (const abs of changed) {
    const r = path.relative(result.root, abs);
    if (!r.startsWith('..') && !path.isAbsolute(r)) rel.add(r.split(path.sep).join('/'));
  }
  const touchedEntries = new Set(result.entries.filter((e) => e.eagerModules.some((m) => rel.has(m))).map((e) => e.file));
  return result.findings.filter(
    (f) => rel.has(f.file) || (ENTRY_RULES.has(f.ruleId) && (touchedEntries.has(f.file) || f.entries.some((e) => touchedEntries.has(e)))),
  );
}
