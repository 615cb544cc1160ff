/**
 * Feed autodiscovery links (<link rel="alternate">, RSS Advisory Board "RSS Autodiscovery"; Atom
 * RFC 4287; JSON Feed 1.1 "Discovery") for the shared page head. The feeds themselves are written
 * by src/outputs/feeds at exactly these paths.
 */
import type { VendorData } from '../registry/schema/vendor.ts';
import { feedFormatList, feedMediaTypes, paths, sitePath, type FeedFormat } from './urls.ts';

export interface FeedLink {
  readonly title: string;
  readonly href: string;
  /** Media type: application/rss+xml, application/atom+xml or application/feed+json. */
  readonly type: string;
}

const formatNames: Readonly<Record<FeedFormat, string>> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

/** Every update of the vendor in the three formats, then (on a product page) the product's own feeds. */
export function feedLinks(
  vendor: Pick<VendorData, 'site' | 'name'>,
  product?: { readonly slug: string; readonly name: string },
): FeedLink[] {
  const siteWide = feedFormatList.map((format) => ({
    title: `${vendor.name}: all updates (${formatNames[format]})`,
    href: sitePath(vendor, paths.feed('all', format)),
    type: feedMediaTypes[format],
  }));
  if (!product) return siteWide;
  const productFeeds = feedFormatList.map((format) => ({
    title: `${product.name} updates (${formatNames[format]})`,
    href: sitePath(vendor, paths.productFeed(product.slug, format)),
    type: feedMediaTypes[format],
  }));
  return [...productFeeds, ...siteWide];
}
