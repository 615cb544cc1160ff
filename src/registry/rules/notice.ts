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
import { messageCatalogue, type FieldPath, type Message, type ProblemSeverity } from '../problems.ts';
import type { EndOfSupportData, ProductData } from '../schema/product.ts';
import type { NoticeEvent } from '../types.ts';
import { parsed, parsedInEvery, reportAt, type Parsed, type ParsedDocuments, type RuleContext } from './context.ts';

const GUIDANCE = {
  migration: '"migration" (what customers should do: upgrade path, tools, help)',
  risk: '"risk" (what they risk by staying after the date)',
};

/** Where a notice's publication was dated, when it counts from that day rather than the day written. */
interface Publication {
  written: CalendarDate;
  where: string;
}

/** "8 months'" of notice. */
const monthsOfNotice = (announced: CalendarDate, endOfSupport: CalendarDate): string => {
  const months = wholeMonthsBetween(announced, endOfSupport);
  return months === 1 ? "1 month's" : `${months} months'`;
};

/** The day a short notice counts from, and why when it is not the day written. */
const countedFromWords = (
  event: 'announcement' | 'change',
  announced: CalendarDate,
  publication: Publication | undefined,
): string =>
  publication
    ? `from ${announced}, the day it was published (${publication.where}), later than the ${publication.written} ` +
      'written: a notice counts from the day customers could read it'
    : `from the ${event} on ${announced}`;

/** Where a notice's publication was dated (the part of shortNotice in parentheses). */
export const publicationWords = {
  firstPublished: (endOfSupport: CalendarDate, lineName: string, published: CalendarDate, commit: string) =>
    `git first published ${endOfSupport} for ${lineName} on ${published}, commit ${commit.slice(0, 10)}`,
  notInGit: () => 'the content is not in a git repository, so it counts as published on the build date',
  notYetCommitted: (endOfSupport: CalendarDate, lineName: string) =>
    `no commit contains ${endOfSupport} for ${lineName} yet, so it counts as published on the build date`,
};

/** The rule's messages; scaffolding (npm run new -- end-of-support) refuses an answer with the same words. */
export const messages = messageCatalogue({
  changeKeepsDate: (date: CalendarDate) =>
    `${date} is also the date after this change: a change must move the date; remove this entry`,
  changeBeforePrevious: (on: CalendarDate, previous: CalendarDate) =>
    `${on} is before the previous announcement on ${previous}: list changes oldest first`,
  announcedAfterBuildDate: (announced: CalendarDate, buildDate: CalendarDate) =>
    `${announced} is after the build date ${buildDate}: a notice counts from the day it is published, so it ` +
    'cannot be dated in the future',
  shortNotice: (endOfSupport: CalendarDate, announced: CalendarDate, publication?: Publication) =>
    `${endOfSupport} gives ${monthsOfNotice(announced, endOfSupport)} notice ` +
    `${countedFromWords('announcement', announced, publication)}; the Code requires at least one year — ` +
    `the earliest allowed date is ${addOneYear(announced)}`,
  shortNoticeOfChange: (
    lineName: string,
    previous: CalendarDate,
    endOfSupport: CalendarDate,
    announced: CalendarDate,
    publication?: Publication,
  ) =>
    `moving the end of support of ${lineName} earlier, to ${endOfSupport}, is a new notice: it gives ` +
    `${monthsOfNotice(announced, endOfSupport)} notice ${countedFromWords('change', announced, publication)}; ` +
    `the Code requires at least one year — the earliest allowed date is ${addOneYear(announced)} ` +
    `(or keep ${previous})`,
  mergeBy: (endOfSupport: CalendarDate, lastDay: CalendarDate) =>
    `a notice counts from the day it reaches the default branch: merge by ${lastDay} to keep a full year's ` +
    `notice before ${endOfSupport}, or move the end of support later`,
  mergeDeadlinePassed: (endOfSupport: CalendarDate, lastDay: CalendarDate, buildDate: CalendarDate) =>
    'a notice counts from the day it reaches the default branch, and merged today it gives less than a ' +
    `year's notice before ${endOfSupport} (the last day to merge was ${lastDay}): move the end of support to ` +
    `${addOneYear(buildDate)} or later`,
  publishedDateDropped: (lineName: string, endOfSupport: CalendarDate, published: CalendarDate, commit: string) =>
    `git published ${endOfSupport} as the end of support of ${lineName} on ${published} ` +
    `(commit ${commit.slice(0, 10)}), and this notice no longer lists it: customers were given that date, so ` +
    `moving it is a change — add { on: <the day of the move>, from: ${endOfSupport} } to "changes"`,
  guidanceMissing: (lineName: string, missing: readonly (keyof typeof GUIDANCE)[]) =>
    `the end-of-support notice of ${lineName} gives no ${missing.join(' or ')} guidance: add ` +
    `${missing.map((field) => GUIDANCE[field]).join(' and ')}, so customers can plan their move`,
  endingSoon: (productName: string, lineName: string, daysLeft: number, endOfSupport: CalendarDate) =>
    `support for ${productName} ${lineName} ends in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} ` +
    `(${endOfSupport}): make sure its customers have a migration path`,
});

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

