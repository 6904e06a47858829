// graph: parse every file reachable from the entries once, resolve its imports, and link them.
import path from 'node:path';
import { isSourceFile } from '../discover/entries.js';
import { packageNameOf, type ModuleResolver } from '../resolve/resolver.js';
import type { ProjectConfig } from '../resolve/tsconfig.js';
import type { FileFacts, ImportFact, Resolved } from '../types.js';
import { ProjectGraph } from './project-graph.js';

export interface BuildOptions {
  root: string;
  entries: string[];
  resolver: ModuleResolver;
  project: ProjectConfig;
  /** Returns the facts of a file (parsing it or reading a cache). */
  factsOf: (file: string) => FileFacts;
  /** Runs one file's resolutions (the pipeline times them as its resolve stage). */
  timeResolve?: <T>(resolveFile: () => T) => T;
  /** Keep type-only and elided imports as edges (a comparison mode for cross-checks). */
  isTypeOnlyKept?: boolean;
  /**
   * A file's resolutions, one per import (null: not resolved), and what the walk needs of its
   * imports, kept or made by `linksOf` (`--cache`): a file whose links are kept needs no import facts.
   */
  linksOf?: (file: string, linksOf: () => FileLinks) => FileLinks;
}

/** Per import of a file: what it resolves to, and what the walk reads of it (not the whole import fact). */
export interface FileLinks {
  resolutions: Array<Resolved | null>;
  specifiers: string[];
  /** Per import: IS_LAZY, IS_NON_LITERAL, IS_REQUIRE (resolved under `require`). */
  flags: Uint8Array;
}

export const IS_LAZY = 1;
export const IS_NON_LITERAL = 2;
export const IS_REQUIRE = 4;

/** Whether an import is evaluated at run time (an edge). */
export function isRuntimeImport(fact: ImportFact, project: ProjectConfig, isTypeOnlyKept = false): boolean {
  if (isTypeOnlyKept) return true;
  if (fact.isTypeOnly) return false;
  if (fact.isElidedUnlessVerbatim && !project.verbatimModuleSyntax) {
    return project.emitDecoratorMetadata && fact.isKeptByDecoratorMetadata === true;
  }
  return true;
}

/** The condition an import resolves under: require() and `import x = require()` always `require`, import() always `import`. */
function conditionFor(fact: ImportFact, format: 'import' | 'require'): 'import' | 'require' {
  return fact.kind === 'require' || fact.kind === 'import-equals' ? 'require' : fact.kind === 'dynamic' ? 'import' : format;
}

/** Builds the graph by a breadth-first walk from the entries over eager and lazy edges. */
export function buildGraph(options: BuildOptions): ProjectGraph {
  const { resolver, project } = options;
  const timeResolve = options.timeResolve ?? (<T>(resolveFile: () => T) => resolveFile());
  const pg = new ProjectGraph(options.root, options.entries);
  const graph = pg;
  const queue: string[] = [];
  const addFile = (file: string): void => {
    if (graph.hasNode(file)) return;
    graph.addNode(file, { type: 'file', name: file });
    queue.push(file);
  };
  for (const entry of options.entries) addFile(entry);

  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    if (!isSourceFile(file)) continue; // JSON and other assets are leaves
    const facts = options.factsOf(file);
    pg.facts.set(file, facts);
    let format: 'import' | 'require' | undefined;
    const conditionOf = (fact: ImportFact) => conditionFor(fact, (format ??= resolver.formatOf(file)));
    const linksOf = (): FileLinks =>
      timeResolve(() => {
        const dir = path.dirname(file);
        const { imports } = facts;
        const flags = new Uint8Array(imports.length);
        const resolutions = imports.map((fact, i) => {
          const condition = conditionOf(fact);
          flags[i] = (fact.isLazy ? IS_LAZY : 0) | (fact.isNonLiteral ? IS_NON_LITERAL : 0) | (condition === 'require' ? IS_REQUIRE : 0);
          return !isRuntimeImport(fact, project, options.isTypeOnlyKept) || fact.isNonLiteral ? null : resolver.resolveIn(dir, fact.specifier, condition);
        });
        return { resolutions, specifiers: imports.map((fact) => fact.specifier), flags };
      });
    const { resolutions, specifiers, flags } = options.linksOf ? options.linksOf(file, linksOf) : linksOf();
    pg.resolutions.set(file, resolutions);
    for (let importIndex = 0; importIndex < flags.length; importIndex++) {
      if (flags[importIndex]! & IS_NON_LITERAL) pg.nonLiteral.push({ file, importIndex });
      const resolved = resolutions[importIndex];
      if (!resolved || resolved.type === 'builtin') continue;
      let target: string;
      if (resolved.type === 'file') {
        target = resolved.path;
        addFile(target);
      } else if (resolved.type === 'package' || (resolved.type === 'unresolved' && resolved.isBare)) {
        const name = resolved.type === 'package' ? resolved.name : packageNameOf(specifiers[importIndex]!);
        const version = resolved.type === 'package' ? resolved.version : null;
        target = `pkg:${name}@${version ?? ''}`;
        if (!graph.hasNode(target)) {
          graph.addNode(target, {
            type: 'package',
            name,
            version,
            dir: resolved.type === 'package' ? resolved.dir : null,
            entryFile: resolved.type === 'package' ? resolved.path : null,
            condition: flags[importIndex]! & IS_REQUIRE ? 'require' : 'import',
          });
        }
      } else {
        pg.unresolved.push({ file, importIndex, resolved });
        continue;
      }
      graph.addEdge(file, target, { importIndex, isLazy: (flags[importIndex]! & IS_LAZY) !== 0, specifier: specifiers[importIndex]! });
    }
  }
  return pg;
}
