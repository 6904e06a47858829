// lazy-import: RuleTester-style cases. Each invalid case states the finding and the exact output of
// `importscan --fix` (written to a temp dir, scanned, fixed); valid cases must report nothing.
import { describe, expect, it } from 'vitest';
import { hashTree, lazyFindings, readProject, runCli, writeProject, type Files } from './harness.js';

const HEAVY = `export class Heavy {\n  run(): string {\n    return 'ran';\n  }\n}\nexport function heavy(): string {\n  return 'heavy';\n}\nexport default function make(): Heavy {\n  return new Heavy();\n}\n`;

interface Case {
  name: string;
  files: Files;
  tsconfig?: object;
  packageJson?: object;
  /** Entry files (relative). */
  entries?: string[];
  /** Invalid cases: `file:line` of the finding, whether its fix is safe, and each changed file's text after --fix. */
  finding?: { at: string; safe: boolean | null };
  output?: Files;
}

const valid: Case[] = [
  {
    name: 'a binding used both at module level and in a function',
    files: {
      'src/route.ts': `import { heavy } from './heavy.js';\n\nexport const name = heavy();\n\nexport async function handler(): Promise<string> {\n  return heavy();\n}\n`,
      'src/heavy.ts': HEAVY,
    },
  },
  {
    name: 'a zero-saving import: the module stays loaded through another eager path',
    files: {
      'src/route.ts': `import { heavy } from './heavy.js';\nimport { other } from './other.js';\n\nexport const x = other;\n\nexport async function handler(): Promise<string> {\n  return heavy();\n}\n`,
      'src/other.ts': `import { heavy } from './heavy.js';\n\nexport const other = heavy();\n`,
      'src/heavy.ts': HEAVY,
    },
  },
  {
    name: 'a re-export and a side-effect import',
    files: {
      'src/route.ts': `import './heavy.js';\nexport { heavy } from './heavy.js';\n`,
      'src/heavy.ts': HEAVY,
    },
  },
  {
    name: 'an exported binding',
    files: {
      'src/route.ts': `import { heavy } from './heavy.js';\n\nexport { heavy };\n`,
      'src/heavy.ts': HEAVY,
    },
  },
  {
    name: 'a binding used in extends',
    files: {
      'src/route.ts': `import { Heavy } from './heavy.js';\n\nexport class Route extends Heavy {\n  async go(): Promise<string> {\n    return new Heavy().run();\n  }\n}\n`,
      'src/heavy.ts': HEAVY,
    },
  },
];

