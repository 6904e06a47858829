// parse: the TypeScript module, loaded with require() when first needed: importing its 9 MB CommonJS
// file from ESM makes Node scan it for export names and module syntax first, which costs about 0.35 s
// on every run, and a warm `--cache` run that parses nothing does not load it at all (0.1 s).
// Its exports are getters (`ts.isIdentifier` calls a function that returns the function); the walker
// reads them millions of times, so importscan uses a copy with plain properties.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type * as TS from 'typescript';

/** TypeScript, empty until loadTs() fills it: whatever parses or reads a tsconfig calls loadTs() first. */
export const ts = {} as typeof TS;
let isLoaded = false;

/** Loads TypeScript into `ts` (once) and returns it. */
export function loadTs(): typeof TS {
  if (!isLoaded) {
    Object.assign(ts, loadTypeScript());
    isLoaded = true;
  }
  return ts;
}

/**
 * TypeScript's exports. Node >= 22.1 keeps compiled code on disk itself (bin calls
 * `module.enableCompileCache()`); on older Node, importscan keeps V8's code cache for this one
 * large file, as v8-compile-cache did for ESLint: compiling it costs 0.13-0.16 s on every run, reading
 * the cache 0.04 s. NODE_DISABLE_COMPILE_CACHE=1 turns both off. Any failure falls back to require().
 */
function loadTypeScript(): typeof TS {
  const require = createRequire(import.meta.url);
  const hasNodeCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
  if (hasNodeCache || process.env.NODE_DISABLE_COMPILE_CACHE) return require('typescript') as typeof TS;
  try {
    return loadWithCodeCache(require.resolve('typescript')) as typeof TS;
  } catch {
    return require('typescript') as typeof TS;
  }
}

/** The per-user directory of importscan's code cache (owner-only, under the system temp directory). */
function codeCacheDir(): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
  return path.join(os.tmpdir(), `importscan-code-cache-${user}`);
}

/** Runs a CommonJS file as require() would, with V8's code cache read from and written to disk. */
function loadWithCodeCache(file: string): unknown {
  const stat = fs.statSync(file);
  const key = createHash('sha1').update(`${process.version} ${process.arch} ${file} ${stat.size} ${stat.mtimeMs}`).digest('hex').slice(0, 16);
  const dir = codeCacheDir();
  const cacheFile = path.join(dir, `typescript-${key}.bin`);
  const isOurs = isPrivateDir(dir);
  let cachedData: Buffer | undefined;
  try {
    cachedData = isOurs === true ? fs.readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  // TypeScript's 9 MB are ASCII: read as latin1 they become the same string in a seventh of the time.
  const bytes = fs.readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  const mod = { exports: {} as unknown };
  compiled.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  if (isOurs !== false && (!cachedData || script.cachedDataRejected)) {
    // Written when the run ends, so the functions the run compiled lazily are in it too.
    process.once('exit', () => writeAtomically(dir, cacheFile, () => script.createCachedData()));
  }
  return mod.exports;
}

/** Whether the directory is this user's alone (true), someone else's or shared (false), or absent (null). */
function isPrivateDir(dir: string): boolean | null {
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) return null;
  const isOwner = typeof process.getuid !== 'function' || stat.uid === process.getuid();
  return stat.isDirectory() && isOwner && (stat.mode & 0o022) === 0;
}

/** Caches kept per user: one per TypeScript install and Node version in use (each is ~3 MB). */
const KEPT_CACHES = 4;

function writeAtomically(dir: string, file: string, data: () => Buffer): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data(), { mode: 0o600 });
    fs.renameSync(tmp, file);
    pruneCaches(dir);
  } catch {
    // A cache that cannot be written only costs the next run its compile time.
  }
}

/**
 * Removes all but the most recently written caches: every install of TypeScript (a clone, a CI
 * checkout) and every Node version has its own key, and they would pile up under $TMPDIR.
 */
function pruneCaches(dir: string): void {
  const caches = fs
    .readdirSync(dir)
    .filter((name) => /^typescript-[0-9a-f]{16}\.bin$/.test(name))
    .map((name) => ({ file: path.join(dir, name), mtimeMs: fs.statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { file } of caches.slice(KEPT_CACHES)) fs.rmSync(file, { force: true });
}
