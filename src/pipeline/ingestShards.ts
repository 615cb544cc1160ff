/**
 * contentlayer2 ingests the content in shards: several processes, as many at a time as there are
 * cores, each over a few thousand files. One process over all the files would use one core, and
 * contentlayer2's time and memory grow faster than its document count beyond ~15,000 documents
 * (docs/benchmarks.md).
 *
 * Each file belongs to one shard, chosen by a hash of its path, so it stays in the same shard from
 * build to build. A shard's folder holds a link to each of its files (same relative paths, so
 * contentlayer2 reports the real ones) and contentlayer2's cache and output: a hard link where
 * the cache and the content share a file system (a symbolic link cost 0.15–0.5 ms to make on
 * ext4, 10–30 times a hard link, and contentlayer2 resolves each one again), else a symbolic
 * link. A shard whose files are all unchanged since its last ingestion is not run again: after
 * editing one incident, one shard runs. A cached ingestion must never change a result, so its
 * key (the shard's signature) covers everything its output depends on: the set of files, their
 * contents, and the engine code that ingests them. The shards' outputs are joined into one
 * generated folder for the site build, which checks that every content file came through
 * (readContentlayerOutput).
 */
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { contentKinds, type ContentKind } from '../registry/schema/index.ts';
import { kindOfPath } from '../registry/source/document.ts';
import { ENGINE_ROOT } from '../cli/projectPaths.ts';
import { startStep } from './stepProcess.ts';

/** At most this many files per contentlayer2 process (docs/benchmarks.md: 7,000 documents ingest in 0.8 GB). */
export const FILES_PER_SHARD = 7_000;

export interface Shard {
  /** Its folder: contentlayer2 runs here and writes .contentlayer/ here. */
  readonly dir: string;
  /** The folder of links to its files: contentlayer2's content folder. */
  readonly contentDir: string;
  /** Paths relative to the content folder. */
  readonly files: readonly string[];
  /** The content kinds among its files: only these document types are declared to contentlayer2. */
  readonly kinds: readonly ContentKind[];
  /** Its files' paths and contents, and the ingesting engine: unchanged means its last ingestion still holds. */
  readonly signature: string;
  /** The ingesting engine's signature (engineSignature). */
  readonly engine: string;
  /** Each file's SHA-1 of its content, by path. */
  readonly hashes: Readonly<Record<string, string>>;
}

/** Where contentlayer2 is to run for a shard, over which files and document types. */
export interface Ingestion {
  /** Its working folder, where it writes .contentlayer/. */
  readonly dir: string;
  readonly contentDir: string;
  readonly kinds: readonly ContentKind[];
}

const SIGNATURE_FILE = 'ingested.sha1';
/** The engine and each file's content hash, of the last complete ingestion. */
const INGESTED_FILES = 'ingested-files.json';
/** Where the files changed since the last ingestion are ingested on their own. */
const DELTA_DIR = 'delta';
/** More changed files than this, and the whole shard is ingested again (contentlayer2 uses its own cache). */
const MOST_CHANGED_FILES = 100;
const generatedOf = (shardDir: string) => path.join(shardDir, '.contentlayer', 'generated');

/**
 * How many shards for this many files: a multiple of the number of cores (the last round of
 * processes keeps every core busy), with at most FILES_PER_SHARD files in each.
 */
export function shardCount(fileCount: number, cores: number): number {
  return cores * Math.max(1, Math.ceil(fileCount / (cores * FILES_PER_SHARD)));
}

/** The shard a file belongs to: stable for its path, whatever else is in the folder. */
export function shardOf(relativePath: string, count: number): number {
  return createHash('sha1').update(relativePath).digest().readUInt32BE(0) % count;
}

/**
 * What contentlayer2's output depends on besides the content: its configuration, the schemas that
 * name the fields, the Markdown pipeline, the engine's version and (in this repository) the locked
 * dependency versions. A new engine version changes this, so no shard ingested by an older engine
 * is reused.
 */
