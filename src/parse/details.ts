// parse: the parts of a file's facts that only some files need (the declarations and exports the
// effect analysis follows calls into, the shapes and plans of rewrites, the module-level calls),
// kept serialised in the cache and unpacked for a file on first use: a warm run reads the rest of
// 5,000 files' facts without allocating these (the calls alone are 23,000 objects and their
// callees at 5k, mostly zod schemas; an analysis kept by --cache reads a few files' of them).
import v8 from 'node:v8';
import type { CallFact, FactsDetails, FileFacts } from '../types.js';

const unpacked = new WeakMap<Uint8Array, FactsDetails>();
const unpackedEffects = new WeakMap<Uint8Array, CallFact[]>();

/** A file's details, unpacked once per file when the facts came from the cache. */
export function detailsOf(facts: FileFacts): FactsDetails {
  const details = facts.details;
  if (!(details instanceof Uint8Array)) return details;
  let hit = unpacked.get(details);
  if (!hit) unpacked.set(details, (hit = v8.deserialize(details) as FactsDetails));
  return hit;
}

/** A file's module-level calls, unpacked once per file when the facts came from the cache. */
export function effectsOf(facts: FileFacts): CallFact[] {
  const effects = facts.effects;
  if (!(effects instanceof Uint8Array)) return effects;
  let hit = unpackedEffects.get(effects);
  if (!hit) unpackedEffects.set(effects, (hit = v8.deserialize(effects) as CallFact[]));
  return hit;
}

/** The facts with their details and module-level calls serialised, as the cache keeps them. */
export function packDetails(facts: FileFacts): FileFacts {
  const { details, effects } = facts;
  if (details instanceof Uint8Array && (effects instanceof Uint8Array || effects.length === 0)) return facts;
  return {
    ...facts,
    details: details instanceof Uint8Array ? details : v8.serialize(details),
    effects: effects instanceof Uint8Array || effects.length === 0 ? effects : v8.serialize(effects),
  };
}
