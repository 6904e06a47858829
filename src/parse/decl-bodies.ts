// parse: the calls of top-level declarations, stored serialised in the facts (FileFacts.declBodies)
// and unpacked for a file only when its declarations are followed.
import v8 from 'node:v8';
import type { DeclBody, DeclFact, FileFacts } from '../types.js';
import { detailsOf } from './details.js';

const unpacked = new WeakMap<Uint8Array, DeclBody[]>();
const NO_BODY: DeclBody = { calls: [] };

/** What a declaration of `facts` calls when it runs (constructor and field initialisers for a class). */
export function declBody(facts: FileFacts | undefined, decl: DeclFact): DeclBody {
  const data = facts?.declBodies;
  if (!data) return NO_BODY;
  let bodies = unpacked.get(data);
  if (!bodies) unpacked.set(data, (bodies = v8.deserialize(data) as DeclBody[]));
  return bodies[detailsOf(facts!).decls.indexOf(decl)] ?? NO_BODY;
}