function engineSignature(): string {
  const hash = createHash('sha1');
  const registry = path.join(ENGINE_ROOT, 'src', 'registry');
  const files = [
    path.join(ENGINE_ROOT, 'contentlayer.config.ts'),
    path.join(ENGINE_ROOT, 'package.json'),
    path.join(ENGINE_ROOT, 'package-lock.json'),
    path.join(registry, 'markdown.ts'),
    ...readdirSync(path.join(registry, 'schema')).map((name) => path.join(registry, 'schema', name)),
  ];
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(existsSync(file) ? readFileSync(file) : '')
      .update('\0');
  return hash.digest('hex');
}

/** Splits the content folder's files into shards, each with its folder under `cacheDir`. */
export function planShards(contentDir: string, files: readonly string[], cacheDir: string, cores: number): Shard[] {
  const count = shardCount(files.length, cores);
  const members: string[][] = Array.from({ length: count }, () => []);
  for (const file of files) members[shardOf(file, count)]!.push(file);
  const engine = engineSignature();
  return members.map((shardFiles, index) => {
    const dir = path.join(cacheDir, `ingest-${count}-${index}`);
    const hash = createHash('sha1').update(`${engine}\0`);
    const hashes: Record<string, string> = {};
    for (const file of shardFiles) {
      hashes[file] = createHash('sha1')
        .update(readFileSync(path.join(contentDir, file)))
        .digest('hex');
      hash.update(`${file}\0${hashes[file]}\0`);
    }
    return {
      dir,
      contentDir: path.join(dir, 'content'),
      files: shardFiles,
      kinds: kindsOf(shardFiles),
      signature: hash.digest('hex'),
      engine,
      hashes,
    };
  });
}

const kindsOf = (files: readonly string[]): ContentKind[] =>
  (Object.keys(contentKinds) as ContentKind[]).filter((kind) => files.some((file) => kindOfPath(file) === kind));

/**
 * True when the shard's last successful ingestion was of exactly these files, contents and engine;
 * a shard with no files has nothing to ingest.
 */
export function isIngested(shard: Shard): boolean {
  if (shard.files.length === 0) return true;
  const recorded = path.join(shard.dir, SIGNATURE_FILE);
  return (
    existsSync(recorded) && readFileSync(recorded, 'utf8') === shard.signature && existsSync(generatedOf(shard.dir))
  );
}

/** What the shard's last ingestion was of: the engine and each file's content hash. */
interface IngestedFiles {
  readonly engine: string;
  readonly hashes: Readonly<Record<string, string>>;
}

/**
 * Prepares the shard's ingestion; returns where contentlayer2 is to run, or undefined when it
 * need not (files were only deleted).
 *
 * When few of the shard's files changed since its last ingestion by the same engine, only those
 * are ingested, in a folder of their own (`delta/`), and `markIngested` puts their documents in
 * the shard's output in place of the old ones: each document is a function of its own file and
 * the engine, so the output is the one a full ingestion writes. Otherwise the shard's files are
 * linked into its content folder (and nothing else), afresh (a hard link keeps the content a
 * file had when it was made, and git or an editor may replace a file by a new one), and its
 * previous output cleared: contentlayer2 leaves the folders of document types it is no longer
 * given, which would bring back files deleted since; the old output is deleted meanwhile.
 */
export function prepareShard(shard: Shard, contentDir: string): Ingestion | undefined {
  rmSync(path.join(shard.dir, SIGNATURE_FILE), { force: true });
  const delta = path.join(shard.dir, DELTA_DIR);
  rmSync(delta, { recursive: true, force: true });
  const previous = lastIngestion(shard);
  rmSync(path.join(shard.dir, INGESTED_FILES), { force: true });
  const changed = previous && shard.files.filter((file) => previous.hashes[file] !== shard.hashes[file]);
  if (changed && changed.length <= MOST_CHANGED_FILES) {
    if (changed.length === 0) return undefined;
    linkFiles(changed, contentDir, path.join(delta, 'content'));
    return { dir: delta, contentDir: path.join(delta, 'content'), kinds: kindsOf(changed) };
  }

  const generated = generatedOf(shard.dir);
  const stale = `${generated}-stale`;
  rmSync(stale, { recursive: true, force: true });
  if (existsSync(generated)) {
    renameSync(generated, stale);
    void rm(stale, { recursive: true, force: true }).catch(() => undefined);
  }
  rmSync(shard.contentDir, { recursive: true, force: true });
  linkFiles(shard.files, contentDir, shard.contentDir);
  return { dir: shard.dir, contentDir: shard.contentDir, kinds: shard.kinds };
}

