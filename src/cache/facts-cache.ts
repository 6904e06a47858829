// cache: per-file facts keyed by content hash and importscan's version (`--cache`), with what is
// derived from each file (src/cache/memo). Sixteen shard files next to a small manifest, read once
// when first needed; at the end only the shards that changed are written, so an edit to one file
// rewrites a sixteenth of the cache. Beside them: `.graph` (values of the last graph structure,
// src/graph/structure-memo), `.tsconfig` (options, with the files they were read from),
// `.outside` (memos of source files the scan did not parse, by size and modification time) and
// `.dirs` (the directory listings of the resolution stamp's walk, src/resolve/stamp).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { FACTS_SCHEMA } from '../parse/extract.js';
import { packDetails } from '../parse/details.js';
import { readFacts } from '../parse/read.js';
import type { FileFacts } from '../types.js';
import type { StructureMemo } from '../graph/structure-memo.js';
import type { Listing, Listings } from '../resolve/stamp.js';
import { inputStamp, readTsconfig, type ConfigInputs, type ProjectConfig } from '../resolve/tsconfig.js';
import { IMPORTS_SLOT, importsSignature, type FileMemo } from './memo.js';

/** Where the cache lives when `--cache-location` is not given: under the scan root. */
export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'importscan');
const CACHE_FILE = 'facts.v8';
const SHARDS = 16;

/** Slot -> context and value (src/cache/memo). */
type MemoSlots = Map<string, { context: string; value: unknown }>;

/** A file outside the graph: what it looked like, and what was derived from its bytes. */
interface OutsideEntry {
  size: number;
  mtimeMs: number;
  memo?: MemoSlots;
}

/** A FileMemo over a holder's slots; `onSet` marks what must be written, `isWritten` tells whether it is. */
function memoIn(holder: { memo?: MemoSlots }, onSet: () => void, isWritten: () => boolean): FileMemo {
  return {
    isWritten,
    get: (slot, context) => {
      const kept = holder.memo?.get(slot);
      return kept && kept.context === context ? kept.value : undefined;
    },
    set: (slot, context, value) => {
      (holder.memo ??= new Map()).set(slot, { context, value });
      onSet();
    },
  };
}

/** One cached file: what its bytes looked like (size, mtime, sha1), its facts and what was derived from them. */
interface Entry {
  hash: string;
  size: number;
  mtimeMs: number;
  /** As read: no imports until the run asks for the file, then parsed when first read (unpackedImports). */
  facts: StoredFacts;
  /**
   * As written: where the imports' JSON text and the packed details, module-level calls and
   * declaration bodies are in the shard's blob (offset and length each, -1 when absent).
   */
  at?: number[];
  /** sha1 of the facts with their size left out (factsDigest): what analyses other than sizes depend on. */
  digest?: string;
  memo?: MemoSlots;
}

/** sha1 of a file's facts with `bytes` left out: an edit that only appends a comment keeps it. */
function factsDigest(facts: FileFacts): string {
  return createHash('sha1').update(v8.serialize({ ...facts, bytes: 0 })).digest('hex');
}

interface Shard {
  version: string;
  files: Map<string, Entry>;
  /**
   * As written: the bytes of every entry's imports text and packed parts, one buffer (deserialising
   * twelve thousand small buffers one by one was 30 ms of a warm 5k run).
   */
  blob?: Uint8Array;
}

/** The cache file for a `--cache-location` (a directory, or a file path) or the default under root. */
export function cacheFileFor(location: string | undefined, root: string): string {
  if (!location) return path.join(root, DEFAULT_CACHE_DIR, CACHE_FILE);
  const isDir = location.endsWith('/') || location.endsWith(path.sep) || (fs.existsSync(location) && fs.statSync(location).isDirectory());
  return isDir ? path.join(location, CACHE_FILE) : location;
}

