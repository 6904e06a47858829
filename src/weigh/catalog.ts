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
  /** The entry file weighed (the `require` condition), relative to the package. */
  entry: string;
  /** Median of three cold `require()` runs, ms (2-CPU container, Node 20.20): indicative only. */
  requireMs?: number;
  /** What the figure covers, when it needs saying. */
  note?: string;
}

// Measured on 2026-11-28: `npm install --ignore-scripts <name>` into an empty project (latest
// version), then importscan's own weigher from the package's `require` entry. @prisma/client is
// left out: it loads the client `prisma generate` writes, so there is nothing to weigh without a schema.
/** Package name -> catalog entry. */
export const CATALOG: Readonly<Record<string, CatalogEntry>> = {
  'aws-sdk': {
    modules: 515,
    bytes: 1003149,
    version: '2.1693.0',
    source: 'measured',
    entry: 'lib/aws.js',
    requireMs: 665,
    note: 'v2; service API models load lazily, the client classes do not',
  },
  'googleapis': {
    modules: 1126,
    bytes: 37561445,
    version: '178.0.0',
    source: 'measured',
    entry: 'build/src/index.js',
    requireMs: 3986,
    note: 'its index requires every Google API client',
  },
  '@aws-sdk/client-s3': {
    modules: 29,
    bytes: 1075934,
    version: '3.1175.0',
    source: 'measured',
    entry: 'dist-cjs/index.js',
    requireMs: 374,
  },
  '@google-cloud/storage': {
    modules: 175,
    bytes: 1845832,
    version: '7.22.0',
    source: 'measured',
    entry: 'build/cjs/src/index.js',
    requireMs: 525,
  },
  'firebase-admin': {
    modules: 84,
    bytes: 688579,
    version: '13.10.0',
    source: 'measured',
    entry: 'lib/index.js',
    requireMs: 231,
    note: 'under the thresholds; catalogued for its measured require time',
  },
  'typeorm': {
    modules: 331,
    bytes: 3218127,
    version: '1.1.1',
    source: 'measured',
    entry: 'index.js',
    requireMs: 361,
  },
  'sequelize': {
    modules: 241,
    bytes: 2313223,
    version: '6.37.8',
    source: 'measured',
    entry: 'lib/index.js',
    requireMs: 527,
  },
  'mongoose': {
    modules: 442,
    bytes: 3537938,
    version: '9.12.1',
    source: 'measured',
    entry: 'index.js',
    requireMs: 357,
  },
  '@tensorflow/tfjs-node': {
    modules: 248,
    bytes: 8041154,
    version: '4.22.0',
    source: 'measured',
    entry: 'dist/index.js',
    note: 'JavaScript only: installed with --ignore-scripts, so the native binding and libtensorflow (loaded at require) are not counted; require time not measured',
  },
  'sharp': {
    modules: 69,
    bytes: 784599,
    version: '0.35.5',
    source: 'measured',
    entry: 'dist/index.cjs',
    requireMs: 179,
    note: 'under the byte and module thresholds; catalogued because require() also loads the native libvips library (not counted in bytes)',
  },
  'puppeteer': {
    modules: 228,
    bytes: 1833249,
    version: '24.43.1',
    source: 'measured',
    entry: 'lib/cjs/puppeteer/puppeteer.js',
    requireMs: 488,
    note: 'Chromium is downloaded by an install script and not counted',
  },
  'jsdom': {
    modules: 1121,
    bytes: 11513676,
    version: '29.1.1',
    source: 'measured',
    entry: 'lib/api.js',
    requireMs: 3327,
  },
  'exceljs': {
    modules: 648,
    bytes: 2920832,
    version: '4.4.0',
    source: 'measured',
    entry: 'excel.js',
    requireMs: 1026,
  },
  'pdfkit': {
    modules: 31,
    bytes: 1882838,
    version: '0.20.2',
    source: 'measured',
    entry: 'js/pdfkit.js',
    requireMs: 399,
  },
  'moment-timezone': {
    modules: 4,
    bytes: 934445,
    version: '0.6.6',
    source: 'measured',
    entry: 'index.js',
    requireMs: 80,
    note: 'under the thresholds; its 900 KB time zone data file is parsed at require',
  },
  'lodash': {
    modules: 1,
    bytes: 545945,
    version: '4.18.1',
    source: 'measured',
    entry: 'lodash.js',
    requireMs: 60,
    note: 'the full build: one 546 KB file, under the thresholds; per-method imports (lodash/get) are not catalogued',
  },
  'date-fns': {
    modules: 304,
    bytes: 621474,
    version: '4.4.0',
    source: 'measured',
    entry: 'index.cjs',
    requireMs: 314,
    note: 'the index loads every function',
  },
  'rxjs': {
    modules: 223,
    bytes: 321926,
    version: '7.8.2',
    source: 'measured',
    entry: 'dist/cjs/index.js',
    requireMs: 196,
  },
  '@nestjs/core': {
    modules: 611,
    bytes: 1381474,
    version: '12.5.1',
    source: 'measured',
    entry: 'index.js',
    requireMs: 808,
    note: 'with its peers @nestjs/common, rxjs and reflect-metadata installed',
  },
  '@sentry/node': {
    modules: 622,
    bytes: 2933324,
    version: '11.12.0',
    source: 'measured',
    entry: 'build/cjs/index.js',
    requireMs: 1350,
  },
  'stripe': {
    modules: 219,
    bytes: 1130229,
    version: '23.1.0',
    source: 'measured',
    entry: 'cjs/stripe.cjs.node.js',
    requireMs: 384,
  },
  'twilio': {
    modules: 209,
    bytes: 1102571,
    version: '6.3.1',
    source: 'measured',
    entry: 'lib/index.js',
    requireMs: 488,
  },
  'typescript': {
    modules: 1,
    bytes: 9112572,
    version: '5.9.3',
    source: 'measured',
    entry: 'lib/typescript.js',
    requireMs: 1023,
    note: 'one 9 MB file (the compiler)',
  },
};
