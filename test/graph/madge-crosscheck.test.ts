// Cross-check: with type-only edges kept (madge's view), our graph equals madge's, file for file.
// madge does not apply tsconfig `paths` without `baseUrl`; those edges are listed, not hidden.
import path from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { REPO } from '../helpers.js';

async function compare(sample: string, entryDir: string, tsconfig = 'tsconfig.json') {
  const root = path.join(REPO, 'sample-projects', sample);
  const entries = path.join(root, entryDir);
  const m = await madge(entries, {
    baseDir: root,
    tsConfig: path.join(root, 'tsconfig.json'),
    fileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs'],
    detectiveOptions: { ts: { skipTypeImports: false, skipAsyncImports: false }, es6: { skipAsyncImports: false } },
  });
  const theirs = m.obj();
  const { graph, resolver } = scan({ paths: [entries], project: path.join(root, tsconfig), isTypeOnlyKept: true });
  const ours: Record<string, string[]> = {};
  const pathMapped: string[] = [];
  for (const file of graph.facts.keys()) {
    const targets = new Set<string>();
    for (const { target, attrs } of graph.outEdges(file)) {
      if (graph.isPackage(target)) continue;
      if (resolver.isPathMapped(attrs.specifier)) pathMapped.push(`${graph.rel(file)} -> ${attrs.specifier}`);
      else targets.add(graph.rel(target));
    }
    ours[graph.rel(file)] = [...targets].sort();
  }
  // Files madge never reached because it could not follow a path alias are in ours only.
  const shared = Object.keys(theirs).sort();
  return {
    missingInOurs: shared.filter((f) => !(f in ours)),
    differences: shared.filter((f) => JSON.stringify([...theirs[f]!].sort()) !== JSON.stringify(ours[f])),
    pathMapped: [...new Set(pathMapped)].sort(),
    files: shared.length,
  };
}

describe('madge cross-check on the sample projects', () => {
  it('express-api: equal apart from tsconfig-path edges', async () => {
    const r = await compare('express-api', 'src/routes');
    expect(r.missingInOurs).toEqual([]);
    expect(r.differences).toEqual([]);
    expect(r.files).toBeGreaterThan(50);
    expect(r.pathMapped.every((e) => e.includes('@/lib/'))).toBe(true);
  });

  it('nestjs-app: equal', async () => {
    const r = await compare('nestjs-app', 'src');
    expect(r).toMatchObject({ missingInOurs: [], differences: [], pathMapped: [] });
    expect(r.files).toBeGreaterThan(10);
  });

  it('workspaces-monorepo: equal within the api package', async () => {
    const r = await compare('workspaces-monorepo', 'packages/api/src/routes');
    expect(r).toMatchObject({ missingInOurs: [], differences: [], pathMapped: [] });
    expect(r.files).toBe(12);
  });
});
