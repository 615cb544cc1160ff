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
import type { Browser, Page } from 'playwright-core';
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

/** Saves a content file once with every change made; each `from` must match. */
function edit(relativePath: string, ...changes: [from: RegExp, to: string][]): void {
  const file = path.join(contentDir, relativePath);
  let text = readFileSync(file, 'utf8');
  for (const [from, to] of changes) {
    expect(text).toMatch(from);
    text = text.replace(from, to);
  }
  writeFileSync(file, text);
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
    edit('vendor.yml', [/^name: Kestrel Software$/m, 'name: Kestrel Software Preview']);
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
    edit('incidents/INC-2026-0031.md', [/^impact: major$/m, 'impact: huge']);
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
    edit('incidents/INC-2026-0031.md', [/^impact: huge$/m, 'impact: major']);
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

    edit('vendor.yml', [/^name: Kestrel Software Preview$/m, 'name: Kestrel Software Live']);
    await shown('Kestrel Software Live');
    await connected(2);

    edit('incidents/INC-2026-0031.md', [/^impact: major$/m, 'impact: huge']);
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 60_000 });
    expect(
      await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '', undefined, { timeout: 30_000 }),
    ).toContain(checkErrors()[0]);

    edit('incidents/INC-2026-0031.md', [/^impact: huge$/m, 'impact: major']);
    await overlay.waitFor({ state: 'detached', timeout: 60_000 });
    await page.close();
  }, 360_000);

  // A save that comes while a page loads (its content read, its Vite client not yet connected)
  // sends a reload that never reaches it: here the page's Vite client is held back until the
  // server has read the save. Once connected, the page must load again by itself.
  it('loads a page again by itself when content changed while it was loading', async () => {
    const page = await browser.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      '**/@vite/client',
      async (route) => {
        await held;
        await route.continue();
      },
      { times: 1 },
    );
    await page.goto(`${origin}/`, { waitUntil: 'commit', timeout: 120_000 });
    await page.locator('meta[name="trustline-content"]').waitFor({ state: 'attached', timeout: 60_000 });
    edit('vendor.yml', [/^name: .*$/m, 'name: Kestrel Software Held']);
    await waitFor((response) => response.text.includes('Kestrel Software Held'));
    release();
    await page.getByText('Kestrel Software Held').first().waitFor({ timeout: 60_000 });
    await page.close();
  }, 180_000);
});

/**
 * Every page that shows a content file follows its edits, whichever kind of file it is: the pages
 * of products, incidents, advisories and policies included, whose routes list their pages from the
 * content when the dev server first renders them.
 */
