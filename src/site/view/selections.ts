/**
 * What the overview, end-of-support and incident pages pick from the Registry and in what order:
 * pure functions, so the pages stay thin and the choices are testable.
 */
import { addCalendarYears, compareDates } from '../../registry/calendarDate.ts';
import type { Incident, Registry, ReleaseLine } from '../../registry/types.ts';
import { utcMonthOf } from './dates.ts';

/** Open incidents and maintenance in progress or scheduled: what a reader must see first. */
export function currentIncidents(registry: Pick<Registry, 'incidents'>): Incident[] {
  return registry.incidents.filter((incident) => incident.state !== 'resolved');
}

/** Release lines whose support ends between the build date and twelve months later, soonest first. */
export function endingWithinAYear(registry: Pick<Registry, 'releaseLines' | 'buildDate'>): ReleaseLine[] {
  const horizon = addCalendarYears(registry.buildDate, 1);
  return registry.releaseLines
    .filter((line) => line.endOfSupport !== undefined)
    .filter((line) => line.endOfSupport! >= registry.buildDate && line.endOfSupport! <= horizon)
    .sort((a, b) => compareDates(a.endOfSupport!, b.endOfSupport!));
}

/** Release lines with an announced end of support: upcoming (soonest first) and past (latest first). */
export function endOfSupportDates(registry: Pick<Registry, 'releaseLines' | 'buildDate'>): {
  upcoming: ReleaseLine[];
  past: ReleaseLine[];
} {
  const announced = registry.releaseLines.filter(
    (line) => line.notice !== undefined && line.endOfSupport !== undefined,
  );
  return {
    upcoming: announced
      .filter((line) => line.endOfSupport! >= registry.buildDate)
      .sort((a, b) => compareDates(a.endOfSupport!, b.endOfSupport!)),
    past: announced
      .filter((line) => line.endOfSupport! < registry.buildDate)
      .sort((a, b) => compareDates(b.endOfSupport!, a.endOfSupport!)),
  };
}

export interface IncidentMonth {
  /** "2026-11" (UTC). */
  readonly month: string;
  readonly incidents: readonly Incident[];
}

/** Incidents grouped by the UTC month they started in, newest month first (the Registry's order). */
export function incidentsByMonth(incidents: readonly Incident[]): IncidentMonth[] {
  const months: { month: string; incidents: Incident[] }[] = [];
  for (const incident of incidents) {
    const month = utcMonthOf(incident.started);
    const last = months.at(-1);
    if (last?.month === month) last.incidents.push(incident);
    else months.push({ month, incidents: [incident] });
  }
  return months;
}

/** The product and release line that replace `releaseLine`, when its successor names a product of the Registry. */
export function successorOf(releaseLine: ReleaseLine, registry: Pick<Registry, 'index'>) {
  if (!releaseLine.successor) return undefined;
  const product = registry.index.product(releaseLine.successor.productSlug);
  return product ? { product, name: releaseLine.successor.name } : undefined;
}
