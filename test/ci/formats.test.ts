// Formats: every reporter snapshotted on the sample; SARIF validated against the SARIF 2.1.0 schema.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { MAX_FINDINGS, MAX_PER_RULE, markdown } from '../../src/report/markdown.js';
import type { Finding, ScanResult } from '../../src/types.js';
import { importscan, normalise, REPO, SAMPLE } from './helpers.js';

const ROUTES = path.join(SAMPLE, 'src/routes');
const FORMATS = ['stylish', 'table', 'json', 'sarif', 'github', 'markdown'];
const EXT: Record<string, string> = { stylish: 'stylish.txt', table: 'table.txt', json: 'json', sarif: 'sarif.json', github: 'github.txt', markdown: 'md' };

/** The vendored schema (draft-04, from @microsoft/jest-sarif's sarif-2.1.0-rtm.5.json), read by Ajv's draft-07 engine. */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // Draft-04 `id` is draft-07 `$id`; the schema uses no other keyword whose meaning changed.
  const { $schema: _draft, id, ...rest } = schema;
  // unicodeRegExp off: the schema's language-tag pattern has a stray `]` that only non-unicode regexps accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  ajv.addFormat('uri-reference', /^\S*$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  return ajv.compile({ ...rest, $id: id });
}

describe('formats on sample-projects/express-api', () => {
  for (const format of FORMATS) {
    it(`${format} matches its snapshot`, async () => {
      const r = importscan([ROUTES, '--format', format]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1); // the sample has error findings
      const text = normalise(r.stdout, SAMPLE);
      await expect(text).toMatchFileSnapshot(`__snapshots__/express-api.${EXT[format]}`);
    });
  }

  it('sarif is valid SARIF 2.1.0 with a descriptor per rule, fingerprints and chains', () => {
    const r = importscan([ROUTES, '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as any;
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false); // the validator does reject: a run needs its tool
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((d: any) => d.id);
    expect(ids).toContain('side-effect/engine-creation');
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of run.tool.driver.rules) expect(d.helpUri).toMatch(new RegExp(`/docs/rules/${d.id}\\.md$`));
    expect(run.originalUriBaseIds.ROOT.uri).toBe(`file://${fs.realpathSync(SAMPLE)}/`);
    for (const result of run.results) {
      expect(ids[result.ruleIndex]).toBe(result.ruleId);
      expect(result.partialFingerprints['importscan/v1']).toMatch(/^[0-9a-f]{16}$/);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    const chained = run.results.find((x: any) => x.codeFlows);
    expect(chained.relatedLocations.length).toBe(chained.codeFlows[0].threadFlows[0].locations.length - 1);
  });

  it('github escapes %, CR, LF in messages and , : in properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    const r = importscan([ROUTES, '--format', 'github']);
    for (const line of r.stdout.trim().split('\n').slice(0, -1)) {
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[^,:]+::[^\r\n]+$/);
    }
  });
});

describe('markdown truncation', () => {
  const finding = (i: number, ruleId: string): Finding => ({
    ruleId, severity: 'warning', file: `src/f${i}.ts`, line: 1, column: 1, message: `problem ${i} | piped`, entries: [], chain: [],
  });
  const result = (findings: Finding[]): ScanResult => ({
    schemaVersion: 1, tool: { name: 'importscan', version: '0.0.0' }, root: '/r', entries: [], findings,
    summary: { entries: 0, modules: 0, errors: 0, warnings: findings.length, infos: 0, durationMs: 0 },
  });

  it('lists at most MAX_PER_RULE per rule and MAX_FINDINGS in all, counting the rest', () => {
    const many = Array.from({ length: 130 }, (_, i) => finding(i, `rule-${String(Math.floor(i / 13)).padStart(2, '0')}`));
    const text = markdown(result(many), { isColor: false, top: 20, isQuiet: false });
    expect(text.match(/^- 🟠/gm)).toHaveLength(MAX_FINDINGS);
    expect(text).toContain(`…and ${13 - MAX_PER_RULE} more rule-00 findings`);
    expect(text).toContain('…and 13 more rule-09 findings');
    expect(text).toContain('problem 0 \\| piped');
  });
});
