// rules/side-effect/engine-creation: every binding form, through barrels, config additions.
import { describe, expect, it } from 'vitest';
import { at, code, run } from '../rule-tester.js';

const RULE = 'side-effect/engine-creation';
const engine = (line: number, column: number, message: string, file?: string) => at(RULE, 'error', line, column, message, file);
const check = (entry: string, files: Record<string, string> = {}) => run({ 'src/entry.ts': entry, ...files }, [RULE]);

describe(RULE, () => {
  describe('valid', () => {
    it.each([
      ['a local class named Pool is not pg', code('class Pool {}', 'export const pool = new Pool();')],
      ['pg imported only as a type', code("import type { Pool } from 'pg';", 'export let pool: Pool | undefined;')],
      ['created inside a function body', code("import { Pool } from 'pg';", 'export function getPool() {', '  return new Pool();', '}')],
      ['created in an arrow body', code("import { Pool } from 'pg';", 'let pool: Pool | undefined;', 'export const getPool = () => (pool ??= new Pool());')],
      ['created in a method', code("import { Pool } from 'pg';", 'export class Db {', '  connect() { return new Pool(); }', '}')],
      ['a shadowed binding', code("import { Pool } from 'pg';", 'function make(Pool: new () => object) {', '  return new Pool();', '}', 'export { make };')],
      ['another export of the package', code("import { types } from 'pg';", 'types.setTypeParser(20, Number);')],
      ['a package of the same export name', code("import { Pool } from 'generic-pool';", 'export const pool = new Pool();')],
      ['mysql2 createPool called with new is not the spec', code("import { escape } from 'mysql2';", "export const q = escape('x');")],
    ])('%s', (_name, entry) => {
      expect(check(entry)).toEqual([]);
    });
  });

  describe('invalid: binding forms', () => {
    it.each([
      ['named import', code("import { Pool } from 'pg';", 'export const pool = new Pool();'), 2, 21, 'pg Pool created at module level'],
      ['aliased import', code("import { Pool as PgPool } from 'pg';", 'export const pool = new PgPool();'), 2, 21, 'pg Pool created at module level'],
      ['namespace import', code("import * as pg from 'pg';", 'export const pool = new pg.Pool();'), 2, 21, 'pg Pool created at module level'],
      ['default import (CommonJS interop)', code("import pg from 'pg';", 'export const pool = new pg.Pool();'), 2, 21, 'pg Pool created at module level'],
      ['default export called: knex', code("import knex from 'knex';", "export const db = knex({ client: 'pg' });"), 2, 19, 'knex instance created at module level'],
      ['require destructured', code("const { Pool } = require('pg');", 'const pool = new Pool();'), 2, 14, 'pg Pool created at module level'],
      ['require destructured with rename', code("const { Pool: P } = require('pg');", 'const pool = new P();'), 2, 14, 'pg Pool created at module level'],
      ['require whole module', code("const pg = require('pg');", 'const pool = new pg.Pool();'), 2, 14, 'pg Pool created at module level'],
      ['require member', code("const Pool = require('pg').Pool;", 'const pool = new Pool();'), 2, 14, 'pg Pool created at module level'],
      ['require called inline', code("const db = require('knex')({ client: 'pg' });"), 1, 12, 'knex instance created at module level'],
      ['import = require', code("import pg = require('pg');", 'export const pool = new pg.Pool();'), 2, 21, 'pg Pool created at module level'],
      ['node: style subpath package', code("import mysql from 'mysql2/promise';", 'export const pool = mysql.createPool({});'), 2, 21, 'mysql2 pool created at module level'],
      ['wildcard package', code("import { S3Client } from '@aws-sdk/client-s3';", 'export const s3 = new S3Client({});'), 2, 19, '@aws-sdk S3Client created at module level'],
      ['drizzle subpath', code("import { drizzle } from 'drizzle-orm/node-postgres';", 'export const db = drizzle(process.env.DATABASE_URL!);'), 2, 19, 'drizzle database created at module level'],
      ['static member of a class export', code("import { MongoClient } from 'mongodb';", "export const client = await MongoClient.connect('mongodb://x');"), 2, 29, 'MongoClient created at module level'],
      ['ioredis default', code("import Redis from 'ioredis';", 'export const redis = new Redis();'), 2, 22, 'ioredis client created at module level'],
      ['ioredis Cluster through the default', code("import Redis from 'ioredis';", 'export const cluster = new Redis.Cluster([]);'), 2, 24, 'ioredis Cluster created at module level'],
      ['PrismaClient', code("import { PrismaClient } from '@prisma/client';", 'export const prisma = new PrismaClient();'), 2, 23, 'PrismaClient created at module level'],
      ['mongoose.connect', code("import mongoose from 'mongoose';", "mongoose.connect('mongodb://x');"), 2, 1, 'mongoose connection created at module level'],
      ['firebase-admin', code("import admin from 'firebase-admin';", 'admin.initializeApp();'), 2, 1, 'firebase-admin app created at module level'],
      ['bullmq Worker', code("import { Worker } from 'bullmq';", "new Worker('q', async () => {});"), 2, 1, 'bullmq Worker created at module level'],
      ['better-sqlite3 default', code("import Database from 'better-sqlite3';", "export const db = new Database('app.db');"), 2, 19, 'better-sqlite3 Database created at module level'],
    ])('%s', (_name, entry, line, column, message) => {
      expect(check(entry)).toEqual([engine(line, column, message)]);
    });
  });

  describe('invalid: re-exported through project barrels', () => {
    it('named re-export', () => {
      const files = { 'src/lib/index.ts': "export { Pool } from 'pg';\n" };
      expect(check(code("import { Pool } from './lib/index.js';", 'export const pool = new Pool();'), files)).toEqual([
        engine(2, 21, 'pg Pool created at module level'),
      ]);
    });
    it('renamed re-export through two barrels', () => {
      const files = { 'src/lib/index.ts': "export * from './pg.js';\n", 'src/lib/pg.ts': "export { Pool as DbPool } from 'pg';\n" };
      expect(check(code("import { DbPool } from './lib/index.js';", 'export const pool = new DbPool();'), files)).toEqual([
        engine(2, 21, 'pg Pool created at module level'),
      ]);
    });
    it('import then export of the binding', () => {
      const files = { 'src/lib/redis.ts': "import Redis from 'ioredis';\nexport { Redis };\n" };
      expect(check(code("import { Redis } from './lib/redis.js';", 'export const r = new Redis();'), files)).toEqual([
        engine(2, 18, 'ioredis client created at module level'),
      ]);
    });
    it('namespace re-export', () => {
      const files = { 'src/lib/index.ts': "export * as pg from 'pg';\n" };
      expect(check(code("import { pg } from './lib/index.js';", 'export const pool = new pg.Pool();'), files)).toEqual([
        engine(2, 21, 'pg Pool created at module level'),
      ]);
    });
    it('a project barrel exporting its own Pool class is not pg', () => {
      const files = { 'src/lib/index.ts': 'export class Pool {}\n' };
      expect(check(code("import { Pool } from './lib/index.js';", 'export const pool = new Pool();'), files)).toEqual([]);
    });
  });

  describe('config additions', () => {
    it('flags a package export added in config.engines', () => {
      const config = { engines: [{ package: 'my-db', export: 'connect', kind: 'call' }] };
      const found = run({ 'src/entry.ts': code("import { connect } from 'my-db';", 'export const db = connect();') }, [RULE], { config });
      expect(found).toEqual([engine(2, 19, 'my-db connect created at module level')]);
    });
    it('uses the configured label', () => {
      const config = { engines: [{ package: 'my-db', export: 'default', kind: 'new', label: 'MyDB client' }] };
      const found = run({ 'src/entry.ts': code("import MyDb from 'my-db';", 'export const db = new MyDb();') }, [RULE], { config });
      expect(found).toEqual([engine(2, 19, 'MyDB client created at module level')]);
    });
  });
});
