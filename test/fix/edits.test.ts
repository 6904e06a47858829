// fix/edits: edits as data, overlap checks, application, unified diffs.
import { describe, expect, it } from 'vitest';
import { applyEdits, findOverlap, unifiedDiff, unifiedDiffOfEdits, type Edit } from '../../src/fix/edits.js';
import { selectNonOverlapping } from '../../src/fix/apply.js';

const e = (start: number, end: number, text: string, file = '/a.ts'): Edit => ({ file, start, end, text });

describe('edits', () => {
  it('applies non-overlapping edits regardless of order', () => {
    expect(applyEdits('abcdef', [e(4, 5, 'E'), e(0, 1, 'A'), e(2, 2, '+')])).toBe('Ab+cdEf');
  });

  it('refuses overlapping edits, and two inserts at one offset', () => {
    expect(findOverlap([e(0, 3, 'x'), e(2, 4, 'y')])).not.toBeNull();
    expect(findOverlap([e(2, 2, 'x'), e(2, 2, 'y')])).not.toBeNull();
    expect(findOverlap([e(0, 2, 'x'), e(2, 4, 'y')])).toBeNull();
    expect(findOverlap([e(0, 2, 'x'), e(0, 2, 'y', '/b.ts')])).toBeNull();
    expect(() => applyEdits('abcdef', [e(0, 3, 'x'), e(2, 4, 'y')])).toThrow(/overlapping/);
  });

  it('selects fixes in order, deferring one that overlaps an earlier one, applying duplicates once', () => {
    const a = { id: 'a', edits: [e(0, 1, 'A')] };
    const b = { id: 'b', edits: [e(0, 2, 'B')] };
    const c = { id: 'c', edits: [e(5, 6, 'C')] };
    const aAgain = { id: 'a2', edits: [e(0, 1, 'A')] };
    expect(selectNonOverlapping([a, b, c, aAgain])).toEqual({ picked: [a, c], deferred: [b] });
  });

  it('prints a unified diff with three lines of context', () => {
    const before = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n';
    const after = 'l1\nl2\nl3\nl4\nL5\nl6\nl7\nl8\n';
    expect(unifiedDiff('src/a.ts', before, after)).toBe('--- a/src/a.ts\n+++ b/src/a.ts\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n');
    expect(unifiedDiff('src/a.ts', before, before)).toBe('');
  });

  it('prints far-apart edits of a long file as separate hunks, with the line numbers of each side', () => {
    const before = Array.from({ length: 300 }, (_, i) => `l${i + 1}`).join('\n'); // no final newline
    const at = (line: number) => before.indexOf(`l${line}\n`);
    const edits = [e(at(2), at(2), 'NEW\n'), e(at(150), at(151), ''), e(before.indexOf('l300'), before.length, 'END')];
    expect(unifiedDiffOfEdits('a.ts', before, edits)).toBe(
      [
        '--- a/a.ts',
        '+++ b/a.ts',
        '@@ -1,4 +1,5 @@',
        ' l1',
        '+NEW',
        ' l2',
        ' l3',
        ' l4',
        '@@ -147,7 +148,6 @@',
        ' l147',
        ' l148',
        ' l149',
        '-l150',
        ' l151',
        ' l152',
        ' l153',
        '@@ -297,4 +297,4 @@',
        ' l297',
        ' l298',
        ' l299',
        '-l300',
        '+END',
        '',
      ].join('\n'),
    );
    expect(applyPatch(before, unifiedDiffOfEdits('a.ts', before, edits))).toBe(applyEdits(before, edits));
  });

  it('diffs edits by their own lines: the patch turns before into after, as small as a whole-file diff (200 random cases)', () => {
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const words = ['const a = 1;', '', '  return x;', '}', 'import { y } from "y";', 'function f() {', '// note'];
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: 5 + next(40) }, () => words[next(words.length)]).join('\n') + '\n';
      const edits: Edit[] = [];
      let at = 0;
      while (edits.length < 1 + next(4)) {
        // Edits stay before the last character (the diff format here has no "no newline at end of file").
        const start = Math.min(before.length - 1, at + next(60));
        const end = Math.min(before.length - 1, start + next(3) * next(20));
        edits.push(e(start, end, next(3) ? `\n${words[next(words.length)]}` : words[next(words.length)]!));
        at = end + 1;
        if (at >= before.length) break;
      }
      const after = applyEdits(before, edits);
      const diff = unifiedDiffOfEdits('a.ts', before, edits);
      expect(applyPatch(before, diff), `round ${round}`).toBe(after);
      const changed = (d: string) => d.split('\n').filter((l) => /^[-+](?![-+]{2} [ab]\/)/.test(l)).length;
      expect(changed(diff)).toBe(changed(unifiedDiff('a.ts', before, after)));
    }
  });
});

/** Applies a unified diff made by unifiedDiff (hunks in order) to a text. */
function applyPatch(before: string, diff: string): string {
  if (!diff) return before;
  const hasFinalNewline = before.endsWith('\n');
  const lines = before.split('\n');
  if (hasFinalNewline) lines.pop();
  const out: string[] = [];
  let at = 0;
  for (const hunk of diff.split('\n@@ ').slice(1)) {
    const [header, ...body] = hunk.split('\n');
    const from = Number(/^-(\d+)/.exec(header!)![1]);
    const start = body.length && /^-\d+,0 /.test(header!) ? from : from - 1;
    while (at < start) out.push(lines[at++]!);
    for (const line of body) {
      if (line === '') continue;
      if (line[0] === '+') out.push(line.slice(1));
      else if (line[0] === '-') at++;
      else out.push(lines[at++]!);
    }
  }
  while (at < lines.length) out.push(lines[at++]!);
  return out.join('\n') + (hasFinalNewline ? '\n' : '');
}
