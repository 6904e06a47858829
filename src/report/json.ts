// report/json: the contract's JSON report, byte-stable for a given tree (durationMs aside).
import type { ScanResult } from '../types.js';
import type { Reporter } from './reporter.js';

export const json: Reporter = (result) => [...jsonChunks(result)].join('');

/**
 * The JSON report in pieces, byte for byte `JSON.stringify(result, null, 2)` plus a newline: the
 * top-level arrays (entries, findings) go one element at a time, so a large report is written
 * without holding it as one string (at 50,000 files it is 200 MB).
 */
export function* jsonChunks(result: ScanResult): Generator<string> {
  const fields = Object.entries(result).filter(([, value]) => value !== undefined && typeof value !== 'function');
  yield '{\n';
  for (let i = 0; i < fields.length; i++) {
    const [key, value] = fields[i]!;
    const end = i < fields.length - 1 ? ',\n' : '\n';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let j = 0; j < value.length; j++) {
        yield `    ${indent(JSON.stringify(value[j] ?? null, null, 2), '    ')}${j < value.length - 1 ? ',\n' : '\n'}`;
      }
      yield `  ]${end}`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), '  ')}${end}`;
    }
  }
  yield '}\n';
}

/** Indents every line after the first (JSON strings hold no raw newlines, so every newline is layout). */
function indent(text: string, by: string): string {
  return text.replaceAll('\n', `\n${by}`);
}
