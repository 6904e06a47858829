// weigh: package weights from committed node_modules fixtures, one fixture per case.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import type { EntryReport } from '../../src/types.js';
import { weighGraph, type WeighOptions } from '../../src/weigh/index.js';
import { NODE_FS } from '../../src/weigh/walk.js';
import { fixture } from '../helpers.js';

/** Scans `paths` of a weigh fixture without touching a cache; returns the output and the weights. */
function scanWeigh(name: string, paths: string[] = ['src'], options: WeighOptions = { cacheFile: null }) {
  const dir = fixture('weigh', name);
  const out = scan({ paths: paths.map((p) => path.join(dir, p)), weigh: (g, c) => weighGraph(g, c, options) });
  const weights = weighGraph(out.graph, out.config, { cacheFile: null });
  return { ...out, weights, entry: (file: string) => out.result.entries.find((e) => e.file === file)! };
}

const base: Omit<EntryReport, 'file' | 'eagerModules' | 'packages' | 'cost'> = {
  lazyModules: [],
  sideEffectsByKind: {},
};

describe('weight of a package, from node_modules', () => {
  it('heavy-eager-internals: 240 eagerly required internal files make it heavy', () => {
    const { entry, weights } = scanWeigh('heavy-eager-internals');
    expect(weights.of('pkg:big-sdk@3.1.0')).toEqual({
      name: 'big-sdk',
      version: '3.1.0',
      ownModules: 243,
      ownBytes: 45862,
      deps: [],
      modules: 243,
      bytes: 45862,
      isCatalogued: false,
      source: 'node_modules',
    });
    expect(entry('src/index.ts')).toEqual({
      ...base,
      file: 'src/index.ts',
      eagerModules: ['src/index.ts'],
      packages: [{ name: 'big-sdk', heavy: true, modules: 243, bytes: 45862, chain: ['src/index.ts'] }],
      cost: { modules: 244, bytes: 45950, heavyPackages: 1, sideEffects: 0, measuredMs: null },
      cut: { file: 'src/index.ts', line: 1, specifier: 'big-sdk', modules: 243, bytes: 45862 },
    });
  });

  it('small-package: an index and one internal file', () => {
    const { entry } = scanWeigh('small-package');
    expect(entry('src/index.ts').packages).toEqual([{ name: 'tiny-math', heavy: false, modules: 2, bytes: 98, chain: ['src/index.ts'] }]);
    expect(entry('src/index.ts').cost).toEqual({ modules: 3, bytes: 188, heavyPackages: 0, sideEffects: 0, measuredMs: null });
  });

  it('lazy-internals: 203 files on disk, required only inside functions or by import(): one module loads', () => {
    const { weights } = scanWeigh('lazy-internals');
    expect(weights.of('pkg:lazy-giant@0.9.0')).toMatchObject({ ownModules: 1, ownBytes: 375, modules: 1, bytes: 375 });
    expect(weights.isHeavy('pkg:lazy-giant@0.9.0')).toBe(false);
  });

  it('esm-exports-conditions: an ESM importer is weighed through the `import` condition', () => {
    const { entry } = scanWeigh('esm-exports-conditions', ['src/esm-entry.mjs']);
    expect(entry('src/esm-entry.mjs').packages).toEqual([
      { name: 'dual-format', heavy: false, modules: 2, bytes: 94, chain: ['src/esm-entry.mjs'] },
    ]);
  });

  it('esm-exports-conditions: a CommonJS importer is weighed through the `require` condition', () => {
    const { entry } = scanWeigh('esm-exports-conditions', ['src/cjs-entry.cjs']);
    expect(entry('src/cjs-entry.cjs').packages).toEqual([
      { name: 'dual-format', heavy: false, modules: 3, bytes: 368, chain: ['src/cjs-entry.cjs'] },
    ]);
  });

  it('two-versions-nested: each version is weighed from its own directory; a shared one counts once per entry', () => {
    const { entry, weights } = scanWeigh('two-versions-nested');
    expect(weights.of('pkg:consumer-b@1.0.0')).toEqual({
      name: 'consumer-b',
      version: '1.0.0',
      ownModules: 1,
      ownBytes: 89,
      deps: ['shared-util@2.0.0@node_modules/consumer-b/node_modules/shared-util#lib/index.js'],
      modules: 3,
      bytes: 241,
      isCatalogued: false,
      source: 'node_modules',
    });
    expect(weights.of('pkg:consumer-a@1.0.0')).toMatchObject({
      deps: ['shared-util@1.0.0@node_modules/shared-util#index.js'],
      modules: 2,
      bytes: 138,
    });
    // shared-util 1.0.0 (49 B) is imported directly and by consumer-a: counted once.
    // consumer-a 89 B + shared-util 1 49 B + consumer-b 89 B + shared-util 2 152 B = 379 B in 5 modules.
    expect(weights.union(['pkg:shared-util@1.0.0', 'pkg:consumer-a@1.0.0', 'pkg:consumer-b@1.0.0'])).toEqual({ modules: 5, bytes: 379 });
    expect(entry('src/index.ts').cost).toEqual({ modules: 6, bytes: 379 + 151, heavyPackages: 0, sideEffects: 0, measuredMs: null });
  });

  it('workspace-symlink: a workspace package linked into node_modules is a project file, not a package', () => {
    const { entry } = scanWeigh('workspace-symlink');
    expect(entry('src/index.ts')).toEqual({
      ...base,
      file: 'src/index.ts',
      eagerModules: ['packages/strings/src/index.ts', 'src/index.ts'],
      packages: [{ name: 'tiny-math', heavy: false, modules: 1, bytes: 45, chain: ['src/index.ts', 'packages/strings/src/index.ts'] }],
      cost: { modules: 3, bytes: 267, heavyPackages: 0, sideEffects: 0, measuredMs: null },
      cut: { file: 'src/index.ts', line: 1, specifier: '@acme/strings', modules: 2, bytes: 164 },
    });
  });
});

describe('heavy', () => {
  it('config heavy.never wins over the thresholds; heavy.modules is configurable', () => {
    const dir = fixture('weigh', 'heavy-eager-internals');
    const out = scan({ paths: [path.join(dir, 'src')], weigh: (g, c) => weighGraph(g, c, { cacheFile: null }) });
    const never = weighGraph(out.graph, { ...out.config, heavy: { ...out.config.heavy, never: ['big-sdk'] } }, { cacheFile: null });
    expect(never.isHeavy('pkg:big-sdk@3.1.0')).toBe(false);
    const small = scanWeigh('small-package');
    const strict = weighGraph(small.graph, { ...small.config, heavy: { ...small.config.heavy, modules: 2 } }, { cacheFile: null });
    expect(strict.isHeavy('pkg:tiny-math@1.2.3')).toBe(true);
  });
});

describe('the weights cache', () => {
  it('a second run reads no package file and gives the same weights', () => {
    const cacheFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'importscan-weights-')), 'weights.json');
    const reads: string[] = [];
    const io = { readFile: (file: string) => (reads.push(file), NODE_FS.readFile(file)) };
    const first = scanWeigh('heavy-eager-internals', ['src'], { cacheFile, io });
    expect(reads.length).toBe(244); // 243 modules and the package.json
    expect(Object.keys(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).units)).toEqual(['big-sdk@3.1.0@node_modules/big-sdk#lib/index.js']);

    reads.length = 0;
    const second = scanWeigh('heavy-eager-internals', ['src'], { cacheFile, io });
    expect(reads).toEqual([]);
    expect(second.result.entries).toEqual(first.result.entries);
  });
});
