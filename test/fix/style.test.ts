// The style a rewrite copies (quotes, semicolons, indentation, newlines), read in one pass over the
// lines; checked against the rule written as regular expressions, on the repo's own sources and
// fixtures and on random texts built from the tokens that matter.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endsWithBlankLine } from '../../src/fix/lazy-import-rewrite.js';
import { detectStyle } from '../../src/fix/style.js';
import { REPO } from '../helpers.js';

/** The rule as regular expressions (the definition the one-pass reader must agree with). */
function reference(text: string) {
  const singles = (text.match(/from '|import\('|require\('/g) ?? []).length;
  const doubles = (text.match(/from "|import\("|require\("/g) ?? []).length;
  const lines = text.split('\n');
  let withSemi = 0;
  let withoutSemi = 0;
  for (const line of lines) {
    const t = line.trimEnd();
    if (!/^\s*(import|export|const|let|var|return)\b/.test(t) || t.endsWith('{') || t.endsWith(',') || t.endsWith('(')) continue;
    if (t.endsWith(';')) withSemi++;
    else withoutSemi++;
  }
  const indents = lines.map((l) => /^( +|\t+)\S/.exec(l)?.[1]).filter((x): x is string => !!x);
  let indentUnit = '  ';
  if (indents.some((i) => i.startsWith('\t'))) indentUnit = '\t';
  else if (indents.length && indents.every((i) => i.length % 4 === 0)) indentUnit = '    ';
  return { quote: doubles > singles ? '"' : "'", isSemicolon: withSemi >= withoutSemi, indentUnit, newline: text.includes('\r\n') ? '\r\n' : '\n' };
}

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.[cm]?[jt]sx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = ['import', 'export', 'const', 'let', 'var', 'return', 'returned', 'constx', ' ', '  ', '    ', '\t', '\n', '\r\n', '\r', ';', '{', ',', '(', "from '", 'from "', "import('", 'require("', 'x', '\u00a0', '\ufeff', '\u2003', '$', '_'];

describe('detectStyle', () => {
  it("agrees with the regular-expression rule on every source file in the repo's src, test and sample projects", () => {
    const files = [...sources(path.join(REPO, 'src')), ...sources(path.join(REPO, 'test')), ...sources(path.join(REPO, 'sample-projects'))];
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      expect(detectStyle(text), file).toEqual(reference(text));
    }
  });

  it('agrees with it on 5,000 random texts of keywords, indents, line ends and quotes', () => {
    const next = random(7);
    const seen = new Set<string>();
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += TOKENS[Math.floor(next() * TOKENS.length)];
      const style = detectStyle(text);
      expect(style, JSON.stringify(text)).toEqual(reference(text));
      seen.add(`${style.quote}${style.isSemicolon}${style.indentUnit}${style.newline}`);
    }
    expect(seen.size).toBeGreaterThan(8); // every outcome is exercised, not just the defaults
  });
});

describe('endsWithBlankLine', () => {
  it('is /\\n[ \\t]*\\r?\\n[ \\t]*$/ on the text before the offset', () => {
    const next = random(11);
    const parts = ['\n', '\r\n', '\r', ' ', '\t', 'x', ';'];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let i = 0; i < length; i++) text += parts[Math.floor(next() * parts.length)];
      const at = Math.floor(next() * (text.length + 1));
      expect(endsWithBlankLine(text, at), JSON.stringify([text, at])).toBe(/\n[ \t]*\r?\n[ \t]*$/.test(text.slice(0, at)));
    }
  });
});
