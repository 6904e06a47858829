// fix: rewrite (4): a module-level service or engine instance (`export const zerodb = new ZeroDBService()`)
// becomes a memoised accessor (`getZerodb()`), with every project use updated across files.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type * as TS from 'typescript';
import { detailsOf, effectsOf } from '../parse/details.js';
import { ts } from '../parse/typescript.js';
import { hasUse, usesOf } from '../parse/uses.js';
import type { EngineSpec, ResolvedConfig } from '../config/schema.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import { memoized } from '../cache/memo.js';
import type { Diagnostic } from '../rules/rule.js';
import type { AccessorPlanData, CallFact, FileFacts } from '../types.js';
import { freshName, isIdentifierChar, isJsFile, namesDeclaredIn, pascal } from './ast.js';
import type { Edit } from './edits.js';
import type { FixEnv } from './environment.js';
import type { RewritePlan } from './lazy-import-rewrite.js';
import { fixOf } from './plan-diff.js';
import { detectStyle, semi } from './style.js';

/** Engine constructors recognised without config (the side-effect catalog is richer; config adds more). */
const ENGINE_CLASSES: Array<Pick<EngineSpec, 'package' | 'export'>> = [
  { package: '@prisma/client', export: 'PrismaClient' },
  { package: 'pg', export: 'Pool' },
  { package: 'pg', export: 'Client' },
  { package: 'pg', export: 'default.Pool' },
  { package: 'pg', export: 'default.Client' },
  { package: 'ioredis', export: 'default' },
  { package: 'ioredis', export: 'Redis' },
  { package: 'mongodb', export: 'MongoClient' },
  { package: 'sequelize', export: 'Sequelize' },
  { package: 'typeorm', export: 'DataSource' },
  { package: 'kysely', export: 'Kysely' },
  { package: 'better-sqlite3', export: 'default' },
  { package: 'bullmq', export: 'Queue' },
  { package: 'bullmq', export: 'Worker' },
  { package: 'kafkajs', export: 'Kafka' },
];

/** An instance worth deferring: `new` of a project class, or of a known engine. */
function isInstanceWorthDeferring(graph: ProjectGraph, config: ResolvedConfig, file: string, facts: FileFacts, effect: CallFact): string | null {
  const callee = effect.callee;
  if (effect.kind !== 'new' || !effect.assignedTo || !callee) return null;
  if (callee.type === 'local') {
    const isClass = callee.path.length === 0 && detailsOf(facts).decls.some((d) => d.kind === 'class' && d.name === callee.name);
    return isClass ? 'service' : null;
  }
  if (callee.type !== 'import' || callee.importIndex < 0) return null;
  const resolved = graph.resolutions.get(file)?.[callee.importIndex];
  if (!resolved) return null;
  if (resolved.type === 'file') return 'service';
  if (resolved.type !== 'package') return null;
  const exported = callee.path.join('.') || 'default';
  const specs = [...ENGINE_CLASSES, ...config.engines.filter((e) => e.kind === 'new')];
  const isEngine = specs.some((s) => (s.package === resolved.name || (s.package.endsWith('*') && resolved.name.startsWith(s.package.slice(0, -1)))) && s.export === exported);
  return isEngine ? 'engine' : null;
}

/** Findings with the accessor rewrite for every deferrable module-level instance in the graph. */
export function planInstanceAccessors(graph: ProjectGraph, config: ResolvedConfig, env: FixEnv): Diagnostic[] {
  const out: Diagnostic[] = [];
  const candidates: Array<{ file: string; effect: CallFact; what: string }> = [];
  for (const [file, facts] of graph.facts) {
    if (facts.parseError || !facts.hasModuleInstance || graph.entriesOf(file).length === 0) continue;
    for (const effect of effectsOf(facts)) {
      const what = isInstanceWorthDeferring(graph, config, file, facts, effect);
      if (what) candidates.push({ file, effect, what });
    }
  }
  indexMentions(graph, env, new Set(candidates.map((c) => c.effect.assignedTo!)));
  for (const { file, effect, what } of candidates) {
    let plan: RewritePlan | null;
    try {
      plan = planInstanceAccessor(graph, file, effect, env);
    } catch {
      plan = null;
    }
    if (!plan) continue;
    const entries = graph.entriesOf(file);
    const savings: Record<string, { modules: number; bytes: number }> = {};
    for (const e of [...entries].sort()) savings[graph.rel(e)] = { modules: 0, bytes: 0 };
    const fix = fixOf(graph.root, plan, savings, env);
    if (!fix) continue;
    out.push({
      file,
      line: effect.line,
      column: effect.column,
      message: `\`${effect.assignedTo}\` (${effect.text}()) is created when ${graph.rel(file)} is imported: a memoised accessor creates it on first use instead`,
      why: `every entry that loads ${graph.rel(file)} pays for the ${what} at startup (${entries.length === 1 ? graph.rel(entries[0]!) : `${entries.length} entries`})`,
      help: plan.description,
      fix,
    });
  }
  return out;
}

