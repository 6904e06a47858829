// rules/lazy-import: an eager import used only inside functions, whose lazy loading saves something
// for some entry (dominator tree); carries the rewrite as a fix. Also: module-level service and
// engine instances that a memoised accessor can create on first use.
import { createHash } from 'node:crypto';
import type { Leaving } from '../graph/dominators.js';
import { savingOf, savingsIndex, type EdgeFilter } from '../graph/entry-report.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import { formatBytes, plural } from '../report/format.js';
import { memoized, type FileMemo, type MemoOf } from '../cache/memo.js';
import { fingerprinter, type Fingerprinter } from '../baseline/fingerprint.js';
import { fixEnvOf, isImportDeferAvailable, type FixEnv } from '../fix/environment.js';
import type { Edit } from '../fix/edits.js';
import { diffOfPlan, fixOfDiff } from '../fix/plan-diff.js';
import { lazyShapesOf } from '../fix/lazy-shapes.js';
import { planInstanceAccessors } from '../fix/instance-accessor.js';
import { isLazyCandidate, planLazyImport, valueBindings, type NoPlan, type RewritePlan } from '../fix/lazy-import-rewrite.js';
import { detailsOf } from '../parse/details.js';
import { usesOf } from '../parse/uses.js';
import { configDigest } from '../config/load.js';
import type { FileFacts, ImportFact } from '../types.js';
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

/**
 * Every edge's candidacy, from each file's imports; with `--cache` kept per file (slot
 * CANDIDATES_SLOT, while its bytes are unchanged), so a warm run does not read the imports.
 */
function candidatesOf(graph: ProjectGraph, memoOf?: MemoOf): Uint8Array {
  let candidates = candidateEdges.get(graph);
  if (!candidates) {
    const g = graph.indexed();
    candidates = new Uint8Array(g.target.length);
    for (let id = 0; id < g.names.length; id++) {
      const start = g.start[id]!;
      const end = g.start[id + 1]!;
      const facts = g.facts[id];
      if (start === end || !facts) continue;
      // One digit per import (text: a buffer per file is slower to read back from the cache).
      const byImport = memoized(memoOf?.(g.names[id]!), CANDIDATES_SLOT, '', () => facts.imports.map((fact) => (isLazyCandidate(fact) ? '1' : '0')).join(''));
      for (let edge = start; edge < end; edge++) if (byImport.charCodeAt(g.importIndex[edge]!) === 49) candidates[edge] = 1;
    }
    candidateEdges.set(graph, candidates);
  }
  return candidates;
}

const CANDIDATES_SLOT = 'lazy-import:candidates';

/** Savings are kept only for the imports this rule can report (the candidates). */
const isCandidateEdge: EdgeFilter = (graph, edge) => candidatesOf(graph)[edge] === 1;

/** Per entry, what it stops loading when one edge is lazy (from the savings index). */
type Saved = ReadonlyArray<{ entry: string; leaving: Leaving }>;

