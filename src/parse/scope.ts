// parse: lexical scopes, enough to tell an import binding from a local that shadows it.
import type * as TS from 'typescript';
import { ts } from './typescript.js';

/** What a name in the module scope is bound to. */
export type ModuleBinding =
  | { type: 'import'; importIndex: number; bindingIndex: number }
  | { type: 'local'; kind: 'function' | 'class' | 'var' | 'other' };

/** A lexical scope: the names it declares, and its parent. */
export class Scope {
  readonly names = new Set<string>();
  constructor(
    readonly parent: Scope | null,
    readonly isFunction: boolean,
  ) {}

  /** The nearest scope declaring `name`, or null for a global. */
  lookup(name: string): Scope | null {
    for (let s: Scope | null = this; s; s = s.parent) if (s.names.has(name)) return s;
    return null;
  }
}

/** Adds every name bound by a binding name (identifier or destructuring pattern). */
export function addBindingNames(name: TS.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    addBindingNames(element.name, into);
  }
}

/**
 * Collects the names a block or function body declares: let/const/class/function at this level,
 * and (for function scopes) `var` declarations hoisted from nested blocks.
 */
export function collectDeclarations(statements: readonly TS.Statement[], scope: Scope, mayHoistVar = true): void {
  for (const statement of statements) collectStatement(statement, scope, true, mayHoistVar);
}

/** `mayHoistVar`: false when the file has no `var` at all (nested blocks need no visit then). */
function collectStatement(statement: TS.Statement, scope: Scope, isDirect: boolean, mayHoistVar: boolean): void {
  if (ts.isVariableStatement(statement)) {
    const isVar = (statement.declarationList.flags & ts.NodeFlags.BlockScoped) === 0;
    if (isDirect || (isVar && scope.isFunction)) {
      for (const d of statement.declarationList.declarations) addBindingNames(d.name, scope.names);
    }
    return;
  }
  if (isDirect) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      scope.names.add(statement.name.text);
      return;
    }
    if ((ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && ts.isIdentifier(statement.name)) {
      scope.names.add(statement.name.text);
      return;
    }
  }
  if (!scope.isFunction || !mayHoistVar) return;
  // Hoist `var` out of nested blocks (not out of nested functions).
  ts.forEachChild(statement, (child) => {
    if (ts.isBlock(child) || isStatementLike(child)) collectStatement(child as TS.Statement, scope, false, true);
    else if (ts.isVariableDeclarationList(child) && (child.flags & ts.NodeFlags.BlockScoped) === 0) {
      for (const d of child.declarations) addBindingNames(d.name, scope.names);
    } else if (ts.isCaseBlock(child)) {
      for (const clause of child.clauses) for (const s of clause.statements) collectStatement(s, scope, false, true);
    }
  });
}

function isStatementLike(node: TS.Node): boolean {
  return (
    ts.isBlock(node) ||
    ts.isIfStatement(node) ||
    ts.isTryStatement(node) ||
    ts.isForStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isWhileStatement(node) ||
    ts.isDoStatement(node) ||
    ts.isLabeledStatement(node) ||
    ts.isSwitchStatement(node) ||
    ts.isVariableStatement(node)
  );
}
