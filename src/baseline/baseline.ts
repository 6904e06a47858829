// baseline: record the known findings, hide them on later runs, and report entries gone stale.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Finding } from '../types.js';

/** One recorded finding. Rule, file and message are there for reviewers; matching uses the fingerprint. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  message: string;
}

export interface BaselineFile {
  importscanBaseline: 1;
  findings: BaselineEntry[];
}

/** What applying a baseline leaves. */
export interface BaselineOutcome {
  /** Findings not in the baseline (to report). */
  findings: Finding[];
  hidden: number;
  /** Baseline entries that matched no finding. */
  stale: BaselineEntry[];
}

/** Reads a baseline file; exit 2 when it is missing or malformed. */
export function readBaseline(file: string): BaselineEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`baseline not found: ${file} (create it with --update-baseline)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`invalid JSON in baseline ${file}: ${(error as Error).message}`);
  }
  const findings = (json as Partial<BaselineFile> | null)?.findings;
  if (!Array.isArray(findings) || findings.some((e) => typeof (e as BaselineEntry | null)?.fingerprint !== 'string')) {
    throw new UsageError(`invalid baseline ${file}: findings: expected an array of {fingerprint, ruleId, file, message}`);
  }
  return findings as BaselineEntry[];
}

/** The baseline file's text for these findings: sorted, one entry per finding (duplicates kept). */
export function baselineText(findings: Finding[]): string {
  const entries: BaselineEntry[] = findings.map((f) => ({ fingerprint: f.fingerprint ?? '', ruleId: f.ruleId, file: f.file, message: f.message }));
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  entries.sort((a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint) || cmp(a.message, b.message));
  const body: BaselineFile = { importscanBaseline: 1, findings: entries };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Writes the baseline, creating its directory. */
export function writeBaseline(file: string, findings: Finding[]): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, baselineText(findings));
  } catch (error) {
    throw new UsageError(`cannot write baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * Hides findings recorded in the baseline. Matching counts: a fingerprint recorded twice hides
 * two findings, so a third identical one is new.
 */
export function applyBaseline(findings: Finding[], baseline: BaselineEntry[]): BaselineOutcome {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const e of baseline) remaining.set(e.fingerprint, [...(remaining.get(e.fingerprint) ?? []), e]);
  const kept: Finding[] = [];
  let hidden = 0;
  for (const f of findings) {
    const left = f.fingerprint ? remaining.get(f.fingerprint) : undefined;
    if (left?.length) {
      left.pop();
      hidden++;
    } else kept.push(f);
  }
  const stale = [...remaining.values()].flat();
  return { findings: kept, hidden, stale };
}
