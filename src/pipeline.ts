// The scan, stage by stage: discover -> parse -> resolve -> graph -> weigh -> analyze (rules) -> result.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { stabiliseFingerprints } from './baseline/fingerprint.js';
import { applyRuleOverrides, findConfig, loadConfig } from './config/load.js';
import type { ResolvedConfig } from './config/schema.js';
import { discoverEntries, discoverFromGlobs, listSourceFiles, sourceFilesIn } from './discover/entries.js';
import { UsageError } from './errors.js';
import { IMPORTS_SLOT, type MemoOf } from './cache/memo.js';
import { buildGraph, type BuildOptions } from './graph/build.js';
import { entryReport } from './graph/entry-report.js';
import type { ProjectGraph } from './graph/project-graph.js';
import { structureDigest, type StructureMemo } from './graph/structure-memo.js';
import { rewriteFactsHook } from './fix/plan-in-scan.js';
import { readFacts, readSourceText } from './parse/read.js';
import { ModuleResolver } from './resolve/resolver.js';
import { resolutionStamp, type Listings } from './resolve/stamp.js';
import { findTsconfig, loadTsconfig, NO_TSCONFIG, type ProjectConfig } from './resolve/tsconfig.js';
import { runRules, type RuleHost } from './rules/engine.js';
import { defaultSeverities, RULES } from './rules/index.js';
import { addMeasurements } from './measure/report.js';
import type { FileFacts, Resolved, ScanResult } from './types.js';
import type { MeasureOutcome } from './measure/index.js';
import { Timings } from './timings.js';
import { VERSION } from './version.js';
import { weighGraph } from './weigh/index.js';
import type { Weights } from './weigh/types.js';

/** Files parsed from which a full garbage collection after parsing pays for itself in peak memory. */
const LARGE_PARSE = 10_000;

/** A full garbage collection (how Jest reaches `gc` without a command-line flag). */
function collectGarbage(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  } catch {
    // a runtime without it: the collection is an optimisation only
  }
}

/**
 * The texts of the files the parse read, kept for the rules' rewrites and the fingerprints (reading
 * them again cost 70 ms of a 5k scan) up to a budget, past which files are read again: at 50,000
 * files all of them would be 230 MB.
 */
class KeptTexts {
  private readonly texts = new Map<string, string>();
  private size = 0;
  readonly keep = (file: string, text: string): void => {
    if (this.size + text.length > TEXT_BUDGET) return;
    this.texts.set(file, text);
    this.size += text.length;
  };

  get(file: string): string | undefined {
    return this.texts.get(file);
  }
}

/** Characters of file text kept (KeptTexts): a 5k repo's files are 23 million. */
const TEXT_BUDGET = 48_000_000;

/** What a scan is asked to do. Everything is optional except the paths (or config entries). */
export interface ScanOptions {
  paths: string[];
  /** tsconfig path (`-p`). */
  project?: string;
  /** config file path (`-c`). */
  config?: string;
  /** `--rule id=severity` overrides. */
  ruleOverrides?: string[];
  /** Keep type-only imports as edges (comparison mode for cross-checks with madge). */
  isTypeOnlyKept?: boolean;
  /** Facts provider (a cache, given the scan root to place itself); defaults to parsing every file. */
  factsOf?: (file: string, root: string, parse: (file: string) => FileFacts) => FileFacts;
  /** What `--cache` keeps derived from each file's bytes (src/cache/memo): resolutions, rewrites, statements. */
  memoOf?: MemoOf;
  /** Directory listings the resolution stamp keeps (`--cache`), for a root. */
  listingsFor?: (root: string) => Listings;
  /** A tsconfig's options (`--cache` keeps them while its files are unchanged); defaults to reading it. */
  projectOf?: (tsconfig: string) => ProjectConfig;
  /** A file's facts digest (sizes left out), from `--cache`; null when it has none. */
  digestOf?: (file: string) => string | null;
  /** What `--cache` keeps of a graph structure (by its digest, src/graph/structure-memo): dominator trees, and with digestOf the effect analysis and facts-only rules' diagnostics. */
  structureMemoOf?: (digest: string) => StructureMemo;
  /** `--measure` outcomes (from src/measure, computed by the caller before the scan). */
  measured?: MeasureOutcome[];
  /** Package weights for the graph; defaults to weighing node_modules (src/weigh). */
  weigh?: (graph: ProjectGraph, config: ResolvedConfig) => Weights;
}

/** The scan's result plus the objects behind it (for `why`, `--graph` and fixes). */
export interface ScanOutput {
  result: ScanResult;
  graph: ProjectGraph;
  config: ResolvedConfig;
  project: ProjectConfig;
  resolver: ModuleResolver;
  /** Milliseconds per stage (printed with IMPORTSCAN_TIMING=1). */
  timings: Timings;
}

