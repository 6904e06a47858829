// fix: the rewrites that load an eager import on first use. Pure: facts, the file's text and the
// shapes of the functions its uses sit in (read from the tree by the scan: src/fix/lazy-shapes) in,
// edits out.
import type { BindingUse, FunctionShape, ImportBinding, ImportFact, LazyShapes } from '../types.js';
import { hasUse, isUsedOnlyAs } from '../parse/uses.js';
import { camelFromSpecifier, freshName, isJsFile, pascal } from './ast.js';
import type { Edit } from './edits.js';
import { isImportDeferAvailable, type FixEnv } from './environment.js';
import { detectStyle, indentAt, quoted, semi, type FileStyle } from './style.js';

/** Which rewrite a plan is (docs/rules/lazy-import.md describes each). */
export type RewriteKind = 'async-import' | 'async-loader' | 'cjs-require' | 'async-handler' | 'import-defer' | 'instance-accessor';

/** A rewrite: its edits, whether `--fix` applies it, and a one-line description. */
export interface RewritePlan {
  kind: RewriteKind;
  isSafe: boolean;
  description: string;
  edits: Edit[];
}

/** Why an import cannot be rewritten (shown as help when there is no plan). */
export interface NoPlan {
  kind: null;
  reason: string;
}

/** Bindings that need a value at run time: not `type`-only and used as a value. */
export function valueBindings(fact: ImportFact): ImportBinding[] {
  return fact.bindings.filter((b) => !b.isTypeOnly && !isUsedOnlyAs(b, 'type'));
}

/**
 * Whether an import may be loaded on first use: a static import declaration with value bindings,
 * every value use inside a function body (never module level, exported, extends, decorators).
 */
export function isLazyCandidate(fact: ImportFact): boolean {
  if (fact.kind !== 'static' || fact.isLazy || fact.isTypeOnly || fact.isElidedUnlessVerbatim) return false;
  // One pass, no arrays: the rule asks this of every import of every file.
  let hasValue = false;
  for (const b of fact.bindings) {
    if (b.isTypeOnly) continue;
    if (!isUsedOnlyAs(b, 'function', 'type')) return false;
    if (!isUsedOnlyAs(b, 'type')) hasValue = true;
  }
  return hasValue;
}

interface Site {
  fn: FunctionShape;
  bindings: ImportBinding[];
}

/** A file as planning reads it: its text, the shapes the scan kept, and the uses of the planned import's bindings. */
export interface PlanInput {
  file: string;
  text: string;
  shapes: LazyShapes;
  /** The uses of each binding of the import planned (usesOf), in binding order. */
  uses: BindingUse[][];
}

/** The uses of one binding of the import planned. */
function usesIn(input: PlanInput, fact: ImportFact, b: ImportBinding): BindingUse[] {
  return input.uses[fact.bindings.indexOf(b)] ?? [];
}

/** The function shapes of a file by start offset (what FunctionRef.start/outerStart hold). */
const shapeIndex = new WeakMap<LazyShapes, Map<number, FunctionShape>>();

function functionAt(shapes: LazyShapes, start: number): FunctionShape | undefined {
  let index = shapeIndex.get(shapes);
  if (!index) shapeIndex.set(shapes, (index = new Map(shapes.functions.map((f) => [f.at, f]))));
  return index.get(start);
}

/** Plans the rewrite of one candidate import of a file. */
export function planLazyImport(input: PlanInput, fact: ImportFact, env: FixEnv): RewritePlan | NoPlan {
  if (!isLazyCandidate(fact)) return { kind: null, reason: 'not every value binding is used only inside functions' };
  const { shapes } = input;
  if (!shapes.importDeclStarts.includes(fact.start)) return { kind: null, reason: 'the import declaration moved since the scan' };
  const values = valueBindings(fact);
  const uses = values.flatMap((b) => usesIn(input, fact, b).filter((u) => u.where === 'function').map((u) => ({ b, u })));

  // Where each use can load the module: the innermost async function, else an async outer one.
  const asyncSite = (u: BindingUse): FunctionShape | null | undefined => {
    if (!u.fn) return undefined;
    if (u.fn.isAsync) return functionAt(shapes, u.fn.start);
    if (u.fn.outerIsAsync) return functionAt(shapes, u.fn.outerStart);
    return null;
  };
  const outerSite = (u: BindingUse): FunctionShape | undefined => (u.fn ? functionAt(shapes, u.fn.outerStart) : undefined);

  const isEveryAsync = uses.every(({ u }) => asyncSite(u));
  if (isEveryAsync) {
    return build(input, fact, uses.map(({ b, u }) => ({ b, fn: asyncSite(u)! })), 'async');
  }
  if (uses.some(({ u }) => !outerSite(u))) return { kind: null, reason: 'a use sits in a class field initializer' };
  if (env.formatOf(input.file) === 'require') {
    return build(input, fact, uses.map(({ b, u }) => ({ b, fn: outerSite(u)! })), 'cjs');
  }
  // ESM and synchronous uses: offered rewrites only.
  const syncOuters = uses.filter(({ u }) => !asyncSite(u)).map(({ u }) => outerSite(u)!);
  if (syncOuters.every((fn) => fn.isRouteHandler)) {
    const sites = uses.map(({ b, u }) => ({ b, fn: asyncSite(u) ?? outerSite(u)! }));
    return build(input, fact, sites, 'handler');
  }
  if (isImportDeferAvailable(env)) return planDefer(input, fact);
  return {
    kind: null,
    reason:
      'a use sits in a synchronous function of an ES module: make that function async and load the module with `await import()` there (its callers must then await it), or use `import defer` (TypeScript >= 5.9 with module esnext/preserve; no Node release runs it unflagged yet)',
  };
}

