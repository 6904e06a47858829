// config: the shape of importscan.config.json once loaded and defaulted.
import type { Severity } from '../types.js';

/** One engine the side-effect rules recognise (catalog entry or config addition). */
export interface EngineSpec {
  /** Package name (`pg`, `@prisma/client`) or a prefix ending in `*` (`@aws-sdk/client-*`). */
  package: string;
  /** Export path: `Pool`, `default`, `createPool`, `default.connect`. */
  export: string;
  kind: 'new' | 'call';
  /** What it creates, for messages and duplicate-engine: `pg Pool`. */
  label?: string;
}

/** A per-entry budget. */
export interface Budget {
  entries: string;
  maxModules?: number;
  maxBytes?: number;
  maxHeavyPackages?: number;
  maxSideEffects?: number;
  maxMs?: number;
}

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
  /** Set by the user (config or --rule), not the default: rules then never raise it. */
  isExplicit?: boolean;
}

/** Loaded, validated and defaulted configuration. */
export interface ResolvedConfig {
  /** The config file it came from (null: defaults). */
  file: string | null;
  entries: string[];
  ignore: string[];
  rules: Record<string, RuleSetting>;
  engines: EngineSpec[];
  heavy: { bytes: number; modules: number; packages: string[]; never: string[] };
  budgets: Budget[];
  tsconfig: string | null;
}

export const DEFAULT_HEAVY = { bytes: 1024 * 1024, modules: 150, packages: [] as string[], never: [] as string[] };
