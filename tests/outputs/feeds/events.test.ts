/**
 * The events a subscriber is told about: one item per real event, with ids that survive
 * rebuilds and edits, and exactly the items a sequence of content changes should produce.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { subscriberEvents } from '../../../src/outputs/feeds/events.ts';
import { topicFeed } from '../../../src/outputs/feeds/feeds.ts';
import { loadRegistry } from '../../../src/registry/loadRegistry.ts';
import type { Registry } from '../../../src/registry/types.ts';
import { DEMO_BUILD_DATE } from '../../support/builtSite.ts';
import {
  BUILD_DATE,
  createContent,
  incident,
  markdownFile,
  product,
  type Fixture,
} from '../../support/contentFixture.ts';

let fixture: Fixture | undefined;
afterEach(() => {
  fixture?.cleanup();
  fixture = undefined;
});

const demo = () => loadRegistry({ contentDir: 'content', buildDate: DEMO_BUILD_DATE });
const load = (dir: string) => loadRegistry({ contentDir: dir, buildDate: BUILD_DATE });
const titlesAndIds = (registry: Registry) => subscriberEvents(registry).map((event) => [event.title, event.id]);
const TAG = 'tag:trust.fixture.example';

describe('an event as JSON, the form a feed is fingerprinted in for carrying it over', () => {
  it('stands for its content by what the content is made from, without rendering it', () => {
    const asJson = JSON.stringify(subscriberEvents(demo()));
    expect(asJson).not.toContain('contentHtml');
    expect(asJson).not.toContain('<h2>Root cause</h2>');
  });

  /** Each event's JSON, and its fields with its content as a subscriber receives it, by id. */
  const seen = (registry: Registry) =>
    new Map(
      subscriberEvents(registry).map((event) => [
        event.id,
        { json: JSON.stringify(event), shown: JSON.stringify({ ...event, contentHtml: event.contentHtml }) },
      ]),
    );

  it.each([
    // A text only the item's content shows.
    [
      'an incident update',
      'incidents/INC-2026-0031.md',
      'Restores from all regions',
      'Restores from every region',
      ':incident:INC-2026-0031:update:2026-11-21T14:40:00Z',
    ],
    // Shown in the content of each of the incident's updates.
    [
      'what customers of an incident need to do',
      'incidents/INC-2025-0004.md',
      'It has been withdrawn.',
      'It has been withdrawn from every channel.',
      ':incident:INC-2025-0004:update:',
    ],
    // Shown in the content of other products' end-of-support items, as their successor.
    [
      'a product',
      'products/identity-server.md',
      'name: Kestrel Identity\n',
      'name: Kestrel Identity Platform\n',
      ':end-of-support:directory-connector',
    ],
    ['the vendor', 'vendor.yml', 'name: Kestrel Software', 'name: Kestrel Software Ltd', ':end-of-support:'],
  ])('changes for every event whose fields or content change when %s is edited', (_what, file, from, to, changes) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trustline-events-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    cpSync('content', dir, { recursive: true });
    const before = seen(loadRegistry({ contentDir: dir, buildDate: DEMO_BUILD_DATE }));
    const full = path.join(dir, file);
    const text = readFileSync(full, 'utf8');
    expect(text).toContain(from);
    writeFileSync(full, text.replace(from, to));
    const after = seen(loadRegistry({ contentDir: dir, buildDate: DEMO_BUILD_DATE }));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const differ = (key: 'json' | 'shown') =>
      [...after.keys()].filter((id) => after.get(id)![key] !== before.get(id)![key]);
    expect(differ('shown').some((id) => id.includes(changes))).toBe(true);
    // None shows anything new under the JSON it had (it may change with more: an incident's
    // events change together, and are in the same feeds).
    const json = new Set(differ('json'));
    expect(differ('shown').filter((id) => !json.has(id))).toEqual([]);
  });
});

