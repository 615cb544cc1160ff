/**
 * The subscription builder's choices and the addresses they give: absolute URLs (a feed reader or
 * calendar app needs the full address), taken from the public contract in src/site/urls.ts.
 */
import type { Registry } from '../../registry/types.ts';
import { absoluteUrl, feedTopics, paths, type FeedTopic } from '../urls.ts';

export interface Subscription {
  readonly label: string;
  readonly kind: 'RSS' | 'Atom' | 'JSON Feed' | 'iCalendar' | 'OPML';
  readonly url: string;
}

export interface SubscriptionChoices {
  readonly topics: readonly { readonly topic: FeedTopic; readonly label: string }[];
  readonly products: readonly { readonly slug: string; readonly name: string }[];
  /** Every address the builder can show, by key: `topic:<topic>`, `product:<slug>`, `calendar`. */
  readonly subscriptions: Readonly<Record<string, readonly Subscription[]>>;
}

export const topicLabels: Readonly<Record<FeedTopic, string>> = {
  all: 'Everything',
  support: 'Support changes',
  'end-of-support': 'End-of-support notices',
  incidents: 'Incidents and maintenance',
  advisories: 'Security advisories',
};

export function subscriptionChoices(registry: Pick<Registry, 'vendor' | 'products'>): SubscriptionChoices {
  const { vendor } = registry;
  const url = (relativePath: string) => absoluteUrl(vendor, relativePath);
  const subscriptions: Record<string, Subscription[]> = {};
  for (const topic of feedTopics) {
    const label = topicLabels[topic];
    subscriptions[`topic:${topic}`] = [
      { label, kind: 'RSS', url: url(paths.feed(topic, 'rss')) },
      { label, kind: 'Atom', url: url(paths.feed(topic, 'atom')) },
      { label, kind: 'JSON Feed', url: url(paths.feed(topic, 'json')) },
    ];
  }
  for (const product of registry.products) {
    subscriptions[`product:${product.slug}`] = [
      { label: product.name, kind: 'RSS', url: url(paths.productFeed(product.slug, 'rss')) },
      { label: product.name, kind: 'Atom', url: url(paths.productFeed(product.slug, 'atom')) },
      { label: product.name, kind: 'JSON Feed', url: url(paths.productFeed(product.slug, 'json')) },
      { label: `${product.name} end of support`, kind: 'iCalendar', url: url(paths.productCalendar(product.slug)) },
    ];
  }
  subscriptions['calendar'] = [
    { label: 'Every end-of-support date', kind: 'iCalendar', url: url(paths.calendar()) },
    { label: 'Every feed, for import', kind: 'OPML', url: url(paths.opml()) },
  ];
  return {
    topics: feedTopics.map((topic) => ({ topic, label: topicLabels[topic] })),
    products: registry.products.map((product) => ({ slug: product.slug, name: product.name })),
    subscriptions,
  };
}

/** The addresses for the chosen topics and products, in the order they were offered. */
export function chosenSubscriptions(
  choices: SubscriptionChoices,
  topics: ReadonlySet<string>,
  products: ReadonlySet<string>,
): Subscription[] {
  return [
    ...choices.topics.filter(({ topic }) => topics.has(topic)).map(({ topic }) => `topic:${topic}`),
    ...choices.products.filter(({ slug }) => products.has(slug)).map(({ slug }) => `product:${slug}`),
    'calendar',
  ].flatMap((key) => choices.subscriptions[key] ?? []);
}
