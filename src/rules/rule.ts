// rules: what a rule is (metadata + check) and what it may see (the graph, never the file system).
import type { MemoOf } from '../cache/memo.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { FindingFix, Severity } from '../types.js';
import type { MeasureOutcome } from '../measure/index.js';
import type { ProjectConfig } from '../resolve/tsconfig.js';
import type { Weights } from '../weigh/types.js';

/** Rule metadata, as ESLint's `meta`. */
export interface RuleMeta {
  id: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** One sentence: what it flags. */
  description: string;
  hasFix: boolean;
  /**
   * Its diagnostics depend only on the graph's structure, the files' facts (not their sizes or
   * texts) and the config: `--cache` keeps them between runs (src/rules/engine).
   */
  readsFactsOnly?: boolean;
}

/** A diagnostic a rule reports; the engine adds severity, entries, chain and fingerprint. */
export interface Diagnostic {
  /** Absolute path of the file. */
  file: string;
  line: number;
  column: number;
  /** Lines a suppression comment may target (defaults to `line`). */
  lines?: number[];
  message: string;
  why?: string;
  help?: string;
  fix?: FindingFix;
  /** Overrides: which entries and chain (for findings not located in one file's closure). */
  entries?: string[];
  chain?: string[];
  /** Overrides the configured severity (e.g. service-instantiation raised to error). */
  severity?: Exclude<Severity, 'off'>;
  /** The finding's fingerprint, from src/baseline/fingerprint's fingerprinter (a rule that keeps its findings sets it). */
  fingerprint?: string;
}

/** What a rule's check receives. */
export interface RuleContext {
  graph: ProjectGraph;
  config: ResolvedConfig;
  weights: Weights;
  /** The tsconfig facts the scan used (module format, verbatimModuleSyntax, `module`, ...). */
  project: ProjectConfig;
  /** How Node loads a project file: `import` (ESM) or `require` (CommonJS). */
  formatOf(file: string): 'import' | 'require';
  /** The current text of a project file (read by the pipeline: rules never touch the file system). */
  textOf(file: string): string;
  /** Every source file under the root (not node_modules, dist or dot folders), listed once per scan. */
  sourceFiles(): readonly string[];
  /** With `--cache`: values derived from a file's bytes, kept between runs (src/cache/memo). */
  memoOf?: MemoOf;
  /** `--measure` outcomes by absolute entry path (empty without --measure). */
  measured: Map<string, MeasureOutcome>;
  /** The rule's options from config (`["warning", {...}]`). */
  options: Record<string, unknown>;
  report(diagnostic: Diagnostic): void;
  /** What the rules before this one reported (rules run in registry order), before suppressions. */
  reportedSoFar(): ReadonlyArray<{ ruleId: string; file: string; line: number }>;
}

/** A rule: metadata plus a check over the whole graph. */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Identity helper that types a rule (as typescript-eslint's createRule). */
export function createRule(rule: Rule): Rule {
  return rule;
}
