/**
 * npm run bench -- --size M|L|XL [--seed N] [--runs N] [--json] [--no-build] [--no-churn] [--no-floor]
 *
 * Measures check and build on a generated registry (scripts/generate.ts, cached per size and
 * seed under .trustline/bench/). Every measurement runs the real command in a fresh process, as
 * a vendor runs it (`trustline check`, `trustline build`: bin/trustline.js, which starts the
 * command's process with its options):
 *
 * - check cold: a fresh process without check's parse cache (src/registry/source/parseCache.ts);
 *   the OS file cache holds whatever the previous step left. check warm: the same command again
 *   straight after, with the parse cache and the files in the OS cache.
 * - build cold: no caches (the contentlayer2 cache of that content folder and the output folder
 *   are deleted first), at 09:00 UTC of the registry's day. build warm: the same build again
 *   after editing one incident, five minutes later.
 * - deploy churn: the files a deploy would upload, i.e. added, changed or removed between two
 *   consecutive builds into the same folder: an editor's fix (one incident edited, five minutes
 *   after a build at 09:00 UTC) and the next day's scheduled build (09:00 UTC, nothing edited).
 * - floor: a bare Astro project (scripts/bench/floor.ts) building as many pages as the cold build
 *   wrote, each about the size of its median page, then the same project with one page: what
 *   Astro alone costs per page, beside Trustline's astro phase per page. Then contentlayer2 alone
 *   over the registry, cold, as the build runs it (scripts/bench/ingestion.ts). The two give the
 *   stack's floor for a cold build: the ingestion, then the bare pages beyond the first (a build
 *   starts Astro while it ingests). `--no-floor` skips all three.
 * - peak RSS: sampled from /proc every 100 ms over the whole process tree (the command, the
 *   build's process, its contentlayer2 shards, astro, Pagefind): the largest sum over all
 *   processes alive at once.
 *
 * Figures are medians over the runs; the phase times come from the build itself
 * (TRUSTLINE_TIMINGS, src/cli/progress.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentCacheDir, parseCacheFile } from '../src/cli/cacheDir.ts';
import { addDaysTo } from '../src/registry/calendarDate.ts';
import { GENERATED_BUILD_DATE, SIZES, type SizeName } from '../src/cli/generate/syntheticRegistry.ts';
import { writeContentFolder } from '../src/cli/generate/writeContentFolder.ts';
import type { PhaseTiming } from '../src/cli/progress.ts';
import { astroCli } from '../src/cli/projectPaths.ts';
import { shardCount } from '../src/pipeline/ingestShards.ts';
import { sha256 } from '../src/registry/fingerprint.ts';
import { htmlSizes, writeFloorProject } from './bench/floor.ts';

const root = path.resolve(import.meta.dirname, '..');
const USAGE =
  'usage: npm run bench -- --size M|L|XL [--seed N] [--runs N] [--json] [--no-build] [--no-churn] [--no-floor]';

interface Measurement {
  seconds: number;
  /** Peak resident memory of the whole process tree, MiB. */
  peakTreeMiB: number;
  /** Peak of the largest single process, MiB. */
  peakProcessMiB: number;
  phases: PhaseTiming[];
}

// ---------------------------------------------------------------- measuring a process tree

/** Resident set sizes (bytes) of `rootPid` and all its descendants, from /proc. */
function treeRss(rootPid: number): number[] {
  const parentOf = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces): state ppid ... rss is field 24.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended between listing and reading.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let current: number | undefined = pid; current !== undefined && current > 1; current = parentOf.get(current)) {
      if (current === rootPid) return true;
    }
    return false;
  };
  return [...rss].filter(([pid]) => inTree(pid)).map(([, bytes]) => bytes);
}