const invalid: Case[] = [
  {
    name: 'async function: await import() inside it (safe)',
    files: {
      'src/route.ts': `import { heavy } from './heavy.js';\n\nexport async function handler(): Promise<string> {\n  return heavy();\n}\n`,
      'src/heavy.ts': HEAVY,
    },
    finding: { at: 'src/route.ts:1', safe: true },
    output: {
      'src/route.ts': `export async function handler(): Promise<string> {\n  const { heavy } = await import('./heavy.js');\n  return heavy();\n}\n`,
    },
  },
  {
    name: 'shadowed names inside functions are not uses',
    files: {
      'src/route.ts': `import { heavy } from './heavy.js';\n\nexport function local(heavy: () => string): string {\n  return heavy();\n}\n\nexport async function handler(): Promise<string> {\n  return heavy();\n}\n`,
      'src/heavy.ts': HEAVY,
    },
    finding: { at: 'src/route.ts:1', safe: true },
    output: {
      'src/route.ts': `export function local(heavy: () => string): string {\n  return heavy();\n}\n\nexport async function handler(): Promise<string> {\n  const { heavy } = await import('./heavy.js');\n  return heavy();\n}\n`,
    },
  },
  {
    name: 'default + named imports from one declaration, double quotes and no semicolons kept',
    files: {
      'src/route.ts': `import make, { heavy } from "./heavy.js"\nimport { readFileSync } from "node:fs"\n\nexport const read = () => readFileSync\n\nexport async function handler() {\n  return make().run() + heavy()\n}\n`,
      'src/heavy.ts': HEAVY,
    },
    finding: { at: 'src/route.ts:1', safe: true },
    output: {
      'src/route.ts': `import { readFileSync } from "node:fs"\n\nexport const read = () => readFileSync\n\nexport async function handler() {\n  const { default: make, heavy } = await import("./heavy.js")\n  return make().run() + heavy()\n}\n`,
    },
  },
  {
    name: 'used as a type and once as a value inside a function: a type import stays',
    files: {
      'src/route.ts': `import { Heavy } from './heavy.js';\n\nexport type Maker = () => Heavy;\n\nexport async function handler(): Promise<Heavy> {\n  return new Heavy();\n}\n`,
      'src/heavy.ts': HEAVY,
    },
    finding: { at: 'src/route.ts:1', safe: true },
    output: {
      'src/route.ts': `import type { Heavy } from './heavy.js';\n\nexport type Maker = () => Heavy;\n\nexport async function handler(): Promise<Heavy> {\n  const { Heavy } = await import('./heavy.js');\n  return new Heavy();\n}\n`,
    },
  },
  {
    name: 'JSX uses in an async server component',
    files: {
      'src/page.tsx': `import { Chart } from './chart.js';\n\nexport default async function Page() {\n  return <Chart title="sales" />;\n}\n`,
      'src/chart.tsx': `export function Chart(props: { title: string }) {\n  return <div>{props.title}</div>;\n}\n`,
    },
    entries: ['src/page.tsx'],
    finding: { at: 'src/page.tsx:1', safe: true },
    output: {
      'src/page.tsx': `export default async function Page() {\n  const { Chart } = await import('./chart.js');\n  return <Chart title="sales" />;\n}\n`,
    },
  },
  {
    name: '`export default async function` handler and an expression-bodied async arrow: a memoised loader',
    files: {
      'src/route.ts': `import { heavy } from './heavy.js';\n\nexport const quick = async () => heavy();\n\nexport default async function handler(): Promise<string> {\n  return heavy();\n}\n`,
      'src/heavy.ts': HEAVY,
    },
    finding: { at: 'src/route.ts:1', safe: true },
    output: {
      'src/route.ts': `let heavyModule: Promise<typeof import('./heavy.js')> | undefined;\n/** Loads ./heavy.js on first use (importscan lazy-import). */\nfunction loadHeavy() {\n  return (heavyModule ??= import('./heavy.js'));\n}\n\nexport const quick = async () => {\n  const { heavy } = await loadHeavy();\n  return heavy();\n};\n\nexport default async function handler(): Promise<string> {\n  const { heavy } = await loadHeavy();\n  return heavy();\n}\n`,
    },
  },
  {
    name: 'class methods (async)',
    files: {
      'src/route.ts': `import { heavy } from './heavy.js';\n\nexport class Controller {\n  async get(): Promise<string> {\n    return heavy();\n  }\n}\n`,
      'src/heavy.ts': HEAVY,
    },
    finding: { at: 'src/route.ts:1', safe: true },
    output: {
      'src/route.ts': `export class Controller {\n  async get(): Promise<string> {\n    const { heavy } = await import('./heavy.js');\n    return heavy();\n  }\n}\n`,
    },
  },
  {
    name: 'sync use in a project compiled to CommonJS: memoised require (safe)',
    files: {
      'src/route.ts': `import { heavy } from './heavy';\n\nexport function handler(): string {\n  return heavy();\n}\n`,
      'src/heavy.ts': HEAVY,
    },
    packageJson: { name: 'fixture' },
    tsconfig: { compilerOptions: { target: 'ES2022', module: 'commonjs', moduleResolution: 'node10', strict: true, esModuleInterop: true, types: ['node'] }, include: ['src'] },
    finding: { at: 'src/route.ts:1', safe: true },
    output: {
      'src/route.ts': `let heavyModule: typeof import('./heavy') | undefined;\n/** Loads ./heavy on first use (importscan lazy-import). */\nfunction loadHeavy(): typeof import('./heavy') {\n  return (heavyModule ??= require('./heavy'));\n}\n\nexport function handler(): string {\n  const { heavy } = loadHeavy();\n  return heavy();\n}\n`,
    },
  },
  {
    name: 'sync express route handler in ESM: offered (make it async), not applied',
    files: {
      'src/route.ts': `import { Router } from './router.js';\nimport { heavy } from './heavy.js';\n\nexport const router = new Router();\n\nrouter.get('/x', (req: unknown, res: { send(v: string): void }) => {\n  res.send(heavy());\n});\n`,
      'src/router.ts': `export class Router {\n  get(path: string, handler: (req: unknown, res: { send(v: string): void }) => unknown): void {}\n}\n`,
      'src/heavy.ts': HEAVY,
    },
    finding: { at: 'src/route.ts:2', safe: false },
  },
  {
    name: 'sync use with module esnext: offered `import defer`, not applied',
    files: {
      'src/route.ts': `import { heavy } from './heavy.js';\n\nexport function handler(): string {\n  return heavy();\n}\n`,
      'src/heavy.ts': HEAVY,
    },
    tsconfig: { compilerOptions: { target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', strict: true }, include: ['src'] },
    finding: { at: 'src/route.ts:1', safe: false },
  },
  {
    name: 'a module-level service instance: memoised accessor, every use updated across files (safe)',
    files: {
      'src/route.ts': `import { zerodb, NAME } from './zerodb.js';\n\nexport const label = NAME;\n\nexport async function handler(): Promise<string> {\n  return zerodb.query();\n}\n`,
      'src/zerodb.ts': `export const NAME = 'zerodb';\n\nexport class ZeroDBService {\n  query(): string {\n    return 'rows';\n  }\n}\n\nexport const zerodb = new ZeroDBService();\n\nexport function ping(): string {\n  return zerodb.query();\n}\n`,
    },
    finding: { at: 'src/zerodb.ts:9', safe: true },
    output: {
      'src/route.ts': `import { getZerodb, NAME } from './zerodb.js';\n\nexport const label = NAME;\n\nexport async function handler(): Promise<string> {\n  return getZerodb().query();\n}\n`,
      'src/zerodb.ts': `export const NAME = 'zerodb';\n\nexport class ZeroDBService {\n  query(): string {\n    return 'rows';\n  }\n}\n\nlet zerodbInstance: ZeroDBService | undefined;\n/** The shared zerodb, created on first use (importscan lazy-import). */\nexport function getZerodb(): ZeroDBService {\n  return (zerodbInstance ??= new ZeroDBService());\n}\n\nexport function ping(): string {\n  return getZerodb().query();\n}\n`,
    },
  },
  {
    name: 'a service instance imported under another name and used as a shorthand property: the alias keeps its own getter name',
    files: {
      'src/route.ts': `import { zerodb as db, NAME } from './zerodb.js';\n\nexport const label = NAME;\n\nexport async function handler(): Promise<{ db: unknown }> {\n  return { db };\n}\n`,
      'src/zerodb.ts': `export const NAME = 'zerodb';\n\nexport class ZeroDBService {\n  query(): string {\n    return 'rows';\n  }\n}\n\nexport const zerodb = new ZeroDBService();\n\nexport function handles(): object {\n  return { zerodb };\n}\n`,
    },
    finding: { at: 'src/zerodb.ts:9', safe: true },
    output: {
      'src/route.ts': `import { getZerodb as getDb, NAME } from './zerodb.js';\n\nexport const label = NAME;\n\nexport async function handler(): Promise<{ db: unknown }> {\n  return { db: getDb() };\n}\n`,
      'src/zerodb.ts': `export const NAME = 'zerodb';\n\nexport class ZeroDBService {\n  query(): string {\n    return 'rows';\n  }\n}\n\nlet zerodbInstance: ZeroDBService | undefined;\n/** The shared zerodb, created on first use (importscan lazy-import). */\nexport function getZerodb(): ZeroDBService {\n  return (zerodbInstance ??= new ZeroDBService());\n}\n\nexport function handles(): object {\n  return { zerodb: getZerodb() };\n}\n`,
    },
  },
];

describe('lazy-import: valid (no finding)', () => {
  for (const c of valid) {
    it(c.name, async () => {
      const dir = writeProject(c.files, c);
      expect(await lazyFindings(dir, c.entries ?? ['src/route.ts'])).toEqual([]);
    });
  }
});

describe('lazy-import: invalid (finding, fix, exact output)', () => {
  for (const c of invalid) {
    it(c.name, async () => {
      const dir = writeProject(c.files, c);
      const entries = c.entries ?? ['src/route.ts'];
      const found = await lazyFindings(dir, entries);
      const hit = found.find((f) => f.at === c.finding!.at);
      expect(hit, JSON.stringify(found, null, 2)).toBeDefined();
      expect(hit!.fix?.safe ?? null).toBe(c.finding!.safe);
      const before = readProject(dir, Object.keys(c.files));
      const r = await runCli(dir, [...entries, '--fix']);
      expect(r.code, r.stderr).toBe(0);
      const after = readProject(dir, Object.keys(c.files));
      // Exact output: the changed files as given, every other file untouched.
      expect(after).toEqual({ ...before, ...(c.output ?? {}) });
      // Idempotent: a second --fix changes nothing.
      await runCli(dir, [...entries, '--fix']);
      expect(readProject(dir, Object.keys(c.files))).toEqual(after);
    });
  }
});

describe('lazy-import: offered rewrites are shown by --fix-dry-run, never applied', () => {
  const offered: Array<{ name: string; files: Files; tsconfig?: object; diff: string }> = [
    {
      name: 'a sync express route handler becomes async',
      files: {
        'src/route.ts': `import { Router } from './router.js';\nimport { heavy } from './heavy.js';\n\nexport const router = new Router();\n\nrouter.get('/x', (req: unknown, res: { send(v: string): void }) => {\n  res.send(heavy());\n});\n`,
        'src/router.ts': `export class Router {\n  get(path: string, handler: (req: unknown, res: { send(v: string): void }) => unknown): void {}\n}\n`,
        'src/heavy.ts': HEAVY,
      },
      diff: `--- a/src/route.ts\n+++ b/src/route.ts\n@@ -1,8 +1,8 @@\n import { Router } from './router.js';\n-import { heavy } from './heavy.js';\n \n export const router = new Router();\n \n-router.get('/x', (req: unknown, res: { send(v: string): void }) => {\n+router.get('/x', async (req: unknown, res: { send(v: string): void }) => {\n+  const { heavy } = await import('./heavy.js');\n   res.send(heavy());\n });\n`,
    },
    {
      name: 'import defer with module esnext (no Node release runs it unflagged: said in the description)',
      files: {
        'src/route.ts': `import { heavy } from './heavy.js';\n\nexport function handler(): string {\n  return heavy();\n}\n`,
        'src/heavy.ts': HEAVY,
      },
      tsconfig: { compilerOptions: { target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', strict: true }, include: ['src'] },
      diff: `--- a/src/route.ts\n+++ b/src/route.ts\n@@ -1,5 +1,5 @@\n-import { heavy } from './heavy.js';\n+import defer * as heavyModule from './heavy.js';\n \n export function handler(): string {\n-  return heavy();\n+  return heavyModule.heavy();\n }\n`,
    },
  ];
  for (const c of offered) {
    it(c.name, async () => {
      const dir = writeProject(c.files, c);
      const before = hashTree(dir);
      const dry = await runCli(dir, ['src/route.ts', '--fix-dry-run']);
      expect(dry.stdout).toContain('[offered: not applied by --fix]');
      expect(dry.stdout).toContain(c.diff);
      expect(hashTree(dir)).toBe(before);
      await runCli(dir, ['src/route.ts', '--fix']);
      expect(hashTree(dir)).toBe(before);
    });
  }

  it('says that no Node release runs import defer unflagged', async () => {
    const dir = writeProject(offered[1]!.files, offered[1]!);
    const [finding] = await lazyFindings(dir, ['src/route.ts']);
    expect(finding!.fix!.description).toMatch(/no Node release runs it unflagged/);
  });

  it('the message says the saving, and fix.savings holds it per entry', async () => {
    const dir = writeProject({
      'src/route.ts': `import { heavy } from './heavy.js';\n\nexport async function handler(): Promise<string> {\n  return heavy();\n}\n`,
      'src/heavy.ts': HEAVY,
    });
    const [finding] = await lazyFindings(dir, ['src/route.ts']);
    const bytes = Buffer.byteLength(HEAVY);
    expect(finding!.message).toBe(`\`heavy\` from ./heavy.js is used only inside functions: loading it on first use makes src/route.ts load 1 fewer module and ${bytes} B less`);
    expect(finding!.fix!.savings).toEqual({ 'src/route.ts': { modules: 1, bytes } });
  });

  it('a file that starts with a byte order mark: the diff and --fix leave the mark and rewrite the right text', async () => {
    const route = `import { heavy } from './heavy.js';\n\nexport async function handler(): Promise<string> {\n  return heavy();\n}\n`;
    const dir = writeProject({ 'src/route.ts': `\uFEFF${route}`, 'src/heavy.ts': HEAVY });
    const [finding] = await lazyFindings(dir, ['src/route.ts']);
    expect(finding!.at).toBe('src/route.ts:1');
    expect(finding!.fix!.diff).toContain(`-import { heavy } from './heavy.js';\n`);
    expect((await runCli(dir, ['src/route.ts', '--fix'])).stderr).toBe('importscan: applied 1 fix in 1 file (src/route.ts)\n');
    expect(readProject(dir, ['src/route.ts'])['src/route.ts']).toBe(
      `\uFEFFexport async function handler(): Promise<string> {\n  const { heavy } = await import('./heavy.js');\n  return heavy();\n}\n`,
    );
  });

  it('a package that is not installed is named, not counted as "0 fewer modules"', async () => {
    const dir = writeProject({
      'src/route.ts': `import { Pool } from 'pg';\n\nexport async function handler(): Promise<unknown> {\n  return new Pool();\n}\n`,
    });
    const [finding] = await lazyFindings(dir, ['src/route.ts']);
    expect(finding!.message).toBe('`Pool` from pg is used only inside functions: loading it on first use makes src/route.ts stop loading pg at start-up (not installed here, so not weighed)');
    expect(finding!.fix!.savings).toEqual({ 'src/route.ts': { modules: 0, bytes: 0 } });
  });
});

describe('lazy-import: accessors planned in the scan or, from facts cached without the plans, when the rule runs', () => {
  it('a cache written with lazy-import off gives the same fix as a plain scan', async () => {
    const files: Files = {
      'src/route.ts': `import { zerodb } from './zerodb.js';\n\nexport async function handler(): Promise<string> {\n  return zerodb.query();\n}\n`,
      'src/zerodb.ts': `export class ZeroDBService {\n  query(): string {\n    return 'rows';\n  }\n}\n\nexport const zerodb = new ZeroDBService();\n`,
    };
    const plain = await runCli(writeProject(files), ['src/route.ts', '--format', 'json']);
    const dir = writeProject(files);
    const off = await runCli(dir, ['src/route.ts', '--cache', '--rule', 'lazy-import=off', '--format', 'json']);
    expect(off.stderr).toBe('');
    const cached = await runCli(dir, ['src/route.ts', '--cache', '--format', 'json']);
    const fixOf = (stdout: string) => JSON.parse(stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'lazy-import').map((f: { fix?: unknown }) => f.fix);
    expect(fixOf(plain.stdout)).toHaveLength(2); // the import made lazy, or the instance made an accessor
    expect(fixOf(cached.stdout)).toEqual(fixOf(plain.stdout));
  });
});
