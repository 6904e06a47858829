// rules/side-effect/timer: timers started when a module is imported.
import { describe, expect, it } from 'vitest';
import { at, code, run } from '../rule-tester.js';

const RULE = 'side-effect/timer';
const check = (entry: string) => run({ 'src/entry.ts': entry }, [RULE]);

describe(RULE, () => {
  it.each([
    ['setInterval', code('const t = setInterval(() => {}, 1000);', 't.unref();'), 1, 11, 'timer setInterval() at module level'],
    ['setTimeout', code('setTimeout(() => {}, 10);'), 1, 1, 'timer setTimeout() at module level'],
    ['setImmediate', code('setImmediate(() => {});'), 1, 1, 'timer setImmediate() at module level'],
    ['globalThis.setInterval', code('globalThis.setInterval(() => {}, 5);'), 1, 1, 'timer globalThis.setInterval() at module level'],
    ['timers module', code("import { setInterval as every } from 'node:timers';", 'every(() => {}, 5);'), 2, 1, 'timer every() at module level'],
    ['node-cron', code("import cron from 'node-cron';", "cron.schedule('* * * * *', () => {});"), 2, 1, 'timer cron.schedule() at module level'],
  ])('%s', (_name, entry, line, column, message) => {
    expect(check(entry)).toEqual([at(RULE, 'warning', line, column, message)]);
  });

  it.each([
    ['inside a function', code('export function start() { return setInterval(() => {}, 1000); }')],
    ['a local setTimeout', code('const setTimeout = (f: () => void) => f();', 'setTimeout(() => {});')],
    ['timers/promises awaited is top-level-await, not a timer', code("import { setTimeout as sleep } from 'node:timers/promises';", 'await sleep(10);')],
  ])('valid: %s', (_name, entry) => {
    expect(check(entry)).toEqual([]);
  });
});
