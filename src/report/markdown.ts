// report/markdown: a PR comment: the heaviest-routers table, then findings grouped by rule, truncated.
import type { Finding } from '../types.js';
import { countsLine, formatBytes, heaviestFirst, plural, visibleFindings } from './format.js';
import type { Reporter } from './reporter.js';
import { sideEffectCell } from './table.js';

/** At most this many findings are listed per rule, and in all; the rest are counted. */
export const MAX_PER_RULE = 10;
export const MAX_FINDINGS = 50;
/** Rows of the routers table in a comment (fewer than the terminal's default). */
const MAX_ROWS = 10;
const ICON = { error: '🔴', warning: '🟠', info: '🔵' } as const;

/** Text safe inside a table cell or a list item: pipes escaped, newlines folded, no raw HTML. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

/** Inline code that survives backticks in the text. */
function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${s.replace(/\|/g, '\\|')}${fence.length > 1 ? ' ' : ''}${fence}`;
}

function item(f: Finding): string[] {
  const lines = [`- ${ICON[f.severity]} ${code(`${f.file}:${f.line}:${f.column}`)} ${cell(f.message)}`];
  if (f.chain.length > 1) lines.push(`  <br>chain: ${f.chain.map(code).join(' → ')}`);
  if (f.help) lines.push(`  <br>help: ${cell(f.help)}`);
  return lines;
}

export const markdown: Reporter = (result, options) => {
  const findings = visibleFindings(result, options.isQuiet);
  const out: string[] = [`## importscan: ${countsLine(result)} in ${plural(result.summary.entries, 'entry').replace('entrys', 'entries')}`, ''];

  const rows = heaviestFirst(result).slice(0, Math.min(options.top, MAX_ROWS));
  if (rows.length) {
    out.push('### Heaviest routers', '', '| entry | modules | packages | bytes | heavy packages | side effects |', '| --- | ---: | ---: | ---: | --- | --- |');
    for (const e of rows) {
      const heavy = e.packages.filter((p) => p.heavy).map((p) => code(p.name));
      out.push(`| ${code(e.file)} | ${e.eagerModules.length} | ${e.packages.length} | ${formatBytes(e.cost.bytes)} | ${heavy.join(', ') || '-'} | ${cell(sideEffectCell(e))} |`);
    }
    const more = result.entries.length - rows.length;
    if (more > 0) out.push('', `_…and ${plural(more, 'more entry').replace('entrys', 'entries')}._`);
    out.push('');
  }

  if (!findings.length) {
    out.push('No findings.');
    return `${out.join('\n')}\n`;
  }
  out.push('### Findings', '');
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  let shown = 0;
  for (const ruleId of [...byRule.keys()].sort()) {
    const group = byRule.get(ruleId)!;
    out.push(`#### ${code(ruleId)} (${group.length})`, '');
    const room = Math.max(0, Math.min(MAX_PER_RULE, MAX_FINDINGS - shown));
    for (const f of group.slice(0, room)) out.push(...item(f));
    shown += Math.min(room, group.length);
    if (group.length > room) out.push(`- _…and ${group.length - room} more ${ruleId} findings (run importscan locally for all)._`);
    out.push('');
  }
  return `${out.join('\n')}`;
};
