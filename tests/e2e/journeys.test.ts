/**
 * The questions a customer comes with, answered on the demo site in real Chromium: which release
 * lines are supported and until when, what the last incident was, which advisories apply. The
 * site is served by nginx with its own `_headers.nginx.conf`, as production serves it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { DEMO_SITE_DIR } from '../support/builtSite.ts';
import { serveWithNginx, type NginxServer } from '../support/nginxServer.ts';

let server: NginxServer;
let browser: Browser;
let withScript: BrowserContext;
let withoutScript: BrowserContext;
let page: Page;
let plainPage: Page;

beforeAll(async () => {
  server = await serveWithNginx(DEMO_SITE_DIR);
  browser = await launchChromium();
  withScript = await browser.newContext();
  withoutScript = await browser.newContext({ javaScriptEnabled: false });
  page = await withScript.newPage();
  plainPage = await withoutScript.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const cardTitles = (target: Page) => target.locator('.catalogue li.card h3').allInnerTexts();

/**
 * The elements that moved while a page loaded, in a fresh page, until `ready` is shown and half a
 * second more (Layout Instability API: each layout-shift entry names what moved).
 */
async function layoutShifts(pagePath: string, ready: string): Promise<string[]> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { __shifts: string[] }).__shifts = shifts;
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) {
        const { sources } = entry as unknown as { sources: { node: Element | null }[] };
        shifts.push(sources.map((source) => source.node?.className || source.node?.nodeName || '?').join(', '));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const loading = await context.newPage();
  await loading.goto(server.url + pagePath);
  await loading.locator(ready).first().waitFor();
  await loading.waitForTimeout(500);
  const shifts = await loading.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts);
  await context.close();
  return shifts;
}

describe('finding a product and its end of support', () => {
  it('narrows the catalogue to the matching product as the reader types', async () => {
    await page.goto(`${server.url}products/`);
    await page.getByLabel('Search products').fill('gateway');
    expect(await cardTitles(page)).toEqual(['Kestrel Edge Gateway']);
    await expect.poll(() => page.getByRole('status').innerText()).toBe('1 of 7 products match');
  });

  it('filters the catalogue by status', async () => {
    await page.goto(`${server.url}products/`);
    await page.getByLabel('Status').selectOption({ label: 'Ending soon' });
    expect(await cardTitles(page)).toEqual(['Kestrel Directory Connector']);
  });

  it('filters the catalogue by category', async () => {
    await page.goto(`${server.url}products/`);
    await page.getByLabel('Category').selectOption('Identity and access');
    expect(await cardTitles(page)).toEqual(['Kestrel Directory Connector', 'Kestrel Identity']);
  });

  it('says no product matches, and shows none, when nothing does', async () => {
    await page.goto(`${server.url}products/`);
    await page.getByLabel('Search products').fill('gateway');
    await page.getByLabel('Status').selectOption({ label: 'No longer supported' });
    expect(await cardTitles(page)).toEqual([]);
    await expect.poll(() => page.getByRole('status').innerText()).toBe('0 of 7 products match');
    await page.getByLabel('Status').selectOption({ label: 'Any status' });
    expect(await cardTitles(page)).toEqual(['Kestrel Edge Gateway']);
  });

  it('keeps the catalogue still while its filters come to life: no layout shift', async () => {
    expect(await layoutShifts('products/', '#catalogue-text:enabled')).toEqual([]);
  });

  it('lists every product, with category links, without JavaScript', async () => {
    await plainPage.goto(`${server.url}products/`);
    expect(await cardTitles(plainPage)).toHaveLength(7);
    expect(await plainPage.getByLabel('Search products').isVisible()).toBe(false);
    await plainPage.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Networking' }).click();
    expect(new URL(plainPage.url()).hash).toBe('#category-networking');
  });

  it('shows each release line’s status and end of support on the product page', async () => {
    await page.goto(`${server.url}products/`);
    await page.getByRole('link', { name: 'Kestrel Edge Gateway' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Kestrel Edge Gateway');
    const row = page.getByRole('row', { name: /^5\.x/ });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      'Ending soon',
      'Security maintenance until 30 September 2027',
      '2 October 2023',
      '30 September 2027',
      '30 September 2027\nends in 312 days',
      '6.x',
    ]);
  });

  it('draws the lifecycle picture with a text alternative', async () => {
    await page.goto(`${server.url}products/edge-gateway/`);
    const picture = page.getByRole('img', { name: 'Lifecycle of Kestrel Edge Gateway release lines' });
    expect(await picture.count()).toBe(1);
    expect(await page.locator('.tl-row.tl-ended text').first().textContent()).toBe('4.x');
  });
});

