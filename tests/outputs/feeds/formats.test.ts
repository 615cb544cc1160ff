/**
 * RSS 2.0, Atom 1.0, JSON Feed 1.1 and OPML 2.0 as written, read back by independent parsers
 * (feedsmith, fast-xml-parser, xmllint). The parsers are lenient, so each required element is
 * asserted explicitly; hostile content must come through as the same text, and well-formed.
 */
import { parseAtomFeed, parseJsonFeed, parseOpml, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opmlFile, productFeedFile, topicFeedFile } from '../../../src/outputs/feeds/feedFiles.ts';
import { loadRegistry } from '../../../src/registry/loadRegistry.ts';
import type { Registry } from '../../../src/registry/types.ts';
import {
  BUILD_DATE,
  advisory,
  createContent,
  incident,
  markdownFile,
  product,
  type Fixture,
} from '../../support/contentFixture.ts';
import { RFC_3339_UTC, RFC_822, wellFormednessErrors } from './wellFormed.ts';

const productName = 'Fixture <Gateway> & Co \u05e9\u05dc\u05d5\u05dd 🎉';
const incidentTitle = `Outage ]]> ]]> <script>alert(1)</script> & "double" 'single' \u202bעברית\u202c 🎉`;
const advisoryTitle = 'Header ]]> injection with <b>markup</b> & &amp; entities';
const updateText = [
  'Body ]]> ]]> <script>alert(2)</script> & more.',
  '',
  'See [the product](/products/gateway/), [the timeline](#timeline) and [a query](/search/?q=a&b=c).',
  '',
  'Bell\u0007 and start-of-heading\u0001 characters, right-to-left \u05e9\u05dc\u05d5\u05dd, emoji 🎉.',
].join('\n');
const updateId = 'tag:trust.fixture.example,2026-11-01:incident:INC-2026-0001:update:2026-11-01T09:10:00Z';

let fixture: Fixture;
let registry: Registry;
beforeAll(() => {
  fixture = createContent();
  fixture.write('products/gateway.md', markdownFile(product({ name: productName }), 'The gateway.\n'));
  fixture.write(
    'incidents/INC-2026-0001.md',
    markdownFile({
      ...incident,
      title: incidentTitle,
      updates: [{ ...incident.updates[0], text: updateText }, incident.updates[1]],
    }),
  );
  fixture.write('advisories/FSA-2026-0001.md', markdownFile({ ...advisory, title: advisoryTitle }));
  registry = loadRegistry({ contentDir: fixture.dir, buildDate: BUILD_DATE });
});
afterAll(() => fixture.cleanup());

