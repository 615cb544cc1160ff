/**
 * The subscribe page tells readers about the notifications the vendor sends, from
 * content/vendor.yml (notifications.signUp and otherChannels): where to join the mailing list,
 * and how to get them in chat or a webhook.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE_DIR } from '../support/builtSite.ts';

const page = fromHtml(readFileSync(path.join(DEMO_SITE_DIR, 'subscribe', 'index.html'), 'utf8'));
/** The first element that passes `test`, in document order. */
function find(root: Parameters<typeof visit>[0], test: (element: Element) => boolean): Element | undefined {
  let found: Element | undefined;
  visit(root, 'element', (element: Element) => {
    if (found === undefined && test(element)) found = element;
  });
  return found;
}

const section = find(
  page,
  (element) =>
    element.tagName === 'section' &&
    element.properties['ariaLabelledBy'] !== undefined &&
    String(element.properties['ariaLabelledBy']) === 'notifications-heading',
);

describe('the subscribe page', () => {
  it('describes the e-mail, chat and webhook notifications', () => {
    expect(section && toText(section).replace(/\s+/g, ' ').trim()).toBe(
      'Notifications Get each incident update, security advisory and end-of-support notice by e-mail, with reminders before support ends: join the mailing list. Chat and webhooks: Your account manager can connect a Slack or Microsoft Teams channel, or a webhook that receives each event as signed JSON, filtered to the products and topics you choose.',
    );
  });

  it("links the vendor's mailing-list sign-up", () => {
    const link = section && find(section, (element) => element.tagName === 'a');
    expect(link?.properties['href']).toBe('https://kestrel.example/lists/trust-portal');
  });
});
