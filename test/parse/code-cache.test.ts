// The V8 code cache kept for TypeScript and importscan's own bundle on Node versions without
// module.enableCompileCache() (src/code-cache.ts).
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { REPO, cli } from '../helpers.js';

const hasNodeCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const target = path.join(REPO, 'sample-projects/express-api/src/routes');
const strip = (s: string) => s.replace(/"durationMs": \d+/, '"durationMs": 0');
const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'importscan-cc-test-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (env: Record<string, string> = {}) => cli([target, '--format', 'json'], { env: { TMPDIR: tmp, ...env } });
const cacheDir = () => path.join(tmp, `importscan-code-cache-${user}`);
const cacheFiles = () => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()) : []);

const typescriptCache = () => cacheFiles().find((name) => name.startsWith('typescript-'));

describe.skipIf(hasNodeCache)('code cache (Node < 22.1)', () => {
  it('is written by the first run for TypeScript and the bundle, owner-only, and the next run reads it with the same report', () => {
    const first = run();
    expect(first.stderr).toBe('');
    const files = cacheFiles().sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^importscan-[0-9a-f]{16}\.bin$/);
    expect(files[1]).toMatch(/^typescript-[0-9a-f]{16}\.bin$/);
    expect(fs.statSync(cacheDir()).mode & 0o777).toBe(0o700);
    const mtimes = files.map((name) => {
      const cacheFile = path.join(cacheDir(), name);
      expect(fs.statSync(cacheFile).size).toBeGreaterThan(100_000);
      return fs.statSync(cacheFile).mtimeMs;
    });

    const second = run();
    expect(second.code).toBe(first.code);
    expect(strip(second.stdout)).toBe(strip(first.stdout));
    expect(files.map((name) => fs.statSync(path.join(cacheDir(), name)).mtimeMs)).toEqual(mtimes); // accepted, not rewritten
  });

  it('a first run that only prints help or stops at a usage error writes no cache of the bundle', () => {
    expect(cli(['--help'], { env: { TMPDIR: tmp } }).code).toBe(0);
    expect(cli([target, '--format', 'nope'], { env: { TMPDIR: tmp } }).code).toBe(2);
    expect(cacheFiles()).toEqual([]);
    run();
    expect(cacheFiles().filter((name) => name.startsWith('importscan-'))).toHaveLength(1);
  });

  it('a corrupt cache is rejected by V8 and rewritten; the report is unchanged', () => {
    const reference = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(cacheFiles()).toEqual([]);
    run();
    const cacheFile = path.join(cacheDir(), typescriptCache()!);
    fs.writeFileSync(cacheFile, Buffer.alloc(4096, 7));
    const r = run();
    expect(r.stderr).toBe('');
    expect(strip(r.stdout)).toBe(strip(reference.stdout));
    expect(fs.statSync(cacheFile).size).toBeGreaterThan(100_000);
  });

  it('a cache directory others can write to is neither read nor written', () => {
    fs.mkdirSync(cacheDir(), { mode: 0o777 });
    fs.chmodSync(cacheDir(), 0o777);
    const r = run();
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).entries.length).toBeGreaterThan(0);
    expect(cacheFiles()).toEqual([]);
  });

  it('keeps the four most recent caches: older keys (another install, another Node) are removed', () => {
    fs.mkdirSync(cacheDir(), { mode: 0o700 });
    const stale = Array.from({ length: 6 }, (_, i) => path.join(cacheDir(), `typescript-${String(i).repeat(16)}.bin`));
    stale.forEach((file, i) => {
      fs.writeFileSync(file, 'old', { mode: 0o600 });
      fs.utimesSync(file, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
    });
    expect(run().stderr).toBe('');
    const left = cacheFiles().filter((name) => name.startsWith('typescript-')).sort();
    expect(left).toHaveLength(4);
    // This run's cache and the three newest of the old ones.
    expect(left.filter((name) => stale.every((file) => path.basename(file) !== name))).toHaveLength(1);
    expect(left).toEqual(expect.arrayContaining(stale.slice(3).map((file) => path.basename(file))));
  });
});

describe('the bundle', () => {
  it('calls no import(): code compiled from a code cache cannot on Node 20 (packages are required)', () => {
    const bundle = fs.readFileSync(path.join(REPO, 'dist/importscan.cjs'), 'utf8');
    expect(bundle.length).toBeGreaterThan(100_000);
    // What esbuild emits for `await import('pkg')` (texts that mention import() in messages do not match).
    expect(bundle.match(/\bimport\(["'][^"'$]+["']\)/g) ?? []).toEqual([]);
  });

  it.each([
    ['made no bundle (tsc alone)', (bundle: string) => fs.rmSync(bundle)],
    ['left an older bundle (tsc alone after a full build)', (bundle: string) => fs.utimesSync(bundle, new Date(2020, 0, 1), new Date(2020, 0, 1))],
  ])('the bin runs the modules when a build %s, with the same report', (_, change) => {
    // A copy of the package, sharing node_modules.
    const copy = path.join(tmp, 'pkg');
    fs.mkdirSync(copy);
    for (const name of ['bin', 'dist', 'package.json']) fs.cpSync(path.join(REPO, name), path.join(copy, name), { recursive: true });
    change(path.join(copy, 'dist/importscan.cjs'));
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'));
    const env = { ...process.env, NO_COLOR: '1', TMPDIR: tmp };
    const modules = spawnSync(process.execPath, [path.join(copy, 'bin/importscan.js'), target, '--format', 'json'], { env, encoding: 'utf8' });
    expect(modules.stderr).toBe('');
    expect(cacheFiles().filter((name) => name.startsWith('importscan-'))).toEqual([]);
    expect(strip(modules.stdout)).toBe(strip(run().stdout));
  });
});
