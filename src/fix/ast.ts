// fix: small syntax-tree helpers for rewrites (the TypeScript parser already loaded by the scan).
import type * as TS from 'typescript';
import { ts } from '../parse/typescript.js';
import { parseOptionsOf, scriptKindOf } from '../parse/extract.js';
import { addBindingNames, collectDeclarations, Scope } from '../parse/scope.js';

export type FunctionNode = TS.FunctionLikeDeclaration;

/** A parsed file and its function-like nodes by start offset. */
export interface ParsedFile {
  sf: TS.SourceFile;
  text: string;
  /** Function-like nodes with a body by `getStart()` (what FunctionRef.start/outerStart hold). */
  functions: { get(start: number): FunctionNode | undefined };
}

/** Parses a file once (with parent links). */
export function parseFile(file: string, text: string): ParsedFile {
  const options = parseOptionsOf(); // loads TypeScript, before `ts.createSourceFile` is read
  return indexTree(ts.createSourceFile(file, text, options, true, scriptKindOf(file)), text);
}

/**
 * A tree parsed by the scan (without parent links), with functions found on demand: each lookup
 * descends from the file to the offset and links the nodes on its way to their parents, which is
 * all the rewrites walk up (a function's call, an identifier's property assignment).
 */
export function indexTree(sf: TS.SourceFile, text: string): ParsedFile {
  const found = new Map<number, FunctionNode | undefined>();
  return {
    sf,
    text,
    functions: {
      get(start) {
        if (!found.has(start)) found.set(start, descend(sf, start, (n) => ts.isFunctionLike(n) && (n as FunctionNode).body !== undefined && n.getStart(sf) === start) as FunctionNode | undefined);
        return found.get(start);
      },
    },
  };
}

/** The outermost node on the way from the file to `offset` that matches, linking parents on the way. */
function descend(sf: TS.SourceFile, offset: number, isMatch: (node: TS.Node) => boolean): TS.Node | undefined {
  let node: TS.Node = sf;
  for (;;) {
    const parent: TS.Node = node;
    const next: TS.Node | undefined = ts.forEachChild(parent, (child) => (offset >= child.pos && offset < child.end ? child : undefined));
    if (!next) return undefined;
    (next as { parent: TS.Node }).parent ??= parent;
    if (isMatch(next)) return next;
    node = next;
  }
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
    if (!isIdentifierChar(text.charCodeAt(at - 1)) && !isIdentifierChar(text.charCodeAt(at + name.length))) return true;
  }
  return false;
}

/** Whether a character code can be part of an identifier: `[A-Za-z0-9_$]` or beyond ASCII (NaN, outside the text, cannot). */
export function isIdentifierChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127;
}

/** A fresh identifier based on `base`, not occurring in the text and not in `also`. */
export function freshName(text: string, base: string, also: Set<string> = new Set()): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    if (!isNameTaken(text, name) && !also.has(name)) return name;
  }
}

/** Names derived per specifier (a project imports the same specifiers from many files). */
const camelNames = new Map<string, string>();

/** `aws-sdk` -> `awsSdk`, `../services/zerodb.js` -> `zerodb`, `@scope/pkg` -> `pkg`. */
export function camelFromSpecifier(specifier: string): string {
  let name = camelNames.get(specifier);
  if (name === undefined) camelNames.set(specifier, (name = camelOf(specifier)));
  return name;
}

function camelOf(specifier: string): string {
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
    // The `function` keyword is the first token after the modifiers. (getChildren() would find it
    // too, but it keeps the token nodes it makes in a WeakMap, which slows every later scavenge.)
    const modifiers = fn.modifiers;
    return modifiers?.length ? afterTrivia(sf.text, modifiers[modifiers.length - 1]!.end) : fn.getStart(sf);
  }
  if (ts.isMethodDeclaration(fn)) return fn.name.getStart(sf);
  return fn.getStart(sf);
}

/** The first offset at or after `pos` that is not whitespace or a comment. */
function afterTrivia(text: string, pos: number): number {
  for (let i = pos; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else return i;
  }
  return text.length;
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

/** Whether a file is JavaScript (no type annotations allowed). */
export function isJsFile(file: string): boolean {
  return /\.[cm]?jsx?$/.test(file);
}
