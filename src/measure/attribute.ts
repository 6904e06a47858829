// Measure stage: turns one child's event timeline into each file's own and inclusive import time.
// Pure data in, data out, so it is tested without spawning anything.
import { fileURLToPath } from 'node:url';

/** Time of one file in one run. Paths are absolute. */
export interface FileTiming {
  file: string;
  selfMs: number;
  totalMs: number;
  /** How it was run: an ES module, or CommonJS through Module.prototype._compile. */
  kind: 'esm' | 'cjs';
  /** The file that caused it to be loaded first, when that file was measured too. */
  parent?: string;
}

const BEGIN = 0;
const END = 1;
const LOADER_BEGIN = 2;
const LOADER_END = 3;

/** Event ids are file URLs (ES modules, hook-instrumented CommonJS) or paths (CommonJS). */
export function idToPath(id: string): string {
  if (!id.startsWith('file:')) return id;
  const path = fileURLToPath(id.split('?')[0] ?? id);
  // tsx encodes its own query into the path of some CommonJS bridges (`x.ts%3Ftsx-...`).
  const query = path.indexOf('?');
  return query < 0 ? path : path.slice(0, query);
}

/** First importer of each resolved file, from the `[child, parent, ...]` pairs the hooks saw. */
function firstParents(edges: readonly string[]): Map<string, string> {
  const parents = new Map<string, string>();
  for (let i = 0; i + 1 < edges.length; i += 2) {
    const child = idToPath(edges[i] as string);
    if (!parents.has(child)) parents.set(child, idToPath(edges[i + 1] as string));
  }
  return parents;
}

/**
 * Attributes every interval between two events to the module on top of the stack: a module's
 * own time is what ran while it was innermost. Loader work (reading, transpiling) and gaps where
 * no module runs belong to nobody. `biasMs`, the instrumentation's cost per module of each kind,
 * is subtracted.
 * Returns files in the order they began.
 */
export function attribute(
  events: ReadonlyArray<string | number>,
  edges: readonly string[],
  biasMs: { esm: number; cjs: number } = { esm: 0, cjs: 0 },
): FileTiming[] {
  const resolvedBy = firstParents(edges);
  const self = new Map<string, number>();
  const parentOf = new Map<string, string | undefined>();
  const kindOf = new Map<string, 'esm' | 'cjs'>();
  const stack: Array<string | null> = [];
  let previous: number | undefined;

  for (let i = 0; i + 2 < events.length; i += 3) {
    const kind = events[i] as number;
    const id = events[i + 1] as string;
    const time = events[i + 2] as number;
    const top = stack[stack.length - 1];
    if (top != null && previous !== undefined) self.set(top, (self.get(top) ?? 0) + time - previous);
    previous = time;

    if (kind === BEGIN) {
      const file = idToPath(id);
      if (!self.has(file)) {
        self.set(file, 0);
        const enclosing = stack.findLast((frame): frame is string => frame !== null);
        // An ES module runs after its imports, never inside its importer: ask the resolver.
        // A CommonJS module runs inside the require() of whoever loaded it first.
        const isEsm = id.startsWith('file:');
        kindOf.set(file, isEsm ? 'esm' : 'cjs');
        parentOf.set(file, isEsm ? (resolvedBy.get(file) ?? enclosing) : (enclosing ?? resolvedBy.get(file)));
      }
      stack.push(file);
    } else if (kind === END) {
      const at = stack.lastIndexOf(idToPath(id));
      if (at >= 0) stack.splice(at, 1);
    } else if (kind === LOADER_BEGIN) {
      stack.push(null);
    } else if (kind === LOADER_END) {
      const at = stack.lastIndexOf(null);
      if (at >= 0) stack.splice(at, 1);
    }
  }

  const files = [...self.keys()];
  const children = new Map<string, string[]>();
  for (const file of files) {
    const parent = parentOf.get(file);
    if (parent === undefined || parent === file || !self.has(parent)) {
      parentOf.set(file, undefined);
      continue;
    }
    children.set(parent, [...(children.get(parent) ?? []), file]);
  }
  for (const file of files) self.set(file, Math.max(0, (self.get(file) ?? 0) - biasMs[kindOf.get(file) ?? 'esm']));

  const totals = new Map<string, number>();
  const total = (file: string, visiting: Set<string>): number => {
    const known = totals.get(file);
    if (known !== undefined) return known;
    visiting.add(file);
    let sum = self.get(file) ?? 0;
    for (const child of children.get(file) ?? []) if (!visiting.has(child)) sum += total(child, visiting);
    totals.set(file, sum);
    return sum;
  };

  return files.map((file) => {
    const parent = parentOf.get(file);
    const timing: FileTiming = { file, selfMs: self.get(file) ?? 0, totalMs: total(file, new Set()), kind: kindOf.get(file) ?? 'esm' };
    if (parent !== undefined) timing.parent = parent;
    return timing;
  });
}
