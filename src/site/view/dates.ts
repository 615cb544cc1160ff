/**
 * Dates as the pages show them. Calendar dates stay strings (no time zone can shift them);
 * instants are always shown in UTC, and "2 days ago" is relative to the build time, computed
 * at build time, so the page says the same thing to every reader until the next build.
 */
import type { CalendarDate } from '../../registry/calendarDate.ts';

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2027-03-31" → "31 March 2027". */
export function formatCalendarDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${monthNames[month - 1]} ${year}`;
}

/** "2027-03-31" → "31 March": under a heading that already names the year (yearly archives). */
export function formatDayAndMonth(date: CalendarDate): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${monthNames[month - 1]}`;
}

/** "2026-11" → "November 2026". */
export function formatMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return `${monthNames[month - 1]} ${year}`;
}

/** An instant as ISO 8601 in UTC, for `<time datetime>`: "2026-11-20T08:12:00Z". */
export function isoInstant(instant: string): string {
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** "20 November 2026, 08:12 UTC". */
export function formatInstant(instant: string): string {
  const iso = isoInstant(instant);
  return `${formatCalendarDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/** The month an instant falls in, in UTC: "2026-11". */
export function utcMonthOf(instant: string): string {
  return isoInstant(instant).slice(0, 7);
}

const units = [
  { name: 'year', seconds: 365 * 24 * 3600 },
  { name: 'month', seconds: 30 * 24 * 3600 },
  { name: 'day', seconds: 24 * 3600 },
  { name: 'hour', seconds: 3600 },
  { name: 'minute', seconds: 60 },
] as const;

/** "2 days ago", "in 3 hours", "just now": from `instant` to the build time, in the largest whole unit. */
export function relativeTo(instant: string, buildTime: string): string {
  const seconds = Math.round((Date.parse(buildTime) - Date.parse(instant)) / 1000);
  const magnitude = Math.abs(seconds);
  const unit = units.find((candidate) => magnitude >= candidate.seconds);
  if (!unit) return 'just now';
  const count = Math.floor(magnitude / unit.seconds);
  const words = `${count} ${unit.name}${count === 1 ? '' : 's'}`;
  return seconds >= 0 ? `${words} ago` : `in ${words}`;
}
