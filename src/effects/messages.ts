// effects: what / why / help for each classified effect (Biome's three pillars).
import type { ProjectGraph } from '../graph/project-graph.js';
import type { Diagnostic } from '../rules/rule.js';
import { display, type ModuleEffect } from './analyze.js';
import type { Hit } from './follow.js';
import { normalizeSpecifier } from './origin.js';

/** `src/db/pool.ts:12` */
export function at(graph: ProjectGraph, file: string, line: number): string {
  return `${graph.rel(file)}:${line}`;
}

/** "it runs when src/routes/a.ts (and 2 other entries) is imported, via src/services/x.ts" */
export function whyRuns(graph: ProjectGraph, file: string, subject = 'it runs'): string {
  const entries = graph.entriesOf(file);
  const first = entries[0];
  if (!first) return `${subject} when the module is imported`;
  const others = entries.length - 1;
  const more = others > 0 ? ` (and ${others} other entr${others === 1 ? 'y' : 'ies'})` : '';
  const via = graph.chain(first, file).slice(1, -1).map((n) => graph.rel(n));
  return `${subject} when ${graph.rel(first)}${more} is imported${via.length ? `, via ${via.join(' -> ')}` : ''}`;
}

/** "creates a pg Pool at src/db/pool.ts:12 (via createPool() at src/services/x.ts:31)" */
export function describeHit(graph: ProjectGraph, hit: Hit): string {
  const where = at(graph, hit.file, hit.line);
  const what =
    hit.category === 'engine'
      ? `creates ${article(hit.label)} ${hit.label} at ${where}`
      : hit.category === 'network'
        ? `makes a network request (${hit.label}()) at ${where}`
        : `does synchronous I/O (${hit.label}()) at ${where}`;
  const via = hit.steps.map((s) => `${s.text} at ${at(graph, s.file, s.line)}`).join(', then ');
  return via ? `${what} (via ${via})` : what;
}

function article(label: string): string {
  return /^[aeiou]/i.test(label) && !/^(one|uni|use)/i.test(label) ? 'an' : 'a';
}

const HELP = {
  engine: 'create it on first use: export a getter (`let pool; export const getPool = () => (pool ??= new Pool(...))`) and call it inside the handlers',
  service: 'create it on first use (export a getter that builds it once), or construct it in the server start-up code and pass it in',
  network: 'make the request on first use, or from the server start-up code after it listens, not when a module is imported',
  io: 'do it on first use and cache the result, or read it once in the start-up code with the async API',
  timer: 'start it from an explicit start() called once by the server, not when a module is imported',
  listener: "register it in the server's start-up code, so importing a route adds no process-wide listener",
  await: 'every importer waits for it: move it into a function awaited on first use',
} as const;

/** Message of a module-level effect: "pg Pool created at module level". */
function message(graph: ProjectGraph, e: ModuleEffect): string {
  const call = display(e.fact);
  switch (e.category) {
    case 'await':
      return 'await at module level';
    case 'service': {
      if (e.fact.kind !== 'new') {
        const base = `${e.className} instantiated at module level by ${call}`;
        return e.hit ? `${base}, which ${describeHit(graph, e.hit)}` : base;
      }
      const base = `${e.className} instantiated at module level`;
      return e.hit ? `${base}: its constructor ${describeHit(graph, e.hit)}` : base;
    }
    default:
      break;
  }
  if (e.hit) return `${call} ${describeHit(graph, e.hit)}`;
  switch (e.category) {
    case 'engine':
      return `${e.direct!.label} created at module level`;
    case 'network':
      return `network request ${call} at module level`;
    case 'io':
      return isChildProcess(e) ? `child process ${call} at module level` : `synchronous I/O ${call} at module level`;
    case 'timer':
      return `timer ${call} at module level`;
    case 'listener':
      return `listener ${call} at module level`;
  }
}

function isChildProcess(e: ModuleEffect): boolean {
  const callee = e.fact.callee;
  return callee?.type === 'import' && normalizeSpecifier(callee.source) === 'child_process';
}

/** The full diagnostic for one module-level effect. */
export function diagnosticOf(graph: ProjectGraph, e: ModuleEffect): Diagnostic {
  const d: Diagnostic = {
    file: e.file,
    line: e.fact.line,
    column: e.fact.column,
    message: message(graph, e),
    why: whyRuns(graph, e.file),
    help: HELP[e.category],
  };
  if (e.statementLine && e.statementLine !== e.fact.line) d.lines = [e.fact.line, e.statementLine];
  if (e.category === 'service' && e.hit) d.severity = 'error';
  return d;
}
