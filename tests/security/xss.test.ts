/**
 * 45 known XSS payloads go through the real build and the real browser — in Markdown bodies and
 * fields, titles, product names and summaries — and nothing executes. Whatever the sanitiser
 * removes is reported by the check; payloads in ids and URLs are refused with a message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pipeline/manifest.ts';
import { checkContent } from '../../src/registry/loadRegistry.ts';
import { unsafeMarkdown } from '../../src/registry/markdown.ts';
import { launchChromium } from '../support/browser.ts';
import { runBuild, type BuildResult } from '../support/builtSite.ts';
import {
  advisory,
  BUILD_DATE,
  createContent,
  incident,
  markdownFile,
  product,
  type Fixture,
} from '../support/contentFixture.ts';
import { serveStatic, type StaticServer } from '../support/staticServer.ts';
import { xssPayloads } from './xssPayloads.ts';

const plainTitle = (payload: string) => payload.replace(/\n/g, ' ').slice(0, 140);

function hostileContent(): Fixture {
  const content = createContent();
  content.write(
    'products/gateway.md',
    markdownFile(
      product({ name: plainTitle(xssPayloads[1]), summary: plainTitle(xssPayloads[0]) }),
      `${xssPayloads.join('\n\n')}\n`,
    ),
  );
  xssPayloads.forEach((payload, index) => {
    const id = `INC-2026-${String(100 + index).padStart(4, '0')}`;
    content.write(
      `incidents/${id}.md`,
      markdownFile(
        {
          ...incident,
          id,
          title: plainTitle(payload),
          customerActions: payload,
          updates: [{ at: '2026-11-01T09:10:00Z', status: 'investigating', text: payload }],
        },
        `${payload}\n`,
      ),
    );
  });
  content.write(
    'advisories/FSA-2026-0001.md',
    markdownFile(
      { ...advisory, title: plainTitle(xssPayloads[2]), remediations: [{ kind: 'workaround', text: xssPayloads[3] }] },
      `${xssPayloads[4]}\n`,
    ),
  );
  return content;
}

let content: Fixture;
let out: string;
let build: BuildResult;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  content = hostileContent();
  out = mkdtempSync(path.join(tmpdir(), 'trustline-xss-site-'));
  build = runBuild(['--content', content.dir, '--date', BUILD_DATE, '--out', out]);
  browser = await launchChromium();
  server = await serveStatic(out);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  content?.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('hostile content', () => {
  it('has at least 40 payloads', () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(40);
  });

  it('builds, with a warning for everything the sanitiser removes', () => {
    expect(build.status, build.stderr).toBe(0);
    for (const [index, payload] of xssPayloads.entries()) {
      if (unsafeMarkdown(payload).length === 0) continue;
      const file = `${content.dir}/incidents/INC-2026-${String(100 + index).padStart(4, '0')}.md`;
      expect(build.stderr, payload).toContain(`warning: ${file}`);
    }
  });

  it('runs no payload on any page of the built site', async () => {
    const pages = listFiles(out).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(xssPayloads.length);
    const context = await browser.newContext();
    const page = await context.newPage();
    const executed: string[] = [];
    page.on('dialog', (dialog) => {
      executed.push(`dialog on ${page.url()}`);
      void dialog.dismiss();
    });
    for (const file of pages) {
      await page.goto(`${server.url}${file.replace(/index\.html$/, '')}`, { waitUntil: 'load' });
      // Give handlers such as onload, onfocus and autofocus a moment to fire, then read every link's
      // address in one step: islands may re-render the list while it is read link by link.
      await page.waitForTimeout(30);
      const hrefs = await page.$$eval('main a', (links) => links.map((link) => link.getAttribute('href') ?? ''));
      for (const href of hrefs) {
        if (/^\s*(javascript|vbscript|data):/i.test(href)) executed.push(`${file}: dangerous link ${href}`);
      }
      if (await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined))
        executed.push(file);
    }
    await context.close();
    expect(executed).toEqual([]);
  }, 300_000);

  it('shows a title made of HTML as text', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}incidents/INC-2026-0100/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('<script>window.__xss=1</script>');
    await page.close();
  });
});

describe('payloads where only safe values belong', () => {
  it('are refused with a message in ids and URLs', () => {
    const bad = createContent();
    bad.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, id: '"><script>window.__xss=1</script>' }));
    bad.write(
      'advisories/FSA-2026-0001.md',
      markdownFile({ ...advisory, remediations: [{ kind: 'fix', text: 'Update.', url: 'javascript:window.__xss=1' }] }),
    );
    const result = checkContent({ contentDir: bad.dir, buildDate: BUILD_DATE });
    bad.cleanup();
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'remediations[0].url: expected a web address starting with https://, found "javascript:window.__xss=1"',
      'id: ""><script>window.__xss=1</script>" is not URL-safe: use letters, digits and single hyphens, e.g. "INC-2026-0142"',
    ]);
  });

  it('are refused with a message how to percent-encode them when a URL holds a quote', () => {
    const bad = createContent();
    const hostileSource = 'https://news.example.com/q"onmouseover="window.__xss=1';
    const line = product().releases[1]!;
    bad.write(
      'products/gateway.md',
      markdownFile(
        product({
          releases: [product().releases[0], { ...line, endOfSupport: { ...line.endOfSupport, source: hostileSource } }],
        }),
      ),
    );
    const result = checkContent({ contentDir: bad.dir, buildDate: BUILD_DATE });
    bad.cleanup();
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      `releases[1].endOfSupport.source: "${hostileSource}" contains a double quote ("), which a web address cannot contain as it is: percent-encode it as %22`,
    ]);
  });
});
