/**
 * The host configurations the build writes, checked against one table of expectations per file
 * (tests/support/hostExpectations.ts): `_headers` as Netlify applies it, and the nginx snippet
 * served by Debian's nginx. Content type, policy, caching and compression, as customers get them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pipeline/manifest.ts';
import { DEMO_SITE_DIR } from '../support/builtSite.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from '../support/headersFile.ts';
import { hostExpectations, type HostExpectation } from '../support/hostExpectations.ts';
import { serveWithNginx, type NginxServer } from '../support/nginxServer.ts';

const securityHeaders = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

const scriptSources = (policy: string) =>
  policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .find(([name]) => name === 'script-src')
    ?.slice(1) ?? [];

let expectations: HostExpectation[];
let rules: HeaderRule[];
let server: NginxServer;
beforeAll(async () => {
  expectations = await hostExpectations();
  rules = parseHeadersFile(readFileSync(path.join(DEMO_SITE_DIR, '_headers'), 'utf8'));
  server = await serveWithNginx(DEMO_SITE_DIR);
});
afterAll(async () => {
  await server?.close();
});

/** What `_headers` gives a file: each header once, or every value when rules disagree. */
const netlify = (expectation: HostExpectation) => {
  const headers = headersFor(rules, `/${expectation.path}`);
  const one = (name: string) => headers.get(name)?.join(' | ');
  return { headers, one };
};

