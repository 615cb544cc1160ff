/**
 * What subscribers are told: every real event in the Registry, each its own item, with an id
 * that is derived from what the event is and so never changes (docs/architecture.md, "Feeds and
 * calendars").
 *
 * - support (Code of Practice 4.1): a release line released; a release line entering its next
 *   support phase.
 * - end-of-support (4.2): an end-of-support date announced, extended or brought forward, each
 *   stating the notice given.
 * - incidents (4.3): each update on an incident's timeline, and its post-incident report.
 * - advisories (3.4, 3.5): the publication of an advisory and each later revision.
 * - corrections: each published fact of an incident or advisory that a later update or revision
 *   corrects (docs/editor-guide.md, "Correct a published fact"), so subscribers learn of it.
 *
 * Only events dated on or before the build time are included; a calendar date counts as that
 * day at 00:00:00Z.
 */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { CalendarDate } from '../../registry/calendarDate.ts';
import { correctionSentence } from '../../registry/corrections.ts';
import { digestOf } from '../../registry/fingerprint.ts';
import type {
  Advisory,
  Correction,
  Incident,
  IncidentUpdate,
  NoticeEvent,
  Phase,
  Registry,
  ReleaseLine,
  RichText,
} from '../../registry/types.ts';
import { absoluteUrl, paths, type FeedTopic } from '../../site/urls.ts';
import { formatCalendarDate } from '../../site/view/dates.ts';
import { remediationWord } from '../../site/view/status.ts';
import { htmlFragment, serialiseHtml, withAbsoluteLinks } from '../markup.ts';

export type EventTopic = Exclude<FeedTopic, 'all'>;

export interface SubscriberEvent {
  /** Permanent id: a tag URI (RFC 4151) naming the event. */
  readonly id: string;
  readonly topic: EventTopic;
  /** Plain text: what happened, in words. */
  readonly title: string;
  /** Plain text, one or two sentences. */
  readonly summary: string;
  /** Sanitised HTML with absolute links. */
  readonly contentHtml: string;
  /** Absolute URL of the page the event is about. */
  readonly url: string;
  /** When it happened: RFC 3339 in UTC, e.g. 2026-02-10T00:00:00Z. */
  readonly date: string;
  /** Products it concerns, for the per-product feeds. */
  readonly productSlugs: readonly string[];
  /** Categories for feed readers, e.g. "End of support", "Kestrel Edge Gateway". */
  readonly tags: readonly string[];
  /**
   * True for the notice behind an end-of-support date that is still ahead: it stays in the feeds
   * however many newer items there are (Code of Practice 4.2: the notice must stay visible).
   */
  readonly isStandingNotice: boolean;
}

const topicNames: Readonly<Record<EventTopic, string>> = {
  support: 'Support',
  'end-of-support': 'End of support',
  incidents: 'Incidents',
  advisories: 'Advisories',
};

/** Every event up to the build time, newest first; ties are broken by id so the order is stable. */
export function subscriberEvents(registry: Registry): SubscriberEvent[] {
  const context = contextOf(registry);
  const events = [
    ...registry.releaseLines.flatMap((releaseLine) => supportEvents(context, releaseLine)),
    ...registry.releaseLines.flatMap((releaseLine) => endOfSupportEvents(context, releaseLine)),
    ...registry.incidents.flatMap((incident) => incidentEvents(context, incident)),
    ...registry.advisories.flatMap((advisory) => advisoryEvents(context, advisory)),
  ];
  return events.filter((event) => event.date <= registry.buildTime).sort(newestFirst);
}

export function newestFirst(a: SubscriberEvent, b: SubscriberEvent): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Context {
  readonly registry: Registry;
  /** The tagging authority of every id: the portal's host name (RFC 4151 §2.1). */
  readonly authority: string;
  readonly url: (relativePath: string) => string;
}

