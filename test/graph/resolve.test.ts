// One fixture per resolution case: the exact eager modules, lazy modules and packages per entry.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

/** Entries of a fixture's routes folder, reduced to what resolution decides. */
function graphOf(name: string, routes = 'src/routes') {
  const { result, graph } = scan({ paths: [fixture('resolve', name, routes)] });
  return {
    root: result.root,
    entries: result.entries.map((e) => ({
      file: e.file,
      eagerModules: e.eagerModules,
      lazyModules: e.lazyModules,
      packages: e.packages.map((p) => ({ name: p.name, chain: p.chain })),
    })),
    findings: result.findings.filter((f) => f.ruleId !== 'lazy-import').map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`),
    graph,
  };
}

describe('resolution', () => {
  it('tsconfig paths and baseUrl', () => {
    const { entries, findings } = graphOf('tsconfig-paths-alias');
    expect(entries).toEqual([
      { file: 'src/routes/a.ts', eagerModules: ['src/config.ts', 'src/db.ts', 'src/lib/index.ts', 'src/routes/a.ts'], lazyModules: [], packages: [] },
    ]);
    expect(findings).toEqual([]);
  });

  it('a tsconfig extends chain carries paths', () => {
    expect(graphOf('tsconfig-extends-chain').entries[0]!.eagerModules).toEqual(['src/routes/a.ts', 'src/services/svc.ts']);
  });

  it('a tsconfig extending a package (verbatimModuleSyntax from the base) with paths', () => {
    const { entries, root } = graphOf('tsconfig-extends-package');
    expect(root).toBe(fixture('resolve', 'tsconfig-extends-package'));
    // `import type` is never an edge, even under verbatimModuleSyntax.
    expect(entries[0]!.eagerModules).toEqual(['src/model.ts', 'src/routes/a.ts']);
  });

  it('.js, .mjs and .cjs specifiers map to .ts, .mts and .cts sources', () => {
    expect(graphOf('js-extension-to-ts').entries[0]!.eagerModules).toEqual(['src/b.ts', 'src/c.mts', 'src/d.cts', 'src/routes/a.ts']);
  });

  it('directory index files (node10)', () => {
    expect(graphOf('directory-index').entries[0]!.eagerModules).toEqual(['src/helpers/index.js', 'src/models/index.ts', 'src/routes/a.ts']);
  });

  it('allowJs: module-level require is eager, require inside a function is lazy', () => {
    expect(graphOf('allowjs-mixed').entries).toEqual([
      {
        file: 'src/routes/a.ts',
        eagerModules: ['src/legacy/format.js', 'src/legacy/util.js', 'src/routes/a.ts'],
        lazyModules: ['src/legacy/late.js'],
        packages: [],
      },
    ]);
  });

  it('package exports: import and require conditions pick different files', () => {
    const { entries, graph } = graphOf('package-exports-conditions');
    expect(entries.map((e) => [e.file, e.packages])).toEqual([
      ['src/routes/cjs.cjs', [{ name: 'dual', chain: ['src/routes/cjs.cjs'] }]],
      ['src/routes/esm.mjs', [{ name: 'dual', chain: ['src/routes/esm.mjs'] }]],
    ]);
    const files = [...graph.resolutions.values()].flat().filter((r) => r?.type === 'package').map((r) => (r as { path: string }).path.split('/dual/')[1]);
    expect(files.sort()).toEqual(['cjs/index.cjs', 'esm/feature.mjs', 'esm/index.mjs']);
  });

  it('package.json imports (#internal)', () => {
    expect(graphOf('package-imports-hash').entries[0]!.eagerModules).toEqual(['src/db.js', 'src/lib/log.js', 'src/routes/a.js']);
  });

  it('type-only imports, type-only specifiers and imports used only as types are not edges', () => {
    expect(graphOf('type-only-edges').entries[0]!.eagerModules).toEqual([
      'src/routes/a.ts',
      'src/side-effect.ts',
      'src/values/d.ts',
      'src/values/f.ts',
    ]);
  });

  it('verbatimModuleSyntax keeps an import used only as a type', () => {
    expect(graphOf('verbatim-module-syntax').entries[0]!.eagerModules).toEqual(['src/routes/a.ts', 'src/types/c.ts']);
  });

  it('dynamic import() is lazy, with its own imports; a non-literal one is reported, not guessed', () => {
    const { result } = scan({ paths: [fixture('resolve', 'dynamic-and-lazy', 'src/routes')] });
    expect(result.entries[0]).toMatchObject({
      eagerModules: ['src/eager.ts', 'src/routes/a.ts'],
      lazyModules: ['src/pdf.ts', 'src/report.ts'],
      unresolvableDynamicImports: ['src/routes/a.ts:4: import(`../plugins/${name}`)'],
    });
  });

  it('unresolved relative and path-mapped imports are findings; a missing package is a package', () => {
    const { entries, findings } = graphOf('unresolved-imports');
    expect(entries[0]!.packages).toEqual([{ name: 'not-installed-pkg', chain: ['src/routes/a.ts'] }]);
    expect(findings).toEqual([
      "unresolved-import src/routes/a.ts:1 cannot resolve '../missing'",
      "unresolved-import src/routes/a.ts:2 cannot resolve '@/nowhere'",
    ]);
  });

  it('a workspace package symlinked into node_modules is a project file, not a package', () => {
    expect(graphOf('workspaces-symlink', 'packages/api/src/routes').entries).toEqual([
      {
        file: 'packages/api/src/routes/a.js',
        eagerModules: ['packages/api/src/routes/a.js', 'packages/lib/src/dep.js', 'packages/lib/src/index.js'],
        lazyModules: [],
        packages: [],
      },
    ]);
  });

  it('node: and bare built-ins are not listed', () => {
    expect(graphOf('builtins').entries[0]).toEqual({ file: 'src/routes/a.js', eagerModules: ['src/routes/a.js', 'src/x.js'], lazyModules: [], packages: [] });
  });
});
