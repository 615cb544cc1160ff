/**
 * contentlayer2 ingests in two processes, one per core, each over half of the files (the shard
 * is chosen in contentlayer.config.ts by TRUSTLINE_INGEST_SHARD). Each keeps its own cache in its
 * own folder; their outputs are joined into one generated folder for the site build, which
 * checks that every content file came through (readContentlayerOutput).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const INGEST_SHARDS = ['a', 'b'] as const;

/** Where shard `shard` works; contentlayer2 writes .contentlayer/ there. */
export const shardDir = (cacheDir: string, shard: string): string => path.join(cacheDir, `ingest-${shard}`);

/** The joined generated folder (what TRUSTLINE_GENERATED points at). */
export const joinedGeneratedDir = (cacheDir: string): string => path.join(cacheDir, 'generated');

/** Concatenates each type's _index.json across the shards. */
export function joinShards(cacheDir: string): string {
  const joined = joinedGeneratedDir(cacheDir);
  rmSync(joined, { recursive: true, force: true });
  const byType = new Map<string, unknown[]>();
  for (const shard of INGEST_SHARDS) {
    const generated = path.join(shardDir(cacheDir, shard), '.contentlayer', 'generated');
    if (!existsSync(generated)) continue;
    for (const entry of readdirSync(generated, { withFileTypes: true })) {
      const indexFile = path.join(generated, entry.name, '_index.json');
      if (!entry.isDirectory() || !existsSync(indexFile)) continue;
      const documents = JSON.parse(readFileSync(indexFile, 'utf8')) as unknown[];
      byType.set(entry.name, [...(byType.get(entry.name) ?? []), ...documents]);
    }
  }
  for (const [typeName, documents] of byType) {
    mkdirSync(path.join(joined, typeName), { recursive: true });
    writeFileSync(path.join(joined, typeName, '_index.json'), JSON.stringify(documents));
  }
  return joined;
}