/**
 * Links each file of `contentDir` into `linkDir`, under its own relative path: hard links, or
 * symbolic links once the file system refuses one (another file system, or none of hard links),
 * and for a content file that is itself a symbolic link (a hard link to it would be one too,
 * with its target read from the wrong folder).
 */
function linkFiles(files: readonly string[], contentDir: string, linkDir: string): void {
  const folders = new Set<string>();
  let hard = true;
  for (const file of files) {
    const target = path.join(contentDir, file);
    const link = path.join(linkDir, file);
    if (!folders.has(path.dirname(link))) mkdirSync(path.dirname(link), { recursive: true });
    folders.add(path.dirname(link));
    if (hard && !lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink()) {
      try {
        linkSync(target, link);
        continue;
      } catch {
        hard = false;
      }
    }
    symlinkSync(target, link);
  }
}

/** The shard's last complete ingestion by this engine, if its output is there. */
function lastIngestion(shard: Shard): IngestedFiles | undefined {
  try {
    const recorded = JSON.parse(readFileSync(path.join(shard.dir, INGESTED_FILES), 'utf8')) as IngestedFiles;
    return recorded.engine === shard.engine && existsSync(generatedOf(shard.dir)) ? recorded : undefined;
  } catch {
    return undefined;
  }
}

interface GeneratedDocument {
  readonly _raw: { readonly sourceFilePath: string };
}

/**
 * Records a successful ingestion. After a delta ingestion, each document type's index in the
 * shard's output first gets the new documents in place of the old, and loses those of deleted files.
 */
export function markIngested(shard: Shard, ingestion: Ingestion | undefined): void {
  if (ingestion?.dir !== shard.dir) {
    const present = new Set(shard.files);
    for (const kind of shard.kinds) {
      const { typeName } = contentKinds[kind];
      const read = (dir: string): GeneratedDocument[] => {
        const file = path.join(generatedOf(dir), typeName, '_index.json');
        return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as GeneratedDocument[]) : [];
      };
      const added = ingestion ? read(ingestion.dir) : [];
      const replaced = new Set(added.map((document) => document._raw.sourceFilePath));
      const kept = read(shard.dir).filter(
        ({ _raw }) => present.has(_raw.sourceFilePath) && !replaced.has(_raw.sourceFilePath),
      );
      mkdirSync(path.join(generatedOf(shard.dir), typeName), { recursive: true });
      writeFileSync(path.join(generatedOf(shard.dir), typeName, '_index.json'), JSON.stringify([...kept, ...added]));
    }
  }
  writeFileSync(
    path.join(shard.dir, INGESTED_FILES),
    JSON.stringify({ engine: shard.engine, hashes: shard.hashes } satisfies IngestedFiles),
  );
  writeFileSync(path.join(shard.dir, SIGNATURE_FILE), shard.signature);
}

// The engine's files come from its package, wherever it is installed.
const contentlayerCli = path.join(ENGINE_ROOT, 'src', 'pipeline', 'contentlayerCli.ts');
const contentlayerConfig = path.join(ENGINE_ROOT, 'contentlayer.config.ts');

/**
 * Runs contentlayer2 over each shard that needs it, as many at a time as there are cores, and
 * records each shard's ingestion; `stop` kills the running ones and starts no more.
 */