/** The shard a path is kept in (FNV-1a of the path). */
function shardOf(file: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

/** A facts provider for the pipeline that parses only files whose bytes changed since the last run. */
export class FactsCache {
  hits = 0;
  misses = 0;
  private shards: Shard[] | null = null;
  private file: string | null = null;
  private isManifestStale = false;
  private readonly dirty = new Set<number>();
  private readonly seen = new Set<string>();
  private readonly memos = new Map<string, FileMemo>();

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

  /**
   * The pipeline's `factsOf`: cached facts when the file is unchanged (same size and modification
   * time, or else the same sha1 of its bytes), else a fresh parse.
   */
  readonly factsOf = (file: string, root: string, parse: (file: string) => FileFacts = readFacts): FileFacts => {
    const shards = this.load(root);
    this.seen.add(file);
    const index = this.shardIndexOf(file);
    const hit = shards[index]!.files.get(file);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(file);
    } catch {
      stat = null; // unreadable: let the parser report it, and do not cache it
    }
    if (hit && stat && hit.size === stat.size && hit.mtimeMs === stat.mtimeMs) {
      this.hits++;
      return unpackedImports(hit.facts);
    }
    let bytes: Buffer | null = null;
    try {
      bytes = stat ? fs.readFileSync(file) : null;
    } catch {
      bytes = null;
    }
    const hash = bytes ? createHash('sha1').update(bytes).digest('hex') : null;
    if (hit && hash && hit.hash === hash) {
      // Touched but not changed: remember the new time so the next run needs no read.
      hit.size = stat!.size;
      hit.mtimeMs = stat!.mtimeMs;
      this.dirty.add(index);
      this.hits++;
      return unpackedImports(hit.facts);
    }
    this.misses++;
    this.memos.delete(file); // bound to the entry this parse replaces
    const facts = packDetails((this.parse ?? parse)(file));
    if (!hash) {
      if (hit) {
        shards[index]!.files.delete(file); // unreadable now: its old facts and memo no longer apply
        this.dirty.add(index);
      }
      return facts;
    }
    // The pipeline gets what a later run will read back, and the cache keeps that same object (no
    // one mutates facts): one copy of every file's facts, not two (50k files: 0.5 GB).
    const kept = v8.deserialize(v8.serialize(facts)) as FileFacts;
    const memo = hit ? importsMemoKept(hit, kept) : undefined;
    shards[index]!.files.set(file, { hash, size: stat!.size, mtimeMs: stat!.mtimeMs, facts: kept, digest: factsDigest(kept), ...(memo ? { memo } : {}) });
    this.dirty.add(index);
    return kept;
  };

  private dirs: { file: string; kept: Map<string, Listing>; seen: Set<string>; isDirty: boolean } | null = null;

  /**
   * The directory listings the resolution stamp keeps (src/resolve/stamp), in a file next to the
   * shards; only the directories this run walked are written back.
   */
  readonly listingsFor = (root: string): Listings => {
    if (!this.dirs) {
      const file = `${cacheFileFor(this.location, root)}.dirs`;
      const kept = readKept(file);
      const isCurrent = kept?.version === this.key && kept.values instanceof Map;
      this.dirs = { file, kept: isCurrent ? (kept.values as Map<string, Listing>) : new Map(), seen: new Set(), isDirty: false };
    }
    const dirs = this.dirs;
    return {
      get: (dir) => {
        dirs.seen.add(dir);
        return dirs.kept.get(dir);
      },
      set: (dir, listing) => {
        dirs.kept.set(dir, listing);
        dirs.isDirty = true;
      },
    };
  };

  /** `used`: the keys this run read or wrote; only they are written back (values keyed by an older facts digest go). */
  private structure: { digest: string; values: Map<string, unknown>; used: Set<string>; isDirty: boolean } | null = null;
  private configs: { file: string; kept: Map<string, { inputs: ConfigInputs; project: ProjectConfig }>; isDirty: boolean } | null = null;

  /**
   * A tsconfig's options, kept while none of the files TypeScript read for it (itself, its
   * `extends`, the files it looked for) changed: a warm run that parses nothing never loads TypeScript.
   */
  readonly projectOf = (tsconfig: string): ProjectConfig => {
    if (!this.configs) {
      // The root is the tsconfig's directory (src/pipeline rootOf), where the default cache lives.
      const file = `${cacheFileFor(this.location, fs.realpathSync(path.dirname(tsconfig)))}.tsconfig`;
      const kept = readKept(file);
      const isCurrent = kept?.version === this.key && kept.values instanceof Map;
      this.configs = { file, kept: isCurrent ? (kept.values as Map<string, { inputs: ConfigInputs; project: ProjectConfig }>) : new Map(), isDirty: false };
    }
    const hit = this.configs.kept.get(tsconfig);
    if (hit && hit.inputs.every(([input, stamp]) => inputStamp(input) === stamp)) return hit.project;
    const { project, inputs } = readTsconfig(tsconfig);
    this.configs.kept.set(tsconfig, { inputs, project });
    this.configs.isDirty = true;
    return project;
  };

  /**
   * Values kept for a graph structure (src/graph/structure-memo), in a file next to the shards: the
   * last structure's only. Read when first asked for; another digest starts empty.
   */
  readonly structureMemoOf = (digest: string): StructureMemo => {
    if (this.structure?.digest !== digest) {
      const kept = this.file ? readKept(`${this.file}.graph`) : null;
      const isCurrent = kept?.version === this.key && kept.digest === digest && kept.values instanceof Map;
      this.structure = { digest, values: isCurrent ? (kept.values as Map<string, unknown>) : new Map(), used: new Set(), isDirty: false };
    }
    const structure = this.structure;
    return {
      get: (key) => {
        const value = structure.values.get(key);
        if (value !== undefined) structure.used.add(key);
        return value;
      },
      set: (key, value) => {
        structure.values.set(key, value);
        structure.used.add(key);
        structure.isDirty = true;
      },
    };
  };

  /**
   * The memo of a file (src/cache/memo): kept with its facts when this run checked its bytes (its
   * facts were asked for), so a value is never read against bytes it was not derived from; for a
   * file the scan did not parse, kept in a file next to the shards while its size and time are unchanged.
   */
  readonly memoOf = (file: string): FileMemo | null => {
    let memo = this.memos.get(file);
    if (memo) return memo;
    const index = this.shardIndexOf(file);
    const entry = this.seenEntry(file);
    if (entry) memo = memoIn(entry, () => this.dirty.add(index), () => this.dirty.has(index));
    else {
      // A file the scan did not parse (a source file outside the graph): kept while its size and time are.
      const outside = this.outsideEntry(file);
      if (!outside) return null;
      memo = memoIn(outside, () => (this.outside!.isDirty = true), () => this.outside!.isDirty);
    }
    this.memos.set(file, memo);
    return memo;
  };

  /** The facts digest of a file this run asked the facts of (null when it has no cache entry). */
  readonly digestOf = (file: string): string | null => {
    const entry = this.seenEntry(file);
    if (!entry) return null;
    if (!entry.digest) {
      entry.digest = factsDigest(unpackedImports(entry.facts)); // a cache written before digests were kept
      this.dirty.add(this.shardIndexOf(file));
    }
    return entry.digest;
  };

  /** The entry of a file whose bytes this run checked (its facts were asked for). */
  private seenEntry(file: string): Entry | undefined {
    return this.seen.has(file) ? this.shards?.[this.shardIndexOf(file)]!.files.get(file) : undefined;
  }

  private readonly shardIndexes = new Map<string, number>();

  /** shardOf, once per path (asked for its facts, memo and digest: four times a file). */
  private shardIndexOf(file: string): number {
    let index = this.shardIndexes.get(file);
    if (index === undefined) this.shardIndexes.set(file, (index = shardOf(file)));
    return index;
  }

  private outside: { file: string; kept: Map<string, OutsideEntry>; seen: Set<string>; isDirty: boolean } | null = null;

  /** The memo holder of a file outside the graph, from the `.outside` file next to the shards. */
  private outsideEntry(file: string): OutsideEntry | null {
    if (!this.file) return null;
    if (!this.outside) {
      const kept = readKept(`${this.file}.outside`);
      const isCurrent = kept?.version === this.key && kept.values instanceof Map;
      this.outside = { file: `${this.file}.outside`, kept: isCurrent ? (kept.values as Map<string, OutsideEntry>) : new Map(), seen: new Set(), isDirty: false };
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return null;
    }
    this.outside.seen.add(file);
    let entry = this.outside.kept.get(file);
    if (!entry || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs) {
      entry = { size: stat.size, mtimeMs: stat.mtimeMs };
      this.outside.kept.set(file, entry);
      this.outside.isDirty = true;
    }
    return entry;
  }

  private load(root: string): Shard[] {
    if (this.shards) return this.shards;
    this.file = cacheFileFor(this.location, root);
    const fresh = (): Shard => ({ version: this.key, files: new Map() });
    let manifest: unknown = null;
    try {
      manifest = v8.deserialize(fs.readFileSync(this.file));
    } catch {
      // no cache yet, or one from an incompatible Node: start empty
    }
    const isCurrent = (manifest as { version?: unknown; shards?: unknown } | null)?.version === this.key && (manifest as { shards?: unknown }).shards === SHARDS;
    this.isManifestStale = !isCurrent;
    this.shards = Array.from({ length: SHARDS }, (_, i) => {
      if (!isCurrent) return fresh();
      try {
        const data = v8.deserialize(fs.readFileSync(`${this.file}.${i}`)) as Shard;
        if (data && data.version === this.key && data.files instanceof Map && data.blob instanceof Uint8Array) return withBlobViews(data);
      } catch {
        // a missing or unreadable shard: its files are parsed again
      }
      this.dirty.add(i);
      return fresh();
    });
    return this.shards;
  }

  /** Writes the shards that changed (and drops files that no longer exist). Never fails the run. */
  save(): void {
    if (this.configs?.isDirty && writeKept(this.configs.file, { version: this.key, values: this.configs.kept })) this.configs.isDirty = false;
    if (this.dirs) {
      const { seen, kept } = this.dirs;
      // Directories gone (or no longer walked) are dropped with a write; none gone and none new, no write.
      const walked = [...kept].filter(([dir]) => seen.has(dir));
      if ((this.dirs.isDirty || walked.length < kept.size) && writeKept(this.dirs.file, { version: this.key, values: new Map(walked) })) this.dirs.isDirty = false;
    }
    if (!this.shards || !this.file) return;
    if (this.outside?.isDirty) {
      const { seen } = this.outside;
      const kept = new Map([...this.outside.kept].filter(([file]) => seen.has(file)));
      if (writeKept(this.outside.file, { version: this.key, values: kept })) this.outside.isDirty = false;
    }
    this.shards.forEach((shard, i) => {
      for (const file of shard.files.keys()) {
        if (this.seen.has(file) || fs.existsSync(file)) continue;
        shard.files.delete(file);
        this.dirty.add(i);
      }
    });
    const structure = this.structure;
    if (structure?.isDirty) {
      const values = new Map([...structure.values].filter(([key]) => structure.used.has(key)));
      if (writeKept(`${this.file}.graph`, { version: this.key, digest: structure.digest, values })) structure.isDirty = false;
    }
    if (!this.dirty.size && !this.isManifestStale) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      for (const i of [...this.dirty].sort((a, b) => a - b)) writeAtomically(`${this.file}.${i}`, v8.serialize(packedShard(this.shards[i]!)));
      // The manifest last: a run that stops halfway leaves shards a later run still checks one by one.
      if (this.isManifestStale) writeAtomically(this.file, v8.serialize({ version: this.key, shards: SHARDS }));
      this.dirty.clear();
      this.isManifestStale = false;
    } catch {
      // a cache that cannot be written only costs time next run
    }
  }
}

