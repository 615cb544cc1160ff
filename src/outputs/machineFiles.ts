/**
 * Every machine-readable file of the site (docs/architecture.md, "The public contract"): feeds and OPML, calendars,
 * the JSON API and its schema, OpenEoX records, the CSAF provider, security.txt, robots.txt and
 * the self-assessment; with them the vendor's stylesheet, when it has a brand. Astro renders the
 * pages; these files are written by the build from the same Registry while Astro renders, on the
 * other core (src/pipeline/writeMachineFiles.ts), and the dev server serves them from this same
 * list (src/integrations/liveContent.ts).
 */
import { apiSchema } from './api/schema.ts';
import { BRAND_STYLESHEET, brandStylesheet } from './brandStylesheet.ts';
import { apiAdvisories, apiIncidents, apiIndex, apiProduct, apiProducts } from './api/v1.ts';
import {
  calendarMediaType,
  endOfSupportCalendar,
  maintenanceCalendar,
  productEndOfSupportCalendar,
} from './calendar/calendars.ts';
import {
  changesCsv,
  csafFiles,
  csafYears,
  directoryListing,
  indexTxt,
  providerMetadata,
  rolieFeed,
  sha512File,
  yearFolderEntries,
} from './csaf/provider.ts';
import { selfAssessment } from './evidence/claims.ts';
import { feedContentTypes, type FeedDescription } from './feeds/feeds.ts';
import { opmlFile, productFeedDescription, renderFeed, topicFeedDescription } from './feeds/feedFiles.ts';
import { opmlMediaType } from './feeds/opml.ts';
import { productEox } from './openeox/eoxRecord.ts';
import { securityTxt } from './securityTxt/securityTxt.ts';
import { signingKeyFromEnvironment } from './signing/fromEnvironment.ts';
import { signCleartext, signDetached } from './signing/openpgp.ts';
import type { Registry } from '../registry/types.ts';
import { absoluteUrl, feedFormatList, feedTopics, paths, sitePath, type FeedFormat } from '../site/urls.ts';

export interface MachineFile {
  /** Site path, relative to the site root ("feeds/all.xml"). */
  readonly path: string;
  readonly contentType: string;
  /** The body, rendered on demand: the dev server renders only the file it is asked for. */
  readonly render: () => string | Promise<string>;
  /**
   * For a file whose body is a function of these inputs and the code alone: a build whose
   * previous site has the file made from equal inputs copies it instead (src/pipeline/writeMachineFiles.ts).
   */
  readonly inputs?: () => unknown;
}

const JSON_TYPE = 'application/json';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/** Two-space JSON with a final newline: readable with `curl`, and the same bytes on every build. */
const json = (path: string, value: () => unknown): MachineFile => ({
  path,
  contentType: JSON_TYPE,
  render: () => `${JSON.stringify(value(), null, 2)}\n`,
});

const fixed = (path: string, contentType: string, render: () => string | Promise<string>): MachineFile => ({
  path,
  contentType,
  render,
});

/** A feed in every format, described once. */
const feedFiles = (path: (format: FeedFormat) => string, feed: () => FeedDescription): MachineFile[] =>
  feedFormatList.map((format) => ({
    path: path(format),
    contentType: feedContentTypes[format],
    render: () => renderFeed(feed(), format),
    inputs: feed,
  }));

