// rules/side-effect/io: synchronous file-system and child-process work at module level.
import { describe, expect, it } from 'vitest';
import { at, code, run } from '../rule-tester.js';

const RULE = 'side-effect/io';
const check = (entry: string) => run({ 'src/entry.ts': entry }, [RULE]);

describe(RULE, () => {
  it.each([
    ['readFileSync named', code("import { readFileSync } from 'node:fs';", "export const cfg = JSON.parse(readFileSync('c.json', 'utf8'));"), 2, 31, 'synchronous I/O readFileSync() at module level'],
    ['fs default', code("import fs from 'fs';", "fs.mkdirSync('/tmp/x', { recursive: true });"), 2, 1, 'synchronous I/O fs.mkdirSync() at module level'],
    ['fs namespace', code("import * as fs from 'node:fs';", "export const has = fs.existsSync('/x');"), 2, 20, 'synchronous I/O fs.existsSync() at module level'],
    ['require(fs).readFileSync', code("const text = require('fs').readFileSync('x', 'utf8');"), 1, 14, "synchronous I/O require('fs').readFileSync() at module level"],
    ['fs-extra', code("import fse from 'fs-extra';", "fse.readJsonSync('x.json');"), 2, 1, 'synchronous I/O fse.readJsonSync() at module level'],
    ['execSync', code("import { execSync } from 'node:child_process';", "export const sha = execSync('git rev-parse HEAD').toString();"), 2, 20, 'child process execSync() at module level'],
    ['spawn', code("import cp from 'child_process';", "cp.spawn('worker');"), 2, 1, 'child process cp.spawn() at module level'],
    ['glob.sync', code("import glob from 'glob';", "export const files = glob.sync('*.ts');"), 2, 22, 'synchronous I/O glob.sync() at module level'],
  ])('%s', (_name, entry, line, column, message) => {
    expect(check(entry)).toEqual([at(RULE, 'warning', line, column, message)]);
  });

  it.each([
    ['async fs', code("import { readFile } from 'node:fs/promises';", "export const cfg = readFile('c.json');")],
    ['fs.promises', code("import fs from 'node:fs';", "export const p = fs.promises.readFile('x');")],
    ['readFileSync in a function', code("import { readFileSync } from 'node:fs';", "export const load = () => readFileSync('x');")],
    ['a local readFileSync', code("function readFileSync(p: string) { return p; }", "readFileSync('x');")],
    ['path helpers', code("import path from 'node:path';", "export const dir = path.join('a', 'b');")],
  ])('valid: %s', (_name, entry) => {
    expect(check(entry)).toEqual([]);
  });
});
