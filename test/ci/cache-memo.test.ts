// --cache keeps what is derived from each file's bytes (resolutions, rewrite plans and diffs,
// statement hashes) with its facts: reports stay byte-identical to uncached runs, and the kept
// values go stale exactly when what they depend on changes.
import fs from 'node:fs';
import v8 from 'node:v8';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FactsCache } from '../../src/cache/facts-cache.js';
import { detailsOf } from '../../src/parse/details.js';
import { scan } from '../../src/pipeline.js';
import { listSourceFiles, sourceFilesIn } from '../../src/discover/entries.js';
import { resolutionStamp, type Listing } from '../../src/resolve/stamp.js';
import { NO_TSCONFIG } from '../../src/resolve/tsconfig.js';
import { ModuleResolver } from '../../src/resolve/resolver.js';
import { importscan, normalise, SAMPLE, tempCopy } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A scan of `dir/src/routes` through a cache at `location`, counting resolver calls and file reads. */
function cachedScan(dir: string, location: string) {
  const resolve = vi.spyOn(ModuleResolver.prototype, 'resolveIn');
  const read = vi.spyOn(fs, 'readFileSync');
  const cache = new FactsCache('test', location);
  // Structure memo use: values found and values made, all and by kind (`dominators`, `closure`, `entries-by-node`, `effects`, `rule`).
  const structure = { found: 0, made: 0 };
  const byKind: Record<string, { found: number; made: number }> = {};
  const count = (key: string, what: 'found' | 'made') => {
    structure[what]++;
    const kind = key.split('\0')[0]!;
    (byKind[kind] ??= { found: 0, made: 0 })[what]++;
  };
  const structureMemoOf = (digest: string) => {
    const memo = cache.structureMemoOf(digest);
    return {
      get: (key: string) => {
        const value = memo.get(key);
        if (value !== undefined) count(key, 'found');
        return value;
      },
      set: (key: string, value: unknown) => {
        count(key, 'made');
        memo.set(key, value);
      },
    };
  };
  // Directories the resolution stamp lists (entry discovery lists the scanned folder on every run).
  const listedDirs: string[] = [];
  const readdir = fs.readdirSync;
  vi.spyOn(fs, 'readdirSync').mockImplementation(((...args: Parameters<typeof fs.readdirSync>) => {
    if (new Error().stack!.includes('listingOf')) listedDirs.push(String(args[0]));
    return readdir(...args);
  }) as typeof fs.readdirSync);
  const out = scan({ paths: [path.join(dir, 'src/routes')], factsOf: cache.factsOf, memoOf: cache.memoOf, structureMemoOf, digestOf: cache.digestOf, listingsFor: cache.listingsFor });
  cache.save();
  const readFiles = read.mock.calls.map(([p]) => String(p));
  const resolved = resolve.mock.calls.length;
  vi.restoreAllMocks();
  return { out, resolved, readFiles, listedDirs, structure, byKind };
}

/** A cached scan's report as text, the summary (durations) left out. */
function cachedReport(r: ReturnType<typeof cachedScan>): string {
  return JSON.stringify({ ...r.out.result, summary: null });
}

