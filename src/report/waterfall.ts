// report/waterfall: with --measure, each entry's slowest modules as an indented import tree with
// self and total milliseconds (like an `-X importtime` viewer).
import type { EntryReport } from '../types.js';
import { paint } from './colors.js';
import type { Reporter } from './reporter.js';

type Measured = NonNullable<EntryReport['measured']>[number];

const ms = (n: number) => n.toFixed(1).padStart(8);

/** The tree of one entry: children by `parent`, slowest first, pruned to modules over `minMs`. */
function tree(entry: EntryReport, rows: number): string[] {
  const measured = entry.measured ?? [];
  const children = new Map<string, Measured[]>();
  for (const m of measured) {
    const parent = m.parent ?? '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(m);
  }
  for (const list of children.values()) list.sort((a, b) => b.totalMs - a.totalMs || (a.module < b.module ? -1 : 1));
  // Show the `rows` slowest modules (by total) and the path to each.
  const shown = new Set(
    [...measured]
      .sort((a, b) => b.totalMs - a.totalMs || (a.module < b.module ? -1 : 1))
      .slice(0, rows)
      .map((m) => m.module),
  );
  const lines: string[] = [];
  const walk = (parent: string, depth: number, seen: Set<string>) => {
    for (const m of children.get(parent) ?? []) {
      if (!shown.has(m.module) || seen.has(m.module)) continue;
      seen.add(m.module);
      lines.push(`${ms(m.totalMs)} ${ms(m.selfMs)}  ${'  '.repeat(depth)}${m.module}`);
      walk(m.module, depth + 1, seen);
    }
  };
  walk(entry.file, 0, new Set([entry.file]));
  return lines;
}

export const waterfall: Reporter = (result, options) => {
  const c = paint(options.isColor);
  const out: string[] = [];
  const measured = result.entries.filter((e) => e.cost.measuredMs !== null);
  if (!measured.length) return 'no measurements: run with --measure\n';
  for (const entry of [...measured].sort((a, b) => b.cost.measuredMs! - a.cost.measuredMs! || (a.file < b.file ? -1 : 1))) {
    out.push(c.bold(`${entry.file}  ${entry.cost.measuredMs!.toFixed(1)} ms`));
    out.push(c.dim(`${'total ms'.padStart(8)} ${'self ms'.padStart(8)}  module`));
    out.push(...tree(entry, options.top), '');
  }
  return `${out.join('\n')}`;
};
