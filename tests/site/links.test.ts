/**
 * No broken links anywhere in the built demo site: every link in every page, feed, calendar,
 * sitemap and machine-readable file that points into the site leads to a file of it
 * (tests/support/siteLinks.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pipeline/manifest.ts';
import { readVendorConfig } from '../../src/registry/vendorConfig.ts';
import { DEMO_SITE_DIR, ROOT } from '../support/builtSite.ts';
import { brokenLinks, siteLinks } from '../support/siteLinks.ts';

const site = readVendorConfig(path.join(ROOT, 'content'))!.site;
const work = mkdtempSync(path.join(tmpdir(), 'trustline-links-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the links of the demo site', () => {
  it('all lead to a file of the site', () => {
    expect(brokenLinks(DEMO_SITE_DIR, site)).toEqual([]);
  });

  it('are read from every kind of file that holds links', () => {
    const kinds = new Set(
      siteLinks(DEMO_SITE_DIR, site)
        .filter(({ target }) => target !== undefined)
        .map(({ file }) => path.posix.extname(file) || path.posix.basename(file)),
    );
    expect([...kinds].sort()).toEqual(['.atom', '.csv', '.html', '.ics', '.json', '.opml', '.sha512', '.txt', '.xml']);
  });

  it('are each reported, with the file they are in, when the file they lead to is missing', () => {
    const copy = path.join(work, 'site');
    cpSync(DEMO_SITE_DIR, copy, { recursive: true });
    rmSync(path.join(copy, '.well-known', 'csaf', 'white', '2025', 'ksa-2025-0006.json'));
    const csafDocument = 'https://trust.kestrel.example/.well-known/csaf/white/2025/ksa-2025-0006.json';
    expect(brokenLinks(copy, site)).toEqual([
      '.well-known/csaf/white/2025/index.html: ksa-2025-0006.json',
      '.well-known/csaf/white/2025/ksa-2025-0006.json.sha512: ksa-2025-0006.json',
      '.well-known/csaf/white/changes.csv: 2025/ksa-2025-0006.json',
      `.well-known/csaf/white/csaf-feed-tlp-white.json: ${csafDocument}`,
      `.well-known/csaf/white/csaf-feed-tlp-white.json: ${csafDocument}`,
      '.well-known/csaf/white/index.txt: 2025/ksa-2025-0006.json',
      'advisories/KSA-2025-0006/index.html: /.well-known/csaf/white/2025/ksa-2025-0006.json',
      `api/v1/advisories.json: ${csafDocument}`,
    ]);
  });
});

describe('the head of every page', () => {
  const pages = listFiles(DEMO_SITE_DIR).filter((file) => file.endsWith('.html') && !file.startsWith('.well-known/'));
  const head = (file: string) => readFileSync(path.join(DEMO_SITE_DIR, file), 'utf8').split('</head>')[0]!;

  it('declares the icon as ICO and SVG, and both files exist', () => {
    for (const file of pages) {
      expect(head(file), file).toContain(
        '<link rel="icon" href="/favicon.ico" sizes="32x32"><link rel="icon" href="/favicon.svg" type="image/svg+xml">',
      );
    }
    // An ICO file (header: reserved 0, type 1) for browsers that ask for /favicon.ico whatever the page says.
    expect([...readFileSync(path.join(DEMO_SITE_DIR, 'favicon.ico')).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(readFileSync(path.join(DEMO_SITE_DIR, 'favicon.svg'), 'utf8')).toMatch(/^<svg /);
  });

  it('gives every page its canonical address, except the 404 page, which has none', () => {
    const canonical = (file: string) => /<link rel="canonical" href="([^"]*)">/.exec(head(file))?.[1];
    expect(canonical('404.html')).toBeUndefined();
    expect(canonical('policies/index.html')).toBe('https://trust.kestrel.example/policies/');
    expect(pages.filter((file) => file !== '404.html' && canonical(file) === undefined)).toEqual([]);
  });
});
