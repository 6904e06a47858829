// analyze: per-entry facts for the report (eager and lazy modules, packages, cost).
import type { EntryReport, Finding } from '../types.js';
import type { Weights } from '../weigh/types.js';
import type { ProjectGraph } from './project-graph.js';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Builds the contract's `entries[]` element for one entry. */
export function entryReport(graph: ProjectGraph, weights: Weights, entry: string, findings: Finding[]): EntryReport {
  const closure = graph.closure(entry);
  const files = closure.eager.filter((n) => !graph.isPackage(n));
  const packages = closure.eager.filter((n) => graph.isPackage(n));
  let bytes = 0;
  for (const f of files) bytes += graph.facts.get(f)?.bytes ?? 0;
  const packageTotals = weights.union(packages);
  const rel = graph.rel(entry);
  const fileSet = new Set(files.map((f) => graph.rel(f)));
  const sideEffectsByKind: Record<string, number> = {};
  for (const f of findings) {
    if (!f.ruleId.startsWith('side-effect/') || !fileSet.has(f.file)) continue;
    sideEffectsByKind[f.ruleId] = (sideEffectsByKind[f.ruleId] ?? 0) + 1;
  }
  const sideEffects = Object.values(sideEffectsByKind).reduce((a, b) => a + b, 0);
  const packageReports = packages
    .map((p) => {
      const w = weights.of(p);
      const chain = graph.chain(entry, p);
      return {
        name: graph.rel(p),
        heavy: weights.isHeavy(p),
        modules: w ? w.modules : null,
        bytes: w ? w.bytes : null,
        chain: chain.slice(0, -1).map((n) => graph.rel(n)),
      };
    })
    .sort((a, b) => byString(a.name, b.name) || byString(a.chain.join(), b.chain.join()));
  const report: EntryReport = {
    file: rel,
    eagerModules: files.map((f) => graph.rel(f)).sort(byString),
    lazyModules: closure.lazyFiles.map((f) => graph.rel(f)).sort(byString),
    packages: packageReports,
    cost: {
      modules: files.length + packageTotals.modules,
      bytes: bytes + packageTotals.bytes,
      heavyPackages: packageReports.filter((p) => p.heavy).length,
      sideEffects,
      measuredMs: null,
    },
    sideEffectsByKind,
  };
  const nonLiteral = graph.nonLiteral.filter((n) => closure.eagerSet.has(n.file));
  if (nonLiteral.length) {
    report.unresolvableDynamicImports = nonLiteral
      .map(({ file, importIndex }) => {
        const fact = graph.importOf(file, importIndex)!;
        return `${graph.rel(file)}:${fact.line}: ${fact.kind === 'dynamic' ? 'import' : 'require'}(${fact.specifier})`;
      })
      .sort(byString);
  }
  return report;
}
