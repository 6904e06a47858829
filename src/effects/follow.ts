// effects: follow a call of a project function, or a `new` of a project class, through the
// project's code (bodies, constructors, super chains, across files) to the effects it runs.
import { declBody } from '../parse/decl-bodies.js';
import type { ProjectGraph } from '../graph/project-graph.js';
import type { CallFact, DeclFact } from '../types.js';
import { PLAIN_GLOBAL_CLASSES, PLAIN_PACKAGE_CLASSES, SINGLETON_METHOD } from './catalog.js';
import { classifyDirect, matchAny, type Catalog } from './match.js';
import { originOf, type Origin } from './origin.js';

/** A step on the way to an effect: a call site inside a followed body. */
export interface Step {
  text: string;
  file: string;
  line: number;
}

/** An effect found by following project code. Only these count (the contract's list). */
export interface Hit {
  category: 'engine' | 'network' | 'io';
  /** Engine label (`pg Pool`) or the callee text (`axios.get`). */
  label: string;
  file: string;
  line: number;
  column: number;
  /** Call sites between the module-level site and the effect (outermost first). */
  steps: Step[];
}

/** How deep calls are followed ("a few levels"). */
const MAX_DEPTH = 5;
const PRIORITY: Record<Hit['category'], number> = { engine: 0, network: 1, io: 2 };

/** The strongest hit of a list (engine, then network, then I/O; source order within). */
export function strongest(hits: Hit[]): Hit | undefined {
  return [...hits].sort((a, b) => PRIORITY[a.category] - PRIORITY[b.category])[0];
}

/** Follows project code; memoises nothing across scans (the graph is per scan). */
export class Follower {
  constructor(
    private readonly graph: ProjectGraph,
    private readonly catalog: Catalog,
  ) {}

  /** Effects of calling a project function (or a static method: `member`). */
  ofCall(file: string, decl: DeclFact, member?: string, depth = 0, seen = new Set<string>()): Hit[] {
    const key = `${file}#${decl.name}#${member ?? ''}`;
    if (depth > MAX_DEPTH || seen.has(key)) return [];
    seen.add(key);
    const body = declBody(this.graph.facts.get(file), decl);
    const calls = member === undefined ? body.calls : (body.staticMethods?.[member] ?? []);
    return this.ofCalls(file, calls, depth, seen);
  }

  /** Effects of `new` of a project class: constructor, instance fields, super chain. */
  ofNew(file: string, decl: DeclFact, depth = 0, seen = new Set<string>()): Hit[] {
    const key = `${file}#${decl.name}#new`;
    if (depth > MAX_DEPTH || seen.has(key)) return [];
    seen.add(key);
    const hits: Hit[] = [];
    if (decl.superClass) {
      const origin = originOf(this.graph, file, decl.superClass);
      const direct = classifyDirect(this.catalog, origin, 'new');
      if (direct?.category === 'engine') {
        hits.push({ category: 'engine', label: direct.label, file, line: decl.line, column: decl.column, steps: [] });
      } else if (origin.type === 'decl' && origin.decl.kind === 'class' && origin.path.length === 0) {
        hits.push(...this.ofNew(origin.file, origin.decl, depth + 1, seen).map((h) => withStep(h, `super() of ${decl.name}`, file, decl.line)));
      }
    }
    hits.push(...this.ofCalls(file, declBody(this.graph.facts.get(file), decl).calls, depth, seen));
    return hits;
  }

  /** Whether a class is plain data: its super chain ends in Error/Map/EventEmitter... */
  isPlainClass(file: string, decl: DeclFact, hops = 0): boolean {
    if (!decl.superClass || hops > MAX_DEPTH) return false;
    const origin = originOf(this.graph, file, decl.superClass);
    if (origin.type === 'global') return origin.path.length === 1 && PLAIN_GLOBAL_CLASSES.has(origin.path[0]!);
    if (origin.type === 'package') return matchAny(PLAIN_PACKAGE_CLASSES, origin, 'new');
    if (origin.type === 'decl' && origin.decl.kind === 'class') return this.isPlainClass(origin.file, origin.decl, hops + 1);
    return false;
  }

  private ofCalls(file: string, calls: CallFact[], depth: number, seen: Set<string>): Hit[] {
    const hits: Hit[] = [];
    for (const call of calls) {
      if (!call.callee) continue;
      const origin = originOf(this.graph, file, call.callee);
      const direct = classifyDirect(this.catalog, origin, call.kind);
      if (direct && (direct.category === 'engine' || direct.category === 'network' || direct.category === 'io')) {
        hits.push({ category: direct.category, label: direct.label ?? call.text, file, line: call.line, column: call.column, steps: [] });
        continue;
      }
      const inner = this.ofProject(origin, call.kind, depth + 1, seen);
      hits.push(...inner.map((h) => withStep(h, `${call.text}()`, file, call.line)));
    }
    return hits;
  }

  /** Effects of calling or constructing a project declaration (undefined origin: none). */
  ofProject(origin: Origin, kind: CallFact['kind'], depth: number, seen: Set<string>): Hit[] {
    if (origin.type !== 'decl') return [];
    const { file, decl, path } = origin;
    if (decl.kind === 'class') {
      if (kind === 'new' && path.length === 0) return this.ofNew(file, decl, depth, seen);
      if (kind === 'call' && path.length === 1 && decl.staticMethodNames?.includes(path[0]!)) {
        const hits = this.ofCall(file, decl, path[0], depth, seen);
        // `getInstance()` builds the instance: its constructor runs too.
        return SINGLETON_METHOD.test(path[0]!) ? [...hits, ...this.ofNew(file, decl, depth + 1, seen)] : hits;
      }
      return [];
    }
    if (kind === 'call' && path.length === 0) return this.ofCall(file, decl, undefined, depth, seen);
    return [];
  }
}

function withStep(hit: Hit, text: string, file: string, line: number): Hit {
  return { ...hit, steps: [{ text, file, line }, ...hit.steps] };
}
