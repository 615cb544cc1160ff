/**
 * Calendar dates (`YYYY-MM-DD`) are the heart of this product, and they are time-zone free:
 * an end-of-support date is the same day in Auckland and in Honolulu. They are kept as strings
 * and only ever turned into UTC-midnight `Date`s for arithmetic, so no build machine's time
 * zone can shift them.
 */
// One module per function: the 'date-fns' index imports all ~250 of them, which costs Node's ESM
// loader seconds at start-up (each import resolves through date-fns' large package.json).
import { addYears } from 'date-fns/addYears';
import { differenceInMonths } from 'date-fns/differenceInMonths';
import { formatISO } from 'date-fns/formatISO';

export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is `YYYY-MM-DD` and names a day that exists (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Year, month (1–12) and day of a calendar date. */
function partsOf(date: CalendarDate): [year: number, month: number, day: number] {
  return date.split('-').map(Number) as [number, number, number];
}

/**
 * date-fns works on local-time `Date`s. A local midnight built from the parts is immune to the
 * machine's zone for calendar arithmetic (adding years, whole months), which is all we use it for.
 */
function toLocalDate(date: CalendarDate): Date {
  const [year, month, day] = partsOf(date);
  return new Date(year, month - 1, day);
}

function fromLocalDate(date: Date): CalendarDate {
  return formatISO(date, { representation: 'date' });
}

/** The same day one calendar year later; 29 February gives 28 February (date-fns `addYears`). */
export function addOneYear(date: CalendarDate): CalendarDate {
  return fromLocalDate(addYears(toLocalDate(date), 1));
}

export function addCalendarYears(date: CalendarDate, years: number): CalendarDate {
  return fromLocalDate(addYears(toLocalDate(date), years));
}

/** Days since 1970-01-01: a UTC day is always 24 hours long, so the difference of two is exact. */
function epochDay(date: CalendarDate): number {
  const [year, month, day] = partsOf(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Calendar days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return epochDay(to) - epochDay(from);
}

/** Whole calendar months from `from` to `to` (date-fns `differenceInMonths`: a partial month does not count). */
export function wholeMonthsBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInMonths(toLocalDate(to), toLocalDate(from));
}

/** The calendar date of an instant in UTC. */
export function utcDateOf(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function addDaysTo(date: CalendarDate, days: number): CalendarDate {
  const shifted = toLocalDate(date);
  shifted.setDate(shifted.getDate() + days);
  return fromLocalDate(shifted);
}

/** "14 months", "1 month", "0 months": whole months from one date to another. */
export function monthsBetweenInWords(from: CalendarDate, to: CalendarDate): string {
  const months = wholeMonthsBetween(from, to);
  return `${months} ${months === 1 ? 'month' : 'months'}`;
}
