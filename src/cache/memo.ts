// cache: results derived from one file's bytes (its resolutions, a rewrite plan and its diff, a
// statement's text), kept with the file's cached facts and dropped with them when the bytes change.
// Each slot holds one value and the context it was computed in (the resolution stamp, the module
// format, the root): a value from another context is computed again and replaces it. A slot named
// `imports:...` holds what depends on the file's import list alone (IMPORTS_SLOT): it is kept when
// the bytes change but the imports do not (importsSignature).

import type { ImportFact } from '../types.js';

/** One file's memo, from `--cache` (null without it: every value is computed). */
export interface FileMemo {
  /** The value kept in `slot` when it was computed in `context`, else undefined. */
  get(slot: string, context: string): unknown;
  set(slot: string, context: string, value: unknown): void;
  /**
   * Whether this run writes the file's memo anyway (its cache entry changed): a value set then
   * costs no write of its own. Absent: every set is written.
   */
  isWritten?(): boolean;
}

/** The memo of a file whose bytes the cache checked in this run, or null. */
export type MemoOf = (file: string) => FileMemo | null;

/**
 * The value kept for `slot` in `context`, or `compute()` kept there. Values must survive
 * `v8.serialize` unchanged (plain data) and are never mutated by their users; undefined is not a
 * value (use null).
 */
export function memoized<T>(memo: FileMemo | null | undefined, slot: string, context: string, compute: () => T): T {
  if (!memo) return compute();
  const kept = memo.get(slot, context);
  if (kept !== undefined) return kept as T;
  const value = compute();
  memo.set(slot, context, value);
  return value;
}

/** Slots derived from the file's imports alone (what each import is and how it loads), not from the rest of its text. */
export const IMPORTS_SLOT = 'imports:';

/**
 * What of a file's imports a value under IMPORTS_SLOT may depend on: each import's specifier, kind,
 * condition and the flags that decide whether it is evaluated (not its position).
 */
export function importsSignature(imports: readonly ImportFact[]): string {
  return JSON.stringify(imports.map((i) => [i.specifier, i.kind, i.condition, i.isLazy, i.isTypeOnly, i.isElidedUnlessVerbatim, i.isKeptByDecoratorMetadata === true, i.isNonLiteral === true]));
}
