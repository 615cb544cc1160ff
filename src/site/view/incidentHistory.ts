/**
 * The incident history as its island receives it: grouped by UTC month, each incident already
 * worded (state, impact, "2 days ago" relative to the build time), so the browser computes nothing.
 */
import type { Incident, Registry } from '../../registry/types.ts';
import { paths, sitePath } from '../urls.ts';
import { formatMonth } from './dates.ts';
import { incidentStartInWords } from './incidentWording.ts';
import { incidentsByMonth } from './selections.ts';
import type { Sentence } from './sentence.ts';
import { impactView, incidentStateView, type StatusView } from './status.ts';

export interface IncidentHistoryEntry {
  readonly id: string;
  readonly title: string;
  readonly href: string;
  readonly kindWord: string;
  readonly state: StatusView;
  readonly impact: StatusView;
  /** "starts 6 December 2026, 22:00 UTC (in 13 days)". */
  readonly start: Sentence;
  readonly products: readonly { readonly slug: string; readonly name: string }[];
}

export interface IncidentHistoryMonth {
  readonly month: string;
  readonly label: string;
  readonly incidents: readonly IncidentHistoryEntry[];
}

/** `incidents` (newest first) as the island shows them; by default every incident. */
export function incidentHistory(
  registry: Pick<Registry, 'incidents' | 'vendor' | 'buildDate'>,
  incidents: readonly Incident[] = registry.incidents,
): IncidentHistoryMonth[] {
  return incidentsByMonth(incidents).map(({ month, incidents }) => ({
    month,
    label: formatMonth(month),
    incidents: incidents.map((incident) => ({
      id: incident.id,
      title: incident.title,
      href: sitePath(registry.vendor, paths.incident(incident.id)),
      kindWord: incident.kind === 'maintenance' ? 'Maintenance' : 'Incident',
      state: incidentStateView(incident),
      impact: impactView(incident.impact),
      start: incidentStartInWords(incident, registry.buildDate),
      products: incident.affects.map((affected) => ({ slug: affected.productSlug, name: affected.productName })),
    })),
  }));
}

/**
 * The choices of the island's product filter: the products the listed incidents affect, in
 * catalogue order (by name). Only these, so the filter never offers an empty result and the page
 * does not carry every product of a large catalogue.
 */
export function incidentProducts(
  registry: Pick<Registry, 'products'>,
  incidents: readonly Incident[],
): { slug: string; name: string }[] {
  const affected = new Set(incidents.flatMap((incident) => incident.affects.map((entry) => entry.productSlug)));
  return registry.products
    .filter((product) => affected.has(product.slug))
    .map((product) => ({ slug: product.slug, name: product.name }));
}