export function runIngestion(shards: readonly Shard[], env: NodeJS.ProcessEnv, contentDir: string) {
  const queue = [...shards];
  const running = new Set<ChildProcess>();
  let stopped = false;
  const worker = async () => {
    for (let shard = queue.shift(); shard && !stopped; shard = queue.shift()) {
      const ingestion = prepareShard(shard, contentDir);
      if (ingestion) {
        const step = startStep(
          'contentlayer2 (content ingestion)',
          process.execPath,
          [contentlayerCli, 'build', '--config', contentlayerConfig],
          {
            cwd: ingestion.dir,
            env: {
              ...env,
              PWD: ingestion.dir,
              TRUSTLINE_CONTENT: ingestion.contentDir,
              TRUSTLINE_INGEST_KINDS: ingestion.kinds.join(','),
            },
          },
        );
        running.add(step.child);
        await step.done.finally(() => running.delete(step.child));
      }
      markIngested(shard, ingestion);
    }
  };
  const done = Promise.all(Array.from({ length: availableParallelism() }, worker)).then(() => undefined);
  done.catch(() => undefined);
  return {
    done,
    stop: () => {
      stopped = true;
      for (const child of running) child.kill();
    },
  };
}

/** The joined generated folder (what TRUSTLINE_GENERATED points at). */
export const joinedGeneratedDir = (cacheDir: string): string => path.join(cacheDir, 'generated');

/** Concatenates each type's _index.json across the shards; removes shard folders of other plans. */
export function joinShards(cacheDir: string, shards: readonly Shard[]): string {
  const joined = joinedGeneratedDir(cacheDir);
  rmSync(joined, { recursive: true, force: true });
  // Each index is a JSON array: the joined one is their elements in one array, copied as bytes a
  // chunk at a time. Parsed and serialised, or read whole as text, 37 MB of documents at L were
  // garbage that the build's process kept for the rest of the build.
  const indexesOf = new Map<string, string[]>();
  for (const shard of shards) {
    // Only the types of the shard's own files: nothing else it may once have held.
    for (const kind of shard.kinds) {
      const { typeName } = contentKinds[kind];
      const indexFile = path.join(generatedOf(shard.dir), typeName, '_index.json');
      if (!existsSync(indexFile)) continue;
      if (!indexesOf.has(typeName)) indexesOf.set(typeName, []);
      indexesOf.get(typeName)!.push(indexFile);
    }
  }
  const chunk = Buffer.allocUnsafe(JOIN_CHUNK);
  for (const [typeName, indexFiles] of indexesOf) {
    mkdirSync(path.join(joined, typeName), { recursive: true });
    const out = openSync(path.join(joined, typeName, '_index.json'), 'w');
    try {
      writeSync(out, '[');
      let separator = '';
      for (const indexFile of indexFiles) if (appendElements(indexFile, out, separator, chunk)) separator = ',';
      writeSync(out, ']');
    } finally {
      closeSync(out);
    }
  }
  const current = new Set(shards.map((shard) => path.basename(shard.dir)));
  for (const entry of readdirSync(cacheDir)) {
    if (entry.startsWith('ingest-') && !current.has(entry))
      rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
  }
  return joined;
}

/** Bytes copied at a time when the shards' indexes are joined. */
const JOIN_CHUNK = 1 << 20;

/**
 * Appends the elements of the JSON array in `file` (what lies between its brackets), after
 * `separator`, to the file open as `out`; false, with nothing appended, when the array is empty.
 */
function appendElements(file: string, out: number, separator: string, chunk: Buffer): boolean {
  const source = openSync(file, 'r');
  try {
    const size = fstatSync(source).size;
    const tail = Buffer.alloc(Math.min(size, 64));
    readSync(source, tail, 0, tail.length, size - tail.length);
    const end = size - tail.length + tail.lastIndexOf(']');
    let at = readSync(source, chunk, 0, Math.min(size, chunk.length), 0);
    const start = chunk.indexOf('[') + 1;
    // The first element starts in the first chunk: contentlayer2 writes no long runs of white space.
    if (chunk.subarray(start, Math.min(at, end)).toString('latin1').trim() === '') return false;
    writeSync(out, separator);
    writeSync(out, chunk, start, Math.min(at, end) - start);
    while (at < end) {
      const read = readSync(source, chunk, 0, Math.min(chunk.length, end - at), at);
      if (read === 0) throw new Error(`${file} ended while it was read`);
      writeSync(out, chunk, 0, read);
      at += read;
    }
    return true;
  } finally {
    closeSync(source);
  }
}