describe('event ids', () => {
  it('are the same when the same content is loaded twice', () => {
    const first = subscriberEvents(demo()).map((event) => event.id);
    const second = subscriberEvents(demo()).map((event) => event.id);
    expect(first).toHaveLength(105);
    expect(second).toEqual(first);
  });

  it('are unique across every event of the demo content', () => {
    const ids = subscriberEvents(demo()).map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are tag URIs (RFC 4151) named after what the event is', () => {
    const ids = subscriberEvents(demo()).map((event) => event.id);
    expect(ids).toContain(
      'tag:trust.kestrel.example,2026-02-10:end-of-support:edge-gateway/5.x:extended:2026-02-10:2027-09-30',
    );
    expect(ids).toContain('tag:trust.kestrel.example,2026-09-21:incident:INC-2026-0024:post-incident-report');
    expect(ids).toContain('tag:trust.kestrel.example,2024-02-20:release-line:insight-server/2024%20LTS:released');
    for (const id of ids) expect(id).toMatch(/^tag:trust\.kestrel\.example,\d{4}-\d{2}-\d{2}:[A-Za-z0-9\-._~%:/]+$/);
  });

  it('stay the same when the text of an incident update is edited', () => {
    fixture = createContent();
    const before = subscriberEvents(load(fixture.dir)).find((event) => event.title.startsWith('Resolved:'))!;
    fixture.write(
      'incidents/INC-2026-0001.md',
      markdownFile({
        ...incident,
        updates: [incident.updates[0], { ...incident.updates[1], text: 'Fixed: the queue is drained.' }],
      }),
    );
    const after = subscriberEvents(load(fixture.dir)).find((event) => event.title.startsWith('Resolved:'))!;
    expect(after.id).toBe(before.id);
    expect(before.contentHtml).toContain('<p>Fixed.</p>');
    expect(after.contentHtml).toContain('<p>Fixed: the queue is drained.</p>');
  });

  it('stay the same when the title of an incident is edited', () => {
    fixture = createContent();
    const before = subscriberEvents(load(fixture.dir)).map((event) => event.id);
    fixture.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, title: 'Gateway update downloads slow' }));
    const after = subscriberEvents(load(fixture.dir));
    expect(after.map((event) => event.id)).toEqual(before);
    expect(after.map((event) => event.title)).toContain('Resolved: Gateway update downloads slow');
  });
});

describe('which events are told', () => {
  it('leaves out events dated after the build time', () => {
    fixture = createContent();
    fixture.write(
      'products/gateway.md',
      markdownFile(
        product({
          releases: [
            {
              name: '2.x',
              released: '2026-01-15',
              phases: [{ level: 'full', until: '2026-11-22' }, { level: 'maintenance' }],
            },
          ],
        }),
      ),
    );
    fixture.remove('advisories/FSA-2026-0001.md');
    fixture.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, affects: [{ product: 'gateway' }] }));
    const titles = (buildDate: string) =>
      subscriberEvents(loadRegistry({ contentDir: fixture!.dir, buildDate })).map((event) => event.title);
    const phaseChange = 'Fixture Gateway 2.x: Security maintenance from 2026-11-23 (end of support to be announced)';
    expect(titles('2026-11-22T23:59:59Z')).not.toContain(phaseChange);
    expect(titles('2026-11-23T00:00:00Z')).toContain(phaseChange);
  });

  it('dates a calendar-date event at 00:00:00Z of that day and a timed event at its UTC instant', () => {
    fixture = createContent();
    fixture.write(
      'incidents/INC-2026-0001.md',
      markdownFile({
        ...incident,
        updates: [
          { at: '2026-11-01T10:10:00+01:00', status: 'investigating', text: 'Looking.' },
          { at: '2026-11-01T10:00:00Z', status: 'resolved', text: 'Fixed.' },
        ],
      }),
    );
    const dates = Object.fromEntries(subscriberEvents(load(fixture.dir)).map((event) => [event.title, event.date]));
    expect(dates['Fixture Gateway 2.x released']).toBe('2026-01-15T00:00:00Z');
    expect(dates['Investigating: Gateway updates delayed']).toBe('2026-11-01T09:10:00Z');
  });

  it('lists the newest first, and events of the same instant by id', () => {
    const events = subscriberEvents(demo());
    for (const [index, event] of events.slice(1).entries()) {
      const previous = events[index]!;
      expect(previous.date > event.date || (previous.date === event.date && previous.id < event.id)).toBe(true);
    }
  });
});

