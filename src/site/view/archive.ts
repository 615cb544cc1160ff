/**
 * Bounded list pages (docs/architecture.md, "Pages stay bounded"): what each list page shows in
 * full, and the yearly pages that hold everything else. Unbounded, a registry of 10,000 incidents
 * makes /incidents/ a 20 MB page; each list page shows a bounded selection and links to pages of
 * one year each, so nothing is more than two clicks from its list page and no page grows with the
 * history.
 */
import { compareDates } from '../../registry/calendarDate.ts';
import type { Advisory, Incident, Registry, ReleaseLine } from '../../registry/types.ts';
import { utcMonthOf } from './dates.ts';
import { endOfSupportDates, incidentsByMonth } from './selections.ts';

/** The most incidents the recent history of /incidents/ shows (in whole months). */
export const RECENT_INCIDENTS_LIMIT = 100;
/** The most advisories /advisories/ shows. */
export const LATEST_ADVISORIES_LIMIT = 100;
/** The most notices /end-of-support/ shows in full, in each of "upcoming" and "past". */
export const NOTICES_IN_FULL_LIMIT = 40;
/** The most rows each section of the overview shows before "see all". */
export const OVERVIEW_LIMIT = 10;

export interface YearCount {
  /** "2026". */
  readonly year: string;
  readonly count: number;
}

/**
 * Items grouped by year, once per Registry: every year page asks for its own year and the list
 * of years, and scanning every document for each page would make the archive quadratic.
 */
function groupedByYear<Item>(
  memo: WeakMap<object, Map<string, Item[]>>,
  registry: object,
  items: () => readonly Item[],
  yearOf: (item: Item) => string,
): Map<string, Item[]> {
  let groups = memo.get(registry);
  if (!groups) {
    groups = new Map();
    for (const item of items()) {
      const year = yearOf(item);
      const group = groups.get(year);
      if (group) group.push(item);
      else groups.set(year, [item]);
    }
    memo.set(registry, groups);
  }
  return groups;
}

/** Years with their number of items, newest first. */
function yearCounts(groups: ReadonlyMap<string, readonly unknown[]>): YearCount[] {
  return [...groups]
    .map(([year, items]) => ({ year, count: items.length }))
    .sort((a, b) => b.year.localeCompare(a.year));
}

// ---------------------------------------------------------------- incidents

/** The UTC year an incident started in: the year of its archive page. */
export function incidentYear(incident: Incident): string {
  return utcMonthOf(incident.started).slice(0, 4);
}

export interface RecentIncidents {
  /** Every incident still open or scheduled, then the recent history: newest first. */
  readonly incidents: readonly Incident[];
  /** The oldest month shown in full ("2026-10"), undefined when none is. */
  readonly since: string | undefined;
}

/**
 * What /incidents/ lists: every incident not yet resolved (whatever its age: a reader must see
 * it), and the history of the current and previous calendar year in whole months, newest first,
 * as long as they hold at most `limit` incidents together (always the newest month). A month is
 * never cut in two, so "October 2026" on this page is the whole of October.
 */
export function recentIncidents(
  registry: Pick<Registry, 'incidents' | 'buildDate'>,
  limit = RECENT_INCIDENTS_LIMIT,
): RecentIncidents {
  const firstMonth = `${Number(registry.buildDate.slice(0, 4)) - 1}-01`;
  const shown = new Set<Incident>();
  let since: string | undefined;
  for (const { month, incidents } of incidentsByMonth(registry.incidents)) {
    if (month < firstMonth) break;
    if (since !== undefined && shown.size + incidents.length > limit) break;
    for (const incident of incidents) shown.add(incident);
    since = month;
  }
  return {
    incidents: registry.incidents.filter((incident) => shown.has(incident) || incident.state !== 'resolved'),
    since,
  };
}

const incidentsByYear = new WeakMap<object, Map<string, Incident[]>>();
const incidentGroups = (registry: Pick<Registry, 'incidents'>) =>
  groupedByYear(incidentsByYear, registry, () => registry.incidents, incidentYear);