/** Runs a whole scan. Throws UsageError for input that makes the run impossible (exit 2). */
export function scan(options: ScanOptions): ScanOutput {
  const started = performance.now();
  for (const p of options.paths) {
    if (!fs.existsSync(p) && !fs.lstatSync(p, { throwIfNoEntry: false })) throw new UsageError(`path does not exist: ${shown(p)}`);
  }

  const timings = new Timings();
  const { config, project, root, entries } = timings.time('discover', () => planScan(options));

  // Parse, resolve, graph (parse and resolve are timed inside the walk).
  const resolver = new ModuleResolver(project);
  // What the rewrites need from each tree is read while it is in memory, when the rule that reports them is on.
  const hook = config.rules['lazy-import']?.severity === 'off' ? undefined : rewriteFactsHook;
  // Without a cache, the calls inside declarations are read again only for the files whose
  // declarations module-level code runs (src/parse/decl-bodies); a cache keeps them for every file.
  const hasBodies = options.factsOf !== undefined;
  const kept = new KeptTexts();
  let parsedCount = 0;
  const parseOne = (file: string) => (parsedCount++, readFacts(file, hook, hasBodies, kept.keep));
  const parse = options.factsOf ? (file: string) => options.factsOf!(file, root, parseOne) : parseOne;
  const stamp = options.memoOf ? timings.time('resolve', () => resolutionStamp(root, project, options.isTypeOnlyKept ? 'type-only kept' : '', options.listingsFor?.(root))) : null;
  const linksOf = options.memoOf && stamp && !stamp.hasLinks ? keptLinks(options.memoOf, root, stamp.stamp) : undefined;
  const graph = timings.time('graph', () =>
    buildGraph({
      root,
      entries,
      resolver,
      project,
      factsOf: (file) => timings.time('parse', () => parse(file)),
      timeResolve: (resolveFile) => timings.time('resolve', resolveFile),
      isTypeOnlyKept: options.isTypeOnlyKept,
      linksOf,
    }),
  );

  timings.time('digests', () => {
    if (options.structureMemoOf) {
      graph.structureKey = structureDigest(graph);
      graph.structureMemo = options.structureMemoOf(graph.structureKey);
    }
    if (options.digestOf) graph.factsDigest = factsDigestOf(graph, options.digestOf);
  });
  resolver.releaseResolutions();
  // Parsing leaves the heap fragmented (every syntax tree is garbage); after many files one full
  // collection here lets the rules reuse that space (50k files: peak RSS 2.01 -> 1.95 GB). A run
  // that read its facts from --cache made no trees: there it cost 90 ms at 20k files for nothing.
  if (parsedCount >= LARGE_PARSE) collectGarbage();

  // Weigh, analyze.
  const weights = timings.time('weigh', () => (options.weigh ? options.weigh(graph, config) : weighGraph(graph, config)));
  const measured = new Map((options.measured ?? []).map((m) => [path.join(root, m.entry), m]));
  let sources: string[] | undefined;
  let lastText: { file: string; text: string } | null = null;
  const textOf = (file: string): string => {
    // The texts the parse read; else the rules ask file by file (a file's findings are consecutive): keep the last one read.
    const text = kept.get(file);
    if (text !== undefined) return text;
    if (lastText?.file !== file) lastText = { file, text: readSourceText(file) };
    return lastText.text;
  };
  const host: RuleHost = {
    project,
    formatOf: (file) => resolver.formatOf(file),
    textOf,
    // The stamp's walk saw every file: without links to follow, the source files are among them.
    sourceFiles: () => (sources ??= stamp && !stamp.hasLinks ? sourceFilesIn(stamp.files, root) : listSourceFiles(root)),
    ...(options.memoOf ? { memoOf: options.memoOf } : {}),
  };
  const findings = timings.time('rules', () => runRules(graph, config, weights, RULES, measured, host, timings));
  timings.time('fingerprints', () => stabiliseFingerprints(findings, root, options.memoOf, textOf));
  const entryReports = timings.time('entries', () => entries.map((e) => entryReport(graph, weights, e, findings)).sort((a, b) => (a.file < b.file ? -1 : 1)));
  if (options.measured) addMeasurements(entryReports, findings, options.measured);
  const modules = eagerFileCount(graph, entries);

  const result: ScanResult = {
    schemaVersion: 1,
    tool: { name: 'importscan', version: VERSION },
    root,
    entries: entryReports,
    findings,
    summary: {
      entries: entries.length,
      modules,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      durationMs: Math.round(performance.now() - started),
    },
  };
  return { result, graph, config, project, resolver, timings };
}

/**
 * `--cache`: each file's links (its resolutions, and each import's specifier and flags: what the
 * walk reads, so a file with kept links has its import facts left unparsed) kept with its facts
 * while the resolution stamp (src/resolve/stamp) is unchanged. The stamp covers the names under
 * the root only: a file with an unresolved import, or one that resolves to a file outside the
 * root, is resolved again on every run (a file added there could change the answer).
 */