describe('reading an incident', () => {
  it('filters the incident history by product', async () => {
    await page.goto(`${server.url}incidents/`);
    await page.getByLabel('Product').selectOption({ label: 'Kestrel Vault Backup' });
    expect(await page.locator('main h3').allInnerTexts()).toEqual([
      'Backups to the Kestrel Vault Dublin region failing intermittently',
      'Vault Backup job-status e-mails delayed',
      'Update downloads and update checks failing because of an expired certificate',
    ]);
  });

  it('reaches an incident of an earlier year in two clicks, through the archive of its year', async () => {
    await page.goto(`${server.url}incidents/`);
    await page.getByRole('navigation', { name: 'Archive by year' }).getByRole('link', { name: '2025' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Incidents in 2025');
    expect(await page.locator('main .archive-list > li > a').allInnerTexts()).toEqual([
      'High CPU use on Windows devices after an Endpoint Agent detection content update',
      'Tampered Android package of Mobile SDK 2.6.1 briefly published to the Kestrel Maven repository',
      'Edge Gateway 5.3.0 caused repeated failovers in high-availability pairs',
    ]);
    expect(await page.locator('main .archive-list > li small').last().innerText()).toBe(
      'INC-2025-0004, 15 January, critical impact',
    );
    await page
      .getByRole('link', { name: 'Edge Gateway 5.3.0 caused repeated failovers in high-availability pairs' })
      .click();
    await expect
      .poll(() => page.locator('h1').innerText())
      .toBe('Edge Gateway 5.3.0 caused repeated failovers in high-availability pairs');
  });

  it('lists every year of incidents below the history, with how many each holds', async () => {
    await plainPage.goto(`${server.url}incidents/`);
    expect(
      await plainPage.getByRole('navigation', { name: 'Archive by year' }).getByRole('listitem').allInnerTexts(),
    ).toEqual(['2026 (6)', '2025 (3)']);
  });

  it('opens the ongoing incident from the overview and shows its latest update in UTC with its age', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Backups to the Kestrel Vault Dublin region failing intermittently' }).click();
    await expect
      .poll(() => page.locator('h1').innerText())
      .toBe('Backups to the Kestrel Vault Dublin region failing intermittently');
    expect(await page.locator('main .meta .badge').first().innerText()).toBe('Ongoing');
    const firstUpdate = await page.locator('.updates > li h3').first().innerText();
    // Its age counts calendar days from the build date (2026-11-22).
    expect(firstUpdate).toBe('Monitoring\n22 November 2026, 02:30 UTC (today)');
  });
});

describe('searching', () => {
  it('finds an incident by a word in its text through the static Pagefind index', async () => {
    await page.goto(`${server.url}search/`);
    await page.getByRole('textbox', { name: 'Search' }).fill('failover');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor();
    expect(await result.innerText()).toBe('Edge Gateway 5.3.0 caused repeated failovers in high-availability pairs');
  });

  it('searches the words given in the address on arrival, shown in the search box', async () => {
    await page.goto(`${server.url}search/?q=failover`);
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor();
    expect(await result.innerText()).toBe('Edge Gateway 5.3.0 caused repeated failovers in high-availability pairs');
    expect(await page.getByRole('textbox', { name: 'Search' }).inputValue()).toBe('failover');
  });

  it('keeps the page still while the search box and the results arrive: no layout shift', async () => {
    expect(await layoutShifts('search/?q=gateway', '.pagefind-ui__result-link')).toEqual([]);
  });
});

describe('subscribing', () => {
  it('gives the feed and calendar addresses of a chosen product', async () => {
    await page.goto(`${server.url}subscribe/`);
    await page.getByLabel('Kestrel Edge Gateway').check();
    const addresses = await page.locator('.subscribe table code').allInnerTexts();
    expect(addresses).toContain('https://trust.kestrel.example/products/edge-gateway/feed.xml');
    expect(addresses).toContain('https://trust.kestrel.example/products/edge-gateway/end-of-support.ics');
  });
});

describe('printing', () => {
  it("prints a product's support statement in black on white, with the addresses of its links, whatever the colour scheme", async () => {
    // A4's printable width at 96 dpi with default margins is about 700 px.
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 700, height: 1000 } });
    const printed = await context.newPage();
    await printed.goto(`${server.url}products/edge-gateway/`);
    await printed.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const looks = await printed.evaluate(() => {
      const body = getComputedStyle(document.body);
      const link = document.querySelector('main a[href="https://downloads.kestrel.example/extended"]');
      return {
        text: body.color,
        background: body.backgroundColor,
        navigation: getComputedStyle(document.querySelector('.site-nav')!).display,
        linkAddress: link && getComputedStyle(link, '::after').content,
        overflows: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    });
    await context.close();
    expect(looks).toEqual({
      text: 'rgb(0, 0, 0)',
      background: 'rgb(255, 255, 255)',
      navigation: 'none',
      linkAddress: '" (https://downloads.kestrel.example/extended)"',
      overflows: false,
    });
  });
});
