// resolve: read a tsconfig (with its extends chain) into the few options the scan needs.
import fs from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { loadTs } from '../parse/typescript.js';
import { UsageError } from '../errors.js';

/** The compiler options importscan depends on. */
export interface ProjectConfig {
  /** Absolute path of the tsconfig, or null when there is none. */
  file: string | null;
  verbatimModuleSyntax: boolean;
  /** `emitDecoratorMetadata`: the types of decorated constructors' parameters become run-time imports. */
  emitDecoratorMetadata: boolean;
  /** `commonjs` when TypeScript emits require() for imports, `esm`, or `node` (by package type). */
  moduleFormat: 'commonjs' | 'esm' | 'node';
  /** tsconfig `paths` patterns (keys), to tell a path-mapped import from a package. */
  pathPatterns: string[];
  allowJs: boolean;
  /** `module` as written, lower-case (`nodenext`, `esnext`, `commonjs`, ...). */
  module: string | null;
}

export const NO_TSCONFIG: ProjectConfig = {
  file: null,
  verbatimModuleSyntax: false,
  emitDecoratorMetadata: false,
  moduleFormat: 'node',
  pathPatterns: [],
  allowJs: true,
  module: null,
};

/** Finds the nearest tsconfig.json at or above `start` (a file or directory). */
export function findTsconfig(start: string): string | null {
  let dir = fs.existsSync(start) && fs.statSync(start).isDirectory() ? start : path.dirname(start);
  for (;;) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir || path.basename(dir) === 'node_modules') return null;
    dir = parent;
  }
}

/** Loads a tsconfig, following `extends`. Throws UsageError when it is unreadable or invalid. */
export function loadTsconfig(file: string): ProjectConfig {
  return readTsconfig(file).project;
}

/** Every file TypeScript read or looked for, with what it found: `size:mtime`, or `none`. */
export type ConfigInputs = Array<[file: string, stamp: string]>;

/** A file's stamp as ConfigInputs keeps it. */
export function inputStamp(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'none'; // absent, or a path through a file (ENOTDIR)
  }
}

/**
 * Loads a tsconfig and lists what it depends on (itself, every `extends`, the files TypeScript
 * looked for), so `--cache` can keep the result while none of them changed.
 */
export function readTsconfig(file: string): { project: ProjectConfig; inputs: ConfigInputs } {
  const shown = path.relative(process.cwd(), file) || file;
  if (!fs.existsSync(file)) throw new UsageError(`tsconfig not found: ${shown}`);
  const ts = loadTs();
  const seen = new Set<string>();
  const inputs: ConfigInputs = [];
  const note = (p: string) => {
    if (!seen.has(p)) seen.add(p), inputs.push([p, inputStamp(p)]);
  };
  const read = ts.readConfigFile(file, (p) => (note(p), fs.readFileSync(p, 'utf8')));
  if (read.error) throw new UsageError(`invalid tsconfig ${shown}: ${flatten(read.error)}`);
  // Only the options are read: a host that lists no directories keeps TypeScript from expanding
  // `include` over the whole tree (0.3 s at 20,000 files); the scan discovers files itself.
  const host: TS.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: () => [],
    fileExists: (p) => (note(p), ts.sys.fileExists(p)),
    readFile: (p) => (note(p), ts.sys.readFile(p)),
  };
  const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(file), undefined, file);
  const fatal = parsed.errors.find((e) => e.code !== 18003 && e.category === ts.DiagnosticCategory.Error);
  if (fatal) throw new UsageError(`invalid tsconfig ${shown}: ${flatten(fatal)}`);
  const o = parsed.options;
  const moduleName = o.module === undefined ? null : (ts.ModuleKind[o.module] ?? '').toLowerCase();
  let moduleFormat: ProjectConfig['moduleFormat'] = 'node';
  if (o.module === ts.ModuleKind.CommonJS) moduleFormat = 'commonjs';
  else if (o.module !== undefined && o.module >= ts.ModuleKind.ES2015 && o.module <= ts.ModuleKind.ESNext) moduleFormat = 'esm';
  else if (o.module === ts.ModuleKind.Preserve) moduleFormat = 'esm';
  const project: ProjectConfig = {
    file,
    verbatimModuleSyntax: o.verbatimModuleSyntax === true,
    emitDecoratorMetadata: o.emitDecoratorMetadata === true && o.experimentalDecorators === true,
    moduleFormat,
    pathPatterns: Object.keys(o.paths ?? {}),
    allowJs: o.allowJs === true,
    module: moduleName,
  };
  return { project, inputs };
}

function flatten(d: TS.Diagnostic): string {
  return loadTs().flattenDiagnosticMessageText(d.messageText, ' ');
}
