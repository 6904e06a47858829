// baseline: fingerprints that survive line shifts and unrelated edits.
import { hash } from 'node:crypto';
import path from 'node:path';
import { memoized, type MemoOf } from '../cache/memo.js';
import type { Finding } from '../types.js';
import { readSourceText } from '../parse/read.js';

/**
 * Rules whose findings are about an entry or a set of files rather than one statement: their
 * line is nominal, so the statement text is left out of the fingerprint.
 */
const NOT_AT_A_STATEMENT = new Set(['budget', 'import-cycle']);

/** One-shot hashing (no Hash object per call: a scan hashes every finding). */
const sha1 = (s: string) => hash('sha1', s, 'hex');

/** Whitespace collapsed, numbers (counts, sizes, line numbers) replaced by `#`. */
export function normaliseMessage(message: string): string {
  const numbered = message.replace(/\d+(\.\d+)?/g, '#');
  // Most messages have single spaces only: the second replace and the trim change nothing there.
  return HAS_ODD_SPACE.test(numbered) ? numbered.replace(/\s+/g, ' ').trim() : numbered;
}

/** Two spaces, a whitespace other than a space, or a space at either end. */
const HAS_ODD_SPACE = /\s\s|[^\S ]|^ | $/;

/** A statement's first line with whitespace collapsed: what the finding points at, not where. */
export function normaliseStatement(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/**
 * sha1 of: rule id, file, the normalised message (which names the package for package findings)
 * and the normalised text of the line the finding points at. 16 hex digits. Line numbers, the
 * chain and the other files are left out, so inserting lines or editing other files keeps it.
 */
export function fingerprintOf(finding: Finding, statementLine: string | null): string {
  return fingerprintWith(finding, NOT_AT_A_STATEMENT.has(finding.ruleId) ? '' : statementHashOf(statementLine));
}

/** The statement's part of a fingerprint: sha1 of the normalised line ('' when there is none). */
function statementHashOf(line: string | null): string {
  return line === null ? '' : sha1(normaliseStatement(line));
}

function fingerprintWith(finding: Pick<Finding, 'ruleId' | 'file' | 'message'>, statement: string): string {
  return sha1([finding.ruleId, finding.file, normaliseMessage(finding.message), statement].join('\0')).slice(0, 16);
}

/** A finding's fingerprint from its parts (rule id, file as reported, message) and where it is (absolute file, line). */
export type Fingerprinter = (ruleId: string, file: string, message: string, absolute: string, line: number) => string;

/**
 * Fingerprints of findings at statements, reading each file once (`textOf`, the scan's texts);
 * with `--cache` the statement's hash is kept with the file's facts (src/cache/memo), so unchanged
 * files are not read.
 */
export function fingerprinter(memoOf?: MemoOf, textOf: (file: string) => string = readSourceText): Fingerprinter {
  const texts = new Map<string, { text: string; starts: number[] } | null>();
  const lineOf = (file: string, line: number): string | null => {
    let read = texts.get(file);
    if (read === undefined) {
      try {
        const text = textOf(file);
        read = { text, starts: lineStarts(text) };
      } catch {
        read = null;
      }
      texts.set(file, read);
    }
    if (!read || line < 1 || line > read.starts.length) return null;
    const end = line < read.starts.length ? read.starts[line]! - 1 : read.text.length;
    return read.text.slice(read.starts[line - 1], end).replace(/\r$/, '');
  };
  return (ruleId, file, message, absolute, line) => {
    const finding = { ruleId, file, message };
    if (NOT_AT_A_STATEMENT.has(ruleId)) return fingerprintWith(finding, '');
    return fingerprintWith(finding, memoized(memoOf?.(absolute), `statement:${line}`, '', () => statementHashOf(lineOf(absolute, line))));
  };
}

/**
 * Sets the stable fingerprint of each finding that has none yet (a rule that keeps its findings
 * between runs, lazy-import, sets its own with a fingerprinter).
 */
export function stabiliseFingerprints(findings: Finding[], root: string, memoOf?: MemoOf, textOf: (file: string) => string = readSourceText): void {
  const fingerprintOf = fingerprinter(memoOf, textOf);
  for (const f of findings) if (!f.fingerprint) f.fingerprint = fingerprintOf(f.ruleId, f.file, f.message, path.join(root, f.file), f.line);
}

/** Offsets where each line starts (line n at index n - 1). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
