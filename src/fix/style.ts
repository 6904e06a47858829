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

function detectStyleOf(text: string): FileStyle {
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
  return {
    quote: doubles > singles ? '"' : "'",
    isSemicolon: withSemi >= withoutSemi,
    indentUnit,
    newline: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** The indentation of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** A string literal in the file's quote style. */
export function quoted(value: string, style: FileStyle): string {
  const q = style.quote;
  return q + value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

/** `;` when the file uses semicolons. */
export function semi(style: FileStyle): string {
  return style.isSemicolon ? ';' : '';
}
