/**
 * The benchmark's ingestion floor (scripts/bench/ingestion.ts): contentlayer2 alone over a content
 * folder, as the build runs it, and nothing more. It must ingest every file or say it did not.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shardCount } from '../../src/pipeline/ingestShards.ts';
import { listContentFiles } from '../../src/registry/source/readContentFiles.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const script = path.join(root, 'scripts', 'bench', 'ingestion.ts');
let dir: string;
let contentDir: string;
let workDir: string;

beforeEach(() => {
  // Under the repository: contentlayer2's compiled configuration finds its packages from there.
  dir = mkdtempSync(path.join(root, '.trustline', 'test-ingestion-'));
  contentDir = path.join(dir, 'content');
  workDir = path.join(dir, 'work');
  cpSync(path.join(root, 'content'), contentDir, { recursive: true });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ingest = () =>
  spawnSync(process.execPath, [script, contentDir, workDir], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe('the ingestion floor', () => {
  it('ingests every content file of the folder in the build’s shards', () => {
    const result = ingest();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // One document for each of the demo's files.
    const files = listContentFiles(contentDir).length;
    expect(files).toBe(29);
    expect(JSON.parse(result.stdout)).toEqual({ shards: shardCount(files, availableParallelism()), documents: files });
    const products = JSON.parse(readFileSync(path.join(workDir, 'generated', 'Product', '_index.json'), 'utf8')) as {
      slug: string;
    }[];
    // Each product file's document, by the slug its file is named after.
    expect(products.map((product) => product.slug).sort()).toEqual(
      readdirSync(path.join(contentDir, 'products'))
        .map((name) => path.basename(name, '.md'))
        .sort(),
    );
  });

  it('fails, naming the file, when contentlayer2 refuses one', () => {
    const file = path.join(contentDir, 'products', 'directory-connector.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('slug: directory-connector\n', 'slug: directory-connector\ncolour: red\n'),
    );
    const result = ingest();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ingestion: contentlayer2 (content ingestion) failed');
    expect(result.stderr).toContain('products/directory-connector.md');
  });
});
