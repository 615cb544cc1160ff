/**
 * A strict Content-Security-Policy: no 'unsafe-inline' or 'unsafe-eval', and Chromium reports
 * no violation on any page of the demo site, served by nginx with the site's own headers (the
 * <meta> policy and the header policy both apply).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pipeline/manifest.ts';
import { metaPolicyOf } from '../../src/pipeline/finalise.ts';
import { siteWidePolicy } from '../../src/pipeline/hostHeaders.ts';
import { launchChromium } from '../support/browser.ts';
import { cspViolations } from '../support/cspViolations.ts';
import { DEMO_SITE_DIR } from '../support/builtSite.ts';
import { serveWithNginx, type NginxServer } from '../support/nginxServer.ts';

const pages = listFiles(DEMO_SITE_DIR).filter((file) => file.endsWith('.html'));
/** The page's <meta> policy as a browser reads it (an HTML parser decodes its character references). */
function metaPolicy(file: string): string | undefined {
  const tree = fromHtml(readFileSync(path.join(DEMO_SITE_DIR, file), 'utf8'));
  let policy: string | undefined;
  visit(tree, 'element', (element) => {
    if (
      element.tagName === 'meta' &&
      String(element.properties['httpEquiv']).toLowerCase() === 'content-security-policy'
    )
      policy = String(element.properties['content']);
  });
  return policy;
}

let browser: Browser;
let server: NginxServer;
beforeAll(async () => {
  browser = await launchChromium();
  server = await serveWithNginx(DEMO_SITE_DIR);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Content-Security-Policy', () => {
  it('is on every page, without unsafe-inline or unsafe-eval', () => {
    expect(pages.length).toBeGreaterThan(30);
    for (const page of pages) {
      const policy = metaPolicy(page);
      expect(policy, page).toBeDefined();
      // 'wasm-unsafe-eval' (the search page) allows compiling WebAssembly, not eval().
      expect(policy, page).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(policy, page).toContain("object-src 'none'");
      expect(policy, page).toContain("base-uri 'none'");
      expect(policy, page).toMatch(/default-src '(self|none)'/);
    }
  });

  it('adds frame-ancestors in the host headers, where it takes effect', () => {
    const headers = readFileSync(path.join(DEMO_SITE_DIR, '_headers'), 'utf8');
    const policy = /Content-Security-Policy: (.*)/.exec(headers)?.[1] ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    // 'none' beside other sources is ignored by browsers: a directive has it alone or not at all.
    const mixed = policy
      .split('; ')
      .filter((directive) => / 'none' | 'none'$/.test(directive) && directive.split(' ').length > 2);
    expect(mixed).toEqual([]);
  });

  it('gives hosts a policy of well-formed directives, the keywords in plain quotes', () => {
    const headers = readFileSync(path.join(DEMO_SITE_DIR, '_headers'), 'utf8');
    const policy = /Content-Security-Policy: (.*)/.exec(headers)?.[1] ?? '';
    expect(policy.replace(/ 'sha256-[^']+'/g, '')).toBe(
      "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; img-src 'self'; font-src 'self'; " +
        "connect-src 'self'; frame-src 'none'; worker-src 'self'; manifest-src 'self'; script-src 'self'; " +
        "style-src 'self'; frame-ancestors 'none'; upgrade-insecure-requests",
    );
  });

  it('reads a page policy whose quotes are written as character references, decimal or hexadecimal', () => {
    const page = `<meta http-equiv="content-security-policy" content="default-src &#x27;none&#x27;; form-action &#39;self&#39;">`;
    expect(metaPolicyOf(page)).toBe("default-src 'none'; form-action 'self'");
  });

  it("joins the pages' policies: a directive that is 'none' on one page and 'self' on another is 'self'", () => {
    expect(siteWidePolicy(["default-src 'none'; form-action 'none'", "default-src 'self'; form-action 'self'"])).toBe(
      "default-src 'self'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests",
    );
  });

  it('is not violated on any page of the demo site', async () => {
    const urlOf = (file: string) => `${server.url}${file.replace(/index\.html$/, '')}`;
    const found = await cspViolations(browser, pages.map(urlOf), (url) => url.slice(server.url.length));
    expect(found).toEqual([]);
  });
});
