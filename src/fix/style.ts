// fix: the formatting a file already uses (quotes, semicolons, indentation), so rewrites blend in.

/** How a file is written. */
export interface FileStyle {
  quote: "'" | '"';
  /** Statements end with `;`. */
  isSemicolon: boolean;
  /** One level of indentation: two spaces, four spaces or a tab. */
  indentUnit: string;
  newline: '\n' | '\r\n';
}

/** Detects a file's style from its text (majority of import/statement lines). */
export function detectStyle(text: string): FileStyle {
  if (lastStyle?.text !== text) lastStyle = { text, style: detectStyleOf(text) };
  return lastStyle.style;
}

/** The last file's style (a file with several rewrites asks once per rewrite). */
let lastStyle: { text: string; style: FileStyle } | null = null;

/** Keywords that start the statements whose endings decide semicolons. */
const STATEMENT_KEYWORDS = ['import', 'export', 'const', 'let', 'var', 'return'];

/** One pass over the lines (this runs for every file with a rewrite candidate). */
function detectStyleOf(text: string): FileStyle {
  let singles = 0;
  let doubles = 0;
  for (const m of text.matchAll(/(?:from |import\(|require\()(['"])/g)) {
    if (m[1] === "'") singles++;
    else doubles++;
  }
  let withSemi = 0;
  let withoutSemi = 0;
  let indents = 0;
  let hasTabIndent = false;
  let isEveryIndentFour = true;
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    // Indentation: a run of spaces or of tabs, then a non-space character.
    const first = text.charCodeAt(lineStart);
    if (first === 32 || first === 9) {
      let i = lineStart;
      while (i < lineEnd && text.charCodeAt(i) === first) i++;
      if (i < lineEnd && !isSpace(text.charCodeAt(i))) {
        indents++;
        if (first === 9) hasTabIndent = true;
        else if ((i - lineStart) % 4 !== 0) isEveryIndentFour = false;
      }
    }
    // A statement line: import/export/const/let/var/return, not opening a block, list or call.
    let start = lineStart;
    while (start < lineEnd && isSpace(text.charCodeAt(start))) start++;
    let end = lineEnd;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const keyword = STATEMENT_KEYWORDS.find((k) => text.startsWith(k, start) && !isWordChar(text.charCodeAt(start + k.length)));
    const last = text[end - 1];
    if (keyword && start + keyword.length <= end && last !== '{' && last !== ',' && last !== '(') {
      if (last === ';') withSemi++;
      else withoutSemi++;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  let indentUnit = '  ';
  if (hasTabIndent) indentUnit = '\t';
  else if (indents && isEveryIndentFour) indentUnit = '    ';
  return {
    quote: doubles > singles ? '"' : "'",
    isSemicolon: withSemi >= withoutSemi,
    indentUnit,
    newline: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** JavaScript's `\s`: ASCII and Unicode spaces, line terminators, the byte order mark. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A regex word character (`\w`, what `\b` looks at); NaN past the end is not one. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The indentation of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** A string literal in the file's quote style. */
export function quoted(value: string, style: FileStyle): string {
  const q = style.quote;
  return q + value.replace(/\\/g, '\\\\').replaceAll(q, `\\${q}`) + q;
}

/** `;` when the file uses semicolons. */
export function semi(style: FileStyle): string {
  return style.isSemicolon ? ';' : '';
}
