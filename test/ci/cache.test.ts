// --cache: per-file facts keyed by content hash and version; same bytes out; one edit, one parse.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactsCache } from '../../src/cache/facts-cache.js';
import { readFacts } from '../../src/parse/read.js';
import { scan } from '../../src/pipeline.js';
import { importscan, normalise, SAMPLE, tempCopy } from './helpers.js';

describe('--cache', () => {
  it('prints byte-identical reports cold, warm and without cache (durationMs aside)', () => {
    const dir = tempCopy(SAMPLE, 'cached-api');
    const args = ['src/routes', '--format', 'json'];
    const plain = importscan(args, dir);
    const cold = importscan([...args, '--cache'], dir);
    const cacheFile = path.join(dir, 'node_modules/.cache/importscan/facts.v8');
    expect(fs.existsSync(cacheFile)).toBe(true);
    const written = fs.statSync(cacheFile).mtimeMs;
    const warm = importscan([...args, '--cache'], dir);
    expect(fs.statSync(cacheFile).mtimeMs).toBe(written); // nothing changed: not rewritten
    expect(normalise(cold.stdout, dir)).toBe(normalise(plain.stdout, dir));
    expect(normalise(warm.stdout, dir)).toBe(normalise(plain.stdout, dir));
    expect([plain.code, cold.code, warm.code]).toEqual([1, 1, 1]);
    // The same for the text formats.
    for (const format of ['stylish', 'sarif']) {
      expect(importscan(['src/routes', '-f', format, '--cache'], dir).stdout).toBe(importscan(['src/routes', '-f', format], dir).stdout);
    }
  });

  it('re-parses only the edited file, and honours --cache-location', () => {
    const dir = tempCopy(SAMPLE, 'cache-count');
    const location = path.join(dir, '.importscan-cache/');
    let parsed: string[] = [];
    const parse = (file: string) => {
      parsed.push(path.relative(dir, file));
      return readFacts(file);
    };
    const run = () => {
      parsed = [];
      const cache = new FactsCache('test', location, parse);
      const out = scan({ paths: [path.join(dir, 'src/routes')], factsOf: cache.factsOf });
      cache.save();
      return { cache, out };
    };
    const first = run();
    expect(first.cache.misses).toBeGreaterThan(20);
    expect(fs.existsSync(path.join(location, 'facts.v8'))).toBe(true);
    expect(run().cache.hits).toBe(first.cache.misses);
    expect(parsed).toEqual([]);

    // Touched, same bytes: a hit (the sha1 decides when size or time differ).
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(dir, 'src/db.ts'), later, later);
    expect(run().cache.misses).toBe(0);
    expect(parsed).toEqual([]);

    // One edit: one parse, and only the shard holding that file is written again.
    const shardTimes = () => fs.readdirSync(location).filter((f) => /^facts\.v8\.\d+$/.test(f)).map((f) => [f, fs.statSync(path.join(location, f)).mtimeMs] as const);
    const before = new Map(shardTimes());
    expect(before.size).toBe(16);
    fs.appendFileSync(path.join(dir, 'src/db.ts'), '\nexport const touched = true;\n');
    const third = run();
    expect(parsed).toEqual(['src/db.ts']);
    expect(third.cache.misses).toBe(1);
    expect(shardTimes().filter(([f, t]) => before.get(f) !== t)).toHaveLength(1);

    // Another importscan version starts from scratch.
    const other = new FactsCache('other-version', location, parse);
    scan({ paths: [path.join(dir, 'src/routes')], factsOf: other.factsOf });
    expect(other.hits).toBe(0);
  });

  it('--cache-location via the CLI writes there', () => {
    const dir = tempCopy(SAMPLE, 'cache-cli');
    const r = importscan(['src/routes', '--cache', '--cache-location', 'tmp-cache/facts.bin', '-f', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(fs.existsSync(path.join(dir, 'tmp-cache/facts.bin'))).toBe(true);
  });

  it('--cache-location ending in a separator is a directory, made if missing (as ESLint reads it)', () => {
    const dir = tempCopy(SAMPLE, 'cache-cli-dir');
    const r = importscan(['src/routes', '--cache-location', 'tmp-cache/', '-f', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(fs.statSync(path.join(dir, 'tmp-cache')).isDirectory()).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'tmp-cache'))).toContain('facts.v8');
  });
});
