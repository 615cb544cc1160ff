/**
 * node scripts/bench/ingestion.ts CONTENT_DIR WORK_DIR
 *
 * The benchmark's ingestion floor (scripts/bench.ts): contentlayer2 alone over a content folder,
 * cold, as a build runs it (the same shards, processes and options, as many at a time as there
 * are cores: src/pipeline/ingestShards.ts), with nothing beside it: no check, no Astro, no
 * machine-readable files. WORK_DIR is emptied first and then holds the shards. Exits 1 unless
 * every content file came through.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { cacheCompiledModules } from '../../src/cli/cacheDir.ts';
import { joinShards, planShards, runIngestion } from '../../src/pipeline/ingestShards.ts';
import { readContentlayerOutput } from '../../src/registry/source/readContentlayerOutput.ts';
import { listContentFiles } from '../../src/registry/source/readContentFiles.ts';

cacheCompiledModules();
const [contentArg, workArg] = process.argv.slice(2);
if (!contentArg || !workArg) {
  console.error('usage: node scripts/bench/ingestion.ts CONTENT_DIR WORK_DIR');
  process.exit(2);
}
const contentDir = path.resolve(contentArg);
const workDir = path.resolve(workArg);
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });

const shards = planShards(contentDir, listContentFiles(contentDir), workDir, availableParallelism());
try {
  await runIngestion(shards, { ...process.env, NODE_ENV: 'production' }, contentDir).done;
} catch (error) {
  console.error(`ingestion: ${(error as Error).message}`);
  process.exit(1);
}
const { documents, problems } = readContentlayerOutput(joinShards(workDir, shards), contentDir);
for (const problem of problems) console.error(`ingestion: ${problem.file}: ${problem.message}`);
console.log(JSON.stringify({ shards: shards.length, documents: documents.length }));
process.exitCode = problems.length > 0 ? 1 : 0;
