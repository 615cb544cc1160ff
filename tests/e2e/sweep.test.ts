/**
 * Every page in the sitemap, in real Chromium: zero axe-core violations at WCAG 2.2 AA (light and,
 * for contrast, dark scheme), nothing requested from another origin, no console error, and no
 * sideways scrolling on a 360 px wide phone; served by nginx with the site's own headers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { DEMO_SITE_DIR } from '../support/builtSite.ts';
import { serveWithNginx, type NginxServer } from '../support/nginxServer.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The sitemap's page addresses, relative to the site root ("products/edge-gateway/"). */
function sitemapPaths(): string[] {
  const index = readFileSync(path.join(DEMO_SITE_DIR, 'sitemap-index.xml'), 'utf8');
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!));
  return sitemaps.flatMap((sitemap) => {
    const xml = readFileSync(path.join(DEMO_SITE_DIR, sitemap.pathname), 'utf8');
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname.slice(1));
  });
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  const violations = await page.evaluate(
    async ([tags, only]) => {
      const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: unknown[] }> } }).axe;
      const options = only ? { runOnly: { type: 'rule', values: only } } : { runOnly: { type: 'tag', values: tags } };
      return (await axe.run(options)).violations;
    },
    [wcag22aa, rules] as const,
  );
  return (violations as AxeViolation[]).map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

const pagePaths = sitemapPaths();
let server: NginxServer;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  server = await serveWithNginx(DEMO_SITE_DIR);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  // Injected by the browser itself, before the page's scripts: the page's CSP (rightly) refuses an
  // inline <script> tag, and the test must not weaken it with bypassCSP.
  await page.addInitScript({ path: axePath });
  const origin = new URL(server.url).origin;
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) foreignRequests.push(`${page.url()} → ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('every page in the sitemap', () => {
  it('lists the portal pages', () => {
    expect(pagePaths).toEqual(
      expect.arrayContaining(['', 'products/', 'products/edge-gateway/', 'end-of-support/', 'incidents/', 'search/']),
    );
  });

  it.each(pagePaths)('/%s meets WCAG 2.2 AA in both colour schemes and fits a 360 px screen', async (pagePath) => {
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(server.url + pagePath, { waitUntil: 'networkidle' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page, ['color-contrast'])).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('requested nothing from another origin', () => {
    expect(foreignRequests).toEqual([]);
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
