/**
 * RSS 2.0 (RSS Advisory Board specification 2.0.11), written directly: every value is escaped
 * text, never CDATA, so `]]>` or `<script>` in content cannot break out (the `feed` package
 * splits only the first `]]>` of a CDATA section, which leaves the XML ill-formed).
 */
import type { SubscriberEvent } from './events.ts';
import type { FeedDescription } from './feeds.ts';
import { escapeAttribute as attribute, escapeText as text } from '../markup.ts';

/** RFC 822 date-time (RSS 2.0 "pubDate"), in GMT, e.g. "Tue, 10 Feb 2026 00:00:00 GMT". */
export function rfc822(instant: string): string {
  return new Date(instant).toUTCString();
}

export function renderRss(feed: FeedDescription): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '  <channel>',
    `    <title>${text(feed.title)}</title>`,
    `    <link>${text(feed.homeUrl)}</link>`,
    `    <description>${text(feed.description)}</description>`,
    `    <language>${text(feed.language)}</language>`,
    `    <lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>`,
    '    <docs>https://www.rssboard.org/rss-specification</docs>',
    '    <generator>Trustline</generator>',
    // RSS Best Practices Profile: identify the feed's own address with atom:link rel="self".
    `    <atom:link href="${attribute(feed.selfUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...feed.events.map(renderItem),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

function renderItem(event: SubscriberEvent): string {
  return [
    '    <item>',
    `      <title>${text(event.title)}</title>`,
    `      <link>${text(event.url)}</link>`,
    `      <description>${text(event.summary)}</description>`,
    `      <content:encoded>${text(event.contentHtml)}</content:encoded>`,
    // The id is a tag URI, not an address to open: isPermaLink="false" (RSS 2.0 "guid").
    `      <guid isPermaLink="false">${text(event.id)}</guid>`,
    `      <pubDate>${rfc822(event.date)}</pubDate>`,
    ...event.tags.map((tag) => `      <category>${text(tag)}</category>`),
    '    </item>',
  ].join('\n');
}
