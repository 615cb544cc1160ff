/**
 * OpenEoX Core 1.0 records, one per release line, wrapped in the API envelope at
 * /api/v1/products/<slug>/eox.json. Lifecycle meanings follow OpenEoX (docs/architecture.md,
 * "Standards first"): general availability = release, end of sales, end of security support = end of the
 * last phase with security fixes, end of life = end of support.
 */
import type { CalendarDate } from '../../registry/calendarDate.ts';
import { lifecycleLastChanged } from '../../registry/lifecycle.ts';
import type { Product, Registry, ReleaseLine } from '../../registry/types.ts';
import { absoluteUrl, paths } from '../../site/urls.ts';
import { API_SCHEMA_VERSION } from '../api/envelope.ts';

export const EOX_CORE_SCHEMA = 'https://docs.oasis-open.org/openeox/v1.0/schema/core.json';

export type EoxTimestamp = string;

export interface EoxCoreRecord {
  readonly $schema: typeof EOX_CORE_SCHEMA;
  readonly general_availability: EoxTimestamp;
  readonly end_of_sales?: EoxTimestamp;
  readonly end_of_security_support: EoxTimestamp;
  readonly end_of_life: EoxTimestamp;
  readonly last_updated: string;
}

/** The first moment of a day in UTC: when a release line becomes available. */
const startOf = (date: CalendarDate) => `${date}T00:00:00Z`;
/** The last moment of a day in UTC: the content's dates are "last day of", inclusive. */
const endOf = (date: CalendarDate) => `${date}T23:59:59Z`;

/**
 * One record. "tba" stands for a date not yet announced, except where OpenEoX recommends against
 * it: once end of life has a date, no other field says "tba" (recommended test 7.2.1), so an
 * unannounced end of sales is left out instead.
 */
export function eoxCoreRecord(releaseLine: ReleaseLine, buildDate: CalendarDate): EoxCoreRecord {
  const endOfLife = releaseLine.endOfSupport;
  const endOfSales = releaseLine.endOfSales ? endOf(releaseLine.endOfSales) : endOfLife ? undefined : 'tba';
  return {
    $schema: EOX_CORE_SCHEMA,
    general_availability: startOf(releaseLine.released),
    ...(endOfSales ? { end_of_sales: endOfSales } : {}),
    end_of_security_support: releaseLine.endOfSecuritySupport ? endOf(releaseLine.endOfSecuritySupport) : 'tba',
    end_of_life: endOfLife ? endOf(endOfLife) : 'tba',
    last_updated: startOf(lifecycleLastChanged(releaseLine, buildDate)),
  };
}

export function productEox(registry: Registry, product: Product) {
  const { vendor } = registry;
  return {
    schema_version: API_SCHEMA_VERSION,
    generated_at: registry.buildTime,
    product: {
      slug: product.slug,
      name: product.name,
      url: absoluteUrl(vendor, paths.product(product.slug)),
    },
    releaseLines: product.releaseLines.map((releaseLine) => ({
      name: releaseLine.name,
      identifiers: {
        purl: product.identifiers.purl ? `${product.identifiers.purl}@${encodeURIComponent(releaseLine.name)}` : null,
        cpe: product.identifiers.cpe ?? null,
      },
      eox: eoxCoreRecord(releaseLine, registry.buildDate),
    })),
  };
}
