// parse: one pass over one file's syntax tree -> FileFacts (imports, module-level effects,
// top-level declarations, where each imported binding is used). No type checker.
import v8 from 'node:v8';
import type * as TS from 'typescript';
import { loadTs, ts } from './typescript.js';
import { isUsedOnlyAs, USE } from './uses.js';
import type {
  BindingUse,
  CalleeRef,
  CallFact,
  DeclBody,
  DeclFact,
  FileFacts,
  FunctionRef,
  ImportBinding,
  ImportFact,
} from '../types.js';
import { addBindingNames, collectDeclarations, Scope, type ModuleBinding } from './scope.js';
import { findSuppressions } from './suppressions.js';

/**
 * The syntax kinds the walker compares, as a small constant object: the `case` labels of a hot switch
 * are evaluated on every node, and TypeScript's enum object is large (a slow dictionary-mode read).
 */
function kindsOf(t: typeof TS) {
  return {
    ArrowFunction: t.SyntaxKind.ArrowFunction,
    AsyncKeyword: t.SyntaxKind.AsyncKeyword,
    AwaitExpression: t.SyntaxKind.AwaitExpression,
    Block: t.SyntaxKind.Block,
    BreakStatement: t.SyntaxKind.BreakStatement,
    CallExpression: t.SyntaxKind.CallExpression,
    CaseBlock: t.SyntaxKind.CaseBlock,
    CatchClause: t.SyntaxKind.CatchClause,
    ClassDeclaration: t.SyntaxKind.ClassDeclaration,
    ClassExpression: t.SyntaxKind.ClassExpression,
    Constructor: t.SyntaxKind.Constructor,
    ContinueStatement: t.SyntaxKind.ContinueStatement,
    DefaultKeyword: t.SyntaxKind.DefaultKeyword,
    EnumDeclaration: t.SyntaxKind.EnumDeclaration,
    EnumMember: t.SyntaxKind.EnumMember,
    ExportDeclaration: t.SyntaxKind.ExportDeclaration,
    ExportKeyword: t.SyntaxKind.ExportKeyword,
    ExtendsKeyword: t.SyntaxKind.ExtendsKeyword,
    ForInStatement: t.SyntaxKind.ForInStatement,
    ForOfStatement: t.SyntaxKind.ForOfStatement,
    ForStatement: t.SyntaxKind.ForStatement,
    FunctionDeclaration: t.SyntaxKind.FunctionDeclaration,
    FunctionExpression: t.SyntaxKind.FunctionExpression,
    GetAccessor: t.SyntaxKind.GetAccessor,
    Identifier: t.SyntaxKind.Identifier,
    ImportDeclaration: t.SyntaxKind.ImportDeclaration,
    ImportEqualsDeclaration: t.SyntaxKind.ImportEqualsDeclaration,
    ImportKeyword: t.SyntaxKind.ImportKeyword,
    InterfaceDeclaration: t.SyntaxKind.InterfaceDeclaration,
    JsxAttribute: t.SyntaxKind.JsxAttribute,
    JsxClosingElement: t.SyntaxKind.JsxClosingElement,
    JsxOpeningElement: t.SyntaxKind.JsxOpeningElement,
    JsxSelfClosingElement: t.SyntaxKind.JsxSelfClosingElement,
    LabeledStatement: t.SyntaxKind.LabeledStatement,
    MetaProperty: t.SyntaxKind.MetaProperty,
    MethodDeclaration: t.SyntaxKind.MethodDeclaration,
    MethodSignature: t.SyntaxKind.MethodSignature,
    ModuleDeclaration: t.SyntaxKind.ModuleDeclaration,
    NewExpression: t.SyntaxKind.NewExpression,
    NullKeyword: t.SyntaxKind.NullKeyword,
    PropertyAccessExpression: t.SyntaxKind.PropertyAccessExpression,
    PropertyAssignment: t.SyntaxKind.PropertyAssignment,
    PropertySignature: t.SyntaxKind.PropertySignature,
    QualifiedName: t.SyntaxKind.QualifiedName,
    SetAccessor: t.SyntaxKind.SetAccessor,
    ShorthandPropertyAssignment: t.SyntaxKind.ShorthandPropertyAssignment,
    StaticKeyword: t.SyntaxKind.StaticKeyword,
    TaggedTemplateExpression: t.SyntaxKind.TaggedTemplateExpression,
    ThisKeyword: t.SyntaxKind.ThisKeyword,
    TypeAliasDeclaration: t.SyntaxKind.TypeAliasDeclaration,
    TypeParameter: t.SyntaxKind.TypeParameter,
    TypeQuery: t.SyntaxKind.TypeQuery,
    UndefinedKeyword: t.SyntaxKind.UndefinedKeyword,
    VariableDeclaration: t.SyntaxKind.VariableDeclaration,
  } as const;
}

let Kind: ReturnType<typeof kindsOf>;

/** Where the walker is: module level or inside a function; value or type position. */
interface Ctx {
  scope: Scope;
  /** Innermost enclosing function, null at module level (IIFE bodies count as module level). */
  fn: FunctionRef | null;
  isType: boolean;
  /** Start of the top-level statement being walked. */
  statementStart: number;
  /** Where calls in this function body are collected for a top-level declaration. */
  collector: CallFact[] | null;
  /** Module-level variable the current initializer assigns. */
  assignedTo?: string;
  /** Inside an async IIFE: `await` there does not block the module. */
  isInAsyncIife: boolean;
}

// Contexts are immutable and made only here, all with one shape (the walk makes one per function,
// scope and type position: object spreads there cost more than the TypeScript parse of them).
function makeCtx(scope: Scope, fn: FunctionRef | null, isType: boolean, statementStart: number, collector: CallFact[] | null, assignedTo: string | undefined, isInAsyncIife: boolean): Ctx {
  return { scope, fn, isType, statementStart, collector, assignedTo, isInAsyncIife };
}

