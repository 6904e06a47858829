// rules/duplicate-engine: the same kind of engine created in two modules of one entry's closure.
import { describe, expect, it } from 'vitest';
import { at, code, run } from './rule-tester.js';

const RULE = 'duplicate-engine';
const POOL = code("import { Pool } from 'pg';", 'export const pool = new Pool();');

describe(RULE, () => {
  it('reports the second pool, naming the first (in evaluation order)', () => {
    const files = {
      'src/db.ts': POOL,
      'src/reports/db.ts': code("import pg from 'pg';", '', 'export const reportsPool = new pg.Pool();'),
      'src/entry.ts': code("import { pool } from './db.js';", "import { reportsPool } from './reports/db.js';", 'export default [pool, reportsPool];'),
    };
    expect(run(files, [RULE])).toEqual([at(RULE, 'warning', 3, 28, 'pg Pool created a second time (first at src/db.ts:2)', 'src/reports/db.ts')]);
  });

  it('reports at each creation after the first', () => {
    const files = {
      'src/a.ts': POOL,
      'src/b.ts': POOL,
      'src/c.ts': POOL,
      'src/entry.ts': code("import './a.js';", "import './b.js';", "import './c.js';"),
    };
    expect(run(files, [RULE])).toEqual([
      at(RULE, 'warning', 2, 21, 'pg Pool created a second time (first at src/a.ts:2)', 'src/b.ts'),
      at(RULE, 'warning', 2, 21, 'pg Pool created a second time (first at src/a.ts:2)', 'src/c.ts'),
    ]);
  });

  it('counts engines created through a service constructor', () => {
    const files = {
      'src/db.ts': POOL,
      'src/zerodb.ts': code("import { Pool } from 'pg';", 'class ZeroDB { pool = new Pool(); }', 'export const zerodb = new ZeroDB();'),
      'src/entry.ts': code("import './db.js';", "import './zerodb.js';"),
    };
    expect(run(files, [RULE])).toEqual([
      at(RULE, 'warning', 3, 23, 'pg Pool created a second time, by new ZeroDB() (first at src/db.ts:2)', 'src/zerodb.ts'),
    ]);
  });

  it('lists only the entries that load both', () => {
    const files = {
      'src/db.ts': POOL,
      'src/other.ts': POOL,
      'src/routes/a.ts': code("import '../db.js';", "import '../other.js';"),
      'src/routes/b.ts': code("import '../other.js';"),
    };
    const dir = run(files, [RULE], { entries: ['src/routes/a.ts', 'src/routes/b.ts'] });
    expect(dir).toEqual([at(RULE, 'warning', 2, 21, 'pg Pool created a second time (first at src/db.ts:2)', 'src/other.ts')]);
  });

  describe('valid', () => {
    it('two pools in different entries only', () => {
      const files = {
        'src/db.ts': POOL,
        'src/other.ts': POOL,
        'src/routes/a.ts': "import '../db.js';\n",
        'src/routes/b.ts': "import '../other.js';\n",
      };
      expect(run(files, [RULE], { entries: ['src/routes/a.ts', 'src/routes/b.ts'] })).toEqual([]);
    });
    it('different kinds of engine', () => {
      const files = { 'src/db.ts': POOL, 'src/cache.ts': code("import Redis from 'ioredis';", 'export const r = new Redis();'), 'src/entry.ts': "import './db.js';\nimport './cache.js';\n" };
      expect(run(files, [RULE])).toEqual([]);
    });
    it('two pools in the same module are not two modules', () => {
      const entry = code("import { Pool } from 'pg';", 'export const read = new Pool();', 'export const write = new Pool();');
      expect(run({ 'src/entry.ts': entry }, [RULE])).toEqual([]);
    });
    it('one pool imported by many modules', () => {
      const files = { 'src/db.ts': POOL, 'src/a.ts': "import { pool } from './db.js';\nexport const a = pool;\n", 'src/entry.ts': "import './db.js';\nimport './a.js';\n" };
      expect(run(files, [RULE])).toEqual([]);
    });
  });
});