describe('a scripted sequence of content changes', () => {
  const releasedTwo = ['Fixture Gateway 2.x released', `${TAG},2026-01-15:release-line:gateway/2.x:released`];
  const releasedOne = ['Fixture Gateway 1.x released', `${TAG},2024-01-15:release-line:gateway/1.x:released`];
  const maintenanceId = `${TAG},2026-01-15:release-line:gateway/1.x:phase:maintenance:2026-01-15`;
  const announced = [
    'Fixture Gateway 1.x: end of support on 2027-12-31 announced (notice: 18 months)',
    `${TAG},2026-06-01:end-of-support:gateway/1.x:announced:2026-06-01:2027-12-31`,
  ];
  const extended = [
    'Fixture Gateway 1.x: end of support extended to 2028-06-30 (notice: 21 months)',
    `${TAG},2026-09-01:end-of-support:gateway/1.x:extended:2026-09-01:2028-06-30`,
  ];
  const update = (at: string) => `${TAG},${at.slice(0, 10)}:incident:INC-2026-0002:update:${at}`;
  const identified = ['Cause identified: Gateway console unreachable', update('2026-11-20T08:00:00Z')];
  const monitoring = ['Fix applied, monitoring: Gateway console unreachable', update('2026-11-20T10:00:00Z')];
  const resolved = ['Resolved: Gateway console unreachable', update('2026-11-20T12:00:00Z')];
  const report = [
    'Post-incident report: Gateway console unreachable',
    `${TAG},2026-11-21:incident:INC-2026-0002:post-incident-report`,
  ];

  const lineOne = (endOfSupport?: Record<string, unknown>) =>
    product({
      releases: [
        { name: '2.x', released: '2026-01-15', phases: [{ level: 'full' }] },
        {
          name: '1.x',
          released: '2024-01-15',
          phases: [{ level: 'full', until: '2026-01-14' }, { level: 'maintenance' }],
          successor: '2.x',
          ...(endOfSupport && { endOfSupport }),
        },
      ],
    });
  const consoleIncident = (updates: { at: string; status: string; text: string }[], extra = {}) =>
    markdownFile({
      id: 'INC-2026-0002',
      title: 'Gateway console unreachable',
      impact: 'major',
      affects: [{ product: 'gateway' }],
      started: '2026-11-20T07:30:00Z',
      updates,
      ...extra,
    });

  it('produces exactly the expected items at each step', () => {
    fixture = createContent();
    fixture.remove('incidents/INC-2026-0001.md');
    fixture.remove('advisories/FSA-2026-0001.md');

    // 0. Two release lines; the end of support of 1.x is still to be announced.
    fixture.write('products/gateway.md', markdownFile(lineOne(), 'The gateway.\n'));
    expect(titlesAndIds(load(fixture.dir))).toEqual([
      ['Fixture Gateway 1.x: Security maintenance from 2026-01-15 (end of support to be announced)', maintenanceId],
      releasedTwo,
      releasedOne,
    ]);

    // 1. The end of support is announced: one new item; the phase item keeps its id and now gives the date.
    const announcement = {
      date: '2027-12-31',
      announced: '2026-06-01',
      source: 'https://fixture.example/news/gateway-1x',
    };
    fixture.write('products/gateway.md', markdownFile(lineOne(announcement), 'The gateway.\n'));
    const maintenanceUntil = [
      'Fixture Gateway 1.x: Security maintenance from 2026-01-15 (until 2027-12-31)',
      maintenanceId,
    ];
    expect(titlesAndIds(load(fixture.dir))).toEqual([announced, maintenanceUntil, releasedTwo, releasedOne]);

    // 2. The date is extended: the announcement stays as it was, the extension is a new item.
    const extension = {
      ...announcement,
      date: '2028-06-30',
      changes: [
        {
          on: '2026-09-01',
          from: '2027-12-31',
          reason: 'Customers asked for more time.',
          source: 'https://fixture.example/news/gateway-1x-extended',
        },
      ],
    };
    fixture.write('products/gateway.md', markdownFile(lineOne(extension), 'The gateway.\n'));
    const maintenanceExtended = [
      'Fixture Gateway 1.x: Security maintenance from 2026-01-15 (until 2028-06-30)',
      maintenanceId,
    ];
    const history = [extended, announced, maintenanceExtended, releasedTwo, releasedOne];
    expect(titlesAndIds(load(fixture.dir))).toEqual(history);

    // 3–5. An incident: identified, then monitoring, then resolved — each update its own item.
    const identifiedUpdate = { at: '2026-11-20T08:00:00Z', status: 'identified', text: 'A certificate expired.' };
    const monitoringUpdate = { at: '2026-11-20T10:00:00Z', status: 'monitoring', text: 'Certificate renewed.' };
    const resolvedUpdate = { at: '2026-11-20T12:00:00Z', status: 'resolved', text: 'All consoles reachable.' };
    fixture.write('incidents/INC-2026-0002.md', consoleIncident([identifiedUpdate]));
    expect(titlesAndIds(load(fixture.dir))).toEqual([identified, ...history]);
    fixture.write('incidents/INC-2026-0002.md', consoleIncident([identifiedUpdate, monitoringUpdate]));
    expect(titlesAndIds(load(fixture.dir))).toEqual([monitoring, identified, ...history]);
    fixture.write('incidents/INC-2026-0002.md', consoleIncident([identifiedUpdate, monitoringUpdate, resolvedUpdate]));
    expect(titlesAndIds(load(fixture.dir))).toEqual([resolved, monitoring, identified, ...history]);

    // 6. The post-incident report is published: one more item, nothing else changes.
    fixture.write(
      'incidents/INC-2026-0002.md',
      consoleIncident([identifiedUpdate, monitoringUpdate, resolvedUpdate], {
        postIncidentReport: {
          published: '2026-11-21T09:00:00Z',
          rootCause: 'The renewal job had been disabled.',
          preventiveMeasures: ['Alert 30 days before any certificate expires.'],
        },
      }),
    );
    expect(titlesAndIds(load(fixture.dir))).toEqual([report, resolved, monitoring, identified, ...history]);
  });
});

