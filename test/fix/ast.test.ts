// Syntax helpers of the rewrites, checked against TypeScript's own view of the tree.
import { describe, expect, it } from 'vitest';
import { asyncInsertPos, parseFile } from '../../src/fix/ast.js';
import { ts } from '../../src/parse/typescript.js';

describe('asyncInsertPos', () => {
  it("is the `function` keyword's start, as getChildren() finds it, with comments and line breaks between modifiers", () => {
    const text = [
      'export function a() {}',
      'export /* one */ default // two',
      '  /* three */ function b() {}',
      'const c = function () {};',
      'const d = async function () {};',
      'export async function* e() {}',
      'function f() {}',
      'export /**/function g() {}',
      'const h = () => 1;',
      'class K { m() {} static async n() {} }',
    ].join('\n');
    const { sf } = parseFile('/x.ts', text);
    const functions: ts.FunctionLikeDeclaration[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) functions.push(node as ts.FunctionLikeDeclaration);
      ts.forEachChild(node, visit);
    };
    visit(sf);
    expect(functions).toHaveLength(10);
    for (const fn of functions) {
      const keyword = fn.getChildren(sf).find((c) => c.kind === ts.SyntaxKind.FunctionKeyword);
      const expected = ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) ? keyword!.getStart(sf) : ts.isMethodDeclaration(fn) ? fn.name.getStart(sf) : fn.getStart(sf);
      expect(asyncInsertPos(fn, sf), fn.getText(sf)).toBe(expected);
    }
  });
});
