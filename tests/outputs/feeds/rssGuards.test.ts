/**
 * RSS 2.0 is written by the `feed` package, whose writer turns a literal `&amp;` in text into `&`
 * and splits only the first `]]>` of a CDATA section. Text that trips both comes through to a
 * reader, read by an independent parser and xmllint, as the text the editor wrote.
 */
import { parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productFeedFile } from '../../../src/outputs/feeds/feedFiles.ts';
import { loadRegistry } from '../../../src/registry/loadRegistry.ts';
import type { Registry } from '../../../src/registry/types.ts';
import { BUILD_DATE, createContent, markdownFile, product, type Fixture } from '../../support/contentFixture.ts';
import { wellFormednessErrors } from './wellFormed.ts';

const productName = 'Tom &amp; Jerry ]]> one ]]> two ]]>]]> three';

let fixture: Fixture;
let registry: Registry;
beforeAll(() => {
  fixture = createContent();
  fixture.write('products/gateway.md', markdownFile(product({ name: productName }), 'The gateway.\n'));
  registry = loadRegistry({ contentDir: fixture.dir, buildDate: BUILD_DATE });
});
afterAll(() => fixture.cleanup());

describe('RSS 2.0 written by the feed package', () => {
  const rss = () => productFeedFile(registry, 'gateway', 'rss')!.body;

  it('is well-formed with several "]]>" in one title', () => {
    expect(wellFormednessErrors(rss())).toEqual([]);
  });

  it('keeps a literal "&amp;" in the channel title and the categories', () => {
    const channel = parseRssFeed(rss());
    expect(channel.title).toBe(`${productName} updates`);
    expect(channel.items?.at(-1)?.categories?.map((category) => category.name)).toEqual(['Support', productName]);
  });

  it('keeps every "]]>" and "&amp;" in the item titles and descriptions', () => {
    const items = parseRssFeed(rss()).items ?? [];
    expect(items.map((item) => item.title)).toContain(`${productName} 2.x released`);
    expect(items.find((item) => item.title === `${productName} 2.x released`)?.description).toBe(
      `${productName} 2.x is available from 2026-01-15 with full support: Fixes and features.`,
    );
  });
});
