/**
 * The one-year notice rule (Code of Practice 4.2): customers get at least one year's notice
 * before support ends. There is no switch to turn it off; the only way past it is to fix the
 * content.
 *
 * - A notice counts from the later of the day written in `announced` and the day git first
 *   published the date on the branch being built: customers cannot have been told before. So a
 *   notice written in a pull request counts from the day it is merged, whether by merge, squash or
 *   rebase, and the pages, feeds, calendars and API show that day (docs/editor-guide.md).
 * - The end of support is at least one calendar year after that day
 *   (`addYears(announced, 1) <= endOfSupport`; 29 February + 1 year = 28 February).
 * - A date moved earlier is a new notice, measured from the day of the change, counted the same way.
 * - A notice cannot be announced after the build date. A notice given before the release line was
 *   in the portal counts from its original date when it cites that public announcement in `source`.
 * - In a pull request, a notice not yet on the base branch whose year would run short if merged
 *   within MERGE_MARGIN_DAYS gets a warning naming the last day to merge it.
 * - A date git has published stays in the notice's history: moving it is a change, listed in
 *   `changes`, never a silent edit.
 */
import {
  addCalendarYears,
  addDaysTo,
  addOneYear,
  daysBetween,
  wholeMonthsBetween,
  type CalendarDate,
} from '../calendarDate.ts';
import type { FieldPath } from '../problems.ts';
import type { EndOfSupportData, ProductData } from '../schema/product.ts';
import type { NoticeEvent } from '../types.ts';
import { parsed, parsedInEvery, reportAt, type Parsed, type ParsedDocuments, type RuleContext } from './context.ts';

const GUIDANCE = {
  migration: '"migration" (what customers should do: upgrade path, tools, help)',
  risk: '"risk" (what they risk by staying after the date)',
};

/** In a pull request, how many days of margin before a notice's last day to merge get a warning. */
export const MERGE_MARGIN_DAYS = 14;

/**
 * The events of a notice, oldest first: the announcement, then each change of date. `countedFrom`
 * holds the day each event counts from, where the check found it (see checkNotices); else the day
 * written.
 */
export function noticeEvents(
  endOfSupport: EndOfSupportData,
  countedFrom: readonly (CalendarDate | undefined)[] = [],
): NoticeEvent[] {
  const { changes } = endOfSupport;
  const dateAfter = (index: number) => changes[index + 1]?.from ?? endOfSupport.date;
  const firstDate = changes[0]?.from ?? endOfSupport.date;
  const events: NoticeEvent[] = [
    {
      kind: 'announced',
      on: endOfSupport.announced,
      endOfSupport: firstDate,
      previous: undefined,
      noticeMonths: 0,
      reason: undefined,
      source: endOfSupport.source,
    },
  ];
  changes.forEach((change, index) => {
    const next = dateAfter(index);
    events.push({
      kind: next < change.from ? 'brought-forward' : 'extended',
      on: change.on,
      endOfSupport: next,
      previous: change.from,
      noticeMonths: 0,
      reason: change.reason,
      source: change.source,
    });
  });
  return events.map((event, index) => {
    const on = countedFrom[index] ?? event.on;
    return { ...event, on, noticeMonths: wholeMonthsBetween(on, event.endOfSupport) };
  });
}

/** The day the current date's notice counts from: the last announcement or date brought forward. */
export function effectiveAnnouncement(events: readonly NoticeEvent[]): CalendarDate {
  return [...events].reverse().find((event) => event.kind !== 'extended')?.on ?? events[0]!.on;
}