async function measure(
  command: string[],
  env: NodeJS.ProcessEnv,
  timingsFile?: string,
  cwd = root,
): Promise<Measurement> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    env: { ...env, ...(timingsFile ? { TRUSTLINE_TIMINGS: timingsFile } : {}), CI: 'true' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let peakTree = 0;
  let peakProcess = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    const sizes = treeRss(child.pid);
    peakTree = Math.max(
      peakTree,
      sizes.reduce((a, b) => a + b, 0),
    );
    peakProcess = Math.max(peakProcess, ...sizes);
  };
  const sampler = setInterval(sample, 100);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (status !== 0) throw new Error(`${command.join(' ')} failed (${status}):\n${stderr.slice(-4000)}`);
  const phases =
    timingsFile && existsSync(timingsFile) ? (JSON.parse(readFileSync(timingsFile, 'utf8')) as PhaseTiming[]) : [];
  const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return { seconds, peakTreeMiB: mib(peakTree), peakProcessMiB: mib(peakProcess), phases };
}

// ---------------------------------------------------------------- the output

function siteFigures(siteDir: string) {
  let files = 0;
  let pages = 0;
  let bytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        files++;
        bytes += statSync(full).size;
        if (entry.name.endsWith('.html')) pages++;
      }
    }
  };
  walk(siteDir);
  return { files, pages, megabytes: Math.round((bytes / 1024 / 1024) * 10) / 10 };
}

/** Each file of a site by its path, with a SHA-256 of its bytes. */
function fileHashes(siteDir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hashes.set(path.relative(siteDir, full), sha256(readFileSync(full)));
    }
  };
  walk(siteDir);
  return hashes;
}

