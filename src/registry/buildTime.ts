/**
 * The build instant every status is computed against. It is an input, never read implicitly
 * from the clock in the middle of a build: SOURCE_DATE_EPOCH (reproducible-builds.org), an
 * explicit option, or, by default, now.
 */
import { isCalendarDate } from './calendarDate.ts';

export class BuildTimeError extends Error {
  override name = 'BuildTimeError';
}

/**
 * `date` may be a calendar date (YYYY-MM-DD: the end of that day in UTC, so everything posted
 * that day counts) or an ISO instant.
 */
export function resolveBuildTime(date?: string, env: NodeJS.ProcessEnv = process.env): Date {
  if (date !== undefined) {
    if (isCalendarDate(date)) return new Date(`${date}T23:59:59Z`);
    const parsed = Date.parse(date);
    if (/^\d{4}-\d{2}-\d{2}T/.test(date) && !Number.isNaN(parsed)) return new Date(parsed);
    throw new BuildTimeError(`the build date "${date}" is not a date (YYYY-MM-DD) or a time (2026-11-22T12:00:00Z)`);
  }
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch)) {
      throw new BuildTimeError(`SOURCE_DATE_EPOCH="${epoch}" is not a number of seconds since 1970-01-01T00:00:00Z`);
    }
    return new Date(Number(epoch) * 1000);
  }
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