/** The same context in a type position. */
function asType(ctx: Ctx): Ctx {
  return ctx.isType ? ctx : makeCtx(ctx.scope, ctx.fn, true, ctx.statementStart, ctx.collector, ctx.assignedTo, ctx.isInAsyncIife);
}

function withScope(ctx: Ctx, scope: Scope): Ctx {
  return makeCtx(scope, ctx.fn, ctx.isType, ctx.statementStart, ctx.collector, ctx.assignedTo, ctx.isInAsyncIife);
}

let SCRIPT_KINDS: Record<string, TS.ScriptKind>;

/** Loads TypeScript and the tables read from it (once): every entry point here calls it first. */
function ready(): void {
  if (Kind) return;
  const t = loadTs();
  Kind = kindsOf(t);
  SCRIPT_KINDS = { '.ts': t.ScriptKind.TS, '.mts': t.ScriptKind.TS, '.cts': t.ScriptKind.TS, '.tsx': t.ScriptKind.TSX, '.js': t.ScriptKind.JS, '.mjs': t.ScriptKind.JS, '.cjs': t.ScriptKind.JS, '.jsx': t.ScriptKind.JSX };
  parseOptions = { languageVersion: t.ScriptTarget.Latest, jsDocParsingMode: t.JSDocParsingMode.ParseNone };
}

/**
 * The shape of FileFacts. Bump it whenever extraction changes what it records (caches keyed on
 * importscan's version alone would hand a development build facts of an older shape).
 */
export const FACTS_SCHEMA = 17;

/** Script kind for a file name; `.js` files are parsed as JSX-capable JS. */
export function scriptKindOf(file: string): TS.ScriptKind {
  ready();
  const ext = /\.[cm]?[jt]sx?$/.exec(file)?.[0] ?? '.ts';
  return SCRIPT_KINDS[ext] ?? ts.ScriptKind.TS;
}

let parseOptions: TS.CreateSourceFileOptions;

/** Latest syntax; JSDoc comments are not parsed (nothing here reads them, and they are most of some files). */
export function parseOptionsOf(): TS.CreateSourceFileOptions {
  ready();
  return parseOptions;
}

/**
 * Extracts the facts of one file from its text. Never throws on bad syntax. `hasBodies` false:
 * the calls inside declarations are not recorded (`bodiesOmitted`; src/parse/decl-bodies reads
 * them again for the few files whose declarations module-level code runs).
 */
export function extractFacts(file: string, text: string, bytes = Buffer.byteLength(text), onTree?: TreeHook, hasBodies = true): FileFacts {
  ready();
  const sf = ts.createSourceFile(file, text, parseOptions, false, scriptKindOf(file));
  const facts = new Extractor(sf, file, text, bytes, hasBodies).run();
  if (onTree && !facts.parseError) onTree(sf, facts, text);
  return facts;
}

/**
 * Work that needs the syntax tree while it is still in memory (the lazy-import rewrites), adding
 * plain data to the facts, so no file is parsed twice.
 */
export type TreeHook = (sf: TS.SourceFile, facts: FileFacts, text: string) => void;

class Extractor {
  private readonly imports: ImportFact[] = [];
  private readonly effects: CallFact[] = [];
  private readonly decls: DeclFact[] = [];
  /** The calls of each declaration, same order as decls (stored serialised, see FileFacts.declBodies); not kept without hasBodies. */
  private readonly bodies: DeclBody[] = [];
  /** A Map: as object keys, thousands of distinct export names made a hidden class each (30 ms at 5k). */
  private readonly localExports = new Map<string, string>();
  /** uses[importIndex][bindingIndex] (FactsDetails.uses): every import gets a list, bindings or not. */
  private readonly uses: BindingUse[][][] = [];
  private readonly moduleScope = new Scope(null, true);
  private readonly moduleBindings = new Map<string, ModuleBinding>();
  private readonly isJs: boolean;
  /** Whether the text has the word `var` anywhere (else no scope needs `var`s hoisted from nested blocks). */
  private readonly mayHoistVar: boolean;
  /**
   * Where the text could mention what a function body or a type records (an import binding's name,
   * `import`, `require`): sorted offsets, null to walk everything (see isSkipped).
   */
  private mentions: Int32Array | null = null;
  private isEsm = false;
  /** require() calls already recorded as module-level declarations. */
  private readonly declaredRequires = new Map<TS.Node, ImportFact>();
  /** Type names that emitDecoratorMetadata would emit as values (`design:paramtypes`). */
  private readonly metadataTypeNames = new Set<TS.Node>();

  constructor(
    private readonly sf: TS.SourceFile,
    private readonly file: string,
    private readonly text: string,
    private readonly bytes: number,
    private readonly hasBodies: boolean,
  ) {
    this.isJs = /\.[cm]?jsx?$/.test(file);
    this.mayHoistVar = /\bvar\b/.test(text);
  }

