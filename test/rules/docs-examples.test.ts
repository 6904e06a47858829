// The examples in docs/rules for the side-effect rules are run here, so the docs show what runs.
// A ```ts block holds one or more files, each starting with a `// path` line (the first is the
// entry); a ```text block right after it is the expected output of that page's rule, else none.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, SIDE_EFFECT_RULES, type Seen } from './rule-tester.js';

const DOCS = path.resolve(import.meta.dirname, '../../docs/rules');
const PAGES = [...SIDE_EFFECT_RULES, 'duplicate-engine', 'unused-suppression'];

interface Example {
  files: Record<string, string>;
  entry: string;
  expected: Seen[];
}

function examples(page: string): Example[] {
  const text = fs.readFileSync(path.join(DOCS, `${page}.md`), 'utf8');
  const blocks = [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
  const out: Example[] = [];
  blocks.forEach((block, i) => {
    if (block.lang !== 'ts' || !block.body.startsWith('// src/')) return;
    const files: Record<string, string> = {};
    let current = '';
    for (const line of block.body.split('\n')) {
      const header = /^\/\/ (src\/\S+)$/.exec(line);
      if (header && (current === '' || files[current]!.endsWith('\n\n') || files[current] === '')) {
        if (current) files[current] = files[current]!.replace(/\n+$/, '\n');
        current = header[1]!;
        files[current] = '';
      } else files[current] += `${line}\n`;
    }
    files[current] = files[current]!.replace(/\n+$/, '\n');
    const next = blocks[i + 1];
    const expected: Seen[] = [];
    if (next?.lang === 'text') {
      let file = '';
      for (const line of next.body.split('\n')) {
        const m = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+(.*?)\s+(\S+)$/.exec(line);
        if (m) expected.push({ ruleId: m[5]!, severity: m[3]!, file, line: Number(m[1]), column: Number(m[2]), message: m[4]! });
        else if (line.trim()) file = line.trim();
      }
    }
    out.push({ files, entry: Object.keys(files)[0]!, expected });
  });
  return out;
}

describe.each(PAGES)('docs/rules/%s.md', (page) => {
  const list = examples(page);
  it('has flagged and not-flagged examples', () => {
    expect(list.some((e) => e.expected.length > 0)).toBe(true);
    expect(list.some((e) => e.expected.length === 0)).toBe(true);
  });
  it.each(list.map((e, i) => [i + 1, e] as const))('example %i runs as shown', (_i, example) => {
    expect(run(example.files, [page], { entries: [example.entry] })).toEqual(example.expected);
  });
});
