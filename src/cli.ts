// The command line: parse argv, run the scan, render, and return an exit code. Never touches
// `process`: bin/importscan.js passes the streams in and sets the exit code.
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { gate } from './baseline/gate.js';
import { CONFIG_FILE, CONFIG_FILE_JSONC } from './config/load.js';
import { STARTER_FILE, starterConfig } from './config/starter.js';
import { UsageError } from './errors.js';
import { toDot, toGraphJson, toMermaid } from './graph/export.js';
import type { ScanOptions, ScanOutput } from './pipeline.js';
import type { ScanResult } from './types.js';
import { VERSION } from './version.js';

/** The scanner (and TypeScript's parser) load only when a command scans: `--help` stays fast. */
async function loadScanner(): Promise<(options: ScanOptions) => ScanOutput> {
  return (await import('./pipeline.js')).scan;
}

/** What the CLI reads and writes, so it can run in process in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  cwd: string;
}

interface MainOptions {
  project?: string;
  config?: string;
  format: string;
  output?: string;
  maxWarnings?: number;
  rule: string[];
  fix?: boolean;
  fixDryRun?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  strictBaseline?: boolean;
  since?: string;
  measure?: boolean;
  measureRuns: number;
  measureTimeout: number;
  graph?: string;
  top: number;
  quiet?: boolean;
  color: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

const integer = (name: string) => (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${name} takes a whole number`);
  return Number(value);
};

function sharedOptions(cmd: Command): Command {
  return cmd
    .option('-p, --project <tsconfig>', 'tsconfig used for resolution (default: nearest tsconfig.json)')
    .option('-c, --config <file>', 'config file (default: importscan.config.json at or above the first path)')
    .option('--rule <id=severity>', 'override one rule\'s severity (off|info|warning|error); repeatable', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--no-color', 'no colours (also when NO_COLOR is set or stdout is not a TTY)');
}

function mainProgram(): Command {
  const program = new Command('importscan')
    .description('Why does your server start slowly? Eager import graphs, import-time side effects and heavy packages per router entry.')
    .argument('[paths...]', 'entry files, or directories whose every source file is an entry')
    .addOption(new Option('-f, --format <name>', 'stylish, table, json, sarif, github, markdown, waterfall (with --measure)').default('stylish'))
    .option('-o, --output <file>', 'write the report there instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', integer('--max-warnings'))
    .option('--fix', 'apply the safe lazy-import rewrites in place')
    .option('--fix-dry-run', 'print each rewrite as a unified diff; change nothing')
    .option('--baseline <file>', 'hide findings recorded in this file')
    .option('--update-baseline', 'write the current findings to the --baseline file')
    .option('--strict-baseline', 'fail (exit 1) when baseline entries are stale, so the baseline only shrinks')
    .option('--since <git-ref>', 'report only findings in files changed since the ref')
    .option('--measure', 'also load each entry in a fresh Node process and time every module (this RUNS your code: point it at a dev database or none)')
    .option('--measure-runs <n>', 'with --measure: runs per entry, each in a fresh process; the median is reported', integer('--measure-runs'), 1)
    .option('--measure-timeout <ms>', 'with --measure: time an entry may take to import before it counts as hung', integer('--measure-timeout'), 30_000)
    .option('--cache', 'cache per-file facts between runs')
    .option('--cache-location <path>', 'cache file or directory (default: node_modules/.cache/importscan/ under the root)')
    .addOption(new Option('--graph <format>', 'print the eager import graph instead of findings').choices(['dot', 'mermaid', 'json']))
    .option('--top <n>', 'rows in the heaviest-routers table', integer('--top'), 20)
    .option('--quiet', 'errors only')
    .version(VERSION, '-v, --version')
    .helpOption('-h, --help')
    .addHelpText(
      'after',
      `
Commands:
  importscan why <entry> <module-or-package>   every shortest eager import chain from entry to it
  importscan init                              write a commented starter importscan.config.jsonc

Exit codes: 0 no error findings and warnings within --max-warnings; 1 otherwise; 2 the run could not be done.

Examples:
  importscan ./src/routes
  importscan ./src/routes --format table --top 10
  importscan why src/routes/reports.ts aws-sdk
  importscan ./src/routes --format json -o report.json`,
    );
  return sharedOptions(program);
}

function isColorOn(io: CliIo, requested: boolean): boolean {
  return requested && io.isTTY && io.env.NO_COLOR === undefined;
}

/** Runs the CLI with argv (without node and script). Returns the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    if (argv[0] === 'why') return await runWhy(argv.slice(1), io);
    if (argv[0] === 'init') return await runInit(argv.slice(1), io);
    return await runMain(argv, io);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2; // commander already wrote its one-line message
    }
    if (error instanceof UsageError) {
      io.stderr(`importscan: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`importscan: internal error: ${message.split('\n')[0]} (please report it)\n`);
    return 2;
  }
}

function configure(program: Command, io: CliIo): Command {
  program.exitOverride().configureOutput({
    writeOut: (s) => io.stdout(s),
    writeErr: (s) => io.stderr(s),
    outputError: (s, write) => write(`importscan: ${s.replace(/^error: /, '').trim()}\n`),
  });
  return program;
}

async function runMain(argv: string[], io: CliIo): Promise<number> {
  const program = configure(mainProgram(), io);
  let paths: string[] = [];
  program.action((p: string[]) => {
    paths = p;
  });
  program.parse(argv, { from: 'user' });
  const opts = program.opts<MainOptions>();
  const notYet = (what: string) => new UsageError(`${what} is not yet available in importscan ${VERSION}`);
  // Reporters list rule metadata, which loads the rules: only once a command runs, so --help stays fast.
  const { PLANNED_FORMATS, REPORTERS } = await import('./report/index.js');
  const { jsonChunks } = await import('./report/json.js');
  if (!REPORTERS[opts.format]) {
    if (PLANNED_FORMATS.includes(opts.format)) throw notYet(`--format ${opts.format}`);
    throw new UsageError(`unknown format '${opts.format}': expected one of ${[...Object.keys(REPORTERS), ...PLANNED_FORMATS].join(', ')}`);
  }
  // A location ending in a separator names a directory even before it exists (path.resolve drops the separator).
  const cacheLocation = opts.cacheLocation && path.resolve(io.cwd, opts.cacheLocation) + (/[\\/]$/.test(opts.cacheLocation) ? path.sep : '');
  const cache = opts.cache || opts.cacheLocation ? new (await import('./cache/facts-cache.js')).FactsCache(VERSION, cacheLocation) : null;

  for (const p of paths) if (!fs.existsSync(path.resolve(io.cwd, p)) && !isSymlink(path.resolve(io.cwd, p))) throw new UsageError(`path does not exist: ${p}`);
  const scan = await loadScanner();
  const scanOptions: ScanOptions = {
    paths: paths.map((p) => path.resolve(io.cwd, p)),
    project: opts.project && path.resolve(io.cwd, opts.project),
    config: opts.config && path.resolve(io.cwd, opts.config),
    ruleOverrides: opts.rule,
    ...(cache ? { factsOf: cache.factsOf, memoOf: cache.memoOf, structureMemoOf: cache.structureMemoOf, projectOf: cache.projectOf, digestOf: cache.digestOf, listingsFor: cache.listingsFor } : {}),
  };
  if (opts.measure) scanOptions.measured = await measure(scanOptions, opts, io);
  if (opts.fixDryRun) {
    // Fixes load only when asked for: the plain scan never imports src/fix/run or ts-morph.
    const { renderDryRun } = await import('./fix/run.js');
    const dry = scan(scanOptions);
    if (opts.output) writeOutput(path.resolve(io.cwd, opts.output), [renderDryRun(dry)]);
    else io.stdout(renderDryRun(dry));
    return exitCode(dry.result, opts.maxWarnings);
  }
  const output = opts.fix ? await (await import('./fix/run.js')).fixAndRescan(() => scan(scanOptions), io.stderr) : scan(scanOptions);
  cache?.save();
  if (io.env.IMPORTSCAN_TIMING) io.stderr(output.timings.format());
  const gated = gate(output.result, {
    baseline: opts.baseline && path.resolve(io.cwd, opts.baseline),
    isBaselineUpdated: opts.updateBaseline,
    isBaselineStrict: opts.strictBaseline,
    since: opts.since,
    isQuiet: opts.quiet,
  });
  const isColor = isColorOn(io, opts.color) && !opts.output;
  let chunks: Iterable<string>;
  if (opts.graph) {
    chunks = [opts.graph === 'dot' ? toDot(output.graph) : opts.graph === 'mermaid' ? toMermaid(output.graph) : toGraphJson(output.graph)];
  } else if (opts.format === 'json') {
    chunks = jsonChunks(gated.result); // written piece by piece: large reports are never one string
  } else {
    chunks = [REPORTERS[opts.format]!(gated.result, { isColor, top: opts.top, isQuiet: opts.quiet === true })];
  }
  if (opts.output) writeOutput(path.resolve(io.cwd, opts.output), chunks);
  else for (const chunk of batched(chunks)) io.stdout(chunk);
  for (const note of gated.notes) io.stderr(`importscan: ${note}\n`);
  return gated.isFailed ? 1 : exitCode(gated.result, opts.maxWarnings);
}

/** Loads each entry in a child process (src/measure) and returns the outcomes for the scan. */
async function measure(scanOptions: ScanOptions, opts: MainOptions, io: CliIo) {
  const { planScan } = await import('./pipeline.js');
  const { measureEntries } = await import('./measure/index.js');
  const plan = planScan(scanOptions);
  io.stderr(`importscan: measuring ${plan.entries.length} ${plan.entries.length === 1 ? 'entry' : 'entries'} (runs your code)...\n`);
  return measureEntries({
    root: plan.root,
    entries: plan.entries,
    ...(plan.project.file ? { tsconfig: plan.project.file } : {}),
    timeoutMs: opts.measureTimeout,
    runs: Math.max(1, opts.measureRuns),
  });
}

