// parse: `importscan-disable*` comments, as plain facts.
import type { SuppressionFact } from '../types.js';

const DIRECTIVE = /(\/\/|\/\*)[ \t]*importscan-disable(-next-line|-line)?(?=[\s*]|$)([^\n]*)/g;

/**
 * Finds suppression directives. `firstStatementStart` is the offset of the first statement:
 * a block `importscan-disable` comment before it covers the whole file.
 */
export function findSuppressions(
  text: string,
  lineOf: (offset: number) => { line: number; column: number },
  firstStatementStart: number,
): SuppressionFact[] {
  if (!text.includes('importscan-disable')) return [];
  const found: SuppressionFact[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const [, opener, variant, rest = ''] = match;
    const offset = match.index;
    const body = opener === '/*' ? rest.split('*/')[0]! : rest;
    const ruleIds = body
      .split('--')[0]!
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const { line, column } = lineOf(offset);
    if (variant === '-next-line') {
      found.push({ scope: 'line', targetLine: line + 1, line, column, ruleIds });
    } else if (variant === '-line') {
      found.push({ scope: 'line', targetLine: line, line, column, ruleIds });
    } else if (opener === '/*' && offset < firstStatementStart) {
      found.push({ scope: 'file', targetLine: 0, line, column, ruleIds });
    }
  }
  return found;
}
