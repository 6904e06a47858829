// report/sarif: SARIF 2.1.0 for code scanning: one rule descriptor per rule, chains as codeFlows.
import { pathToFileURL } from 'node:url';
import type { Finding, ScanResult } from '../types.js';
import { visibleFindings } from './format.js';
import type { Reporter } from './reporter.js';

/** What a rule descriptor is built from: the registry's metadata (no rule code). */
export interface RuleInfo {
  id: string;
  defaultSeverity: 'info' | 'warning' | 'error';
  description: string;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const ROOT = 'ROOT';

/** Where a rule's documentation is published: the docs folder of the released package. */
export function ruleDocsUrl(ruleId: string, version: string): string {
  return `https://unpkg.com/importscan@${version}/docs/rules/${ruleId}.md`;
}

function location(file: string, line?: number, column?: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: ROOT },
      ...(line ? { region: { startLine: line, startColumn: column ?? 1 } } : {}),
    },
  };
}

function messageText(f: Finding): string {
  const parts = [f.message];
  if (f.why) parts.push(`Why: ${f.why}.`.replace(/\.\.$/, '.'));
  if (f.help) parts.push(`Help: ${f.help}`);
  if (f.fix) parts.push(`Fix${f.fix.safe ? ' (safe, importscan --fix applies it)' : ''}: ${f.fix.description}`);
  return parts.join('\n');
}

function result(f: Finding, ruleIndex: number) {
  // The chain ends at the finding's own file; earlier links are where it gets loaded from.
  const links = f.chain.length > 1 ? f.chain : [];
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: messageText(f) },
    locations: [location(f.file, f.line, f.column)],
    ...(f.fingerprint ? { partialFingerprints: { 'importscan/v1': f.fingerprint } } : {}),
    ...(links.length
      ? {
          relatedLocations: links.slice(0, -1).map((file, i) => ({
            id: i + 1,
            ...location(file),
            message: { text: i === 0 ? `entry ${file} loads it eagerly` : `loaded eagerly via ${file}` },
          })),
          codeFlows: [
            {
              message: { text: `eager import chain from ${links[0]}` },
              threadFlows: [
                {
                  locations: links.map((file, i) => ({
                    location: {
                      ...(i === links.length - 1 ? location(file, f.line, f.column) : location(file)),
                      message: { text: i === 0 ? `entry ${file}` : `imports ${file}` },
                    },
                    nestingLevel: 0,
                    executionOrder: i + 1,
                  })),
                },
              ],
            },
          ],
        }
      : {}),
    ...(f.entries.length ? { properties: { entries: f.entries } } : {}),
  };
}

/** Builds the SARIF reporter over the registered rules' metadata. */
export function sarifReporter(rules: () => RuleInfo[]): Reporter {
  return (scan: ScanResult, options) => {
    const findings = visibleFindings(scan, options.isQuiet);
    const known = new Map(rules().map((r) => [r.id, r]));
    for (const f of findings) {
      if (!known.has(f.ruleId)) known.set(f.ruleId, { id: f.ruleId, defaultSeverity: f.severity, description: f.ruleId });
    }
    const ids = [...known.keys()].sort();
    const version = scan.tool.version;
    const descriptors = ids.map((id) => {
      const r = known.get(id)!;
      const url = ruleDocsUrl(id, version);
      return {
        id,
        name: id,
        shortDescription: { text: r.description },
        fullDescription: { text: r.description },
        helpUri: url,
        help: { text: `${r.description}\nDocumentation: ${url}`, markdown: `${r.description}\n\n[Documentation](${url})` },
        defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
        properties: { tags: ['startup-performance', ...(id.startsWith('side-effect/') ? ['side-effect'] : [])] },
      };
    });
    const index = new Map(ids.map((id, i) => [id, i]));
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'importscan',
              version,
              semanticVersion: version,
              informationUri: `https://www.npmjs.com/package/importscan`,
              rules: descriptors,
            },
          },
          originalUriBaseIds: { [ROOT]: { uri: pathToFileURL(scan.root.endsWith('/') ? scan.root : `${scan.root}/`).href } },
          results: findings.map((f) => result(f, index.get(f.ruleId)!)),
          columnKind: 'utf16CodeUnits',
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  };
}
