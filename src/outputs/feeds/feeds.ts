/**
 * Which events each feed carries, and the facts every format needs (title, addresses, date).
 * Site-wide there is one feed per topic; each product has one feed with all its events.
 */
import type { Product, Registry } from '../../registry/types.ts';
import {
  absoluteUrl,
  feedFormatList,
  feedMediaTypes,
  paths,
  type FeedFormat,
  type FeedTopic,
} from '../../site/urls.ts';
import type { SubscriberEvent } from './events.ts';

export interface FeedDescription {
  readonly title: string;
  readonly description: string;
  /** The page the feed is about. */
  readonly homeUrl: string;
  /** The feed's own address in each format (rel="self", feed_url). */
  readonly selfUrls: Readonly<Record<FeedFormat, string>>;
  readonly language: string;
  readonly author: { readonly name: string; readonly url: string };
  /** The newest item's date, or the build time for an empty feed: RFC 3339 in UTC. */
  readonly updated: string;
  /** Newest first. */
  readonly events: readonly SubscriberEvent[];
}

/** Content-Type of each format as served. */
export const feedContentTypes = Object.fromEntries(
  feedFormatList.map((format) => [format, `${feedMediaTypes[format]}; charset=utf-8`]),
) as Readonly<Record<FeedFormat, string>>;

const topicFeeds: Readonly<Record<FeedTopic, { title: string; description: string; page: () => string }>> = {
  all: {
    title: 'all updates',
    description: 'Every support change, end-of-support notice, incident update and security advisory.',
    page: paths.home,
  },
  support: {
    title: 'support changes',
    description: 'Release lines released and support phases changing (UK Software Security Code of Practice 4.1).',
    page: paths.products,
  },
  'end-of-support': {
    title: 'end-of-support notices',
    description:
      'End-of-support dates announced, extended or brought forward, with the notice given (Code of Practice 4.2).',
    page: paths.endOfSupport,
  },
  incidents: {
    title: 'incidents and maintenance',
    description: 'Every incident update and post-incident report, and scheduled maintenance (Code of Practice 4.3).',
    page: paths.incidents,
  },
  advisories: {
    title: 'security advisories',
    description: 'Security advisories as they are published and revised.',
    page: paths.advisories,
  },
};

/**
 * The latest `maxItems` events, plus every older standing notice: an announced end-of-support
 * date that is still ahead never drops out of a feed that carries end-of-support events (Code of
 * Practice 4.2), whatever the size limit. The standing notices are older than every kept item,
 * so the result stays newest first.
 */
export function boundedEvents(events: readonly SubscriberEvent[], maxItems: number): SubscriberEvent[] {
  return [...events.slice(0, maxItems), ...events.slice(maxItems).filter((event) => event.isStandingNotice)];
}

export function topicFeed(registry: Registry, events: readonly SubscriberEvent[], topic: FeedTopic): FeedDescription {
  const { vendor } = registry;
  const spec = topicFeeds[topic];
  const selected = topic === 'all' ? events : events.filter((event) => event.topic === topic);
  return describe(registry, {
    title: `${vendor.name}: ${spec.title}`,
    description: spec.description,
    homeUrl: absoluteUrl(vendor, spec.page()),
    selfPath: (format) => paths.feed(topic, format),
    events: selected,
  });
}

export function productFeed(registry: Registry, events: readonly SubscriberEvent[], product: Product): FeedDescription {
  return describe(registry, {
    title: `${product.name} updates`,
    description: `Support changes, end-of-support notices, incidents and security advisories for ${product.name}.`,
    homeUrl: absoluteUrl(registry.vendor, paths.product(product.slug)),
    selfPath: (format) => paths.productFeed(product.slug, format),
    events: events.filter((event) => event.productSlugs.includes(product.slug)),
  });
}

function describe(
  registry: Registry,
  feed: {
    title: string;
    description: string;
    homeUrl: string;
    selfPath: (format: FeedFormat) => string;
    events: readonly SubscriberEvent[];
  },
): FeedDescription {
  const { vendor } = registry;
  const events = boundedEvents(feed.events, vendor.feeds.maxItems);
  return {
    title: feed.title,
    description: feed.description,
    homeUrl: feed.homeUrl,
    selfUrls: {
      rss: absoluteUrl(vendor, feed.selfPath('rss')),
      atom: absoluteUrl(vendor, feed.selfPath('atom')),
      json: absoluteUrl(vendor, feed.selfPath('json')),
    },
    language: vendor.site.language,
    author: { name: vendor.name, url: absoluteUrl(vendor, paths.home()) },
    updated: events[0]?.date ?? registry.buildTime,
    events,
  };
}
