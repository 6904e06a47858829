// report/json: the contract's JSON report, byte-stable for a given tree (durationMs aside).
import type { Reporter } from './reporter.js';

export const json: Reporter = (result) => `${JSON.stringify(result, null, 2)}\n`;
