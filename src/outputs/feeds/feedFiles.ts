/** The feed files' bodies; src/outputs/machineFiles.ts gives each its path and media type. */
import type { Registry } from '../../registry/types.ts';
import { feedTopics, type FeedFormat, type FeedTopic } from '../../site/urls.ts';
import { renderAtom } from './atom.ts';
import { subscriberEvents, type SubscriberEvent } from './events.ts';
import { productFeed, topicFeed, type FeedDescription } from './feeds.ts';
import { renderJsonFeed } from './jsonFeed.ts';
import { renderOpml } from './opml.ts';
import { renderRss } from './rss.ts';

export interface OutputFile {
  readonly body: string;
}

/** Derived once per Registry: every route of a build shares the same events. */
const eventsOf = new WeakMap<Registry, SubscriberEvent[]>();

function events(registry: Registry): SubscriberEvent[] {
  let derived = eventsOf.get(registry);
  if (!derived) {
    derived = subscriberEvents(registry);
    eventsOf.set(registry, derived);
  }
  return derived;
}

/** Each product's events, newest first, grouped once: a filter per product feed is quadratic. */
const productEventsOf = new WeakMap<Registry, Map<string, SubscriberEvent[]>>();

function productEvents(registry: Registry, slug: string): SubscriberEvent[] {
  let grouped = productEventsOf.get(registry);
  if (!grouped) {
    grouped = new Map();
    for (const event of events(registry)) {
      for (const productSlug of new Set(event.productSlugs)) {
        let list = grouped.get(productSlug);
        if (!list) grouped.set(productSlug, (list = []));
        list.push(event);
      }
    }
    productEventsOf.set(registry, grouped);
  }
  return grouped.get(slug) ?? [];
}

const renderers: Readonly<Record<FeedFormat, (feed: FeedDescription) => string>> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** A feed in one format: its body is a function of its description and the code alone. */
export function renderFeed(feed: FeedDescription, format: FeedFormat): string {
  return renderers[format](feed);
}

export const topicFeedDescription = (registry: Registry, topic: FeedTopic): FeedDescription =>
  topicFeed(registry, events(registry), topic);

/** Undefined for a slug that names no product. */
export function productFeedDescription(registry: Registry, slug: string): FeedDescription | undefined {
  const product = registry.index.product(slug);
  return product && productFeed(registry, productEvents(registry, slug), product);
}

export function topicFeedFile(registry: Registry, topic: FeedTopic, format: FeedFormat): OutputFile {
  return { body: renderFeed(topicFeedDescription(registry, topic), format) };
}

/** Undefined for a slug that names no product. */
export function productFeedFile(registry: Registry, slug: string, format: FeedFormat): OutputFile | undefined {
  const feed = productFeedDescription(registry, slug);
  return feed && { body: renderFeed(feed, format) };
}

export function opmlFile(registry: Registry): OutputFile {
  const all = events(registry);
  return {
    body: renderOpml(registry, [
      { title: 'By topic', feeds: feedTopics.map((topic) => topicFeed(registry, all, topic)) },
      {
        title: 'By product',
        feeds: registry.products.map((product) =>
          productFeed(registry, productEvents(registry, product.slug), product),
        ),
      },
    ]),
  };
}
