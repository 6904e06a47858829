// Shared data types: per-file facts (parse), the module graph (graph) and the scan result (report).
// Everything here is plain serialisable data so it can be cached and computed in workers.

/** Severity of a finding, as in the contract. `off` disables a rule. */
export type Severity = 'off' | 'info' | 'warning' | 'error';

/** A position in a source file: 1-based line and column, 0-based offsets. */
export interface Span {
  line: number;
  column: number;
  start: number;
  end: number;
}

/** How one import statement or call brings in a module. */
export type ImportKind =
  | 'static' // import x from 'y', import {a} from 'y', import * as ns from 'y'
  | 'side-effect' // import 'y'
  | 'reexport' // export {a} from 'y', export * from 'y', export * as ns from 'y'
  | 'import-equals' // import x = require('y')
  | 'require' // require('y')
  | 'dynamic'; // import('y')

/** Where a binding is used: offsets only (files hold many uses; a line is computed when a report needs one). */
export interface BindingUse {
  start: number;
  end: number;
  /**
   * `module`: evaluated at module level (incl. decorators, extends, static init, IIFE bodies);
   * `function`: inside a function body; `type`: in a type position (elided by the compiler);
   * `export`: re-exported (`export { x }`, `export default x`).
   */
  where: 'module' | 'function' | 'type' | 'export';
  /** For `function` uses: the innermost enclosing function. */
  fn?: FunctionRef;
  /** For uses in JSX (`<Foo/>`). */
  isJsx?: boolean;
  /** A type use that `emitDecoratorMetadata` turns into a value (a decorated constructor's parameter type). */
  isDecoratorMetadata?: boolean;
  /** A shorthand property (`{ x }`): a rewrite must keep the key (`{ x: getX() }`). */
  isShorthand?: boolean;
}

/** The function enclosing a use: enough for the lazy-import rule to choose a rewrite. */
export interface FunctionRef {
  /** Offsets of the whole function node. */
  start: number;
  end: number;
  line: number;
  isAsync: boolean;
  /** Name when it has one (declaration, method, `const f = () => {}`). */
  name?: string;
  /** The outermost function containing this one (a top-level function, method or arrow). */
  outerStart: number;
  outerIsAsync: boolean;
}

/** One local binding introduced by an import. */
export interface ImportBinding {
  /** Local name in this file. */
  local: string;
  /** Imported name: `default`, `*` (namespace / whole CommonJS module), or the export name. */
  imported: string;
  /** Declared with `type` (import type or `import { type X }`). */
  isTypeOnly: boolean;
  /**
   * Which kinds of use it has, as bits (src/parse/uses: USE.module, function, type, export). The uses
   * themselves are in the details: FactsDetails.uses.
   */
  useKinds: number;
  /** For `import { a }` / `import { a as b }`: offsets of the specifier, and whether it is renamed. */
  specifierStart?: number;
  specifierEnd?: number;
  isAliased?: boolean;
}

/** One import edge as written in a file. */
export interface ImportFact extends Span {
  specifier: string;
  kind: ImportKind;
  /** Evaluated only later: a dynamic import anywhere, or a require() inside a function. */
  isLazy: boolean;
  /**
   * Not emitted at run time: `import type`, `export type`, every specifier type-only, or every
   * binding used only in type positions (the compiler elides it unless verbatimModuleSyntax).
   */
  isTypeOnly: boolean;
  /** True when every binding is used only as a type (elided unless verbatimModuleSyntax). */
  isElidedUnlessVerbatim: boolean;
  /** Condition set Node uses for this import: ESM `import` or CommonJS `require`. */
  condition: 'import' | 'require';
  bindings: ImportBinding[];
  /** Elided as type-only, except that `emitDecoratorMetadata` keeps it (decorated constructor parameter types). */
  isKeptByDecoratorMetadata?: boolean;
  /** For dynamic import()/require() whose argument is not a string literal. */
  isNonLiteral?: boolean;
  /** Names re-exported (`export { a as b } from`): exported name -> imported name. `*` for export *. */
  reexports?: Array<{ exported: string; imported: string }>;
}

/** What a call or `new` at module level (or in a function body) calls, traced to its binding. */
export type CalleeRef =
  | { type: 'import'; source: string; path: string[]; importIndex: number }
  | { type: 'global'; path: string[] }
  | { type: 'local'; name: string; path: string[] };