describe('npm run dev in the browser, for each kind of content file', { timeout: 360_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Opens a page once `shownBefore` is on it and its Vite client is connected: the dev server
   * pushes the reload after an edit to connected pages only.
   */
  async function openLive(pathname: string, shownBefore: string): Promise<Page> {
    const page = await browser.newPage();
    let connected = false;
    page.on('console', (message) => {
      if (message.text().includes('[vite] connected')) connected = true;
    });
    await page.goto(`${origin}${pathname}`, { timeout: 120_000 });
    await page.getByText(shownBefore).first().waitFor({ timeout: 60_000 });
    await expect.poll(() => connected, { timeout: 60_000, interval: 100 }).toBe(true);
    return page;
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  /** The text of the definition after the term `term` (the facts lists on each page). */
  const fact = (page: Page, term: string) => page.locator('dt', { hasText: term }).locator('+ dd');

  it('shows an edit to a product’s name, summary, description and support owner on the product’s page', async () => {
    const page = await openLive('/products/edge-gateway/', 'Network Products Support Team');
    edit(
      'products/edge-gateway.md',
      [/^name: Kestrel Edge Gateway$/m, 'name: Kestrel Edge Gateway Pro'],
      [/^summary: Firewall, .*$/m, 'summary: Firewall and VPN appliance for every branch.'],
      [/^supportOwner: Network Products Support Team$/m, 'supportOwner: Perimeter Support Team'],
      [
        /^Kestrel Edge Gateway is a hardened [^]*?KVM\.$/m,
        'Edge Gateway Pro is the appliance at the edge of a network.',
      ],
    );
    await heading(page).getByText('Kestrel Edge Gateway Pro', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.lead').textContent()).toBe('Firewall and VPN appliance for every branch.');
    expect(
      await page
        .getByRole('region', { name: 'About Kestrel Edge Gateway Pro' })
        .locator('.prose p')
        .first()
        .textContent(),
    ).toBe('Edge Gateway Pro is the appliance at the edge of a network.');
    expect(await fact(page, 'Support owner').textContent()).toBe('Perimeter Support Team');
    await page.close();
  });

  it('shows a newly announced end of support on the product’s page', async () => {
    const page = await openLive('/products/mobile-sdk/', 'Kestrel Mobile SDK');
    edit('products/mobile-sdk.md', [
      /^(  - name: 3\.x\n    released: 2025-12-02\n    phases:\n      - level: full\n)/m,
      '$1    endOfSupport:\n' +
        '      date: 2028-06-30\n' +
        '      announced: 2026-11-22\n' +
        '      migration: Move to Mobile SDK 4.x.\n' +
        '      risk: After the date, vulnerabilities in 3.x are not fixed.\n',
    ]);
    await page
      .getByRole('heading', { name: '3.x: support ends 30 June 2028', exact: true })
      .waitFor({ timeout: 60_000 });
    await page.close();
  });

  it('shows an edit to an incident on the incident’s page', async () => {
    const page = await openLive('/incidents/INC-2026-0029/', 'Planned maintenance: Kestrel console');
    edit('incidents/INC-2026-0029.md', [
      /^title: "Planned maintenance: Kestrel console and update service database upgrade"$/m,
      'title: "Planned maintenance: Kestrel console database upgrade"',
    ]);
    await heading(page)
      .getByText('Planned maintenance: Kestrel console database upgrade', { exact: true })
      .waitFor({ timeout: 60_000 });
    await page.close();
  });

  it('serves the page of an incident whose file is added while it runs', async () => {
    const page = await openLive('/incidents/', 'Incidents');
    const source = readFileSync(path.join(contentDir, 'incidents', 'INC-2026-0029.md'), 'utf8');
    writeFileSync(
      path.join(contentDir, 'incidents', 'INC-2026-0033.md'),
      source
        .replace(/^id: INC-2026-0029$/m, 'id: INC-2026-0033')
        .replace(/^title: .*$/m, 'title: "Planned maintenance: Kestrel update service move"'),
    );
    const link = page.getByRole('link', { name: 'Planned maintenance: Kestrel update service move', exact: true });
    await link.waitFor({ timeout: 60_000 });
    await link.click({ timeout: 30_000 });
    await heading(page)
      .getByText('Planned maintenance: Kestrel update service move', { exact: true })
      .waitFor({ timeout: 60_000 });
    await page.close();
  });

  it('shows an edit to an advisory on the advisory’s page', async () => {
    const page = await openLive('/advisories/KSA-2026-0012/', 'What happens next');
    edit(
      'advisories/KSA-2026-0012.md',
      [
        /^title: Denial of service through malformed IKEv2 messages in Edge Gateway$/m,
        'title: Denial of service through malformed IKEv2 messages',
      ],
      [/^## What happens next$/m, '## What comes next'],
    );
    await heading(page)
      .getByText('Denial of service through malformed IKEv2 messages', { exact: true })
      .waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { name: 'What comes next', exact: true }).count()).toBe(1);
    await page.close();
  });

  it('shows an edit to a policy on the policy’s page', async () => {
    const page = await openLive('/policies/support-policy/', 'Support and maintenance policy');
    edit(
      'policies/support-policy.md',
      [/^title: Support and maintenance policy$/m, 'title: Support and update policy'],
      [/^updated: 2026-09-01$/m, 'updated: 2026-11-20'],
    );
    await heading(page).getByText('Support and update policy', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.meta').textContent()).toBe('Last updated 20 November 2026');
    await page.close();
  });

  it('shows an edit to the vendor profile on a product’s page', async () => {
    const page = await openLive('/products/insight-server/', 'support@kestrel.example');
    edit('vendor.yml', [/^    email: support@kestrel\.example$/m, '    email: help@kestrel.example']);
    await page.getByRole('link', { name: 'help@kestrel.example', exact: true }).waitFor({ timeout: 60_000 });
    await page.close();
  });

  it('shows an edit to a support level on the page of a product in that level', async () => {
    const page = await openLive('/products/identity-server/', 'Full support');
    edit('support-levels.yml', [/^    name: Full support$/m, '    name: Complete support']);
    await page.getByRole('cell', { name: 'Complete support', exact: true }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { level: 3, name: 'Complete support', exact: true }).count()).toBe(1);
    await page.close();
  });
});
