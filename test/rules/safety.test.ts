// Static analysis never runs project code: a fixture whose module-level code writes marker files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/effects/writes-marker');
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'importscan-safety-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('scanning leaves no marker, yet sees the writes', () => {
  fs.cpSync(FIXTURE, dir, { recursive: true });
  const { result } = scan({ paths: [path.join(dir, 'src/entry.ts')] });
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('MARKER'))).toEqual([]);
  expect(result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line} ${f.message}`)).toEqual([
    'side-effect/io src/entry.ts:5 synchronous I/O writeFileSync() at module level',
    'side-effect/top-level-await src/entry.ts:7 await at module level',
    'side-effect/io src/entry.ts:8 synchronous I/O writeFileSync() at module level',
    'side-effect/io src/side.cjs:4 synchronous I/O fs.writeFileSync() at module level',
  ]);
});
