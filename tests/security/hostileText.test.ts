/**
 * Generated hostile text in every plain-text and URL field that reaches a hand-written markup
 * output (RSS, Atom, JSON Feed HTML content, OPML, iCalendar, CSAF folder listings) comes out as
 * text: each output, read by a real parser, has exactly the elements and attributes (or
 * components and properties) it has with a benign string in the same fields. Markdown fields go
 * through the sanitiser instead and are covered by xss.test.ts.
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfSupportCalendar, maintenanceCalendar } from '../../src/outputs/calendar/calendars.ts';
import { directoryListing } from '../../src/outputs/csaf/provider.ts';
import { opmlFile, productFeedFile, topicFeedFile } from '../../src/outputs/feeds/feedFiles.ts';
import { loadRegistry } from '../../src/registry/loadRegistry.ts';
import type { Registry } from '../../src/registry/types.ts';
import {
  BUILD_DATE,
  advisory,
  createContent,
  incident,
  markdownFile,
  type Fixture,
} from '../support/contentFixture.ts';
import { hostileText } from './hostileStrings.ts';
import { htmlShape, type Shape } from './markupShape.ts';

/** Fields of the Registry written as plain text: names, titles, summaries, reasons, credits. */
const TEXT_FIELDS = new Set([
  'name',
  'productName',
  'title',
  'summary',
  'category',
  'supportOwner',
  'reason',
  'credits',
  'preventiveMeasures',
]);
/** Release line names are plain text, but the schema allows only letters, digits, spaces and ".+_-". */
const RESTRICTED_PARENTS = new Set(['releaseLines', 'successor']);
/** Fields holding an address given by the editor (not the portal's own, which the schema pins). */
const URL_FIELDS = new Set(['source', 'url', 'updates', 'secureUse']);

/**
 * The Registry with `text` appended to every plain-text field and `url` in every URL field.
 * Objects shared in the Registry (a release line is in its product and in `releaseLines`) stay
 * shared, so the outputs see one consistent Registry.
 */
function withText(registry: Registry, text: string, url: string): Registry {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown, key: string, parentKey: string): unknown => {
    if (typeof value === 'string') {
      if (TEXT_FIELDS.has(key) && !RESTRICTED_PARENTS.has(parentKey)) return `${value}${text}`;
      if (URL_FIELDS.has(key) && parentKey !== 'site') return url;
      return value;
    }
    if (typeof value !== 'object' || value === null) return value;
    if (copies.has(value)) return copies.get(value);
    if (Array.isArray(value)) {
      const array: unknown[] = [];
      copies.set(value, array);
      // The items of a list of strings ("credits") are that field's values.
      for (const item of value) array.push(copy(item, key, parentKey));
      return array;
    }
    if ('markdown' in value && 'html' in value) return value;
    const object: Record<string, unknown> = {};
    copies.set(value, object);
    for (const [name, child] of Object.entries(value)) object[name] = copy(child, name, key);
    return object;
  };
  const copied = copy({ ...registry, index: undefined }, '', '') as Registry;
  const same = <T extends object>(value: T): T => copies.get(value) as T;
  return {
    ...copied,
    index: {
      product: (slug) => copied.products.find((product) => product.slug === slug),
      supportLevel: (id) => copied.supportLevels.find((level) => level.id === id),
      incidentsFor: (slug) => registry.index.incidentsFor(slug).map(same),
      advisoriesFor: (slug) => registry.index.advisoriesFor(slug).map(same),
      policy: (kind) => same(registry.index.policy(kind)),
    },
  };
}

const xmlParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' });
/** Elements whose text is HTML (RSS content:encoded, Atom content type="html"). */
const HTML_ELEMENTS = new Set(['content:encoded', 'content']);