type Mode = 'async' | 'cjs' | 'handler';

function build(input: PlanInput, fact: ImportFact, raw: Array<{ b: ImportBinding; fn: FunctionShape }>, mode: Mode): RewritePlan | NoPlan {
  const { file, text, shapes } = input;
  const style = detectStyle(text);
  const isJs = isJsFile(file);

  // One site per function; a site nested in another is covered by the outer one.
  const byFn = new Map<FunctionShape, Set<ImportBinding>>();
  for (const { b, fn } of raw) {
    if (!byFn.has(fn)) byFn.set(fn, new Set());
    byFn.get(fn)!.add(b);
  }
  const fns = [...byFn.keys()];
  const sites: Site[] = [];
  for (const fn of fns) {
    const outer = fns.find((o) => o !== fn && o.at <= fn.at && fn.end <= o.end);
    if (outer) {
      for (const b of byFn.get(fn)!) byFn.get(outer)!.add(b);
      continue;
    }
    sites.push({ fn, bindings: [] });
  }
  for (const site of sites) site.bindings = fact.bindings.filter((b) => byFn.get(site.fn)!.has(b) || nestedHas(site.fn, byFn, b));
  sites.sort((a, b) => a.fn.at - b.fn.at);

  for (const site of sites) {
    const clash = site.bindings.find((b) => site.fn.declared.includes(b.local));
    if (clash) return { kind: null, reason: `\`${clash.local}\` is also declared in ${site.fn.label}` };
    const { at, end, bodyStart } = site.fn;
    const early = site.bindings.flatMap((b) => usesIn(input, fact, b)).find((u) => u.where === 'function' && u.start >= at && u.start < end && u.start < bodyStart);
    if (early) return { kind: null, reason: `a use in the parameters of ${site.fn.label} runs before the body` };
  }

  const spec = quoted(fact.specifier, style);
  const base = camelFromSpecifier(fact.specifier);
  const isLoader = mode === 'cjs' || sites.length > 1;
  const loaderName = freshName(text, `load${pascal(base)}`);
  const cacheName = freshName(text, `${base}Module`, new Set([loaderName]));
  const load = mode === 'cjs' ? `${loaderName}()` : isLoader ? `await ${loaderName}()` : `await import(${spec})`;

  const edits: Edit[] = [];
  for (const site of sites) {
    const statements = destructure(site.bindings, load, style);
    if (mode === 'handler' && !site.fn.isAsync) edits.push({ file, start: site.fn.asyncAt, end: site.fn.asyncAt, text: 'async ' });
    edits.push(insertAtBodyStart(text, file, site.fn, statements, style));
  }

  // The import declaration becomes type imports (for type uses) and, when needed, the loader.
  // CommonJS loaders type a default export through the kept `import type` of it.
  const cjsDefault = mode === 'cjs' ? fact.bindings.find((b) => b.imported === 'default' && !b.isTypeOnly) : undefined;
  const typeImports = typeImportLines(fact, spec, style, isJs, cjsDefault);
  const loader = isLoader ? loaderText(mode, cacheName, loaderName, spec, style, isJs, fact, cjsDefault?.local) : [];
  const nl = style.newline;
  if (shapes.lastImportStart === fact.start) {
    const isFirstImport = shapes.firstImportStart === fact.start;
    const isAfterBlank = endsWithBlankLine(text, fact.start);
    const gap = typeImports.length || (!isFirstImport && !isAfterBlank) ? [''] : [];
    edits.push(replaceStatement(text, file, fact, [...typeImports, ...(loader.length ? [...gap, ...loader] : [])], nl));
  } else {
    edits.push(replaceStatement(text, file, fact, typeImports, nl));
    if (loader.length) edits.push({ file, start: shapes.lastImportEnd, end: shapes.lastImportEnd, text: nl + nl + loader.join(nl) });
  }

  const names = fact.bindings.filter((b) => !b.isTypeOnly && valueBindingsHas(fact, b)).map((b) => b.local).join(', ');
  const where = sites.length === 1 ? sites[0]!.fn.label : `${sites.length} functions`;
  const kind: RewriteKind = mode === 'cjs' ? 'cjs-require' : mode === 'handler' ? 'async-handler' : isLoader ? 'async-loader' : 'async-import';
  const description =
    mode === 'cjs'
      ? `load ${fact.specifier} on first use with a memoised require (${names} in ${where})`
      : mode === 'handler'
        ? `make ${where} async and load ${fact.specifier} there with await import() (offered: a sync route handler that becomes async turns thrown errors into rejections)`
        : `load ${fact.specifier} on first use with await import() in ${where}`;
  return { kind, isSafe: mode !== 'handler', description, edits };
}

