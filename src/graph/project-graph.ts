// graph: the import graph of every file reachable from the entries, and the queries rules use.
import path from 'node:path';
import Graph from 'graphology';
import type { FileFacts, ImportFact, Resolved } from '../types.js';

/** A node: a project file (key: absolute path) or a package (key: `pkg:name@version`). */
export interface NodeAttrs {
  type: 'file' | 'package';
  /** Project files: absolute path. Packages: package name. */
  name: string;
  version?: string | null;
  /** Packages: the directory it resolved to (null when not installed). */
  dir?: string | null;
  /** Packages: the resolved entry file, to weigh it by the importer's condition. */
  entryFile?: string | null;
  condition?: 'import' | 'require';
}

/** An edge: one import statement (or call) from a project file. */
export interface EdgeAttrs {
  importIndex: number;
  isLazy: boolean;
  specifier: string;
}

/** One entry's closure: what loads eagerly, in BFS order, with shortest-chain parents. */
export interface EntryClosure {
  entry: string;
  /** Nodes (files and packages) evaluated when the entry is imported, entry first, BFS order. */
  eager: string[];
  eagerSet: Set<string>;
  /** BFS parent of each eager node (the entry has none). */
  parent: Map<string, string>;
  /** Project files reachable only through lazy edges. */
  lazyFiles: string[];
}

/** An import edge that could not be followed. */
export interface UnresolvedImport {
  file: string;
  importIndex: number;
  resolved: Extract<Resolved, { type: 'unresolved' }>;
}

/** The graph of a scan, plus per-file facts. Built once; rules only query it. */
export class ProjectGraph {
  readonly graph = new Graph.MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
  readonly facts = new Map<string, FileFacts>();
  /** Resolution of each import of each file, by file then import index. */
  readonly resolutions = new Map<string, Array<Resolved | null>>();
  readonly unresolved: UnresolvedImport[] = [];
  /** Dynamic imports/requires with a non-literal argument: file -> import indexes. */
  readonly nonLiteral: Array<{ file: string; importIndex: number }> = [];
  private readonly closures = new Map<string, EntryClosure>();
  private entriesByFile: Map<string, string[]> | null = null;

  constructor(
    readonly root: string,
    readonly entries: string[],
  ) {}

  /** Path relative to root with forward slashes; package nodes by name. */
  rel(node: string): string {
    let hit = this.relCache.get(node);
    if (hit === undefined) {
      hit = node.startsWith('pkg:') ? this.graph.getNodeAttribute(node, 'name') : path.relative(this.root, node).split(path.sep).join('/');
      this.relCache.set(node, hit);
    }
    return hit;
  }

  private readonly relCache = new Map<string, string>();

  isPackage(node: string): boolean {
    return node.startsWith('pkg:');
  }

  private readonly outCache = new Map<string, ReadonlyArray<{ target: string; attrs: EdgeAttrs }>>();

  /** Out edges of a node, in import order (memoised: the graph does not change after it is built). */
  outEdges(node: string): ReadonlyArray<{ target: string; attrs: EdgeAttrs }> {
    let out = this.outCache.get(node);
    if (out) return out;
    const list: Array<{ target: string; attrs: EdgeAttrs }> = [];
    if (this.graph.hasNode(node)) {
      this.graph.forEachOutEdge(node, (_edge, attrs, _source, target) => {
        list.push({ target, attrs });
      });
    }
    out = list;
    this.outCache.set(node, out);
    return out;
  }

  /** The import fact behind an edge. */
  importOf(file: string, importIndex: number): ImportFact | undefined {
    return this.facts.get(file)?.imports[importIndex];
  }

  /** Eager and lazy closure of an entry (memoised). */
  closure(entry: string): EntryClosure {
    let hit = this.closures.get(entry);
    if (hit) return hit;
    const parent = new Map<string, string>();
    const eagerSet = new Set<string>([entry]);
    const eager = [entry];
    for (let i = 0; i < eager.length; i++) {
      const node = eager[i]!;
      if (this.isPackage(node)) continue;
      for (const { target, attrs } of this.outEdges(node)) {
        if (attrs.isLazy || eagerSet.has(target)) continue;
        eagerSet.add(target);
        parent.set(target, node);
        eager.push(target);
      }
    }
    const seen = new Set<string>(eagerSet);
    const queue = [...eager];
    const lazyFiles: string[] = [];
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]!;
      if (this.isPackage(node)) continue;
      for (const { target } of this.outEdges(node)) {
        if (seen.has(target)) continue;
        seen.add(target);
        queue.push(target);
        if (!this.isPackage(target)) lazyFiles.push(target);
      }
    }
    hit = { entry, eager, eagerSet, parent, lazyFiles };
    this.closures.set(entry, hit);
    return hit;
  }

  /** Shortest eager chain from entry to node, both ends included ([] when not loaded). */
  chain(entry: string, node: string): string[] {
    const c = this.closure(entry);
    if (!c.eagerSet.has(node)) return [];
    const chain = [node];
    for (let n = node; c.parent.has(n); ) {
      n = c.parent.get(n)!;
      chain.push(n);
    }
    return chain.reverse();
  }

  /** Entries whose eager closure holds a node, sorted by relative path. */
  entriesOf(node: string): string[] {
    if (!this.entriesByFile) {
      this.entriesByFile = new Map();
      for (const entry of this.entries) {
        for (const n of this.closure(entry).eager) {
          let list = this.entriesByFile.get(n);
          if (!list) this.entriesByFile.set(n, (list = []));
          list.push(entry);
        }
      }
    }
    return this.entriesByFile.get(node) ?? [];
  }

  /** Every shortest eager chain from entry to node (for `why`). */
  allShortestChains(entry: string, node: string, limit = 100): string[][] {
    const dist = new Map<string, number>([[entry, 0]]);
    const preds = new Map<string, string[]>();
    const queue = [entry];
    for (let i = 0; i < queue.length; i++) {
      const n = queue[i]!;
      if (n === node) continue;
      if (this.isPackage(n)) continue;
      const d = dist.get(n)!;
      for (const { target, attrs } of this.outEdges(n)) {
        if (attrs.isLazy) continue;
        const seen = dist.get(target);
        if (seen === undefined) {
          dist.set(target, d + 1);
          preds.set(target, [n]);
          queue.push(target);
        } else if (seen === d + 1 && !preds.get(target)!.includes(n)) preds.get(target)!.push(n);
      }
    }
    if (!dist.has(node)) return [];
    const chains: string[][] = [];
    const build = (n: string, suffix: string[]): void => {
      if (chains.length >= limit) return;
      if (n === entry) {
        chains.push([entry, ...suffix]);
        return;
      }
      for (const p of [...preds.get(n)!].sort()) build(p, [n, ...suffix]);
    };
    build(node, []);
    return chains;
  }
}