describe('the size of a feed', () => {
  it('keeps the latest items and every older notice of an end-of-support date still ahead', () => {
    const registry = demo();
    const limited: Registry = { ...registry, vendor: { ...registry.vendor, feeds: { maxItems: 10 } } };
    const feed = topicFeed(limited, subscriberEvents(limited), 'end-of-support');
    const titles = feed.events.map((event) => event.title);
    expect(titles).toHaveLength(12);
    expect(titles.slice(10)).toEqual([
      'Kestrel Insight 2024 LTS: end of support on 2029-02-28 announced (notice: 60 months)',
      'Kestrel Insight 2022 LTS: end of support on 2027-02-28 announced (notice: 60 months)',
    ]);
  });

  it('keeps, in the feed of all updates, the notice behind every end-of-support date still ahead', () => {
    const registry = demo();
    const events = subscriberEvents(registry);
    const feed = topicFeed(registry, events, 'all');
    const ids = new Set(feed.events.map((event) => event.id));
    const ahead = registry.releaseLines.filter(
      (releaseLine) => releaseLine.endOfSupport !== undefined && releaseLine.endOfSupport >= registry.buildDate,
    );
    expect(ahead).toHaveLength(9);
    for (const releaseLine of ahead) {
      const standing = events.find(
        (event) =>
          event.topic === 'end-of-support' &&
          event.productSlugs[0] === releaseLine.productSlug &&
          event.title.includes(`${releaseLine.name}:`) &&
          event.title.includes(releaseLine.endOfSupport!),
      );
      expect(standing?.isStandingNotice).toBe(true);
      expect(ids.has(standing!.id)).toBe(true);
    }
    expect(feed.events.slice(0, 50)).toEqual(events.slice(0, 50));
    expect(feed.events.length).toBe(50 + feed.events.slice(50).filter((event) => event.isStandingNotice).length);
    expect(feed.events.length).toBeGreaterThan(50);
  });
});