describe('RSS 2.0', () => {
  const rss = () => topicFeedFile(registry, 'all', 'rss').body;

  it('is well-formed XML, hostile content and all', () => {
    expect(wellFormednessErrors(rss())).toEqual([]);
    expect(wellFormednessErrors(productFeedFile(registry, 'gateway', 'rss')!.body)).toEqual([]);
  });

  it('has the channel title, link, description and its own address', () => {
    const channel = parseRssFeed(rss());
    expect(channel.title).toBe('Fixture Software: all updates');
    expect(channel.link).toBe('https://trust.fixture.example/');
    expect(channel.description).toBe(
      'Every support change, end-of-support notice, incident update and security advisory.',
    );
    expect(channel.language).toBe('en-GB');
    expect(channel.atom?.links).toEqual([
      { href: 'https://trust.fixture.example/feeds/all.xml', rel: 'self', type: 'application/rss+xml' },
    ]);
  });

  it('gives every item a title, a link, a guid that is not a permalink and an RFC 822 date', () => {
    const items = parseRssFeed(rss()).items ?? [];
    expect(items).toHaveLength(7);
    for (const item of items) {
      expect(item.title).toMatch(/\S/);
      expect(item.link).toMatch(/^https:\/\/trust\.fixture\.example\//);
      expect(item.guid?.isPermaLink).toBe(false);
      expect(item.guid?.value).toMatch(/^tag:trust\.fixture\.example,/);
      expect(item.pubDate).toMatch(RFC_822);
    }
  });

  it('carries a hostile title as the same text, and the update at its time in GMT', () => {
    const item = parseRssFeed(rss()).items?.find((candidate) => candidate.guid?.value === updateId);
    expect(item?.title).toBe(`Investigating: ${incidentTitle}`);
    expect(item?.pubDate).toBe('Sun, 01 Nov 2026 09:10:00 GMT');
    expect(item?.categories?.map((category) => category.name)).toEqual(['Incidents', 'Incident', productName]);
  });

  it('carries full sanitised HTML with absolute links and no forbidden characters', () => {
    const item = parseRssFeed(rss()).items?.find((candidate) => candidate.guid?.value === updateId);
    const html = item?.content?.encoded ?? '';
    expect(html).toContain('<p>Body ]]> ]]> alert(2) &#x26; more.</p>');
    expect(html).not.toContain('<script');
    expect(html).toContain('<a href="https://trust.fixture.example/products/gateway/">the product</a>');
    expect(html).toContain(
      '<a href="https://trust.fixture.example/incidents/INC-2026-0001/#timeline">the timeline</a>',
    );
    expect(html).toContain('<a href="https://trust.fixture.example/search/?q=a&#x26;b=c">a query</a>');
    expect(html).toContain('right-to-left \u05e9\u05dc\u05d5\u05dd, emoji 🎉');
    expect(rss()).not.toMatch(/[\u0001\u0007]/);
  });
});

describe('Atom 1.0', () => {
  const atom = () => topicFeedFile(registry, 'all', 'atom').body;

  it('is well-formed XML, hostile content and all', () => {
    expect(wellFormednessErrors(atom())).toEqual([]);
    expect(wellFormednessErrors(productFeedFile(registry, 'gateway', 'atom')!.body)).toEqual([]);
  });

  it('has the feed id, title, updated, author and rel="self" link (RFC 4287 §4.1.1)', () => {
    const feed = parseAtomFeed(atom());
    expect(feed.id).toBe('https://trust.fixture.example/feeds/all.atom');
    expect(feed.title).toEqual({ value: 'Fixture Software: all updates', type: 'text' });
    expect(feed.updated).toBe('2026-11-01T10:00:00Z');
    expect(feed.authors).toEqual([{ name: 'Fixture Software', uri: 'https://trust.fixture.example/' }]);
    expect(feed.links).toContainEqual({
      href: 'https://trust.fixture.example/feeds/all.atom',
      rel: 'self',
      type: 'application/atom+xml',
    });
  });

  it('gives every entry an id, a plain-text title and RFC 3339 dates', () => {
    const entries = parseAtomFeed(atom()).entries ?? [];
    expect(entries).toHaveLength(7);
    for (const entry of entries) {
      expect(entry.id).toMatch(/^tag:trust\.fixture\.example,/);
      expect(entry.title?.type).toBe('text');
      expect(entry.title?.value).toMatch(/\S/);
      expect(entry.updated).toMatch(RFC_3339_UTC);
      expect(entry.published).toBe(entry.updated);
      expect(entry.content?.type).toBe('html');
    }
  });

  it('carries a hostile title as the same text and the content as escaped HTML', () => {
    const entry = parseAtomFeed(atom()).entries?.find((candidate) => candidate.id === updateId);
    expect(entry?.title?.value).toBe(`Investigating: ${incidentTitle}`);
    expect(entry?.updated).toBe('2026-11-01T09:10:00Z');
    expect(entry?.content?.value).toContain('<p>Body ]]> ]]> alert(2) &#x26; more.</p>');
    expect(entry?.content?.value).toContain('href="https://trust.fixture.example/products/gateway/"');
    const advisoryEntry = parseAtomFeed(atom()).entries?.find((candidate) =>
      candidate.id?.includes(':advisory:FSA-2026-0001:published:'),
    );
    expect(advisoryEntry?.title?.value).toBe(`FSA-2026-0001 (Critical): ${advisoryTitle}`);
  });
});

describe('JSON Feed 1.1', () => {
  const json = () => JSON.parse(topicFeedFile(registry, 'all', 'json').body) as Record<string, unknown>;

  it('declares version 1.1 with authors and language', () => {
    const feed = json();
    expect(feed['version']).toBe('https://jsonfeed.org/version/1.1');
    expect(feed['title']).toBe('Fixture Software: all updates');
    expect(feed['home_page_url']).toBe('https://trust.fixture.example/');
    expect(feed['feed_url']).toBe('https://trust.fixture.example/feeds/all.json');
    expect(feed['language']).toBe('en-GB');
    expect(feed['authors']).toEqual([{ name: 'Fixture Software', url: 'https://trust.fixture.example/' }]);
    expect(feed).not.toHaveProperty('author');
  });

  it('gives every item an id, content_html and an RFC 3339 date_published', () => {
    const items = parseJsonFeed(json()).items ?? [];
    expect(items).toHaveLength(7);
    for (const item of items) {
      expect(item.id).toMatch(/^tag:trust\.fixture\.example,/);
      expect(item.content_html).toMatch(/^<p>/);
      expect(item.date_published).toMatch(RFC_3339_UTC);
      expect(item.url).toMatch(/^https:\/\/trust\.fixture\.example\//);
    }
  });

  it('carries a hostile title as the same text, without forbidden characters', () => {
    const item = parseJsonFeed(json()).items?.find((candidate) => candidate.id === updateId);
    expect(item?.title).toBe(`Investigating: ${incidentTitle}`);
    expect(item?.date_published).toBe('2026-11-01T09:10:00Z');
    expect(item?.tags).toEqual(['Incidents', 'Incident', productName]);
    expect(item?.content_html).toContain('Bell and start-of-heading characters');
  });
});

describe('the feeds of one product', () => {
  it('carry the events of that product from every topic', () => {
    const titles = parseRssFeed(productFeedFile(registry, 'gateway', 'rss')!.body).items?.map((item) => item.title);
    expect(parseRssFeed(productFeedFile(registry, 'gateway', 'rss')!.body).title).toBe(`${productName} updates`);
    expect(titles).toEqual([
      `Resolved: ${incidentTitle}`,
      `Investigating: ${incidentTitle}`,
      `FSA-2026-0001 (Critical): ${advisoryTitle}`,
      `${productName} 1.x: end of support on 2027-12-31 announced (notice: 18 months)`,
      `${productName} 1.x: Security maintenance from 2026-01-15 (until 2027-12-31)`,
      `${productName} 2.x released`,
      `${productName} 1.x released`,
    ]);
  });

  it('do not exist for a slug that names no product', () => {
    expect(productFeedFile(registry, 'no-such-product', 'rss')).toBeUndefined();
  });
});

describe('OPML 2.0', () => {
  it('is well-formed and lists every topic feed and product feed once, with escaped names', () => {
    const opml = opmlFile(registry).body;
    expect(wellFormednessErrors(opml)).toEqual([]);
    const parsed = parseOpml(opml);
    expect(parsed.head?.title).toBe('Fixture Software: feeds');
    const groups = parsed.body?.outlines ?? [];
    expect(groups.map((group) => group.text)).toEqual(['By topic', 'By product']);
    expect(groups[0]?.outlines?.map((outline) => outline.xmlUrl)).toEqual([
      'https://trust.fixture.example/feeds/all.xml',
      'https://trust.fixture.example/feeds/support.xml',
      'https://trust.fixture.example/feeds/end-of-support.xml',
      'https://trust.fixture.example/feeds/incidents.xml',
      'https://trust.fixture.example/feeds/advisories.xml',
    ]);
    expect(groups[1]?.outlines).toEqual([
      expect.objectContaining({
        type: 'rss',
        text: `${productName} updates`,
        title: `${productName} updates`,
        xmlUrl: 'https://trust.fixture.example/products/gateway/feed.xml',
        htmlUrl: 'https://trust.fixture.example/products/gateway/',
      }),
    ]);
  });
});
