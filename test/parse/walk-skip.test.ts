// parse: the walk leaves out function bodies and types that mention no import binding, import or
// require (src/parse/extract isSkipped). A text with `\u` anywhere is walked whole (an escaped name
// could hide a mention), so appending a comment with one must change nothing but the walk.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/parse/extract.js';

const WALK_ALL = '\n// \\u0041\n';

/** Facts as comparable text: the serialised declaration bodies unpacked. */
function factsOf(file: string, text: string, hasBodies: boolean): string {
  const facts = extractFacts(file, text, 100, undefined, hasBodies);
  return JSON.stringify({ ...facts, declBodies: facts.declBodies && v8.deserialize(facts.declBodies) });
}

function expectSameFacts(file: string, text: string): void {
  for (const hasBodies of [false, true]) expect(factsOf(file, text, hasBodies)).toBe(factsOf(file, text + WALK_ALL, hasBodies));
}

const CASES: Record<string, string> = {
  'uses in nested functions and types': `import { a, b } from './a.js';
import type { T } from './t.js';
import { U } from './u.js';
export function f(x: T): U { const g = () => a(x); return g() as unknown as U; }
export class C { m() { return function inner() { return b; }; } field = a; }
type Alias = { k: U; n: number };
interface I { u: U; t: typeof b }
`,
  'shadowing in a skipped and a walked block': `import { db } from './db.js';
export function q() { { const db = 1; return db; } }
export function r() { if (Math.random()) { return db.query(); } const db2 = 2; return db2; }
`,
  'import() and require() inside functions': `export async function load() { const m = await import('./heavy.js'); return m; }
export function legacy() { return function () { return require('./old.js'); }; }
export function shadow(require: (s: string) => unknown) { return require('./not-an-import.js'); }
`,
  'module-level calls and collected bodies next to skipped ones': `import { Pool } from 'pg';
function make() { return new Pool(); }
export const pool = make();
export class S { client = new Pool(); constructor() { setInterval(() => 1, 10); } method() { return new Pool(); } }
export const s = new S();
`,
  'a one-letter binding inside longer words, and next to a no-break space': `import { z } from 'zod';
export function size(zone: string) { return zone.length; }
export function schema() { return z\u00a0.string(); }
export function other() { return [z, zz, _z, $z]; }
`,
  'decorator metadata and JSX': `import { Injectable } from '@nestjs/common';
import { Repo } from './repo.js';
import { View } from './view.js';
@Injectable()
export class Svc { constructor(private repo: Repo) {} render() { return <View value={1} />; } }
`,
};

describe('skipped walk', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`changes no facts: ${name}`, () => expectSameFacts(name.includes('JSX') ? '/p/src/a.tsx' : '/p/src/a.ts', text));
  }

  it('changes no facts of any source file in the sample projects and fixtures', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.[cm]?[jt]sx?$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p);
      }
    };
    for (const dir of ['sample-projects', 'test/fixtures']) walk(path.resolve(dir));
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) expectSameFacts(file, fs.readFileSync(file, 'utf8'));
  });
});
