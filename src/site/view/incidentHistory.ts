/**
 * The incident history as its island receives it: grouped by UTC month, each incident already
 * worded (state, impact, "2 days ago" relative to the build time), so the browser computes nothing.
 */
import type { Registry } from '../../registry/types.ts';
import { paths, sitePath } from '../urls.ts';
import { formatInstant, formatMonth, isoInstant, relativeTo } from './dates.ts';
import { incidentsByMonth } from './selections.ts';
import { impactView, incidentStateView, type StatusView } from './status.ts';

export interface IncidentHistoryEntry {
  readonly id: string;
  readonly title: string;
  readonly href: string;
  readonly kindWord: string;
  readonly state: StatusView;
  readonly impact: StatusView;
  readonly started: {
    readonly verb: 'starts' | 'started';
    readonly iso: string;
    readonly text: string;
    readonly relative: string;
  };
  readonly products: readonly { readonly slug: string; readonly name: string }[];
}

export interface IncidentHistoryMonth {
  readonly month: string;
  readonly label: string;
  readonly incidents: readonly IncidentHistoryEntry[];
}

export function incidentHistory(
  registry: Pick<Registry, 'incidents' | 'vendor' | 'buildTime'>,
): IncidentHistoryMonth[] {
  return incidentsByMonth(registry.incidents).map(({ month, incidents }) => ({
    month,
    label: formatMonth(month),
    incidents: incidents.map((incident) => ({
      id: incident.id,
      title: incident.title,
      href: sitePath(registry.vendor, paths.incident(incident.id)),
      kindWord: incident.kind === 'maintenance' ? 'Maintenance' : 'Incident',
      state: incidentStateView(incident),
      impact: impactView(incident.impact),
      started: {
        verb: incident.state === 'scheduled' ? 'starts' : 'started',
        iso: isoInstant(incident.started),
        text: formatInstant(incident.started),
        relative: relativeTo(incident.started, registry.buildTime),
      },
      products: incident.affects.map((affected) => ({ slug: affected.productSlug, name: affected.productName })),
    })),
  }));
}
