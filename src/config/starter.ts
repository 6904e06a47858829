// config: the commented starter that `importscan init` writes.
import type { SchemaRule } from './json-schema.js';

/** The starter's file name: JSONC, so editors accept its comments. */
export const STARTER_FILE = 'importscan.config.jsonc';
/** Where the schema is once importscan is installed in the project. */
export const SCHEMA_REF = './node_modules/importscan/docs/config.schema.json';

/** A starter config with every rule at its default severity, each with its description as a comment. */
export function starterConfig(rules: SchemaRule[]): string {
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  const ruleLines = sorted.flatMap((r, i) => [
    `    // ${r.description}`,
    `    ${JSON.stringify(r.id)}: ${JSON.stringify(r.defaultSeverity)}${i < sorted.length - 1 ? ',' : ''}`,
  ]);
  return [
    '{',
    `  "$schema": ${JSON.stringify(SCHEMA_REF)},`,
    '  // Router entries, used when importscan runs without paths. Globs, relative to this file.',
    '  "entries": ["src/routes/**/*.{ts,js}"],',
    '  // Files that are never entries (tests, declarations and node_modules are skipped anyway).',
    '  "ignore": [],',
    '  // Every rule at its default severity: off, info, warning or error (or ["warning", {options}]).',
    '  "rules": {',
    ...ruleLines,
    '  },',
    '  // Extra engines for side-effect/engine-creation: {"package": "my-db", "export": "Client", "kind": "new", "label": "my-db Client"}',
    '  "engines": [],',
    '  // A package is heavy from 1 MiB or 150 modules; "packages" are always heavy, "never" never.',
    '  "heavy": { "bytes": 1048576, "modules": 150, "packages": [], "never": [] },',
    '  // Per-entry budgets, e.g. {"entries": "src/routes/**", "maxModules": 400, "maxHeavyPackages": 0}',
    '  "budgets": []',
    '}',
    '',
  ].join('\n');
}
