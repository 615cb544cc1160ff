/**
 * Live preview (npm run dev): the real `astro dev` on a temporary copy of the demo content. An
 * edit shows within about a second, a broken file shows `check`'s own words in the page and in
 * the browser's error overlay, and the server survives it and recovers on the next save.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/registry/loadRegistry.ts';
import { formatProblem } from '../../src/registry/problems.ts';
import { launchChromium } from '../support/browser.ts';
import { DEMO_BUILD_DATE, ROOT } from '../support/builtSite.ts';

let contentDir: string;
let server: ChildProcess;
let output = '';
let origin: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function get(pathname = '/'): Promise<{ status: number; text: string }> {
  const response = await fetch(`${origin}${pathname}`, { signal: AbortSignal.timeout(60_000) });
  return { status: response.status, text: await response.text() };
}

/** Polls until the page satisfies `done`; returns how long it took. */
async function waitFor(done: (page: { status: number; text: string }) => boolean, timeoutMs = 60_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    const page = await get().catch(() => undefined);
    if (page && done(page)) return performance.now() - start;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out; server output:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function edit(relativePath: string, from: RegExp, to: string): void {
  const file = path.join(contentDir, relativePath);
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
}

function checkErrors(): string[] {
  const result = checkContent({ contentDir, buildDate: DEMO_BUILD_DATE });
  return result.problems.filter((problem) => problem.severity === 'error').map(formatProblem);
}

/**
 * The dev server as an editor starts it on their own machine: without the test runner's variables
 * (NODE_ENV=test, VITEST…) and without CI=true, under which the dev server's browser reload never
 * settled in our CI runs.
 */
function outsideVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST' && name !== 'CI',
    ),
  );
}

beforeAll(async () => {
  contentDir = mkdtempSync(path.join(tmpdir(), 'trustline-dev-'));
  cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      'dev',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: ROOT,
      env: {
        ...outsideVitest(process.env),
        TRUSTLINE_CONTENT: contentDir,
        SOURCE_DATE_EPOCH: String(Date.parse(`${DEMO_BUILD_DATE}T23:59:59Z`) / 1000),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor((page) => page.status === 200, 120_000);
});

afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(contentDir, { recursive: true, force: true });
});

describe('npm run dev', { timeout: 180_000 }, () => {
  it('serves the pages from the content folder it is pointed at', async () => {
    const page = await get();
    expect(page.status).toBe(200);
    expect(page.text).toContain('Kestrel Software');
  });

  // How fast is a matter for measurement, not for a test on a shared machine: about 0.5 s when idle.
  it('shows an edit to a content file', async () => {
    edit('vendor.yml', /^name: Kestrel Software$/m, 'name: Kestrel Software Preview');
    await waitFor((page) => page.text.includes('Kestrel Software Preview'));
    expect((await get()).text).toContain('Kestrel Software Preview');
  });

  it('serves the feeds, API and security.txt from the same content, the edit included', async () => {
    const feed = await fetch(`${origin}/feeds/all.xml`);
    expect(feed.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(await feed.text()).toContain('<title>Kestrel Software Preview: all updates</title>');
    const api = (await (await fetch(`${origin}/api/v1/index.json`)).json()) as { vendor: string };
    expect(api.vendor).toBe('Kestrel Software Preview');
    expect(await (await fetch(`${origin}/.well-known/security.txt`)).text()).toContain(
      '# Security contacts of Kestrel Software Preview.',
    );
    expect((await fetch(`${origin}/feeds/no-such-topic.xml`)).status).toBe(404);
  });

  it('answers pages and machine-readable files with the messages of check while a file is broken, and keeps running', async () => {
    edit('incidents/INC-2026-0031.md', /^impact: major$/m, 'impact: huge');
    const expected = checkErrors();
    expect(expected).toEqual([
      `${contentDir}/incidents/INC-2026-0031.md:5 impact: expected one of "none", "minor", "major", "critical", found "huge"`,
    ]);
    await waitFor((page) => page.status === 500);
    const page = await get();
    expect(page.text).toContain(expected[0]);
    const feed = await fetch(`${origin}/feeds/all.xml`);
    expect({ status: feed.status, type: feed.headers.get('content-type'), text: await feed.text() }).toEqual({
      status: 500,
      type: 'text/plain; charset=utf-8',
      text: `1 content error:\n${expected[0]}\n`,
    });
    expect((await fetch(`${origin}/favicon.svg`)).status).toBe(200);
    expect(server.exitCode).toBeNull();
    expect(output).toContain(`error: ${expected[0]}`);
  });

  it('recovers on the next good save', async () => {
    edit('incidents/INC-2026-0031.md', /^impact: huge$/m, 'impact: major');
    await waitFor((page) => page.status === 200);
    expect((await get()).text).toContain('Kestrel Software Preview');
  });
});

describe('npm run dev in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reloads an open page by itself when content changes, and shows errors in the overlay', async () => {
    const page = await browser.newPage();
    // Each load of the page connects its Vite client to the dev server, which then pushes reloads
    // and errors; an edit made before it connects would not reach the page.
    let connections = 0;
    page.on('console', (message) => {
      if (message.text().includes('[vite] connected')) connections += 1;
    });
    const connected = (count: number) =>
      expect.poll(() => connections, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(count);
    const shown = (text: string) => page.getByText(text).first().waitFor({ timeout: 60_000 });

    await page.goto(`${origin}/`, { timeout: 120_000 });
    await shown('Kestrel Software Preview');
    await connected(1);

    edit('vendor.yml', /^name: Kestrel Software Preview$/m, 'name: Kestrel Software Live');
    await shown('Kestrel Software Live');
    await connected(2);

    edit('incidents/INC-2026-0031.md', /^impact: major$/m, 'impact: huge');
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 60_000 });
    expect(
      await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '', undefined, { timeout: 30_000 }),
    ).toContain(checkErrors()[0]);

    edit('incidents/INC-2026-0031.md', /^impact: huge$/m, 'impact: major');
    await overlay.waitFor({ state: 'detached', timeout: 60_000 });
    await page.close();
  }, 360_000);
});
