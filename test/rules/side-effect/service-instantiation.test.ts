// rules/side-effect/service-instantiation: project classes built at module level, and what their
// constructors do when followed through the project's code.
import { describe, expect, it } from 'vitest';
import { at, code, run } from '../rule-tester.js';

const RULE = 'side-effect/service-instantiation';
const check = (files: Record<string, string>) => run(files, [RULE, 'side-effect/engine-creation']);

describe(RULE, () => {
  it('warns on a plain service built at module level', () => {
    const entry = code('class Mailer {', '  constructor(private from: string) {}', '}', "export const mailer = new Mailer('me');");
    expect(check({ 'src/entry.ts': entry })).toEqual([at(RULE, 'warning', 4, 23, 'Mailer instantiated at module level')]);
  });

  it('is an error when the constructor opens a pool in another file (the motivating case)', () => {
    const files = {
      'src/db/pool-factory.ts': code("import { Pool } from 'pg';", 'export function createPool(name: string) {', '  return new Pool({ application_name: name });', '}'),
      'src/services/zerodb.ts': code(
        "import { createPool } from '../db/pool-factory.js';",
        'export class ZeroDBService {',
        '  private pool;',
        '  constructor() {',
        "    this.pool = createPool('zerodb');",
        '  }',
        '}',
        'export const zerodb = new ZeroDBService();',
      ),
      'src/entry.ts': "import { zerodb } from './services/zerodb.js';\nexport default zerodb;\n",
    };
    expect(check(files)).toEqual([
      at(RULE, 'error', 8, 23, 'ZeroDBService instantiated at module level: its constructor creates a pg Pool at src/db/pool-factory.ts:3 (via createPool() at src/services/zerodb.ts:5)', 'src/services/zerodb.ts'),
    ]);
  });

  it('follows an imported class across files and barrels', () => {
    const files = {
      'src/services/billing.ts': code("import Stripe from 'axios';", 'export class Billing {', "  rates = Stripe.get('https://rates');", '}'),
      'src/services/index.ts': "export * from './billing.js';\n",
      'src/entry.ts': code("import { Billing } from './services/index.js';", 'export const billing = new Billing();'),
    };
    expect(check(files)).toEqual([
      at(RULE, 'error', 2, 24, 'Billing instantiated at module level: its constructor makes a network request (Stripe.get()) at src/services/billing.ts:3'),
    ]);
  });

  it('follows the super chain to a base class whose constructor does sync I/O', () => {
    const entry = code(
      "import { readFileSync } from 'node:fs';",
      'class Base {',
      "  cfg = readFileSync('/etc/app.json', 'utf8');",
      '}',
      'class Service extends Base {}',
      'export const s = new Service();',
    );
    expect(check({ 'src/entry.ts': entry })).toEqual([
      at(RULE, 'error', 6, 18, 'Service instantiated at module level: its constructor does synchronous I/O (readFileSync()) at src/entry.ts:3 (via super() of Service at src/entry.ts:5)'),
    ]);
  });

  it('a class extending an engine class creates the engine', () => {
    const entry = code("import { Pool } from 'pg';", 'class AppPool extends Pool {}', 'export const pool = new AppPool();');
    expect(check({ 'src/entry.ts': entry })).toEqual([
      at(RULE, 'error', 3, 21, 'AppPool instantiated at module level: its constructor creates a pg Pool at src/entry.ts:2'),
    ]);
  });

  it('X.getInstance() is an instantiation, followed into the constructor', () => {
    const entry = code(
      "import Redis from 'ioredis';",
      'class Cache {',
      '  static instance?: Cache;',
      '  redis = new Redis();',
      '  static getInstance() {',
      '    return (this.instance ??= new this());',
      '  }',
      '}',
      'export const cache = Cache.getInstance();',
    );
    expect(check({ 'src/entry.ts': entry })).toEqual([
      at(RULE, 'error', 9, 22, 'Cache instantiated at module level by Cache.getInstance(), which creates an ioredis client at src/entry.ts:4'),
    ]);
  });

  it('a constructor that calls a helper that calls a helper (a few levels deep)', () => {
    const entry = code(
      "import mongoose from 'mongoose';",
      "function connect() { return mongoose.createConnection('mongodb://x'); }",
      'function init() { return connect(); }',
      'class Repo {',
      '  conn = init();',
      '}',
      'export const repo = new Repo();',
    );
    expect(check({ 'src/entry.ts': entry })).toEqual([
      at(RULE, 'error', 7, 21, 'Repo instantiated at module level: its constructor creates a mongoose connection at src/entry.ts:2 (via init() at src/entry.ts:5, then connect() at src/entry.ts:3)'),
    ]);
  });

  it('recursion in constructors terminates', () => {
    const entry = code('class A {', '  constructor() { make(); }', '}', 'function make() { return new A(); }', 'export const a = new A();');
    expect(check({ 'src/entry.ts': entry })).toEqual([at(RULE, 'warning', 5, 18, 'A instantiated at module level')]);
  });

  describe('valid', () => {
    it.each([
      ['an error subclass', code('class NotFound extends Error {}', "export const notFound = new NotFound('x');")],
      ['a Map subclass', code('class Registry extends Map<string, number> {}', 'export const registry = new Registry();')],
      ['an EventEmitter subclass', code("import { EventEmitter } from 'node:events';", 'class Bus extends EventEmitter {}', 'export const bus = new Bus();')],
      ['a package class (not a project class)', code("import { Hono } from 'hono';", 'export const app = new Hono();')],
      ['instantiated inside a function', code('class S {}', 'export function get() { return new S(); }')],
      ['a non-singleton static call', code('class S { static of() { return 1; } }', 'export const one = S.of();')],
    ])('%s', (_name, entry) => {
      expect(check({ 'src/entry.ts': entry })).toEqual([]);
    });
  });
});