/**
 * Plans the accessor of every module-level `const x = new X()` of a file, in the scan (the tree has
 * no parent links: the walk links them). Candidates that cannot be rewritten get no plan. The
 * importers are planned from their facts when the rule runs, so no file is parsed twice.
 */
export function planAccessorDeclarations(sf: TS.SourceFile, facts: FileFacts, text: string): AccessorPlanData[] | undefined {
  const candidates = effectsOf(facts).filter((e) => e.kind === 'new' && e.assignedTo);
  if (!candidates.length) return undefined;
  const plans: AccessorPlanData[] = [];
  for (const effect of candidates) {
    try {
      const plan = planDeclaration(sf, text, effect);
      if (plan) plans.push(plan);
    } catch {
      // no plan: the rule offers no accessor for it
    }
  }
  return plans;
}

/** The accessor's own-file edits for one `const x = new X()` statement, or null when it cannot be rewritten. */
function planDeclaration(sf: TS.SourceFile, text: string, effect: CallFact): AccessorPlanData | null {
  const name = effect.assignedTo!;
  const statement = sf.statements.find((s) => s.getStart(sf) === effect.statementStart);
  if (!statement || !ts.isVariableStatement(statement)) return null;
  const list = statement.declarationList;
  if ((list.flags & ts.NodeFlags.Const) === 0 || list.declarations.length !== 1) return null;
  const decl = list.declarations[0]!;
  if (!ts.isIdentifier(decl.name) || decl.name.text !== name || !decl.initializer) return null;
  const init = decl.initializer;
  if (!ts.isNewExpression(init) || init.getStart(sf) !== effect.start) return null;

  const style = detectStyle(text);
  const s = semi(style);
  const isJs = isJsFile(sf.fileName);
  const isExported = (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const getter = freshName(text, `get${pascal(name)}`);
  const cache = freshName(text, `${name}Instance`, new Set([getter]));
  const calleeText = init.expression.getText(sf);
  const type = decl.type
    ? decl.type.getText(sf)
    : ts.isIdentifier(init.expression) && !init.typeArguments
      ? calleeText
      : `InstanceType<typeof ${calleeText}>`;
  const i = style.indentUnit;
  const nl = style.newline;
  const replacement = [
    isJs ? `let ${cache}${s}` : `let ${cache}: ${type} | undefined${s}`,
    `/** The shared ${name}, created on first use (importscan lazy-import). */`,
    `${isExported ? 'export ' : ''}function ${getter}()${isJs ? '' : `: ${type}`} {`,
    `${i}return (${cache} ??= ${init.getText(sf).split('\n').join(`\n${i}`)})${s}`,
    `}`,
  ].join(nl);
  const edits: AccessorPlanData['edits'] = [{ start: statement.getStart(sf), end: statement.end, text: replacement }];
  const local = localUses(sf, name, decl.name);
  if (!local) return null;
  for (const use of local) {
    // Used at module level in its own file: it is created at import time anyway, nothing to gain.
    if (use.isModuleLevel) return null;
    edits.push(callEdit(use.id.getStart(sf), use.id.end, ts.isShorthandPropertyAssignment(use.id.parent) ? name : null, getter));
  }
  return { at: effect.start, getter, isExported, edits };
}

/** Plans the accessor for one `const x = new X()` statement, or null when a use cannot be followed. */
export function planInstanceAccessor(graph: ProjectGraph, file: string, effect: CallFact, env: FixEnv): RewritePlan | null {
  const name = effect.assignedTo!;
  const facts = graph.facts.get(file)!;
  // Planned in the scan; facts from a scan that did not plan (a cache written with the rule off) are planned now.
  const planned = detailsOf(facts).accessorPlans ?? planAccessorDeclarations(env.parsedOf(file).sf, facts, env.textOf(file));
  const own = planned?.find((p) => p.at === effect.start);
  if (!own) return null;
  const { getter, isExported } = own;
  const edits: Edit[] = own.edits.map((e) => ({ file, ...e }));
  let isSafe = true;
  const reasons: string[] = [];

  // Uses in every project file that imports it, from the importers' facts.
  if (isExported) {
    for (const { file: other, importIndex: index } of importersOf(graph, file)) {
      const fact = graph.importOf(other, index)!;
      if (fact.kind === 'reexport') {
        if (fact.reexports?.some((x) => x.imported === name || x.imported === '*')) return null;
        continue;
      }
      if (fact.kind !== 'static') {
        if (fact.kind === 'side-effect') continue;
        return null; // dynamic import, require: uses not followed
      }
      const uses = usesOf(graph.facts.get(other)!, index);
      for (const [i, b] of fact.bindings.entries()) {
        if (b.imported === '*' && b.useKinds !== 0) return null;
        if (b.imported !== name || b.isTypeOnly) continue;
        if (hasUse(b, 'export') || hasUse(b, 'type')) return null;
        if (hasUse(b, 'module')) {
          isSafe = false;
          reasons.push(`used at module level in ${graph.rel(other)}`);
        }
        if (b.specifierStart === undefined || b.specifierEnd === undefined) return null;
        const localGetter = b.isAliased ? freshName(env.textOf(other), `get${pascal(b.local)}`) : getter;
        edits.push({ file: other, start: b.specifierStart, end: b.specifierEnd, text: b.isAliased ? `${getter} as ${localGetter}` : getter });
        for (const u of uses[i] ?? []) edits.push({ file: other, ...callEdit(u.start, u.end, u.isShorthand ? b.local : null, localGetter) });
      }
    }
    const outside = importedOutsideGraph(graph, file, name, env);
    if (outside) {
      isSafe = false;
      reasons.push(`${graph.rel(outside)}, which the scan did not read, may use it`);
    }
  }
  const where = effect.text.replace(/^new /, '');
  return {
    kind: 'instance-accessor',
    isSafe,
    description: `create ${name} on first use: \`${getter}()\` returns one memoised ${where} instead of \`new ${where}()\` at import time; every use calls ${getter}()${isSafe ? '' : ` (offered: ${[...new Set(reasons)].join('; ')})`}`,
    edits,
  };
}

/** Per graph: the edges into each node, as offsets (by node id) into a list of edge ids in edge order. */
const edgesInto = new WeakMap<ProjectGraph, { start: Int32Array; edges: Int32Array }>();

/** The imports (file, index) that resolve to a project file, in graph order: by importing file, then import. */
function importersOf(graph: ProjectGraph, target: string): Array<{ file: string; importIndex: number }> {
  const g = graph.indexed();
  let into = edgesInto.get(graph);
  if (!into) {
    // Counted, then filled in edge order (edges are grouped by source, sources in node order).
    const start = new Int32Array(g.names.length + 1);
    for (let k = 0; k < g.target.length; k++) start[g.target[k]! + 1]!++;
    for (let n = 0; n < g.names.length; n++) start[n + 1]! += start[n]!;
    const edges = new Int32Array(g.target.length);
    const at = start.slice(0, g.names.length);
    for (let k = 0; k < g.target.length; k++) edges[at[g.target[k]!]!++] = k;
    edgesInto.set(graph, (into = { start, edges }));
  }
  const id = g.idOf.get(target);
  if (id === undefined) return [];
  const found: number[] = Array.from(into.edges.subarray(into.start[id]!, into.start[id + 1]!));
  // A file's edges are listed by target, later imports first: by import within each file.
  found.sort((a, b) => g.source[a]! - g.source[b]! || g.importIndex[a]! - g.importIndex[b]!);
  return found.map((k) => ({ file: g.names[g.source[k]!]!, importIndex: g.importIndex[k]! }));
}

/** `x` -> `getX()`; `{ x }` (a shorthand property, `shorthand` its name) -> `{ x: getX() }`. */
function callEdit(start: number, end: number, shorthand: string | null, getter: string): { start: number; end: number; text: string } {
  return { start, end, text: shorthand !== null ? `${shorthand}: ${getter}()` : `${getter}()` };
}

/** Uses of a module-level const in its own file (shadowing respected), or null when one cannot be rewritten. */
function localUses(sf: TS.SourceFile, name: string, declName: TS.Identifier): Array<{ id: TS.Identifier; isModuleLevel: boolean }> | null {
  const uses: Array<{ id: TS.Identifier; isModuleLevel: boolean }> = [];
  let isBlocked = false;
  const visit = (node: TS.Node): void => {
    if (isBlocked) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declName && isReference(node)) {
      if (isShadowed(node, name)) return;
      const p = node.parent;
      if (ts.isExportSpecifier(p) || ts.isExportAssignment(p) || ts.isTypeQueryNode(p)) {
        isBlocked = true;
        return;
      }
      uses.push({ id: node, isModuleLevel: !insideFunction(node) });
      return;
    }
    ts.forEachChild(node, (child) => {
      (child as { parent: TS.Node }).parent ??= node; // the scan's tree has no parent links
      visit(child);
    });
  };
  visit(sf);
  return isBlocked ? null : uses;
}

