/**
 * The built demo site (DEMO_SITE_DIR, built once by the test setup): every feed at its
 * documented path, the OPML listing them, and — the "done when" — every event of the
 * demo content reaching a subscriber of the OPML once, with the right date.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAtomFeed, parseJsonFeed, parseOpml, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { subscriberEvents } from '../../../src/outputs/feeds/events.ts';
import { productFeedFile, topicFeedFile } from '../../../src/outputs/feeds/feedFiles.ts';
import { rfc822 } from '../../../src/outputs/feeds/rss.ts';
import { htmlFragment, serialiseHtml, withAbsoluteLinks } from '../../../src/outputs/markup.ts';
import { loadRegistry } from '../../../src/registry/loadRegistry.ts';
import type { Registry } from '../../../src/registry/types.ts';
import { feedTopics, paths, type FeedFormat } from '../../../src/site/urls.ts';
import { DEMO_BUILD_DATE, DEMO_SITE_DIR } from '../../support/builtSite.ts';
import { wellFormednessErrors } from './wellFormed.ts';

const formats: FeedFormat[] = ['rss', 'atom', 'json'];
const read = (relativePath: string) => readFileSync(path.join(DEMO_SITE_DIR, relativePath), 'utf8');
const SITE = 'https://trust.kestrel.example/';

let registry: Registry;
beforeAll(() => {
  registry = loadRegistry({ contentDir: 'content', buildDate: DEMO_BUILD_DATE });
});

describe('the feeds of the built demo site', () => {
  it('are at every documented path: 5 topics and 7 products in 3 formats, and the OPML', () => {
    const expected = [
      ...feedTopics.flatMap((topic) => formats.map((format) => paths.feed(topic, format))),
      ...registry.products.flatMap((product) => formats.map((format) => paths.productFeed(product.slug, format))),
      paths.opml(),
    ];
    expect(expected).toHaveLength(5 * 3 + 7 * 3 + 1);
    expect(expected.filter((relativePath) => !existsSync(path.join(DEMO_SITE_DIR, relativePath)))).toEqual([]);
  });

  it('are exactly what the feed writers produce from the Registry', () => {
    for (const topic of feedTopics) {
      for (const format of formats) {
        expect(read(paths.feed(topic, format))).toBe(topicFeedFile(registry, topic, format).body);
      }
    }
    for (const product of registry.products) {
      expect(read(paths.productFeed(product.slug, 'atom'))).toBe(productFeedFile(registry, product.slug, 'atom')!.body);
    }
  });

  it('are all well-formed XML or valid JSON', () => {
    for (const topic of feedTopics) {
      expect(wellFormednessErrors(read(paths.feed(topic, 'rss')))).toEqual([]);
      expect(wellFormednessErrors(read(paths.feed(topic, 'atom')))).toEqual([]);
      expect(() => JSON.parse(read(paths.feed(topic, 'json'))) as unknown).not.toThrow();
    }
    for (const product of registry.products) {
      expect(wellFormednessErrors(read(paths.productFeed(product.slug, 'rss')))).toEqual([]);
      expect(wellFormednessErrors(read(paths.productFeed(product.slug, 'atom')))).toEqual([]);
      expect(() => JSON.parse(read(paths.productFeed(product.slug, 'json'))) as unknown).not.toThrow();
    }
    expect(wellFormednessErrors(read(paths.opml()))).toEqual([]);
  });
});

describe('a subscriber who imports /feeds/index.opml', () => {
  const listedFeeds = () =>
    (parseOpml(read(paths.opml())).body?.outlines ?? []).flatMap((group) => group.outlines ?? []);

  it('subscribes to 12 feeds: the 5 topics and the 7 products, each once, each one that exists', () => {
    const urls = listedFeeds().map((outline) => outline.xmlUrl ?? '');
    expect(urls).toHaveLength(12);
    expect(new Set(urls).size).toBe(12);
    for (const url of urls) {
      expect(url.startsWith(SITE)).toBe(true);
      expect(existsSync(path.join(DEMO_SITE_DIR, url.slice(SITE.length)))).toBe(true);
    }
  });

  it('sees every event of the demo content, once in each feed that carries it, with the right date', () => {
    const events = subscriberEvents(registry);
    expect(events).toHaveLength(105);
    const seen = new Map<string, string>();
    for (const outline of listedFeeds()) {
      const items = parseRssFeed(read(outline.xmlUrl!.slice(SITE.length))).items ?? [];
      const guids = items.map((item) => item.guid?.value ?? '');
      expect(new Set(guids).size).toBe(guids.length);
      for (const item of items) seen.set(item.guid?.value ?? '', item.pubDate ?? '');
    }
    expect(events.filter((event) => seen.get(event.id) !== rfc822(event.date)).map((event) => event.title)).toEqual([]);
    expect(seen.size).toBe(105);
  });

  it('sees the extension of Edge Gateway 5.x as its own item, stating the notice', () => {
    const items = parseRssFeed(read(paths.feed('end-of-support', 'rss'))).items ?? [];
    const edge = items.filter((item) => item.title?.startsWith('Kestrel Edge Gateway 5.x'));
    expect(edge.map((item) => [item.title, item.pubDate])).toEqual([
      [
        'Kestrel Edge Gateway 5.x: end of support extended to 2027-09-30 (notice: 19 months)',
        'Tue, 10 Feb 2026 00:00:00 GMT',
      ],
      [
        'Kestrel Edge Gateway 5.x: end of support on 2027-03-31 announced (notice: 24 months)',
        'Sat, 01 Mar 2025 00:00:00 GMT',
      ],
    ]);
  });
});

describe('the items of advisory KSA-2026-0009', () => {
  const advisoryUrl = `${SITE}advisories/KSA-2026-0009/`;
  /** The workaround's HTML on the advisory page, with its links made absolute as feeds need them. */
  const pageWorkaround = () => {
    const page = read('advisories/KSA-2026-0009/index.html');
    const prose = /<h3>Workaround<\/h3><div class="prose">(.*?)<\/div>/s.exec(page)?.[1] ?? '';
    return serialiseHtml(withAbsoluteLinks(htmlFragment(prose), advisoryUrl));
  };
  const itemHtml = () => {
    const isAdvisory = (id: string | undefined) => id?.includes(':advisory:KSA-2026-0009:') === true;
    const rss = parseRssFeed(read(paths.feed('advisories', 'rss'))).items ?? [];
    const atom = parseAtomFeed(read(paths.feed('advisories', 'atom'))).entries ?? [];
    const json = parseJsonFeed(read(paths.feed('advisories', 'json'))).items ?? [];
    return [
      ...rss.filter((item) => isAdvisory(item.guid?.value)).map((item) => item.content?.encoded ?? ''),
      ...atom.filter((entry) => isAdvisory(entry.id)).map((entry) => entry.content?.value ?? ''),
      ...json.filter((item) => isAdvisory(item.id)).map((item) => item.content_html ?? ''),
    ];
  };

  it('keep the code `src="user"` of the workaround as it is written', () => {
    const items = itemHtml();
    expect(items).toHaveLength(6);
    for (const html of items) {
      expect(html).toContain('remove the <code>certificates</code> entry with <code>src="user"</code> from');
    }
  });

  it('carry the workaround exactly as the advisory page shows it, links made absolute', () => {
    expect(pageWorkaround()).toContain('<code>src="user"</code>');
    for (const html of itemHtml()) expect(html).toContain(pageWorkaround());
  });
});
