// measure: put --measure outcomes into the report: per-entry cost and modules, per-finding cost.
import type { EntryReport, Finding } from '../types.js';
import type { MeasureOutcome } from './index.js';

/** Findings that gain the measured cost of their module. */
const COSTED = /^(side-effect\/|heavy-dependency$|duplicate-engine$)/;

/** Fills `cost.measuredMs` and `measured[]` of each entry, and `measured` of costed findings. */
export function addMeasurements(entries: EntryReport[], findings: Finding[], outcomes: MeasureOutcome[]): void {
  const byEntry = new Map(outcomes.map((o) => [o.entry, o]));
  for (const entry of entries) {
    const outcome = byEntry.get(entry.file);
    if (!outcome?.ok) continue;
    entry.cost.measuredMs = outcome.totalMs;
    entry.measured = outcome.modules.map((m) => ({
      module: m.module,
      selfMs: m.selfMs,
      totalMs: m.totalMs,
      ...(m.parent ? { parent: m.parent } : {}),
    }));
  }
  for (const finding of findings) {
    if (!COSTED.test(finding.ruleId)) continue;
    const outcome = byEntry.get(finding.entries[0] ?? '');
    const module = outcome?.ok ? outcome.modules.find((m) => m.module === finding.file) : undefined;
    if (module) finding.measured = { selfMs: module.selfMs, totalMs: module.totalMs };
  }
}