function isReference(id: TS.Identifier): boolean {
  const p = id.parent;
  if ((ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isQualifiedName(p) && p.right === id)) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodSignature(p)) && p.name === id) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isBindingElement(p)) && p.name === id) return false;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isLabeledStatement(p)) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  return true;
}

function isShadowed(id: TS.Identifier, name: string): boolean {
  for (let n: TS.Node = id.parent; !ts.isSourceFile(n); n = n.parent) {
    if (ts.isFunctionLike(n) && (n as TS.FunctionLikeDeclaration).body && namesDeclaredIn(n as TS.FunctionLikeDeclaration).has(name)) return true;
    if (ts.isBlock(n) && !ts.isFunctionLike(n.parent)) {
      for (const st of n.statements) {
        if (ts.isVariableStatement(st) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)) return true;
      }
    }
    if (ts.isCatchClause(n) && n.variableDeclaration && ts.isIdentifier(n.variableDeclaration.name) && n.variableDeclaration.name.text === name) return true;
  }
  return false;
}

function insideFunction(node: TS.Node): boolean {
  for (let n: TS.Node = node.parent; !ts.isSourceFile(n); n = n.parent) {
    if (ts.isFunctionLike(n) && (n as TS.FunctionLikeDeclaration).body) {
      // An immediately invoked function runs now.
      const p = n.parent;
      if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && (ts.isCallExpression(p) ? p.expression === n : ts.isParenthesizedExpression(p) && ts.isCallExpression(p.parent))) continue;
      return true;
    }
  }
  return false;
}

