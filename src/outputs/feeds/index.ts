/** The feed files, as the routes serve them: a body and its media type. */
import type { Registry } from '../../registry/types.ts';
import { feedTopics, type FeedFormat, type FeedTopic } from '../../site/urls.ts';
import { renderAtom } from './atom.ts';
import { subscriberEvents, type SubscriberEvent } from './events.ts';
import { feedMediaTypes, productFeed, topicFeed, type FeedDescription } from './feeds.ts';
import { renderJsonFeed } from './jsonFeed.ts';
import { opmlMediaType, renderOpml } from './opml.ts';
import { renderRss } from './rss.ts';

export interface OutputFile {
  readonly body: string;
  readonly contentType: string;
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

const renderers: Readonly<Record<FeedFormat, (feed: FeedDescription) => string>> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

function file(feed: FeedDescription, format: FeedFormat): OutputFile {
  return { body: renderers[format](feed), contentType: feedMediaTypes[format] };
}

export function topicFeedFile(registry: Registry, topic: FeedTopic, format: FeedFormat): OutputFile {
  return file(topicFeed(registry, events(registry), topic), format);
}

/** Undefined for a slug that names no product. */
export function productFeedFile(registry: Registry, slug: string, format: FeedFormat): OutputFile | undefined {
  const product = registry.index.product(slug);
  return product && file(productFeed(registry, events(registry), product), format);
}

export function opmlFile(registry: Registry): OutputFile {
  const all = events(registry);
  return {
    body: renderOpml(registry, [
      { title: 'By topic', feeds: feedTopics.map((topic) => topicFeed(registry, all, topic)) },
      { title: 'By product', feeds: registry.products.map((product) => productFeed(registry, all, product)) },
    ]),
    contentType: opmlMediaType,
  };
}
