/**
 * Dates as the pages show them. Calendar dates stay strings (no time zone can shift them);
 * instants are always shown in UTC, and "2 days ago" counts days from the build date, computed
 * at build time, so the page says the same thing to every reader until the next build, and
 * builds on the same day write the same words whatever their time of day.
 */
import { daysBetween, type CalendarDate } from '../../registry/calendarDate.ts';

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

/**
 * `format`, remembering each answer: a large site shows the same few thousand dates and instants
 * on tens of thousands of pages, and formatting them again was a visible part of the render.
 */
function remembered(format: (text: string) => string): (text: string) => string {
  const answers = new Map<string, string>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) answers.set(text, (answer = format(text)));
    return answer;
  };
}

/** "2027-03-31" → "31 March 2027". */
export const formatCalendarDate: (date: CalendarDate) => string = remembered((date) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${monthNames[month - 1]} ${year}`;
});

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
export const isoInstant: (instant: string) => string = remembered((instant) =>
  new Date(instant).toISOString().replace('.000Z', 'Z'),
);

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
  { name: 'year', days: 365 },
  { name: 'month', days: 30 },
  { name: 'day', days: 1 },
] as const;

/**
 * "2 days ago", "in 3 days", "today", "yesterday", "tomorrow": from the UTC day of `instant` to
 * the build date, in the largest whole unit. The time of day is left to the instant shown beside.
 */
export function relativeTo(instant: string, buildDate: CalendarDate): string {
  const days = daysBetween(isoInstant(instant).slice(0, 10), buildDate);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  const magnitude = Math.abs(days);
  const unit = units.find((candidate) => magnitude >= candidate.days)!;
  const count = Math.floor(magnitude / unit.days);
  const words = `${count} ${unit.name}${count === 1 ? '' : 's'}`;
  return days > 0 ? `${words} ago` : `in ${words}`;
}
