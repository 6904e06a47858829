// fix/edits: edits as data, overlap checks, application, unified diffs.
import { describe, expect, it } from 'vitest';
import { applyEdits, findOverlap, unifiedDiff, type Edit } from '../../src/fix/edits.js';
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
});
