// parse: the calls inside declarations, recorded in the facts (a `--cache` scan) or read again when
// module-level code runs the declaration (a scan without a cache does not record them).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { declBody } from '../../src/parse/decl-bodies.js';
import { detailsOf } from '../../src/parse/details.js';
import { readFacts } from '../../src/parse/read.js';
import type { FileFacts } from '../../src/types.js';
import { code, writeProject } from '../rules/rule-tester.js';

const POOL = code("import { Pool } from 'pg';", '', 'export function createDb() {', '  return new Pool();', '}', '', 'export class Users {', '  constructor() {', "    this.client = fetch('https://users');", '  }', '}');
const ENTRY = code("import { createDb, Users } from './db.js';", 'export const db = createDb();', 'export const users = new Users();');

const calls = (facts: FileFacts, name: string) => declBody(facts, detailsOf(facts).decls.find((d) => d.name === name)!).calls.map((c) => c.text);

describe('declaration bodies', () => {
  it('are recorded by default and omitted on request, with the same declarations', () => {
    const dir = writeProject({ 'src/db.ts': POOL });
    const file = path.join(dir, 'src/db.ts');
    const recorded = readFacts(file);
    const omitted = readFacts(file, undefined, false);
    expect(recorded.declBodies).toBeInstanceOf(Uint8Array);
    expect(recorded.bodiesOmitted).toBeUndefined();
    expect(omitted.declBodies).toBeUndefined();
    expect(omitted.bodiesOmitted).toBe(true);
    expect(detailsOf(omitted).decls).toEqual(detailsOf(recorded).decls);
    expect(calls(recorded, 'createDb')).toEqual(['new Pool']);
    expect(calls(omitted, 'createDb')).toEqual(['new Pool']);
    expect(calls(omitted, 'Users')).toEqual(['fetch']);
  });

  it('read again from a file whose declarations moved since it was parsed: none (not calls at stale offsets)', () => {
    const dir = writeProject({ 'src/db.ts': POOL });
    const file = path.join(dir, 'src/db.ts');
    const omitted = readFacts(file, undefined, false);
    fs.writeFileSync(file, `// moved\n${POOL}`);
    expect(calls(omitted, 'createDb')).toEqual([]);
  });

  it('a scan without a cache finds what a scan with recorded bodies finds', () => {
    const dir = writeProject({ 'src/db.ts': POOL, 'src/entry.ts': ENTRY });
    const paths = [path.join(dir, 'src/entry.ts')];
    const seen = (findings: Array<{ ruleId: string; line: number; message: string }>) =>
      findings.filter((f) => f.ruleId.startsWith('side-effect/')).map((f) => `${f.ruleId} ${f.line} ${f.message}`);
    const reread = seen(scan({ paths }).result.findings);
    // A facts provider (what --cache is) makes the scan record every file's bodies.
    const recorded = seen(scan({ paths, factsOf: (file, _root, parse) => parse(file) }).result.findings);
    expect(reread).toEqual(recorded);
    expect(reread).toEqual([
      'side-effect/engine-creation 2 createDb() creates a pg Pool at src/db.ts:4',
      'side-effect/service-instantiation 3 Users instantiated at module level: its constructor makes a network request (fetch()) at src/db.ts:9',
    ]);
  });
});
