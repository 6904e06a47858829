// Every position the contract calls "module level", checked with an engine creation in it.
import { describe, expect, it } from 'vitest';
import { at, code, run } from '../rule-tester.js';

const RULE = 'side-effect/engine-creation';
const IMPORT = "import { Pool } from 'pg';";
const check = (...lines: string[]) => run({ 'src/entry.ts': code(IMPORT, ...lines) }, [RULE]).map((f) => [f.line, f.column]);

describe('module level positions', () => {
  it.each([
    ['variable initializer', ['export const pool = new Pool();'], [[2, 21]]],
    ['nested in an expression', ['export const db = { pool: new Pool() };'], [[2, 27]]],
    ['if block at top level', ['if (process.env.DB) {', '  globalThis.pool = new Pool();', '}'], [[3, 21]]],
    ['else branch', ['let p;', 'if (!process.env.DB) {} else {', '  p = new Pool();', '}'], [[4, 7]]],
    ['try block and catch', ['let p;', 'try {', '  p = new Pool();', '} catch {', '  p = new Pool();', '}'], [[4, 7], [6, 7]]],
    ['for loop body', ['const pools = [];', 'for (let i = 0; i < 2; i++) {', '  pools.push(new Pool());', '}'], [[4, 14]]],
    ['export default expression', ['export default new Pool();'], [[2, 16]]],
    ['class static block', ['export class Db {', '  static pool;', '  static {', '    Db.pool = new Pool();', '  }', '}'], [[5, 15]]],
    ['static field initializer', ['export class Db {', '  static pool = new Pool();', '}'], [[3, 17]]],
    ['decorator argument', ['function Use(x: unknown) { return (t: unknown) => t; }', '@Use(new Pool())', 'export class Db {}'], [[3, 6]]],
    ['member decorator argument', ['function Use(x: unknown) { return (t: unknown, k: string) => {}; }', 'export class Db {', '  @Use(new Pool()) run() {}', '}'], [[4, 8]]],
    ['computed key', ['const keys = { [String(new Pool())]: 1 };'], [[2, 24]]],
    ['computed class member key', ['export class Db {', '  [String(new Pool())]() {}', '}'], [[3, 11]]],
    ['extends expression', ['function mixin(p: unknown) { return class {}; }', 'export class Db extends mixin(new Pool()) {}'], [[3, 31]]],
    ['IIFE body', ['(function () {', '  new Pool();', '})();'], [[3, 3]]],
    ['arrow IIFE body', ['(() => {', '  new Pool();', '})();'], [[3, 3]]],
    ['async IIFE body', ['void (async () => {', '  new Pool();', '})();'], [[3, 3]]],
    ['arguments of a module-level call', ['console.log(new Pool());'], [[2, 13]]],
  ])('%s', (_name, lines, expected) => {
    expect(check(...lines)).toEqual(expected);
  });

  it.each([
    ['function body', ['export function f() {', '  return new Pool();', '}']],
    ['arrow body', ['export const f = () => new Pool();']],
    ['function expression body', ['export const f = function () { return new Pool(); };']],
    ['method body', ['export class Db {', '  m() { return new Pool(); }', '}']],
    ['static method body', ['export class Db {', '  static m() { return new Pool(); }', '}']],
    ['getter body', ['export class Db {', '  get pool() { return new Pool(); }', '}']],
    ['setter body', ['export class Db {', '  set pool(v: unknown) { new Pool(); }', '}']],
    ['constructor body (class never instantiated)', ['export class Db {', '  constructor() { new Pool(); }', '}']],
    ['instance field (class never instantiated)', ['export class Db {', '  pool = new Pool();', '}']],
    ['callback passed at module level', ["process.nextTick(() => new Pool());"]],
    ['nested function inside an IIFE', ['(() => {', '  function later() { return new Pool(); }', '  return later;', '})();']],
    ['object method', ['export const api = { make() { return new Pool(); } };']],
    ['default parameter', ['export function f(p = new Pool()) { return p; }']],
  ])('not module level: %s', (_name, lines) => {
    expect(check(...lines)).toEqual([]);
  });

  it('reports file, line, column, message and severity', () => {
    expect(run({ 'src/entry.ts': code(IMPORT, 'export default new Pool();') }, [RULE])).toEqual([
      at(RULE, 'error', 2, 16, 'pg Pool created at module level'),
    ]);
  });
});
