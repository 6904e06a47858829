// report: small shared formatting helpers.
import type { Finding, ScanResult } from '../types.js';

/** 1536 -> "1.5 KB", null -> "?". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '?';
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Findings to show, with --quiet keeping errors only. */
export function visibleFindings(result: ScanResult, isQuiet: boolean): Finding[] {
  return isQuiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
}

/** Entries sorted heaviest first: bytes, then modules, then name. */
export function heaviestFirst(result: ScanResult) {
  return [...result.entries].sort(
    (a, b) => b.cost.bytes - a.cost.bytes || b.cost.modules - a.cost.modules || (a.file < b.file ? -1 : 1),
  );
}

/** "2 errors, 1 warning, 0 infos". */
export function countsLine(result: ScanResult): string {
  const { errors, warnings, infos } = result.summary;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
}
