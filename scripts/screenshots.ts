/**
 * npx node scripts/screenshots.ts [SITE_DIR] [OUT_DIR] [NAME=PAGE_PATH ...]
 *
 * Screenshots of the main pages of a built site in the light and dark colour schemes, in real
 * Chromium (docs/screenshots/ by default, from the demo site that the tests build). NAME=PAGE_PATH
 * pairs choose other pages, e.g. the branded example (tests/fixtures/branded/README.md):
 * `node scripts/screenshots.ts /tmp/branded/site docs/screenshots branded-overview=`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/support/browser.ts';
import { DEMO_SITE_DIR } from '../tests/support/builtSite.ts';
import { serveStatic } from '../tests/support/staticServer.ts';

const siteDir = process.argv[2] ?? DEMO_SITE_DIR;
const outDir = path.resolve(process.argv[3] ?? 'docs/screenshots');

const chosen = process.argv.slice(4).map((pair) => {
  const [name = '', pagePath = ''] = pair.split('=');
  return { name, path: pagePath };
});
const demoPages = [
  { name: 'overview', path: '' },
  { name: 'products', path: 'products/' },
  { name: 'product', path: 'products/edge-gateway/' },
  { name: 'end-of-support', path: 'end-of-support/' },
  { name: 'incident', path: 'incidents/INC-2026-0031/' },
  { name: 'advisory', path: 'advisories/KSA-2025-0006/' },
];
const pages = chosen.length > 0 ? chosen : demoPages;

mkdirSync(outDir, { recursive: true });
const server = await serveStatic(siteDir);
const browser = await launchChromium();
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ colorScheme, viewport: { width: 1200, height: 1000 } });
    for (const { name, path: pagePath } of pages) {
      await page.goto(server.url + pagePath, { waitUntil: 'networkidle' });
      const file = path.join(outDir, `${name}-${colorScheme}.png`);
      // The first screenful: what a reader sees on arrival, and small enough to keep in git.
      await page.screenshot({ path: file });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
