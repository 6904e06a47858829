// report/json: the report written in pieces is byte for byte JSON.stringify(result, null, 2).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/report/json.js';
import { scan } from '../../src/pipeline.js';
import type { ScanResult } from '../../src/types.js';
import { SAMPLE } from './helpers.js';

describe('jsonChunks', () => {
  it('writes a real report as JSON.stringify does, one top-level array element per piece', () => {
    const { result } = scan({ paths: [path.join(SAMPLE, 'src/routes')] });
    const chunks = [...jsonChunks(result)];
    expect(chunks.join('')).toBe(`${JSON.stringify(result, null, 2)}\n`);
    expect(chunks.length).toBeGreaterThan(result.findings.length + result.entries.length);
  });

  it('handles empty arrays, absent fields and nested arrays like JSON.stringify', () => {
    const odd = { schemaVersion: 1, entries: [], findings: [{ a: [1, [2, []], {}], s: 'line\nbreak' }], skipped: undefined, summary: { x: null } } as unknown as ScanResult;
    expect([...jsonChunks(odd)].join('')).toBe(`${JSON.stringify(odd, null, 2)}\n`);
  });
});
