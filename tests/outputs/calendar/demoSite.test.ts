/**
 * The calendars of the built demo site: a subscriber to /calendar/end-of-support.ics gets every
 * end-of-support date of the demo content once, on the right day, with a reminder a year before.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../src/registry/loadRegistry.ts';
import type { Registry } from '../../../src/registry/types.ts';
import { paths } from '../../../src/site/urls.ts';
import { DEMO_BUILD_DATE, DEMO_SITE_DIR } from '../../support/builtSite.ts';

const read = (relativePath: string) => readFileSync(path.join(DEMO_SITE_DIR, relativePath), 'utf8');
const events = (relativePath: string) =>
  new ICAL.Component(ICAL.parse(read(relativePath)) as unknown[]).getAllSubcomponents('vevent');
const value = (component: ICAL.Component, name: string) => String(component.getFirstPropertyValue(name));

let registry: Registry;
beforeAll(() => {
  registry = loadRegistry({ contentDir: 'content', buildDate: DEMO_BUILD_DATE });
});

describe('the calendars of the built demo site', () => {
  it('are at every documented path', () => {
    const expected = [
      paths.calendar(),
      paths.maintenanceCalendar(),
      ...registry.products.map((product) => paths.productCalendar(product.slug)),
    ];
    expect(expected).toHaveLength(9);
    expect(expected.filter((relativePath) => !existsSync(path.join(DEMO_SITE_DIR, relativePath)))).toEqual([]);
  });

  it('have every end-of-support date once, on the right day, with a reminder a year before', () => {
    const byUid = new Map(events(paths.calendar()).map((event) => [value(event, 'uid'), event]));
    const withDates = registry.releaseLines.filter((releaseLine) => releaseLine.endOfSupport !== undefined);
    expect(withDates).toHaveLength(14);
    for (const releaseLine of withDates) {
      const uid = `end-of-support.${releaseLine.productSlug}.${encodeURIComponent(releaseLine.name)}@trust.kestrel.example`;
      const event = byUid.get(uid);
      expect(value(event!, 'dtstart')).toBe(releaseLine.endOfSupport);
      const [year, month, day] = releaseLine.endOfSupport!.split('-');
      expect(value(event!.getFirstSubcomponent('valarm')!, 'trigger')).toBe(
        `${Number(year) - 1}-${month}-${day === '29' && month === '02' ? '28' : day}T09:00:00Z`,
      );
    }
    // Every demo support level up to the end of support ships security fixes: no separate date.
    expect(byUid.size).toBe(14);
  });

  it('raise SEQUENCE for Edge Gateway 5.x, whose date was extended once', () => {
    const event = events(paths.productCalendar('edge-gateway')).find(
      (candidate) => value(candidate, 'uid') === 'end-of-support.edge-gateway.5.x@trust.kestrel.example',
    );
    expect([value(event!, 'dtstart'), value(event!, 'sequence')]).toEqual(['2027-09-30', '1']);
  });

  it('give each product only the dates of its own release lines, and every date to one product', () => {
    const uids = registry.products.flatMap((product) =>
      events(paths.productCalendar(product.slug)).map((event) => value(event, 'uid')),
    );
    const ownLines = registry.products.flatMap((product) =>
      events(paths.productCalendar(product.slug))
        .map((event) => value(event, 'uid'))
        .filter((uid) => new RegExp(`^end-of(-security)?-support\\.${product.slug}\\.`).test(uid)),
    );
    const siteWide = events(paths.calendar()).map((event) => value(event, 'uid'));
    expect(siteWide.length).toBeGreaterThan(0);
    expect(ownLines).toEqual(uids);
    expect([...uids].sort()).toEqual([...siteWide].sort());
  });

  it('list both maintenance windows of the demo content in UTC', () => {
    const windows = events(paths.maintenanceCalendar()).map((event) => [
      value(event, 'uid'),
      value(event, 'dtstart'),
      value(event, 'dtend'),
    ]);
    expect(windows).toEqual([
      ['maintenance.INC-2026-0029@trust.kestrel.example', '2026-12-06T22:00:00Z', '2026-12-07T02:00:00Z'],
      ['maintenance.INC-2026-0019@trust.kestrel.example', '2026-06-13T21:00:00Z', '2026-06-14T01:00:00Z'],
    ]);
  });
});
