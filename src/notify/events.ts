/**
 * What notifications announce: every event the feeds carry (src/outputs/feeds/events.ts), plus a
 * reminder 12, 6, 3 and 1 months before each end of support still ahead, the days the
 * end-of-support calendar's alarms fire on (Code of Practice 4.2: nobody meets the date
 * unprepared). A reminder is an event of its own, with a permanent id naming the date it
 * reminds of, so a moved date brings new reminders.
 */
import { h } from 'hastscript';
import { monthsBefore, reminderMonths } from '../outputs/calendar/calendars.ts';
import { subscriberEvents, newestFirst, type SubscriberEvent } from '../outputs/feeds/events.ts';
import { serialiseHtml } from '../outputs/markup.ts';
import type { Registry, ReleaseLine } from '../registry/types.ts';
import { absoluteUrl, paths } from '../site/urls.ts';

/** Every event up to the build time, oldest first: the order customers should read them in. */
export function notificationEvents(registry: Registry): SubscriberEvent[] {
  const events = [...subscriberEvents(registry), ...registry.releaseLines.flatMap((line) => reminders(registry, line))];
  return events.filter((event) => event.date <= registry.buildTime).sort((a, b) => newestFirst(b, a));
}

/**
 * The latest reminder due for a release line: after the notice (which told the date itself) and
 * on or before the build date, while the end of support is still ahead. When several are due
 * (no run for months), only the nearest to the date is sent.
 */
function reminders(registry: Registry, releaseLine: ReleaseLine): SubscriberEvent[] {
  const notice = releaseLine.notice;
  if (!notice || notice.endOfSupport < registry.buildDate) return [];
  const lastEvent = notice.events.at(-1)!;
  // The calendar's alarms, but the one on the day itself: by then it is too late to plan.
  const due = reminderMonths
    .filter((months) => months > 0)
    .map((months) => ({ months, on: monthsBefore(notice.endOfSupport, months) }))
    .filter(({ on }) => on > lastEvent.on && on <= registry.buildDate)
    .at(-1);
  if (!due) return [];
  const authority = new URL(registry.vendor.site.url).hostname.toLowerCase();
  const lineName = `${releaseLine.productName} ${releaseLine.name}`;
  const url = absoluteUrl(registry.vendor, paths.product(releaseLine.productSlug));
  const inMonths = `${due.months} ${due.months === 1 ? 'month' : 'months'}`;
  const sentence = `Support for ${lineName} ends in ${inMonths}: ${notice.endOfSupport} is the last day of support.`;
  const successor = releaseLine.successor;
  const successorName = successor && registry.index.product(successor.productSlug)?.name;
  return [
    {
      id: `tag:${authority},${due.on}:end-of-support:${encodeURIComponent(releaseLine.id).replace(/%2F/g, '/')}:reminder:${due.months}:${notice.endOfSupport}`,
      topic: 'end-of-support',
      title: `${lineName}: support ends in ${inMonths}, on ${notice.endOfSupport}`,
      summary: `${sentence} Notice was given on ${notice.announced}.`,
      contentHtml: serialiseHtml([
        h('p', sentence),
        h('p', `Notice was given on ${notice.announced}.`),
        successorName === undefined
          ? h('p', 'Plan your move now.')
          : h('p', `Successor: ${successorName} ${successor!.name}.`),
        h('p', [h('a', { href: url }, `${releaseLine.productName}: support and lifecycle`)]),
        h('p', [h('a', { href: absoluteUrl(registry.vendor, paths.endOfSupport()) }, 'All end-of-support dates')]),
      ]),
      url,
      date: `${due.on}T00:00:00Z`,
      productSlugs: [releaseLine.productSlug],
      tags: ['End of support', releaseLine.productName],
      isStandingNotice: false,
    },
  ];
}
