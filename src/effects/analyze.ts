// effects: classify every module-level effect of every eagerly loaded file, once per scan.
// The side-effect rules and duplicate-engine only filter this list.
import type { ResolvedConfig } from '../config/schema.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import type { CallFact } from '../types.js';
import { effectsOf } from '../parse/details.js';
import { SINGLETON_METHOD } from './catalog.js';
import { Follower, strongest, type Hit } from './follow.js';
import { catalogWith, classifyDirect, type DirectEffect } from './match.js';
import { originOf } from './origin.js';

/** The side-effect rule ids, by category. */
export const RULE_OF = {
  engine: 'side-effect/engine-creation',
  service: 'side-effect/service-instantiation',
  network: 'side-effect/network',
  io: 'side-effect/io',
  timer: 'side-effect/timer',
  listener: 'side-effect/listener',
  await: 'side-effect/top-level-await',
} as const;

export type Category = keyof typeof RULE_OF;

/** One module-level effect, classified. */
export interface ModuleEffect {
  category: Category;
  file: string;
  fact: CallFact;
  /** Set for direct catalog matches. */
  direct?: DirectEffect;
  /** For project calls and instantiations: the strongest effect their code runs. */
  hit?: Hit;
  /** For service-instantiation: the class name and whether it was `X.getInstance()`. */
  className?: string;
  /** Line of the enclosing top-level statement (suppression comments may target it). */
  statementLine?: number;
}

/** An engine created when a module is evaluated (directly or through project code). */
export interface EngineCreation {
  label: string;
  file: string;
  line: number;
  column: number;
  /** The module-level expression (`new ZeroDBService`) when the engine is created inside it. */
  through?: string;
  statementLine?: number;
}

export interface EffectAnalysis {
  effects: ModuleEffect[];
  engines: EngineCreation[];
}

const cache = new WeakMap<ProjectGraph, EffectAnalysis>();

/**
 * Every module-level effect in files some entry loads eagerly (memoised per graph). With `--cache`
 * the analysis is kept while the graph's structure, every file's facts but their sizes, and the
 * configured engines are unchanged: it reads no size.
 */
export function analyzeEffects(graph: ProjectGraph, config: ResolvedConfig): EffectAnalysis {
  let hit = cache.get(graph);
  if (!hit) {
    const memo = graph.structureMemo;
    const key = memo && graph.factsDigest ? `effects\0${JSON.stringify(config.engines)}\0${graph.factsDigest}` : null;
    const kept = key ? (memo!.get(key) as KeptAnalysis | undefined) : undefined;
    if (kept) hit = relinked(graph, kept);
    else {
      hit = analyze(graph, config);
      if (key) memo!.set(key, unlinked(graph, hit));
    }
    cache.set(graph, hit);
  }
  return hit;
}

/** An analysis as kept: each effect's fact named by file and index instead of referenced. */
interface KeptAnalysis {
  effects: Array<Omit<ModuleEffect, 'fact'> & { at: number }>;
  engines: EngineCreation[];
}

function unlinked(graph: ProjectGraph, analysis: EffectAnalysis): KeptAnalysis {
  return {
    effects: analysis.effects.map(({ fact, ...rest }) => ({ ...rest, at: effectsOf(graph.facts.get(rest.file)!).indexOf(fact) })),
    engines: analysis.engines,
  };
}

function relinked(graph: ProjectGraph, kept: KeptAnalysis): EffectAnalysis {
  return {
    effects: kept.effects.map(({ at, file, ...rest }) => ({ file, fact: effectsOf(graph.facts.get(file)!)[at]!, ...rest })),
    engines: kept.engines,
  };
}

function analyze(graph: ProjectGraph, config: ResolvedConfig): EffectAnalysis {
  const catalog = catalogWith(config.engines);
  const follower = new Follower(graph, catalog);
  const effects: ModuleEffect[] = [];
  const engines: EngineCreation[] = [];
  const files = [...graph.facts.keys()].filter((f) => graph.entriesOf(f).length > 0).sort();
  for (const file of files) {
    for (const fact of effectsOf(graph.facts.get(file)!)) {
      const statementLine = fact.statementLine;
      if (fact.kind === 'await') {
        effects.push(kept(file, fact, { category: 'await' }));
        continue;
      }
      if (!fact.callee) continue;
      const origin = originOf(graph, file, fact.callee);
      const direct = classifyDirect(catalog, origin, fact.kind);
      if (direct) {
        effects.push(kept(file, fact, { category: direct.category, direct }));
        if (direct.category === 'engine') engines.push({ label: direct.label, file, line: fact.line, column: fact.column, ...(statementLine ? { statementLine } : {}) });
        continue;
      }
      if (origin.type !== 'decl') {
        if (isEmitterListener(fact)) effects.push(kept(file, fact, { category: 'listener' }));
        continue;
      }
      const { decl, path } = origin;
      const isNew = decl.kind === 'class' && fact.kind === 'new' && path.length === 0;
      const isSingleton = decl.kind === 'class' && fact.kind === 'call' && path.length === 1 && SINGLETON_METHOD.test(path[0]!) && !!decl.staticMethodNames?.includes(path[0]!);
      const hits = follower.ofProject(origin, fact.kind, 0, new Set());
      const best = strongest(hits);
      if (isNew || isSingleton) {
        if (!best && follower.isPlainClass(origin.file, decl)) continue;
        effects.push(kept(file, fact, { category: 'service', className: decl.name === 'default' ? fact.text.replace(/^new /, '') : decl.name, ...(best ? { hit: best } : {}) }));
      } else if (best) {
        effects.push(kept(file, fact, { category: best.category, hit: best }));
      }
      // Every engine the followed code creates counts for duplicate-engine, at this site.
      for (const h of hits) {
        if (h.category !== 'engine') continue;
        if (engines.some((e) => e.file === file && e.line === fact.line && e.column === fact.column && e.label === h.label)) continue;
        engines.push({ label: h.label, file, line: fact.line, column: fact.column, through: display(fact), ...(statementLine ? { statementLine } : {}) });
      }
    }
  }
  return { effects, engines };
}

/** An effect kept (made only then: most module-level calls, `router.get(...)`, are not kept). */
function kept(file: string, fact: CallFact, what: Omit<ModuleEffect, 'file' | 'fact' | 'statementLine'>): ModuleEffect {
  return { file, fact, ...(fact.statementLine ? { statementLine: fact.statementLine } : {}), ...what };
}

const LISTEN = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * `pool.on('error', ...)`, `bus.once(...)`, `mongoose.connection.on(...)`: a listener registered on
 * an object (a module-level variable, an import, a global) when the module is evaluated.
 */
function isEmitterListener(fact: CallFact): boolean {
  const callee = fact.callee;
  if (fact.kind !== 'call' || !callee) return false;
  const last = callee.path[callee.path.length - 1];
  if (last === undefined || !LISTEN.has(last)) return false;
  // `import { on } from 'node:events'; on(emitter, 'x')` is not a registration on a receiver.
  return callee.type === 'local' || callee.path.length >= 2;
}

/** How a module-level call reads in a message: `createDb()`, `new ZeroDBService()`. */
export function display(fact: CallFact): string {
  return `${fact.text}()`;
}
