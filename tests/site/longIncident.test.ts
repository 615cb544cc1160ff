/**
 * A long incident stays a quick page: its 20 newest updates in full, the earlier ones folded in a
 * <details> below them, newest first, in plain lists (no `reversed`, which made Chromium take
 * 16–25 s to load 10,000 updates; docs/benchmarks.md). Built by the real build, read in Chromium
 * without JavaScript.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findAll, findOne, textContent } from 'domutils';
import type { Element } from 'domhandler';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { runBuild } from '../support/builtSite.ts';
import { BUILD_DATE, createContent, incident, markdownFile, type Fixture } from '../support/contentFixture.ts';
import { mainOf, pageFile } from '../support/pageLinks.ts';
import { serveStatic, type StaticServer } from '../support/staticServer.ts';

const UPDATES = 300;
let fixture: Fixture;
let siteDir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  fixture = createContent();
  const minute = (index: number) => new Date(Date.parse('2026-11-01T09:01:00Z') + index * 60_000).toISOString();
  const updates = Array.from({ length: UPDATES }, (_, index) => ({
    at: minute(index).replace('.000Z', 'Z'),
    status: index === 0 ? 'investigating' : index === UPDATES - 1 ? 'resolved' : 'monitoring',
    text: `Update ${index + 1} of ${UPDATES}.`,
  }));
  fixture.write('incidents/INC-2026-0002.md', markdownFile({ ...incident, id: 'INC-2026-0002', updates }));
  siteDir = mkdtempSync(path.join(tmpdir(), 'trustline-long-incident-'));
  const build = runBuild(['--content', fixture.dir, '--date', BUILD_DATE, '--out', siteDir]);
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveStatic(siteDir);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fixture.cleanup();
  rmSync(siteDir, { recursive: true, force: true });
});

/** The texts of the updates in `list`, in document order. */
const updateTexts = (list: Element | null | undefined) =>
  findAll((element) => element.name === 'div' && element.attribs['class'] === 'prose', list ? [list] : []).map(
    (element) => textContent(element).trim(),
  );
/** The list of the newest updates: the one directly in <main>. */
const latestList = (main: Element) =>
  main.children.find(
    (node): node is Element => (node as Element).name === 'ol' && (node as Element).attribs['class'] === 'updates',
  );
const updateNumbers = (from: number, to: number) =>
  Array.from({ length: from - to + 1 }, (_, index) => `Update ${from - index} of ${UPDATES}.`);

describe('the page of an incident with 300 updates', () => {
  it('shows the 20 newest updates in full, newest first', () => {
    expect(updateTexts(latestList(mainOf(siteDir, 'incidents/INC-2026-0002/')))).toEqual(updateNumbers(300, 281));
  });

  it('folds the 280 earlier updates below them, closed, newest first', () => {
    const details = findOne((element) => element.name === 'details', [mainOf(siteDir, 'incidents/INC-2026-0002/')]);
    expect(details?.attribs).toEqual({ class: 'older-updates' });
    const summary = findOne((element) => element.name === 'summary', details!.children);
    expect(textContent(summary!).replace(/\s+/g, ' ').trim()).toBe('280 earlier updates');
    expect(updateTexts(details)).toEqual(updateNumbers(280, 1));
  });

  it('has no reversed list', () => {
    expect(readFileSync(pageFile(siteDir, 'incidents/INC-2026-0002/'), 'utf8')).not.toMatch(/<ol[^>]*reversed/);
  });

  it('opens the earlier updates in Chromium without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}incidents/INC-2026-0002/`);
    await expect(page.getByText('Update 281 of 300.', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Update 280 of 300.', { exact: true }).isVisible()).resolves.toBe(false);
    await page.getByText('280 earlier updates').click();
    await expect(page.getByText('Update 280 of 300.', { exact: true }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('the page of an incident with 2 updates', () => {
  it('shows both, newest first, with nothing folded', () => {
    const main = mainOf(siteDir, 'incidents/INC-2026-0001/');
    expect(updateTexts(latestList(main))).toEqual(['Fixed.', 'We are looking into it.']);
    expect(findOne((element) => element.name === 'details', [main])).toBeNull();
  });
});