export function checkNotices(documents: ParsedDocuments, context: RuleContext): void {
  for (const product of documents.products) {
    product.data.releases.forEach((releaseLine, index) => {
      const notice = releaseLine.endOfSupport;
      if (!notice) return;
      const base: FieldPath = ['releases', index, 'endOfSupport'];
      // The rule reads every date of the notice and the line's name (git history is kept by line);
      // while one of them failed its schema, it waits: that mistake is already reported.
      const changeFields = ['on', 'from', 'source'].map((field) =>
        parsedInEvery(product, [...base, 'changes'], notice.changes, field),
      );
      if (
        !parsed(product, ['releases', index, 'name'], [...base, 'date'], [...base, 'announced'], [...base, 'source']) ||
        changeFields.includes(false)
      ) {
        return;
      }
      const events = noticeEvents(notice);
      const lineId = `${product.data.slug}/${releaseLine.name}`;
      const given = context.noticeDays.get(lineId);
      const days: CalendarDate[] = [];
      // A date missing from the history is the one mistake to report: the dates after it would
      // otherwise also be counted from their publication.
      const historyKept = checkPublishedDatesKept(context, product, base, events, releaseLine.name);
      events.forEach((event, eventIndex) => {
        const onPath: FieldPath =
          eventIndex === 0 ? [...base, 'announced'] : [...base, 'changes', eventIndex - 1, 'on'];
        const datePath: FieldPath =
          eventIndex === events.length - 1 ? [...base, 'date'] : [...base, 'changes', eventIndex, 'from'];
        const previous = events[eventIndex - 1];
        if (eventIndex > 0 && event.previous === event.endOfSupport) {
          reportAt(
            context,
            'error',
            product,
            [...base, 'changes', eventIndex - 1, 'from'],
            `${event.previous} is also the date after this change: a change must move the date; remove this entry`,
          );
          return;
        }
        if (previous && event.on < previous.on) {
          reportAt(
            context,
            'error',
            product,
            onPath,
            `${event.on} is before the previous announcement on ${previous.on}: list changes oldest first`,
          );
          return;
        }
        if (event.on > context.buildDate) {
          reportAt(context, 'error', product, onPath, announcedAfterBuildDate(event.on, context.buildDate));
          return;
        }
        let counted: Counted = { day: given?.[eventIndex] ?? event.on, publication: undefined, fromGit: false };
        if (given === undefined && historyKept) {
          counted = countedFrom(context, product, event, releaseLine.name);
        }
        days[eventIndex] = counted.day;
        if (event.kind === 'extended') return;
        const short = checkOneYear(context, product, datePath, event, counted, releaseLine.name);
        if (!short && counted.fromGit) checkMergeMargin(context, product, datePath, event, releaseLine.name);
      });
      if (parsed(product, ['slug'])) context.noticeDays.set(lineId, days);
      if (notice.date >= context.buildDate) {
        const missing = (['migration', 'risk'] as const).filter(
          (field) => notice[field] === undefined && parsed(product, [...base, field]),
        );
        if (missing.length > 0) {
          reportAt(
            context,
            'warning',
            product,
            base,
            `the end-of-support notice of ${releaseLine.name} gives no ${missing.join(' or ')} guidance: add ${missing.map((field) => GUIDANCE[field]).join(' and ')}, so customers can plan their move`,
          );
        }
        const daysLeft = daysBetween(context.buildDate, notice.date);
        if (daysLeft <= 90 && parsed(product, ['name'])) {
          reportAt(
            context,
            'warning',
            product,
            [...base, 'date'],
            `support for ${product.data.name} ${releaseLine.name} ends in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} (${notice.date}): make sure its customers have a migration path`,
          );
        }
      }
    });
  }
}

/** The day an event counts from, and why when it is not the day written. */
interface Counted {
  day: CalendarDate;
  /** Where git (or the build date) dated the publication, when the event counts from it. */
  publication: string | undefined;
  /** Whether the day depends on when the date reaches the branch being built (not on a cited source). */
  fromGit: boolean;
}

/** Returns whether the notice is short (and reported). */
function checkOneYear(
  context: RuleContext,
  product: Parsed<ProductData>,
  path: FieldPath,
  event: NoticeEvent,
  counted: Counted,
  lineName: string,
): boolean {
  const change = event.kind === 'announced' ? undefined : { releaseLine: lineName, previous: String(event.previous) };
  const publication = counted.publication === undefined ? undefined : { written: event.on, where: counted.publication };
  const message = shortNoticeReason(event.endOfSupport, counted.day, change, publication);
  if (message) reportAt(context, 'error', product, path, message);
  return message !== undefined;
}

/**
 * In a pull request, a notice not yet on the base branch counts from the day it is merged: warn
 * when merging within MERGE_MARGIN_DAYS would leave less than a year.
 */
function checkMergeMargin(
  context: RuleContext,
  product: Parsed<ProductData>,
  path: FieldPath,
  event: NoticeEvent,
  lineName: string,
): void {
  const pullRequest = context.pullRequest;
  if (!pullRequest) return;
  const lastDay = lastDayForFullYear(event.endOfSupport);
  if (daysBetween(context.buildDate, lastDay) >= MERGE_MARGIN_DAYS) return;
  if (pullRequest.baseHistory()?.firstPublished(product.source.file, lineName, event.endOfSupport)) return;
  reportAt(context, 'warning', product, path, mergeByReason(event.endOfSupport, lastDay, context.buildDate));
}

/** The last day a notice can be given for `endOfSupport` to be at least one calendar year later. */
export function lastDayForFullYear(endOfSupport: CalendarDate): CalendarDate {
  const sameDay = addCalendarYears(endOfSupport, -1);
  // 28 February after a leap year: 29 February + 1 year is 28 February too.
  const dayAfter = addDaysTo(sameDay, 1);
  return addOneYear(dayAfter) <= endOfSupport ? dayAfter : sameDay;
}

/** The warning of a pull request whose notice must be merged soon to keep a full year's notice. */
export const mergeByReason = (endOfSupport: CalendarDate, lastDay: CalendarDate, buildDate: CalendarDate): string =>
  lastDay >= buildDate
    ? `a notice counts from the day it reaches the default branch: merge by ${lastDay} to keep a full year's notice before ${endOfSupport}, or move the end of support later`
    : `a notice counts from the day it reaches the default branch, and merged today it gives less than a year's notice before ${endOfSupport} (the last day to merge was ${lastDay}): move the end of support to ${addOneYear(buildDate)} or later`;

