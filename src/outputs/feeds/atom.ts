/**
 * Atom 1.0 (RFC 4287), written directly so every value is escaped text. Unlike RSS (rss.ts),
 * not through the `feed` package: its Atom writer escapes only `&` in a category's `term` and
 * `label` attributes, so a `<` in a product name ("Fixture <Gateway>") leaves the XML ill-formed,
 * and no input can say `<` there (a `&lt;` handed over comes out as `&amp;lt;`): the categories
 * would lose text. It also writes every entry title as type="html", no xml:lang, and no type on
 * the rel="self" link.
 */
import type { SubscriberEvent } from './events.ts';
import type { FeedDescription } from './feeds.ts';
import { escapeAttribute as attribute, escapeText as text } from '../markup.ts';

export function renderAtom(feed: FeedDescription): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${attribute(feed.language)}">`,
    // RFC 4287 §4.2.6: the feed id is permanent; the feed's Atom address is a promise already.
    `  <id>${text(feed.selfUrls.atom)}</id>`,
    `  <title type="text">${text(feed.title)}</title>`,
    `  <subtitle type="text">${text(feed.description)}</subtitle>`,
    `  <updated>${feed.updated}</updated>`,
    // §4.1.1: a feed without entry authors must name an author.
    `  <author><name>${text(feed.author.name)}</name><uri>${text(feed.author.url)}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${attribute(feed.selfUrls.atom)}"/>`,
    `  <link rel="alternate" type="text/html" href="${attribute(feed.homeUrl)}"/>`,
    '  <generator>Trustline</generator>',
    ...feed.events.map(renderEntry),
    '</feed>',
    '',
  ].join('\n');
}

function renderEntry(event: SubscriberEvent): string {
  return [
    '  <entry>',
    `    <id>${text(event.id)}</id>`,
    // Titles are plain text: type="text", so a "<" in a title is shown, never parsed as markup.
    `    <title type="text">${text(event.title)}</title>`,
    `    <updated>${event.date}</updated>`,
    `    <published>${event.date}</published>`,
    `    <link rel="alternate" type="text/html" href="${attribute(event.url)}"/>`,
    `    <summary type="text">${text(event.summary)}</summary>`,
    `    <content type="html">${text(event.contentHtml)}</content>`,
    ...event.tags.map((tag) => `    <category term="${attribute(tag)}"/>`),
    '  </entry>',
  ].join('\n');
}
