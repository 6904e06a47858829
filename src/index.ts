// Public API: scan(options) -> result, plus the types reporters and integrations read.
export { scan, type ScanOptions, type ScanOutput } from './pipeline.js';
export { run, exitCode, type CliIo } from './cli.js';
export { REPORTERS } from './report/index.js';
export { RULES } from './rules/index.js';
export type * from './types.js';
