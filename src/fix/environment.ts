// fix: what a rewrite needs to know about the project: the file's output format (ESM or CommonJS),
// tsconfig `module`, the TypeScript version, and the file's text, as the scan saw them.
import { createRequire } from 'node:module';
import type { MemoOf } from '../cache/memo.js';
import type { ProjectConfig } from '../resolve/tsconfig.js';
import { parseFile, type ParsedFile } from './ast.js';

/** The project facts rewrites depend on. */
export interface FixEnv {
  project: ProjectConfig;
  /** How Node loads the compiled file: `require` (CommonJS output) or `import` (ESM). */
  formatOf(file: string): 'import' | 'require';
  /** TypeScript version in use, `major.minor`. */
  tsVersion: string;
  /** Current text of a source file. */
  textOf(file: string): string;
  /** Every source file under the root (not node_modules, dist or dot folders), listed once per scan. */
  sourceFiles(): readonly string[];
  /** With `--cache`: values derived from a file's bytes, kept between runs (src/cache/memo). */
  memoOf?: MemoOf;
  /** A file's syntax tree, parsed once for all the rewrites planned in it (a few files are kept). */
  parsedOf(file: string): ParsedFile;
}

/** Files whose trees stay parsed: the rule plans file by file, importers of an instance are few. */
const PARSED_KEPT = 16;

/** The environment a rule sees: the scan's own tsconfig facts and file reader. */
export function fixEnvOf(host: Omit<FixEnv, 'tsVersion' | 'parsedOf'>): FixEnv {
  const parsed = new Map<string, ParsedFile>();
  return {
    ...host,
    tsVersion: typescriptVersion(),
    parsedOf(file) {
      let hit = parsed.get(file);
      if (hit) {
        parsed.delete(file); // most recently used last
      } else {
        hit = parseFile(file, host.textOf(file));
        if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
      }
      parsed.set(file, hit);
      return hit;
    },
  };
}

let version: string | undefined;

/** The TypeScript version importscan ships with, `major.minor`, from its package.json (loading TypeScript costs 0.1 s). */
function typescriptVersion(): string {
  version ??= ((createRequire(import.meta.url)('typescript/package.json') as { version: string }).version.split('.').slice(0, 2).join('.'));
  return version;
}

/** Whether `import defer` type-checks here: tsconfig `module` esnext or preserve, and TypeScript >= 5.9. */
export function isImportDeferAvailable(env: FixEnv): boolean {
  const [major, minor] = env.tsVersion.split('.').map(Number) as [number, number];
  const isNewEnough = major > 5 || (major === 5 && minor >= 9);
  return isNewEnough && (env.project.module === 'esnext' || env.project.module === 'preserve');
}
