/** /policies/: the page every policy lives under lists the four, and the site navigation leads to it. */
import { readFileSync } from 'node:fs';
import type { Element } from 'domhandler';
import { findAll, findOne, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE_DIR } from '../support/builtSite.ts';
import { mainLinks, mainTexts, pageFile } from '../support/pageLinks.ts';

/** The "Policies" link of the site navigation on a page: where it leads and its aria-current. */
function navigationLink(pagePath: string): { href: string | undefined; current: string | undefined } {
  const document = parseDocument(readFileSync(pageFile(DEMO_SITE_DIR, pagePath), 'utf8'));
  const navigation = findOne(
    (element) => element.name === 'nav' && element.attribs['aria-label'] === 'Site',
    document.children,
  );
  const link = findAll((element) => element.name === 'a', navigation ? [navigation] : []).find(
    (element) => textContent(element).trim() === 'Policies',
  );
  return { href: link?.attribs['href'], current: link?.attribs['aria-current'] };
}

describe('/policies/', () => {
  it('lists the four policies, each with the clause of the Code it answers and its last update', () => {
    expect(mainLinks(DEMO_SITE_DIR, 'policies/')).toEqual([
      { text: 'End-of-support policy', target: 'policies/end-of-support-policy/' },
      { text: 'Incident support plan', target: 'policies/incident-support-plan/' },
      { text: 'Support and maintenance policy', target: 'policies/support-policy/' },
      { text: 'Vulnerability disclosure policy', target: 'policies/vulnerability-disclosure-policy/' },
    ]);
    const details = (element: Element) =>
      element.name === 'span' && (element.parent as Element | null)?.attribs['class'] === 'meta';
    expect(mainTexts(DEMO_SITE_DIR, 'policies/', details)).toEqual([
      'End-of-support policy (Code of Practice 4.2)',
      'last updated 1 September 2026',
      'Incident support plan (Code of Practice 4.3.1)',
      'last updated 5 October 2026',
      'Support policy (Code of Practice 4.1.2)',
      'last updated 1 September 2026',
      'Vulnerability disclosure policy (Code of Practice 3.2)',
      'last updated 15 July 2026',
    ]);
  });

  it('is where "Policies" in the site navigation leads, marked as the current page there and as the location on a policy', () => {
    expect(navigationLink('')).toEqual({ href: '/policies/', current: undefined });
    expect(navigationLink('policies/')).toEqual({ href: '/policies/', current: 'page' });
    expect(navigationLink('policies/support-policy/')).toEqual({ href: '/policies/', current: 'location' });
  });
});
