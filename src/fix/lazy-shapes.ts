// fix: what the lazy-import rewrites need from a file's tree, read while the scan holds it: the
// import statements' places and, for each function a candidate import's uses sit in, its shape
// (body, async, label, route handler, clashing names). Plain data, cached with the facts; the
// rewrites are planned from it for the imports the rule reports, without parsing again.
import type * as TS from 'typescript';
import { ts } from '../parse/typescript.js';
import { usesOf } from '../parse/uses.js';
import type { FileFacts, FunctionShape, LazyShapes } from '../types.js';
import { asyncInsertPos, isRouteHandler, namesDeclaredIn, type FunctionNode, type ParsedFile } from './ast.js';
import { isLazyCandidate } from './lazy-import-rewrite.js';

/** The shapes of a file with candidate imports (undefined when it has none). */
export function lazyShapesOf(parsed: ParsedFile, facts: FileFacts): LazyShapes | undefined {
  const candidates = facts.imports.filter(isLazyCandidate);
  if (!candidates.length) return undefined;
  const { sf } = parsed;
  const locals = new Set<string>();
  const starts = new Set<number>();
  for (const fact of candidates) {
    const uses = usesOf(facts, facts.imports.indexOf(fact));
    for (const [i, b] of fact.bindings.entries()) {
      locals.add(b.local);
      for (const u of uses[i] ?? []) {
        if (!u.fn) continue;
        starts.add(u.fn.start);
        starts.add(u.fn.outerStart);
      }
    }
  }
  const functions: FunctionShape[] = [];
  for (const at of [...starts].sort((a, b) => a - b)) {
    const fn = parsed.functions.get(at);
    if (fn) functions.push(shapeOf(fn, sf, at, locals));
  }
  const importDeclStarts: number[] = [];
  let firstImportStart = -1;
  let lastImportStart = -1;
  let lastImportEnd = -1;
  for (const statement of sf.statements) {
    const isDeclaration = ts.isImportDeclaration(statement);
    if (!isDeclaration && !ts.isImportEqualsDeclaration(statement)) continue;
    const start = statement.getStart(sf);
    if (isDeclaration) importDeclStarts.push(start);
    if (firstImportStart < 0) firstImportStart = start;
    lastImportStart = start;
    lastImportEnd = statement.end;
  }
  return { importDeclStarts, firstImportStart, lastImportStart, lastImportEnd, functions };
}

function shapeOf(fn: FunctionNode, sf: TS.SourceFile, at: number, locals: Set<string>): FunctionShape {
  const body = fn.body!;
  const isBlock = ts.isBlock(body);
  const first = isBlock ? body.statements[0] : undefined;
  const declared = [...namesDeclaredIn(fn)].filter((name) => locals.has(name));
  return {
    at,
    end: fn.end,
    bodyStart: body.getStart(sf),
    bodyEnd: body.end,
    isBlock,
    firstStatementStart: first ? first.getStart(sf) : -1,
    isAsync: (ts.getModifiers(fn as TS.FunctionDeclaration) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword),
    asyncAt: asyncInsertPos(fn, sf),
    label: fnLabel(fn, sf, at),
    isRouteHandler: isRouteHandler(fn),
    declared,
  };
}

/** A readable name for a function: `handler()`, `the GET /x handler (line 12)`, `the function at line 3`. */
function fnLabel(fn: FunctionNode, sf: TS.SourceFile, at: number): string {
  const line = sf.getLineAndCharacterOfPosition(at).line + 1;
  if (fn.name && ts.isIdentifier(fn.name)) return `${fn.name.text}()`;
  if (ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return `${fn.parent.name.text}()`;
  if (isRouteHandler(fn)) {
    const call = fn.parent as TS.CallExpression;
    const method = (call.expression as TS.PropertyAccessExpression).name.text.toUpperCase();
    const path = call.arguments[0] && ts.isStringLiteral(call.arguments[0]) ? ` ${call.arguments[0].text}` : '';
    return `the ${method}${path} handler (line ${line})`;
  }
  // asyncHandler(async (req, res) => ...) passed to router.post('/revenue', ...)
  const outerCall = fn.parent && ts.isCallExpression(fn.parent) ? fn.parent.parent : undefined;
  if (outerCall && ts.isCallExpression(outerCall) && ts.isPropertyAccessExpression(outerCall.expression)) {
    const method = outerCall.expression.name.text.toUpperCase();
    const path = outerCall.arguments[0] && ts.isStringLiteral(outerCall.arguments[0]) ? ` ${outerCall.arguments[0].text}` : '';
    return `the ${method}${path} handler (line ${line})`;
  }
  return `the function at line ${line}`;
}