/** A call, `new`, `await` or other effect candidate. Classified later by the rules. */
export interface CallFact extends Span {
  kind: 'call' | 'new' | 'await' | 'tagged';
  /** Absent for `await` and for callees that cannot be traced to a binding. */
  callee?: CalleeRef;
  /** Source text of the callee, for messages (`new pg.Pool`, `fs.readFileSync`). */
  text: string;
  /** Start of the enclosing top-level statement (for fix/suppression anchoring). */
  statementStart: number;
  /** Line of the enclosing top-level statement (for module-level effects), so suppressions above it apply. */
  statementLine?: number;
  /** Name of the variable this value is assigned to at module level, if any (`export const pool = ...`). */
  assignedTo?: string;
  /** For `.on(...)`-style calls: the local name of the receiver, if a plain identifier. */
  receiver?: string;
}

/** A function or class declared at the top level of a file, with the calls its body makes. */
export interface DeclFact extends Span {
  name: string;
  kind: 'function' | 'class';
  /** Exported under these names (`default` for export default). */
  exportedAs: string[];
  /** For classes: the `extends` expression traced to a binding. */
  superClass?: CalleeRef;
  /** For classes: names of the static methods (their calls are in the body, `getInstance`). */
  staticMethodNames?: string[];
  isAsync?: boolean;
}

/** The calls a top-level declaration makes when it runs (kept apart: few are ever followed). */
export interface DeclBody {
  /** Function body calls; for classes: constructor, instance field initialisers. */
  calls: CallFact[];
  /** For classes: static methods with their bodies' calls. */
  staticMethods?: Record<string, CallFact[]>;
}

/** A suppression comment. */
export interface SuppressionFact {
  /** `line` suppresses findings on `targetLine`; `file` suppresses the whole file. */
  scope: 'line' | 'file';
  /** 1-based line the suppression applies to (for `line`). */
  targetLine: number;
  /** Line of the comment itself. */
  line: number;
  column: number;
  /** Rule ids; empty means all rules. */
  ruleIds: string[];
}

/** Everything importscan needs to know about one file, extracted in one pass. Plain data. */
export interface FileFacts {
  /** Absolute path. */
  file: string;
  /** Size in bytes. */
  bytes: number;
  parseError?: { message: string; line: number; column: number };
  imports: ImportFact[];
  /** Module-level calls, `new`s and awaits, in source order; serialised in the cache: read them through effectsOf() (src/parse/details). */
  effects: CallFact[] | Uint8Array;
  /** Some module-level `new` is assigned to a name (`export const db = new Pool()`): what instance accessors rewrite. */
  hasModuleInstance?: true;
  /**
   * Declarations, exports and rewrite shapes: only some files' are read, so the cache keeps them
   * serialised (a Uint8Array); read them through detailsOf() (src/parse/details).
   */
  details: FactsDetails | Uint8Array;
  /**
   * The calls of each declaration (DeclBody[], same order as decls), serialised (v8): read only for
   * the declarations that module-level code calls or constructs (src/effects/follow).
   */
  declBodies?: Uint8Array;
  /** The file has declarations whose calls were not recorded (a scan without `--cache`): declBody() reads them again. */
  bodiesOmitted?: true;
  /** Suppression comments, in source order. */
  suppressions: SuppressionFact[];
  /** Whether the file uses ESM syntax (import/export) vs CommonJS only. */
  isEsm: boolean;
}

/** The parts of a file's facts that only some files need (FileFacts.details). */
export interface FactsDetails {
  /** Top-level functions and classes (for following calls through project code). */
  decls: DeclFact[];
  /** Exported names that are local bindings: exported -> local. */
  localExports: Map<string, string>;
  /** The uses of every import binding: uses[importIndex][bindingIndex] (offsets, enclosing function). */
  uses: BindingUse[][][];
  /**
   * What the lazy-import rewrites need from the tree, read while it was parsed (src/fix/lazy-shapes):
   * present when the file has a candidate import. The rewrites themselves are planned only for the
   * imports the rule reports (most candidates save nothing).
   */
  lazyShapes?: LazyShapes;
  /** Module-level `const x = new X()` accessor rewrites planned while the tree was parsed (src/fix/instance-accessor). */
  accessorPlans?: AccessorPlanData[];
}

/** The import statements and the functions holding candidate imports' uses, as lazy-import plans read them. */
export interface LazyShapes {
  /** Starts of the top-level import declarations. */
  importDeclStarts: number[];
  /** The first and last top-level import statements (declarations and `import x = require()`). */
  firstImportStart: number;
  lastImportStart: number;
  lastImportEnd: number;
  /** Sorted by `at`. */
  functions: FunctionShape[];
}