/** Every element of an XML document with its attribute names; the HTML inside feed content too. */
function xmlShape(xml: string): Shape {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed: ${valid.err.msg}`];
  const shape: Shape = [];
  const walk = (nodes: Record<string, unknown>[], path: string) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ':@')!;
      if (name === '#text') continue;
      const attributes = (node[':@'] ?? {}) as Record<string, string>;
      shape.push(`${path}/${name}[${Object.keys(attributes).sort().join(',')}]`);
      const children = node[name] as Record<string, unknown>[];
      if (HTML_ELEMENTS.has(name)) {
        const text = children.map((child) => String((child['#text'] as string | number | undefined) ?? '')).join('');
        shape.push(...htmlShape(text).map((element) => `${path}/${name}${element}`));
      } else walk(children, `${path}/${name}`);
    }
  };
  walk(xmlParser.parse(xml) as Record<string, unknown>[], '');
  return shape;
}

/** JSON Feed: the document's keys, and the elements of each item's HTML. */
function jsonFeedShape(json: string): Shape {
  const feed = JSON.parse(json) as { items: Record<string, unknown>[] };
  return [
    Object.keys(feed).join(','),
    ...feed.items.flatMap((item) => [Object.keys(item).join(','), ...htmlShape(String(item['content_html']))]),
  ];
}

/** iCalendar: every component with its properties and their parameters. */
function icalShape(ics: string): Shape {
  const shape: Shape = [];
  const walk = (component: ICAL.Component, path: string) => {
    path = `${path}/${component.name}`;
    for (const property of component.getAllProperties()) {
      const parameters = Object.keys((property.toJSON() as [string, Record<string, unknown>])[1]).sort();
      shape.push(`${path}:${property.name}[${parameters.join(',')}]`);
    }
    for (const child of component.getAllSubcomponents()) walk(child, path);
  };
  walk(new ICAL.Component(ICAL.parse(ics) as unknown[]), '');
  return shape;
}

/** Each hand-written output of a Registry, with the parser that reads it. */
const outputs: Readonly<Record<string, (registry: Registry) => Shape>> = {
  'RSS 2.0': (registry) => xmlShape(topicFeedFile(registry, 'all', 'rss').body),
  'Atom 1.0': (registry) => xmlShape(topicFeedFile(registry, 'all', 'atom').body),
  'JSON Feed 1.1': (registry) => jsonFeedShape(topicFeedFile(registry, 'all', 'json').body),
  'a product feed (RSS 2.0)': (registry) => xmlShape(productFeedFile(registry, 'gateway', 'rss')!.body),
  'OPML 2.0': (registry) => xmlShape(opmlFile(registry).body),
  'the end-of-support calendar': (registry) => icalShape(endOfSupportCalendar(registry)),
  'the maintenance calendar': (registry) => icalShape(maintenanceCalendar(registry)),
};

const hostileUrl = hostileText.map((text) => `https://news.example.com/q${text}`);

let fixture: Fixture;
let registry: Registry;
beforeAll(() => {
  fixture = createContent();
  fixture.write(
    'incidents/INC-2026-0002.md',
    markdownFile({
      ...incident,
      id: 'INC-2026-0002',
      kind: 'maintenance',
      impact: 'none',
      started: '2026-12-01T22:00:00Z',
      window: { start: '2026-12-01T22:00:00Z', end: '2026-12-02T01:00:00Z' },
      updates: [{ at: '2026-11-15T09:00:00Z', status: 'scheduled', text: 'Planned.' }],
    }),
  );
  fixture.write(
    'advisories/FSA-2026-0001.md',
    markdownFile({
      ...advisory,
      credits: ['A researcher'],
      remediations: [{ kind: 'fix', text: 'Update.', url: 'https://fixture.example/fix' }],
    }),
  );
  registry = loadRegistry({ contentDir: fixture.dir, buildDate: BUILD_DATE });
}, 120_000);
afterAll(() => fixture.cleanup());

describe('hostile text and URLs in every field', () => {
  it.each(Object.keys(outputs))('come out of %s as text, adding no element or attribute', (name) => {
    const shapeOf = outputs[name]!;
    const benign = shapeOf(withText(registry, ' text', 'https://news.example.com/q'));
    expect(benign.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(hostileText, hostileUrl, (text, url) => {
        expect(shapeOf(withText(registry, text, url))).toEqual(benign);
      }),
      { numRuns: 60 },
    );
  });

  it('come out of a CSAF folder listing as text, adding no element or attribute', () => {
    const listing = (folder: string, entry: string, language: string) =>
      htmlShape(directoryListing(folder, ['2026/', entry], language), false);
    const benign = listing('/trust/.well-known/csaf/white/', 'index.txt', 'en-GB');
    fc.assert(
      fc.property(hostileText, hostileText, (folder, entry) => {
        expect(listing(folder, entry, `en-GB${entry}`)).toEqual(benign);
      }),
      { numRuns: 100 },
    );
  });
});