function nestedHas(fn: FunctionShape, byFn: Map<FunctionShape, Set<ImportBinding>>, b: ImportBinding): boolean {
  for (const [other, set] of byFn) if (other !== fn && fn.at <= other.at && other.end <= fn.end && set.has(b)) return true;
  return false;
}

function valueBindingsHas(fact: ImportFact, b: ImportBinding): boolean {
  return valueBindings(fact).includes(b);
}

/** `const { S3, default: AWS } = <load>;` (and `const ns = <load>;` for a namespace binding). */
function destructure(bindings: ImportBinding[], load: string, style: FileStyle): string[] {
  const values = bindings.filter((b) => !b.isTypeOnly && hasUse(b, 'function'));
  const ns = values.find((b) => b.imported === '*');
  const named = values.filter((b) => b.imported !== '*');
  const props = named.map((b) => (b.imported === b.local ? b.local : `${/^[A-Za-z_$][\w$]*$/.test(b.imported) ? b.imported : quoted(b.imported, style)}: ${b.local}`));
  const s = semi(style);
  if (ns && named.length) return [`const ${ns.local} = ${load}${s}`, `const { ${props.join(', ')} } = ${ns.local}${s}`];
  if (ns) return [`const ${ns.local} = ${load}${s}`];
  return [`const { ${props.join(', ')} } = ${load}${s}`];
}

function insertAtBodyStart(text: string, file: string, fn: FunctionShape, statements: string[], style: FileStyle): Edit {
  const nl = style.newline;
  if (fn.isBlock) {
    const open = fn.bodyStart + 1;
    const first = fn.firstStatementStart;
    const isSameLine = first >= 0 && !text.slice(open, first).includes('\n');
    if (isSameLine) return { file, start: open, end: open, text: ` ${statements.join(' ')}` };
    const indent = first >= 0 ? indentAt(text, first) : indentAt(text, fn.bodyStart) + style.indentUnit;
    return { file, start: open, end: open, text: statements.map((st) => `${nl}${indent}${st}`).join('') };
  }
  // `async (x) => expr` becomes a block that loads, then returns expr.
  const outer = indentAt(text, fn.at);
  const inner = outer + style.indentUnit;
  const expr = text.slice(fn.bodyStart, fn.bodyEnd);
  const block = `{${statements.map((st) => `${nl}${inner}${st}`).join('')}${nl}${inner}return ${expr}${semi(style)}${nl}${outer}}`;
  return { file, start: fn.bodyStart, end: fn.bodyEnd, text: block };
}

/** `import type` lines keeping the bindings used as types (or declared `type`). */
function typeImportLines(fact: ImportFact, spec: string, style: FileStyle, isJs: boolean, also?: ImportBinding): string[] {
  if (isJs) return [];
  const typed = fact.bindings.filter((b) => b === also || b.isTypeOnly || hasUse(b, 'type'));
  const s = semi(style);
  const lines: string[] = [];
  const def = typed.find((b) => b.imported === 'default');
  const ns = typed.find((b) => b.imported === '*');
  const named = typed.filter((b) => b.imported !== 'default' && b.imported !== '*');
  if (def) lines.push(`import type ${def.local} from ${spec}${s}`);
  if (ns) lines.push(`import type * as ${ns.local} from ${spec}${s}`);
  if (named.length) lines.push(`import type { ${named.map((b) => (b.imported === b.local ? b.local : `${b.imported} as ${b.local}`)).join(', ')} } from ${spec}${s}`);
  return lines;
}

