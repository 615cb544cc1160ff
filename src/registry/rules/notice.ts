/**
 * The one-year notice rule (Code of Practice 4.2): customers get at least one year's notice
 * before support ends. There is no switch to turn it off; the only way past it is to fix the
 * content.
 *
 * - The end of support is at least one calendar year after it was announced
 *   (`addYears(announced, 1) <= endOfSupport`; 29 February + 1 year = 28 February).
 * - A date moved earlier is a new notice, measured from the day of the change.
 * - A notice cannot be announced after the build date, nor before the first git commit that
 *   published the date (no backdating). A notice given before the release line was in the portal
 *   may carry its original date when it cites that public announcement in `source`.
 * - A date git has published stays in the notice's history: moving it is a change, listed in
 *   `changes`, never a silent edit.
 */
import { addOneYear, daysBetween, wholeMonthsBetween, type CalendarDate } from '../calendarDate.ts';
import type { FieldPath } from '../problems.ts';
import type { EndOfSupportData, ProductData } from '../schema/product.ts';
import type { NoticeEvent } from '../types.ts';
import { parsed, parsedInEvery, reportAt, type Parsed, type ParsedDocuments, type RuleContext } from './context.ts';

const GUIDANCE = {
  migration: '"migration" (what customers should do: upgrade path, tools, help)',
  risk: '"risk" (what they risk by staying after the date)',
};

/** The events of a notice, oldest first: the announcement, then each change of date. */
export function noticeEvents(endOfSupport: EndOfSupportData): NoticeEvent[] {
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
  return events.map((event) => ({ ...event, noticeMonths: wholeMonthsBetween(event.on, event.endOfSupport) }));
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
      // A date missing from the history is the one mistake to report: the dates after it would
      // otherwise also look backdated.
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
        if (event.kind !== 'extended') checkOneYear(context, product, datePath, event, releaseLine.name);
        if (historyKept) checkNotBackdated(context, product, onPath, event, releaseLine.name);
      });
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

function checkOneYear(
  context: RuleContext,
  product: Parsed<ProductData>,
  path: FieldPath,
  event: NoticeEvent,
  lineName: string,
): void {
  const change = event.kind === 'announced' ? undefined : { releaseLine: lineName, previous: String(event.previous) };
  const message = shortNoticeReason(event.endOfSupport, event.on, change);
  if (message) reportAt(context, 'error', product, path, message);
}

/** Why an announcement date is refused when it is after the build date. */
export const announcedAfterBuildDate = (announced: CalendarDate, buildDate: CalendarDate): string =>
  `${announced} is after the build date ${buildDate}: a notice counts from the day it is published, so it cannot be dated in the future`;

/**
 * Why an end-of-support date gives less than the year of notice the Code requires (4.2), or
 * undefined when it gives enough. `change` when the date moves earlier: that is a new notice.
 * Scaffolding (npm run new -- end-of-support) refuses a date with the same words.
 */
export function shortNoticeReason(
  endOfSupport: CalendarDate,
  announced: CalendarDate,
  change?: { releaseLine: string; previous: CalendarDate } | undefined,
): string | undefined {
  const earliest = addOneYear(announced);
  if (endOfSupport >= earliest) return undefined;
  const months = wholeMonthsBetween(announced, endOfSupport);
  const given = months === 1 ? "1 month's" : `${months} months'`;
  return change
    ? `moving the end of support of ${change.releaseLine} earlier, to ${endOfSupport}, is a new notice: it gives ${given} notice from the change on ${announced}; the Code requires at least one year — the earliest allowed date is ${earliest} (or keep ${change.previous})`
    : `${endOfSupport} gives ${given} notice from the announcement on ${announced}; the Code requires at least one year — the earliest allowed date is ${earliest}`;
}

function checkNotBackdated(
  context: RuleContext,
  product: Parsed<ProductData>,
  path: FieldPath,
  event: NoticeEvent,
  lineName: string,
): void {
  const history = context.history();
  if (history.state === 'checked') return;
  if (history.state === 'shallow') {
    // A cited announcement is evidence of its date; without one, only the history dates the notice.
    context.skipped(event.source === undefined ? 'notBackdated' : 'sourceScope');
    return;
  }
  const published = history.firstPublished(product.source.file, lineName, event.endOfSupport);
  const publishedOn = published?.date ?? context.buildDate;
  if (event.on >= publishedOn) return;
  // A cited announcement accounts for a notice given before the line was in the portal; once it
  // is, notices are given here, and git dates them.
  const lineFirst = history.lineFirstPublished(product.source.file, lineName);
  const inPortalSince = lineFirst?.date ?? context.buildDate;
  if (event.source !== undefined && event.on < inPortalSince) {
    // Outside git nothing says when the line came to the portal: the source is taken on trust.
    if (history.state === 'not-a-repository') context.skipped('sourceScope');
    return;
  }
  const where = published
    ? `git first published ${event.endOfSupport} for ${lineName} on ${published.date} (commit ${published.commit.slice(0, 10)})`
    : history.state === 'not-a-repository'
      ? `the content is not in a git repository, so ${event.endOfSupport} for ${lineName} counts as published on the build date, ${context.buildDate}`
      : `no commit contains ${event.endOfSupport} for ${lineName} yet, so it counts as published on the build date, ${context.buildDate}`;
  reportAt(
    context,
    'error',
    product,
    path,
    `${event.on} is earlier than the day this date was published (${where}): a notice cannot be backdated. ` +
      (event.source === undefined
        ? `Use ${publishedOn}, or, for a notice given before the portal, cite the original public announcement in "source"`
        : `Use ${publishedOn}: the cited "source" covers only a notice given before ${lineName} was in the portal (${
            lineFirst
              ? `git first published it on ${lineFirst.date}, commit ${lineFirst.commit.slice(0, 10)}`
              : `where it counts from the build date, ${context.buildDate}`
          })`),
  );
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
