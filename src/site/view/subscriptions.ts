/**
 * The subscription builder's choices and the addresses they give: absolute URLs (a feed reader or
 * calendar app needs the full address), taken from the public contract in src/site/urls.ts.
 */
import type { Registry } from '../../registry/types.ts';
import { absoluteUrl, feedFormatList, feedTopics, paths, type FeedFormat, type FeedTopic } from '../urls.ts';

export interface Subscription {
  readonly label: string;
  readonly kind: 'RSS' | 'Atom' | 'JSON Feed' | 'iCalendar' | 'OPML';
  readonly url: string;
}

export interface SubscriptionChoices {
  /** The site's address ("https://trust.example.com/trust/"): the island builds each address from it. */
  readonly siteUrl: string;
  readonly topics: readonly { readonly topic: FeedTopic; readonly label: string }[];
  readonly products: readonly { readonly slug: string; readonly name: string }[];
}

const feedKinds: Readonly<Record<FeedFormat, Subscription['kind']>> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

export const topicLabels: Readonly<Record<FeedTopic, string>> = {
  all: 'Everything',
  support: 'Support changes',
  'end-of-support': 'End-of-support notices',
  incidents: 'Incidents and maintenance',
  advisories: 'Security advisories',
};

/** What the builder offers: names only, so the page stays small with a thousand products. */
export function subscriptionChoices(registry: Pick<Registry, 'vendor' | 'products'>): SubscriptionChoices {
  return {
    siteUrl: absoluteUrl(registry.vendor, ''),
    topics: feedTopics.map((topic) => ({ topic, label: topicLabels[topic] })),
    products: registry.products.map((product) => ({ slug: product.slug, name: product.name })),
  };
}

/** The addresses for the chosen topics and products, in the order they were offered. */
export function chosenSubscriptions(
  choices: SubscriptionChoices,
  topics: ReadonlySet<string>,
  products: ReadonlySet<string>,
): Subscription[] {
  const url = (relativePath: string) => `${choices.siteUrl}${relativePath}`;
  return [
    ...choices.topics
      .filter(({ topic }) => topics.has(topic))
      .flatMap(({ topic, label }) =>
        feedFormatList.map((format) => ({ label, kind: feedKinds[format], url: url(paths.feed(topic, format)) })),
      ),
    ...choices.products
      .filter(({ slug }) => products.has(slug))
      .flatMap(({ slug, name }): Subscription[] => [
        ...feedFormatList.map((format) => ({
          label: name,
          kind: feedKinds[format],
          url: url(paths.productFeed(slug, format)),
        })),
        { label: `${name} end of support`, kind: 'iCalendar', url: url(paths.productCalendar(slug)) },
      ]),
    { label: 'Every end-of-support date', kind: 'iCalendar', url: url(paths.calendar()) },
    { label: 'Every feed, for import', kind: 'OPML', url: url(paths.opml()) },
  ];
}
