// Suppression comments with the side-effect rules, and unused-suppression.
import { describe, expect, it } from 'vitest';
import { at, code, run } from './rule-tester.js';

const IMPORT = "import { Pool } from 'pg';";
const ENGINE = 'side-effect/engine-creation';
const UNUSED = 'unused-suppression';
const check = (...lines: string[]) => run({ 'src/entry.ts': code(...lines) }, [ENGINE, 'side-effect/timer', UNUSED]);

describe('suppressions', () => {
  it.each([
    ['disable-next-line with a reason', [IMPORT, `// importscan-disable-next-line ${ENGINE} -- created once per worker on purpose`, 'export const pool = new Pool();']],
    ['disable-line at the end of the line', [IMPORT, `export const pool = new Pool(); // importscan-disable-line ${ENGINE}`]],
    ['several ids, comma separated', [IMPORT, `// importscan-disable-next-line side-effect/timer, ${ENGINE}`, 'export const pool = new Pool(setInterval(() => {}, 1));']],
    ['whole file', [`/* importscan-disable ${ENGINE} */`, IMPORT, 'export const a = new Pool();', 'export const b = new Pool();']],
    ['above a multi-line statement whose effect starts on a later line', [IMPORT, `// importscan-disable-next-line ${ENGINE}`, 'export const db = {', '  pool: new Pool(),', '};']],
  ])('%s', (_name, lines) => {
    expect(check(...lines)).toEqual([]);
  });

  it('suppresses only the rules named', () => {
    expect(check(IMPORT, '// importscan-disable-next-line side-effect/timer', 'export const pool = new Pool();')).toEqual([
      at(UNUSED, 'info', 2, 1, 'suppression of side-effect/timer suppresses nothing'),
      at(ENGINE, 'error', 3, 21, 'pg Pool created at module level'),
    ]);
  });

  it('reports a suppression that suppresses nothing', () => {
    expect(check(IMPORT, `// importscan-disable-next-line ${ENGINE}`, 'export function getPool() { return new Pool(); }')).toEqual([
      at(UNUSED, 'info', 2, 1, `suppression of ${ENGINE} suppresses nothing`),
    ]);
  });

  it('a misspelt rule id is unused and the finding stays', () => {
    expect(check(IMPORT, 'export const pool = new Pool(); // importscan-disable-line side-effect/engine')).toEqual([
      at(ENGINE, 'error', 2, 21, 'pg Pool created at module level'),
      at(UNUSED, 'info', 2, 33, 'suppression of side-effect/engine suppresses nothing'),
    ]);
  });
});
