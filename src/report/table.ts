// report/table: the heaviest-routers table, one row per entry, heaviest first.
import { createRequire } from 'node:module';
import type { EntryReport, ScanResult } from '../types.js';
import { formatBytes, heaviestFirst } from './format.js';
import type { Reporter } from './reporter.js';

const SHORT: Record<string, string> = {
  'side-effect/engine-creation': 'engine',
  'side-effect/service-instantiation': 'service',
  'side-effect/network': 'network',
  'side-effect/io': 'io',
  'side-effect/timer': 'timer',
  'side-effect/listener': 'listener',
  'side-effect/top-level-await': 'await',
};

/** "2 engine, 1 io" for a row. */
export function sideEffectCell(entry: EntryReport): string {
  const kinds = Object.entries(entry.sideEffectsByKind ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return kinds.length ? kinds.map(([k, n]) => `${n} ${SHORT[k] ?? k}`).join(', ') : '-';
}

/** Findings per severity for the files in an entry's closure. */
function findingCounts(result: ScanResult, entry: EntryReport): string {
  let e = 0;
  let w = 0;
  let i = 0;
  for (const f of result.findings) {
    if (!f.entries.includes(entry.file)) continue;
    if (f.severity === 'error') e++;
    else if (f.severity === 'warning') w++;
    else i++;
  }
  return `${e}/${w}/${i}`;
}

export const table: Reporter = (result, options) => {
  const rows = heaviestFirst(result).slice(0, options.top);
  const isMeasured = result.entries.some((e) => e.cost.measuredMs !== null);
  // Loaded by the table format only (with its string-width dependencies, 15 ms of every other run).
  const Table = createRequire(import.meta.url)('cli-table3') as typeof import('cli-table3');
  const t = new Table({
    head: ['entry', 'modules', 'packages', 'bytes', 'heavy packages', 'side effects', 'err/warn/info', 'biggest cut', ...(isMeasured ? ['measured'] : [])],
    style: { head: options.isColor ? ['bold'] : [], border: options.isColor ? ['grey'] : [] },
  });
  for (const entry of rows) {
    const heavy = entry.packages.filter((p) => p.heavy).map((p) => p.name);
    const cut = entry.cut ? `${entry.cut.file}:${entry.cut.line} '${entry.cut.specifier}' (-${entry.cut.modules} modules, -${formatBytes(entry.cut.bytes)})` : '-';
    t.push([
      entry.file,
      String(entry.eagerModules.length),
      String(entry.packages.length),
      formatBytes(entry.cost.bytes),
      heavy.length ? heavy.join(', ') : '-',
      sideEffectCell(entry),
      findingCounts(result, entry),
      cut,
      ...(isMeasured ? [entry.cost.measuredMs === null ? 'failed' : `${entry.cost.measuredMs.toFixed(1)} ms`] : []),
    ]);
  }
  const more = result.entries.length - rows.length;
  return `${t.toString()}\n${more > 0 ? `(${more} more entries; --top ${result.entries.length} shows all)\n` : ''}`;
};
