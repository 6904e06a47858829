// parse: where an import binding is used. The facts keep, per binding, which kinds of use it has
// (bits: enough to pick the lazy-import candidates and to elide type-only imports); the uses
// themselves (offsets, enclosing function) are in the details (src/parse/details), read for the
// imports a rewrite is planned for.
import type { BindingUse, FileFacts, ImportBinding } from '../types.js';
import { detailsOf } from './details.js';

/** Each kind of use as a bit of ImportBinding.useKinds. */
export const USE: Readonly<Record<BindingUse['where'], number>> = { module: 1, function: 2, type: 4, export: 8 };

/** Whether the binding has a use of this kind. */
export function hasUse(b: ImportBinding, where: BindingUse['where']): boolean {
  return (b.useKinds & USE[where]) !== 0;
}

/** Whether every use of the binding is of these kinds (true when it has none). */
export function isUsedOnlyAs(b: ImportBinding, ...kinds: Array<BindingUse['where']>): boolean {
  let allowed = 0;
  for (const k of kinds) allowed |= USE[k];
  return (b.useKinds & ~allowed) === 0;
}

/** The uses of each binding of a file's import, in binding order. */
export function usesOf(facts: FileFacts, importIndex: number): BindingUse[][] {
  return detailsOf(facts).uses[importIndex] ?? [];
}
