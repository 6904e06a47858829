// report/github: GitHub Actions workflow commands, one annotation per finding.
import { countsLine, visibleFindings } from './format.js';
import type { Reporter } from './reporter.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escapes a command's message (data): %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property value: as data, plus `:` and `,` which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Reporter = (result, options) => {
  const out: string[] = [];
  for (const f of visibleFindings(result, options.isQuiet)) {
    const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`importscan ${f.ruleId}`)}`];
    const lines = [f.message];
    if (f.why) lines.push(`why: ${f.why}`);
    if (f.chain.length > 1) lines.push(`chain: ${f.chain.join(' -> ')}`);
    if (f.help) lines.push(`help: ${f.help}`);
    out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(lines.join('\n'))}`);
  }
  out.push(`importscan: ${countsLine(result)} in ${result.summary.entries} entries`);
  return `${out.join('\n')}\n`;
};
