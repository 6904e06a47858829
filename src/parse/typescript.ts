// parse: the TypeScript module, loaded with require(): importing its 9 MB CommonJS file from ESM makes
// Node scan it for export names and module syntax first, which costs about 0.35 s on every run.
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

export const ts: typeof TS = createRequire(import.meta.url)('typescript');
