// cache: results derived from one file's bytes (its resolutions, a rewrite plan and its diff, a
// statement's text), kept with the file's cached facts and dropped with them when the bytes change.
// Each slot holds one value and the context it was computed in (the resolution stamp, the module
// format, the root): a value from another context is computed again and replaces it.

/** One file's memo, from `--cache` (null without it: every value is computed). */
export interface FileMemo {
  /** The value kept in `slot` when it was computed in `context`, else undefined. */
  get(slot: string, context: string): unknown;
  set(slot: string, context: string, value: unknown): void;
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
