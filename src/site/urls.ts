/**
 * The public URLs (docs/architecture.md, "The public contract"): promises to subscribers, so they are written once,
 * here. Paths are relative to the site root ("products/gateway/"); `sitePath` adds the base path
 * for links inside pages, `absoluteUrl` gives the full address for feeds and machine files.
 */
import type { VendorData } from '../registry/schema/vendor.ts';
import type { WithdrawnKind } from '../registry/schema/withdrawn.ts';

export const feedTopics = ['all', 'support', 'end-of-support', 'incidents', 'advisories'] as const;
export type FeedTopic = (typeof feedTopics)[number];
export const feedFormats = { rss: 'xml', atom: 'atom', json: 'json' } as const;
export type FeedFormat = keyof typeof feedFormats;
export const feedFormatList = Object.keys(feedFormats) as FeedFormat[];
/** Media types of the feed formats (for <link type> and Content-Type). */
export const feedMediaTypes: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

export const paths = {
  home: () => '',
  products: () => 'products/',
  product: (slug: string) => `products/${slug}/`,
  endOfSupport: () => 'end-of-support/',
  /** The release lines whose support ends in one year ("2027"): no other page lives under end-of-support/. */
  endOfSupportYear: (year: string) => `end-of-support/${year}/`,
  incidents: () => 'incidents/',
  incident: (id: string) => `incidents/${id}/`,
  /**
   * One year of incidents. Two segments deep, so it can never be an incident's page
   * (`incidents/<id>/`, any [A-Za-z0-9-] id, "archive" included); there is deliberately no page
   * at incidents/archive/ itself.
   */
  incidentArchive: (year: string) => `incidents/archive/${year}/`,
  advisories: () => 'advisories/',
  advisory: (id: string) => `advisories/${id}/`,
  /** One year of advisories; two segments deep for the same reason as incidentArchive. */
  advisoryArchive: (year: string) => `advisories/archive/${year}/`,
  policies: () => 'policies/',
  policy: (slug: string) => `policies/${slug}/`,
  codeOfPractice: () => 'code-of-practice/',
  selfAssessment: () => 'code-of-practice/self-assessment.json',
  subscribe: () => 'subscribe/',
  search: () => 'search/',
  feed: (topic: FeedTopic, format: FeedFormat) => `feeds/${topic}.${feedFormats[format]}`,
  productFeed: (slug: string, format: FeedFormat) => `products/${slug}/feed.${feedFormats[format]}`,
  opml: () => 'feeds/index.opml',
  calendar: () => 'calendar/end-of-support.ics',
  productCalendar: (slug: string) => `products/${slug}/end-of-support.ics`,
  maintenanceCalendar: () => 'calendar/maintenance.ics',
  api: () => 'api/v1/',
  apiIndex: () => 'api/v1/index.json',
  apiSchema: () => 'api/v1/schema.json',
  apiProducts: () => 'api/v1/products.json',
  apiProduct: (slug: string) => `api/v1/products/${slug}.json`,
  apiEox: (slug: string) => `api/v1/products/${slug}/eox.json`,
  apiIncidents: () => 'api/v1/incidents.json',
  apiAdvisories: () => 'api/v1/advisories.json',
  securityTxt: () => '.well-known/security.txt',
  csafProviderMetadata: () => '.well-known/csaf/provider-metadata.json',
  csafDocument: (year: string, fileName: string) => `.well-known/csaf/white/${year}/${fileName}`,
  csafRoot: () => '.well-known/csaf/',
  csafWhite: () => '.well-known/csaf/white/',
  csafYear: (year: string) => `.well-known/csaf/white/${year}/`,
  csafIndexTxt: () => '.well-known/csaf/white/index.txt',
  csafChangesCsv: () => '.well-known/csaf/white/changes.csv',
  csafRolieFeed: () => '.well-known/csaf/white/csaf-feed-tlp-white.json',
  csafOpenPgpKey: (fingerprint: string) => `.well-known/csaf/openpgp/${fingerprint}.asc`,
} as const;

/**
 * The address a withdrawn product, incident or advisory had (content/withdrawn.yml): it keeps a
 * page there saying what was withdrawn, when and why.
 */
export function withdrawnPath(withdrawal: { kind: WithdrawnKind; id: string }): string {
  return { product: paths.product, incident: paths.incident, advisory: paths.advisory }[withdrawal.kind](withdrawal.id);
}

/** "/trust/products/gateway/" for a site served under /trust/. */
export function sitePath(vendor: Pick<VendorData, 'site'>, relativePath: string): string {
  return `${vendor.site.basePath}${relativePath}`;
}

/** "https://example.com/trust/products/gateway/". */
export function absoluteUrl(vendor: Pick<VendorData, 'site'>, relativePath: string): string {
  return `${vendor.site.url.replace(/\/$/, '')}${sitePath(vendor, relativePath)}`;
}