/** Every year with incidents, newest first, with how many started in it. */
export function incidentYears(registry: Pick<Registry, 'incidents'>): YearCount[] {
  return yearCounts(incidentGroups(registry));
}

/** The incidents that started in `year` (UTC), newest first. */
export function incidentsOfYear(registry: Pick<Registry, 'incidents'>, year: string): readonly Incident[] {
  return incidentGroups(registry).get(year) ?? [];
}

// ---------------------------------------------------------------- advisories

/** The year an advisory was first published: the year of its archive page (as for CSAF folders). */
export function advisoryYear(advisory: Advisory): string {
  return advisory.published.slice(0, 4);
}

/** What /advisories/ lists: the newest `limit` advisories (by latest revision, the Registry's order). */
export function latestAdvisories(registry: Pick<Registry, 'advisories'>, limit = LATEST_ADVISORIES_LIMIT): Advisory[] {
  return registry.advisories.slice(0, limit);
}

const advisoriesByYear = new WeakMap<object, Map<string, Advisory[]>>();
const advisoryGroups = (registry: Pick<Registry, 'advisories'>) =>
  groupedByYear(
    advisoriesByYear,
    registry,
    () =>
      [...registry.advisories].sort((a, b) => compareDates(b.published, a.published) || a.id.localeCompare(b.id, 'en')),
    advisoryYear,
  );

export function advisoryYears(registry: Pick<Registry, 'advisories'>): YearCount[] {
  return yearCounts(advisoryGroups(registry));
}

/** The advisories first published in `year`, newest publication first. */
export function advisoriesOfYear(registry: Pick<Registry, 'advisories'>, year: string): readonly Advisory[] {
  return advisoryGroups(registry).get(year) ?? [];
}

// ---------------------------------------------------------------- end of support

/** The year a release line's support ends in: the year of its end-of-support page. */
export function endOfSupportYear(releaseLine: ReleaseLine): string {
  return releaseLine.endOfSupport!.slice(0, 4);
}

export interface EndOfSupportSelection {
  /** The soonest upcoming dates, in full. */
  readonly upcoming: readonly ReleaseLine[];
  /** How many later upcoming dates are only on the yearly pages. */
  readonly moreUpcoming: number;
  /** The latest past dates, in full. */
  readonly past: readonly ReleaseLine[];
  readonly morePast: number;
  /** Every year with an announced end of support, past and future, soonest last. */
  readonly years: readonly YearCount[];
}

/**
 * What /end-of-support/ shows (Code of Practice 4.2: upcoming and past dates with the notice
 * given): the soonest upcoming and the latest past notices in full, `limit` of each, and every
 * year; each year's page lists all of its dates with the notice given.
 */
export function endOfSupportSelection(
  registry: Pick<Registry, 'releaseLines' | 'buildDate'>,
  limit = NOTICES_IN_FULL_LIMIT,
): EndOfSupportSelection {
  const { upcoming, past } = endOfSupportDates(registry);
  return {
    upcoming: upcoming.slice(0, limit),
    moreUpcoming: Math.max(0, upcoming.length - limit),
    past: past.slice(0, limit),
    morePast: Math.max(0, past.length - limit),
    years: endOfSupportYears(registry),
  };
}

const endOfSupportByYear = new WeakMap<object, Map<string, ReleaseLine[]>>();
const endOfSupportGroups = (registry: Pick<Registry, 'releaseLines' | 'buildDate'>) =>
  groupedByYear(
    endOfSupportByYear,
    registry,
    () => {
      const { upcoming, past } = endOfSupportDates(registry);
      return [...past.reverse(), ...upcoming];
    },
    endOfSupportYear,
  );

/** Every year with an announced end of support, newest first, with how many lines end in it. */
export function endOfSupportYears(registry: Pick<Registry, 'releaseLines' | 'buildDate'>): YearCount[] {
  return yearCounts(endOfSupportGroups(registry));
}

/** The release lines whose announced support ends in `year`, soonest first. */
export function endOfSupportOfYear(
  registry: Pick<Registry, 'releaseLines' | 'buildDate'>,
  year: string,
): readonly ReleaseLine[] {
  return endOfSupportGroups(registry).get(year) ?? [];
}