/** Contract exit code: 1 on an error finding or more warnings than allowed. */
export function exitCode(result: ScanResult, maxWarnings: number | undefined): number {
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) return 1;
  return 0;
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function writeOutput(file: string, chunks: Iterable<string>): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'w');
    for (const chunk of batched(chunks)) fs.writeSync(fd, chunk);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Joins small pieces into writes of about 1 MB. */
function* batched(chunks: Iterable<string>): Generator<string> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) {
      yield pending.join('');
      pending = [];
      size = 0;
    }
  }
  if (pending.length) yield pending.join('');
}

async function runWhy(argv: string[], io: CliIo): Promise<number> {
  const program = configure(
    sharedOptions(
      new Command('importscan why')
        .description('Print every shortest eager import chain by which <entry> loads a project file or package.')
        .argument('<entry>', 'the entry file')
        .argument('<module-or-package>', 'a project file path or a package name')
        .helpOption('-h, --help'),
    ),
    io,
  );
  let args: string[] = [];
  program.action((entry: string, target: string) => {
    args = [entry, target];
  });
  program.parse(argv, { from: 'user' });
  const opts = program.opts<{ project?: string; config?: string; rule: string[] }>();
  const [entry, target] = args as [string, string];
  const entryPath = path.resolve(io.cwd, entry);
  if (!fs.existsSync(entryPath) || !fs.statSync(entryPath).isFile()) throw new UsageError(`entry is not a file: ${entry}`);
  const scan = await loadScanner();
  const { graph, result } = scan({ paths: [entryPath], project: opts.project, config: opts.config, ruleOverrides: opts.rule });
  const entryNode = graph.entries[0]!;
  const targetPath = path.resolve(io.cwd, target);
  const targets = fs.existsSync(targetPath)
    ? [fs.realpathSync(targetPath)]
    : graph.closure(entryNode).eager.filter((n) => graph.isPackage(n) && graph.rel(n) === target);
  const effects = new Map<string, Set<string>>();
  for (const f of result.findings) {
    if (!f.ruleId.startsWith('side-effect/')) continue;
    if (!effects.has(f.file)) effects.set(f.file, new Set());
    effects.get(f.file)!.add(f.ruleId.slice('side-effect/'.length));
  }
  const lines: string[] = [];
  const { joinChain, lazyLinks } = await import('./fix/why-links.js');
  const lazy = lazyLinks(graph, result.findings);
  const notes = new Set<string>();
  for (const t of targets) {
    for (const chain of graph.allShortestChains(entryNode, t)) {
      const label = (n: string) => {
        const rel = graph.rel(n);
        const kinds = effects.get(rel);
        return kinds ? `${rel} [${[...kinds].sort().join(', ')}]` : rel;
      };
      const joined = joinChain(chain, label, lazy);
      lines.push(joined.line);
      for (const note of joined.notes) notes.add(note);
    }
  }
  if (!lines.length) {
    io.stdout(`${graph.rel(entryNode)} does not load ${target} eagerly\n`);
    return 1;
  }
  if (notes.size) lines.push('', '~> could be made lazy (loaded on first use):', ...[...notes].sort().map((n) => `  ${n}`));
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

async function runInit(argv: string[], io: CliIo): Promise<number> {
  const program = configure(
    new Command('importscan init').description(`Write a commented starter ${STARTER_FILE} with every rule at its default severity.`).helpOption('-h, --help'),
    io,
  );
  program.parse(argv, { from: 'user' });
  for (const name of [CONFIG_FILE, CONFIG_FILE_JSONC]) {
    if (fs.existsSync(path.join(io.cwd, name))) throw new UsageError(`${name} already exists`);
  }
  const file = path.join(io.cwd, STARTER_FILE);
  fs.writeFileSync(file, starterConfig((await import('./report/index.js')).ruleInfos()));
  io.stdout(`wrote ${path.relative(io.cwd, file)}\n`);
  return 0;
}
