// rules/lazy-import: an eager import used only inside functions, whose lazy loading saves something
// for some entry (dominator tree); carries the rewrite as a fix. Also: module-level service and
// engine instances that a memoised accessor can create on first use.
import { savingOf, savingsIndex, type EdgeFilter } from '../graph/entry-report.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import { formatBytes, plural } from '../report/format.js';
import { memoized } from '../cache/memo.js';
import { fixEnvOf, isImportDeferAvailable, type FixEnv } from '../fix/environment.js';
import type { Edit } from '../fix/edits.js';
import { diffOfPlan, fixOfDiff } from '../fix/plan-diff.js';
import { lazyShapesOf } from '../fix/lazy-shapes.js';
import { planInstanceAccessors } from '../fix/instance-accessor.js';
import { isLazyCandidate, planLazyImport, valueBindings, type NoPlan, type RewritePlan } from '../fix/lazy-import-rewrite.js';
import { detailsOf } from '../parse/details.js';
import { usesOf } from '../parse/uses.js';
import type { FileFacts } from '../types.js';
import type { Weights } from '../weigh/types.js';
import { createRule } from './rule.js';

/** What leaves each entry's eager closure if one import edge became lazy. */
export interface EdgeSaving {
  /** Entry (absolute) -> saving. */
  perEntry: Map<string, { modules: number; bytes: number }>;
  /** Package names saved, heaviest first. */
  packages: string[];
}

/** Per graph, whether each indexed edge's import is a candidate (1) or not (0), decided once per edge. */
const candidateEdges = new WeakMap<ProjectGraph, Uint8Array>();

function candidatesOf(graph: ProjectGraph): Uint8Array {
  let candidates = candidateEdges.get(graph);
  if (!candidates) {
    const g = graph.indexed();
    candidates = new Uint8Array(g.target.length);
    for (let edge = 0; edge < candidates.length; edge++) {
      const fact = g.facts[g.source[edge]!]?.imports[g.importIndex[edge]!];
      if (fact !== undefined && isLazyCandidate(fact)) candidates[edge] = 1;
    }
    candidateEdges.set(graph, candidates);
  }
  return candidates;
}

/** Savings are kept only for the imports this rule can report (the candidates). */
const isCandidateEdge: EdgeFilter = (graph, edge) => candidatesOf(graph)[edge] === 1;

/** Savings of making the import behind indexed edge `edge` lazy, from each entry's dominator tree (null: it saves nothing). */
export function edgeSaving(graph: ProjectGraph, weights: Weights, edge: number): EdgeSaving | null {
  const saved = savingsIndex(graph, weights, isCandidateEdge).byEdge.get(edge);
  if (!saved?.length) return null;
  const perEntry = new Map<string, { modules: number; bytes: number }>();
  const packages = new Set<string>();
  for (const { entry, leaving } of saved) {
    perEntry.set(entry, savingOf(graph, weights, entry, leaving));
    for (const p of leaving.packages) packages.add(p);
  }
  if (packages.size === 0) return { perEntry, packages: [] };
  const weightOf = (p: string) => weights.of(p)?.bytes ?? 0;
  const sorted = [...packages].sort((a, b) => Number(weights.isHeavy(b)) - Number(weights.isHeavy(a)) || weightOf(b) - weightOf(a) || (a < b ? -1 : 1));
  return { perEntry, packages: sorted.map((p) => graph.rel(p)) };
}

/** "makes src/routes/reports.ts load 37 fewer modules and 2.4 MB less, including aws-sdk". */
export function savingPhrase(graph: ProjectGraph, saving: EdgeSaving): string {
  const rows = [...saving.perEntry].sort(([a, x], [b, y]) => y.bytes - x.bytes || y.modules - x.modules || (a < b ? -1 : 1));
  const [topEntry, top] = rows[0]!;
  const who = rows.length === 1 ? graph.rel(topEntry) : `${rows.length} entries (${graph.rel(topEntry)} the most)`;
  // Only packages leave, and none is installed here: nothing to count, but they still load at start-up.
  if (top.modules === 0 && top.bytes === 0) return `makes ${rows.length === 1 ? who : `${rows.length} entries`} stop loading ${saving.packages.join(', ')} at start-up (not installed here, so not weighed)`;
  const amount = `${plural(top.modules, 'fewer module').replace('fewer modules', 'fewer modules')}${top.bytes ? ` and ${formatBytes(top.bytes)} less` : ''}`;
  const including = saving.packages.length ? `, including ${saving.packages.slice(0, 3).join(', ')}${saving.packages.length > 3 ? ', ...' : ''}` : '';
  return `makes ${who} load ${rows.length === 1 ? '' : 'up to '}${amount}${including}`;
}

