// resolve: specifier -> project file | package | builtin | unresolved, like Node and TypeScript.
// Built on oxc-resolver (tsconfig paths/baseUrl/extends, exports/imports conditions, symlinks).
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import type { NapiResolveOptions } from 'oxc-resolver';
import { resolverPair, type ResolverPair } from './oxc.js';
import type { Resolved } from '../types.js';
import type { ProjectConfig } from './tsconfig.js';

const NM = `${path.sep}node_modules${path.sep}`;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json', '.node'];
const EXTENSION_ALIAS = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

/** The package a bare specifier names: `@scope/name/sub` -> `@scope/name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** True for `./x`, `../x`, `/abs`. */
export function isRelative(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

/** Resolves import specifiers for one project, caching per directory and condition. */
export class ModuleResolver {
  private readonly options: NapiResolveOptions;
  /** Made when a specifier is first resolved (a warm run with every resolution kept makes none). */
  private resolvers: ResolverPair | null = null;
  private readonly cache = new Map<string, Resolved>();
  private readonly packageJsonCache = new Map<string, { name: string | null; version: string | null; type: string | null }>();
  private readonly pathMatchers: RegExp[];

  constructor(private readonly project: ProjectConfig) {
    const base: NapiResolveOptions = {
      extensions: EXTENSIONS,
      extensionAlias: EXTENSION_ALIAS,
      mainFields: ['main'],
      symlinks: true,
      builtinModules: true,
      ...(project.file ? { tsconfig: { configFile: project.file, references: 'auto' as const } } : {}),
    };
    this.options = base;
    this.pathMatchers = project.pathPatterns.map(
      (p) => new RegExp('^' + p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.*') + '$'),
    );
  }

  /** Resolves `specifier` imported from a file in `dir` under the given condition. */
  resolveIn(dir: string, specifier: string, condition: 'import' | 'require'): Resolved {
    const key = `${condition}\0${dir}\0${specifier}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.resolveUncached(dir, specifier, condition);
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** Forgets resolutions (ours and oxc-resolver's): once the graph is built they are only memory. */
  releaseResolutions(): void {
    this.cache.clear();
    this.resolvers?.import.clearCache();
    this.resolvers?.require.clearCache();
  }

  /** Whether a specifier matches a tsconfig `paths` pattern. */
  isPathMapped(specifier: string): boolean {
    return this.pathMatchers.some((m) => m.test(specifier));
  }

  private resolveUncached(dir: string, specifier: string, condition: 'import' | 'require'): Resolved {
    if (specifier.startsWith('node:') || (isBuiltin(specifier) && !specifier.startsWith('.'))) {
      return { type: 'builtin', name: specifier.replace(/^node:/, '') };
    }
    const result = (this.resolvers ??= resolverPair(this.options))[condition].sync(dir, specifier);
    if (result.builtin) return { type: 'builtin', name: result.builtin.resolved.replace(/^node:/, '') };
    const isBare = !isRelative(specifier) && !specifier.startsWith('#') && !this.isPathMapped(specifier);
    if (!result.path) return { type: 'unresolved', isBare, reason: result.error ?? 'not found' };
    const file = result.path;
    const nm = file.lastIndexOf(NM);
    if (nm === -1) return { type: 'file', path: file };
    const pkgDir = packageDirOf(file, nm);
    const pkg = this.readPackageJson(pkgDir);
    const name = pkg.name ?? (isBare ? packageNameOf(specifier) : path.basename(pkgDir));
    return { type: 'package', name, version: pkg.version, path: file, dir: pkgDir };
  }

  /** Reads name, version and type from a package.json (cached). */
  readPackageJson(dir: string): { name: string | null; version: string | null; type: string | null } {
    let hit = this.packageJsonCache.get(dir);
    if (!hit) {
      hit = { name: null, version: null, type: null };
      try {
        const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
        hit = {
          name: typeof json.name === 'string' ? json.name : null,
          version: typeof json.version === 'string' ? json.version : null,
          type: typeof json.type === 'string' ? json.type : null,
        };
      } catch {
        // no or unreadable package.json: unknown
      }
      this.packageJsonCache.set(dir, hit);
    }
    return hit;
  }

  /** The module format Node (or tsc's emit) gives a project file. */
  formatOf(file: string): 'import' | 'require' {
    if (/\.(mts|mjs)$/.test(file)) return 'import';
    if (/\.(cts|cjs)$/.test(file)) return 'require';
    const isTs = /\.tsx?$/.test(file);
    if (isTs && this.project.moduleFormat === 'commonjs') return 'require';
    if (isTs && this.project.moduleFormat === 'esm') return 'import';
    return this.nearestPackageType(path.dirname(file)) === 'module' ? 'import' : 'require';
  }

  private readonly typeCache = new Map<string, string | null>();

  private nearestPackageType(dir: string): string | null {
    const hit = this.typeCache.get(dir);
    if (hit !== undefined) return hit;
    let type: string | null = null;
    if (fs.existsSync(path.join(dir, 'package.json'))) type = this.readPackageJson(dir).type ?? 'commonjs';
    else {
      const parent = path.dirname(dir);
      type = parent === dir ? null : this.nearestPackageType(parent);
    }
    this.typeCache.set(dir, type);
    return type;
  }
}

/** `/x/node_modules/@s/p/lib/a.js` -> `/x/node_modules/@s/p` (the innermost package). */
function packageDirOf(file: string, nmIndex: number): string {
  const start = nmIndex + NM.length;
  const parts = file.slice(start).split(path.sep);
  const n = parts[0]!.startsWith('@') ? 2 : 1;
  return file.slice(0, start) + parts.slice(0, n).join(path.sep);
}
