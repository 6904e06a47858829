// fix: what a rewrite needs to know about the project: the file's output format (ESM or CommonJS),
// tsconfig `module`, the TypeScript version, and the file's text. Read lazily and cached per root.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ModuleResolver } from '../resolve/resolver.js';
import { findTsconfig, loadTsconfig, NO_TSCONFIG, type ProjectConfig } from '../resolve/tsconfig.js';

/** The project facts rewrites depend on. */
export interface FixEnv {
  project: ProjectConfig;
  /** How Node loads the compiled file: `require` (CommonJS output) or `import` (ESM). */
  formatOf(file: string): 'import' | 'require';
  /** TypeScript version in use, `major.minor`. */
  tsVersion: string;
  /** Current text of a source file. */
  textOf(file: string): string;
}

const envs = new Map<string, FixEnv>();

/** The environment for a project root (the tsconfig's directory when there is one). */
export function fixEnvFor(root: string, project?: ProjectConfig): FixEnv {
  const key = `${root}\0${project?.file ?? ''}`;
  const hit = envs.get(key);
  if (hit) return hit;
  let resolved = project;
  if (!resolved) {
    const tsconfig = findTsconfig(root);
    try {
      resolved = tsconfig ? loadTsconfig(tsconfig) : NO_TSCONFIG;
    } catch {
      resolved = NO_TSCONFIG;
    }
  }
  const env = createFixEnv(resolved);
  envs.set(key, env);
  return env;
}

/** An environment over a given tsconfig; texts are read from disk on demand (not cached: fixes change them). */
export function createFixEnv(project: ProjectConfig): FixEnv {
  const resolver = new ModuleResolver(project);
  return {
    project,
    formatOf: (file) => resolver.formatOf(file),
    tsVersion: ts.versionMajorMinor,
    textOf: (file) => fs.readFileSync(file, 'utf8'),
  };
}

/** Whether `import defer` type-checks here: tsconfig `module` esnext or preserve, and TypeScript >= 5.9. */
export function isImportDeferAvailable(env: FixEnv): boolean {
  const [major, minor] = env.tsVersion.split('.').map(Number) as [number, number];
  const isNewEnough = major > 5 || (major === 5 && minor >= 9);
  return isNewEnough && (env.project.module === 'esnext' || env.project.module === 'preserve');
}

/** Path relative to root with forward slashes. */
export function relPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
