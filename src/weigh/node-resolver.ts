// weigh: resolve a package file's imports exactly as Node does (no TypeScript extensions, no tsconfig).
import { isBuiltin } from 'node:module';
import path from 'node:path';
import type { NapiResolveOptions } from 'oxc-resolver';
import { resolverPair, type ResolverPair } from '../resolve/oxc.js';

const NM = `${path.sep}node_modules${path.sep}`;

/**
 * Resolves `require()`/`import` specifiers from files inside node_modules. The project resolver
 * prefers `.ts` over `.js` and applies tsconfig paths; Node does neither for installed packages.
 */
export class NodeResolver {
  /** Made when a specifier is first resolved (weights kept in the store need none). */
  private resolvers: ResolverPair | null = null;
  private readonly options: NapiResolveOptions = {
    extensions: ['.js', '.json', '.node', '.mjs', '.cjs'],
    mainFields: ['main'],
    symlinks: true,
    builtinModules: true,
  };

  /** The absolute file a specifier loads, or null for built-ins and what cannot be resolved. */
  resolve(fromFile: string, specifier: string, condition: 'import' | 'require'): string | null {
    if (specifier.startsWith('node:') || isBuiltin(specifier)) return null;
    const result = (this.resolvers ??= resolverPair(this.options))[condition].sync(path.dirname(fromFile), specifier);
    return result.builtin ? null : (result.path ?? null);
  }
}

/**
 * The package directory that owns a file: the innermost `node_modules/<name>` (or
 * `node_modules/@scope/name`) above it; null for files outside node_modules.
 */
export function packageDirOf(file: string): string | null {
  const nm = file.lastIndexOf(NM);
  if (nm === -1) return null;
  const start = nm + NM.length;
  const parts = file.slice(start).split(path.sep);
  const n = parts[0]!.startsWith('@') ? 2 : 1;
  return file.slice(0, start) + parts.slice(0, n).join(path.sep);
}
