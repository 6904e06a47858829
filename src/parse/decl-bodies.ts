// parse: the calls of top-level declarations, stored serialised in the facts (FileFacts.declBodies)
// and unpacked for a file only when its declarations are followed. A scan without `--cache` does
// not record them (FileFacts.bodiesOmitted): the file is read and parsed again here, for the few
// files whose declarations module-level code runs (27 of 4,193 in the 5k benchmark repo).
import v8 from 'node:v8';
import type { DeclBody, DeclFact, FileFacts } from '../types.js';
import { detailsOf } from './details.js';
import { readFacts } from './read.js';

const unpacked = new WeakMap<Uint8Array, DeclBody[]>();
const reread = new WeakMap<FileFacts, DeclBody[]>();
const NO_BODY: DeclBody = { calls: [] };

/** What a declaration of `facts` calls when it runs (constructor and field initialisers for a class). */
export function declBody(facts: FileFacts | undefined, decl: DeclFact): DeclBody {
  if (!facts) return NO_BODY;
  const bodies = facts.bodiesOmitted ? bodiesReadAgain(facts) : facts.declBodies && unpackedBodies(facts.declBodies);
  return bodies?.[detailsOf(facts).decls.indexOf(decl)] ?? NO_BODY;
}

function unpackedBodies(data: Uint8Array): DeclBody[] {
  let bodies = unpacked.get(data);
  if (!bodies) unpacked.set(data, (bodies = v8.deserialize(data) as DeclBody[]));
  return bodies;
}

/** The bodies of a file parsed without them; none if the file no longer has the declarations the facts list. */
function bodiesReadAgain(facts: FileFacts): DeclBody[] {
  let bodies = reread.get(facts);
  if (!bodies) {
    const now = readFacts(facts.file);
    const decls = detailsOf(facts).decls;
    const nowDecls = detailsOf(now).decls;
    const isSame = now.declBodies !== undefined && nowDecls.length === decls.length && nowDecls.every((d, i) => d.start === decls[i]!.start && d.end === decls[i]!.end);
    bodies = isSame ? unpackedBodies(now.declBodies!) : [];
    reread.set(facts, bodies);
  }
  return bodies;
}
