// report: reporters by name. Adding a format is adding a file and a line here.
import { UNUSED_SUPPRESSION } from '../rules/engine.js';
import { defaultSeverities, RULES } from '../rules/index.js';
import { github } from './github.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import type { Reporter } from './reporter.js';
import { sarifReporter, type RuleInfo } from './sarif.js';
import { stylish } from './stylish.js';
import { table } from './table.js';
import { waterfall } from './waterfall.js';

/** Every rule in the registry (`defaultSeverities()`, which grows as rules land) with its description. */
export function ruleInfos(): RuleInfo[] {
  const meta = new Map(RULES.map((r) => [r.meta.id, r.meta]));
  const described: Record<string, string> = { [UNUSED_SUPPRESSION]: 'An importscan-disable comment that suppresses no finding.' };
  return [...defaultSeverities()].map(([id, defaultSeverity]) => ({ id, defaultSeverity, description: meta.get(id)?.description ?? described[id] ?? id }));
}

export const REPORTERS: Record<string, Reporter> = { stylish, table, json, sarif: sarifReporter(ruleInfos), github, markdown, waterfall };

/** Formats named in the contract that are not built yet. */
export const PLANNED_FORMATS: string[] = [];