/** A planned rewrite as `--cache` keeps it: its edits as JSON text, read only by `--fix`. */
interface Planned {
  plan: Omit<RewritePlan, 'edits'> | NoPlan;
  edits: string | null;
  /** null: no rewrite, or its edits overlap. */
  diff: string | null;
}

/**
 * The rewrite of one candidate import and its diff, from the shapes the scan read off the tree
 * (src/fix/lazy-shapes) or, for facts cached by a scan without this rule, from the tree parsed now.
 */
function planned(file: string, facts: FileFacts, importIndex: number, env: FixEnv, root: string): Planned {
  const fact = facts.imports[importIndex]!;
  try {
    const shapes = detailsOf(facts).lazyShapes ?? lazyShapesOf(env.parsedOf(file), facts)!;
    const plan = planLazyImport({ file, text: env.textOf(file), shapes, uses: usesOf(facts, importIndex) }, fact, env);
    if (!plan.kind) return { plan, edits: null, diff: null };
    const { edits, ...head } = plan;
    return { plan: head, edits: JSON.stringify(edits), diff: diffOfPlan(root, plan, env) };
  } catch (error) {
    return { plan: { kind: null, reason: `no rewrite: ${(error as Error).message}` }, edits: null, diff: null };
  }
}

export default createRule({
  meta: {
    id: 'lazy-import',
    defaultSeverity: 'info',
    description: 'An eager import whose bindings are used only inside function bodies, so it can be loaded on first use.',
    hasFix: true,
  },
  check({ graph, weights, config, report, project, formatOf, textOf, sourceFiles, memoOf }) {
    const env = fixEnvOf({ project, formatOf, textOf, sourceFiles, ...(memoOf ? { memoOf } : {}) });
    const deferContext = `${isImportDeferAvailable(env)}|${graph.root}`;
    // Over each parsed file's import edges (an import that is no edge saves nothing), in the order
    // the graph lists them; findings are sorted after the rules run.
    const g = graph.indexed();
    const candidates = candidatesOf(graph);
    for (let id = 0; id < g.names.length; id++) {
      const facts = g.facts[id];
      if (!facts || facts.parseError) continue;
      const file = g.names[id]!;
      let memo: ReturnType<NonNullable<typeof memoOf>> | undefined;
      let context: string | undefined;
      for (let edge = g.start[id]!, end = g.start[id + 1]!; edge < end; edge++) {
        if (candidates[edge] !== 1) continue;
        const saving = edgeSaving(graph, weights, edge);
        if (!saving) continue;
        const importIndex = g.importIndex[edge]!;
        const fact = facts.imports[importIndex]!;
        const names = valueBindings(fact).map((b) => b.local);
        const savings: Record<string, { modules: number; bytes: number }> = {};
        for (const [entry, s] of [...saving.perEntry].sort(([a], [b]) => (a < b ? -1 : 1))) savings[graph.rel(entry)] = { modules: s.modules, bytes: s.bytes };
        // The plan and its diff depend on the file's bytes, its module format, whether `import defer`
        // is available and the root: with --cache they are kept with the file's facts.
        memo ??= memoOf?.(file);
        context ??= `${env.formatOf(file)}|${deferContext}`;
        const { plan, edits, diff } = memoized(memo, `lazy-import:${importIndex}`, context, () => planned(file, facts, importIndex, env, graph.root));
        const list = names.map((n) => `\`${n}\``).join(', ');
        report({
          file,
          line: fact.line,
          column: fact.column,
          message: `${list} from ${fact.specifier} ${names.length === 1 ? 'is' : 'are'} used only inside functions: loading it on first use ${savingPhrase(graph, saving)}`,
          why: `it is evaluated when the module is imported, although nothing uses it until a function runs`,
          help: plan.kind ? plan.description : plan.reason,
          ...(plan.kind && diff !== null ? { fix: fixOfDiff(plan, diff, savings, () => JSON.parse(edits!) as Edit[]) } : {}),
        });
      }
    }
    for (const finding of planInstanceAccessors(graph, config, env)) report(finding);
  },
});
