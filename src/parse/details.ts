// parse: the parts of a file's facts that only some files need (the declarations and exports the
// effect analysis follows calls into, the shapes and plans of rewrites), kept serialised in the
// cache and unpacked for a file on first use: a warm run reads the rest of 5,000 files' facts
// without allocating these (a fifth of the objects).
import v8 from 'node:v8';
import type { FactsDetails, FileFacts } from '../types.js';

const unpacked = new WeakMap<Uint8Array, FactsDetails>();

/** A file's details, unpacked once per file when the facts came from the cache. */
export function detailsOf(facts: FileFacts): FactsDetails {
  const details = facts.details;
  if (!(details instanceof Uint8Array)) return details;
  let hit = unpacked.get(details);
  if (!hit) unpacked.set(details, (hit = v8.deserialize(details) as FactsDetails));
  return hit;
}

/** The facts with their details serialised, as the cache keeps them. */
export function packDetails(facts: FileFacts): FileFacts {
  return facts.details instanceof Uint8Array ? facts : { ...facts, details: v8.serialize(facts.details) };
}
