// report/json: the report written in pieces is byte for byte JSON.stringify(result, null, 2).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/report/json.js';
import { scan } from '../../src/pipeline.js';
import type { ScanResult } from '../../src/types.js';
import { SAMPLE } from './helpers.js';

describe('jsonChunks', () => {
  it('writes a real report as JSON.stringify does, in batches of top-level array elements', () => {
    const { result } = scan({ paths: [path.join(SAMPLE, 'src/routes')] });
    expect([...jsonChunks(result)].join('')).toBe(`${JSON.stringify(result, null, 2)}\n`);
    // 1,000 findings: four batches, the last one short, never one string for the whole array.
    const large = { ...result, findings: Array.from({ length: 1000 }, (_, i) => result.findings[i % result.findings.length]!) };
    const chunks = [...jsonChunks(large)];
    expect(chunks.join('')).toBe(`${JSON.stringify(large, null, 2)}\n`);
    expect(chunks.filter((c) => c.startsWith('    {')).length).toBe(Math.ceil(result.entries.length / 256) + 4);
  });

  it('handles empty arrays, absent fields and nested arrays like JSON.stringify', () => {
    const odd = { schemaVersion: 1, entries: [], findings: [{ a: [1, [2, []], {}], s: 'line\nbreak\n  ]' }, [], null, 'x'], skipped: undefined, summary: { x: null } } as unknown as ScanResult;
    expect([...jsonChunks(odd)].join('')).toBe(`${JSON.stringify(odd, null, 2)}\n`);
  });
});