/** `make`'s value, made on the first call. */
function once<Value>(make: () => Value): () => Value {
  let made: { value: Value } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** The site's machine-readable files; signed ones (security.txt, CSAF) only with a signing key. */
export async function machineFiles(registry: Registry): Promise<MachineFile[]> {
  const key = await signingKeyFromEnvironment(registry.buildTime);
  const { vendor } = registry;
  const listing = (folder: string, entries: readonly string[]): MachineFile =>
    fixed(`${folder}index.html`, HTML_TYPE, () =>
      directoryListing(sitePath(vendor, folder), entries, vendor.site.language),
    );
  const csaf = csafFiles(registry);
  const years = csafYears(csaf);
  const brandCss = brandStylesheet(vendor);

  return [
    fixed(
      'robots.txt',
      TEXT_TYPE,
      () => `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(vendor, 'sitemap-index.xml')}\n`,
    ),
    ...(brandCss === undefined ? [] : [fixed(BRAND_STYLESHEET, 'text/css; charset=utf-8', () => brandCss)]),

    // Feeds (Code of Practice 4.1-4.3) and the OPML that lists them.
    ...feedTopics.flatMap((topic) =>
      feedFiles(
        (format) => paths.feed(topic, format),
        once(() => topicFeedDescription(registry, topic)),
      ),
    ),
    fixed(paths.opml(), opmlMediaType, () => opmlFile(registry).body),
    ...registry.products.flatMap((product) =>
      feedFiles(
        (format) => paths.productFeed(product.slug, format),
        once(() => productFeedDescription(registry, product.slug)!),
      ),
    ),

    // Calendars.
    fixed(paths.calendar(), calendarMediaType, () => endOfSupportCalendar(registry)),
    fixed(paths.maintenanceCalendar(), calendarMediaType, () => maintenanceCalendar(registry)),
    ...registry.products.map((product) =>
      fixed(paths.productCalendar(product.slug), calendarMediaType, () =>
        productEndOfSupportCalendar(registry, product),
      ),
    ),

    // The JSON API and OpenEoX.
    json(paths.apiIndex(), () => apiIndex(registry)),
    json(paths.apiSchema(), () => apiSchema(registry)),
    json(paths.apiProducts(), () => apiProducts(registry)),
    json(paths.apiIncidents(), () => apiIncidents(registry)),
    json(paths.apiAdvisories(), () => apiAdvisories(registry)),
    ...registry.products.flatMap((product) => [
      json(paths.apiProduct(product.slug), () => apiProduct(registry, product)),
      json(paths.apiEox(product.slug), () => productEox(registry, product)),
    ]),
    json(paths.selfAssessment(), () => selfAssessment(registry)),

    // security.txt (RFC 9116), cleartext-signed with a key.
    fixed(paths.securityTxt(), TEXT_TYPE, () =>
      key ? signCleartext(securityTxt(registry), key) : securityTxt(registry),
    ),

    // The CSAF 2.0 provider: metadata, the directory distribution, listings for people.
    json(paths.csafProviderMetadata(), () => providerMetadata(registry, key)),
    ...(key ? [fixed(paths.csafOpenPgpKey(key.fingerprint), 'application/pgp-keys', () => key.armoredPublicKey)] : []),
    // .well-known/ has no listing of its own, so the root listing has no "../".
    listing(paths.csafRoot(), ['provider-metadata.json', 'white/']),
    listing(paths.csafWhite(), [
      '../',
      ...years.map((year) => `${year}/`),
      'changes.csv',
      'csaf-feed-tlp-white.json',
      'index.txt',
    ]),
    ...years.map((year) => listing(paths.csafYear(year), ['../', ...yearFolderEntries(csaf, year, key !== undefined)])),
    fixed(paths.csafIndexTxt(), TEXT_TYPE, () => indexTxt(csaf)),
    fixed(paths.csafChangesCsv(), 'text/csv; charset=utf-8', () => changesCsv(csaf)),
    json(paths.csafRolieFeed(), () => rolieFeed(registry, csaf, key !== undefined)),
    ...csaf.flatMap((file) => {
      const documentPath = paths.csafDocument(file.year, file.fileName);
      return [
        fixed(documentPath, JSON_TYPE, () => file.text),
        fixed(`${documentPath}.sha512`, TEXT_TYPE, () => sha512File(file)),
        ...(key
          ? [
              fixed(`${documentPath}.asc`, 'application/pgp-signature', () =>
                signDetached(new TextEncoder().encode(file.text), key),
              ),
            ]
          : []),
      ];
    }),
  ];
}