  run(): FileFacts {
    const { sf, text } = this;
    const diagnostics = (sf as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    const firstError = diagnostics.find((d) => d.category === ts.DiagnosticCategory.Error);
    const base: FileFacts = {
      file: this.file,
      bytes: this.bytes,
      imports: this.imports,
      effects: this.effects,
      details: { decls: this.decls, localExports: this.localExports, uses: this.uses },
      suppressions: [],
      isEsm: false,
    };
    const first = sf.statements[0];
    base.suppressions = findSuppressions(text, (o) => this.pos(o), first ? first.getStart(sf) : text.length);
    if (firstError) {
      const { line, column } = this.pos(firstError.start ?? 0);
      base.parseError = { message: ts.flattenDiagnosticMessageText(firstError.messageText, ' '), line, column };
      for (let i = 0; i < this.imports.length; i++) this.uses[i] ??= [];
      return base;
    }
    this.declareModuleScope();
    this.mentions = this.findMentions();
    for (const statement of sf.statements) this.topLevel(statement, makeCtx(this.moduleScope, null, false, statement.getStart(sf), null, undefined, false));
    this.finishImports();
    for (let i = 0; i < this.imports.length; i++) this.uses[i] ??= [];
    base.isEsm = this.isEsm;
    if (this.effects.some((e) => e.kind === 'new' && e.assignedTo)) base.hasModuleInstance = true;
    if (this.decls.length && this.hasBodies) base.declBodies = v8.serialize(this.bodies);
    else if (this.decls.length) base.bodiesOmitted = true;
    return base;
  }

  private pos(offset: number): { line: number; column: number } {
    const lc = this.sf.getLineAndCharacterOfPosition(offset);
    return { line: lc.line + 1, column: lc.character + 1 };
  }

  /** A node's position (built field by field: this runs for every import, call and declaration). */
  private span(node: TS.Node): { line: number; column: number; start: number; end: number } {
    const start = node.getStart(this.sf);
    const lc = this.sf.getLineAndCharacterOfPosition(start);
    return { line: lc.line + 1, column: lc.character + 1, start, end: node.end };
  }

  // ---- module scope: imports and top-level declarations ----

  private declareModuleScope(): void {
    collectDeclarations(this.sf.statements, this.moduleScope, this.mayHoistVar);
    for (const statement of this.sf.statements) {
      if (ts.isImportDeclaration(statement)) this.addImportDeclaration(statement);
      else if (ts.isImportEqualsDeclaration(statement)) this.addImportEquals(statement);
      else if (ts.isExportDeclaration(statement)) this.addExportDeclaration(statement);
      else if (ts.isVariableStatement(statement)) this.addRequireDeclarations(statement);
    }
    for (const name of this.moduleScope.names) {
      if (!this.moduleBindings.has(name)) this.moduleBindings.set(name, { type: 'local', kind: 'other' });
    }
    for (const statement of this.sf.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name) {
        this.moduleBindings.set(statement.name.text, { type: 'local', kind: 'function' });
      } else if (ts.isClassDeclaration(statement) && statement.name) {
        this.moduleBindings.set(statement.name.text, { type: 'local', kind: 'class' });
      }
    }
  }

  private newImport(node: TS.Node, specifier: string, kind: ImportFact['kind'], extra: Partial<ImportFact> = {}): ImportFact {
    const { line, column, start, end } = this.span(node);
    const fact: ImportFact = {
      line,
      column,
      start,
      end,
      specifier,
      kind,
      isLazy: false,
      isTypeOnly: false,
      isElidedUnlessVerbatim: false,
      condition: kind === 'require' || kind === 'import-equals' ? 'require' : 'import',
      bindings: [],
    };
    Object.assign(fact, extra);
    this.imports.push(fact);
    return fact;
  }

  private bind(fact: ImportFact, local: string, imported: string, isTypeOnly: boolean, specifier?: TS.ImportSpecifier): void {
    const importIndex = this.imports.indexOf(fact);
    const binding: ImportBinding = { local, imported, isTypeOnly, useKinds: 0 };
    (this.uses[importIndex] ??= []).push([]);
    if (specifier) {
      binding.specifierStart = specifier.getStart(this.sf);
      binding.specifierEnd = specifier.end;
      if (specifier.propertyName) binding.isAliased = true;
    }
    fact.bindings.push(binding);
    this.moduleScope.names.add(local);
    this.moduleBindings.set(local, { type: 'import', importIndex, bindingIndex: fact.bindings.length - 1 });
  }

  private addImportDeclaration(node: TS.ImportDeclaration): void {
    this.isEsm = true;
    if (!ts.isStringLiteral(node.moduleSpecifier)) return;
    const clause = node.importClause;
    if (!clause) {
      this.newImport(node, node.moduleSpecifier.text, 'side-effect');
      return;
    }
    const isTypeOnly = clause.isTypeOnly;
    const fact = this.newImport(node, node.moduleSpecifier.text, 'static', { isTypeOnly });
    if (clause.name) this.bind(fact, clause.name.text, 'default', isTypeOnly);
    const named = clause.namedBindings;
    if (named && ts.isNamespaceImport(named)) this.bind(fact, named.name.text, '*', isTypeOnly);
    if (named && ts.isNamedImports(named)) {
      for (const el of named.elements) {
        this.bind(fact, el.name.text, (el.propertyName ?? el.name).text, isTypeOnly || el.isTypeOnly, el);
      }
    }
  }

  private addImportEquals(node: TS.ImportEqualsDeclaration): void {
    const ref = node.moduleReference;
    if (!ts.isExternalModuleReference(ref) || !ts.isStringLiteral(ref.expression)) return;
    const fact = this.newImport(node, ref.expression.text, 'import-equals', { isTypeOnly: node.isTypeOnly });
    this.bind(fact, node.name.text, '*', node.isTypeOnly);
  }

  private addExportDeclaration(node: TS.ExportDeclaration): void {
    this.isEsm = true;
    const clause = node.exportClause;
    if (!node.moduleSpecifier) {
      // `export { a as b }`: local exports; the uses are recorded by the walker.
      if (clause && ts.isNamedExports(clause)) {
        for (const el of clause.elements) this.localExports.set(el.name.text, (el.propertyName ?? el.name).text);
      }
      return;
    }
    if (!ts.isStringLiteral(node.moduleSpecifier)) return;
    const reexports: Array<{ exported: string; imported: string }> = [];
    let isTypeOnly = node.isTypeOnly;
    if (!clause) reexports.push({ exported: '*', imported: '*' });
    else if (ts.isNamespaceExport(clause)) reexports.push({ exported: clause.name.text, imported: '*' });
    else {
      const values = clause.elements.filter((el) => !el.isTypeOnly);
      if (clause.elements.length > 0 && values.length === 0) isTypeOnly = true;
      for (const el of values) reexports.push({ exported: el.name.text, imported: (el.propertyName ?? el.name).text });
    }
    this.newImport(node, node.moduleSpecifier.text, 'reexport', { isTypeOnly, reexports });
  }

