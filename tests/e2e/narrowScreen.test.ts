/**
 * The demo site on a 360 px wide phone, in real Chromium: the end-of-support tables show every
 * column without sideways scrolling, end-of-support notices are separate cards, e-mail addresses
 * in the footer stay whole, and every landmark has a name of its own.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { DEMO_SITE_DIR } from '../support/builtSite.ts';
import { serveStatic, type StaticServer } from '../support/staticServer.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const phone = { width: 360, height: 800 };

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveStatic(DEMO_SITE_DIR);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: phone });
  await page.addInitScript({ path: axePath });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The right edge of each cell of a labelled column, rounded to whole pixels. */
async function rightEdges(label: string): Promise<number[]> {
  const cells = await page.locator(`td[data-label="${label}"]`).all();
  return Promise.all(
    cells.map(async (cell) => Math.round((await cell.boundingBox())!.x + (await cell.boundingBox())!.width)),
  );
}

async function pageWidth(): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth);
}

describe('on a 360 px screen', () => {
  it('shows the end of support and status of each line on the overview without sideways scrolling', async () => {
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const edges = [...(await rightEdges('End of support')), ...(await rightEdges('Status'))];
    expect(edges.length).toBe(12);
    expect(edges.filter((edge) => edge > phone.width)).toEqual([]);
    expect(await pageWidth()).toBeLessThanOrEqual(phone.width);
  });

  it('shows the end of support and the notice given of each line of a year without sideways scrolling', async () => {
    await page.goto(`${server.url}end-of-support/2026/`, { waitUntil: 'networkidle' });
    const edges = [...(await rightEdges('End of support')), ...(await rightEdges('Announced'))];
    expect(edges.length).toBe(4);
    expect(edges.filter((edge) => edge > phone.width)).toEqual([]);
    expect(await pageWidth()).toBeLessThanOrEqual(phone.width);
  });

  it('leaves a gap between consecutive end-of-support notices', async () => {
    await page.goto(`${server.url}end-of-support/`, { waitUntil: 'networkidle' });
    const gaps = await page.evaluate(() =>
      [...document.querySelectorAll('.notice + .notice')].map(
        (notice) => notice.getBoundingClientRect().top - notice.previousElementSibling!.getBoundingClientRect().bottom,
      ),
    );
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.filter((gap) => gap <= 0)).toEqual([]);
  });

  it('keeps each e-mail address in the footer on one line', async () => {
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll('.site-footer a[href^="mailto:"]')].map(
        (address) => `${address.textContent}: ${address.getClientRects().length}`,
      ),
    );
    expect(lines).toEqual(['support@kestrel.example: 1', 'security@kestrel.example: 1']);
  });
});

const pagePaths = readdirSync(DEMO_SITE_DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('index.html') && !file.startsWith('.well-known'))
  .map((file) => file.slice(0, -'index.html'.length))
  .sort();

describe('landmarks', () => {
  it.each(pagePaths)('/%s names each landmark uniquely', async (pagePath) => {
    await page.goto(server.url + pagePath, { waitUntil: 'networkidle' });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run({ runOnly: { type: 'rule', values: ['landmark-unique'] } });
      return (result.violations as { nodes: { target: string[] }[] }[]).flatMap((violation) =>
        violation.nodes.map((node) => node.target.join(' ')),
      );
    });
    expect(violations).toEqual([]);
  });
});
