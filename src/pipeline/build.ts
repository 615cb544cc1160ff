/**
 * The build (`npm run build`, `trustline build`):
 *
 * 1. check: the same validation as `npm run check`; any error stops the build before anything
 *    is written.
 * 2. contentlayer2 ingests the content, in shards on every core, while the check runs; shards
 *    whose files did not change are not run again (src/pipeline/ingestShards.ts).
 * 3. Astro renders the pages into a staging folder; meanwhile a worker thread writes the
 *    machine-readable files from the same contentlayer2 output, and another the Pagefind search
 *    index from the documents the first sends. Astro and the files step start with the check, to
 *    load their modules and bundle the site meanwhile, and wait for the content to be ready
 *    (src/pipeline/contentReady.ts).
 * 4. Host headers, .nojekyll and /build-manifest.json are written (src/pipeline/finalise.ts).
 * 5. The staging folder replaces the output folder (src/pipeline/atomicOutput.ts): a failed or
 *    killed build leaves the previous site exactly as it was.
 * A page whose inputs did not change since the build that wrote the output folder is carried
 * over from it rather than rendered again (src/pipeline/pageReuse.ts).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { machineFilesDirFor, publishStaging, removeStaleStaging, stagingDirFor } from './atomicOutput.ts';
import { copyBrandAssets } from './brandAssets.ts';
import { finaliseSite } from './finalise.ts';
import { pageReuseEnvironment, savePageInputs } from './pageReuse.ts';
import { AWAIT_CONTENT, signalContentReady } from './contentReady.ts';
import { isIngested, joinedGeneratedDir, joinShards, planShards, runIngestion, type Shard } from './ingestShards.ts';
import type { CheckStepInput, CheckStepResult } from './checkStep.ts';
import type { FilesStepGo, FilesStepInput, FilesStepResult } from './filesStep.ts';
import type { SearchStepInput, SearchStepResult } from './searchStep.ts';
import { startStep } from './stepProcess.ts';
import { startWorker } from './worker.ts';
import { moveInto } from './writeMachineFiles.ts';
import { parseCommonArgs } from '../cli/args.ts';
import { contentCacheDir } from '../cli/cacheDir.ts';
import { astroCli, projectRoot } from '../cli/projectPaths.ts';
import { runsInCi } from '../cli/ci.ts';
import { createProgress, saveTimings } from '../cli/progress.ts';
import { printProblems } from '../cli/report.ts';
import { BuildTimeError, resolveBuildTime } from '../registry/buildTime.ts';
import { defaultContentDir, listContentFiles, portalPublicDir } from '../registry/source/readContentFiles.ts';
import { signingKeyFromEnvironment, signingSummary } from '../outputs/signing/fromEnvironment.ts';
import { SigningKeyError } from '../outputs/signing/openpgp.ts';

const UNCHANGED = 'the previous site is unchanged';

/** Builds the site; the exit code: 0 built, 1 refused or failed (the previous site unchanged), 2 a usage error. */
export async function build(argv: readonly string[]): Promise<number> {
  let options;
  let buildTime: Date;
  try {
    options = parseCommonArgs([...argv], { out: { type: 'string' } });
    buildTime = resolveBuildTime(options.buildDate);
  } catch (error) {
    if (!(error instanceof BuildTimeError || error instanceof TypeError)) throw error;
    console.error(`build: ${error.message}\nusage: npm run build -- [--content DIR] [--date YYYY-MM-DD] [--out DIR]`);
    return 2;
  }
  const contentDir = path.resolve(options.contentDir ?? defaultContentDir());
  const outDir = path.resolve(typeof options.flags['out'] === 'string' ? options.flags['out'] : 'dist');
  // A signing key that cannot be used stops the build before any work is done.
  try {
    console.log(signingSummary(await signingKeyFromEnvironment(buildTime.toISOString())));
  } catch (error) {
    if (!(error instanceof SigningKeyError)) throw error;
    console.error(`✖ build stopped: ${error.message}; ${UNCHANGED}`);
    return 1;
  }

  // Every process of this build sees the same instant (reproducible-builds.org SOURCE_DATE_EPOCH),
  // and builds for production whatever NODE_ENV the caller had (a test runner sets "test", which
  // would ship React's development build).
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    SOURCE_DATE_EPOCH: String(Math.floor(buildTime.getTime() / 1000)),
    TRUSTLINE_CONTENT: contentDir,
  };
  const cacheDir = contentCacheDir(contentDir);
  mkdirSync(cacheDir, { recursive: true });
  // contentlayer2 writes only into its cache folder, so it ingests on every core, shard after
  // shard (src/pipeline/ingestShards.ts), while the check runs here; a failed check stops it, and
  // nothing is published either way. Shards whose files have not changed are not run again.
  let shards: Shard[] = [];
  try {
    shards = planShards(contentDir, listContentFiles(contentDir), cacheDir, availableParallelism());
  } catch {
    // An unreadable content folder: the check below says so, and stops the build.
  }
  const ingestion = runIngestion(
    shards.filter((shard) => !isIngested(shard)),
    env,
    contentDir,
  );

  const root = projectRoot();
  // What killed builds left is removed (src/pipeline/atomicOutput.ts).
  removeStaleStaging(outDir, root);
  const stagingDir = stagingDirFor(outDir, root);
  const machineDir = machineFilesDirFor(stagingDir);
  const generatedDir = joinedGeneratedDir(cacheDir);
  // What the check finds that the pages need too (the day each notice counts from, in git).
  const checkedFactsFile = path.join(cacheDir, 'checked-facts.json');
  const reuse = pageReuseEnvironment(root, cacheDir, outDir);
  // Markdown rendered by the previous build of the same code (src/registry/markdown.ts).
  const renderCache = path.join(cacheDir, `rendered-markdown-${reuse['TRUSTLINE_CODE_VERSION']!.slice(0, 16)}.v8`);
  for (const name of readdirSync(cacheDir)) {
    // Renderings of other code versions are never read again.
    if (/^rendered-markdown-.*\.v8$/.test(name) && path.join(cacheDir, name) !== renderCache) {
      rmSync(path.join(cacheDir, name), { force: true });
    }
  }
  // Astro renders the pages in its process; a worker thread writes the machine-readable files
  // (feeds, calendars, API, OpenEoX, CSAF, security.txt) from the same contentlayer2 output, on
  // the other core (src/pipeline/filesStep.ts), and sends the search documents first to the
  // search index's thread (src/pipeline/searchStep.ts). Astro and the files step start now, to
  // load their modules (and Astro to bundle the site) while the check and the ingestion run, and
  // wait until the content is ready (src/pipeline/contentReady.ts).
  const astro = startStep('astro (rendering)', process.execPath, [astroCli(), 'build', '--silent'], {
    cwd: root,
    env: {
      ...env,
      [AWAIT_CONTENT]: '1',
      TRUSTLINE_GENERATED: generatedDir,
      TRUSTLINE_OUT_DIR: stagingDir,
      TRUSTLINE_CHECKED_FACTS: checkedFactsFile,
      // Pages whose inputs are unchanged are carried over from the site in outDir.
      ...reuse,
      TRUSTLINE_RENDER_CACHE: renderCache,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const files = startWorker<FilesStepResult>(
    new URL('./filesStep.ts', import.meta.url),
    {
      contentDir,
      buildTime: buildTime.toISOString(),
      generatedDir,
      outDir: machineDir,
      renderCache,
    } satisfies FilesStepInput,
    // Machine files whose inputs are unchanged are carried over from the site in outDir.
    { env: reuse },
  );
  // Started when the content is ready: its isolate is not idle beside the ingestion.
  let search: ReturnType<typeof startWorker<SearchStepResult>> | undefined;
  const stopAll = async () => {
    check.stop();
    ingestion.stop();
    files.stop();
    search?.stop();
    astro.child.kill();
    const steps = [ingestion.done, files.result, search?.result ?? Promise.resolve(), astro.done];
    await Promise.all(steps.map((step) => step.catch(() => undefined)));
    rmSync(stagingDir, { recursive: true, force: true });
    rmSync(machineDir, { recursive: true, force: true });
  };

  const progress = createProgress();
  progress.phase('check', 'content');
  // Content that passes has its Markdown rendered next, in the same thread, for the pages and the
  // files (src/pipeline/checkStep.ts): `check.result` settles when that is done.
  const check = startWorker<CheckStepResult>(new URL('./checkStep.ts', import.meta.url), {
    contentDir,
    buildTime: buildTime.toISOString(),
    requireHistory: runsInCi(),
    renderCache,
  } satisfies CheckStepInput);
  const checked = await check.message;
  progress.end();
  printProblems(checked.problems);
  if (!checked.passed) {
    await stopAll();
    console.error(`✖ build stopped: ${checked.summary}; ${UNCHANGED}`);
    return 1;
  }
  console.log(`✔ content checked: ${checked.summary} (as of ${checked.buildDate})`);

  let carried = 0;
  let searchParts = { carried: 0, total: 0 };
  try {
    // The time contentlayer2 still needs once the check is done.
    progress.phase('contentlayer2', `${checked.fileCount} files`);
    await Promise.all([ingestion.done, check.result]);
    joinShards(cacheDir, shards);
    writeFileSync(checkedFactsFile, JSON.stringify(checked.facts));
    progress.phase('astro', 'pages, with machine-readable files and search index beside');
    signalContentReady(astro.child.stdin);
    // The search documents go from the files step's thread straight to the search index's.
    const documents = new MessageChannel();
    files.proceed({ facts: checked.facts, searchDocuments: documents.port1 } satisfies FilesStepGo, [documents.port1]);
    search = startWorker<SearchStepResult>(
      new URL('./searchStep.ts', import.meta.url),
      { documents: documents.port2, outDir: machineDir } satisfies SearchStepInput,
      // Search index parts whose documents are unchanged are carried over from the site in outDir.
      { env: reuse, transfer: [documents.port2] },
    );
    const [site, index] = await Promise.all([files.result, search.result]);
    searchParts = index.searchParts;
    await astro.done;
    moveInto(machineDir, stagingDir);
    rmSync(machineDir, { recursive: true, force: true });
    copyBrandAssets(site.brandAssets, portalPublicDir(contentDir), stagingDir);
    progress.phase('finalise', 'headers and manifest');
    finaliseSite(stagingDir, { ...site, contentDir, previousDir: outDir });
    if (process.env['TRUSTLINE_TEST_FAULT'] === 'before-publish') throw new Error('fault injected by a test');
    publishStaging(stagingDir, outDir, root);
    carried = savePageInputs(cacheDir, outDir, { ...site.outputs, ...index.outputs });
    progress.end();
    saveTimings(progress);
  } catch (error) {
    progress.end();
    await stopAll();
    console.error(`✖ build failed: ${(error as Error).message}\n${UNCHANGED}`);
    return 1;
  }
  if (carried > 0) console.log(`✔ ${carried} pages with unchanged inputs carried over from the previous build`);
  if (searchParts.carried > 0) {
    console.log(
      `✔ ${searchParts.carried} of ${searchParts.total} parts of the search index carried over: none of their pages changed`,
    );
  }
  console.log(`✔ site built in ${path.relative(process.cwd(), outDir) || '.'} (as of ${checked.buildDate})`);
  return 0;
}