function contextOf(registry: Registry): Context {
  return {
    registry,
    authority: new URL(registry.vendor.site.url).hostname.toLowerCase(),
    url: (relativePath) => absoluteUrl(registry.vendor, relativePath),
  };
}

/** Markdown the Registry rendered and sanitised, as it appears on the page, as nodes. */
const richText = (text: RichText): readonly ElementContent[] => htmlFragment(text.html);

/**
 * An event whose content is rendered into HTML when it is first read, then kept. Each feed keeps
 * only its newest items, so most events are never shown (at L, 32,508 of 90,632 are) and their
 * content is never rendered. A class, so that all events share one shape: a getter on each
 * object would make each a dictionary, larger than the HTML it saves.
 *
 * Its `sources` are what its content is made from besides its other fields (which it shows too):
 * the Registry's objects and values the render reads. Its JSON, of which a feed's fingerprint
 * is made (src/pipeline/pageReuse.ts), carries a digest of each instead of the content, so that a
 * build finds the feeds it can carry over without rendering their items.
 */
class LazyContentEvent {
  #render: (() => string) | undefined;
  #html: string | undefined;
  readonly #sources: readonly unknown[];

  constructor(fields: Omit<SubscriberEvent, 'contentHtml'>, sources: readonly unknown[], render: () => string) {
    Object.assign(this, fields);
    this.#sources = sources;
    this.#render = render;
  }

  get contentHtml(): string {
    if (this.#html === undefined) {
      this.#html = this.#render!();
      this.#render = undefined;
    }
    return this.#html;
  }

