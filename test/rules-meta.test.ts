// Every rule: its file is named after its id, it is registered, it has a docs page and tests.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSeverities, RULES } from '../src/rules/index.js';
import { REPO } from './helpers.js';

const CONTRACT_RULES = [
  'side-effect/engine-creation',
  'side-effect/service-instantiation',
  'side-effect/network',
  'side-effect/io',
  'side-effect/timer',
  'side-effect/listener',
  'side-effect/top-level-await',
  'heavy-dependency',
  'lazy-import',
  'import-cycle',
  'duplicate-engine',
  'budget',
  'unresolved-import',
  'parse-error',
];

function testSources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'fixtures' && e.name !== '__snapshots__') testSources(full, out);
    else if (e.name.endsWith('.test.ts') && e.name !== 'rules-meta.test.ts') out.push(fs.readFileSync(full, 'utf8'));
  }
  return out;
}

describe('rule registry', () => {
  const tests = testSources(path.join(REPO, 'test')).join('\n');

  it('registers every rule of the contract with its default severity', () => {
    const severities = Object.fromEntries(defaultSeverities());
    expect(severities).toMatchObject({
      'side-effect/engine-creation': 'error',
      'side-effect/service-instantiation': 'warning',
      'side-effect/network': 'error',
      'side-effect/io': 'warning',
      'side-effect/timer': 'warning',
      'side-effect/listener': 'info',
      'side-effect/top-level-await': 'warning',
      'heavy-dependency': 'warning',
      'lazy-import': 'info',
      'import-cycle': 'warning',
      'duplicate-engine': 'warning',
      budget: 'error',
      'unresolved-import': 'warning',
      'parse-error': 'error',
    });
    expect(CONTRACT_RULES.every((id) => id in severities)).toBe(true);
  });

  for (const rule of RULES) {
    const { id } = rule.meta;
    it(`${id}: file named after the id, docs page, tests`, () => {
      expect(fs.existsSync(path.join(REPO, 'src/rules', `${id}.ts`))).toBe(true);
      const doc = path.join(REPO, 'docs/rules', `${id}.md`);
      expect(fs.existsSync(doc)).toBe(true);
      const text = fs.readFileSync(doc, 'utf8');
      expect(text.startsWith(`# ${id}\n`)).toBe(true);
      expect(text).toMatch(/## Examples/);
      expect(tests.includes(`'${id}'`) || tests.includes(`"${id}"`)).toBe(true);
      expect(rule.meta.description.length).toBeGreaterThan(10);
    });
  }

  it('unused-suppression (the engine\'s own rule) has a docs page', () => {
    expect(fs.existsSync(path.join(REPO, 'docs/rules/unused-suppression.md'))).toBe(true);
  });
});