function loaderText(mode: Mode, cacheName: string, loaderName: string, spec: string, style: FileStyle, isJs: boolean, fact: ImportFact, defaultLocal?: string): string[] {
  const s = semi(style);
  const i = style.indentUnit;
  const doc = `/** Loads ${fact.specifier} on first use (importscan lazy-import). */`;
  if (mode !== 'cjs') {
    return [
      isJs ? `let ${cacheName}${s}` : `let ${cacheName}: Promise<typeof import(${spec})> | undefined${s}`,
      doc,
      `function ${loaderName}() {`,
      `${i}return (${cacheName} ??= import(${spec}))${s}`,
      `}`,
    ];
  }
  const type = defaultLocal ? `typeof import(${spec}) & { default: typeof ${defaultLocal} }` : `typeof import(${spec})`;
  if (!defaultLocal) {
    return [
      isJs ? `let ${cacheName}${s}` : `let ${cacheName}: ${type} | undefined${s}`,
      doc,
      isJs ? `function ${loaderName}() {` : `function ${loaderName}(): ${type} {`,
      `${i}return (${cacheName} ??= require(${spec}))${s}`,
      `}`,
    ];
  }
  // A default import compiled to CommonJS reads `.default` through esModuleInterop's wrapper.
  return [
    isJs ? `let ${cacheName}${s}` : `let ${cacheName}: ${type} | undefined${s}`,
    doc,
    isJs ? `function ${loaderName}() {` : `function ${loaderName}(): ${type} {`,
    `${i}if (!${cacheName}) {`,
    `${i}${i}const mod = require(${spec})${s}`,
    `${i}${i}${cacheName} = mod && mod.__esModule ? mod : { ...mod, default: mod }${s}`,
    `${i}}`,
    `${i}return ${cacheName}${isJs ? '' : '!'}${s}`,
    `}`,
  ];
}

/** Whether the text before `end` finishes with a blank line: `\n[ \t]*\r?\n[ \t]*$`, read backwards. */
export function endsWithBlankLine(text: string, end: number): boolean {
  let i = end;
  const skipBlanks = () => {
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  };
  skipBlanks();
  if (text[i - 1] !== '\n') return false;
  i--;
  if (text[i - 1] === '\r') i--;
  skipBlanks();
  return text[i - 1] === '\n';
}

/** Replaces a whole statement with lines (or removes it with its line break). */
function replaceStatement(text: string, file: string, statement: { start: number; end: number }, lines: string[], nl: string): Edit {
  const { start } = statement;
  if (lines.length) return { file, start, end: statement.end, text: lines.join(nl) };
  let end = statement.end;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (text[end] === '\n') end += 1;
  // Removing the only statement of a blank-line-separated group would leave two blank lines.
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const isAloneInGroup = (lineStart === 0 || /\n\s*\n$/.test(text.slice(0, lineStart))) && /^[ \t]*\r?\n/.test(text.slice(end));
  if (isAloneInGroup) end = text.indexOf('\n', end) + 1;
  return { file, start: lineStart, end, text: '' };
}

/** `import defer * as ns from 'x'`, uses rewritten to `ns.X`. Offered only. */
function planDefer(input: PlanInput, fact: ImportFact): RewritePlan | NoPlan {
  const { file, text } = input;
  const style = detectStyle(text);
  const spec = quoted(fact.specifier, style);
  const values = valueBindings(fact);
  const nsBinding = values.find((b) => b.imported === '*');
  const ns = nsBinding ? nsBinding.local : freshName(text, `${camelFromSpecifier(fact.specifier)}Module`);
  const edits: Edit[] = [];
  for (const b of values) {
    if (b.imported === '*') continue;
    for (const u of usesIn(input, fact, b)) {
      if (u.where !== 'function') continue;
      if (u.isJsx) return { kind: null, reason: `\`${b.local}\` is used as a JSX tag` };
      const member = /^[A-Za-z_$][\w$]*$/.test(b.imported) ? `${ns}.${b.imported}` : `${ns}[${quoted(b.imported, style)}]`;
      edits.push({ file, start: u.start, end: u.end, text: u.isShorthand ? `${b.local}: ${member}` : member });
    }
  }
  const lines = [...typeImportLines(fact, spec, style, isJsFile(file)), `import defer * as ${ns} from ${spec}${semi(style)}`];
  edits.push(replaceStatement(text, file, fact, lines, style.newline));
  return {
    kind: 'import-defer',
    isSafe: false,
    description: `defer evaluating ${fact.specifier} to its first use with \`import defer * as ${ns}\` (offered: TypeScript >= 5.9 compiles it, but no Node release runs it unflagged yet)`,
    edits,
  };
}
