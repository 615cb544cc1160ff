/**
 * A feed item says what the page it links to says. For every item of every feed the demo site's
 * OPML lists, in RSS and in Atom, the item's link is followed to the built page, and the item's
 * text (each paragraph, list item and heading, HTML stripped, whitespace normalised) is looked
 * for in the page's main text. The feed states some facts in its own sentences (a headline with
 * the time, "Notice given: 19 months", the support phases as a list): those are recognised by
 * their form, and each date they give must be one the page shows (`<time datetime>`). Everything
 * else, which is what the editor wrote, must be on the page as it is in the item.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findAll, findOne, textContent } from 'domutils';
import type { Element } from 'domhandler';
import { parseAtomFeed, parseOpml, parseRssFeed } from 'feedsmith';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { paths } from '../../../src/site/urls.ts';
import { DEMO_SITE_DIR } from '../../support/builtSite.ts';
import { mainOf, readingText } from '../../support/pageLinks.ts';

const SITE = 'https://trust.kestrel.example/';
const read = (relativePath: string) => readFileSync(path.join(DEMO_SITE_DIR, relativePath), 'utf8');
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

interface FeedItem {
  readonly feed: string;
  readonly id: string;
  readonly link: string;
  readonly html: string;
}

/** Every item of every feed the OPML lists, read from the RSS and from the Atom file. */
function allItems(): FeedItem[] {
  const rssFiles = (parseOpml(read(paths.opml())).body?.outlines ?? [])
    .flatMap((group) => group.outlines ?? [])
    .map((outline) => outline.xmlUrl!.slice(SITE.length));
  return rssFiles.flatMap((rssFile) => {
    const atomFile = rssFile.replace(/\.xml$/, '.atom');
    return [
      ...(parseRssFeed(read(rssFile)).items ?? []).map((item) => ({
        feed: rssFile,
        id: item.guid?.value ?? '',
        link: item.link ?? '',
        html: item.content?.encoded ?? '',
      })),
      ...(parseAtomFeed(read(atomFile)).entries ?? []).map((entry) => ({
        feed: atomFile,
        id: entry.id ?? '',
        link: entry.links?.find((link) => link.rel === 'alternate')?.href ?? '',
        html: entry.content?.value ?? '',
      })),
    ];
  });
}

const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'li', 'dt', 'dd', 'th', 'td']);

/** Each innermost paragraph, list item or heading of an item's HTML, as text. */
function blocksOf(html: string): string[] {
  const isBlock = (element: Element) => BLOCKS.has(element.name);
  return findAll((element) => isBlock(element) && !findOne(isBlock, element.children), parseDocument(html).children)
    .map((block) => normalise(textContent(block)))
    .filter((text) => text !== '');
}

interface Page {
  readonly text: string;
  /** The dates the page shows, from each `<time datetime>`: "2026-11-21", and "2026-11-21T14:40:00Z" for a time. */
  readonly dates: ReadonlySet<string>;
  readonly main: Element;
}