describe('_headers (Netlify, Cloudflare Pages)', () => {
  it('covers every file of the demo site', () => {
    expect(expectations.length).toBeGreaterThan(100);
    expect(expectations.map(({ path: file }) => file)).toEqual(
      expect.arrayContaining(['', 'search/', 'pagefind/pagefind-worker.js', '.well-known/csaf/white/index.txt']),
    );
  });

  it('never sets one header by two rules for the same file, as hosts merge those differently', () => {
    const twice = expectations.flatMap((expectation) =>
      [...netlify(expectation).headers]
        .filter(([, values]) => values.length > 1)
        .map(([name]) => `/${expectation.path}: ${name}`),
    );
    expect(twice).toEqual([]);
  });

  it('gives every file the security headers', () => {
    const missing = expectations.flatMap((expectation) =>
      Object.entries(securityHeaders)
        .filter(([name, value]) => netlify(expectation).one(name) !== value)
        .map(([name]) => `/${expectation.path}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives each machine file its content type and leaves every other file to the host', () => {
    const wrong = expectations
      .map((expectation) => ({ expectation, given: netlify(expectation).one('content-type') }))
      .filter(({ expectation, given }) => given !== expectation.contentType)
      .map(({ expectation, given }) => `/${expectation.path}: ${given} instead of ${expectation.contentType}`);
    expect(wrong).toEqual([]);
  });

  it('gives the CSAF index, changes, checksums and folder listings their own types, not JSON', () => {
    const type = (file: string) => netlify({ path: file } as HostExpectation).one('content-type');
    expect(type('.well-known/csaf/white/index.txt')).toBe('text/plain; charset=utf-8');
    expect(type('.well-known/csaf/white/changes.csv')).toBe('text/csv; charset=utf-8');
    expect(type('.well-known/csaf/white/2026/ksa-2026-0012.json.sha512')).toBe('text/plain; charset=utf-8');
    expect(type('.well-known/csaf/white/2026/ksa-2026-0012.json')).toBe('application/json');
    expect(type('.well-known/csaf/white/')).toBeUndefined();
  });

  it('caches the content-hashed _astro/ files for a year and revalidates everything else', () => {
    const wrong = expectations
      .filter((expectation) => netlify(expectation).one('cache-control') !== expectation.cacheControl)
      .map((expectation) => `/${expectation.path}: ${netlify(expectation).one('cache-control')}`);
    expect(wrong).toEqual([]);
  });

  it("allows 'wasm-unsafe-eval' on the search page and Pagefind's files only", () => {
    const wrong = expectations
      .filter((expectation) => {
        const policy = netlify(expectation).one('content-security-policy') ?? '';
        return (
          !policy.includes("frame-ancestors 'none'") ||
          scriptSources(policy).includes("'wasm-unsafe-eval'") !== expectation.wasm
        );
      })
      .map((expectation) => `/${expectation.path}`);
    expect(wrong).toEqual([]);
  });
});

describe('the <meta> policies', () => {
  it("give 'wasm-unsafe-eval' to the search page alone, as its header does", () => {
    const pages = listFiles(DEMO_SITE_DIR).filter((file) => file.endsWith('.html'));
    const withWasm = pages.filter((file) =>
      /<meta http-equiv="content-security-policy" content="[^"]*'wasm-unsafe-eval'/.test(
        readFileSync(path.join(DEMO_SITE_DIR, file), 'utf8').replace(/&#39;/g, "'"),
      ),
    );
    expect(withWasm).toEqual(['search/index.html']);
  });
});

/** nginx's type for HTML (the CSAF listings have their charset from the machine-file table). */
const htmlType = (type: string | null) => (type === 'text/html; charset=utf-8' ? type : 'text/html');

describe('nginx with the nginx snippet', () => {
  const served = async (file: string, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url + file, { headers });
    await response.arrayBuffer();
    return response;
  };

  it('serves every file with the same content type, policy and caching as _headers gives it', async () => {
    const wrong: string[] = [];
    for (const expectation of expectations) {
      const response = await served(expectation.path);
      const page = expectation.path === '' || expectation.path.endsWith('/') || expectation.path.endsWith('.html');
      const got = {
        status: response.status,
        contentType: response.headers.get('content-type'),
        cacheControl: response.headers.get('cache-control'),
        policy: response.headers.get('content-security-policy'),
        security: Object.keys(securityHeaders).map((name) => response.headers.get(name)),
      };
      const wanted = {
        status: 200,
        // A file _headers leaves to the host: pages are HTML, other files keep nginx's type.
        contentType: expectation.contentType ?? (page ? htmlType(got.contentType) : got.contentType),
        cacheControl: expectation.cacheControl,
        policy: netlify(expectation).one('content-security-policy'),
        security: Object.values(securityHeaders),
      };
      if (JSON.stringify(got) !== JSON.stringify(wanted)) {
        wrong.push(`/${expectation.path}: ${JSON.stringify(got)} instead of ${JSON.stringify(wanted)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('serves the feeds, the OPML and the calendars with the media types their formats register', async () => {
    const files = [
      'feeds/all.xml',
      'feeds/all.atom',
      'feeds/all.json',
      'feeds/index.opml',
      'products/edge-gateway/feed.xml',
      'calendar/end-of-support.ics',
    ];
    const types = await Promise.all(
      files.map(async (file) => `/${file}: ${(await served(file)).headers.get('content-type')}`),
    );
    expect(types).toEqual([
      '/feeds/all.xml: application/rss+xml; charset=utf-8',
      '/feeds/all.atom: application/atom+xml; charset=utf-8',
      '/feeds/all.json: application/feed+json; charset=utf-8',
      '/feeds/index.opml: text/x-opml; charset=utf-8',
      '/products/edge-gateway/feed.xml: application/rss+xml; charset=utf-8',
      '/calendar/end-of-support.ics: text/calendar; charset=utf-8',
    ]);
  });

  it('compresses HTML, CSS, JavaScript, JSON and XML for a client that accepts gzip', async () => {
    const files = listFiles(DEMO_SITE_DIR);
    const samples = [
      '',
      'products/',
      files.find((file) => file.startsWith('_astro/') && file.endsWith('.css'))!,
      files.find((file) => file.startsWith('_astro/') && file.endsWith('.js'))!,
      'pagefind/pagefind-ui.js',
      'api/v1/index.json',
      'feeds/all.json',
      'feeds/all.xml',
      'feeds/all.atom',
      'sitemap-index.xml',
      'calendar/end-of-support.ics',
      '.well-known/csaf/white/',
    ];
    const encodings = await Promise.all(
      samples.map(async (file) => {
        const response = await served(file, { 'Accept-Encoding': 'gzip' });
        return `/${file}: ${response.headers.get('content-encoding')}`;
      }),
    );
    expect(encodings).toEqual(samples.map((file) => `/${file}: gzip`));
  });
});