/**
 * Each file's imports are kept as JSON text in the shard's blob: JSON.parse makes the 26,000
 * import objects of a 5k repo in about half the time v8.deserialize takes, and the imports a run
 * does not read are never parsed (most of them in a warm run: src/pipeline keptLinks).
 */
type StoredFacts = Omit<FileFacts, 'imports'> & { imports?: FileFacts['imports'] };

/** Where the JSON text of imports not read yet is (unpackedImports): the shard's blob and a range in it. */
const importsText = new WeakMap<object, { blob: Uint8Array; at: number; length: number }>();

/** The packed parts of the facts, kept as ranges of the shard's blob. */
const PACKED = ['details', 'effects', 'declBodies'] as const;

/**
 * A shard as read: each entry's packed parts as views of the blob (no copy), its imports left in
 * the blob until the run asks for the file (unpackedImports).
 */
function withBlobViews(shard: Shard): Shard {
  const blob = shard.blob!;
  for (const entry of shard.files.values()) {
    const at = entry.at;
    if (!at) continue;
    const facts = entry.facts as unknown as Record<string, unknown>;
    if (at[0]! >= 0) importsText.set(facts, { blob, at: at[0]!, length: at[1]! });
    PACKED.forEach((key, i) => {
      if (at[2 + 2 * i]! >= 0) facts[key] = blob.subarray(at[2 + 2 * i]!, at[2 + 2 * i]! + at[3 + 2 * i]!);
    });
    entry.at = undefined;
  }
  shard.blob = undefined;
  return shard;
}

