// config: the JSON Schema of importscan.config.json, generated from the rule registry.
// docs/config.schema.json is this, written out; a test keeps the two equal.

/** A rule as the schema lists it. */
export interface SchemaRule {
  id: string;
  defaultSeverity: string;
  description: string;
}

const SEVERITY = { enum: ['off', 'info', 'warning', 'error'] };
const STRINGS = {
  anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
};
const COUNT = { type: 'number', minimum: 0 };

/** The schema for a config with these rules (JSON Schema draft-07). */
export function configJsonSchema(rules: SchemaRule[]): Record<string, unknown> {
  const setting = (r?: SchemaRule) => ({
    ...(r ? { description: `${r.description} Default: ${r.defaultSeverity}.` } : {}),
    anyOf: [
      SEVERITY,
      { type: 'array', items: [SEVERITY, { type: 'object' }], minItems: 1, maxItems: 2, additionalItems: false },
    ],
  });
  const sorted = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://unpkg.com/importscan/docs/config.schema.json',
    title: 'importscan configuration',
    description: 'importscan.config.json (or the "importscan" key of package.json).',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'This schema: ./node_modules/importscan/docs/config.schema.json' },
      entries: { ...STRINGS, description: 'Globs (relative to the config file) of the router entries, used when no paths are given.' },
      ignore: { ...STRINGS, description: 'Globs (relative to the root) of files that are never entries.' },
      rules: {
        type: 'object',
        description: 'Rule id -> severity, or [severity, {options}].',
        properties: Object.fromEntries(sorted.map((r) => [r.id, setting(r)])),
        additionalProperties: false,
      },
      engines: {
        type: 'array',
        description: 'Additions to the engine catalog of side-effect/engine-creation.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['package', 'export', 'kind'],
          properties: {
            package: { type: 'string', description: 'Package name, or a prefix ending in * (@aws-sdk/client-*).' },
            export: { type: 'string', description: 'Export path: Pool, default, createPool, default.connect.' },
            kind: { enum: ['new', 'call'], description: 'Created with `new` or by a call.' },
            label: { type: 'string', description: 'What it creates, for messages: "pg Pool".' },
          },
        },
      },
      heavy: {
        type: 'object',
        description: 'When a package is heavy.',
        additionalProperties: false,
        properties: {
          bytes: { ...COUNT, description: 'Heavy from this many bytes (default 1048576).' },
          modules: { ...COUNT, description: 'Heavy from this many modules (default 150).' },
          packages: { type: 'array', items: { type: 'string' }, description: 'Always heavy.' },
          never: { type: 'array', items: { type: 'string' }, description: 'Never heavy.' },
        },
      },
      budgets: {
        type: 'array',
        description: 'Per-entry budgets, checked by the budget rule.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['entries'],
          properties: {
            entries: { type: 'string', description: 'Glob of the entries the budget applies to.' },
            maxModules: COUNT,
            maxBytes: COUNT,
            maxHeavyPackages: COUNT,
            maxSideEffects: COUNT,
            maxMs: { ...COUNT, description: 'Measured import time (with --measure).' },
          },
        },
      },
      tsconfig: { type: 'string', description: 'tsconfig used for resolution, relative to the config file.' },
    },
  };
}

/** The schema file's text, as shipped in docs/config.schema.json. */
export function configJsonSchemaText(rules: SchemaRule[]): string {
  return `${JSON.stringify(configJsonSchema(rules), null, 2)}\n`;
}
