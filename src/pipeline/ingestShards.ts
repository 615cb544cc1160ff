/**
 * contentlayer2 ingests the content in shards: several processes, as many at a time as there are
 * cores, each over a few thousand files. One process over all the files would use one core, and
 * contentlayer2's time and memory grow faster than its document count beyond ~15,000 documents
 * (docs/benchmarks.md).
 *
 * Each file belongs to one shard, chosen by a hash of its path, so it stays in the same shard from
 * build to build. A shard's folder holds a link to each of its files (same relative paths, so
 * contentlayer2 reports the real ones) and contentlayer2's cache and output. A shard whose files are
 * all unchanged since its last ingestion is not run again: after editing one incident, one shard
 * runs. A cached ingestion must never change a result, so its key (the shard's signature) covers
 * everything its output depends on: the set of files, their contents, and the engine code that
 * ingests them. The shards' outputs are joined into one generated folder for the site build, which
 * checks that every content file came through (readContentlayerOutput).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentKinds, type ContentKind } from '../registry/schema/index.ts';
import { kindOfPath } from '../registry/source/document.ts';
import { ENGINE_ROOT } from '../cli/projectPaths.ts';

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
}

const SIGNATURE_FILE = 'ingested.sha1';
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
    for (const file of shardFiles)
      hash
        .update(`${file}\0`)
        .update(readFileSync(path.join(contentDir, file)))
        .update('\0');
    const kinds = (Object.keys(contentKinds) as ContentKind[]).filter((kind) =>
      shardFiles.some((file) => kindOfPath(file) === kind),
    );
    return { dir, contentDir: path.join(dir, 'content'), files: shardFiles, kinds, signature: hash.digest('hex') };
  });
}

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

/**
 * Links the shard's files into its content folder (and nothing else), before contentlayer2 runs,
 * and clears its previous output: contentlayer2 leaves the folders of document types it is no
 * longer given, which would bring back files deleted since.
 */
export function prepareShard(shard: Shard, contentDir: string): void {
  rmSync(path.join(shard.dir, SIGNATURE_FILE), { force: true });
  rmSync(generatedOf(shard.dir), { recursive: true, force: true });
  rmSync(shard.contentDir, { recursive: true, force: true });
  const folders = new Set<string>();
  for (const file of shard.files) {
    const link = path.join(shard.contentDir, file);
    if (!folders.has(path.dirname(link))) mkdirSync(path.dirname(link), { recursive: true });
    folders.add(path.dirname(link));
    symlinkSync(path.join(contentDir, file), link);
  }
}

/** Records a successful ingestion. */
export function markIngested(shard: Shard): void {
  writeFileSync(path.join(shard.dir, SIGNATURE_FILE), shard.signature);
}

/** The joined generated folder (what TRUSTLINE_GENERATED points at). */
export const joinedGeneratedDir = (cacheDir: string): string => path.join(cacheDir, 'generated');

/** Concatenates each type's _index.json across the shards; removes shard folders of other plans. */
export function joinShards(cacheDir: string, shards: readonly Shard[]): string {
  const joined = joinedGeneratedDir(cacheDir);
  rmSync(joined, { recursive: true, force: true });
  const byType = new Map<string, unknown[]>();
  for (const shard of shards) {
    // Only the types of the shard's own files: nothing else it may once have held.
    for (const kind of shard.kinds) {
      const { typeName } = contentKinds[kind];
      const indexFile = path.join(generatedOf(shard.dir), typeName, '_index.json');
      if (!existsSync(indexFile)) continue;
      let documents = byType.get(typeName);
      if (!documents) byType.set(typeName, (documents = []));
      documents.push(...(JSON.parse(readFileSync(indexFile, 'utf8')) as unknown[]));
    }
  }
  for (const [typeName, documents] of byType) {
    mkdirSync(path.join(joined, typeName), { recursive: true });
    writeFileSync(path.join(joined, typeName, '_index.json'), JSON.stringify(documents));
  }
  const current = new Set(shards.map((shard) => path.basename(shard.dir)));
  for (const entry of readdirSync(cacheDir)) {
    if (entry.startsWith('ingest-') && !current.has(entry))
      rmSync(path.join(cacheDir, entry), { recursive: true, force: true });
  }
  return joined;
}