/**
 * The facts as the pipeline sees them: their imports parsed when first read (in place, once per
 * entry). A warm run that needs no import of a file (its resolutions, edges and findings kept)
 * never parses them: most files' imports at 5k.
 */
function unpackedImports(facts: StoredFacts): FileFacts {
  const text = importsText.get(facts);
  if (!text || Object.getOwnPropertyDescriptor(facts, 'imports')) return facts as FileFacts;
  Object.defineProperty(facts, 'imports', {
    configurable: true,
    enumerable: true,
    get() {
      const imports = JSON.parse(Buffer.from(text.blob.buffer, text.blob.byteOffset + text.at, text.length).toString('utf8')) as FileFacts['imports'];
      Object.defineProperty(facts, 'imports', { value: imports, writable: true, configurable: true, enumerable: true });
      importsText.delete(facts);
      return imports;
    },
  });
  return facts as FileFacts;
}

/**
 * The memo slots of a changed file that depend on its imports alone (IMPORTS_SLOT), kept when the
 * new facts import the same things (an edit that adds no import keeps its resolutions).
 */
function importsMemoKept(old: Entry, facts: FileFacts): MemoSlots | undefined {
  const kept = [...(old.memo ?? [])].filter(([slot]) => slot.startsWith(IMPORTS_SLOT));
  if (!kept.length || importsSignature(unpackedImports(old.facts).imports) !== importsSignature(facts.imports)) return undefined;
  return new Map(kept);
}