const pages = new Map<string, Page>();
function pageAt(link: string): Page {
  expect(link.startsWith(SITE), link).toBe(true);
  let page = pages.get(link);
  if (!page) {
    const main = mainOf(DEMO_SITE_DIR, link.slice(SITE.length).replace(/#.*$/, ''));
    const datetimes = findAll((element) => element.name === 'time', [main]).map(
      (element) => element.attribs['datetime'] ?? '',
    );
    page = {
      text: readingText(main),
      dates: new Set(datetimes.flatMap((datetime) => [datetime, datetime.slice(0, 10)])),
      main,
    };
    pages.set(link, page);
  }
  return page;
}

const ISO_DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const ISO_TIME = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z`;

/**
 * The feed's own sentences: the facts of an event in words, with dates as RFC 3339. Each is
 * anchored, so an editor's paragraph never passes for one.
 */
const FEED_SENTENCES = [
  // Incidents: the update's headline and time, the incident's facts, the maintenance window.
  new RegExp(String.raw`^[A-Z][a-z, ]+ — ${ISO_TIME}$`),
  /^(Incident|Maintenance) INC-\d{4}-\d{4}\. Impact: [a-z]+\. Affects: .+\.$/,
  new RegExp(String.raw`^Window: ${ISO_TIME} to ${ISO_TIME} \(UTC\)\.$`),
  // Advisories: the revision, the score, each affected line.
  new RegExp(String.raw`^Revised on ${ISO_DATE}: `),
  /^Severity: [A-Z][a-z]+ \(CVSS [\d.]+ base score [\d.]+, CVSS:[^)]+\)\.( CVE-[\d-]+(, CVE-[\d-]+)*\.)? Status: [a-z]+\.$/,
  /^Kestrel [^:]+: [^;]+; (fixed in \S+|no fixed version yet)$/,
  // Support: a release, a phase change, what a level includes, the phases.
  new RegExp(String.raw`^Kestrel .+ is available from ${ISO_DATE}\.$`),
  new RegExp(
    String.raw`^Kestrel .+ moved from [a-z ]+ to [a-z ]+ on ${ISO_DATE}, (until ${ISO_DATE}|end of support to be announced)\.$`,
  ),
  /^Includes: [a-z ,]+\.$/,
  /^Support phases:$/,
  new RegExp(String.raw`^[A-Z][a-z ]+: (${ISO_DATE} to ${ISO_DATE}|from ${ISO_DATE}, end of support to be announced)$`),
  // End of support: the notice, as announced, extended or brought forward.
  new RegExp(
    String.raw`^On ${ISO_DATE}, Kestrel Software (announced|extended|brought) .+ \(the last day of support\)\.$`,
  ),
  new RegExp(String.raw`^Notice given: \d+ months? \(from ${ISO_DATE} to ${ISO_DATE}\)\.$`),
  /^Successor: Kestrel .+\.$/,
  // Links back to the page.
  /^.+: (full timeline|full advisory|support and lifecycle)$/,
  /^(All end-of-support dates|Original announcement)$/,
];

/** What of an item's text the page does not show: the editor's text missing, or a date the page does not give. */
function notOnPage(item: FeedItem): string[] {
  const page = pageAt(item.link);
  return blocksOf(item.html).flatMap((block) => {
    if (page.text.includes(block)) return [];
    // "Why: <reason>", "<Level>: <summary>": the page shows the editor's text without the label.
    const labelled = /^(Why|[A-Z][a-z ]+): (.+)$/.exec(block);
    if (labelled && page.text.includes(labelled[2]!)) return [];
    if (!FEED_SENTENCES.some((form) => form.test(block))) return [`${item.feed} ${item.id}: "${block}"`];
    const dates = block.match(new RegExp(`${ISO_TIME}|${ISO_DATE}`, 'g')) ?? [];
    return dates
      .filter((date) => !page.dates.has(date))
      .map((date) => `${item.feed} ${item.id}: ${date} in "${block}"`);
  });
}

describe('every item of the demo site feeds', () => {
  const items = allItems();

  it('is read from every feed in RSS and Atom: each of the 105 events at least twice', () => {
    expect(new Set(items.map((item) => item.id)).size).toBe(105);
  });

  it('says what the page it links to says', () => {
    expect(items.flatMap(notOnPage)).toEqual([]);
  });
});

describe('an incident update item', () => {
  it('has the text of the update at the same time on the incident page', () => {
    const updates = allItems().filter((item) => item.id.includes(':update:'));
    expect(updates.length).toBeGreaterThan(0);
    for (const item of updates) {
      const at = item.id.slice(item.id.lastIndexOf(':update:') + ':update:'.length);
      const entry = findAll(
        (element) =>
          element.name === 'li' &&
          findOne((time) => time.name === 'time' && time.attribs['datetime'] === at, element.children) !== null,
        [pageAt(item.link).main],
      );
      expect(entry, `${item.feed} ${item.id}`).toHaveLength(1);
      const prose = findOne((element) => element.attribs['class'] === 'prose', entry[0]!.children)!;
      const updateText = normalise(readingText(prose));
      const itemText = blocksOf(item.html).join(' ');
      expect(itemText, `${item.feed} ${item.id}`).toContain(updateText);
    }
  });
});

describe('an advisory item', () => {
  it('tells each remediation as the advisory page does: its kind, its text and where to read more', () => {
    const advisories = allItems().filter((item) => item.id.includes(':advisory:'));
    expect(advisories.length).toBeGreaterThan(0);
    for (const item of advisories) {
      const sections = findAll(
        (element) => element.name === 'section' && element.attribs['class'] === 'card',
        [pageAt(item.link).main],
      );
      expect(sections.length, item.link).toBeGreaterThan(0);
      const itemText = blocksOf(item.html).join(' ');
      const itemLinks = findAll((element) => element.name === 'a', parseDocument(item.html).children).map(
        (element) => element.attribs['href'],
      );
      for (const section of sections) {
        expect(itemText, `${item.feed} ${item.id}`).toContain(readingText(section));
        for (const anchor of findAll((element) => element.name === 'a', [section])) {
          expect(itemLinks, `${item.feed} ${item.id}`).toContain(new URL(anchor.attribs['href']!, item.link).href);
        }
      }
    }
  });
});
