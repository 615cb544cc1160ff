/**
 * The demo content built under the base path /trust/, with one product renamed to an HTML
 * injection attempt: every link inside every page must reach a built file, and the name must
 * show as text.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument as parseHtml } from 'htmlparser2';
import { findAll } from 'domutils';
import { parseDocument, stringify } from 'yaml';
import { DEMO_BUILD_DATE, ROOT, runBuild } from '../support/builtSite.ts';

const hostile = '<img src=x onerror=alert(1)>';
let workDir: string;
let siteDir: string;

/**
 * The portal's pages. Files under .well-known/ are the CSAF provider's directory listings
 * (machine-readable outputs, another area), not pages a customer browses.
 */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('.well-known'))
    .map((file) => path.join(dir, file));
}

/** Every href and src inside a page, the way a browser would read them (entities decoded). */
function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
}

beforeAll(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'trustline-base-path-'));
  const contentDir = path.join(workDir, 'content');
  cpSync(path.join(ROOT, 'content'), contentDir, { recursive: true });
  const vendorFile = path.join(contentDir, 'vendor.yml');
  const vendor = parseDocument(readFileSync(vendorFile, 'utf8'));
  vendor.setIn(['site', 'basePath'], '/trust/');
  writeFileSync(vendorFile, stringify(vendor));
  const productFile = path.join(contentDir, 'products', 'mobile-sdk.md');
  writeFileSync(
    productFile,
    readFileSync(productFile, 'utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(hostile)}`),
  );
  siteDir = path.join(workDir, 'site');
  const result = runBuild(['--content', contentDir, '--date', DEMO_BUILD_DATE, '--out', siteDir]);
  if (result.status !== 0) throw new Error(`build under /trust/ failed:\n${result.stdout}\n${result.stderr}`);
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('a site served under /trust/', () => {
  it('links every page only to files that exist under /trust/', () => {
    const broken: string[] = [];
    for (const file of htmlFiles(siteDir)) {
      for (const link of linksIn(readFileSync(file, 'utf8'))) {
        if (/^(https?:|mailto:)/.test(link)) continue;
        const target = new URL(link, `http://portal.test/trust/${path.relative(siteDir, file)}`);
        const relative = decodeURIComponent(target.pathname);
        if (!relative.startsWith('/trust/')) {
          broken.push(`${path.relative(siteDir, file)}: ${link} (outside /trust/)`);
          continue;
        }
        const onDisk = path.join(siteDir, relative.slice('/trust/'.length));
        const exists = relative.endsWith('/') ? existsSync(path.join(onDisk, 'index.html')) : existsSync(onDisk);
        if (!exists) broken.push(`${path.relative(siteDir, file)}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('sends every search result to a page under /trust/', () => {
    const fragments = path.join(siteDir, 'pagefind', 'fragment');
    const urls = readdirSync(fragments).map((file) => {
      const text = gunzipSync(readFileSync(path.join(fragments, file))).toString('utf8');
      return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
    });
    // The demo's 7 products, 9 incidents, 7 advisories and 4 policies.
    expect(urls).toHaveLength(27);
    for (const url of urls) {
      expect(url).toMatch(/^\/trust\/(products|incidents|advisories|policies)\/[^/]+\/$/);
      expect(existsSync(path.join(siteDir, url.slice('/trust/'.length), 'index.html'))).toBe(true);
    }
  });

  it('links the product page of the overview under the base path', () => {
    const overview = readFileSync(path.join(siteDir, 'index.html'), 'utf8');
    expect(overview).toContain('href="/trust/products/"');
    expect(overview).toContain('href="/trust/feeds/all.xml"');
  });
});

describe('a product named like an HTML element', () => {
  it('shows the name as text on its page', () => {
    const page = readFileSync(path.join(siteDir, 'products', 'mobile-sdk', 'index.html'), 'utf8');
    expect(page).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
  });

  it('never becomes an element or an event handler on any page', () => {
    const injected = htmlFiles(siteDir).filter((file) => {
      const document = parseHtml(readFileSync(file, 'utf8'));
      return findAll((element) => element.name === 'img' || 'onerror' in element.attribs, document.children).length > 0;
    });
    expect(injected).toEqual([]);
  });
});
