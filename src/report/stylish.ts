// report/stylish: ESLint-like, grouped by file, with the chain under each finding.
import { paint } from './colors.js';
import { countsLine, plural, visibleFindings } from './format.js';
import type { Reporter } from './reporter.js';

export const stylish: Reporter = (result, options) => {
  const c = paint(options.isColor);
  const findings = visibleFindings(result, options.isQuiet);
  const out: string[] = [];
  let file = '';
  for (const f of findings) {
    if (f.file !== file) {
      if (file) out.push('');
      file = f.file;
      out.push(c.underline(f.file));
    }
    const sev = f.severity === 'error' ? c.red('error') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info');
    out.push(`  ${`${f.line}:${f.column}`.padEnd(7)} ${sev.padEnd(options.isColor ? 17 : 7)}  ${f.message}  ${c.dim(f.ruleId)}`);
    if (f.why) out.push(c.dim(`          why: ${f.why}`));
    if (f.chain.length > 1) out.push(c.dim(`          chain: ${f.chain.join(' -> ')}`));
    if (f.entries.length > 1) out.push(c.dim(`          entries: ${f.entries.length} (${f.entries.slice(0, 3).join(', ')}${f.entries.length > 3 ? ', ...' : ''})`));
    if (f.measured) out.push(c.dim(`          measured: ${f.measured.totalMs.toFixed(1)} ms to import (${f.measured.selfMs.toFixed(1)} ms its own)`));
    if (f.help) out.push(c.dim(`          help: ${f.help}`));
    if (f.fix) out.push(c.dim(`          fix${f.fix.safe ? ' (safe, --fix applies it)' : ' (offered, not applied by --fix)'}: ${f.fix.description}`));
  }
  if (findings.length) out.push('');
  const { entries, modules } = result.summary;
  const problems = result.summary.errors + result.summary.warnings + result.summary.infos;
  const head = problems ? (result.summary.errors ? c.red(c.bold('✖')) : c.yellow(c.bold('!'))) : c.bold('✔');
  out.push(`${head} ${plural(problems, 'problem')} (${countsLine(result)}) in ${plural(entries, 'entry').replace('entrys', 'entries')}, ${plural(modules, 'module')}`);
  return `${out.join('\n')}\n`;
};
