/**
 * iCalendar feeds (RFC 5545) a subscriber adds to their calendar:
 *
 * - end of support: an all-day event on each release line's last day of support (and on the
 *   last day of security support where that comes earlier), with reminders 12, 6, 3 and 1
 *   months before and on the day, so nobody meets the date unprepared (Code of Practice 4.2);
 * - scheduled maintenance windows, as timed events in UTC (4.3).
 *
 * UIDs name the release line and the kind of date, never the date itself: when a date moves,
 * the same event moves, and SEQUENCE (§3.8.7.4) rises with each change so clients replace it.
 *
 * The files carry no build time, so a rebuild with nothing changed writes the same bytes and a
 * deploy uploads none of them. A calendar without METHOD is a calendar, not a scheduling message
 * (§3.7.2, which also asks for the same method in the Content-Type whenever one is given), and
 * its DTSTAMP is when the event's information last changed (§3.8.7.2): the day the release
 * line's lifecycle last changed, or a maintenance window's latest published update.
 */
import { addDaysTo, type CalendarDate } from '../../registry/calendarDate.ts';
import { lifecycleLastChanged } from '../../registry/lifecycle.ts';
import type { Incident, Product, Registry, ReleaseLine } from '../../registry/types.ts';
import { absoluteUrl, paths } from '../../site/urls.ts';
import { component, date, serialise, text, utcDateTime, type ContentLine } from './ics.ts';

export const calendarMediaType = 'text/calendar; charset=utf-8';

/** Months before the date at which a reminder fires; 0 is the day itself. */
export const reminderMonths = [12, 6, 3, 1, 0] as const;

/** Reminders fire at 09:00 UTC: working hours in Europe, the demo vendor's market. */
const REMINDER_TIME = 'T090000Z';

export function endOfSupportCalendar(registry: Registry): string {
  return calendar(
    registry,
    {
      name: `${registry.vendor.name}: end of support`,
      description: `Last days of support of every ${registry.vendor.name} release line, with reminders.`,
      self: paths.calendar(),
      page: paths.endOfSupport(),
    },
    registry.releaseLines.flatMap((releaseLine) => endOfSupportEvents(registry, releaseLine)),
  );
}

export function productEndOfSupportCalendar(registry: Registry, product: Product): string {
  return calendar(
    registry,
    {
      name: `${product.name}: end of support`,
      description: `Last days of support of each ${product.name} release line, with reminders.`,
      self: paths.productCalendar(product.slug),
      page: paths.product(product.slug),
    },
    product.releaseLines.flatMap((releaseLine) => endOfSupportEvents(registry, releaseLine)),
  );
}

export function maintenanceCalendar(registry: Registry): string {
  return calendar(
    registry,
    {
      name: `${registry.vendor.name}: scheduled maintenance`,
      description: `Planned maintenance windows of ${registry.vendor.name} services, in UTC.`,
      self: paths.maintenanceCalendar(),
      page: paths.incidents(),
    },
    registry.incidents.flatMap((incident) => maintenanceEvents(registry, incident)),
  );
}

interface CalendarHeader {
  readonly name: string;
  readonly description: string;
  readonly self: string;
  readonly page: string;
}

function calendar(registry: Registry, header: CalendarHeader, events: readonly ContentLine[][]): string {
  const url = (relativePath: string) => absoluteUrl(registry.vendor, relativePath);
  return serialise(
    component('VCALENDAR', [
      { name: 'VERSION', value: '2.0' },
      { name: 'PRODID', value: text(`-//Trustline//${registry.vendor.name}//EN`) },
      { name: 'CALSCALE', value: 'GREGORIAN' },
      // RFC 7986 §5.1, §5.2, §5.7, §5.8 and their widely read predecessors (X-WR-*, X-PUBLISHED-TTL).
      { name: 'NAME', value: text(header.name) },
      { name: 'X-WR-CALNAME', value: text(header.name) },
      { name: 'DESCRIPTION', value: text(header.description) },
      { name: 'X-WR-CALDESC', value: text(header.description) },
      { name: 'URL;VALUE=URI', value: url(header.page) },
      { name: 'SOURCE;VALUE=URI', value: url(header.self) },
      { name: 'REFRESH-INTERVAL;VALUE=DURATION', value: 'P1D' },
      { name: 'X-PUBLISHED-TTL', value: 'P1D' },
      ...events.flat(),
    ]),
  );
}