/** The files a deploy uploads or deletes: added, changed or removed since `before`. */
function churn(before: Map<string, string>, after: Map<string, string>) {
  const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
  const removed = [...before.keys()].filter((file) => !after.has(file));
  const files = [...changed, ...removed];
  return { files: files.length, pages: files.filter((file) => file.endsWith('.html')).length, of: after.size };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function summarise(runs: Measurement[]) {
  const phaseNames = [...new Set(runs.flatMap((run) => run.phases.map((phase) => phase.phase)))];
  return {
    runs: runs.length,
    seconds: round(median(runs.map((run) => run.seconds))),
    allSeconds: runs.map((run) => round(run.seconds)),
    peakTreeMiB: median(runs.map((run) => run.peakTreeMiB)),
    peakProcessMiB: median(runs.map((run) => run.peakProcessMiB)),
    phases: Object.fromEntries(
      phaseNames.map((name) => [
        name,
        round(median(runs.map((run) => run.phases.find((phase) => phase.phase === name)?.seconds ?? 0))),
      ]),
    ),
  };
}

function machine() {
  const cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  return {
    cpus: os.availableParallelism(),
    cpuModel,
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    loadAverage: os.loadavg().map((load) => round(load)),
  };
}

// ---------------------------------------------------------------- the floor: bare Astro

/**
 * Builds the bare Astro project (scripts/bench/floor.ts) with `pages` pages of about `pageBytes`
 * each, and with one page, in fresh processes: cold each time (output and Astro's cache deleted).
 */
async function measureFloor(pages: number, pageBytes: number, runs: number, log: (line: string) => void) {
  const astro = [process.execPath, astroCli(), 'build', '--silent'];
  const manyDir = path.join(root, '.trustline', 'bench', `floor-${pages}`);
  const oneDir = path.join(root, '.trustline', 'bench', 'floor-1');
  // The layout's own bytes, from a page without text (not measured): the text makes up the rest.
  writeFloorProject(oneDir, 1, 0);
  await measure(astro, process.env, undefined, oneDir);
  const bodyBytes = Math.max(0, pageBytes - htmlSizes(path.join(oneDir, 'dist'))[0]!);
  const many: Measurement[] = [];
  const one: Measurement[] = [];
  for (let run = 0; run < runs; run++) {
    writeFloorProject(manyDir, pages, bodyBytes);
    many.push(await measure(astro, process.env, undefined, manyDir));
    writeFloorProject(oneDir, 1, bodyBytes);
    one.push(await measure(astro, process.env, undefined, oneDir));
    log(
      `floor run ${run + 1}: ${pages} pages ${round(many.at(-1)!.seconds)} s, 1 page ${round(one.at(-1)!.seconds)} s`,
    );
  }
  const build = summarise(many);
  const onePage = summarise(one);
  return {
    pages,
    /** Median .html size in bytes: Trustline's cold build (the target) and the bare build. */
    pageBytes: { target: pageBytes, bare: median(htmlSizes(path.join(manyDir, 'dist'))) },
    build,
    onePage,
    millisecondsPerPage: {
      /** The whole bare build ÷ pages. */
      overall: round((build.seconds * 1000) / pages, 2),
      /** What each page beyond the first adds: (N pages − 1 page) ÷ (N − 1). */
      marginal: pages > 1 ? round(((build.seconds - onePage.seconds) * 1000) / (pages - 1), 2) : undefined,
    },
  };
}

/**
 * contentlayer2 alone over the registry (scripts/bench/ingestion.ts), cold each time, in a fresh
 * process with the young generation every process of a command has (bin/trustline.js).
 */
async function measureIngestion(contentDir: string, workDir: string, runs: number, log: (line: string) => void) {
  const command = [process.execPath, path.join(root, 'scripts', 'bench', 'ingestion.ts'), contentDir, workDir];
  const env = {
    ...process.env,
    NODE_OPTIONS: ['--max-semi-space-size=16', process.env['NODE_OPTIONS']].filter(Boolean).join(' '),
  };
  const measured: Measurement[] = [];
  for (let run = 0; run < runs; run++) {
    measured.push(await measure(command, env));
    log(`ingestion run ${run + 1}: ${round(measured.at(-1)!.seconds)} s`);
  }
  rmSync(workDir, { recursive: true, force: true });
  return summarise(measured);
}

// ---------------------------------------------------------------- main

/**
 * Appends a marker to the body of one incident, a different one each time (an editor's fix);
 * `undo` puts the file back, so that the generated registry stays as generated from run to run.
 */
function editOneIncident(contentDir: string, run: number): { file: string; undo: () => void } {
  const incidents = readdirSync(path.join(contentDir, 'incidents')).sort();
  const file = path.join(contentDir, 'incidents', incidents[(run * 7919) % incidents.length]!);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\nCorrected wording (benchmark edit ${run + 1}).\n`);
  return { file: path.relative(root, file), undo: () => writeFileSync(file, original) };
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        size: { type: 'string' },
        seed: { type: 'string', default: '1' },
        runs: { type: 'string', default: '3' },
        json: { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        'no-churn': { type: 'boolean', default: false },
        'no-floor': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const size = values.size?.toUpperCase() as SizeName | undefined;
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (!size || !(size === 'S' || size in SIZES) || !Number.isSafeInteger(seed) || !(runs >= 1)) {
    console.error(`bench: give --size S, M, L or XL, a whole-number --seed and --runs of at least 1\n${USAGE}`);
    return 2;
  }
  const log = values.json ? () => undefined : (line: string) => console.log(line);

  const benchDir = path.join(root, '.trustline', 'bench', `${size}-seed${seed}`);
  const contentDir = path.join(benchDir, 'content');
  const siteDir = path.join(benchDir, 'site');
  const marker = path.join(benchDir, 'generated');
  // Generated once per size and seed; the benchmark's own edits (one line appended to an incident
  // per warm build) keep the content valid, so the cache stays usable.
  let fileCount: number;
  if (existsSync(marker)) {
    fileCount = Number(readFileSync(marker, 'utf8').split(' ')[2]);
    log(`using the generated registry in ${path.relative(root, contentDir)} (${fileCount} files)`);
  } else {
    rmSync(benchDir, { recursive: true, force: true });
    mkdirSync(contentDir, { recursive: true });
    const generatedAt = performance.now();
    fileCount = writeContentFolder(size, seed, contentDir);
    writeFileSync(marker, `${size} ${seed} ${fileCount}\n`);
    log(
      `generated ${fileCount} files (size ${size}, seed ${seed}) in ${round((performance.now() - generatedAt) / 1000, 1)} s`,
    );
  }

  const node = process.execPath;
  const env = { ...process.env };
  const dateArgs = ['--content', contentDir, '--date', GENERATED_BUILD_DATE];
  // As a vendor runs them: through the command, which sets the options of every process.
  const trustline = path.join(root, 'bin', 'trustline.js');
  const checkCommand = [node, trustline, 'check', ...dateArgs];
  /** The build at `instant`, into the bench's output folder. */
  const buildAt = (instant: string) => [
    node,
    trustline,
    'build',
    '--content',
    contentDir,
    '--date',
    instant,
    '--out',
    siteDir,
  ];
  const morning = `${GENERATED_BUILD_DATE}T09:00:00Z`;
  const fiveMinutesLater = `${GENERATED_BUILD_DATE}T09:05:00Z`;
  const cacheDir = contentCacheDir(contentDir);
  const timingsFile = path.join(benchDir, 'timings.json');

  const checkCold: Measurement[] = [];
  const checkWarm: Measurement[] = [];
  const buildCold: Measurement[] = [];
  const buildWarm: Measurement[] = [];
  /** The median .html size of the first cold build's output, in bytes: the floor's page size. */
  let medianPageBytes = 0;
  for (let run = 0; run < runs; run++) {
    rmSync(parseCacheFile(contentDir), { force: true });
    checkCold.push(await measure(checkCommand, env));
    checkWarm.push(await measure(checkCommand, env));
    log(`check run ${run + 1}: cold ${round(checkCold.at(-1)!.seconds)} s, warm ${round(checkWarm.at(-1)!.seconds)} s`);
  }
  let site: ReturnType<typeof siteFigures> | undefined;
  if (!values['no-build']) {
    for (let run = 0; run < runs; run++) {
      rmSync(cacheDir, { recursive: true, force: true });
      rmSync(siteDir, { recursive: true, force: true });
      buildCold.push(await measure(buildAt(morning), env, timingsFile));
      if (run === 0) medianPageBytes = Math.round(median(htmlSizes(siteDir)));
      const edit = editOneIncident(contentDir, run);
      // An editor's fix, five minutes later: files that carry the build time change, as they would.
      buildWarm.push(await measure(buildAt(fiveMinutesLater), env, timingsFile));
      edit.undo();
      log(
        `build run ${run + 1}: cold ${round(buildCold.at(-1)!.seconds)} s (peak ${buildCold.at(-1)!.peakTreeMiB} MiB), warm ${round(buildWarm.at(-1)!.seconds)} s (peak ${buildWarm.at(-1)!.peakTreeMiB} MiB; edited ${edit.file})`,
      );
    }
    site = siteFigures(siteDir);
  }
  // Deploy churn: builds as a scheduled job runs them, at a time of day, into the same folder.
  let deployChurn:
    { oneIncidentEdited: ReturnType<typeof churn>; nextDayNothingEdited: ReturnType<typeof churn> } | undefined;
  if (!values['no-build'] && !values['no-churn']) {
    await measure(buildAt(morning), env, timingsFile);
    const first = fileHashes(siteDir);
    const edit = editOneIncident(contentDir, runs);
    await measure(buildAt(fiveMinutesLater), env, timingsFile);
    const second = fileHashes(siteDir);
    await measure(buildAt(`${addDaysTo(GENERATED_BUILD_DATE, 1)}T09:00:00Z`), env, timingsFile);
    edit.undo();
    deployChurn = { oneIncidentEdited: churn(first, second), nextDayNothingEdited: churn(second, fileHashes(siteDir)) };
    log(`deploy churn: measured with ${edit.file} edited`);
  }

  const floor = site && !values['no-floor'] ? await measureFloor(site.pages, medianPageBytes, runs, log) : undefined;
  const ingestion = floor && (await measureIngestion(contentDir, path.join(benchDir, 'ingestion'), runs, log));

  const coldBuild = buildCold.length > 0 ? summarise(buildCold) : undefined;
  const renderColdMilliseconds = coldBuild && site ? ((coldBuild.phases['astro'] ?? 0) * 1000) / site.pages : 0;
  const result = {
    size,
    seed,
    registry: size === 'S' ? 'demo content' : SIZES[size],
    files: fileCount,
    machine: machine(),
    check: { cold: summarise(checkCold), warm: summarise(checkWarm) },
    build: coldBuild && { cold: coldBuild, warm: summarise(buildWarm) },
    site: site && {
      ...site,
      millisecondsPerPage: coldBuild ? round((coldBuild.seconds * 1000) / site.pages, 1) : undefined,
      /** The astro phase (pages, with the files step beside them) per page, cold and warm. */
      renderMillisecondsPerPage: coldBuild && {
        cold: round(renderColdMilliseconds, 2),
        warm: round(((summarise(buildWarm).phases['astro'] ?? 0) * 1000) / site.pages, 2),
      },
    },
    deployChurn,
    floor: floor && {
      ...floor,
      /** Trustline's astro phase per page (cold) ÷ the bare build's time per page (overall). */
      ratio: round(renderColdMilliseconds / floor.millisecondsPerPage.overall, 1),
      /** contentlayer2 alone over the registry, cold, as the build runs it. */
      ingestion: ingestion && { shards: shardCount(fileCount, os.availableParallelism()), ...ingestion },
      /** The ingestion, then the bare build's pages beyond its first: seconds. */
      stack: ingestion && round(ingestion.seconds + floor.build.seconds - floor.onePage.seconds),
    },
  };
  writeFileSync(path.join(benchDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  const line = (label: string, figures: ReturnType<typeof summarise>) =>
    `${label.padEnd(12)} ${String(figures.seconds).padStart(8)} s  peak ${figures.peakTreeMiB} MiB (largest process ${figures.peakProcessMiB} MiB)  runs ${figures.allSeconds.join(', ')}`;
  log('');
  log(
    `size ${size}: ${fileCount} content files; ${result.machine.cpus} CPUs, ${result.machine.cpuModel}, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}, load ${result.machine.loadAverage.join(' ')}`,
  );
  log(line('check cold', result.check.cold));
  log(line('check warm', result.check.warm));
  if (result.build) {
    log(line('build cold', result.build.cold));
    log(
      `             phases: ${Object.entries(result.build.cold.phases)
        .map(([name, s]) => `${name} ${s} s`)
        .join(', ')}`,
    );
    log(line('build warm', result.build.warm));
    log(
      `             phases: ${Object.entries(result.build.warm.phases)
        .map(([name, s]) => `${name} ${s} s`)
        .join(', ')}`,
    );
  }
  if (result.site) {
    log(
      `site         ${result.site.pages} pages, ${result.site.files} files, ${result.site.megabytes} MB, ${result.site.millisecondsPerPage} ms per page (cold); astro phase per page: cold ${result.site.renderMillisecondsPerPage?.cold} ms, warm ${result.site.renderMillisecondsPerPage?.warm} ms`,
    );
  }
  if (result.deployChurn) {
    const { oneIncidentEdited: edit, nextDayNothingEdited: nextDay } = result.deployChurn;
    const words = (figures: ReturnType<typeof churn>) =>
      `${figures.files} of ${figures.of} files (${figures.pages} pages)`;
    log(`churn        one incident edited: ${words(edit)}; next day, nothing edited: ${words(nextDay)}`);
  }
  if (result.floor) {
    const { build, onePage, millisecondsPerPage: perPage, pageBytes } = result.floor;
    log(
      `floor (bare Astro) ${result.floor.pages} pages ${build.seconds} s, 1 page ${onePage.seconds} s: ${perPage.marginal} ms per page marginal, ${perPage.overall} ms per page overall`,
    );
    log(
      `             median page ${pageBytes.bare} bytes (Trustline's ${pageBytes.target}); peak ${build.peakTreeMiB} MiB; runs ${build.allSeconds.join(', ')} / ${onePage.allSeconds.join(', ')}`,
    );
    log(
      `ratio        Trustline astro phase per page (cold) ÷ bare Astro per page (overall): ${result.site?.renderMillisecondsPerPage?.cold} ÷ ${perPage.overall} ms = ${result.floor.ratio}×`,
    );
    log(
      '             (the astro phase is Astro with the engine, React and sitemap, its start and the Registry, and the files step beside it; no marginal ratio: there is no 1-page Trustline build)',
    );
    const { ingestion: alone, stack } = result.floor;
    if (alone && stack !== undefined) {
      log(
        `ingestion    contentlayer2 alone, cold, as the build runs it (${alone.shards} shards, ${result.machine.cpus} at a time): ${alone.seconds} s  peak ${alone.peakTreeMiB} MiB  runs ${alone.allSeconds.join(', ')}`,
      );
      log(
        `stack floor  the ingestion, then bare Astro's pages beyond its first: ${alone.seconds} + (${build.seconds} − ${onePage.seconds}) = ${stack} s, against a cold build of ${result.build?.cold.seconds} s`,
      );
    }
  }
  return 0;
}

process.exitCode = await main();
