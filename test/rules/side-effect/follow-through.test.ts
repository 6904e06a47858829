// Module-level calls of project functions count as the effect their body runs, at the call site.
import { describe, expect, it } from 'vitest';
import { at, code, run } from '../rule-tester.js';

const SIDE_EFFECTS = ['side-effect/engine-creation', 'side-effect/network', 'side-effect/io', 'side-effect/timer', 'side-effect/service-instantiation'];
const check = (files: Record<string, string>) => run(files, SIDE_EFFECTS);

describe('follow-through of project functions', () => {
  it('a local function that creates a pool', () => {
    const entry = code("import { Pool } from 'pg';", 'function createDb() {', '  return new Pool();', '}', 'export const db = createDb();');
    expect(check({ 'src/entry.ts': entry })).toEqual([
      at('side-effect/engine-creation', 'error', 5, 19, 'createDb() creates a pg Pool at src/entry.ts:3'),
    ]);
  });

  it('an imported function in another file (the issue example)', () => {
    const files = {
      'src/db/pool.ts': code("import { Pool } from 'pg';", '', 'export function createDb() {', '  const url = process.env.DATABASE_URL;', '  return new Pool({ connectionString: url });', '}'),
      'src/entry.ts': code("import { createDb } from './db/pool.js';", 'export const db = createDb();'),
    };
    expect(check(files)).toEqual([at('side-effect/engine-creation', 'error', 2, 19, 'createDb() creates a pg Pool at src/db/pool.ts:5')]);
  });

  it('through a barrel, a default export and an arrow function', () => {
    const files = {
      'src/db/connect.ts': code("import knex from 'knex';", "const connect = () => knex({ client: 'pg' });", 'export default connect;'),
      'src/db/index.ts': "export { default as connect } from './connect.js';\n",
      'src/entry.ts': code("import * as db from './db/index.js';", 'export const k = db.connect();'),
    };
    expect(check(files)).toEqual([at('side-effect/engine-creation', 'error', 2, 18, 'db.connect() creates a knex instance at src/db/connect.ts:2')]);
  });

  it('a function that does network, two levels deep', () => {
    const files = {
      'src/http.ts': code('export async function getJson(url: string) {', '  const res = await fetch(url);', '  return res.json();', '}'),
      'src/rates.ts': code("import { getJson } from './http.js';", "export function loadRates() { return getJson('https://rates'); }"),
      'src/entry.ts': code("import { loadRates } from './rates.js';", 'export const rates = loadRates();'),
    };
    expect(check(files)).toEqual([
      at('side-effect/network', 'error', 2, 22, 'loadRates() makes a network request (fetch()) at src/http.ts:2 (via getJson() at src/rates.ts:2)'),
    ]);
  });

  it('a function that reads a file synchronously', () => {
    const entry = code("import fs from 'node:fs';", "function loadConfig() { return JSON.parse(fs.readFileSync('c.json', 'utf8')); }", 'export const config = loadConfig();');
    expect(check({ 'src/entry.ts': entry })).toEqual([
      at('side-effect/io', 'warning', 3, 23, 'loadConfig() does synchronous I/O (fs.readFileSync()) at src/entry.ts:2'),
    ]);
  });

  it('the strongest effect wins: engine before network before I/O', () => {
    const entry = code(
      "import { readFileSync } from 'node:fs';",
      "import { createClient } from 'redis';",
      'function boot() {',
      "  readFileSync('x');",
      '  return createClient();',
      '}',
      'boot();',
    );
    expect(check({ 'src/entry.ts': entry })).toEqual([at('side-effect/engine-creation', 'error', 7, 1, 'boot() creates a redis client at src/entry.ts:5')]);
  });

  it('a function that builds a service that opens a pool', () => {
    const entry = code("import { Pool } from 'pg';", 'class Repo { pool = new Pool(); }', 'function makeRepo() { return new Repo(); }', 'export const repo = makeRepo();');
    expect(check({ 'src/entry.ts': entry })).toEqual([
      at('side-effect/engine-creation', 'error', 4, 21, 'makeRepo() creates a pg Pool at src/entry.ts:2 (via new Repo() at src/entry.ts:3)'),
    ]);
  });

  describe('valid', () => {
    it.each([
      ['a function with no effects', code('function sum(a: number, b: number) { return a + b; }', 'export const three = sum(1, 2);')],
      ['an effect only in a callback the function returns', code("import { Pool } from 'pg';", 'function lazy() { return () => new Pool(); }', 'export const getPool = lazy();')],
      ['a timer inside a called function (only engine, network and I/O are followed)', code('function start() { setInterval(() => {}, 1000); }', 'start();')],
      ['a function that is never called at module level', code("import { Pool } from 'pg';", 'export function createDb() { return new Pool(); }')],
      ['recursion terminates', code('function a(): number { return b(); }', 'function b(): number { return a(); }', 'export const x = a();')],
    ])('%s', (_name, entry) => {
      expect(check({ 'src/entry.ts': entry })).toEqual([]);
    });
  });
});
