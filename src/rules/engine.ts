// analyze: run the enabled rules over the graph, then apply severities, suppressions and chains.
import { configDigest } from '../config/load.js';
import type { ResolvedConfig } from '../config/schema.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import type { Finding, Severity } from '../types.js';
import type { MeasureOutcome } from '../measure/index.js';
import type { Timings } from '../timings.js';
import type { Weights } from '../weigh/types.js';
import type { Diagnostic, Rule, RuleContext } from './rule.js';

/** What the pipeline gives rules besides the graph: project facts and a file reader. */
export type RuleHost = Pick<RuleContext, 'project' | 'formatOf' | 'textOf' | 'sourceFiles' | 'memoOf'>;

export const UNUSED_SUPPRESSION = 'unused-suppression';

/** Runs every rule that is not off; returns findings sorted by file, line, column, rule. */
export function runRules(
  graph: ProjectGraph,
  config: ResolvedConfig,
  weights: Weights,
  rules: Rule[],
  measured: Map<string, MeasureOutcome>,
  host: RuleHost,
  timings?: Timings,
): Finding[] {
  const raw: Array<{ rule: Rule; d: Diagnostic; severity: Exclude<Severity, 'off'> }> = [];
  // With --cache, the diagnostics of rules that read only the structure and the facts are kept.
  const memo = graph.structureMemo && graph.factsDigest ? graph.structureMemo : null;
  const digest = memo ? configDigest(config) : '';
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id] ?? { severity: rule.meta.defaultSeverity, options: {} };
    if (setting.severity === 'off') continue;
    const configured = setting.severity;
    const report = (d: Diagnostic) => {
      // A rule may raise its severity (service-instantiation -> error) unless the user chose one.
      const severity = d.severity && !setting.isExplicit ? d.severity : configured;
      raw.push({ rule, d, severity });
    };
    const key = memo && rule.meta.readsFactsOnly ? `rule\0${rule.meta.id}\0${digest}\0${graph.factsDigest}` : null;
    const kept = key ? (memo!.get(key) as Diagnostic[] | undefined) : undefined;
    if (kept) {
      for (const d of kept) report(d);
      continue;
    }
    const made: Diagnostic[] = [];
    const check = () => rule.check({
      graph,
      config,
      weights,
      measured,
      ...host,
      options: setting.options,
      reportedSoFar: () => raw.map(({ rule: r, d }) => ({ ruleId: r.meta.id, file: d.file, line: d.line })),
      report: (d) => {
        made.push(d);
        report(d);
      },
    });
    if (timings) timings.time(`rule ${rule.meta.id}`, check);
    else check();
    if (key) memo!.set(key, made);
  }

  const used = new Set<object>();
  const findings: Finding[] = [];
  const shownChain = lastChainOf(graph);
  for (const { rule, d, severity } of raw) {
    const facts = graph.facts.get(d.file);
    const lines = d.lines ?? [d.line];
    const suppression = facts?.suppressions.find(
      (s) => (s.ruleIds.length === 0 || s.ruleIds.includes(rule.meta.id)) && (s.scope === 'file' || lines.includes(s.targetLine)),
    );
    if (suppression) {
      used.add(suppression);
      continue;
    }
    findings.push(toFinding(graph, rule.meta.id, severity, d, shownChain));
  }

  const unused = config.rules[UNUSED_SUPPRESSION]?.severity ?? 'info';
  if (unused !== 'off') {
    for (const [file, facts] of graph.facts) {
      for (const s of facts.suppressions) {
        if (used.has(s)) continue;
        const ids = s.ruleIds.length ? s.ruleIds.join(', ') : 'all rules';
        findings.push(
          toFinding(graph, UNUSED_SUPPRESSION, unused, {
            file,
            line: s.line,
            column: s.column,
            message: `suppression of ${ids} suppresses nothing`,
            help: 'remove the comment, or check the rule id and the line it targets',
          }),
        );
      }
    }
  }
  return sortFindings(findings);
}

/** Entry lists as shown (relative, sorted), one array per list: the findings of a file share it. */
const shownEntries = new WeakMap<readonly string[], string[]>();

function relSorted(graph: ProjectGraph, entries: readonly string[]): string[] {
  let shown = shownEntries.get(entries);
  if (!shown) {
    shown = entries.map((e) => graph.rel(e));
    // Entries come sorted by path (graph.entriesOf): sort only when their relative paths are not.
    if (shown.some((rel, i) => i > 0 && shown![i - 1]! > rel)) shown.sort();
    shownEntries.set(entries, shown);
  }
  return shown;
}

/**
 * The shown chain from an entry to a file, kept for the last pair asked (a file's findings are
 * consecutive and share it, as they share their entry list).
 */
function lastChainOf(graph: ProjectGraph): (entry: string, file: string) => string[] {
  let last: { entry: string; file: string; chain: string[] } | null = null;
  return (entry, file) => {
    if (last?.entry !== entry || last.file !== file) last = { entry, file, chain: graph.chain(entry, file).map((n) => graph.rel(n)) };
    return last.chain;
  };
}

function toFinding(graph: ProjectGraph, ruleId: string, severity: Exclude<Severity, 'off'>, d: Diagnostic, shownChain = lastChainOf(graph)): Finding {
  const entries = d.entries ?? graph.entriesOf(d.file);
  const first = entries[0];
  const chain = d.chain ? d.chain.map((n) => graph.rel(n)) : first ? shownChain(first, d.file) : [];
  const file = graph.rel(d.file);
  const finding: Finding = {
    ruleId,
    severity,
    file,
    line: d.line,
    column: d.column,
    message: d.message,
    entries: relSorted(graph, entries),
    chain,
  };
  if (d.why) finding.why = d.why;
  if (d.help) finding.help = d.help;
  if (d.fix) finding.fix = d.fix;
  finding.fingerprint = d.fingerprint ?? ''; // else set by stabiliseFingerprints (src/baseline/fingerprint) from the statement's text
  return finding;
}

/** Contract order: file, line, column, rule; message breaks ties so output is deterministic. */
export function sortFindings(findings: Finding[]): Finding[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message),
  );
}