function keptLinks(memoOf: MemoOf, root: string, stamp: string): BuildOptions['linksOf'] {
  const inside = root.endsWith(path.sep) ? root : root + path.sep;
  const isCovered = (r: Resolved | null) => r?.type !== 'unresolved' && (r?.type !== 'file' || r.path.startsWith(inside));
  // Resolutions kept as one string per file (each resolution's JSON on a line, null as `-`) and
  // read back as one object per distinct resolution: most files import the same few hundred modules.
  const distinct = new Map<string, Resolved>();
  const decode = (line: string): Resolved | null => {
    if (line === '-') return null;
    let r = distinct.get(line);
    if (!r) distinct.set(line, (r = JSON.parse(line) as Resolved));
    return r;
  };
  return (file, linksOf) => {
    const memo = memoOf(file);
    const kept = memo?.get(LINKS_SLOT, stamp) as KeptLinks | undefined;
    if (kept) {
      return {
        resolutions: kept.resolutions === '' ? [] : kept.resolutions.split('\n').map(decode),
        specifiers: JSON.parse(kept.specifiers) as string[],
        flags: Uint8Array.from(kept.flags, (c) => c.charCodeAt(0) - 48),
      };
    }
    const made = linksOf();
    if (made.resolutions.every(isCovered)) {
      const resolutions = made.resolutions.map((r) => (r ? JSON.stringify(r) : '-')).join('\n');
      memo?.set(LINKS_SLOT, stamp, { resolutions, specifiers: JSON.stringify(made.specifiers), flags: Array.from(made.flags, (f) => String.fromCharCode(f + 48)).join('') } satisfies KeptLinks);
    }
    return made;
  };
}

/**
 * A file's links as kept: resolutions as lines, specifiers as JSON text, flags as one digit each
 * (text, not bytes: a buffer per file is slower to read back than a short string).
 */
interface KeptLinks {
  resolutions: string;
  specifiers: string;
  flags: string;
}

/** A file's links depend on its imports and the stamp, not on the rest of its text (src/cache/memo). */
const LINKS_SLOT = `${IMPORTS_SLOT}links`;

/**
 * One digest of every parsed file's facts digest, in the order the walk parsed them (null when one
 * is missing): the same files and facts give the same order, so no sort; it keys values kept with
 * the structure, which already fixes the files.
 */
function factsDigestOf(graph: ProjectGraph, digestOf: (file: string) => string | null): string | null {
  let text = '';
  for (const file of graph.facts.keys()) {
    const digest = digestOf(file);
    if (!digest) return null;
    text += `${file}\0${digest}\n`;
  }
  return createHash('sha1').update(text).digest('hex');
}

/** Project files in the union of the entries' eager closures (a mark per node id, not a set of paths). */
function eagerFileCount(graph: ProjectGraph, entries: string[]): number {
  const g = graph.indexed();
  const seen = new Uint8Array(g.names.length);
  let count = 0;
  for (const e of entries) {
    const { eagerIds } = graph.closure(e);
    if (eagerIds.length === 0) {
      count += 1; // an entry that is not in the graph: itself (its own closure)
      continue;
    }
    for (const id of eagerIds) if (!seen[id] && !g.isPackage[id]) (seen[id] = 1), count++;
  }
  return count;
}

/** What a scan will cover: config, tsconfig, root and entries (the discover stage). */
export interface ScanPlan {
  config: ResolvedConfig;
  project: ProjectConfig;
  root: string;
  entries: string[];
}

/** Loads config and tsconfig and discovers the entries. Throws UsageError for bad input. */
export function planScan(options: ScanOptions): ScanPlan {
  const first = options.paths[0] ? path.resolve(options.paths[0]) : process.cwd();
  // Config and tsconfig.
  const configFile = options.config ? { file: path.resolve(options.config) } : findConfig(first);
  if (options.config && !fs.existsSync(configFile!.file)) throw new UsageError(`config not found: ${options.config}`);
  const config = loadConfig(configFile, defaultSeverities());
  applyRuleOverrides(config, options.ruleOverrides ?? []);
  const tsconfigFile = options.project ? path.resolve(options.project) : (config.tsconfig ?? findTsconfig(first));
  const project = tsconfigFile ? (options.projectOf ?? loadTsconfig)(tsconfigFile) : NO_TSCONFIG;
  const root = rootOf(project, first);

  // Discover.
  let entries: string[];
  if (options.paths.length) entries = discoverEntries(options.paths, { root, ignore: config.ignore });
  else if (config.entries.length) entries = discoverFromGlobs(config.entries, { root: config.file ? path.dirname(config.file) : root, ignore: config.ignore });
  else throw new UsageError('no paths given and no `entries` in the config');
  if (entries.length === 0) throw new UsageError(`no source files found in ${options.paths.map(shown).join(', ') || config.entries.join(', ')}`);

  return { config, project, root, entries };
}

/** A path as the user would recognise it: relative to the working directory when inside it. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

/** The report root: the tsconfig's directory, else the nearest package.json's, else the cwd. */
function rootOf(project: ProjectConfig, first: string): string {
  if (project.file) return fs.realpathSync(path.dirname(project.file));
  let dir = fs.existsSync(first) && fs.statSync(first).isDirectory() ? first : path.dirname(first);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return fs.realpathSync(dir);
    const parent = path.dirname(dir);
    if (parent === dir) return fs.realpathSync(process.cwd());
    dir = parent;
  }
}
