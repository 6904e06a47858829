// rules/side-effect/top-level-await: every importer waits for a module-level await.
import { describe, expect, it } from 'vitest';
import { at, code, run } from '../rule-tester.js';

const RULE = 'side-effect/top-level-await';
const check = (entry: string) => run({ 'src/entry.ts': entry }, [RULE]);

describe(RULE, () => {
  it.each([
    ['await of a call', code('async function load() { return 1; }', 'export const secrets = await load();'), 2, 24],
    ['await in an if block', code('if (process.env.X) {', '  await Promise.resolve();', '}'), 2, 3],
    ['for await', code('for await (const x of [Promise.resolve(1)]) {', '  console.log(x);', '}'), 1, 1],
    ['an awaited async IIFE', code('export {};', 'await (async () => 1)();'), 2, 1],
  ])('%s', (_name, entry, line, column) => {
    expect(check(entry)).toEqual([at(RULE, 'warning', line, column, 'await at module level')]);
  });

  it.each([
    ['await inside an async function', code('export async function f() { await Promise.resolve(); }')],
    ['await inside an async IIFE (it does not block the importer)', code('void (async () => {', '  await Promise.resolve();', '})();')],
    ['await inside an async arrow', code('export const f = async () => { await Promise.resolve(); };')],
  ])('valid: %s', (_name, entry) => {
    expect(check(entry)).toEqual([]);
  });
});