/**
 * A shard as written: each entry's imports as JSON text (the bytes as read when this run did not
 * parse them) and its packed parts, all in one blob; the facts without them.
 */
function packedShard(shard: Shard): Shard {
  const files = new Map<string, Entry>();
  const parts: Uint8Array[] = [];
  let size = 0;
  const put = (bytes: Uint8Array): [number, number] => {
    parts.push(bytes);
    size += bytes.length;
    return [size - bytes.length, bytes.length];
  };
  for (const [file, entry] of shard.files) {
    const facts = entry.facts as unknown as Record<string, unknown>;
    const text = importsText.get(facts);
    const at: number[] = [];
    // Not read this run: the bytes as read, without calling the getter (reading `imports` would).
    if (text) at.push(...put(text.blob.subarray(text.at, text.at + text.length)));
    else at.push(...put(Buffer.from(JSON.stringify(facts.imports))));
    const stored: Record<string, unknown> = {};
    for (const key of Object.keys(facts)) if (key !== 'imports' && !(PACKED as readonly string[]).includes(key)) stored[key] = facts[key];
    for (const key of PACKED) {
      const value = facts[key];
      if (value instanceof Uint8Array) at.push(...put(value));
      else {
        at.push(-1, 0);
        if (value !== undefined) stored[key] = value; // module-level calls of a file with none: []
      }
    }
    files.set(file, { ...entry, facts: stored as unknown as StoredFacts, at });
  }
  return { version: shard.version, files, blob: Buffer.concat(parts, size) };
}

/** A v8-serialised record, or null when there is none or it cannot be read (then it is computed again). */
function readKept(file: string): { version?: unknown; digest?: unknown; values?: unknown } | null {
  try {
    return v8.deserialize(fs.readFileSync(file)) as { version?: unknown; digest?: unknown; values?: unknown };
  } catch {
    return null;
  }
}

/** Writes a record readKept reads; false when it cannot (a cache that cannot be written only costs time next run). */
function writeKept(file: string, value: unknown): boolean {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeAtomically(file, v8.serialize(value));
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a cache file whole, by rename. The old file is removed first: on ext4, renaming over an
 * existing file forces the new one's data, and with it the journal's (the report just written), to
 * disk before the rename returns (75 ms at the end of a 5k run). A reader that comes between the two
 * finds no file and parses again; nothing reads a half-written one.
 */
function writeAtomically(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.rmSync(file, { force: true });
  fs.renameSync(tmp, file);
}
