// Measure stage: from per-file timings to the report's modules (packages summed by name), and
// from several runs to their median.
import type { FileTiming } from './attribute.js';
import { moduleName } from './module-name.js';

/** One measured module as reported: a project file (path relative to root) or a package name. */
export interface MeasuredModule {
  module: string;
  selfMs: number;
  totalMs: number;
  parent?: string;
}

/** One run of one entry, before the median. */
export interface RunSummary {
  totalMs: number;
  overheadMs: number;
  modules: MeasuredModule[];
}

/**
 * Groups files by module name. A package's own time is the sum of its files'; its total is the
 * sum of the totals of the files it was entered by (those whose parent lies outside it), so
 * time it spends in its own files is not counted twice.
 */
export function byModule(timings: readonly FileTiming[], root: string): MeasuredModule[] {
  const nameOf = new Map<string, string>();
  for (const timing of timings) nameOf.set(timing.file, moduleName(timing.file, root).name);
  const modules = new Map<string, MeasuredModule>();
  for (const timing of timings) {
    const name = nameOf.get(timing.file) ?? timing.file;
    const parentName = timing.parent === undefined ? undefined : nameOf.get(timing.parent);
    const isEntryPoint = parentName !== name;
    const module = modules.get(name) ?? { module: name, selfMs: 0, totalMs: 0 };
    module.selfMs += timing.selfMs;
    if (isEntryPoint) {
      module.totalMs += timing.totalMs;
      if (module.parent === undefined && parentName !== undefined) module.parent = parentName;
    }
    modules.set(name, module);
  }
  return sortModules([...modules.values()]);
}

/** Largest own time first; ties by name, so two runs print the same order. */
export function sortModules(modules: MeasuredModule[]): MeasuredModule[] {
  return modules.sort((a, b) => b.selfMs - a.selfMs || (a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds to two decimals: below that it is noise. */
export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** The median of each module (absent from a run counts as 0), of the total and of the overhead. */
export function medianOfRuns(runs: readonly RunSummary[]): RunSummary {
  const names = new Map<string, MeasuredModule[]>();
  for (const run of runs) for (const module of run.modules) names.set(module.module, [...(names.get(module.module) ?? []), module]);
  const modules = [...names.entries()].map(([name, seen]) => {
    const missing = Array<number>(runs.length - seen.length).fill(0);
    const module: MeasuredModule = {
      module: name,
      selfMs: roundMs(median([...seen.map((m) => m.selfMs), ...missing])),
      totalMs: roundMs(median([...seen.map((m) => m.totalMs), ...missing])),
    };
    const parent = seen.find((m) => m.parent !== undefined)?.parent;
    if (parent !== undefined) module.parent = parent;
    return module;
  });
  return {
    totalMs: roundMs(median(runs.map((run) => run.totalMs))),
    overheadMs: roundMs(median(runs.map((run) => run.overheadMs))),
    modules: sortModules(modules),
  };
}
