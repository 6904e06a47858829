// The V8 code cache kept for TypeScript on Node versions without module.enableCompileCache().
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe.skipIf(hasNodeCache)('TypeScript code cache (Node < 22.1)', () => {
  it('is written by the first run, owner-only, and the next run reads it with the same report', () => {
    const first = run();
    expect(first.stderr).toBe('');
    const files = cacheFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^typescript-[0-9a-f]{16}\.bin$/);
    expect(fs.statSync(cacheDir()).mode & 0o777).toBe(0o700);
    const cacheFile = path.join(cacheDir(), files[0]!);
    expect(fs.statSync(cacheFile).size).toBeGreaterThan(100_000);
    const mtime = fs.statSync(cacheFile).mtimeMs;

    const second = run();
    expect(second.code).toBe(first.code);
    expect(strip(second.stdout)).toBe(strip(first.stdout));
    expect(fs.statSync(cacheFile).mtimeMs).toBe(mtime); // accepted, not rewritten
  });

  it('a corrupt cache is rejected by V8 and rewritten; the report is unchanged', () => {
    const reference = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(cacheFiles()).toEqual([]);
    run();
    const cacheFile = path.join(cacheDir(), cacheFiles()[0]!);
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
    const left = cacheFiles().sort();
    expect(left).toHaveLength(4);
    // This run's cache and the three newest of the old ones.
    expect(left.filter((name) => stale.every((file) => path.basename(file) !== name))).toHaveLength(1);
    expect(left).toEqual(expect.arrayContaining(stale.slice(3).map((file) => path.basename(file))));
  });
});
