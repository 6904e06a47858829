// fix: for `importscan why`: which links of a chain could be made lazy, and with what fix.
import type { ProjectGraph } from '../graph/project-graph.js';
import type { Finding } from '../types.js';
import { isLazyCandidate } from './lazy-import-rewrite.js';

/** Links (`from\0to`) whose import could be loaded on first use, with a note for the footer. */
export function lazyLinks(graph: ProjectGraph, findings: Finding[]): Map<string, string> {
  const out = new Map<string, string>();
  const byPlace = new Map(findings.filter((f) => f.ruleId === 'lazy-import').map((f) => [`${f.file}:${f.line}`, f]));
  for (const [file, facts] of graph.facts) {
    for (const { target, attrs } of graph.outEdges(file)) {
      if (attrs.isLazy) continue;
      const fact = facts.imports[attrs.importIndex];
      if (!fact || !isLazyCandidate(fact)) continue;
      const place = `${graph.rel(file)}:${fact.line}`;
      const finding = byPlace.get(place);
      const fix = finding?.fix ? (finding.fix.safe ? 'safe fix: importscan --fix' : 'offered fix: importscan --fix-dry-run') : finding ? 'no automatic rewrite' : 'no saving for the entries scanned';
      out.set(`${file}\0${target}`, `${place} (import of ${fact.specifier}; ${fix})`);
    }
  }
  return out;
}

/** `a -> b ~> c`: `~>` marks a link that could be made lazy; returns the line and the notes it used. */
export function joinChain(chain: string[], label: (node: string) => string, lazy: Map<string, string>): { line: string; notes: string[] } {
  let line = label(chain[0]!);
  const notes: string[] = [];
  for (let i = 1; i < chain.length; i++) {
    const note = lazy.get(`${chain[i - 1]}\0${chain[i]}`);
    line += `${note ? ' ~> ' : ' -> '}${label(chain[i]!)}`;
    if (note) notes.push(note);
  }
  return { line, notes };
}
