/** Chromium's reports of a page breaking its Content-Security-Policy, for the CSP tests. */
import type { Browser } from 'playwright-core';

/** Visits each URL in turn; returns every violation (event or console error), prefixed by `label(url)`. */
export async function cspViolations(
  browser: Browser,
  urls: readonly string[],
  label: (url: string) => string = (url) => url,
): Promise<string[]> {
  const context = await browser.newContext();
  // Registered before any page script runs; init scripts are not subject to the page's CSP.
  await context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const found: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) found.push(message.text());
  });
  for (const url of urls) {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(50);
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    found.push(...violations.map((violation) => `${label(url)}: ${violation}`));
  }
  await context.close();
  return found;
}
