// fix: `--fix` and `--fix-dry-run`. Scan, collect the fixes the findings carry, then (for --fix)
// apply the safe ones in passes until none is left, and scan again to report what remains.
import { readSourceText, withFileBom } from '../parse/read.js';
import type { ScanOutput } from '../pipeline.js';
import type { Finding } from '../types.js';
import { filesBrokenByRewrite, rewriteTexts, selectNonOverlapping, writeAtomically, type PendingFix } from './apply.js';
import { keepPlansForFix, planOfFix } from './plan-diff.js';

/** What `--fix` did. */
export interface FixSummary {
  /** The scan after the last pass: what remains. */
  output: ScanOutput;
  /** Fixes applied, in order: `file:line rule: description`. */
  applied: string[];
  /** Files changed. */
  files: string[];
  /** Fixes refused because the rewritten file would not parse. */
  refused: string[];
  passes: number;
}

const MAX_PASSES = 10;

function label(f: Finding): string {
  return `${f.file}:${f.line} ${f.ruleId}`;
}

/** Every fix of a scan, as text: a labelled header and the unified diff (for --fix-dry-run). */
export function renderDryRun(output: ScanOutput): string {
  const withFix = output.result.findings.filter((f) => f.fix);
  if (!withFix.length) return 'no rewrites to offer\n';
  const blocks = withFix.map((f) => {
    const kind = f.fix!.safe ? 'safe: --fix applies it' : 'offered: not applied by --fix';
    const savings = Object.entries(f.fix!.savings)
      .filter(([, s]) => s.modules || s.bytes)
      .map(([e, s]) => `${e} -${s.modules} modules`);
    return `# ${label(f)} [${kind}]\n# ${f.fix!.description}${savings.length ? `\n# saves: ${savings.join(', ')}` : ''}\n${f.fix!.diff}`;
  });
  const safe = withFix.filter((f) => f.fix!.safe).length;
  return `${blocks.join('\n')}\n${withFix.length} rewrite${withFix.length === 1 ? '' : 's'} (${safe} safe, ${withFix.length - safe} offered); nothing was changed\n`;
}

/** Applies safe fixes in passes (a pass skips fixes overlapping an earlier one; the next scan retries them). */
export async function applySafeFixes(scanAgain: () => ScanOutput): Promise<FixSummary> {
  keepPlansForFix();
  let output = scanAgain();
  const applied: string[] = [];
  const refused: string[] = [];
  const files = new Set<string>();
  const refusedKeys = new Set<string>();
  let passes = 0;
  for (; passes < MAX_PASSES; passes++) {
    const candidates: Array<PendingFix & { finding: Finding }> = [];
    for (const f of output.result.findings) {
      if (!f.fix?.safe) continue;
      const plan = planOfFix(f.fix);
      if (!plan || refusedKeys.has(f.fix.diff)) continue;
      candidates.push({ id: label(f), edits: plan.edits, finding: f });
    }
    let { picked } = selectNonOverlapping(candidates);
    if (!picked.length) break;
    const texts = rewriteTexts(picked, readSourceText);
    const broken = new Set(await filesBrokenByRewrite(texts));
    if (broken.size) {
      for (const p of picked) {
        if (p.edits.some((e) => broken.has(e.file))) {
          refused.push(`${p.id}: ${p.finding.fix!.description}`);
          refusedKeys.add(p.finding.fix!.diff);
        }
      }
      picked = picked.filter((p) => !p.edits.some((e) => broken.has(e.file)));
      if (!picked.length) continue;
    }
    const finalTexts = rewriteTexts(picked, readSourceText);
    writeAtomically(new Map([...finalTexts].map(([file, t]) => [file, withFileBom(file, t.after)])));
    for (const p of picked) applied.push(`${p.id}: ${p.finding.fix!.description}`);
    for (const file of finalTexts.keys()) files.add(file);
    output = scanAgain();
  }
  return { output, applied, files: [...files].sort(), refused, passes };
}

/** `--fix`: applies the safe fixes, writes a one-line summary, and returns the scan of what remains. */
export async function fixAndRescan(scanAgain: () => ScanOutput, write: (text: string) => void): Promise<ScanOutput> {
  const summary = await applySafeFixes(scanAgain);
  const n = summary.applied.length;
  const rel = (f: string) => summary.output.graph.rel(f);
  write(
    n
      ? `importscan: applied ${n} fix${n === 1 ? '' : 'es'} in ${summary.files.length} file${summary.files.length === 1 ? '' : 's'} (${summary.files.map(rel).join(', ')})\n`
      : 'importscan: no safe fix to apply\n',
  );
  for (const r of summary.refused) write(`importscan: refused (the result would not parse): ${r}\n`);
  return summary.output;
}
