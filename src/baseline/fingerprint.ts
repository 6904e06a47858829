// baseline: fingerprints that survive line shifts and unrelated edits.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../types.js';

/**
 * Rules whose findings are about an entry or a set of files rather than one statement: their
 * line is nominal, so the statement text is left out of the fingerprint.
 */
const NOT_AT_A_STATEMENT = new Set(['budget', 'import-cycle']);

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

/** Whitespace collapsed, numbers (counts, sizes, line numbers) replaced by `#`. */
export function normaliseMessage(message: string): string {
  return message.replace(/\d+(\.\d+)?/g, '#').replace(/\s+/g, ' ').trim();
}

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
  const statement = NOT_AT_A_STATEMENT.has(finding.ruleId) || statementLine === null ? '' : sha1(normaliseStatement(statementLine));
  return sha1([finding.ruleId, finding.file, normaliseMessage(finding.message), statement].join('\0')).slice(0, 16);
}

/** Replaces each finding's fingerprint with the stable one, reading each file once. */
export function stabiliseFingerprints(findings: Finding[], root: string): void {
  const lines = new Map<string, string[] | null>();
  for (const f of findings) {
    if (!lines.has(f.file)) {
      let text: string[] | null = null;
      try {
        text = fs.readFileSync(path.join(root, f.file), 'utf8').split(/\r?\n/);
      } catch {
        text = null;
      }
      lines.set(f.file, text);
    }
    const text = lines.get(f.file);
    f.fingerprint = fingerprintOf(f, text?.[f.line - 1] ?? null);
  }
}
