/**
 * A branded portal as its customers see it: the branded fixture (tests/fixtures/branded) built by
 * the real build, served by nginx with the site's own headers, read in Chromium. Its logo,
 * favicon, accent colour, footer links and navigation come from its vendor.yml and public/
 * folder, and its pages keep the strict Content-Security-Policy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaPolicyOf } from '../../src/pipeline/finalise.ts';
import { listFiles } from '../../src/pipeline/manifest.ts';
import { launchChromium } from '../support/browser.ts';
import { copyBrandedPortal, type BrandedPortal } from '../support/brandedPortal.ts';
import { DEMO_BUILD_DATE, runBuild } from '../support/builtSite.ts';
import { cspViolations } from '../support/cspViolations.ts';
import { serveWithNginx, type NginxServer } from '../support/nginxServer.ts';

let portal: BrandedPortal;
let siteDir: string;
let server: NginxServer;
let browser: Browser;

beforeAll(async () => {
  portal = copyBrandedPortal();
  siteDir = path.join(portal.dir, 'site');
  const result = runBuild(['--content', portal.contentDir, '--date', DEMO_BUILD_DATE, '--out', siteDir]);
  if (result.status !== 0) throw new Error(`the branded fixture did not build:\n${result.stdout}\n${result.stderr}`);
  server = await serveWithNginx(siteDir);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  portal?.cleanup();
});

async function openPage(pagePath: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage({ colorScheme });
  await page.goto(`${server.url}${pagePath}`, { waitUntil: 'load' });
  return page;
}

describe('a branded portal', () => {
  it("shows the vendor's logo in the header, with the vendor name as its alt text", async () => {
    const page = await openPage('products/');
    const logo = page.getByRole('banner').getByRole('img');
    expect(await logo.getAttribute('alt')).toBe('Harrier Cloud');
    expect(await logo.getAttribute('src')).toBe('/brand/harrier-logo.svg');
    // Served and drawn: an image that failed to load has no natural width.
    expect(await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
    // The logo's alt text names the link home, as the vendor name did.
    expect(
      await page.getByRole('banner').getByRole('link', { name: 'Harrier Cloud trust portal', exact: true }).count(),
    ).toBe(1);
    await page.close();
  });

  it("links the vendor's favicon instead of the engine's, and serves it", async () => {
    const page = await openPage('');
    const icons = await page
      .locator('link[rel="icon"]')
      .evaluateAll((links) => links.map((link) => `${link.getAttribute('href')} ${link.getAttribute('type')}`));
    expect(icons).toEqual(['/brand/harrier-icon.svg image/svg+xml']);
    const response = await page.request.get(`${server.url}brand/harrier-icon.svg`);
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'image/svg+xml']);
    await page.close();
  });

  it('colours links with the accent colour of each colour scheme', async () => {
    const colours: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openPage('', scheme);
      const link = page.getByRole('contentinfo').getByRole('link', { name: 'Service status' });
      colours.push(await link.evaluate((element) => getComputedStyle(element).color));
      await page.close();
    }
    expect(colours).toEqual(['rgb(180, 0, 90)', 'rgb(255, 126, 182)']);
  });

  it("lists the vendor's footer links under its name", async () => {
    const page = await openPage('');
    const section = page.getByRole('contentinfo').getByRole('region', { name: 'Harrier Cloud' });
    const links = await section
      .getByRole('link')
      .evaluateAll((elements) => elements.map((link) => `${link.textContent} ${link.getAttribute('href')}`));
    expect(links).toEqual([
      'Harrier Cloud home https://harrier.example',
      'Service status https://status.harrier.example',
    ]);
    await page.close();
  });

  it('has no tab for a section without documents (incidents) nor for one the vendor turned off (advisories)', async () => {
    const page = await openPage('');
    const tabs = await page.getByRole('navigation', { name: 'Site' }).getByRole('link').allTextContents();
    expect(tabs).toEqual([
      'Overview',
      'Products',
      'End of support',
      'Policies',
      'Code of Practice',
      'Subscribe',
      'Search',
    ]);
    // The advisory keeps its page: only the tab is gone.
    const advisory = await page.request.get(`${server.url}advisories/HCA-2026-0001/`);
    expect(advisory.status()).toBe(200);
    await page.close();
  });

  it('keeps the strict Content-Security-Policy on every page, without a violation in Chromium', async () => {
    const pages = listFiles(siteDir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(15);
    for (const file of pages) {
      const policy = metaPolicyOf(readFileSync(path.join(siteDir, file), 'utf8'));
      expect(policy, file).toBeDefined();
      expect(policy, file).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    }
    const urls = pages.map((file) => `${server.url}${file.replace(/index\.html$/, '')}`);
    expect(await cspViolations(browser, urls, (url) => url.slice(server.url.length))).toEqual([]);
  });
});
