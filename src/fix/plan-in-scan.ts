// fix: plan the lazy-import rewrites (and the own-file part of instance accessors) while the scan has a file's tree in memory, as plain data in
// its facts (cached with them), so the lazy-import rule never parses a file a second time.
import fs from 'node:fs';
import v8 from 'node:v8';
import { ts } from '../parse/typescript.js';
import type { TreeHook } from '../parse/extract.js';
import type { ProjectConfig } from '../resolve/tsconfig.js';
import type { FileFacts, LazyPlanData } from '../types.js';
import { indexTree, parseFile } from './ast.js';
import { planAccessorDeclarations } from './instance-accessor.js';
import type { FixEnv } from './environment.js';
import { isLazyCandidate, planLazyImport } from './lazy-import-rewrite.js';

/** What a plan depends on besides the file itself: its output format, tsconfig `module`, TypeScript. */
export function planContext(format: 'import' | 'require', project: ProjectConfig): string {
  return `${format}|${project.module ?? ''}|${ts.versionMajorMinor}`;
}

/** A tree hook that plans every lazy-import candidate of the file. */
export function lazyPlanHook(project: ProjectConfig, formatOf: (file: string) => 'import' | 'require'): TreeHook {
  return (sf, facts, text) => {
    const accessors = planAccessorDeclarations(sf, facts, text);
    if (accessors) facts.accessorPlans = accessors;
    const candidates = facts.imports.flatMap((fact, index) => (isLazyCandidate(fact) ? [index] : []));
    if (!candidates.length) return;
    const parsed = indexTree(sf, text);
    const env: FixEnv = {
      project,
      formatOf,
      tsVersion: ts.versionMajorMinor,
      textOf: (file) => (file === facts.file ? text : fs.readFileSync(file, 'utf8')),
      parsedOf: (file) => (file === facts.file ? parsed : parseFile(file, fs.readFileSync(file, 'utf8'))),
      sourceFiles: () => [],
    };
    const plans: Record<number, StoredPlan> = {};
    for (const index of candidates) {
      try {
        const plan = planLazyImport(facts.file, facts.imports[index]!, env);
        // Every edit is in this file: stored without its path (unpacked with it).
        plans[index] = plan.kind ? { ...plan, edits: plan.edits.map(({ start, end, text }) => ({ start, end, text })) } : plan;
      } catch (error) {
        plans[index] = { kind: null, reason: `no rewrite: ${(error as Error).message}` };
      }
    }
    facts.lazyPlans = { context: planContext(formatOf(facts.file), project), plans: v8.serialize(plans) };
  };
}

/** A plan as stored: its edits without the file's path. */
type StoredPlan = { kind: string; isSafe: boolean; description: string; edits: Array<{ start: number; end: number; text: string }> } | { kind: null; reason: string };

/** The last file's plans, unpacked (the rule asks file by file; keeping every file's would cost 100 MB at 50k files). */
let unpacked: { data: Uint8Array; plans: Record<number, StoredPlan> } | null = null;

/** The plan stored for one import of a file in this context, if the scan planned it. */
export function storedPlan(facts: FileFacts, importIndex: number, context: string): LazyPlanData | undefined {
  if (facts.lazyPlans?.context !== context) return undefined;
  const data = facts.lazyPlans.plans;
  if (unpacked?.data !== data) unpacked = { data, plans: v8.deserialize(data) as Record<number, StoredPlan> };
  const plan = unpacked.plans[importIndex];
  if (!plan || plan.kind === null) return plan;
  const file = facts.file;
  return { kind: plan.kind, isSafe: plan.isSafe, description: plan.description, edits: plan.edits.map((e) => ({ file, start: e.start, end: e.end, text: e.text })) };
}