/** A function-like node with a body, as plain data. */
export interface FunctionShape {
  /** Start (after leading trivia): what FunctionRef.start and outerStart hold. */
  at: number;
  end: number;
  bodyStart: number;
  bodyEnd: number;
  isBlock: boolean;
  /** Start of the body's first statement, -1 when the block is empty or the body an expression. */
  firstStatementStart: number;
  /** Declared `async`. */
  isAsync: boolean;
  /** Where `async ` goes to make it async. */
  asyncAt: number;
  /** `handler()`, `the GET /x handler (line 12)`, `the function at line 3`. */
  label: string;
  /** An argument of `router.get(...)`-style calls. */
  isRouteHandler: boolean;
  /** Names it declares (parameters, body) that are also a candidate import's local names. */
  declared: string[];
}

/** An accessor rewrite's own-file part: see src/fix/instance-accessor (plain data, cached with the facts). */
export interface AccessorPlanData {
  /** Start of the `new` expression (the effect's start). */
  at: number;
  getter: string;
  isExported: boolean;
  /** The declaration replaced by the accessor, then every use in the file. */
  edits: Array<{ start: number; end: number; text: string }>;
}


/** A resolved import target. */
export type Resolved =
  | { type: 'file'; path: string }
  | { type: 'package'; name: string; version: string | null; path: string | null; dir: string | null }
  | { type: 'builtin'; name: string }
  | { type: 'unresolved'; isBare: boolean; reason: string };

/** Weight of a package: what Node loads when it is imported. */
export interface PackageWeight {
  name: string;
  version: string | null;
  /** Modules and bytes of the package's own files reached from its entry point. */
  ownModules: number;
  ownBytes: number;
  /** Keys (`name@version@dir`) of the packages it loads eagerly, transitively closed over is not required. */
  deps: string[];
  /** Totals including every package it loads (each counted once). */
  modules: number;
  bytes: number;
  /** Known heavy from the catalog. */
  isCatalogued: boolean;
  /** Where the figure came from. */
  source: 'node_modules' | 'catalog' | 'unknown';
}

/** One finding, as in the JSON report. */
export interface Finding {
  ruleId: string;
  severity: Exclude<Severity, 'off'>;
  file: string;
  line: number;
  column: number;
  message: string;
  /** Why it matters: "it runs when src/routes/a.ts is imported, via src/db.ts". */
  why?: string;
  /** What to do. */
  help?: string;
  entries: string[];
  chain: string[];
  fix?: FindingFix;
  /** With --measure: the measured import time of the finding's module in its first entry. */
  measured?: { selfMs: number; totalMs: number };
  /** Stable fingerprint for baselines (not in the contract's example; additive). */
  fingerprint?: string;
}

export interface FindingFix {
  description: string;
  diff: string;
  safe: boolean;
  savings: Record<string, { modules: number; bytes: number }>;
}

export interface PackageReport {
  name: string;
  heavy: boolean;
  modules: number | null;
  bytes: number | null;
  chain: string[];
}

export interface EntryCost {
  modules: number;
  bytes: number;
  heavyPackages: number;
  sideEffects: number;
  measuredMs: number | null;
}

export interface EntryReport {
  file: string;
  eagerModules: string[];
  lazyModules: string[];
  packages: PackageReport[];
  cost: EntryCost;
  /** Dynamic imports whose specifier is not a literal: file:line. */
  unresolvableDynamicImports?: string[];
  /** Side effects by rule id (for tables). */
  sideEffectsByKind?: Record<string, number>;
  /** The single import whose removal saves the most. */
  cut?: { file: string; line: number; specifier: string; modules: number; bytes: number } | null;
  /** With --measure: every module evaluated, slowest first; `parent` is who imported it first. */
  measured?: Array<{ module: string; selfMs: number; totalMs: number; parent?: string }>;
}

export interface ScanSummary {
  entries: number;
  modules: number;
  errors: number;
  warnings: number;
  infos: number;
  durationMs: number;
}

/** The whole result of a scan: what every reporter reads. */
export interface ScanResult {
  schemaVersion: 1;
  tool: { name: 'importscan'; version: string };
  root: string;
  entries: EntryReport[];
  findings: Finding[];
  summary: ScanSummary;
}