  /** `const x = require('y')`, `const { a, b: c } = require('y')`, `const a = require('y').a`. */
  private addRequireDeclarations(statement: TS.VariableStatement): void {
    for (const d of statement.declarationList.declarations) {
      const init = d.initializer && unwrap(d.initializer);
      if (!init) continue;
      let call = init;
      let member: string | undefined;
      if (ts.isPropertyAccessExpression(init)) {
        call = unwrap(init.expression);
        member = init.name.text;
      }
      const specifier = this.requireSpecifier(call);
      if (specifier === undefined) continue;
      const fact = this.newImport(call, specifier, 'require');
      this.declaredRequires.set(call, fact);
      if (ts.isIdentifier(d.name)) this.bind(fact, d.name.text, member ?? '*', false);
      else if (ts.isObjectBindingPattern(d.name) && !member) {
        for (const el of d.name.elements) {
          if (el.dotDotDotToken || !ts.isIdentifier(el.name)) continue;
          const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
          this.bind(fact, el.name.text, prop, false);
        }
      }
    }
  }

  private requireSpecifier(node: TS.Node): string | undefined {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
    const arg = node.arguments[0];
    if (node.arguments.length !== 1 || !arg || !isStringLike(arg)) return undefined;
    return arg.text;
  }

  /** Elision: an import all of whose bindings are used only as types (or not at all) is dropped. */
  private finishImports(): void {
    for (const fact of this.imports) {
      if (fact.kind !== 'static' && fact.kind !== 'import-equals') continue;
      if (fact.isTypeOnly || fact.bindings.length === 0 || this.isJs) continue;
      const hasValueUse = fact.bindings.some((b) => !b.isTypeOnly && !isUsedOnlyAs(b, 'type'));
      if (!hasValueUse) fact.isElidedUnlessVerbatim = true;
      const uses = this.uses[this.imports.indexOf(fact)] ?? [];
      const isKept = fact.bindings.some((b, i) => !b.isTypeOnly && uses[i]!.some((u) => u.isDecoratorMetadata));
      if (!hasValueUse && isKept) fact.isKeptByDecoratorMetadata = true;
    }
  }

  // ---- the walk ----

