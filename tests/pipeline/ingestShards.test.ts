/**
 * Ingestion shards (src/pipeline/ingestShards.ts): every content file is ingested by exactly one
 * shard, a file keeps its shard as the folder grows, and a shard whose files are unchanged is not
 * ingested again (so a warm build after one edit runs one contentlayer2 process), and a shard with
 * few changed files ingests only those, its output then holding every file's document once.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FILES_PER_SHARD,
  isIngested,
  joinShards,
  markIngested,
  planShards,
  prepareShard,
  shardCount,
} from '../../src/pipeline/ingestShards.ts';

let root: string;
let contentDir: string;
let cacheDir: string;

function write(relativePath: string, text: string): void {
  mkdirSync(path.dirname(path.join(contentDir, relativePath)), { recursive: true });
  writeFileSync(path.join(contentDir, relativePath), text);
}

const incidents = (count: number) =>
  Array.from({ length: count }, (_, index) => `incidents/INC-2026-${String(index).padStart(4, '0')}.md`);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'trustline-shards-'));
  contentDir = path.join(root, 'content');
  cacheDir = path.join(root, 'cache');
  write('vendor.yml', 'name: Example\n');
  for (const file of incidents(40)) write(file, `---\nid: ${path.basename(file, '.md')}\n---\n`);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const files = () => ['vendor.yml', ...incidents(40)];

describe('ingestion shards', () => {
  it('keeps every core busy in every round, with at most FILES_PER_SHARD files in a shard', () => {
    expect(shardCount(29, 2)).toBe(2);
    expect(shardCount(2 * FILES_PER_SHARD, 2)).toBe(2);
    expect(shardCount(2 * FILES_PER_SHARD + 1, 2)).toBe(4);
    expect(shardCount(70_006, 2)).toBe(12);
    expect(shardCount(70_006, 4)).toBe(12);
    expect(shardCount(29, 4)).toBe(4);
  });

  it('puts every file in exactly one shard, with the kinds among its files', () => {
    const shards = planShards(contentDir, files(), cacheDir, 4);
    expect(shards).toHaveLength(4);
    expect(shards.flatMap((shard) => shard.files).sort()).toEqual(files().sort());
    for (const shard of shards) {
      const expectedKinds = [
        ...(shard.files.includes('vendor.yml') ? ['vendor'] : []),
        ...(shard.files.some((file) => file.startsWith('incidents/')) ? ['incident'] : []),
      ];
      expect(shard.kinds).toEqual(expectedKinds);
    }
  });

  it('keeps a file in its shard when other files are added', () => {
    const before = planShards(contentDir, files(), cacheDir, 3);
    for (const file of incidents(45).slice(40)) write(file, '---\n---\n');
    const after = planShards(contentDir, ['vendor.yml', ...incidents(45)], cacheDir, 3);
    before.forEach((shard, index) => expect(after[index]!.files).toEqual(expect.arrayContaining([...shard.files])));
    expect(after.flatMap((shard) => shard.files)).toHaveLength(46);
  });

  it('links exactly the shard’s files, under their own relative paths', () => {
    const [shard] = planShards(contentDir, files(), cacheDir, 2);
    prepareShard(shard!, contentDir);
    const linked = readdirSync(shard!.contentDir, { recursive: true, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => path.relative(shard!.contentDir, path.join(entry.parentPath, entry.name)));
    expect(linked.sort()).toEqual([...shard!.files].sort());
    for (const file of shard!.files) {
      // The file itself (a hard link here: the cache and the content share a file system).
      const link = lstatSync(path.join(shard!.contentDir, file));
      expect(link.isSymbolicLink()).toBe(false);
      expect(link.ino).toBe(statSync(path.join(contentDir, file)).ino);
    }
  });

  it('ingests a file replaced by a new one (as git and editors replace files) with its new content', () => {
    const [shard] = planShards(contentDir, files(), cacheDir, 1);
    prepareShard(shard!, contentDir);
    // The ingestion failed (nothing marked), and the file is replaced before the next build.
    const replaced = incidents(40)[3]!;
    const fresh = path.join(root, 'fresh.md');
    writeFileSync(fresh, '---\nid: INC-2026-0003\ntitle: replaced\n---\n');
    renameSync(fresh, path.join(contentDir, replaced));
    const [again] = planShards(contentDir, files(), cacheDir, 1);
    prepareShard(again!, contentDir);
    expect(readFileSync(path.join(again!.contentDir, replaced), 'utf8')).toContain('title: replaced');
  });

  it('links a content file that is itself a symbolic link so that it reads the file it points to', () => {
    write('incidents/originals/INC-2026-9000.md', '---\nid: INC-2026-9000\n---\n');
    symlinkSync(path.join('originals', 'INC-2026-9000.md'), path.join(contentDir, 'incidents', 'INC-2026-9001.md'));
    const all = [...files(), 'incidents/INC-2026-9001.md', 'incidents/originals/INC-2026-9000.md'];
    const [shard] = planShards(contentDir, all, cacheDir, 1);
    prepareShard(shard!, contentDir);
    expect(readFileSync(path.join(shard!.contentDir, 'incidents', 'INC-2026-9001.md'), 'utf8')).toBe(
      '---\nid: INC-2026-9000\n---\n',
    );
    expect(readlinkSync(path.join(shard!.contentDir, 'incidents', 'INC-2026-9001.md'))).toBe(
      path.join(contentDir, 'incidents', 'INC-2026-9001.md'),
    );
  });

  it('is ingested again only when one of its files changed', () => {
    const shards = planShards(contentDir, files(), cacheDir, 2);
    for (const shard of shards) {
      const ingestion = prepareShard(shard, contentDir);
      expect(isIngested(shard)).toBe(false);
      mkdirSync(path.join(shard.dir, '.contentlayer', 'generated'), { recursive: true });
      markIngested(shard, ingestion);
    }
    expect(planShards(contentDir, files(), cacheDir, 2).map(isIngested)).toEqual([true, true]);

    const edited = incidents(40)[7]!;
    write(edited, '---\nid: INC-2026-0007\ntitle: edited\n---\n');
    const again = planShards(contentDir, files(), cacheDir, 2);
    expect(again.map((shard) => isIngested(shard))).toEqual(again.map((shard) => !shard.files.includes(edited)));
  });

  it('joins only the document types of a shard’s present files, never what it held before', () => {
    const [shard] = planShards(contentDir, files(), cacheDir, 1);
    const ingestion = prepareShard(shard!, contentDir);
    for (const typeName of ['Vendor', 'Incident']) {
      mkdirSync(path.join(shard!.dir, '.contentlayer', 'generated', typeName), { recursive: true });
      writeFileSync(path.join(shard!.dir, '.contentlayer', 'generated', typeName, '_index.json'), '[{}]');
    }
    markIngested(shard!, ingestion);
    for (const file of incidents(40)) rmSync(path.join(contentDir, file));

    const [after] = planShards(contentDir, ['vendor.yml'], cacheDir, 1);
    expect(after!.kinds).toEqual(['vendor']);
    expect(isIngested(after!)).toBe(false);
    const joined = joinShards(cacheDir, [after!]);
    expect(existsSync(path.join(joined, 'Vendor', '_index.json'))).toBe(true);
    expect(existsSync(path.join(joined, 'Incident'))).toBe(false);
  });

  it('joins the shards’ documents into one array, in shard order, byte for byte, however large', () => {
    const shards = planShards(contentDir, files(), cacheDir, 3);
    expect(shards.length).toBe(3);
    // Pretty-printed and larger than the chunk the join copies through, empty, and compact.
    const large = [{ id: 'a', text: `${'x'.repeat(1_500_000)} — ü` }, { id: 'b' }];
    const indexes = [JSON.stringify(large, null, 2), '[]\n', '[{"id":"c"}]'];
    for (const [index, shard] of shards.entries()) {
      const folder = path.join(shard.dir, '.contentlayer', 'generated', 'Incident');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, '_index.json'), indexes[index]!);
    }
    const joined = joinShards(cacheDir, shards);
    expect(JSON.parse(readFileSync(path.join(joined, 'Incident', '_index.json'), 'utf8'))).toEqual([
      ...large,
      { id: 'c' },
    ]);
  });

  it('ingests only the files changed since its last ingestion, and puts their documents in place of the old', () => {
    /** What contentlayer2 writes for the Incident type: one document per file, with its source path. */
    const ingest = (dir: string, files: readonly string[], title: string) => {
      const folder = path.join(dir, '.contentlayer', 'generated', 'Incident');
      mkdirSync(folder, { recursive: true });
      const documents = files.map((file) => ({ title, _raw: { sourceFilePath: file } }));
      writeFileSync(path.join(folder, '_index.json'), JSON.stringify(documents));
    };
    const [first] = planShards(contentDir, files(), cacheDir, 1);
    const full = prepareShard(first!, contentDir)!;
    expect(full.dir).toBe(first!.dir);
    ingest(full.dir, incidents(40), 'first');
    markIngested(first!, full);

    const [edited, deleted] = [incidents(40)[3]!, incidents(40)[5]!];
    write(edited, '---\nid: INC-2026-0003\ntitle: edited\n---\n');
    rmSync(path.join(contentDir, deleted));
    const [second] = planShards(
      contentDir,
      files().filter((file) => file !== deleted),
      cacheDir,
      1,
    );
    expect(isIngested(second!)).toBe(false);
    const delta = prepareShard(second!, contentDir)!;
    expect(delta.dir).toBe(path.join(second!.dir, 'delta'));
    expect(delta.kinds).toEqual(['incident']);
    expect(readdirSync(path.join(delta.contentDir, 'incidents'))).toEqual([path.basename(edited)]);
    ingest(delta.dir, [edited], 'second');
    markIngested(second!, delta);

    expect(isIngested(second!)).toBe(true);
    const joined = joinShards(cacheDir, [second!]);
    const documents = JSON.parse(readFileSync(path.join(joined, 'Incident', '_index.json'), 'utf8')) as {
      title: string;
      _raw: { sourceFilePath: string };
    }[];
    expect(documents.map(({ _raw }) => _raw.sourceFilePath).sort()).toEqual(
      incidents(40).filter((file) => file !== deleted),
    );
    expect(documents.filter(({ title }) => title === 'second').map(({ _raw }) => _raw.sourceFilePath)).toEqual([
      edited,
    ]);
  });

  it('ingests the whole shard again when the engine that ingested it last has changed', () => {
    const [shard] = planShards(contentDir, files(), cacheDir, 1);
    markIngested(shard!, prepareShard(shard!, contentDir));
    write(incidents(40)[0]!, '---\nid: INC-2026-0000\ntitle: edited\n---\n');
    const [edited] = planShards(contentDir, files(), cacheDir, 1);
    expect(prepareShard({ ...edited!, engine: 'another engine' }, contentDir)!.dir).toBe(edited!.dir);
  });
});