/** The report of `dir/src/routes` without a cache, as cachedReport gives it. */
function uncachedReport(dir: string): string {
  return JSON.stringify({ ...scan({ paths: [path.join(dir, 'src/routes')] }).result, summary: null });
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

describe('--cache keeps derived values', () => {
  it('reuses resolutions until a file appears, a package is installed or tsconfig changes', () => {
    const dir = tempCopy(SAMPLE, 'memo-resolve');
    const extra = path.join(dir, 'src/routes/extra.ts');
    write(extra, "import { helper } from '../lib/extra';\nexport const x = () => helper(1);\n");
    write(path.join(dir, 'src/lib/extra/index.ts'), 'export const helper = (x: unknown) => x;\n');
    const location = path.join(dir, '.memo-cache/');
    const entryOf = (r: ReturnType<typeof cachedScan>) => r.out.result.entries.find((e) => e.file === 'src/routes/extra.ts')!;

    const first = cachedScan(dir, location);
    expect(first.resolved).toBeGreaterThan(50);
    expect(entryOf(first).eagerModules).toContain('src/lib/extra/index.ts');
    expect(cachedScan(dir, location).resolved).toBe(0);

    // A new file that wins the resolution of an unchanged import: everything is resolved again.
    write(path.join(dir, 'src/lib/extra.ts'), 'export const helper = (x: unknown) => [x];\n');
    const added = cachedScan(dir, location);
    expect(added.resolved).toBeGreaterThan(50);
    expect(entryOf(added).eagerModules).toContain('src/lib/extra.ts');
    expect(entryOf(added).eagerModules).not.toContain('src/lib/extra/index.ts');
    expect(cachedScan(dir, location).resolved).toBe(0);

    // Edited without changing its imports (a comment, a new function): nothing is resolved again.
    fs.appendFileSync(extra, '// a note\nexport const z = () => 2;\n');
    expect(cachedScan(dir, location).resolved).toBe(0);

    // Edited without changing which files exist: only the edited file is resolved again. An
    // import that does not resolve keeps its file's resolutions from being kept at all.
    fs.appendFileSync(extra, "import pad from 'left-pad';\nexport const y = () => pad;\n");
    expect(cachedScan(dir, location).resolved).toBe(2);
    expect(cachedScan(dir, location).resolved).toBe(2);

    // A package installed: the bare import that was unresolved now resolves to it, and is kept.
    const isUnresolved = (r: ReturnType<typeof cachedScan>) => entryOf(r).packages.find((p) => p.name === 'left-pad')!.bytes === null;
    expect(isUnresolved(cachedScan(dir, location))).toBe(true);
    write(path.join(dir, 'node_modules/left-pad/package.json'), '{"name":"left-pad","version":"1.3.0","main":"index.js"}\n');
    write(path.join(dir, 'node_modules/left-pad/index.js'), 'module.exports = (s) => s;\n');
    const installed = cachedScan(dir, location);
    expect(installed.resolved).toBeGreaterThan(50);
    expect(isUnresolved(installed)).toBe(false);
    expect(cachedScan(dir, location).resolved).toBe(0);

    // tsconfig's bytes changed (paths, baseUrl and extends decide resolutions): everything again.
    fs.appendFileSync(path.join(dir, 'tsconfig.json'), '\n');
    expect(cachedScan(dir, location).resolved).toBeGreaterThan(50);

    // A link under the root: nothing behind it is stamped, so nothing is kept.
    fs.symlinkSync(path.join(dir, 'src/lib'), path.join(dir, 'linked-lib'));
    expect(cachedScan(dir, location).resolved).toBeGreaterThan(50);
    expect(cachedScan(dir, location).resolved).toBeGreaterThan(50);
    fs.rmSync(path.join(dir, 'linked-lib'));

    // Every one of those reports is the report of a run without the cache, from the same resolutions.
    const plain = scan({ paths: [path.join(dir, 'src/routes')] });
    cachedScan(dir, location);
    const warm = cachedScan(dir, location);
    expect(warm.resolved).toBe(0);
    expect(JSON.stringify({ ...warm.out.result, summary: null })).toBe(JSON.stringify({ ...plain.result, summary: null }));
    expect(warm.out.graph.resolutions).toEqual(plain.graph.resolutions);
  });

  it('does not read a file again for its rewrites or fingerprints while its bytes are unchanged', () => {
    const dir = tempCopy(SAMPLE, 'memo-plans');
    const location = path.join(dir, '.memo-cache/');
    const first = cachedScan(dir, location);
    // Files whose findings are all lazy imports (an instance accessor's diff also edits its importers: those are read).
    const findings = first.out.result.findings;
    const lazyOnly = new Set(findings.filter((f) => f.ruleId === 'lazy-import' && f.fix).map((f) => path.join(dir, f.file)));
    for (const f of findings) if (f.ruleId !== 'lazy-import' || f.message.includes('memoised accessor')) lazyOnly.delete(path.join(dir, f.file));
    for (const f of findings.filter((x) => x.message.includes('memoised accessor'))) {
      for (const [, other] of f.fix!.diff.matchAll(/^\+\+\+ b\/(.+)$/gm)) lazyOnly.delete(path.join(dir, other!));
    }
    expect(lazyOnly.size).toBeGreaterThan(10);
    expect(first.readFiles.filter((f) => lazyOnly.has(f)).length).toBeGreaterThan(10);

    const warm = cachedScan(dir, location);
    expect(warm.readFiles.filter((f) => lazyOnly.has(f))).toEqual([]);
    expect(JSON.stringify(warm.out.result.findings)).toBe(JSON.stringify(first.out.result.findings));
  });

  it('after an edit that moves every offset, the warm report and --fix equal uncached ones', () => {
    const dir = tempCopy(SAMPLE, 'memo-edit');
    const args = ['src/routes', '--format', 'json'];
    expect(importscan([...args, '--cache'], dir).code).toBe(1);
    const users = path.join(dir, 'src/services/users.ts');
    fs.writeFileSync(users, `// a new first line\n${fs.readFileSync(users, 'utf8')}`);
    const warm = importscan([...args, '--cache'], dir);
    const plain = importscan(args, dir);
    expect(normalise(warm.stdout, dir)).toBe(normalise(plain.stdout, dir));
    expect(warm.stdout).toContain('"file": "src/services/users.ts"');

    // --fix from kept plans rewrites exactly what --fix without a cache does.
    const uncached = tempCopy(dir, 'memo-edit-plain');
    fs.rmSync(path.join(uncached, 'node_modules/.cache'), { recursive: true, force: true });
    const fixed = importscan(['src/routes', '--fix', '--cache'], dir);
    const fixedPlain = importscan(['src/routes', '--fix'], uncached);
    expect(fixed.code).toBe(fixedPlain.code);
    const sources = (root: string) => Object.fromEntries(fs.readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort().map((f) => [f, fs.readFileSync(path.join(root, 'src', f), 'utf8')]));
    const after = sources(dir);
    expect(after).toEqual(sources(uncached));
    expect(after['services/users.ts']).not.toBe(fs.readFileSync(path.join(SAMPLE, 'src/services/users.ts'), 'utf8').replace(/^/, '// a new first line\n'));
  });

  it('keeps declarations, exports and rewrite shapes serialised, unpacked to what a parse gives', () => {
    const dir = tempCopy(SAMPLE, 'memo-details');
    const location = path.join(dir, '.memo-cache/');
    cachedScan(dir, location);
    const warm = cachedScan(dir, location).out.graph;
    const plain = scan({ paths: [path.join(dir, 'src/routes')] }).graph;
    let shapes = 0;
    for (const [file, facts] of warm.facts) {
      expect(facts.details).toBeInstanceOf(Uint8Array);
      const fresh = plain.facts.get(file)!;
      expect(fresh.details).not.toBeInstanceOf(Uint8Array);
      expect(detailsOf(facts)).toEqual(detailsOf(fresh));
      if (detailsOf(facts).lazyShapes) shapes++;
    }
    expect(shapes).toBeGreaterThan(10);
  });

  it("lists from the stamp's walk the source files a walk of their own lists", () => {
    const dir = tempCopy(SAMPLE, 'memo-listing');
    write(path.join(dir, 'dist/out.js'), 'export {};\n');
    write(path.join(dir, 'src/.hidden/x.ts'), 'export {};\n');
    write(path.join(dir, 'src/lib/dist/y.ts'), 'export {};\n');
    write(path.join(dir, 'packages/a/node_modules/z/index.js'), 'module.exports = 1;\n');
    write(path.join(dir, 'src/types.d.ts'), 'export {};\n');
    write(path.join(dir, 'scripts/seed.mjs'), 'export {};\n');
    const walked = resolutionStamp(dir, NO_TSCONFIG, '')!;
    expect(walked.hasLinks).toBe(false);
    const listed = listSourceFiles(dir);
    expect(listed.length).toBeGreaterThan(30);
    expect(sourceFilesIn(walked.files, dir)).toEqual(listed);
  });

  it('lists again only the directories whose modification time changed, and not those changed just now', () => {
    const dir = tempCopy(SAMPLE, 'memo-dirs');
    const location = path.join(dir, '.memo-cache/');
    // Every directory last changed an hour ago (a fresh copy's were all changed just now: too recent to keep).
    const anHourAgo = new Date(Date.now() - 3_600_000);
    const age = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) age(path.join(d, e.name));
      fs.utimesSync(d, anHourAgo, anHourAgo);
    };
    age(dir);
    const walkedUnder = (r: ReturnType<typeof cachedScan>) => r.listedDirs.filter((d) => d.startsWith(path.join(dir, 'src')));
    const first = cachedScan(dir, location);
    expect(walkedUnder(first).length).toBeGreaterThan(5);
    const warm = cachedScan(dir, location);
    expect(walkedUnder(warm)).toEqual([]);
    expect(warm.resolved).toBe(0);
    expect(cachedReport(warm)).toBe(cachedReport(first));

    // A file added where an unchanged import now resolves: that directory is listed again, the stamp
    // changes and everything is resolved again, as without kept listings.
    write(path.join(dir, 'src/lib/extra/index.ts'), 'export const helper = (x: unknown) => x;\n');
    write(path.join(dir, 'src/routes/extra.ts'), "import { helper } from '../lib/extra';\nexport const x = () => helper(1);\n");
    const added = cachedScan(dir, location);
    expect(added.resolved).toBeGreaterThan(50);
    expect(walkedUnder(added)).toEqual(expect.arrayContaining([path.join(dir, 'src/lib'), path.join(dir, 'src/routes'), path.join(dir, 'src/lib/extra')]));
    fs.utimesSync(path.join(dir, 'src/lib'), anHourAgo, anHourAgo);
    fs.utimesSync(path.join(dir, 'src/routes'), anHourAgo, anHourAgo);
    fs.utimesSync(path.join(dir, 'src/lib/extra'), anHourAgo, anHourAgo);
    cachedScan(dir, location);
    expect(walkedUnder(cachedScan(dir, location))).toEqual([]);
    write(path.join(dir, 'src/lib/extra.ts'), 'export const helper = (x: unknown) => [x];\n');
    fs.utimesSync(path.join(dir, 'src/lib'), new Date(Date.now() - 7_200_000), new Date(Date.now() - 7_200_000)); // changed, though older
    const shadowed = cachedScan(dir, location);
    expect(shadowed.resolved).toBeGreaterThan(50);
    expect(shadowed.out.result.entries.find((e) => e.file === 'src/routes/extra.ts')!.eagerModules).toContain('src/lib/extra.ts');

    // A directory changed within the last seconds is listed on every run until it is older.
    fs.utimesSync(path.join(dir, 'src/lib'), new Date(), new Date());
    cachedScan(dir, location);
    expect(walkedUnder(cachedScan(dir, location))).toEqual([path.join(dir, 'src/lib')]);

    // Every report equals the one without a cache; the stamp is the one a walk without listings makes.
    expect(cachedReport(cachedScan(dir, location))).toBe(uncachedReport(dir));
    const kept = new Map<string, Listing>();
    const listings = { get: (d: string) => kept.get(d), set: (d: string, l: Listing) => void kept.set(d, l) };
    const plain = resolutionStamp(dir, NO_TSCONFIG, '')!;
    expect(resolutionStamp(dir, NO_TSCONFIG, '', listings)).toEqual(plain);
    expect(kept.size).toBeGreaterThan(5);
    expect(resolutionStamp(dir, NO_TSCONFIG, '', listings)).toEqual(plain);
  });

  it('reports lazy-import findings kept while their savings are unchanged, and makes again those whose savings changed', () => {
    const dir = tempCopy(SAMPLE, 'memo-kept');
    const location = path.join(dir, '.memo-cache/');
    const first = cachedScan(dir, location);
    const shardFiles = () => fs.readdirSync(location).filter((f) => /^facts\.v8\.\d+$/.test(f)).map((f) => path.join(location, f));
    type Kept = Array<{ importIndex: number; message: string }>;
    type Shard = { files: Map<string, { memo?: Map<string, { context: string; value: unknown }> }> };
    // Mark one kept message in the cache: a warm run that shows the mark reported the kept finding.
    let marked: { file: string; importIndex: number; message: string } | null = null;
    let keptCount = 0;
    for (const shardFile of shardFiles()) {
      const shard = v8.deserialize(fs.readFileSync(shardFile)) as Shard;
      for (const [file, entry] of shard.files) {
        const kept = entry.memo?.get('lazy-import:findings')?.value as Kept | undefined;
        keptCount += kept?.length ?? 0;
        // One whose import is of a project file (grown below).
        const one = kept?.find((k) => first.out.graph.resolutions.get(file)![k.importIndex]?.type === 'file');
        if (!one || marked) continue;
        one.message += ' (as kept)';
        marked = { file, importIndex: one.importIndex, message: one.message };
        fs.writeFileSync(shardFile, v8.serialize(shard));
      }
    }
    expect(keptCount).toBe(first.out.result.findings.filter((f) => f.ruleId === 'lazy-import' && f.message.includes('used only inside functions')).length);
    expect(marked).not.toBeNull();
    const { file, importIndex, message } = marked!;
    expect(cachedScan(dir, location).out.result.findings.map((f) => f.message)).toContain(message);

    // The module that import loads grows: the finding's savings change, so it is made again, and only
    // the grown file's shard is written (the findings of other files keep their entries unwritten).
    const grown = (first.out.graph.resolutions.get(file)![importIndex] as { path: string }).path;
    const times = () => new Map(shardFiles().map((f) => [f, fs.statSync(f).mtimeMs]));
    const before = times();
    fs.appendFileSync(grown, `\n/*${'x'.repeat(5_000)}*/\n`);
    const after = cachedScan(dir, location);
    expect(after.out.result.findings.map((f) => f.message)).not.toContain(message);
    expect(cachedReport(after)).toBe(uncachedReport(dir));
    const written = [...times()].filter(([f, t]) => before.get(f) !== t).map(([f]) => f);
    const shardOfGrown = shardFiles().filter((f) => (v8.deserialize(fs.readFileSync(f)) as Shard).files.has(grown));
    expect(written).toEqual(shardOfGrown);
    expect(cachedReport(cachedScan(dir, location))).toBe(uncachedReport(dir));
  });

  it("leaves unparsed the imports of the files whose links, candidates and findings it kept", () => {
    const dir = tempCopy(SAMPLE, 'memo-unparsed');
    const location = path.join(dir, '.memo-cache/');
    cachedScan(dir, location);
    const warm = cachedScan(dir, location);
    const isUnread = (facts: object) => typeof Object.getOwnPropertyDescriptor(facts, 'imports')?.get === 'function';
    const unread = [...warm.out.graph.facts.values()].filter(isUnread).length;
    // Read: files with instance accessors' importers, entries' biggest cuts, heavy imports; not the rest.
    expect(unread).toBeGreaterThan(warm.out.graph.facts.size / 2);
    expect(cachedReport(warm)).toBe(uncachedReport(dir));
    // Read when asked, as a parse gives them.
    const plain = scan({ paths: [path.join(dir, 'src/routes')] }).graph;
    for (const [file, facts] of warm.out.graph.facts) expect(facts.imports).toEqual(plain.facts.get(file)!.imports);
  });

  it('keeps dominator trees while no import is added or removed, and the savings follow the sizes', () => {
    const dir = tempCopy(SAMPLE, 'memo-structure');
    const location = path.join(dir, '.memo-cache/');
    const plainReport = () => uncachedReport(dir);
    const first = cachedScan(dir, location);
    const trees = first.byKind.dominators!.made;
    expect(trees).toBeGreaterThan(20);
    const warm = cachedScan(dir, location);
    expect(warm.structure.made).toBe(0);
    expect(warm.byKind.dominators).toEqual({ found: trees, made: 0 });

    // A module grows by 50 kB without a new import: same trees, new savings.
    const mailer = path.join(dir, 'src/services/mailer.ts');
    fs.appendFileSync(mailer, `\n/*${'x'.repeat(50_000)}*/\n`);
    const grown = cachedScan(dir, location);
    expect(grown.structure.made).toBe(0);
    expect(cachedReport(grown)).toBe(plainReport());
    expect(cachedReport(grown)).not.toBe(cachedReport(warm));

    // A new import: another structure, every tree made again.
    fs.appendFileSync(mailer, "import { db } from './../db';\nexport const mailDb = () => db;\n");
    const rewired = cachedScan(dir, location);
    expect(rewired.structure.found).toBe(0);
    expect(rewired.byKind.dominators!.made).toBe(trees);
    expect(rewired.byKind.closure!.made).toBe(trees);
    expect(cachedReport(rewired)).toBe(plainReport());
  });

  it("keeps a tsconfig's options until it or a file it extends changes", () => {
    const dir = tempCopy(SAMPLE, 'memo-tsconfig');
    write(path.join(dir, 'tsconfig.base.json'), '{ "compilerOptions": { "module": "esnext", "verbatimModuleSyntax": true } }\n');
    write(path.join(dir, 'tsconfig.json'), '{ "extends": "./tsconfig.base.json", "compilerOptions": { "allowJs": true } }\n');
    const tsconfig = path.join(dir, 'tsconfig.json');
    const location = path.join(dir, '.memo-cache/');
    const projectOf = () => {
      const read = vi.spyOn(fs, 'readFileSync');
      const cache = new FactsCache('test', location);
      const project = cache.projectOf(tsconfig);
      cache.save();
      const reads = read.mock.calls.map(([p]) => String(p)).filter((p) => p.includes('tsconfig'));
      vi.restoreAllMocks();
      return { project, reads };
    };
    const first = projectOf();
    expect(first.project).toMatchObject({ module: 'esnext', moduleFormat: 'esm', verbatimModuleSyntax: true, allowJs: true });
    expect(first.reads).toContain(path.join(dir, 'tsconfig.base.json'));
    const warm = projectOf();
    expect(warm.project).toEqual(first.project);
    expect(warm.reads.filter((p) => !p.startsWith(location))).toEqual([]);

    // The extended file changes: read again.
    write(path.join(dir, 'tsconfig.base.json'), '{ "compilerOptions": { "module": "commonjs" } }\n');
    const changed = projectOf();
    expect(changed.project).toMatchObject({ module: 'commonjs', moduleFormat: 'commonjs', verbatimModuleSyntax: false, allowJs: true });
    expect(projectOf().project).toEqual(changed.project);
  });

  it('keeps what a source file outside the graph mentions until it changes', () => {
    const dir = tempCopy(SAMPLE, 'memo-outside');
    const seed = path.join(dir, 'scripts/seed.ts');
    write(seed, 'export const rows = 3;\n');
    const location = path.join(dir, '.memo-cache/');
    const accessorHelp = (r: { result: { findings: Array<{ message: string; help?: string }> } }) =>
      r.result.findings.find((f) => f.message.startsWith('`zerodb` (new ZeroDBService())'))!.help!;
    const plainReport = () => uncachedReport(dir);
    expect(cachedScan(dir, location).readFiles).toContain(seed);
    const warm = cachedScan(dir, location);
    expect(warm.readFiles).not.toContain(seed);
    expect(accessorHelp(warm.out)).not.toContain('seed.ts');

    // It starts using the instance: the accessor rewrite is offered only, as without the cache.
    write(seed, "import { zerodb } from '../src/services/zerodb';\nexport const rows = () => zerodb;\n");
    const edited = cachedScan(dir, location);
    expect(edited.readFiles).toContain(seed);
    expect(accessorHelp(edited.out)).toContain('scripts/seed.ts, which the scan did not read, may use it');
    expect(cachedReport(edited)).toBe(plainReport());
  });

  it("keeps the effect analysis and the facts-only rules' diagnostics while no file's facts but their sizes change", () => {
    const dir = tempCopy(SAMPLE, 'memo-effects');
    const location = path.join(dir, '.memo-cache/');
    const plainReport = () => uncachedReport(dir);
    const first = cachedScan(dir, location);
    const trees = first.byKind.dominators!.made;
    const rules = first.byKind.rule!.made; // the rules that read only the structure and the facts
    expect(first.byKind.effects).toEqual({ found: 0, made: 1 });
    expect(rules).toBe(10);
    const mailer = path.join(dir, 'src/services/mailer.ts');

    // A comment at the end: same facts but the size, so every rule's diagnostics are kept too.
    fs.appendFileSync(mailer, '\n// a note\n');
    const appended = cachedScan(dir, location);
    expect(appended.structure.made).toBe(0);
    expect(appended.byKind.rule).toEqual({ found: rules, made: 0 });
    expect(cachedReport(appended)).toBe(plainReport());

    // A new module-level timer: no import changes (trees kept), the analysis and those rules run again.
    fs.appendFileSync(mailer, 'setInterval(() => undefined, 60_000);\n');
    const timer = cachedScan(dir, location);
    expect(timer.byKind.dominators).toEqual({ found: trees, made: 0 });
    expect(timer.byKind.closure).toEqual({ found: trees, made: 0 });
    expect(timer.byKind['entries-by-node']).toEqual({ found: 1, made: 0 });
    expect(timer.byKind.ranks).toEqual({ found: 1, made: 0 }); // the files' order by relative path
    expect(timer.byKind.effects).toEqual({ found: 0, made: 1 });
    expect(timer.byKind.rule).toEqual({ found: 0, made: rules });
    // What was kept for the facts before the timer is dropped, not piled up edit after edit.
    const kept = v8.deserialize(fs.readFileSync(path.join(location, 'facts.v8.graph'))) as { values: Map<string, unknown> };
    expect(kept.values.size).toBe(trees + trees + 1 + 1 + 1 + rules); // trees, closures, entries by node, ranks, the analysis, rules
    expect(timer.out.result.findings.some((f) => f.ruleId === 'side-effect/timer' && f.file === 'src/services/mailer.ts')).toBe(true);
    expect(cachedReport(timer)).toBe(plainReport());
  });
});
