/**
 * RSS 2.0 (RSS Advisory Board specification 2.0.11), written by the `feed` package. Its writer
 * (xml-js underneath) has two defects, and every value is guarded before it is handed over so
 * that neither reaches a subscriber:
 *
 * - Text elements: xml-js turns every `&amp;` in a value into `&` before escaping it, so a title
 *   saying "&amp;" would be read as "&". `textValue` escapes every `&` as `&amp;` first, which
 *   that step undoes exactly (`&#38;` would not do: it is escaped to `&amp;#38;` and read as
 *   "&#38;").
 * - CDATA sections (item title, description, content:encoded): xml-js splits only the first
 *   `]]>`, so a second one would end the section and leave the XML ill-formed. `cdataValue`
 *   splits every later one itself.
 *
 * Nothing is dated by the clock: lastBuildDate is the feed's `updated` (its newest item, or the
 * build time), so the same content and build date give the same bytes.
 */
import { Feed, type Item } from 'feed';
import type { SubscriberEvent } from './events.ts';
import type { FeedDescription } from './feeds.ts';
import { withoutForbiddenCharacters } from '../markup.ts';

/** RFC 822 date-time (RSS 2.0 "pubDate"), in GMT, e.g. "Tue, 10 Feb 2026 00:00:00 GMT". */
export function rfc822(instant: string): string {
  return new Date(instant).toUTCString();
}

/**
 * A value for an element the package writes as text. Its writer replaces each `&amp;` with `&`
 * and then escapes `&`, `<` and `>`: with every `&` written as `&amp;` here, the replacement
 * gives back exactly `value`, and the reader reads `value`.
 */
export function textValue(value: string): string {
  return withoutForbiddenCharacters(value).replace(/&/g, '&amp;');
}

const CDATA_END = ']]>';
/** How XML writes `]]>` inside CDATA: end the section after `]]`, start a new one for `>`. */
const CDATA_END_SPLIT = ']]]]><![CDATA[>';

/**
 * A value for an element the package writes as one CDATA section. Its writer splits the first
 * `]]>` and no other: splitting every later one here gives, after its split, every `]]>` split,
 * which an XML parser reads back as `value`. (A `]]>` cannot overlap another, and the first one
 * kept whole ends with `>`, so no new `]]>` forms where the two parts meet.)
 */
export function cdataValue(value: string): string {
  const clean = withoutForbiddenCharacters(value);
  const first = clean.indexOf(CDATA_END);
  if (first === -1) return clean;
  const rest = first + CDATA_END.length;
  return clean.slice(0, rest) + clean.slice(rest).replaceAll(CDATA_END, CDATA_END_SPLIT);
}

export function renderRss(feed: FeedDescription): string {
  const writer = new Feed({
    title: textValue(feed.title),
    link: feed.homeUrl,
    description: textValue(feed.description),
    language: textValue(feed.language),
    updated: new Date(feed.updated),
    docs: 'https://www.rssboard.org/rss-specification',
    generator: 'Trustline',
    // RSS Best Practices Profile: identify the feed's own address with atom:link rel="self".
    feedLinks: { rss: feed.selfUrls.rss },
  });
  for (const event of feed.events) writer.addItem(item(event));
  return `${writer.rss2()}\n`;
}

function item(event: SubscriberEvent): Item {
  return {
    title: cdataValue(event.title),
    link: event.url,
    // The id is a tag URI, not an address to open: the package marks a guid isPermaLink="false".
    guid: textValue(event.id),
    date: new Date(event.date),
    description: cdataValue(event.summary),
    content: cdataValue(event.contentHtml),
    category: event.tags.map((tag) => ({ name: textValue(tag) })),
  };
}
