// parse: the TypeScript module, loaded with require() when first needed: importing its 9 MB CommonJS
// file from ESM makes Node scan it for export names and module syntax first, which costs about 0.35 s
// on every run, and a warm `--cache` run that parses nothing does not load it at all (0.1 s).
// Its exports are getters (`ts.isIdentifier` calls a function that returns the function); the walker
// reads them millions of times, so importscan uses a copy with plain properties.
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import { requireWithCodeCache } from '../code-cache.js';

/** TypeScript, empty until loadTs() fills it: whatever parses or reads a tsconfig calls loadTs() first. */
export const ts = {} as typeof TS;
let isLoaded = false;

/** Loads TypeScript into `ts` (once) and returns it. */
export function loadTs(): typeof TS {
  if (!isLoaded) {
    Object.assign(ts, loadTypeScript());
    isLoaded = true;
  }
  return ts;
}

/**
 * TypeScript's exports, with V8's code cache on Node versions without their own (src/code-cache):
 * compiling its 9 MB costs 0.13-0.16 s on every run, reading the cache 0.04 s.
 */
function loadTypeScript(): typeof TS {
  return requireWithCodeCache(createRequire(import.meta.url).resolve('typescript'), 'typescript') as typeof TS;
}