/** Why an announcement date is refused when it is after the build date. */
export const announcedAfterBuildDate = (announced: CalendarDate, buildDate: CalendarDate): string =>
  `${announced} is after the build date ${buildDate}: a notice counts from the day it is published, so it cannot be dated in the future`;

/**
 * Why an end-of-support date gives less than the year of notice the Code requires (4.2), or
 * undefined when it gives enough. `change` when the date moves earlier: that is a new notice.
 * `publication` when the notice counts from the day it was published, later than the day written.
 * Scaffolding (npm run new -- end-of-support) refuses a date with the same words.
 */
export function shortNoticeReason(
  endOfSupport: CalendarDate,
  announced: CalendarDate,
  change?: { releaseLine: string; previous: CalendarDate },
  publication?: { written: CalendarDate; where: string },
): string | undefined {
  const earliest = addOneYear(announced);
  if (endOfSupport >= earliest) return undefined;
  const months = wholeMonthsBetween(announced, endOfSupport);
  const given = months === 1 ? "1 month's" : `${months} months'`;
  const from = publication
    ? `from ${announced}, the day it was published (${publication.where}), later than the ${publication.written} written: a notice counts from the day customers could read it`
    : `from the ${change ? 'change' : 'announcement'} on ${announced}`;
  return change
    ? `moving the end of support of ${change.releaseLine} earlier, to ${endOfSupport}, is a new notice: it gives ${given} notice ${from}; the Code requires at least one year — the earliest allowed date is ${earliest} (or keep ${change.previous})`
    : `${endOfSupport} gives ${given} notice ${from}; the Code requires at least one year — the earliest allowed date is ${earliest}`;
}

/**
 * The day an event counts from: the later of the day written and the day git first published its
 * date; a cited source keeps the day written for a notice given before the line was in the portal.
 */
function countedFrom(
  context: RuleContext,
  product: Parsed<ProductData>,
  event: NoticeEvent,
  lineName: string,
): Counted {
  const written: Counted = { day: event.on, publication: undefined, fromGit: false };
  const history = context.history();
  if (history.state === 'checked') return written;
  if (history.state === 'shallow') {
    // A cited announcement is evidence on its own; without one, only the history dates the notice
    // (rules/history.ts reports the skip, once per check).
    context.skipped(event.source === undefined ? 'countedFromPublication' : 'sourceScope');
    return written;
  }
  // A cited announcement accounts for a notice given before the line was in the portal; once it
  // is, notices are given here, and git dates them.
  if (event.source !== undefined) {
    const inPortalSince = history.lineFirstPublished(product.source.file, lineName)?.date ?? context.buildDate;
    if (event.on < inPortalSince) {
      // Outside git nothing says when the line came to the portal: the source is taken on trust.
      if (history.state === 'not-a-repository') context.skipped('sourceScope');
      return written;
    }
  }
  const published = history.firstPublished(product.source.file, lineName, event.endOfSupport);
  const publishedOn = published?.date ?? context.buildDate;
  if (event.on >= publishedOn) return { ...written, fromGit: true };
  const where = published
    ? `git first published ${event.endOfSupport} for ${lineName} on ${published.date}, commit ${published.commit.slice(0, 10)}`
    : history.state === 'not-a-repository'
      ? `the content is not in a git repository, so it counts as published on the build date`
      : `no commit contains ${event.endOfSupport} for ${lineName} yet, so it counts as published on the build date`;
  return { day: publishedOn, publication: where, fromGit: true };
}

/**
 * Every end-of-support date git has published for the line is still in its notice history (the
 * first date, a change's "from", or the current date): customers were given it. Returns whether
 * all are.
 */
function checkPublishedDatesKept(
  context: RuleContext,
  product: Parsed<ProductData>,
  base: FieldPath,
  events: readonly NoticeEvent[],
  lineName: string,
): boolean {
  const history = context.history();
  if (history.state === 'checked') return true;
  if (history.state !== 'complete') {
    context.skipped('publishedDatesKept');
    return true;
  }
  const inHistory = new Set(events.map((event) => event.endOfSupport));
  const missing = history
    .publishedDates(product.source.file, lineName)
    .filter((published) => !inHistory.has(published.endOfSupport));
  for (const published of missing) {
    reportAt(
      context,
      'error',
      product,
      [...base, 'date'],
      `git published ${published.endOfSupport} as the end of support of ${lineName} on ${published.date} (commit ${published.commit.slice(0, 10)}), and this notice no longer lists it: customers were given that date, so moving it is a change — add { on: <the day of the move>, from: ${published.endOfSupport} } to "changes"`,
    );
  }
  return missing.length === 0;
}