/** Savings of making an import lazy, from what each entry's dominator tree says leaves (`saved`, not empty). */
export function edgeSaving(graph: ProjectGraph, weights: Weights, saved: Saved): EdgeSaving {
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
    // With --cache and a structure digest, each file's findings are kept (KeptFinding).
    const runKey = memoOf && graph.structureKey ? `${graph.structureKey}|${configDigest(config)}|${weightsDigest(graph, weights)}` : null;
    const fingerprintOf = fingerprinter(memoOf, textOf);
    const candidates = candidatesOf(graph, memoOf);
    const index = savingsIndex(graph, weights, isCandidateEdge);
    // Over each parsed file's import edges (an import that is no edge saves nothing), in the order
    // the graph lists them; findings are sorted after the rules run.
    const g = graph.indexed();
    for (let id = 0; id < g.names.length; id++) {
      const facts = g.facts[id];
      if (!facts || facts.parseError) continue;
      const file = g.names[id]!;
      let memo: FileMemo | null | undefined;
      let context: string | undefined;
      let kept: KeptFinding[] | undefined;
      const made: KeptFinding[] = [];
      let isChanged = false;
      for (let edge = g.start[id]!, end = g.start[id + 1]!; edge < end; edge++) {
        if (candidates[edge] !== 1) continue;
        const saved = index.byEdge.get(edge);
        if (!saved?.length) continue;
        const importIndex = g.importIndex[edge]!;
        if (context === undefined) {
          memo = memoOf?.(file);
          // The plan and its diff depend on the file's bytes, its module format, whether `import
          // defer` is available and the root: with --cache they are kept with the file's facts.
          context = `${env.formatOf(file)}|${deferContext}`;
          kept = runKey && memo ? (memo.get(KEPT_SLOT, `${context}|${runKey}`) as KeptFinding[] | undefined) : undefined;
        }
        const { plan, edits, diff } = memoized(memo, `lazy-import:${importIndex}`, context, () => planned(file, facts, importIndex, env, graph.root));
        const sig = runKey ? savingsSignature(graph, weights, saved) : '';
        let finding = kept?.find((k) => k.importIndex === importIndex && k.sig === sig);
        if (!finding) {
          isChanged = true;
          finding = madeFinding(graph, weights, file, facts.imports[importIndex]!, importIndex, saved, sig, fingerprintOf);
        }
        made.push(finding);
        report({
          file,
          line: finding.line,
          column: finding.column,
          message: finding.message,
          why: WHY,
          help: plan.kind ? plan.description : plan.reason,
          fingerprint: finding.fingerprint,
          ...(plan.kind && diff !== null ? { fix: fixOfDiff(plan, diff, finding.savings, () => JSON.parse(edits!) as Edit[]) } : {}),
        });
      }
      // Kept when something changed, unless only savings changed in a file whose cache entry is not
      // written this run: an edit elsewhere (a file grew) would otherwise rewrite the shards of every
      // file its size reaches; such findings are made again until their file's entry is written.
      if (runKey && memo && (isChanged || made.length !== (kept?.length ?? 0)) && (kept === undefined || memo.isWritten?.() !== false)) {
        memo.set(KEPT_SLOT, `${context}|${runKey}`, made);
      }
    }
    for (const finding of planInstanceAccessors(graph, config, env)) report(finding);
  },
});

const WHY = 'it is evaluated when the module is imported, although nothing uses it until a function runs';

/** A reported import's message, savings and fingerprint, made from its facts and what each entry saves. */
function madeFinding(graph: ProjectGraph, weights: Weights, file: string, fact: ImportFact, importIndex: number, saved: Saved, sig: string, fingerprintOf: Fingerprinter): KeptFinding {
  const saving = edgeSaving(graph, weights, saved);
  const names = valueBindings(fact).map((b) => b.local);
  const savings: KeptFinding['savings'] = {};
  for (const [entry, s] of [...saving.perEntry].sort(([a], [b]) => (a < b ? -1 : 1))) savings[graph.rel(entry)] = { modules: s.modules, bytes: s.bytes };
  const list = names.map((n) => `\`${n}\``).join(', ');
  const message = `${list} from ${fact.specifier} ${names.length === 1 ? 'is' : 'are'} used only inside functions: loading it on first use ${savingPhrase(graph, saving)}`;
  return { importIndex, line: fact.line, column: fact.column, sig, message, savings, fingerprint: fingerprintOf('lazy-import', graph.rel(file), message, file, fact.line) };
}

/**
 * What `--cache` keeps of a reported import (slot KEPT_SLOT of its file, for one structure, config,
 * package weights, module format and root): the message, savings and fingerprint, used again while
 * the savings are the same (`sig`). The file's own bytes are covered by the memo (dropped when they
 * change), the rest of the finding by the kept plan.
 */
interface KeptFinding {
  importIndex: number;
  /** Where the import is (the facts say too, but reading them would parse every file's imports). */
  line: number;
  column: number;
  sig: string;
  message: string;
  savings: Record<string, { modules: number; bytes: number }>;
  fingerprint: string;
}

const KEPT_SLOT = 'lazy-import:findings';

/** Modules and bytes each entry saves, in entry order: beyond the structure, what the message and savings depend on. */
function savingsSignature(graph: ProjectGraph, weights: Weights, saved: Saved): string {
  let sig = '';
  for (const { entry, leaving } of saved) {
    const s = savingOf(graph, weights, entry, leaving);
    sig += `${s.modules}:${s.bytes},`;
  }
  return sig;
}

/** The weights of the graph's packages (each weight, whether heavy): the order packages are named in. */
function weightsDigest(graph: ProjectGraph, weights: Weights): string {
  const g = graph.indexed();
  const hash = createHash('sha1');
  for (let id = 0; id < g.names.length; id++) {
    if (g.isPackage[id]) hash.update(`${JSON.stringify([g.names[id], weights.of(g.names[id]!), weights.isHeavy(g.names[id]!)])}\n`);
  }
  return hash.digest('hex');
}