/** One release line's notice, where the checks find it. */
interface NoticeAt {
  product: Parsed<ProductData>;
  lineName: string;
  notice: EndOfSupportData;
  /** The path of the notice: releases[i].endOfSupport. */
  base: FieldPath;
}

/** One event of a notice, and the fields holding its two dates. */
interface EventAt extends NoticeAt {
  event: NoticeEvent;
  index: number;
  previous: NoticeEvent | undefined;
  /** The day the event was announced: `announced`, or the change's `on`. */
  onPath: FieldPath;
  /** The end of support it sets: the next change's `from`, or `date` for the last event. */
  datePath: FieldPath;
}

/** What a check found, to report at a field of the product file. */
interface Finding {
  severity: ProblemSeverity;
  path: FieldPath;
  message: Message;
}

/** The day an event counts from, and why when it is not the day written. */
interface Counted {
  day: CalendarDate;
  /** Where git (or the build date) dated the publication, when the event counts from it. */
  publication: Publication | undefined;
  /** Whether the day depends on when the date reaches the branch being built (not on a cited source). */
  fromGit: boolean;
}

/**
 * The checks of an event's place in the notice's history, in order. The first that refuses the
 * event is reported, and the event is not counted: its notice is measured once it is in order.
 */
const eventOrderChecks: readonly ((at: EventAt, context: RuleContext) => Finding | undefined)[] = [
  function changeMovesTheDate({ event, index, base }) {
    if (index === 0 || event.previous !== event.endOfSupport) return undefined;
    const path = [...base, 'changes', index - 1, 'from'];
    return { severity: 'error', path, message: messages.changeKeepsDate(event.previous) };
  },
  function changesOldestFirst({ event, previous, onPath }) {
    if (!previous || event.on >= previous.on) return undefined;
    return { severity: 'error', path: onPath, message: messages.changeBeforePrevious(event.on, previous.on) };
  },
  function announcedByBuildDate({ event, onPath }, context) {
    if (event.on <= context.buildDate) return undefined;
    return { severity: 'error', path: onPath, message: messages.announcedAfterBuildDate(event.on, context.buildDate) };
  },
];

/**
 * The checks of a counted announcement or date brought forward (an extension gives more notice,
 * never less), in order; the first that finds a problem is reported.
 */
const countedEventChecks: readonly ((at: EventAt, counted: Counted, context: RuleContext) => Finding | undefined)[] = [
  function oneYearOfNotice({ event, lineName, datePath }, counted) {
    const change = event.kind === 'announced' ? undefined : { releaseLine: lineName, previous: String(event.previous) };
    const message = shortNoticeReason(event.endOfSupport, counted.day, change, counted.publication);
    return message && { severity: 'error', path: datePath, message };
  },
  /**
   * In a pull request, a notice not yet on the base branch counts from the day it is merged: warn
   * when merging within MERGE_MARGIN_DAYS would leave less than a year.
   */
  function mergeMargin({ event, product, lineName, datePath }, counted, context) {
    const pullRequest = context.pullRequest;
    if (!counted.fromGit || !pullRequest) return undefined;
    const lastDay = lastDayForFullYear(event.endOfSupport);
    if (daysBetween(context.buildDate, lastDay) >= MERGE_MARGIN_DAYS) return undefined;
    if (pullRequest.baseHistory()?.firstPublished(product.source.file, lineName, event.endOfSupport)) {
      return undefined;
    }
    const message =
      lastDay >= context.buildDate
        ? messages.mergeBy(event.endOfSupport, lastDay)
        : messages.mergeDeadlinePassed(event.endOfSupport, lastDay, context.buildDate);
    return { severity: 'warning', path: datePath, message };
  },
];

