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

/**
 * Reads a file and extracts its facts. Binary, non-UTF-8 or unreadable files become parse errors.
 * `hasBodies`: record the calls inside declarations (extractFacts).
 */
export function readFacts(file: string, onTree?: TreeHook, hasBodies = true): FileFacts {
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
  return extractFacts(file, text, buffer.length, onTree, hasBodies);
}
