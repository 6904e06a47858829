// discover: glob matchers (picomatch, loaded on first use: a scan without config globs, ignores or
// budgets never needs it, and loading it costs 12 ms of every run).
import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';

let loaded: typeof Picomatch | undefined;

/** A matcher for relative paths, dot files included. */
export function globMatcher(globs: string | string[]): (path: string) => boolean {
  loaded ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch;
  return loaded(globs, { dot: true });
}
