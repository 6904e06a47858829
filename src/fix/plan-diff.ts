// fix: a rewrite plan as the report's `fix` object (description, unified diff, safe, savings).
import type { FindingFix } from '../types.js';
import { byFile, findOverlap, unifiedDiffOfEdits, type Edit } from './edits.js';
import { relativePath } from '../paths.js';
import type { FixEnv } from './environment.js';
import type { RewritePlan } from './lazy-import-rewrite.js';

/**
 * Under `--fix`, plans are kept beside the findings so it applies exactly the edits the diff shows
 * (a plain scan does not keep them: at 50,000 files they are tens of megabytes).
 */
const plansByDiff = new Map<string, RewritePlan>();
let isKeepingPlans = false;

/** From now on, keep the plan behind every fix rendered (`--fix` calls this before it scans). */
export function keepPlansForFix(): void {
  isKeepingPlans = true;
}

/** The plan behind a fix object produced in this process (for `--fix`). */
export function planOfFix(fix: FindingFix): RewritePlan | undefined {
  return plansByDiff.get(fix.diff);
}

/** Renders a plan as a FindingFix; refuses plans whose own edits overlap. */
export function fixOf(root: string, plan: RewritePlan, savings: FindingFix['savings'], env: FixEnv): FindingFix | undefined {
  const diff = diffOfPlan(root, plan, env);
  return diff === null ? undefined : fixOfDiff(plan, diff, savings, () => plan.edits);
}

/** The unified diff of a plan's edits (files in path order), or null when its own edits overlap. */
export function diffOfPlan(root: string, plan: RewritePlan, env: FixEnv): string | null {
  if (findOverlap(plan.edits)) return null;
  const parts: string[] = [];
  for (const [file, edits] of [...byFile(plan.edits)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const before = env.textOf(file);
    parts.push(unifiedDiffOfEdits(relativePath(root, file), before, edits));
  }
  return parts.join('');
}

/**
 * A plan and its diff (from diffOfPlan, made now or kept by `--cache`) as the report's fix object;
 * the edits are asked for only under `--fix`.
 */
export function fixOfDiff(plan: Omit<RewritePlan, 'edits'>, diff: string, savings: FindingFix['savings'], edits: () => Edit[]): FindingFix {
  if (isKeepingPlans) plansByDiff.set(diff, { ...plan, edits: edits() });
  return { description: plan.description, diff, safe: plan.isSafe, savings };
}
