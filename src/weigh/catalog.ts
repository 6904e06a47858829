// weigh: packages known to be heavy to load in Node, for when node_modules are not installed.
// Data only. Every figure says where it came from; see docs/weights.md for how it was measured.

/** A catalogued package: its eager load weight (itself plus what it loads) and the figure's source. */
export interface CatalogEntry {
  /** Modules Node evaluates on `require(name)` / `import name`, dependencies included. */
  modules: number;
  /** Bytes of those modules. */
  bytes: number;
  /** The version the figure was taken from. */
  version: string;
  /** `measured`: weighed by importscan's own weigher from an `npm install`; `estimate`: not measured. */
  source: 'measured' | 'estimate';
  /** What the figure covers, when it needs saying. */
  note?: string;
}

/** Package name -> catalog entry. */
export const CATALOG: Readonly<Record<string, CatalogEntry>> = {};
