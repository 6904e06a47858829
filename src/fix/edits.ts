// fix: edits as data ({file, start, end, text}), overlap checks, application and unified diffs.

/** One text replacement in one file: offsets into the file's current text. */
export interface Edit {
  /** Absolute path. */
  file: string;
  start: number;
  end: number;
  text: string;
}

/** Whether two edits touch the same text (two inserts at one offset conflict too: their order is ambiguous). */
export function isOverlapping(a: Edit, b: Edit): boolean {
  if (a.file !== b.file) return false;
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

/** The first pair of overlapping edits, or null. */
export function findOverlap(edits: Edit[]): [Edit, Edit] | null {
  const sorted = [...edits].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.start - y.start));
  for (let i = 1; i < sorted.length; i++) {
    if (isOverlapping(sorted[i - 1]!, sorted[i]!)) return [sorted[i - 1]!, sorted[i]!];
  }
  return null;
}

/** Applies non-overlapping edits of one file to its text. Throws on overlap (callers check first). */
export function applyEdits(text: string, edits: Edit[]): string {
  const overlap = findOverlap(edits);
  if (overlap) throw new Error(`overlapping edits at offsets ${overlap[0].start} and ${overlap[1].start}`);
  let out = text;
  for (const e of [...edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Groups edits by file. */
export function byFile(edits: Edit[]): Map<string, Edit[]> {
  const map = new Map<string, Edit[]>();
  for (const e of edits) {
    let list = map.get(e.file);
    if (!list) map.set(e.file, (list = []));
    list.push(e);
  }
  return map;
}

/** A unified diff (3 lines of context) of one file, with `a/` and `b/` prefixes as git prints them. */
export function unifiedDiff(relPath: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops: DiffOp[] = [];
  let aBefore = 0;
  let bBefore = 0;
  for (const { op, line } of diffLines(splitLines(before), splitLines(after))) {
    ops.push({ op, line, aBefore, bBefore });
    if (op !== '+') aBefore++;
    if (op !== '-') bBefore++;
  }
  return formatDiff(relPath, ops, context);
}

/**
 * The unified diff of applying `edits` to `before`: the lines outside the edits are known to be
 * equal, so only each edit's own lines are compared (a file-wide comparison costs lines squared),
 * and of the equal lines between them only those a hunk can show are made into strings.
 */
export function unifiedDiffOfEdits(relPath: string, before: string, edits: Edit[], context = 3): string {
  const after = applyEdits(before, edits);
  if (before === after) return '';
  const a = new Lines(before);
  const b = new Lines(after);
  // Line windows [a0, a1) of before and [b0, b1) of after that the edits touch, merged when they meet.
  const windows: Array<{ a0: number; a1: number; b0: number; b1: number }> = [];
  let delta = 0;
  for (const e of [...edits].sort((x, y) => x.start - y.start)) {
    const start = e.start + delta;
    delta += e.text.length - (e.end - e.start);
    const w = {
      a0: a.indexAt(e.start),
      a1: Math.min(a.count, a.indexAt(e.end) + 1),
      b0: b.indexAt(start),
      b1: Math.min(b.count, b.indexAt(start + e.text.length) + 1),
    };
    const last = windows[windows.length - 1];
    if (last && (w.a0 <= last.a1 || w.b0 <= last.b1)) {
      last.a1 = Math.max(last.a1, w.a1);
      last.b1 = Math.max(last.b1, w.b1);
    } else windows.push(w);
  }
  const ops: DiffOp[] = [];
  // Equal lines [from, to) of before (after's are the same lines, `shift` further): a run longer
  // than two contexts shows only its ends, and one line more keeps the hunks on each side apart.
  const equal = (from: number, to: number, shift: number, isFirst: boolean, isLast: boolean): void => {
    const head = isFirst ? 0 : context + 1;
    const tail = isLast ? 0 : context;
    for (let i = from; i < to; i++) {
      if (i - from >= head && to - i > tail) i = to - tail;
      if (i < to) ops.push({ op: ' ', line: a.at(i), aBefore: i, bBefore: i + shift });
    }
  };
  let ai = 0;
  let bi = 0;
  for (const w of windows) {
    if (w.a0 - ai !== w.b0 - bi) return unifiedDiff(relPath, before, after, context); // not expected: compare whole files
    equal(ai, w.a0, bi - ai, ai === 0, false);
    let aAt = w.a0;
    let bAt = w.b0;
    for (const o of diffLines(a.slice(w.a0, w.a1), b.slice(w.b0, w.b1))) {
      ops.push({ op: o.op, line: o.line, aBefore: aAt, bBefore: bAt });
      if (o.op !== '+') aAt++;
      if (o.op !== '-') bAt++;
    }
    ai = w.a1;
    bi = w.b1;
  }
  if (a.count - ai !== b.count - bi) return unifiedDiff(relPath, before, after, context);
  equal(ai, a.count, bi - ai, false, true);
  return formatDiff(relPath, ops, context);
}

/**
 * A diff line; `aBefore` and `bBefore` count the lines of each side before it (where a hunk
 * starting at it starts), so runs of equal lines no hunk shows can be left out.
 */
type DiffOp = DiffLine & { aBefore: number; bBefore: number };

type DiffLine = { op: ' ' | '-' | '+'; line: string };

/** A text's lines (a final newline ends the last line, it does not start an empty one), made into strings on demand. */
class Lines {
  private readonly starts: number[] = [0];
  readonly count: number;

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
    this.count = text.endsWith('\n') || text === '' ? this.starts.length - 1 : this.starts.length;
  }

  /** Line i, without its newline. */
  at(i: number): string {
    const end = i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : this.text.length;
    return this.text.slice(this.starts[i]!, end);
  }

  /** Lines [from, to). */
  slice(from: number, to: number): string[] {
    const lines: string[] = [];
    for (let i = from; i < to; i++) lines.push(this.at(i));
    return lines;
  }

  /** Index of the line holding an offset. */
  indexAt(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** Hunks with `context` lines around each change, as git prints them. */
function formatDiff(relPath: string, ops: DiffOp[], context: number): string {
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.op === ' ') {
      i++;
      continue;
    }
    // Extend the hunk while changes are within 2*context lines of each other.
    const start = i;
    let end = i;
    while (end < ops.length) {
      let next = end;
      while (next < ops.length && ops[next]!.op !== ' ') next++;
      let gap = next;
      while (gap < ops.length && ops[gap]!.op === ' ') gap++;
      end = next;
      if (gap < ops.length && gap - next <= context * 2) end = gap;
      else break;
    }
    const from = Math.max(0, start - context);
    const to = Math.min(ops.length, end + context);
    const slice = ops.slice(from, to);
    const aStart = ops[from]!.aBefore;
    const bStart = ops[from]!.bBefore;
    const aLen = slice.filter((o) => o.op !== '+').length;
    const bLen = slice.filter((o) => o.op !== '-').length;
    hunks.push(`@@ -${range(aStart, aLen)} +${range(bStart, bLen)} @@`);
    for (const o of slice) hunks.push(`${o.op}${o.line}`);
    i = to;
  }
  return `--- a/${relPath}\n+++ b/${relPath}\n${hunks.join('\n')}\n`;
}

function range(start: number, len: number): string {
  return `${len === 0 ? start : start + 1},${len}`;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Line diff by longest common subsequence (files here are small; O(n*m) is fine). */
function diffLines(a: string[], b: string[]): DiffLine[] {
  // Trim the common prefix and suffix first: fixes touch a few lines of a file.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const n = am.length;
  const m = bm.length;
  // Lines as small integers (string comparison in the n*m loop is what costs), one flat table.
  const ids = new Map<string, number>();
  const idOf = (line: string): number => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  const ai = Int32Array.from(am, idOf);
  const bi = Int32Array.from(bm, idOf);
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let x = n - 1; x >= 0; x--) {
    const row = x * width;
    const below = row + width;
    for (let y = m - 1; y >= 0; y--) {
      table[row + y] = ai[x] === bi[y] ? table[below + y + 1]! + 1 : Math.max(table[below + y]!, table[row + y + 1]!);
    }
  }
  const lcs = (x: number, y: number): number => table[x * width + y]!;
  const ops: DiffLine[] = a.slice(0, pre).map((line) => ({ op: ' ', line }));
  let x = 0;
  let y = 0;
  while (x < n || y < m) {
    if (x < n && y < m && am[x] === bm[y]) {
      ops.push({ op: ' ', line: am[x]! });
      x++;
      y++;
    } else if (x < n && (y === m || lcs(x + 1, y) >= lcs(x, y + 1))) {
      ops.push({ op: '-', line: am[x++]! });
    } else {
      ops.push({ op: '+', line: bm[y++]! });
    }
  }
  for (const line of a.slice(a.length - suf)) ops.push({ op: ' ', line });
  return ops;
}