/** The source files the scan did not read, listed once per graph. */
const outsideFiles = new WeakMap<ProjectGraph, string[]>();

function outsideOf(graph: ProjectGraph, env: FixEnv): string[] {
  let outside = outsideFiles.get(graph);
  if (!outside) outsideFiles.set(graph, (outside = env.sourceFiles().filter((other) => !graph.facts.has(other))));
  return outside;
}

/** Per graph: the outside files that mention each name asked about so far as an identifier, in file order. */
const mentionIndex = new WeakMap<ProjectGraph, Map<string, string[]>>();

/**
 * Adds names to the index: every outside file is read once per call, for all of them together
 * (with `--cache`, what a file mentions is kept until it changes, and it is not read).
 */
function indexMentions(graph: ProjectGraph, env: FixEnv, names: Iterable<string>): Map<string, string[]> {
  let index = mentionIndex.get(graph);
  if (!index) mentionIndex.set(graph, (index = new Map()));
  const asked = new Set([...names].filter((n) => !index!.has(n)));
  if (!asked.size) return index;
  for (const name of asked) index.set(name, []);
  // The names asked, as a digest: the context is kept with every outside file.
  const context = createHash('sha1').update([...asked].sort().join(',')).digest('hex');
  for (const file of outsideOf(graph, env)) {
    const mentioned = memoized(env.memoOf?.(file), 'mentions', context, () => mentionsIn(env.textOf(file), asked));
    for (const name of mentioned) index.get(name)!.push(file);
  }
  return index;
}

/** The asked names a text holds as identifiers, each once, in order of first mention. */
function mentionsIn(text: string, asked: ReadonlySet<string>): string[] {
  const lengths = new Set([...asked].map((n) => n.length));
  const found: string[] = [];
  // Identifiers by hand: a regex match per word costs more than reading the files.
  for (let i = 0; i < text.length; ) {
    if (!isIdentifierChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isIdentifierChar(text.charCodeAt(end))) end++;
    if (lengths.has(end - i)) {
      const word = text.slice(i, end);
      if (asked.has(word) && !found.includes(word)) found.push(word);
    }
    i = end;
  }
  return found;
}

/** Whether a source file under the root that the scan did not read mentions the name and the module. */
function importedOutsideGraph(graph: ProjectGraph, file: string, name: string, env: FixEnv): string | null {
  const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  for (const other of indexMentions(graph, env, [name]).get(name)!) if (other !== file && env.textOf(other).includes(base)) return other;
  return null;
}
