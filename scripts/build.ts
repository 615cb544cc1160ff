/**
 * npm run build [-- --content DIR --date YYYY-MM-DD --out DIR]
 *
 * 1. check: the same validation as `npm run check`; any error stops the build before anything
 *    is written.
 * 2. contentlayer2 ingests the content (in a cache folder per content folder).
 * 3. Astro renders the site into a staging folder, and Pagefind indexes it for search.
 * 4. Host headers, .nojekyll and /build-manifest.json are written (src/build/finalise.ts).
 * 5. The staging folder replaces the output folder (src/build/atomicOutput.ts): a failed or
 *    killed build leaves the previous site exactly as it was.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { publishStaging, removeStaleStaging, stagingDirFor } from '../src/build/atomicOutput.ts';
import { finaliseSite } from '../src/build/finalise.ts';
import { INGEST_SHARDS, joinShards, shardDir } from '../src/build/ingestShards.ts';
import { parseCommonArgs } from '../src/cli/args.ts';
import { contentCacheDir, parseCacheFile } from '../src/cli/cacheDir.ts';
import { createProgress, saveTimings } from '../src/cli/progress.ts';
import { printProblems, summary } from '../src/cli/report.ts';
import { BuildTimeError, resolveBuildTime } from '../src/registry/buildTime.ts';
import { checkContent, defaultContentDir } from '../src/registry/loadRegistry.ts';
import { paths } from '../src/site/urls.ts';
import { enableParseCache, saveParseCache } from '../src/registry/source/parseCache.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const UNCHANGED = 'the previous site is unchanged';

class BuildFailure extends Error {}

/** Starts a step's process; `done` settles when it ends (rejecting with its output on failure). */
function start(step: string, command: string, args: string[], options: SpawnOptions) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      output = output.trim();
      if (status === 0) resolve();
      else reject(new BuildFailure(`${step} failed${output ? `:\n${output}` : ' (see above)'}`));
    });
  });
  // Awaited later; never an unhandled rejection meanwhile.
  done.catch(() => undefined);
  return { child, done };
}

/** Runs a step's process; asynchronous so the progress line can tick meanwhile. */
async function run(step: string, command: string, args: string[], options: SpawnOptions): Promise<void> {
  await start(step, command, args, options).done;
}

async function main(): Promise<number> {
  let options;
  let buildTime: Date;
  try {
    options = parseCommonArgs(process.argv.slice(2), { out: { type: 'string' } });
    buildTime = resolveBuildTime(options.buildDate);
  } catch (error) {
    if (!(error instanceof BuildTimeError || error instanceof TypeError)) throw error;
    console.error(`build: ${error.message}\nusage: npm run build -- [--content DIR] [--date YYYY-MM-DD] [--out DIR]`);
    return 2;
  }
  const contentDir = path.resolve(options.contentDir ?? defaultContentDir());
  const outDir = path.resolve(typeof options.flags['out'] === 'string' ? options.flags['out'] : 'dist');

  // Every process of this build sees the same instant (reproducible-builds.org SOURCE_DATE_EPOCH).
  const env = {
    ...process.env,
    SOURCE_DATE_EPOCH: String(Math.floor(buildTime.getTime() / 1000)),
    TRUSTLINE_CONTENT: contentDir,
  };
  const cacheDir = contentCacheDir(contentDir);
  mkdirSync(cacheDir, { recursive: true });
  // contentlayer2 writes only into its cache folder, so it ingests on both cores, in two shards
  // (src/build/ingestShards.ts), while the check runs here; a failed check stops it, and nothing
  // is published either way. contentlayer2 writes .contentlayer/ in its working folder ($PWD).
  const ingestions = INGEST_SHARDS.map((shard) => {
    const workDir = shardDir(cacheDir, shard);
    mkdirSync(workDir, { recursive: true });
    return start(
      'contentlayer2 (content ingestion)',
      process.execPath,
      [
        path.join(root, 'src', 'build', 'contentlayerCli.ts'),
        'build',
        '--config',
        path.join(root, 'contentlayer.config.ts'),
      ],
      { cwd: workDir, env: { ...env, PWD: workDir, TRUSTLINE_INGEST_SHARD: shard } },
    );
  });

  const progress = createProgress();
  progress.phase('check', 'content');
  enableParseCache(parseCacheFile(contentDir));
  const checked = checkContent({ contentDir, buildDate: buildTime.toISOString() });
  saveParseCache();
  progress.end();
  printProblems(checked.problems);
  if (!checked.registry) {
    for (const ingestion of ingestions) ingestion.child.kill();
    await Promise.allSettled(ingestions.map((ingestion) => ingestion.done));
    console.error(`✖ build stopped: ${summary(checked.problems, checked.files.length)}; ${UNCHANGED}`);
    return 1;
  }
  const { registry } = checked;
  console.log(`✔ content checked: ${summary(checked.problems, checked.files.length)} (as of ${registry.buildDate})`);

  removeStaleStaging(outDir, root);
  const stagingDir = stagingDirFor(outDir, root);
  try {
    // The time contentlayer2 still needs once the check is done.
    progress.phase('contentlayer2', `${checked.files.length} files`);
    await Promise.all(ingestions.map((ingestion) => ingestion.done)).catch((error: unknown) => {
      for (const ingestion of ingestions) ingestion.child.kill();
      throw error;
    });
    const generatedDir = joinShards(cacheDir);
    progress.phase('astro', 'rendering');
    await run('astro (rendering)', bin('astro'), ['build', '--silent'], {
      cwd: root,
      env: {
        ...env,
        TRUSTLINE_GENERATED: generatedDir,
        TRUSTLINE_OUT_DIR: stagingDir,
      },
      stdio: 'inherit',
    });
    // Pagefind indexes the rendered pages into <site>/pagefind/: search runs in the browser from
    // the site's own files, with no third-party service.
    // Only the pages that mark their content for the index (data-pagefind-body: products,
    // incidents, advisories, policies) are read; the index is identical, and Pagefind no longer
    // parses the list pages and machine files (L registry: 58 s -> 32 s).
    progress.phase('pagefind', 'search index');
    const searchable = `{${[paths.product, paths.incident, paths.advisory, paths.policy].map((page) => page('*')).join(',')}}index.html`;
    await run(
      'pagefind (search index)',
      process.execPath,
      [bin('pagefind'), '--site', stagingDir, '--glob', searchable, '--silent'],
      { cwd: root, env },
    );
    if (process.env['TRUSTLINE_TEST_FAULT'] === 'after-render') throw new Error('fault injected by a test');
    progress.phase('finalise', 'headers and manifest');
    finaliseSite(stagingDir, {
      buildDate: registry.buildDate,
      buildTime: registry.buildTime,
      contentDir,
      basePath: registry.vendor.site.basePath,
    });
    publishStaging(stagingDir, outDir);
    progress.end();
    saveTimings(progress);
  } catch (error) {
    progress.end();
    rmSync(stagingDir, { recursive: true, force: true });
    console.error(`✖ build failed: ${(error as Error).message}\n${UNCHANGED}`);
    return 1;
  }
  console.log(`✔ site built in ${path.relative(process.cwd(), outDir) || '.'} (as of ${registry.buildDate})`);
  return 0;
}

process.exitCode = await main();
