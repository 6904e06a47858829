// Measure stage: the one-line reason an entry could not be measured.
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STARTUP_LIMIT_MS, type ChildResult } from './run-child.js';

/** Exit code Node uses when the main module's top-level await never settles. */
const UNSETTLED_TOP_LEVEL_AWAIT = 13;
const MAX_LENGTH = 300;

type Failure = Extract<ChildResult, { ok: false }>;

/** 'timed out after 30000 ms' | 'threw at import: Error: boom (src/x.ts:3)' | 'exited with code 1: <last line>' */
export function failureReason(failure: Failure, ctx: { root: string; timeoutMs: number; runtimeDir: string }): string {
  if (failure.kind === 'timeout') return `timed out after ${ctx.timeoutMs} ms`;
  if (failure.kind === 'startup') return `the measuring process did not reach the import within ${STARTUP_LIMIT_MS} ms`;
  if (failure.kind === 'threw') {
    const { name, message, stack } = failure.error;
    const what = firstLine(name && !message.startsWith(`${name}:`) ? `${name}: ${message}` : message) || name || 'an exception';
    const where = throwSite(stack, ctx.root, ctx.runtimeDir);
    return clip(`threw at import: ${what}${where ? ` (${where})` : ''}`);
  }
  const last = failure.output.at(-1)?.trim();
  let what: string;
  if (failure.code === UNSETTLED_TOP_LEVEL_AWAIT) what = 'never finished: a top-level await never settled (exit code 13)';
  else if (failure.signal) what = `killed by ${failure.signal}`;
  else if (failure.code === null) what = 'could not start';
  else what = `exited with code ${failure.code}`;
  return clip(last && failure.code !== UNSETTLED_TOP_LEVEL_AWAIT ? `${what}: ${last}` : what);
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? '').trim();
}

function clip(text: string): string {
  return text.length <= MAX_LENGTH ? text : `${text.slice(0, MAX_LENGTH - 3)}...`;
}

const FRAME = /(?:\(|at )((?:file:\/\/)?(?:\/|[A-Za-z]:[\\/])[^()]*?):(\d+)(?::\d+)?\)?\s*$/;

/** `src/x.ts:3` for the innermost stack frame in a file that is not importscan's own runtime. */
function throwSite(stack: string, root: string, runtimeDir: string): string | undefined {
  for (const line of stack.split('\n')) {
    const match = FRAME.exec(line.trim());
    if (!match?.[1]) continue;
    let file = match[1];
    try {
      if (file.startsWith('file:')) file = fileURLToPath(file.split('?')[0] ?? file);
    } catch {
      continue;
    }
    if (file.startsWith(runtimeDir)) continue;
    return `${relative(root, file).split(sep).join('/')}:${match[2]}`;
  }
  return undefined;
}
