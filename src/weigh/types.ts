// weigh: what the rest of importscan asks of package weights.
import type { PackageWeight } from '../types.js';

/** Package weights for the packages in a graph (keys are graph package nodes, `pkg:name@version`). */
export interface Weights {
  /** Weight of a package node, or null when unknown (not installed and not catalogued). */
  of(packageNode: string): PackageWeight | null;
  /** Heavy: over the configured thresholds, or catalogued as heavy. */
  isHeavy(packageNode: string): boolean;
  /** Modules and bytes of a set of package nodes, each package counted once (shared deps once). */
  union(packageNodes: Iterable<string>): { modules: number; bytes: number };
}

/** Weights when none were computed: every weight unknown, nothing heavy. */
export const UNKNOWN_WEIGHTS: Weights = {
  of: () => null,
  isHeavy: () => false,
  union: () => ({ modules: 0, bytes: 0 }),
};
