// Measure stage, child side: the plain-JS files the measuring child process runs, written to a
// temp dir per run. They are strings (not modules of this package) so they run unchanged whether
// importscan runs from src/ under tsx/vitest or from dist/, and need nothing but Node built-ins.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Names of the globals the instrumented code calls. Non-enumerable, so user code never sees them. */
export const BEGIN = '__importscan_b';
export const END = '__importscan_e';

/** Empty modules loaded before the entry: the calibration that gives the instrumentation's overhead. */
export const CALIBRATION_MODULES = 20;

/**
 * Main thread, loaded with `--import` after tsx: keeps the event timeline and wraps CommonJS.
 * Events are flat triples `kind, id, time`: 0 module begins, 1 module ends, 2/3 loader work
 * (reading and transpiling a CommonJS file) begins/ends, which belongs to no module.
 */
const PRELOAD = String.raw`
import Module from 'node:module';
import { MessageChannel } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const events = [];
const now = performance.now.bind(performance);
const hidden = (name, value) => Object.defineProperty(globalThis, name, { value, enumerable: false, configurable: true });
hidden('${BEGIN}', (id) => { events.push(0, id, now()); });
hidden('${END}', (id) => { events.push(1, id, now()); });

// CommonJS: load() reads, transpiles (tsx) and compiles; _compile() runs the body, in which
// require() nests the children. Only _compile counts as the module's own time.
const proto = Module.prototype;
const load = proto.load;
const compile = proto._compile;
proto.load = function (filename) {
  events.push(2, '', now());
  try { return load.apply(this, arguments); } finally { events.push(3, '', now()); }
};
proto._compile = function (content, filename) {
  events.push(0, filename, now());
  try { return compile.apply(this, arguments); } finally { events.push(1, filename, now()); }
};

// ESM: hooks (in the loader thread) instrument module bodies and record who resolved what.
const { port1, port2 } = new MessageChannel();
const runtimeDir = new URL('./', import.meta.url).href;
Module.register(new URL('./hooks.mjs', import.meta.url), {
  data: { port: port2, skip: [runtimeDir + 'runner.mjs', runtimeDir + 'preload.mjs'] },
  transferList: [port2],
});
port1.unref();
hidden('__importscan', {
  events,
  now,
  /** The resolve edges [child, parent, ...] the hooks saw; messages on one port arrive in order. */
  edges: () => new Promise((resolve) => {
    port1.ref();
    port1.once('message', (edges) => { port1.unref(); resolve(edges); });
    port1.postMessage('flush');
  }),
});
`;

/** Loader thread: composes with tsx's hooks (registered first, so they run after ours). */
const HOOKS = String.raw`
let port;
let skip = new Set();
const edges = [];

export function initialize(data) {
  port = data.port;
  skip = new Set(data.skip);
  port.on('message', (message) => { if (message === 'flush') port.postMessage(edges); });
  port.unref();
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (context.parentURL && typeof result?.url === 'string' && result.url.startsWith('file:')) {
    edges.push(result.url, context.parentURL);
  }
  return result;
}

const decoder = new TextDecoder();
const directive = /^(?:\s*(['"])use strict\1;?)/;

// Markers go on the first line (after a hashbang or 'use strict') without adding a line, so stack
// traces and source maps keep their line numbers. An ES module's body runs after its imports have
// run, so begin..end is its own time. CommonJS source returned by a hook (tsx: .cts and TS files
// in CommonJS packages imported from ESM) bypasses Module.prototype._compile, so is marked here.
function instrument(source, id) {
  const begin = 'globalThis.${BEGIN}?.(' + JSON.stringify(id) + ');';
  const end = '\n;globalThis.${END}?.(' + JSON.stringify(id) + ');\n';
  let head = '';
  let body = source;
  if (body.startsWith('#!')) {
    const eol = body.indexOf('\n');
    head = eol < 0 ? body : body.slice(0, eol + 1);
    body = eol < 0 ? '' : body.slice(eol + 1);
  }
  const strict = directive.exec(body);
  if (strict) {
    head += strict[0];
    body = body.slice(strict[0].length);
  }
  return head + begin + body + end;
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (result?.source == null || !url.startsWith('file:')) return result;
  if (result.format !== 'module' && result.format !== 'commonjs') return result;
  if (skip.has(url.split('?')[0])) return result;
  const text = typeof result.source === 'string' ? result.source : decoder.decode(result.source);
  return { ...result, source: instrument(text, url) };
}
`;

/** Loads each empty module on its own and times it: a median per kind is robust to a busy machine. */
const TIME_EACH = String.raw`
async function timeEach(dir, now) {
  const esmMs = [];
  const cjsMs = [];
  const load = createRequire(dir);
  for (let i = 0; i < ${CALIBRATION_MODULES}; i++) {
    const start = now();
    await import(new URL('e' + i + '.mjs', dir).href);
    esmMs.push(now() - start);
  }
  for (let i = 0; i < ${CALIBRATION_MODULES}; i++) {
    const start = now();
    load('./c' + i + '.cjs');
    cjsMs.push(now() - start);
  }
  return { esmMs, cjsMs };
}
`;

