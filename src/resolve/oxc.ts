// resolve: oxc-resolver, loaded when a resolution is first needed: its native addon takes ~8 ms
// to load, and a warm `--cache` run whose resolutions are all kept needs none.
import { createRequire } from 'node:module';
import type { NapiResolveOptions, ResolverFactory } from 'oxc-resolver';

/** One resolver per condition over the same options (the second shares the first's caches). */
export interface ResolverPair {
  import: ResolverFactory;
  require: ResolverFactory;
}

/** Loads oxc-resolver (once) and makes the `import` and `require` resolvers for `base`. */
export function resolverPair(base: NapiResolveOptions): ResolverPair {
  const { ResolverFactory: Factory } = createRequire(import.meta.url)('oxc-resolver') as typeof import('oxc-resolver');
  const forImport = new Factory({ ...base, conditionNames: ['node', 'import'] });
  return { import: forImport, require: forImport.cloneWithOptions({ ...base, conditionNames: ['node', 'require'] }) };
}
