// report/json: the contract's JSON report, byte-stable for a given tree (durationMs aside).
import type { ScanResult } from '../types.js';
import type { Reporter } from './reporter.js';

export const json: Reporter = (result) => [...jsonChunks(result)].join('');

/** Elements of a top-level array stringified together (one call, and no re-indenting, per batch). */
const BATCH = 256;

/**
 * The JSON report in pieces, byte for byte `JSON.stringify(result, null, 2)` plus a newline: the
 * top-level arrays (entries, findings) go a batch of elements at a time, so a large report is
 * written without holding it as one string (at 50,000 files it is 200 MB). A batch is stringified
 * one level down (`[[...batch]]`), where JSON.stringify indents its elements as the report does:
 * three times faster than indenting each element's text again.
 */
export function* jsonChunks(result: ScanResult): Generator<string> {
  const fields = Object.entries(result).filter(([, value]) => value !== undefined && typeof value !== 'function');
  yield '{\n';
  for (let i = 0; i < fields.length; i++) {
    const [key, value] = fields[i]!;
    const end = i < fields.length - 1 ? ',\n' : '\n';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (let j = 0; j < value.length; j += BATCH) {
        // "[\n  [\n    a,\n    b\n  ]\n]": the elements are the lines between the inner brackets.
        const text = JSON.stringify([value.slice(j, j + BATCH)], null, 2);
        yield `${text.slice(text.indexOf('\n', 2) + 1, text.lastIndexOf('\n  ]'))}${j + BATCH < value.length ? ',\n' : '\n'}`;
      }
      yield `  ]${end}`;
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}${end}`;
    }
  }
  yield '}\n';
}