  private topLevel(statement: TS.Statement, ctx: Ctx): void {
    if (ts.isImportDeclaration(statement)) return;
    if (ts.isImportEqualsDeclaration(statement)) return;
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      this.walk(statement, asType(ctx));
      return;
    }
    if (ts.isFunctionDeclaration(statement)) {
      this.declareFunction(statement, statement.name?.text ?? 'default', statement, ctx);
      return;
    }
    if (ts.isClassDeclaration(statement)) {
      this.declareClass(statement, statement.name?.text ?? 'default', statement, ctx);
      return;
    }
    if (ts.isVariableStatement(statement)) {
      const isExported = hasModifier(statement, Kind.ExportKeyword);
      for (const d of statement.declarationList.declarations) {
        if (isExported) {
          const names = new Set<string>();
          addBindingNames(d.name, names);
          for (const n of names) this.localExports.set(n, n);
        }
        const init = d.initializer && unwrap(d.initializer);
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          this.declareFunction(init, d.name.text, d, ctx, isExported ? [d.name.text] : []);
          continue;
        }
        if (ts.isIdentifier(d.name) && init && ts.isClassExpression(init)) {
          this.declareClass(init, d.name.text, d, ctx, isExported ? [d.name.text] : []);
          continue;
        }
        const assignedTo = ts.isIdentifier(d.name) ? d.name.text : undefined;
        if (d.type) this.walk(d.type, asType(ctx));
        this.walkBindingDefaults(d.name, ctx);
        if (d.initializer) this.walk(d.initializer, makeCtx(ctx.scope, ctx.fn, ctx.isType, ctx.statementStart, ctx.collector, assignedTo, ctx.isInAsyncIife));
      }
      return;
    }
    if (ts.isExportAssignment(statement)) {
      this.isEsm ||= !statement.isExportEquals;
      const expr = unwrap(statement.expression);
      if (ts.isIdentifier(expr)) {
        this.useIdentifier(expr, ctx, 'export');
        if (!statement.isExportEquals) this.localExports.set('default', expr.text);
      }
      else if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) this.declareFunction(expr, 'default', statement, ctx, ['default']);
      else if (ts.isClassExpression(expr)) this.declareClass(expr, 'default', statement, ctx, ['default']);
      else this.walk(statement.expression, ctx);
      return;
    }
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!statement.moduleSpecifier && clause && ts.isNamedExports(clause)) {
        for (const el of clause.elements) {
          const local = el.propertyName ?? el.name;
          if (ts.isIdentifier(local)) this.useIdentifier(local, ctx, statement.isTypeOnly || el.isTypeOnly ? 'type' : 'export');
        }
      }
      return;
    }
    this.walk(statement, ctx);
  }

  private declareFunction(
    fn: TS.FunctionLikeDeclaration,
    name: string,
    at: TS.Node,
    ctx: Ctx,
    exportedAs: string[] = exportNames(at),
  ): void {
    for (const n of exportedAs) this.localExports.set(n, name);
    const { line, column, start, end } = this.span(at);
    const decl: DeclFact = {
      line,
      column,
      start,
      end,
      name,
      kind: 'function',
      exportedAs,
      isAsync: hasModifier(fn, Kind.AsyncKeyword),
    };
    this.decls.push(decl);
    this.walkFunction(fn, ctx, this.newBody({ calls: [] })?.calls ?? null);
  }

  private declareClass(cls: TS.ClassLikeDeclaration, name: string, at: TS.Node, ctx: Ctx, exportedAs: string[] = exportNames(at)): void {
    for (const n of exportedAs) this.localExports.set(n, name);
    const { line, column, start, end } = this.span(at);
    const decl: DeclFact = { line, column, start, end, name, kind: 'class', exportedAs, staticMethodNames: [] };
    this.decls.push(decl);
    this.walkClass(cls, ctx, { decl, body: this.newBody({ calls: [], staticMethods: {} }) });
  }

  /** The body the walk records a declaration's calls into (null: bodies are not recorded). */
  private newBody(body: DeclBody): DeclBody | null {
    if (!this.hasBodies) return null;
    this.bodies.push(body);
    return body;
  }

  /** Walks a class: decorators, heritage, computed keys, static parts at the current level. */
  private walkClass(cls: TS.ClassLikeDeclaration, ctx: Ctx, declared: { decl: DeclFact; body: DeclBody | null } | null): void {
    const decl = declared?.decl;
    const body = declared?.body;
    this.markDecoratorMetadata(cls);
    for (const m of ts.getDecorators(cls) ?? []) this.walk(m, ctx);
    for (const clause of cls.heritageClauses ?? []) {
      const isExtends = clause.token === Kind.ExtendsKeyword;
      for (const t of clause.types) {
        this.walk(t.expression, isExtends ? ctx : asType(ctx));
        if (t.typeArguments) for (const a of t.typeArguments) this.walk(a, asType(ctx));
        if (isExtends && decl) decl.superClass = this.calleeRef(t.expression, ctx);
      }
    }
    for (const typeParam of cls.typeParameters ?? []) this.walk(typeParam, asType(ctx));
    for (const member of cls.members) {
      for (const m of ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : []) this.walk(m, ctx);
      if (member.name && ts.isComputedPropertyName(member.name)) this.walk(member.name.expression, ctx);
      const isStatic = ts.canHaveModifiers(member) && hasModifier(member, Kind.StaticKeyword);
      if (ts.isClassStaticBlockDeclaration(member)) {
        this.walkIife(member.body, ctx, false);
      } else if (ts.isPropertyDeclaration(member)) {
        if (member.type) this.walk(member.type, asType(ctx));
        if (!member.initializer) continue;
        if (isStatic) this.walk(member.initializer, ctx);
        else this.walkDeferred(member.initializer, ctx, body?.calls ?? null, member);
      } else if (ts.isConstructorDeclaration(member)) {
        this.walkFunction(member, ctx, body?.calls ?? null);
      } else if (ts.isMethodDeclaration(member) || ts.isAccessor(member)) {
        let collector: CallFact[] | null = null;
        if (decl && isStatic && member.name && ts.isIdentifier(member.name)) {
          if (body) collector = body.staticMethods![member.name.text] = [];
          decl.staticMethodNames!.push(member.name.text);
        }
        this.walkFunction(member, ctx, collector);
      } else {
        this.walk(member, asType(ctx));
      }
    }
  }

  /**
   * With emitDecoratorMetadata, tsc emits at module level the types of a decorated class's
   * constructor parameters, and of decorated members (property type, method parameter and
   * return types) as values. Their type names are marked so the graph can keep those imports.
   */
  private markDecoratorMetadata(cls: TS.ClassLikeDeclaration): void {
    const decorated = (n: TS.Node) => ts.canHaveDecorators(n) && (ts.getDecorators(n) ?? []).length > 0;
    const params = (fn: TS.SignatureDeclarationBase) => fn.parameters.map((p) => p.type);
    const types: Array<TS.TypeNode | undefined> = [];
    for (const member of cls.members) {
      if (ts.isConstructorDeclaration(member)) {
        if (decorated(cls) || member.parameters.some(decorated)) types.push(...params(member));
      } else if (ts.isMethodDeclaration(member) || ts.isAccessor(member)) {
        if (decorated(member) || member.parameters.some(decorated)) types.push(...params(member), member.type);
      } else if (ts.isPropertyDeclaration(member) && decorated(member)) types.push(member.type);
    }
    for (const type of types) {
      const name = serializedTypeName(type);
      if (name) this.metadataTypeNames.add(name);
    }
  }

  /** An instance field initializer: runs at construction, like a constructor body. */
  private walkDeferred(node: TS.Node, ctx: Ctx, collector: CallFact[] | null, at: TS.Node): void {
    const scope = new Scope(ctx.scope, true);
    const fnRef = this.fnRef(at, false, ctx, undefined);
    this.walk(node, makeCtx(scope, fnRef, ctx.isType, ctx.statementStart, collector, undefined, ctx.isInAsyncIife));
  }

  private fnRef(node: TS.Node, isAsync: boolean, ctx: Ctx, name: string | undefined): FunctionRef {
    const start = node.getStart(this.sf);
    const outer = ctx.fn;
    return {
      start,
      end: node.end,
      line: this.pos(start).line,
      isAsync,
      ...(name ? { name } : {}),
      outerStart: outer ? outer.outerStart : start,
      outerIsAsync: outer ? outer.outerIsAsync : isAsync,
    };
  }

  /** Walks a function: parameters and body in a new scope, outside module level. */
  private walkFunction(fn: TS.SignatureDeclaration, ctx: Ctx, collector: CallFact[] | null): void {
    const isAsync = hasModifier(fn, Kind.AsyncKeyword);
    const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
    const scope = new Scope(ctx.scope, true);
    if (ts.isFunctionExpression(fn) && fn.name) scope.names.add(fn.name.text);
    for (const p of fn.parameters) addBindingNames(p.name, scope.names);
    const body = (fn as TS.FunctionLikeDeclaration).body;
    if (body && ts.isBlock(body)) collectDeclarations(body.statements, scope, this.mayHoistVar);
    const inner = makeCtx(scope, this.fnRef(fn, isAsync, ctx, name), ctx.isType, ctx.statementStart, collector, undefined, false);
    for (const tp of fn.typeParameters ?? []) this.walk(tp, asType(inner));
    for (const p of fn.parameters) {
      for (const d of ts.getDecorators(p) ?? []) this.walk(d, ctx);
      if (p.type) this.walk(p.type, asType(inner));
      this.walkBindingDefaults(p.name, inner);
      if (p.initializer) this.walk(p.initializer, inner);
    }
    if (fn.type) this.walk(fn.type, asType(inner));
    if (body) this.walk(body, inner);
  }

  /** The body of an immediately invoked function: module level when the call is. */
  private walkIife(body: TS.Node, ctx: Ctx, isAsync: boolean, params: readonly TS.ParameterDeclaration[] = []): void {
    const scope = new Scope(ctx.scope, true);
    for (const p of params) addBindingNames(p.name, scope.names);
    if (ts.isBlock(body)) collectDeclarations(body.statements, scope, this.mayHoistVar);
    const inner = makeCtx(scope, ctx.fn, ctx.isType, ctx.statementStart, ctx.collector, undefined, ctx.isInAsyncIife || isAsync);
    for (const p of params) if (p.initializer) this.walk(p.initializer, inner);
    this.walk(body, inner);
  }

  private walkBindingDefaults(name: TS.BindingName, ctx: Ctx): void {
    if (ts.isIdentifier(name)) return;
    for (const el of name.elements) {
      if (ts.isOmittedExpression(el)) continue;
      if (el.propertyName && ts.isComputedPropertyName(el.propertyName)) this.walk(el.propertyName.expression, ctx);
      if (el.initializer) this.walk(el.initializer, ctx);
      this.walkBindingDefaults(el.name, ctx);
    }
  }

  /** The context of the children being walked (one callback for every node, instead of a closure per node). */
  private childCtx: Ctx | null = null;
  private readonly walkChild = (child: TS.Node): undefined => {
    this.walk(child, this.childCtx!);
    return undefined;
  };

  private walkChildren(node: TS.Node, ctx: Ctx): void {
    const outer = this.childCtx;
    this.childCtx = ctx;
    ts.forEachChild(node, this.walkChild);
    this.childCtx = outer;
  }

  /** Offsets of every occurrence of an import binding's name, `import` and `require` (null: a name written with escapes could hide one). */
  private findMentions(): Int32Array | null {
    const { text } = this;
    if (text.includes('\\u')) return null;
    const names = new Set(['import', 'require']);
    for (const [name, binding] of this.moduleBindings) if (binding.type === 'import') names.add(name);
    const at: number[] = [];
    for (const name of names) {
      for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
        // Inside a longer ASCII word it is another name (`z` in `size`); next to anything else it may be this one.
        if (!isAsciiWordChar(text.charCodeAt(i - 1)) && !isAsciiWordChar(text.charCodeAt(i + name.length))) at.push(i);
      }
    }
    return Int32Array.from(at).sort();
  }

  /**
   * Whether a node can be left unwalked: inside a function whose calls are not recorded, or in a
   * type, the walk records only uses of import bindings and import()/require() calls, so a node
   * whose text mentions none of them records nothing (70% of the nodes are in function bodies,
   * 20% in types).
   */
  private isSkipped(node: TS.Node, ctx: Ctx): boolean {
    const mentions = this.mentions;
    if (mentions === null || !(ctx.isType || (ctx.fn !== null && ctx.collector === null))) return false;
    // The first mention at or after node.pos (leading trivia included: a mention in a comment only costs a walk).
    let low = 0;
    let high = mentions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (mentions[mid]! < node.pos) low = mid + 1;
      else high = mid;
    }
    return low === mentions.length || mentions[low]! >= node.end;
  }

  private walk(node: TS.Node, ctx: Ctx): void {
    if (this.isSkipped(node, ctx)) return;
    if (ts.isTypeNode(node) && !ctx.isType && !ts.isExpressionWithTypeArguments(node)) {
      this.walk(node, asType(ctx));
      return;
    }
    switch (node.kind) {
      case Kind.Identifier:
        this.useIdentifier(node as TS.Identifier, ctx);
        return;
      case Kind.PropertyAccessExpression:
        this.walk((node as TS.PropertyAccessExpression).expression, ctx);
        return;
      case Kind.QualifiedName:
        this.walk((node as TS.QualifiedName).left, ctx);
        return;
      case Kind.PropertyAssignment: {
        const p = node as TS.PropertyAssignment;
        if (ts.isComputedPropertyName(p.name)) this.walk(p.name.expression, ctx);
        this.walk(p.initializer, ctx);
        return;
      }
      case Kind.ShorthandPropertyAssignment: {
        const p = node as TS.ShorthandPropertyAssignment;
        this.useIdentifier(p.name, ctx, undefined, false, true);
        if (p.objectAssignmentInitializer) this.walk(p.objectAssignmentInitializer, ctx);
        return;
      }
      case Kind.PropertySignature:
      case Kind.MethodSignature:
      case Kind.EnumMember: {
        const m = node as TS.PropertySignature | TS.EnumMember;
        if (m.name && ts.isComputedPropertyName(m.name)) this.walk(m.name.expression, ctx);
        ts.forEachChild(node, (child) => {
          if (child !== m.name) this.walk(child, ctx);
        });
        return;
      }
      case Kind.EnumDeclaration:
        for (const m of (node as TS.EnumDeclaration).members) this.walk(m, ctx);
        return;
      case Kind.ModuleDeclaration:
        return; // namespaces: rare in server code; treated as opaque
      case Kind.InterfaceDeclaration:
      case Kind.TypeAliasDeclaration: {
        const d = node as TS.InterfaceDeclaration | TS.TypeAliasDeclaration;
        ts.forEachChild(d, (child) => {
          if (child !== d.name) this.walk(child, asType(ctx));
        });
        return;
      }
      case Kind.TypeParameter: {
        const tp = node as TS.TypeParameterDeclaration;
        if (tp.constraint) this.walk(tp.constraint, asType(ctx));
        if (tp.default) this.walk(tp.default, asType(ctx));
        return;
      }
      case Kind.VariableDeclaration: {
        const d = node as TS.VariableDeclaration;
        if (d.type) this.walk(d.type, asType(ctx));
        this.walkBindingDefaults(d.name, ctx);
        if (d.initializer) this.walk(d.initializer, ctx);
        return;
      }
      case Kind.FunctionDeclaration:
      case Kind.FunctionExpression:
      case Kind.ArrowFunction:
      case Kind.MethodDeclaration:
      case Kind.GetAccessor:
      case Kind.SetAccessor:
      case Kind.Constructor: {
        const fn = node as TS.FunctionLikeDeclaration;
        if (fn.name && ts.isComputedPropertyName(fn.name)) this.walk(fn.name.expression, ctx);
        // A nested function does not run when its enclosing declaration does: no collector.
        this.walkFunction(fn, ctx, null);
        return;
      }
      case Kind.ClassDeclaration:
      case Kind.ClassExpression:
        this.walkClass(node as TS.ClassLikeDeclaration, ctx, null);
        return;
      case Kind.Block:
      case Kind.CaseBlock: {
        const scope = new Scope(ctx.scope, false);
        const statements = ts.isBlock(node) ? node.statements : (node as TS.CaseBlock).clauses.flatMap((c) => [...c.statements]);
        collectDeclarations(statements, scope, this.mayHoistVar);
        this.walkChildren(node, withScope(ctx, scope));
        return;
      }
      case Kind.ForStatement:
      case Kind.ForInStatement:
      case Kind.ForOfStatement: {
        const loop = node as TS.ForStatement | TS.ForInStatement | TS.ForOfStatement;
        const scope = new Scope(ctx.scope, false);
        const init = ts.isForStatement(loop) ? loop.initializer : loop.initializer;
        if (init && ts.isVariableDeclarationList(init)) for (const d of init.declarations) addBindingNames(d.name, scope.names);
        if (ts.isForOfStatement(loop) && loop.awaitModifier) this.recordAwait(loop, ctx);
        this.walkChildren(node, withScope(ctx, scope));
        return;
      }
      case Kind.CatchClause: {
        const c = node as TS.CatchClause;
        const scope = new Scope(ctx.scope, false);
        if (c.variableDeclaration) addBindingNames(c.variableDeclaration.name, scope.names);
        this.walk(c.block, withScope(ctx, scope));
        return;
      }
      case Kind.LabeledStatement:
        this.walk((node as TS.LabeledStatement).statement, ctx);
        return;
      case Kind.BreakStatement:
      case Kind.ContinueStatement:
      case Kind.MetaProperty:
        return;
      case Kind.JsxAttribute: {
        const a = node as TS.JsxAttribute;
        if (a.initializer) this.walk(a.initializer, ctx);
        return;
      }
      case Kind.JsxOpeningElement:
      case Kind.JsxSelfClosingElement: {
        const el = node as TS.JsxOpeningElement;
        const tag = el.tagName;
        if (ts.isIdentifier(tag)) {
          if (/^[A-Z_$]/.test(tag.text)) this.useIdentifier(tag, ctx, undefined, true);
        } else this.walk(tag, ctx);
        if (el.typeArguments) for (const t of el.typeArguments) this.walk(t, asType(ctx));
        this.walk(el.attributes, ctx);
        return;
      }
      case Kind.JsxClosingElement:
        return;
      case Kind.TypeQuery: {
        const q = node as TS.TypeQueryNode;
        this.walk(q.exprName, asType(ctx));
        return;
      }
      case Kind.AwaitExpression:
        this.recordAwait(node, ctx);
        this.walk((node as TS.AwaitExpression).expression, ctx);
        return;
      case Kind.CallExpression:
        this.walkCall(node as TS.CallExpression, ctx);
        return;
      case Kind.NewExpression:
        this.recordCall(node as TS.NewExpression, 'new', (node as TS.NewExpression).expression, ctx);
        this.walkChildren(node, ctx);
        return;
      case Kind.TaggedTemplateExpression:
        this.recordCall(node as TS.TaggedTemplateExpression, 'tagged', (node as TS.TaggedTemplateExpression).tag, ctx);
        this.walkChildren(node, ctx);
        return;
      case Kind.ImportDeclaration:
      case Kind.ImportEqualsDeclaration:
      case Kind.ExportDeclaration:
        return;
      default:
        this.walkChildren(node, ctx);
    }
  }

  private walkCall(call: TS.CallExpression, ctx: Ctx): void {
    const callee = unwrap(call.expression);
    // Dynamic import(): always lazy.
    if (call.expression.kind === Kind.ImportKeyword) {
      const arg = call.arguments[0];
      if (arg && isStringLike(arg)) this.newImport(call, arg.text, 'dynamic', { isLazy: true });
      else this.newImport(call, arg ? arg.getText(this.sf) : '', 'dynamic', { isLazy: true, isNonLiteral: true });
      for (const a of call.arguments) this.walk(a, ctx);
      return;
    }
    // require(): eager at module level, lazy inside a function.
    if (ts.isIdentifier(callee) && callee.text === 'require' && !ctx.scope.lookup('require')) {
      const arg = call.arguments[0];
      if (call.arguments.length === 1 && arg) {
        if (!this.declaredRequires.has(call)) {
          if (isStringLike(arg)) this.newImport(call, arg.text, 'require', { isLazy: ctx.fn !== null });
          else this.newImport(call, arg.getText(this.sf), 'require', { isLazy: ctx.fn !== null, isNonLiteral: true });
        }
        this.walk(arg, ctx);
        return;
      }
    }
    // An immediately invoked function: its body runs now.
    if (ts.isFunctionExpression(callee) || ts.isArrowFunction(callee)) {
      const isAsync = hasModifier(callee, Kind.AsyncKeyword);
      if (ctx.fn === null) this.walkIife(callee.body, ctx, isAsync, callee.parameters);
      else this.walkFunction(callee, ctx, ctx.collector);
      for (const a of call.arguments) this.walk(a, ctx);
      return;
    }
    this.recordCall(call, 'call', call.expression, ctx);
    this.walkChildren(call, ctx);
  }

  private recordAwait(node: TS.Node, ctx: Ctx): void {
    if (ctx.fn !== null || ctx.isInAsyncIife) return;
    const { line, column, start, end } = this.span(node);
    this.effects.push({ line, column, start, end, kind: 'await', text: 'await', statementStart: ctx.statementStart, statementLine: this.statementLine(ctx) });
  }

  private recordCall(node: TS.CallExpression | TS.NewExpression | TS.TaggedTemplateExpression, kind: CallFact['kind'], calleeNode: TS.Expression, ctx: Ctx): void {
    if (ctx.isType) return;
    const isModuleLevel = ctx.fn === null;
    if (!isModuleLevel && !ctx.collector) return;
    const callee = this.calleeRef(calleeNode, ctx);
    if (!callee) return;
    const { line, column, start, end } = this.span(node);
    const calleeText = this.text.slice(calleeNode.getStart(this.sf), calleeNode.end);
    const fact: CallFact = {
      line,
      column,
      start,
      end,
      kind,
      callee,
      text: (kind === 'new' ? 'new ' : '') + (/\s/.test(calleeText) ? calleeText.replace(/\s+/g, ' ') : calleeText).slice(0, 80),
      statementStart: ctx.statementStart,
    };
    if (isModuleLevel) fact.statementLine = this.statementLine(ctx);
    if (ctx.assignedTo) fact.assignedTo = ctx.assignedTo;
    if (ts.isPropertyAccessExpression(calleeNode)) {
      const receiver = unwrap(calleeNode.expression);
      if (ts.isIdentifier(receiver)) fact.receiver = receiver.text;
    }
    if (isModuleLevel) this.effects.push(fact);
    else ctx.collector!.push(fact);
  }

  /**
   * Line of the enclosing top-level statement, so a suppression comment above a multi-line
   * statement covers an effect inside it. (Extra plain field; see EffectFact in src/effects.)
   */
  private statementLine(ctx: Ctx): number {
    return this.pos(ctx.statementStart).line;
  }

  /** Traces a callee expression to the binding it comes from. */
  private calleeRef(expr: TS.Expression, ctx: Ctx): CalleeRef | undefined {
    const path: string[] = [];
    let node = unwrap(expr);
    for (;;) {
      if (ts.isPropertyAccessExpression(node)) {
        path.unshift(node.name.text);
        node = unwrap(node.expression);
      } else if (ts.isElementAccessExpression(node) && isStringLike(node.argumentExpression)) {
        path.unshift(node.argumentExpression.text);
        node = unwrap(node.expression);
      } else break;
    }
    if (ts.isCallExpression(node)) {
      // require('pg').Pool / require('knex')(...)
      const specifier = this.requireSpecifier(node);
      if (specifier === undefined || ctx.scope.lookup('require')) return undefined;
      const fact = this.declaredRequires.get(node) ?? this.imports.find((i) => i.start === node.getStart(this.sf) && i.kind === 'require');
      return { type: 'import', source: specifier, path, importIndex: fact ? this.imports.indexOf(fact) : -1 };
    }
    if (node.kind === Kind.ThisKeyword) return undefined;
    if (!ts.isIdentifier(node)) return undefined;
    const scope = ctx.scope.lookup(node.text);
    if (!scope) return { type: 'global', path: [node.text, ...path] };
    if (scope !== this.moduleScope) return undefined;
    const binding = this.moduleBindings.get(node.text);
    if (binding?.type === 'import') {
      const fact = this.imports[binding.importIndex]!;
      const imported = fact.bindings[binding.bindingIndex]!.imported;
      return { type: 'import', source: fact.specifier, path: imported === '*' ? path : [imported, ...path], importIndex: binding.importIndex };
    }
    return { type: 'local', name: node.text, path };
  }

  /** Records a use of an identifier that refers to a module-level import binding. */
  private useIdentifier(id: TS.Identifier, ctx: Ctx, where?: BindingUse['where'], isJsx = false, isShorthand = false): void {
    const binding = this.moduleBindings.get(id.text);
    if (binding?.type !== 'import') return;
    if (ctx.scope.lookup(id.text) !== this.moduleScope) return;
    const fact = this.imports[binding.importIndex]!;
    const b: ImportBinding = fact.bindings[binding.bindingIndex]!;
    const kind = where ?? (ctx.isType ? 'type' : ctx.fn ? 'function' : 'module');
    // An identifier's start without scanning its leading trivia (unless it is written with escapes).
    let start = id.end - id.text.length;
    if (!this.text.startsWith(id.text, start)) start = id.getStart(this.sf);
    const use: BindingUse = { start, end: id.end, where: kind };
    if (kind === 'function' && ctx.fn) use.fn = ctx.fn;
    if (isJsx) use.isJsx = true;
    if (isShorthand) use.isShorthand = true;
    if (kind === 'type' && this.metadataTypeNames.has(id)) use.isDecoratorMetadata = true;
    this.uses[binding.importIndex]![binding.bindingIndex]!.push(use);
    b.useKinds |= USE[kind];
  }
}


