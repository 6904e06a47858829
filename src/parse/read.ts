// parse: read one source file and extract its facts, turning unreadable input into a parse error.
import fs from 'node:fs';
import type { FileFacts } from '../types.js';
import { extractFacts, type TreeHook } from './extract.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Facts for a file whose content cannot be analysed. */
function unreadable(file: string, bytes: number, message: string): FileFacts {
  return {
    file,
    bytes,
    parseError: { message, line: 1, column: 1 },
    imports: [],
    effects: [],
    details: { decls: [], localExports: new Map(), uses: [] },
    suppressions: [],
    isEsm: false,
  };
}

/** A byte order mark: not part of the text the parser, the rewrites and the fingerprints see (as in ESLint). */
const BOM = '\uFEFF';

/** A source file's text as the scan parsed it: UTF-8, without a byte order mark. */
export function readSourceText(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** `text` written back to `file` with the byte order mark the file starts with, if it does. */
export function withFileBom(file: string, text: string): string {
  return fs.readFileSync(file, 'utf8').startsWith(BOM) ? BOM + text : text;
}

/**
 * Reads a file and extracts its facts. Binary, non-UTF-8 or unreadable files become parse errors.
 * `hasBodies`: record the calls inside declarations (extractFacts); `onText` sees the text read.
 */
export function readFacts(file: string, onTree?: TreeHook, hasBodies = true, onText?: (file: string, text: string) => void): FileFacts {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    return unreadable(file, 0, `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (buffer.includes(0)) return unreadable(file, buffer.length, 'binary file (contains NUL bytes), not JavaScript or TypeScript');
  let text: string;
  try {
    text = decoder.decode(buffer);
  } catch {
    return unreadable(file, buffer.length, 'not a UTF-8 text file');
  }
  onText?.(file, text);
  return extractFacts(file, text, buffer.length, onTree, hasBodies);
}
