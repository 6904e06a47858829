// report: reporters by name. Adding a format is adding a file and a line here.
import { json } from './json.js';
import type { Reporter } from './reporter.js';
import { stylish } from './stylish.js';
import { table } from './table.js';

export const REPORTERS: Record<string, Reporter> = { stylish, table, json };

/** Formats named in the contract that are not built yet. */
export const PLANNED_FORMATS = ['sarif', 'github', 'markdown'];