/**
 * Loaded first, before tsx and the hooks: the time plain Node takes for the same empty modules,
 * so the machinery's cost per module is the difference.
 */
const BASELINE = String.raw`
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const dir = new URL('./baseline/', import.meta.url);
await import(new URL('warm.mjs', dir).href);
createRequire(dir)('./warm.cjs');
${TIME_EACH}
const { esmMs, cjsMs } = await timeEach(dir, performance.now.bind(performance));
Object.defineProperty(globalThis, '__importscan_plain', { value: { esmMs, cjsMs }, configurable: true });
`;

/** Main module: calibrates, imports the entry, writes the timeline to the result file, exits. */
const RUNNER = String.raw`
import { closeSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const configFile = process.env.IMPORTSCAN_MEASURE_CONFIG;
delete process.env.IMPORTSCAN_MEASURE_CONFIG;
const config = JSON.parse(readFileSync(configFile, 'utf8'));
const recorder = globalThis.__importscan;
const { events, now } = recorder;
const dir = new URL('./calibration/', import.meta.url);

function write(result) {
  const tmp = config.resultFile + '.tmp';
  writeFileSync(tmp, JSON.stringify(result));
  renameSync(tmp, config.resultFile);
}

function describe(error) {
  if (error instanceof Error) {
    return { name: error.name, message: String(error.message), stack: String(error.stack ?? '') };
  }
  let text;
  try { text = String(error); } catch { text = Object.prototype.toString.call(error); }
  return { name: '', message: text, stack: '' };
}

// Warm the loader chain (tsx's ESM and CommonJS paths) so the entry pays no first-use cost, then
// time empty modules: their attributed time is the instrumentation's bias per module.
await import(new URL('warm.mts', dir).href);
createRequire(dir)('./warm.cts');
events.length = 0;
${TIME_EACH}
const { esmMs, cjsMs } = await timeEach(dir, now);
const calibrationEvents = events.splice(0);

// Tell the parent the entry's import starts now (its timeout runs from here), on fd 3, a pipe
// of its own, closed at once so the user's code never sees it.
try { writeSync(3, 'import\n'); closeSync(3); } catch {}
const start = now();
try {
  await import(pathToFileURL(config.entry).href);
} catch (error) {
  write({ ok: false, error: describe(error) });
  process.exit(0);
}
const end = now();
const wallMs = end - start;
const entryEvents = events.splice(0);
// Node >= 22.12 may load a CommonJS entry (one the hooks pass on without source) without
// Module.prototype._compile: then the entry's own span is the import itself, around its children.
const entryUrl = pathToFileURL(config.entry).href;
let isEntrySeen = false;
for (let i = 0; i < entryEvents.length; i += 3) {
  if (entryEvents[i] === 0 && (entryEvents[i + 1] === config.entry || entryEvents[i + 1] === entryUrl)) isEntrySeen = true;
}
if (!isEntrySeen) {
  entryEvents.unshift(0, config.entry, start);
  entryEvents.push(1, config.entry, end);
}
const edges = await recorder.edges();
const plain = globalThis.__importscan_plain;
const calibration = { events: calibrationEvents, esmMs, cjsMs, plainEsmMs: plain.esmMs, plainCjsMs: plain.cjsMs };
write({ ok: true, wallMs, events: entryEvents, edges, calibration });
process.exit(0);
`;

/** The child's `--import`s in order, and its main module. */
export interface Runtime {
  baseline: string;
  preload: string;
  runner: string;
}

/** Writes the child runtime and calibration modules into `dir`. */
export function writeRuntime(dir: string): Runtime {
  writeFileSync(join(dir, 'baseline.mjs'), BASELINE);
  writeFileSync(join(dir, 'preload.mjs'), PRELOAD);
  writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
  writeFileSync(join(dir, 'runner.mjs'), RUNNER);
  writeEmptyModules(join(dir, 'baseline'), 'mjs', 'cjs');
  writeEmptyModules(join(dir, 'calibration'), 'mts', 'cts');
  return { baseline: join(dir, 'baseline.mjs'), preload: join(dir, 'preload.mjs'), runner: join(dir, 'runner.mjs') };
}

/** Empty modules `e0..eN.mjs` and `c0..cN.cjs`; `warm.*` warm the loader up. */
function writeEmptyModules(dir: string, esmWarm: string, cjsWarm: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `warm.${esmWarm}`), 'export const warm = 1;\n');
  writeFileSync(join(dir, `warm.${cjsWarm}`), 'module.exports = { warm: 1 };\n');
  const ids = Array.from({ length: CALIBRATION_MODULES }, (_, i) => i);
  for (const i of ids) {
    writeFileSync(join(dir, `e${i}.mjs`), `export const v = ${i};\n`);
    writeFileSync(join(dir, `c${i}.cjs`), `module.exports = ${i};\n`);
  }
}
