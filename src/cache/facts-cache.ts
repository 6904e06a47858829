// cache: per-file facts keyed by content hash and importscan's version (`--cache`).
// One file, read once when first needed and written once at the end, only when something changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { FACTS_SCHEMA } from '../parse/extract.js';
import { readFacts } from '../parse/read.js';
import type { FileFacts } from '../types.js';

/** Where the cache lives when `--cache-location` is not given: under the scan root. */
export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'importscan');
const CACHE_FILE = 'facts.v8';

interface Stored {
  version: string;
  /** Absolute path -> sha1 of its bytes and its facts. */
  files: Map<string, { hash: string; facts: FileFacts }>;
}

/** The cache file for a `--cache-location` (a directory, or a file path) or the default under root. */
export function cacheFileFor(location: string | undefined, root: string): string {
  if (!location) return path.join(root, DEFAULT_CACHE_DIR, CACHE_FILE);
  const isDir = location.endsWith('/') || location.endsWith(path.sep) || (fs.existsSync(location) && fs.statSync(location).isDirectory());
  return isDir ? path.join(location, CACHE_FILE) : location;
}

/** A facts provider for the pipeline that parses only files whose bytes changed since the last run. */
export class FactsCache {
  hits = 0;
  misses = 0;
  private stored: Stored | null = null;
  private file: string | null = null;
  private isDirty = false;
  private readonly seen = new Set<string>();

  /** `location`: `--cache-location`, resolved; undefined for the default under the scan root. */
  constructor(
    private readonly version: string,
    private readonly location: string | undefined,
    /** Overrides the pipeline's parser (tests count parses through it). */
    private readonly parse?: (file: string) => FileFacts,
  ) {}

  /** importscan's version and the shape of the facts: a cache from another build is not read. */
  private get key(): string {
    return `${this.version}+facts.${FACTS_SCHEMA}`;
  }

  /** The pipeline's `factsOf`: cached facts when the bytes match, else a fresh parse. */
  readonly factsOf = (file: string, root: string, parse: (file: string) => FileFacts = readFacts): FileFacts => {
    const stored = this.load(root);
    this.seen.add(file);
    let bytes: Buffer | null = null;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = null; // unreadable: let the parser report it, and do not cache it
    }
    const hash = bytes ? createHash('sha1').update(bytes).digest('hex') : null;
    const hit = hash ? stored.files.get(file) : undefined;
    if (hit && hit.hash === hash) {
      this.hits++;
      return hit.facts;
    }
    this.misses++;
    const facts = (this.parse ?? parse)(file);
    if (hash) {
      stored.files.set(file, { hash, facts });
      this.isDirty = true;
    }
    // Hand the pipeline a copy identical to what a later run will read back.
    return hash ? (v8.deserialize(v8.serialize(facts)) as FileFacts) : facts;
  };

  private load(root: string): Stored {
    if (this.stored) return this.stored;
    this.file = cacheFileFor(this.location, root);
    this.stored = { version: this.key, files: new Map() };
    try {
      const data = v8.deserialize(fs.readFileSync(this.file)) as Stored;
      if (data && data.version === this.key && data.files instanceof Map) this.stored = data;
      else this.isDirty = true;
    } catch {
      // no cache yet, or one from an incompatible Node: start empty
    }
    return this.stored;
  }

  /** Writes the cache if anything changed, dropping files that no longer exist. Never fails the run. */
  save(): void {
    if (!this.stored || !this.file || !this.isDirty) return;
    for (const file of this.stored.files.keys()) if (!this.seen.has(file) && !fs.existsSync(file)) this.stored.files.delete(file);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, v8.serialize(this.stored));
      fs.renameSync(tmp, this.file);
    } catch {
      // a cache that cannot be written only costs time next run
    }
  }
}
