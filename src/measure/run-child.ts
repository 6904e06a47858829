// Measure stage, parent side: one fresh Node process that imports one entry, with a timeout, its
// output captured, and its whole process group killed when it is done.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { killGroup, track, untrack } from './process-group.js';
import type { Runtime } from './runtime-source.js';

/** The timeline one child reports (see runtime-source.ts for the event encoding). */
export interface ChildTimeline {
  wallMs: number;
  events: Array<string | number>;
  edges: string[];
  /** Wall time of each empty module through the measuring chain and with plain Node; the chain's events. */
  calibration: {
    events: Array<string | number>;
    esmMs: number[];
    cjsMs: number[];
    plainEsmMs: number[];
    plainCjsMs: number[];
  };
}

export type ChildResult =
  | ({ ok: true } & ChildTimeline)
  | { ok: false; kind: 'threw'; error: { name: string; message: string; stack: string } }
  | { ok: false; kind: 'timeout' | 'startup' | 'exit'; code: number | null; signal: string | null; output: string[] };

/** What the runner writes: the timeline, or what the import threw. */
type ResultFile = ({ ok: true } & ChildTimeline) | { ok: false; error: { name: string; message: string; stack: string } };

export interface ChildOptions {
  entry: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  tsxLoader: string;
  runtime: Runtime;
  /** Where this run's config and result go (unique per run). */
  configFile: string;
  resultFile: string;
  /** Called with the child's pid once it is spawned (tests use it). */
  onSpawn?: (pid: number) => void;
}

/**
 * Before the entry's import starts, the child starts Node, tsx and the calibration (about 0.3 s,
 * seconds on a loaded machine); `timeoutMs` counts from the import, this limit from the spawn.
 */
export const STARTUP_LIMIT_MS = 30_000;

/** Lines of child output kept for failure reasons. */
const KEPT_LINES = 20;

/** Runs one child to completion (or timeout). Never throws for anything the child does. */
export async function runChild(opts: ChildOptions): Promise<ChildResult> {
  rmSync(opts.resultFile, { force: true });
  writeFileSync(opts.configFile, JSON.stringify({ entry: opts.entry, resultFile: opts.resultFile }));
  const { baseline, preload, runner } = opts.runtime;
  const imports = [baseline, opts.tsxLoader, preload].flatMap((file) => ['--import', pathToFileURL(file).href]);
  const args = [...imports, runner];
  const child = spawn(process.execPath, args, {
    cwd: opts.cwd,
    env: { ...opts.env, IMPORTSCAN_MEASURE_CONFIG: opts.configFile },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    // Its own process group, so a timeout kills whatever the user's code spawned too.
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  const isClosed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const output = tail(KEPT_LINES);
  child.stdout?.on('data', output.push);
  child.stderr?.on('data', output.push);
  const pid = child.pid;
  if (pid !== undefined) {
    track(pid);
    opts.onSpawn?.(pid);
  }

  let timedOut: 'startup' | 'import' | undefined;
  const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    const kill = (phase: 'startup' | 'import') => {
      timedOut = phase;
      if (pid !== undefined) killGroup(pid);
      else child.kill('SIGKILL');
    };
    let timer = setTimeout(() => kill('startup'), STARTUP_LIMIT_MS);
    child.stdio[3]?.once('data', () => {
      clearTimeout(timer);
      timer = setTimeout(() => kill('import'), opts.timeoutMs);
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      output.push(String(error));
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
  // The child is gone; anything it left running in its group goes too (this also closes pipes
  // a grandchild inherited, so stdio can finish).
  if (pid !== undefined) {
    killGroup(pid);
    untrack(pid);
  }
  // Let the last output lines arrive (for the failure reason), briefly; then stop reading.
  await Promise.race([isClosed, new Promise((resolve) => setTimeout(resolve, 500).unref())]);
  for (const stream of child.stdio) stream?.destroy();

  if (timedOut === 'import') return { ok: false, kind: 'timeout', ...exit, output: output.lines() };
  if (timedOut === 'startup') return { ok: false, kind: 'startup', ...exit, output: output.lines() };
  if (existsSync(opts.resultFile)) {
    const result = JSON.parse(readFileSync(opts.resultFile, 'utf8')) as ResultFile;
    if (result.ok) return result;
    return { ok: false, kind: 'threw', error: result.error };
  }
  return { ok: false, kind: 'exit', ...exit, output: output.lines() };
}

/** A ring of the last `max` non-empty output lines. */
function tail(max: number): { push: (chunk: Buffer | string) => void; lines: () => string[] } {
  const lines: string[] = [];
  let partial = '';
  return {
    push: (chunk) => {
      const parts = (partial + chunk.toString()).split(/\r?\n/);
      partial = (parts.pop() ?? '').slice(-4096);
      for (const line of parts) if (line.trim()) lines.push(line.slice(0, 4096));
      lines.splice(0, Math.max(0, lines.length - max));
    },
    lines: () => (partial.trim() ? [...lines, partial] : [...lines]).slice(-max),
  };
}
