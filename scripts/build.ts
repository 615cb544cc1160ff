/**
 * npm run build [-- --content DIR --date YYYY-MM-DD --out DIR]
 *
 * 1. check: the same validation as `npm run check`; any error stops the build before anything
 *    is written.
 * 2. contentlayer2 ingests the content (in a cache folder per content folder).
 * 3. Astro renders the site into a staging folder, and Pagefind indexes it for search.
 * 4. The staging folder replaces the output folder in one rename: a failed or killed build
 *    leaves the previous site exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseCommonArgs } from '../src/cli/args.ts';
import { printProblems, summary } from '../src/cli/report.ts';
import { BuildTimeError, resolveBuildTime } from '../src/registry/buildTime.ts';
import { checkContent, defaultContentDir } from '../src/registry/loadRegistry.ts';

const root = path.resolve(import.meta.dirname, '..');

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const options = (() => {
  try {
    return parseCommonArgs(process.argv.slice(2), { out: { type: 'string' } });
  } catch (error) {
    return fail(
      `build: ${(error as Error).message}\nusage: npm run build -- [--content DIR] [--date YYYY-MM-DD] [--out DIR]`,
      2,
    );
  }
})();

const contentDir = path.resolve(options.contentDir ?? defaultContentDir());
const outDir = path.resolve(typeof options.flags['out'] === 'string' ? options.flags['out'] : 'dist');
let buildTime: Date;
try {
  buildTime = resolveBuildTime(options.buildDate);
} catch (error) {
  if (error instanceof BuildTimeError) fail(`build: ${error.message}`, 2);
  throw error;
}

// Every process of this build sees the same instant (reproducible-builds.org SOURCE_DATE_EPOCH).
const env = {
  ...process.env,
  SOURCE_DATE_EPOCH: String(Math.floor(buildTime.getTime() / 1000)),
  TRUSTLINE_CONTENT: contentDir,
};

const checked = checkContent({ contentDir, buildDate: buildTime.toISOString() });
printProblems(checked.problems);
if (!checked.registry)
  fail(`✖ build stopped: ${summary(checked.problems, checked.files.length)}; the previous site is unchanged`);
console.log(
  `✔ content checked: ${summary(checked.problems, checked.files.length)} (as of ${checked.registry.buildDate})`,
);

// contentlayer2 writes .contentlayer/ in its working folder: one cache folder per content folder.
const cacheDir = path.join(
  root,
  '.trustline',
  'cache',
  createHash('sha256').update(contentDir).digest('hex').slice(0, 16),
);
mkdirSync(cacheDir, { recursive: true });
const ingest = spawnSync(
  path.join(root, 'node_modules', '.bin', 'contentlayer2'),
  ['build', '--config', path.join(root, 'contentlayer.config.ts')],
  {
    cwd: cacheDir,
    env: { ...env, PWD: cacheDir }, // contentlayer2 takes its working folder from $PWD
    encoding: 'utf8',
  },
);
if (ingest.status !== 0)
  fail(
    `✖ contentlayer2 could not ingest the content:\n${ingest.stdout}${ingest.stderr}\nthe previous site is unchanged`,
  );

const stagingDir = path.join(path.dirname(outDir), `.${path.basename(outDir)}.staging-${process.pid}`);
rmSync(stagingDir, { recursive: true, force: true });
const render = spawnSync(path.join(root, 'node_modules', '.bin', 'astro'), ['build', '--silent'], {
  cwd: root,
  env: {
    ...env,
    TRUSTLINE_GENERATED: path.join(cacheDir, '.contentlayer', 'generated'),
    TRUSTLINE_OUT_DIR: stagingDir,
  },
  stdio: 'inherit',
});
if (render.status !== 0) {
  rmSync(stagingDir, { recursive: true, force: true });
  fail('✖ the site could not be rendered (see above); the previous site is unchanged');
}

// Pagefind indexes the rendered pages into <site>/pagefind/: search runs in the browser from the
// site's own files, with no third-party service. A failed index fails the build like a failed render.
const indexing = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', '.bin', 'pagefind'), '--site', stagingDir, '--silent'],
  { cwd: root, env, encoding: 'utf8' },
);
if (indexing.status !== 0) {
  rmSync(stagingDir, { recursive: true, force: true });
  fail(
    `✖ the search index could not be built (pagefind):\n${indexing.stdout}${indexing.stderr}\nthe previous site is unchanged`,
  );
}

// Swap: two renames on the same file system. The old site is removed only once the new is in place.
const previousDir = `${stagingDir}.previous`;
if (existsSync(outDir)) renameSync(outDir, previousDir);
renameSync(stagingDir, outDir);
rmSync(previousDir, { recursive: true, force: true });
console.log(`✔ site built in ${path.relative(process.cwd(), outDir) || '.'} (as of ${checked.registry.buildDate})`);