/** The same day `count` months earlier; the 31st becomes the last day of a shorter month. */
export function monthsBefore(day: CalendarDate, count: number): CalendarDate {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 - count, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(dayOfMonth, lastDay))}`;
}

/** The days reminders fire on, as DATE-TIME triggers: RFC 5545 durations have no months (§3.3.6). */
export function reminderTriggers(day: CalendarDate): string[] {
  return reminderMonths.map((count) => `${date(monthsBefore(day, count))}${REMINDER_TIME}`);
}

function uid(registry: Registry, ...parts: string[]): string {
  return `${parts.map(encodeURIComponent).join('.')}@${hostOf(registry.vendor.site.url)}`;
}

/** The site's host, parsed once: every event's UID ends with it. */
const hosts = new Map<string, string>();
function hostOf(siteUrl: string): string {
  let host = hosts.get(siteUrl);
  if (host === undefined) hosts.set(siteUrl, (host = new URL(siteUrl).hostname.toLowerCase()));
  return host;
}

function allDayEvent(event: {
  uid: string;
  day: CalendarDate;
  /** When the event's information last changed (DTSTAMP). */
  changed: string;
  sequence: number;
  summary: string;
  description: string;
  url: string;
  reminder: (months: number) => string;
}): ContentLine[] {
  const triggers = reminderTriggers(event.day);
  const alarms = reminderMonths.map((count, index) =>
    component('VALARM', [
      { name: 'ACTION', value: 'DISPLAY' },
      { name: 'DESCRIPTION', value: text(event.reminder(count)) },
      { name: 'TRIGGER;VALUE=DATE-TIME', value: triggers[index]! },
    ]),
  );
  return component('VEVENT', [
    { name: 'UID', value: event.uid },
    { name: 'DTSTAMP', value: utcDateTime(event.changed) },
    // §3.6.1: an all-day event is a DATE start with the next day as its (exclusive) end.
    { name: 'DTSTART;VALUE=DATE', value: date(event.day) },
    { name: 'DTEND;VALUE=DATE', value: date(addDaysTo(event.day, 1)) },
    { name: 'SEQUENCE', value: String(event.sequence) },
    { name: 'SUMMARY', value: text(event.summary) },
    { name: 'DESCRIPTION', value: text(event.description) },
    { name: 'URL;VALUE=URI', value: event.url },
    { name: 'CATEGORIES', value: text('End of support') },
    { name: 'CLASS', value: 'PUBLIC' },
    // A reminder of a date, not a meeting: it does not make the subscriber busy.
    { name: 'TRANSP', value: 'TRANSPARENT' },
    ...alarms.flat(),
  ]);
}

function inWords(months: number): string {
  if (months === 0) return 'today';
  return months === 1 ? 'in 1 month' : `in ${months} months`;
}

/** A release line's events, made once: the site-wide calendar and its product's both list them. */
const endOfSupportEventsOf = new WeakMap<ReleaseLine, ContentLine[][]>();

function endOfSupportEvents(registry: Registry, releaseLine: ReleaseLine): ContentLine[][] {
  let events = endOfSupportEventsOf.get(releaseLine);
  if (!events) endOfSupportEventsOf.set(releaseLine, (events = releaseLineEvents(registry, releaseLine)));
  return events;
}

function releaseLineEvents(registry: Registry, releaseLine: ReleaseLine): ContentLine[][] {
  const notice = releaseLine.notice;
  if (!notice) return [];
  const name = `${releaseLine.productName} ${releaseLine.name}`;
  const productUrl = absoluteUrl(registry.vendor, paths.product(releaseLine.productSlug));
  const endOfSupportUrl = absoluteUrl(registry.vendor, paths.endOfSupport());
  const successor =
    releaseLine.successor &&
    `${registry.index.product(releaseLine.successor.productSlug)?.name ?? ''} ${releaseLine.successor.name}`.trim();
  const history = notice.events.map((event) =>
    event.kind === 'announced'
      ? `announced on ${event.on} for ${event.endOfSupport}`
      : `${event.kind === 'extended' ? 'extended' : 'brought forward'} on ${event.on} from ${event.previous} to ${event.endOfSupport}`,
  );
  const dateChanges = notice.events.length - 1;
  const changed = `${lifecycleLastChanged(releaseLine, registry.buildDate)}T00:00:00Z`;
  const events = [
    allDayEvent({
      uid: uid(registry, 'end-of-support', releaseLine.productSlug, releaseLine.name),
      day: notice.endOfSupport,
      changed,
      sequence: dateChanges,
      summary: `Last day of support: ${name}`,
      description: [
        `Support for ${name} ends on ${notice.endOfSupport} (the last day of support).`,
        `Notice given: ${notice.noticeMonths} ${notice.noticeMonths === 1 ? 'month' : 'months'} (announced ${notice.announced}).`,
        `Date history: ${history.join('; ')}.`,
        successor === undefined ? undefined : `Successor: ${successor}.`,
        `Migration guidance: ${productUrl}`,
        `All end-of-support dates: ${endOfSupportUrl}`,
      ]
        .filter((line) => line !== undefined)
        .join('\n'),
      url: productUrl,
      reminder: (months) => `${name}: support ends ${inWords(months)} (${notice.endOfSupport}).`,
    }),
  ];
  const securityEnd = releaseLine.endOfSecuritySupport;
  if (securityEnd !== undefined && securityEnd !== notice.endOfSupport) {
    events.push(
      allDayEvent({
        uid: uid(registry, 'end-of-security-support', releaseLine.productSlug, releaseLine.name),
        day: securityEnd,
        changed,
        // This date is the end of a support phase, which has no change history in the content.
        sequence: 0,
        summary: `Last day of security fixes: ${name}`,
        description: [
          `Security fixes for ${name} end on ${securityEnd}.`,
          `Support without security fixes continues until ${notice.endOfSupport}.`,
          successor === undefined ? undefined : `Successor: ${successor}.`,
          `Migration guidance: ${productUrl}`,
        ]
          .filter((line) => line !== undefined)
          .join('\n'),
        url: productUrl,
        reminder: (months) => `${name}: security fixes end ${inWords(months)} (${securityEnd}).`,
      }),
    );
  }
  return events;
}

const maintenanceStatusWords: Readonly<Record<string, string>> = {
  scheduled: 'scheduled',
  'in-progress': 'in progress',
  completed: 'completed',
};

function maintenanceEvents(registry: Registry, incident: Incident): ContentLine[][] {
  const window = incident.window;
  const published = incident.updates.filter((update) => Date.parse(update.at) <= Date.parse(registry.buildTime));
  const latest = published.at(-1);
  if (incident.kind !== 'maintenance' || window === undefined || latest === undefined) return [];
  const url = absoluteUrl(registry.vendor, paths.incident(incident.id));
  const affected = incident.affects.map((entry) =>
    entry.releaseLines === undefined ? entry.productName : `${entry.productName} ${entry.releaseLines.join(', ')}`,
  );
  return [
    component('VEVENT', [
      { name: 'UID', value: uid(registry, 'maintenance', incident.id) },
      { name: 'DTSTAMP', value: utcDateTime(latest.at) },
      { name: 'DTSTART', value: utcDateTime(window.start) },
      { name: 'DTEND', value: utcDateTime(window.end) },
      // Each update may change what the event says (and the window): one revision each.
      { name: 'SEQUENCE', value: String(published.length - 1) },
      { name: 'SUMMARY', value: text(incident.title) },
      {
        name: 'DESCRIPTION',
        value: text(
          [
            `Maintenance ${incident.id}: ${maintenanceStatusWords[latest.status] ?? latest.status} (update of ${new Date(Date.parse(latest.at)).toISOString().replace('.000Z', 'Z')}).`,
            `Impact: ${incident.impact}.`,
            `Affects: ${affected.join('; ')}.`,
            `Details and updates: ${url}`,
          ].join('\n'),
        ),
      },
      { name: 'URL;VALUE=URI', value: url },
      { name: 'CATEGORIES', value: text('Maintenance') },
      { name: 'STATUS', value: 'CONFIRMED' },
      { name: 'CLASS', value: 'PUBLIC' },
      { name: 'TRANSP', value: 'TRANSPARENT' },
    ]),
  ];
}
