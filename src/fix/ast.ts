// fix: small syntax-tree helpers for rewrites (the TypeScript parser already loaded by the scan).
import type * as TS from 'typescript';
import { ts } from '../parse/typescript.js';
import { PARSE_OPTIONS, scriptKindOf } from '../parse/extract.js';
import { addBindingNames, collectDeclarations, Scope } from '../parse/scope.js';

export type FunctionNode = TS.FunctionLikeDeclaration;

/** A parsed file with its function-like nodes indexed by start offset. */
export interface ParsedFile {
  sf: TS.SourceFile;
  text: string;
  /** Function-like nodes by `getStart()` (what FunctionRef.start/outerStart hold). */
  functions: Map<number, FunctionNode>;
}

/** Parses a file once and indexes its functions. */
export function parseFile(file: string, text: string): ParsedFile {
  return indexTree(ts.createSourceFile(file, text, PARSE_OPTIONS, true, scriptKindOf(file)), text);
}

/** Indexes the functions of a tree parsed by the scan (setting parent links the rewrites walk up). */
export function indexTree(sf: TS.SourceFile, text: string): ParsedFile {
  const functions = new Map<number, FunctionNode>();
  const visit = (node: TS.Node, parent: TS.Node): void => {
    (node as { parent: TS.Node }).parent ??= parent;
    if (ts.isFunctionLike(node) && (node as FunctionNode).body !== undefined) {
      const start = node.getStart(sf);
      if (!functions.has(start)) functions.set(start, node as FunctionNode);
    }
    ts.forEachChild(node, (child) => visit(child, node));
  };
  ts.forEachChild(sf, (child) => visit(child, sf));
  return { sf, text, functions };
}

/** Names a function declares at its top level: parameters and body declarations. */
export function namesDeclaredIn(fn: FunctionNode): Set<string> {
  const scope = new Scope(null, true);
  for (const p of fn.parameters) addBindingNames(p.name, scope.names);
  if (fn.body && ts.isBlock(fn.body)) collectDeclarations(fn.body.statements, scope);
  if (ts.isFunctionExpression(fn) && fn.name) scope.names.add(fn.name.text);
  return scope.names;
}

/** Whether an identifier occurs anywhere in the text as a whole word (conservative check for fresh names). */
export function isNameTaken(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (!isWordChar(text.charCodeAt(at - 1)) && !isWordChar(text.charCodeAt(at + name.length))) return true;
  }
  return false;
}

/** `[A-Za-z0-9_$]` (NaN, outside the text, is not). */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

/** A fresh identifier based on `base`, not occurring in the text and not in `also`. */
export function freshName(text: string, base: string, also: Set<string> = new Set()): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (!isNameTaken(text, name) && !also.has(name)) return name;
  }
}

/** `aws-sdk` -> `awsSdk`, `../services/zerodb.js` -> `zerodb`, `@scope/pkg` -> `pkg`. */
export function camelFromSpecifier(specifier: string): string {
  const parts = specifier.split('/').filter((p) => p && p !== '.' && p !== '..' && p !== 'index.js' && p !== 'index');
  const last = (parts[parts.length - 1] ?? 'module').replace(/^@/, '').replace(/\.[cm]?[jt]sx?$/, '');
  const words = last.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  const safe = camel || 'module';
  return /^[0-9]/.test(safe) ? `m${safe}` : safe;
}

export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Where `async ` goes to make a function async (after `export`/`static`, before `function` or the name). */
export function asyncInsertPos(fn: FunctionNode, sf: TS.SourceFile): number {
  if (ts.isArrowFunction(fn)) return fn.getStart(sf);
  if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) {
    const keyword = fn.getChildren(sf).find((c) => c.kind === ts.SyntaxKind.FunctionKeyword);
    return keyword ? keyword.getStart(sf) : fn.getStart(sf);
  }
  if (ts.isMethodDeclaration(fn)) return fn.name.getStart(sf);
  return fn.getStart(sf);
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head']);

/**
 * A route handler whose return value the framework ignores: a function passed to
 * `router.get(...)`, `app.post(...)`, `router.route(p).get(...)` (express, koa-router style).
 */
export function isRouteHandler(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || !call.arguments.includes(fn as unknown as TS.Expression)) return false;
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && ROUTE_METHODS.has(callee.name.text);
}

/** The identifier node at an offset (a use recorded by the extractor). */
export function identifierAt(sf: TS.SourceFile, offset: number): TS.Identifier | undefined {
  let found: TS.Identifier | undefined;
  const visit = (node: TS.Node): void => {
    if (found || offset < node.getFullStart() || offset >= node.end) return;
    if (ts.isIdentifier(node) && node.getStart(sf) === offset) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Whether a file is JavaScript (no type annotations allowed). */
export function isJsFile(file: string): boolean {
  return /\.[cm]?jsx?$/.test(file);
}
