// parse: the TypeScript module, loaded with require(): importing its 9 MB CommonJS file from ESM makes
// Node scan it for export names and module syntax first, which costs about 0.35 s on every run.
// Its exports are getters (`ts.isIdentifier` calls a function that returns the function); the walker
// reads them millions of times, so importscan uses a copy with plain properties.
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

export const ts: typeof TS = { ...(createRequire(import.meta.url)('typescript') as typeof TS) };
