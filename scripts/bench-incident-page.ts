/**
 * npm run bench:incident-page [-- --runs N]
 *
 * How long an incident's page takes to load in Chromium as its timeline grows: the demo content
 * plus three generated incidents of 10, 1,000 and 10,000 updates (src/cli/generate/), built by the
 * real build under .trustline/bench/incident-page/, served over HTTP, and each page opened `runs`
 * times in a fresh browser context. Prints the median time from navigation to the `load` event.
 * The figures are in docs/benchmarks.md ("Long incidents").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { demoContentFiles, GENERATED_BUILD_DATE, longIncidentFile } from '../src/cli/generate/syntheticRegistry.ts';

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, '.trustline', 'bench', 'incident-page');
const UPDATE_COUNTS = [10, 1_000, 10_000];
const TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript' };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function buildSite(): { siteDir: string } | { error: string } {
  const contentDir = path.join(work, 'content');
  const siteDir = path.join(work, 'site');
  rmSync(contentDir, { recursive: true, force: true });
  const files = demoContentFiles(path.join(root, 'content'));
  UPDATE_COUNTS.forEach((count, index) =>
    files.set(`incidents/INC-2026-900${index}.md`, longIncidentFile(`INC-2026-900${index}`, 'edge-gateway', count)),
  );
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
    writeFileSync(path.join(contentDir, file), text);
  }
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'scripts', 'build.ts'), '--content', contentDir, '--date', GENERATED_BUILD_DATE, '--out', siteDir],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (build.status !== 0) return { error: build.stderr };
  return { siteDir };
}

/** Serves the built site on a free port of 127.0.0.1. */
async function serve(siteDir: string) {
  const server = createServer((request, response) => {
    let file = path.join(siteDir, decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(siteDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function main(): Promise<number> {
  let runs: number;
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { runs: { type: 'string', default: '3' } } });
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number, found "${values.runs}"`);
  } catch (error) {
    console.error(`bench-incident-page: ${(error as Error).message}\nusage: npm run bench:incident-page -- [--runs N]`);
    return 2;
  }
  const built = buildSite();
  if ('error' in built) {
    console.error(`bench-incident-page: the build failed:\n${built.error}`);
    return 1;
  }
  const { siteDir } = built;
  const { server, origin } = await serve(siteDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    console.log('| Updates | HTML | Load (median of ' + runs + ') |\n| --: | --: | --: |');
    for (const [index, count] of UPDATE_COUNTS.entries()) {
      const pagePath = `/incidents/INC-2026-900${index}/`;
      const bytes = statSync(path.join(siteDir, pagePath, 'index.html')).size;
      const loads: number[] = [];
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${origin}${pagePath}`, { waitUntil: 'load', timeout: 120_000 });
        loads.push(
          await page.evaluate(
            () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
          ),
        );
        await context.close();
      }
      console.log(
        `| ${count.toLocaleString('en')} | ${Math.round(bytes / 1024)} KB | ${(median(loads) / 1000).toFixed(2)} s |`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  return 0;
}

process.exitCode = await main();