  /** As JSON: its fields, and what its content is made from in place of the content. */
  toJSON(): object {
    return { ...this, contentSources: this.#sources.map(digestOf) };
  }
}

function withContent(
  fields: Omit<SubscriberEvent, 'contentHtml'>,
  sources: readonly unknown[],
  render: () => string,
): SubscriberEvent {
  return new LazyContentEvent(fields, sources, render) as unknown as SubscriberEvent;
}

/**
 * `tag:trust.example.com,2026-02-10:end-of-support:edge-gateway/5.x:extended:2026-02-10:2027-09-30`.
 * The tag's date (RFC 4151 §2.2: a day the authority held the name) is the day of the event
 * itself, which is part of what the event is and so as permanent as the rest; each part of the
 * name is percent-encoded (keeping ":" and "/", which a tag may contain), so "2024 LTS" stays a
 * valid URI.
 */
function tagId(context: Context, instant: string, ...parts: string[]): string {
  const encode = (part: string) => encodeURIComponent(part).replace(/%3A/g, ':').replace(/%2F/g, '/');
  return `tag:${context.authority},${instant.slice(0, 10)}:${parts.map(encode).join(':')}`;
}

/** A calendar date as the instant 00:00:00Z of that day. */
function startOfDayRfc3339(date: CalendarDate): string {
  return `${date}T00:00:00Z`;
}

/** Offsets such as +01:00 are normalised to UTC, so dates compare and sort as instants. */
function utcInstant(timestamp: string): string {
  return new Date(Date.parse(timestamp)).toISOString().replace('.000Z', 'Z');
}

function months(count: number): string {
  return `${count} ${count === 1 ? 'month' : 'months'}`;
}

function lineName(releaseLine: Pick<ReleaseLine, 'productName' | 'name'>): string {
  return `${releaseLine.productName} ${releaseLine.name}`;
}

type Block = ElementContent | readonly ElementContent[] | undefined;

function paragraph(text: string): ElementContent {
  return h('p', text);
}

function link(href: string, text: string): ElementContent {
  return h('p', [h('a', { href }, text)]);
}

function heading(text: string): ElementContent {
  return h('h2', text);
}

function subheading(text: string): ElementContent {
  return h('h3', text);
}

function list(items: readonly string[]): ElementContent {
  return h(
    'ul',
    items.map((item) => h('li', item)),
  );
}

/** An item's content: the blocks as one HTML fragment, every link absolute (see withAbsoluteLinks). */
function itemHtml(pageUrl: string, blocks: readonly Block[]): string {
  const nodes = blocks.flatMap((block): readonly ElementContent[] =>
    block === undefined ? [] : 'type' in block ? [block] : block,
  );
  return serialiseHtml(withAbsoluteLinks(nodes, pageUrl));
}

function phaseSpan(phase: Phase): string {
  return phase.end === undefined
    ? `from ${phase.start}, end of support to be announced`
    : `${phase.start} to ${phase.end}`;
}

// ——— 4.1: support ———

function supportEvents(context: Context, releaseLine: ReleaseLine): SubscriberEvent[] {
  const productUrl = context.url(paths.product(releaseLine.productSlug));
  const tags = [topicNames.support, releaseLine.productName];
  const phaseList = list(releaseLine.phases.map((phase) => `${phase.level.name}: ${phaseSpan(phase)}`));
  const first = releaseLine.phases[0]!;
  const released: SubscriberEvent = withContent(
    {
      id: tagId(context, releaseLine.released, 'release-line', releaseLine.id, 'released'),
      topic: 'support',
      title: `${lineName(releaseLine)} released`,
      summary: `${lineName(releaseLine)} is available from ${releaseLine.released} with ${first.level.name.toLowerCase()}: ${first.level.summary}`,
      url: productUrl,
      date: startOfDayRfc3339(releaseLine.released),
      productSlugs: [releaseLine.productSlug],
      tags,
      isStandingNotice: false,
    },
    [releaseLine],
    () =>
      itemHtml(productUrl, [
        paragraph(`${lineName(releaseLine)} is available from ${releaseLine.released}.`),
        paragraph('Support phases:'),
        phaseList,
        link(productUrl, `${releaseLine.productName}: support and lifecycle`),
      ]),
  );
  const phaseChanges = releaseLine.phases.slice(1).map((phase, index): SubscriberEvent => {
    const previous = releaseLine.phases[index]!;
    const until = phase.end === undefined ? 'end of support to be announced' : `until ${phase.end}`;
    const includes = phase.level.includes;
    const included = [
      includes.securityFixes ? 'security fixes' : undefined,
      includes.bugFixes ? 'bug fixes' : undefined,
      includes.features ? 'new features' : undefined,
      includes.technicalSupport ? 'technical support' : undefined,
    ].filter((part) => part !== undefined);
    return withContent(
      {
        id: tagId(context, phase.start, 'release-line', releaseLine.id, 'phase', phase.level.id, phase.start),
        topic: 'support',
        title: `${lineName(releaseLine)}: ${phase.level.name} from ${phase.start} (${until})`,
        summary: `${lineName(releaseLine)} moved from ${previous.level.name.toLowerCase()} to ${phase.level.name.toLowerCase()} on ${phase.start}, ${until}. ${phase.level.summary}`,
        url: productUrl,
        date: startOfDayRfc3339(phase.start),
        productSlugs: [releaseLine.productSlug],
        tags,
        isStandingNotice: false,
      },
      [releaseLine, phase],
      () =>
        itemHtml(productUrl, [
          paragraph(
            `${lineName(releaseLine)} moved from ${previous.level.name.toLowerCase()} to ${phase.level.name.toLowerCase()} on ${phase.start}, ${until}.`,
          ),
          paragraph(`${phase.level.name}: ${phase.level.summary}`),
          paragraph(`Includes: ${included.length > 0 ? included.join(', ') : 'no fixes or support'}.`),
          paragraph('Support phases:'),
          phaseList,
          link(productUrl, `${releaseLine.productName}: support and lifecycle`),
        ]),
    );
  });
  return [released, ...phaseChanges];
}

// ——— 4.2: end of support ———

function endOfSupportEvents(context: Context, releaseLine: ReleaseLine): SubscriberEvent[] {
  const notice = releaseLine.notice;
  if (!notice) return [];
  const { registry } = context;
  const url = context.url(paths.product(releaseLine.productSlug));
  const successor = releaseLine.successor;
  const successorName = successor && `${registry.index.product(successor.productSlug)?.name ?? ''} ${successor.name}`;
  const standing = notice.endOfSupport >= registry.buildDate ? notice.events.at(-1) : undefined;
  return notice.events.map((event): SubscriberEvent => {
    const title = `${lineName(releaseLine)}: ${noticeHeadline(event)} (notice: ${months(event.noticeMonths)})`;
    const summary = `${noticeSentence(registry.vendor.name, releaseLine, event)} Notice given: ${months(event.noticeMonths)}.`;
    return withContent(
      {
        id: tagId(context, event.on, 'end-of-support', releaseLine.id, event.kind, event.on, event.endOfSupport),
        topic: 'end-of-support',
        title,
        summary,
        url,
        date: startOfDayRfc3339(event.on),
        productSlugs: [releaseLine.productSlug],
        tags: [topicNames['end-of-support'], releaseLine.productName],
        isStandingNotice: event === standing,
      },
      [releaseLine, event, registry.vendor.name, successorName],
      () =>
        itemHtml(url, [
          paragraph(noticeSentence(registry.vendor.name, releaseLine, event)),
          paragraph(`Notice given: ${months(event.noticeMonths)} (from ${event.on} to ${event.endOfSupport}).`),
          event.reason === undefined ? undefined : paragraph(`Why: ${event.reason}`),
          successorName === undefined ? undefined : paragraph(`Successor: ${successorName.trim()}.`),
          ...(notice.migration === undefined ? [] : [heading('Migration'), richText(notice.migration)]),
          ...(notice.risk === undefined ? [] : [heading('Risk of staying'), richText(notice.risk)]),
          event.source === undefined ? undefined : link(event.source, 'Original announcement'),
          link(url, `${releaseLine.productName}: support and lifecycle`),
          link(context.url(paths.endOfSupport()), 'All end-of-support dates'),
        ]),
    );
  });
}

function noticeHeadline(event: NoticeEvent): string {
  switch (event.kind) {
    case 'announced':
      return `end of support on ${event.endOfSupport} announced`;
    case 'extended':
      return `end of support extended to ${event.endOfSupport}`;
    case 'brought-forward':
      return `end of support brought forward to ${event.endOfSupport}`;
  }
}

function noticeSentence(vendorName: string, releaseLine: ReleaseLine, event: NoticeEvent): string {
  switch (event.kind) {
    case 'announced':
      return `On ${event.on}, ${vendorName} announced that support for ${lineName(releaseLine)} ends on ${event.endOfSupport} (the last day of support).`;
    case 'extended':
      return `On ${event.on}, ${vendorName} extended support for ${lineName(releaseLine)} from ${event.previous} to ${event.endOfSupport} (the last day of support).`;
    case 'brought-forward':
      return `On ${event.on}, ${vendorName} brought the end of support for ${lineName(releaseLine)} forward from ${event.previous} to ${event.endOfSupport} (the last day of support).`;
  }
}

// ——— 4.3: incidents ———

const updateHeadlines: Readonly<Record<IncidentUpdate['status'], { first: string; again: string }>> = {
  investigating: { first: 'Investigating', again: 'Investigation update' },
  identified: { first: 'Cause identified', again: 'Update on the cause' },
  monitoring: { first: 'Fix applied, monitoring', again: 'Monitoring update' },
  resolved: { first: 'Resolved', again: 'Resolved' },
  scheduled: { first: 'Maintenance scheduled', again: 'Maintenance schedule update' },
  'in-progress': { first: 'Maintenance in progress', again: 'Maintenance progress update' },
  completed: { first: 'Maintenance completed', again: 'Maintenance completed' },
};

/** "Cause identified" the first time; "Update on the cause" when the status has not changed since. */
function updateHeadline(updates: readonly IncidentUpdate[], index: number): string {
  const { status } = updates[index]!;
  const headline = updateHeadlines[status];
  return updates[index - 1]?.status === status ? headline.again : headline.first;
}

function incidentEvents(context: Context, incident: Incident): SubscriberEvent[] {
  const url = context.url(paths.incident(incident.id));
  const productSlugs = incident.affects.map((affected) => affected.productSlug);
  const affected = incident.affects
    .map((entry) =>
      entry.releaseLines === undefined ? entry.productName : `${entry.productName} ${entry.releaseLines.join(', ')}`,
    )
    .join('; ');
  const kindName = incident.kind === 'maintenance' ? 'Maintenance' : 'Incident';
  const tags = [topicNames.incidents, kindName, ...incident.affects.map((entry) => entry.productName)];
  const facts = paragraph(`${kindName} ${incident.id}. Impact: ${incident.impact}. Affects: ${affected}.`);
  const window =
    incident.window === undefined
      ? undefined
      : paragraph(`Window: ${utcInstant(incident.window.start)} to ${utcInstant(incident.window.end)} (UTC).`);
  const updates = incident.updates.map((update, index): SubscriberEvent => {
    const at = utcInstant(update.at);
    const headline = updateHeadline(incident.updates, index);
    return withContent(
      {
        // From the update's key, not its time: a corrected time keeps the item (its key is the time first published).
        id: tagId(context, update.key, 'incident', incident.id, 'update', update.key),
        topic: 'incidents',
        title: `${headline}: ${incident.title}`,
        summary: `${headline} (${at}). ${kindName} ${incident.id}, impact ${incident.impact}, affects ${affected}.`,
        url,
        date: at,
        productSlugs,
        tags,
        isStandingNotice: false,
      },
      [incident, update],
      () =>
        itemHtml(url, [
          paragraph(`${headline} — ${at}`),
          richText(update.text),
          facts,
          window,
          ...(incident.customerActions === undefined
            ? []
            : [heading('What you need to do'), richText(incident.customerActions)]),
          link(url, `${incident.id}: full timeline`),
        ]),
    );
  });
  const corrections = incident.corrections.map((correction): SubscriberEvent =>
    withContent(
      {
        id: tagId(context, correction.by, 'incident', incident.id, 'correction', correction.by, correction.field),
        topic: 'incidents',
        title: `Correction: ${incident.title}`,
        summary: `${correctionLine(correction)}. ${kindName} ${incident.id}.`,
        url,
        date: correction.at,
        productSlugs,
        tags,
        isStandingNotice: false,
      },
      [incident, correction],
      () =>
        itemHtml(url, [paragraph(`${correctionLine(correction)}.`), facts, link(url, `${incident.id}: full timeline`)]),
    ),
  );
  const report = incident.postIncidentReport;
  if (!report) return [...updates, ...corrections];
  const published = utcInstant(report.published);
  return [
    ...updates,
    ...corrections,
    withContent(
      {
        id: tagId(context, published, 'incident', incident.id, 'post-incident-report'),
        topic: 'incidents',
        title: `Post-incident report: ${incident.title}`,
        summary: `The post-incident report for ${incident.id}: root cause and ${report.preventiveMeasures.length} preventive ${report.preventiveMeasures.length === 1 ? 'measure' : 'measures'}.`,
        url,
        date: published,
        productSlugs,
        tags,
        isStandingNotice: false,
      },
      [incident],
      () =>
        itemHtml(url, [
          facts,
          heading('Root cause'),
          richText(report.rootCause),
          heading('Preventive measures'),
          list(report.preventiveMeasures),
          link(url, `${incident.id}: full timeline`),
        ]),
    ),
  ];
}

// ——— 3.4, 3.5: advisories ———

function advisoryEvents(context: Context, advisory: Advisory): SubscriberEvent[] {
  const url = context.url(paths.advisory(advisory.id));
  const severity = `${advisory.cvss.severity[0]!.toUpperCase()}${advisory.cvss.severity.slice(1)}`;
  const productSlugs = [...new Set(advisory.affects.map((affected) => affected.productSlug))];
  const tags = [topicNames.advisories, severity, ...new Set(advisory.affects.map((affected) => affected.productName))];
  // Rendered only into the events that are shown (see LazyContentEvent).
  const details = (): Block[] => [
    paragraph(advisory.summary),
    paragraph(
      `Severity: ${severity} (CVSS ${advisory.cvss.version} base score ${advisory.cvss.score.toFixed(1)}, ${advisory.cvss.vector}).${advisory.cves.length > 0 ? ` ${advisory.cves.join(', ')}.` : ''} Status: ${advisory.status}.`,
    ),
    heading('Affected and fixed versions'),
    list(
      advisory.affects.map(
        (affected) =>
          `${affected.productName} ${affected.releaseLine}: ${affected.affected}; ${affected.fixed === undefined ? 'no fixed version yet' : `fixed in ${affected.fixed}`}`,
      ),
    ),
    heading('What to do'),
    // Each remediation as the advisory page shows it: what kind it is, its text, and where to read more.
    ...advisory.remediations.flatMap((remediation) => {
      const kind = remediationWord(remediation.kind);
      return [
        subheading(kind),
        richText(remediation.text),
        remediation.url === undefined ? undefined : link(remediation.url, `More about this ${kind.toLowerCase()}`),
      ];
    }),
    heading('Details'),
    richText(advisory.details),
    link(url, `${advisory.id}: full advisory`),
  ];
  const corrections = advisory.corrections.map((correction): SubscriberEvent =>
    withContent(
      {
        id: tagId(context, correction.by, 'advisory', advisory.id, 'correction', correction.by, correction.field),
        topic: 'advisories',
        title: `${advisory.id} corrected: ${advisory.title}`,
        summary: `${correctionLine(correction)}.`,
        url,
        date: correction.at,
        productSlugs,
        tags,
        isStandingNotice: false,
      },
      [advisory, correction],
      () => itemHtml(url, [paragraph(`${correctionLine(correction)}.`), ...details()]),
    ),
  );
  const sameDay = new Map<CalendarDate, number>();
  const revisions = advisory.revisions.map((revision, index): SubscriberEvent => {
    // Two revisions on one day are told apart by their order that day; revisions are only ever appended.
    const nth = (sameDay.get(revision.date) ?? 0) + 1;
    sameDay.set(revision.date, nth);
    const isPublication = index === 0;
    return withContent(
      {
        id: tagId(
          context,
          revision.date,
          'advisory',
          advisory.id,
          isPublication ? 'published' : 'revised',
          nth === 1 ? revision.date : `${revision.date}.${nth}`,
        ),
        topic: 'advisories',
        title: isPublication
          ? `${advisory.id} (${severity}): ${advisory.title}`
          : `${advisory.id} revised: ${revision.summary}`,
        summary: isPublication ? advisory.summary : `${revision.summary} ${advisory.title}.`,
        url,
        date: startOfDayRfc3339(revision.date),
        productSlugs,
        tags,
        isStandingNotice: false,
      },
      [advisory, revision],
      () =>
        itemHtml(url, [
          isPublication ? undefined : paragraph(`Revised on ${revision.date}: ${revision.summary}`),
          ...details(),
        ]),
    );
  });
  return [...revisions, ...corrections];
}

/** "Corrected on 3 December 2026: impact was recorded as major; it was minor". */
function correctionLine(correction: Correction): string {
  return `Corrected on ${formatCalendarDate(correction.at.slice(0, 10))}: ${correctionSentence(correction)}`;
}
