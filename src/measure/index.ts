// Measure stage (--measure): real import time per module, each entry loaded in a fresh Node
// process per run, TypeScript through tsx, module bodies timed by load hooks. See docs/measure.md.
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { attribute } from './attribute.js';
import { failureReason } from './failure-reason.js';
import { runChild, type ChildTimeline } from './run-child.js';
import { writeRuntime } from './runtime-source.js';
import { byModule, median, medianOfRuns, type MeasuredModule, type RunSummary } from './summarize.js';

export type { MeasuredModule } from './summarize.js';

export interface MeasureOptions {
  /** Project root (absolute): the child's working directory, and what module paths are relative to. */
  root: string;
  /** Absolute paths of the entry files (.ts, .js, .mjs, .cjs, ...). */
  entries: string[];
  /** Absolute path of the tsconfig whose `paths` the child resolves with (tsx's TSX_TSCONFIG_PATH). */
  tsconfig?: string;
  /** Per entry and run, from the moment the entry's import starts; the CLI's default is 30000. */
  timeoutMs: number;
  /** Runs per entry, each in a fresh process; the results are their median. */
  runs: number;
  /** Extra environment for the child, over `process.env`. */
  env?: Record<string, string>;
  /** Called with each child's pid when it starts (for tests and progress output). */
  onSpawn?: (pid: number, entry: string) => void;
}

export type MeasureOutcome =
  | { entry: string; ok: true; totalMs: number; modules: MeasuredModule[]; overheadMs: number }
  | { entry: string; ok: false; reason: string };

/**
 * Loads each entry in a fresh Node process (`runs` times, one after another so they do not
 * compete for CPU) and reports its import time and each module's share. Runs the project's code.
 * Entries are measured in the order given; an entry that fails gives `ok: false`, never a throw.
 */
export async function measureEntries(opts: MeasureOptions): Promise<MeasureOutcome[]> {
  // realpath: the child sees resolved paths (macOS /var -> /private/var, symlinked checkouts).
  const root = realpathSync(opts.root);
  const runtimeDir = realpathSync(mkdtempSync(join(tmpdir(), 'importscan-measure-')));
  try {
    const runtime = writeRuntime(runtimeDir);
    const tsxLoader = createRequire(import.meta.url).resolve('tsx');
    const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
    env.NODE_ENV ??= 'development';
    if (opts.tsconfig !== undefined) env.TSX_TSCONFIG_PATH = opts.tsconfig;

    const outcomes: MeasureOutcome[] = [];
    for (const [index, entryPath] of opts.entries.entries()) {
      const entry = relative(root, safeRealpath(entryPath)).split(sep).join('/');
      const runs: RunSummary[] = [];
      let reason: string | undefined;
      for (let run = 0; run < Math.max(1, opts.runs) && reason === undefined; run++) {
        const result = await runChild({
          entry: entryPath,
          cwd: root,
          env,
          timeoutMs: opts.timeoutMs,
          tsxLoader,
          runtime,
          configFile: join(runtimeDir, `config-${index}-${run}.json`),
          resultFile: join(runtimeDir, `result-${index}-${run}.json`),
          onSpawn: (pid) => opts.onSpawn?.(pid, entry),
        });
        if (result.ok) runs.push(summarizeRun(result, root));
        else reason = failureReason(result, { root, timeoutMs: opts.timeoutMs, runtimeDir });
      }
      outcomes.push(reason === undefined ? { entry, ok: true, ...medianOfRuns(runs) } : { entry, ok: false, reason });
    }
    return outcomes;
  } finally {
    rmSync(runtimeDir, { recursive: true, force: true });
  }
}

/**
 * One run. Calibration: the median own time of an empty module is the instrumentation's bias,
 * subtracted from every module of that kind; the extra wall time per module the measuring chain
 * (tsx, hooks, instrumentation) takes over plain Node, times the modules loaded, is `overheadMs`
 * (at most the wall time no module's own code accounts for), subtracted from the wall time.
 */
export function summarizeRun(timeline: ChildTimeline, root: string): RunSummary {
  const { calibration: cal } = timeline;
  const empty = attribute(cal.events, []);
  const biasMs = {
    esm: median(empty.filter((t) => t.kind === 'esm').map((t) => t.selfMs)),
    cjs: median(empty.filter((t) => t.kind === 'cjs').map((t) => t.selfMs)),
  };
  const extraMs = {
    esm: Math.max(0, median(cal.esmMs) - median(cal.plainEsmMs)),
    cjs: Math.max(0, median(cal.cjsMs) - median(cal.plainCjsMs)),
  };
  const files = attribute(timeline.events, timeline.edges, biasMs);
  const ownMs = files.reduce((sum, file) => sum + file.selfMs, 0);
  // Empty modules loaded one by one cost more each than a graph loaded together, and a busy
  // machine inflates them: the estimate never takes more than the time no module accounts for.
  const estimateMs = files.reduce((sum, file) => sum + extraMs[file.kind], 0);
  const overheadMs = Math.min(estimateMs, Math.max(0, timeline.wallMs - ownMs));
  return {
    totalMs: timeline.wallMs - overheadMs,
    overheadMs,
    modules: byModule(files, root),
  };
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
