// fix: a rewrite plan as the report's `fix` object (description, unified diff, safe, savings).
import type { FindingFix } from '../types.js';
import { byFile, findOverlap, unifiedDiffOfEdits } from './edits.js';
import { relPath, type FixEnv } from './environment.js';
import type { RewritePlan } from './lazy-import-rewrite.js';

/** Plans are kept beside the findings so `--fix` applies exactly the edits the diff shows. */
const plansByDiff = new Map<string, RewritePlan>();

/** The plan behind a fix object produced in this process (for `--fix`). */
export function planOfFix(fix: FindingFix): RewritePlan | undefined {
  return plansByDiff.get(fix.diff);
}

/** Renders a plan as a FindingFix; refuses plans whose own edits overlap. */
export function fixOf(root: string, plan: RewritePlan, savings: FindingFix['savings'], env: FixEnv): FindingFix | undefined {
  if (findOverlap(plan.edits)) return undefined;
  const parts: string[] = [];
  for (const [file, edits] of [...byFile(plan.edits)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const before = env.textOf(file);
    parts.push(unifiedDiffOfEdits(relPath(root, file), before, edits));
  }
  const diff = parts.join('');
  plansByDiff.set(diff, plan);
  return { description: plan.description, diff, safe: plan.isSafe, savings };
}
