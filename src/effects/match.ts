// effects: match a traced origin (package export or global) against the catalog.
import type { EngineSpec } from '../config/schema.js';
import type { CallFact } from '../types.js';
import { ENGINES, IO, LISTENERS, NETWORK, TIMERS, type EffectSpec } from './catalog.js';
import type { Origin } from './origin.js';

/** What a call or `new` of a package export or global does, when it is an effect. */
export type DirectEffect =
  | { category: 'engine'; label: string }
  | { category: 'network' | 'io' | 'timer' | 'listener'; label?: undefined };

/** The catalog in use: built-ins plus the config's `engines`. */
export interface Catalog {
  engines: EngineSpec[];
}

export function catalogWith(extraEngines: EngineSpec[]): Catalog {
  return { engines: [...extraEngines, ...ENGINES] };
}

/**
 * Export paths a member path may stand for. A default import of a CommonJS package is its
 * `module.exports`, so `pg.default.Pool` is `Pool`; calling the module itself is `default`.
 */
function candidates(path: string[]): string[][] {
  if (path.length === 0) return [['default']];
  if (path[0] === 'default' && path.length > 1) return [path, path.slice(1)];
  return [path];
}

const globs = new Map<string, RegExp>();

function globMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  let re = globs.get(pattern);
  if (!re) globs.set(pattern, (re = new RegExp(`^${pattern.split('*').map(escape).join('[^.]*')}$`)));
  return re.test(value);
}

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function packageMatches(spec: string, specifier: string): boolean {
  return spec.endsWith('*') ? specifier.startsWith(spec.slice(0, -1)) : spec === specifier;
}

/** The matching path (joined) when `spec` covers this origin and call kind. */
function matchSpec(spec: { package: string; export: string; kind: string }, origin: Origin, kind: CallFact['kind']): string | undefined {
  if (spec.kind !== 'any' && spec.kind !== kind) return undefined;
  if (origin.type === 'global') {
    if (spec.package !== 'global') return undefined;
    const joined = origin.path.join('.');
    return globMatch(spec.export, joined) ? joined : undefined;
  }
  if (origin.type !== 'package' || spec.package === 'global' || !packageMatches(spec.package, origin.specifier)) return undefined;
  for (const path of candidates(origin.path)) {
    const joined = path.join('.');
    if (globMatch(spec.export, joined)) return joined;
  }
  return undefined;
}

/** The first spec of a list that matches. */
export function matchAny(specs: EffectSpec[], origin: Origin, kind: CallFact['kind']): boolean {
  return specs.some((s) => matchSpec(s, origin, kind) !== undefined);
}

const classified = new WeakMap<Catalog, Map<string, DirectEffect | undefined>>();

/**
 * Classifies a call or `new` of a package export or global; undefined when it is not an effect.
 * Memoised per catalog: a scan asks about the same few exports (`z.object`, `router.get`) thousands of times.
 */
export function classifyDirect(catalog: Catalog, origin: Origin, kind: CallFact['kind']): DirectEffect | undefined {
  if (origin.type !== 'package' && origin.type !== 'global') return undefined;
  if (kind === 'await') return undefined;
  let memo = classified.get(catalog);
  if (!memo) classified.set(catalog, (memo = new Map()));
  const key = `${kind}\0${origin.type === 'package' ? origin.specifier : ''}\0${origin.type}\0${origin.path.join('\0')}`;
  if (memo.has(key)) return memo.get(key);
  const effect = classifyUncached(catalog, origin, kind);
  memo.set(key, effect);
  return effect;
}

function classifyUncached(catalog: Catalog, origin: Origin & { type: 'package' | 'global' }, kind: CallFact['kind']): DirectEffect | undefined {
  for (const spec of catalog.engines) {
    const matched = matchSpec(spec, origin, kind);
    if (matched === undefined) continue;
    const label = (spec.label ?? `${spec.package} ${spec.export}`).replace('{export}', matched);
    return { category: 'engine', label };
  }
  if (matchAny(NETWORK, origin, kind)) return { category: 'network' };
  if (matchAny(IO, origin, kind)) return { category: 'io' };
  if (matchAny(TIMERS, origin, kind)) return { category: 'timer' };
  if (matchAny(LISTENERS, origin, kind)) return { category: 'listener' };
  return undefined;
}