/** The checks of a notice whose end of support has not passed; each reports what it finds. */
const upcomingNoticeChecks: readonly ((at: NoticeAt, context: RuleContext) => Finding | undefined)[] = [
  function guidanceGiven({ product, notice, base, lineName }) {
    const missing = (['migration', 'risk'] as const).filter(
      (field) => notice[field] === undefined && parsed(product, [...base, field]),
    );
    return missing.length > 0
      ? { severity: 'warning', path: base, message: messages.guidanceMissing(lineName, missing) }
      : undefined;
  },
  function endingSoon({ product, notice, base, lineName }, context) {
    const daysLeft = daysBetween(context.buildDate, notice.date);
    if (daysLeft > 90 || !parsed(product, ['name'])) return undefined;
    const message = messages.endingSoon(product.data.name, lineName, daysLeft, notice.date);
    return { severity: 'warning', path: [...base, 'date'], message };
  },
];

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
      checkNotice({ product, lineName: releaseLine.name, notice, base }, context);
    });
  }
}

function checkNotice(at: NoticeAt, context: RuleContext): void {
  const { product, lineName, notice, base } = at;
  const events = noticeEvents(notice);
  const lineId = `${product.data.slug}/${lineName}`;
  const given = context.noticeDays.get(lineId);
  // A date missing from the history is the one mistake to report: the dates after it would
  // otherwise also be counted from their publication.
  const historyKept = checkPublishedDatesKept(context, at, events);
  // The day each event counts from: as the build's check found it, else from git.
  const count = (event: NoticeEvent, index: number): Counted =>
    given === undefined && historyKept
      ? countedFrom(context, product, event, lineName)
      : { day: given?.[index] ?? event.on, publication: undefined, fromGit: false };
  const report = (finding: Finding | undefined): boolean => {
    if (finding) reportAt(context, finding.severity, product, finding.path, finding.message);
    return finding !== undefined;
  };
  const days: CalendarDate[] = [];
  events.forEach((event, index) => {
    const eventAt: EventAt = {
      ...at,
      event,
      index,
      previous: events[index - 1],
      onPath: index === 0 ? [...base, 'announced'] : [...base, 'changes', index - 1, 'on'],
      datePath: index === events.length - 1 ? [...base, 'date'] : [...base, 'changes', index, 'from'],
    };
    if (eventOrderChecks.some((check) => report(check(eventAt, context)))) return;
    const counted = count(event, index);
    days[index] = counted.day;
    if (event.kind === 'extended') return;
    countedEventChecks.some((check) => report(check(eventAt, counted, context)));
  });
  if (parsed(product, ['slug'])) context.noticeDays.set(lineId, days);
  if (notice.date >= context.buildDate) {
    for (const check of upcomingNoticeChecks) report(check(at, context));
  }
}

/** The last day a notice can be given for `endOfSupport` to be at least one calendar year later. */
export function lastDayForFullYear(endOfSupport: CalendarDate): CalendarDate {
  const sameDay = addCalendarYears(endOfSupport, -1);
  // 28 February after a leap year: 29 February + 1 year is 28 February too.
  const dayAfter = addDaysTo(sameDay, 1);
  return addOneYear(dayAfter) <= endOfSupport ? dayAfter : sameDay;
}

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
  publication?: Publication,
): Message | undefined {
  if (endOfSupport >= addOneYear(announced)) return undefined;
  return change
    ? messages.shortNoticeOfChange(change.releaseLine, change.previous, endOfSupport, announced, publication)
    : messages.shortNotice(endOfSupport, announced, publication);
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
    ? publicationWords.firstPublished(event.endOfSupport, lineName, published.date, published.commit)
    : history.state === 'not-a-repository'
      ? publicationWords.notInGit()
      : publicationWords.notYetCommitted(event.endOfSupport, lineName);
  return { day: publishedOn, publication: { written: event.on, where }, fromGit: true };
}

/**
 * Every end-of-support date git has published for the line is still in its notice history (the
 * first date, a change's "from", or the current date): customers were given it. Returns whether
 * all are.
 */
function checkPublishedDatesKept(
  context: RuleContext,
  { product, base, lineName }: NoticeAt,
  events: readonly NoticeEvent[],
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
    const message = messages.publishedDateDropped(lineName, published.endOfSupport, published.date, published.commit);
    reportAt(context, 'error', product, [...base, 'date'], message);
  }
  return missing.length === 0;
}
