// V8's code cache for importscan's own large CommonJS files (TypeScript, and importscan itself
// bundled into dist/importscan.cjs), as v8-compile-cache did for ESLint. Node >= 22.1 keeps compiled
// code on disk itself (bin calls `module.enableCompileCache()`): there, and with
// NODE_DISABLE_COMPILE_CACHE=1, files are plainly required. This is a cache of importscan's code,
// never of an analysis: a run without `--cache` still reads and parses every file it scans.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

/** Caches kept per name: one per install and Node version in use (TypeScript's is ~3 MB). */
const KEPT_CACHES = 4;

/**
 * Loads a CommonJS file as require() would, with V8's code cache kept under `name` (any failure:
 * plain require()). The cache holds what the first run compiled: `isWorthKeeping`, asked when that
 * run ends, keeps runs that compiled little (`--help`, a usage error) from writing it.
 */
export function requireWithCodeCache(file: string, name: string, isWorthKeeping: () => boolean = () => true): unknown {
  const require = createRequire(file);
  const hasNodeCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
  if (hasNodeCache || process.env.NODE_DISABLE_COMPILE_CACHE) return require(file);
  try {
    return loadWithCodeCache(file, name, isWorthKeeping);
  } catch {
    return require(file);
  }
}

/** The per-user directory of importscan's code cache (owner-only, under the system temp directory). */
function codeCacheDir(): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
  return path.join(os.tmpdir(), `importscan-code-cache-${user}`);
}

/**
 * Compiles the file through `vm.Script` with the cached data, runs it as a module, and writes the
 * cache when the run ends (so it also holds the functions the run compiled lazily) if there was
 * none or V8 rejected it.
 */
function loadWithCodeCache(file: string, name: string, isWorthKeeping: () => boolean): unknown {
  const stat = fs.statSync(file);
  const key = createHash('sha1').update(`${process.version} ${process.arch} ${file} ${stat.size} ${stat.mtimeMs}`).digest('hex').slice(0, 16);
  const dir = codeCacheDir();
  const cacheFile = path.join(dir, `${name}-${key}.bin`);
  const isOurs = isPrivateDir(dir);
  let cachedData: Buffer | undefined;
  try {
    cachedData = isOurs === true ? fs.readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  // ASCII files (TypeScript's 9 MB, the bundle) read as latin1 become the same string in a seventh of the time.
  const bytes = fs.readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  // Code compiled here has no import() on Node 20 (its loader option is experimental and warns):
  // packages are loaded with require() (ts-morph, graphology, cli-table3, picomatch are CommonJS).
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  const mod = { exports: {} as unknown };
  compiled.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  if (isOurs !== false && (!cachedData || script.cachedDataRejected)) {
    process.once('exit', () => {
      if (isWorthKeeping()) writeAtomically(dir, cacheFile, name, () => script.createCachedData());
    });
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

function writeAtomically(dir: string, file: string, name: string, data: () => Buffer): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data(), { mode: 0o600 });
    fs.renameSync(tmp, file);
    pruneCaches(dir, name);
  } catch {
    // A cache that cannot be written only costs the next run its compile time.
  }
}

/**
 * Removes all but the most recently written caches of a name: every install (a clone, a CI
 * checkout, a rebuild) and every Node version has its own key, and they would pile up under $TMPDIR.
 */
function pruneCaches(dir: string, name: string): void {
  const pattern = new RegExp(`^${name}-[0-9a-f]{16}\\.bin$`);
  const caches = fs
    .readdirSync(dir)
    .filter((file) => pattern.test(file))
    .map((file) => ({ file: path.join(dir, file), mtimeMs: fs.statSync(path.join(dir, file)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { file } of caches.slice(KEPT_CACHES)) fs.rmSync(file, { force: true });
}