/** The identifier tsc serializes for a metadata type: `Foo`, `ns.Foo` (-> ns), `Foo | null`. */
function serializedTypeName(type: TS.TypeNode | undefined): TS.Identifier | undefined {
  if (!type) return undefined;
  if (ts.isParenthesizedTypeNode(type)) return serializedTypeName(type.type);
  if (ts.isUnionTypeNode(type)) {
    const rest = type.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === Kind.NullKeyword) && t.kind !== Kind.UndefinedKeyword);
    return rest.length === 1 ? serializedTypeName(rest[0]) : undefined;
  }
  if (!ts.isTypeReferenceNode(type)) return undefined;
  let name: TS.EntityName = type.typeName;
  while (ts.isQualifiedName(name)) name = name.left;
  return name;
}

/** An ASCII letter, digit, `_` or `$` (NaN, before or after the text, is not). */
function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function unwrap(node: TS.Expression): TS.Expression {
  for (;;) {
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
      node = node.expression;
    } else return node;
  }
}

function isStringLike(node: TS.Node): node is TS.StringLiteral | TS.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

function hasModifier(node: TS.Node, kind: TS.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function exportNames(node: TS.Node): string[] {
  if (!hasModifier(node, Kind.ExportKeyword)) return [];
  if (hasModifier(node, Kind.DefaultKeyword)) return ['default'];
  const name = (node as TS.FunctionDeclaration | TS.ClassDeclaration).name;
  return name ? [name.text] : [];
}
