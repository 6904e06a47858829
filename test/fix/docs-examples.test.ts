// The examples in docs/rules/lazy-import.md run here: a ```ts block is a project (files start with
// a `// src/...` line; the first is the entry), a following ```text block the expected findings of
// this rule (none when absent), and a ```diff block the rewrite --fix-dry-run prints.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';
import { runCli, writeProject } from './harness.js';

interface Example {
  files: Record<string, string>;
  findings: string[];
  diff: string | null;
}

function examples(): Example[] {
  const text = fs.readFileSync(path.join(REPO, 'docs', 'rules', 'lazy-import.md'), 'utf8');
  const blocks = [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
  const out: Example[] = [];
  blocks.forEach((block, i) => {
    if (block.lang !== 'ts' || !block.body.startsWith('// src/')) return;
    const files: Record<string, string> = {};
    for (const part of block.body.split(/^(?=\/\/ src\/\S+$)/m)) {
      const [header, ...rest] = part.split('\n');
      files[header!.slice(3)] = `${rest.join('\n').replace(/\n+$/, '')}\n`;
    }
    const following = blocks.slice(i + 1, i + 3).filter((b, j) => !blocks.slice(i + 1, i + 1 + j).some((x) => x.lang === 'ts') && b.lang !== 'ts');
    const textBlock = following.find((b) => b.lang === 'text');
    const diffBlock = following.find((b) => b.lang === 'diff');
    const findings = (textBlock?.body ?? '').split('\n').filter((l) => /^\s+\d+:\d+/.test(l)).map((l) => l.trim());
    out.push({ files, findings, diff: diffBlock?.body ?? null });
  });
  return out;
}

describe('docs/rules/lazy-import.md', () => {
  const list = examples();
  it('has flagged and not-flagged examples', () => {
    expect(list.some((e) => e.findings.length)).toBe(true);
    expect(list.some((e) => !e.findings.length)).toBe(true);
  });
  it.each(list.map((e, i) => [i + 1, e] as const))('example %i runs as shown', async (_i, example) => {
    const dir = writeProject(example.files);
    const entry = Object.keys(example.files)[0]!;
    const r = await runCli(dir, [entry, '--rule', 'side-effect/service-instantiation=off']);
    const lines = r.stdout.split('\n').filter((l) => /^\s+\d+:\d+/.test(l) && l.trim().endsWith('lazy-import')).map((l) => l.trim());
    expect(lines).toEqual(example.findings);
    if (example.diff) expect((await runCli(dir, [entry, '--fix-dry-run'])).stdout).toContain(example.diff);
  });
});
