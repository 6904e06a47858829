// baseline: the CI gate's post-processing of a scan: baseline, --since and --quiet, then recount.
import { changedFiles } from '../changed/git.js';
import { filterSince } from '../changed/filter.js';
import { UsageError } from '../errors.js';
import type { Finding, ScanResult } from '../types.js';
import { applyBaseline, readBaseline, writeBaseline } from './baseline.js';

export interface GateOptions {
  /** Absolute path of the baseline file. */
  baseline?: string;
  isBaselineUpdated?: boolean;
  isBaselineStrict?: boolean;
  /** Git ref for `--since`. */
  since?: string;
  isQuiet?: boolean;
}

export interface GateOutcome {
  result: ScanResult;
  /** Lines for stderr (baseline written, stale entries). */
  notes: string[];
  /** `--strict-baseline` with stale entries: the run fails (exit 1). */
  isFailed: boolean;
}

/**
 * Applies the baseline to all findings (so stale entries are judged on the whole tree), then keeps
 * what `--since` and `--quiet` ask for, and recounts the summary.
 */
export function gate(result: ScanResult, options: GateOptions): GateOutcome {
  if ((options.isBaselineUpdated || options.isBaselineStrict) && !options.baseline) {
    throw new UsageError(`${options.isBaselineUpdated ? '--update-baseline' : '--strict-baseline'} needs --baseline <file>`);
  }
  const notes: string[] = [];
  let isFailed = false;
  let findings: Finding[] = result.findings;
  // Resolve --since first: a bad ref must stop the run before a baseline is written.
  const changed = options.since ? changedFiles(result.root, options.since) : null;
  if (options.baseline) {
    if (options.isBaselineUpdated) {
      writeBaseline(options.baseline, findings);
      notes.push(`wrote ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'} to the baseline ${options.baseline}`);
    }
    const outcome = applyBaseline(findings, readBaseline(options.baseline));
    findings = outcome.findings;
    const n = outcome.stale.length;
    if (n) {
      notes.push(`${n} baseline ${n === 1 ? 'entry is' : 'entries are'} stale; run --update-baseline`);
      isFailed = options.isBaselineStrict === true;
    }
  }
  if (changed) findings = filterSince({ ...result, findings }, changed);
  if (options.isQuiet) findings = findings.filter((f) => f.severity === 'error');
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    result: { ...result, findings, summary: { ...result.summary, errors: count('error'), warnings: count('warning'), infos: count('info') } },
    notes,
    isFailed,
  };
}
