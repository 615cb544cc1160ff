/**
 * The iCalendar files (RFC 5545) as a calendar reads them: parsed by ical.js, with the line
 * format (CRLF, 75-octet folding) checked on the raw text, since parsers forgive both.
 */
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  endOfSupportCalendar,
  maintenanceCalendar,
  monthsBefore,
  productEndOfSupportCalendar,
} from '../../../src/outputs/calendar/calendars.ts';
import { fold } from '../../../src/outputs/calendar/ics.ts';
import { loadRegistry } from '../../../src/registry/loadRegistry.ts';
import type { Registry } from '../../../src/registry/types.ts';
import {
  BUILD_DATE,
  createContent,
  markdownFile,
  product,
  supportLevels,
  type Fixture,
} from '../../support/contentFixture.ts';

let fixture: Fixture | undefined;
afterEach(() => {
  fixture?.cleanup();
  fixture = undefined;
});

const announcement = { date: '2027-12-31', announced: '2026-06-01', source: 'https://fixture.example/news/gateway-1x' };
const extension = {
  ...announcement,
  date: '2028-06-30',
  changes: [{ on: '2026-09-01', from: '2027-12-31', source: 'https://fixture.example/news/gateway-1x-extended' }],
};

function lineOne(endOfSupport: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return product({
    releases: [
      { name: '2.x', released: '2026-01-15', phases: [{ level: 'full' }] },
      {
        name: '1.x',
        released: '2024-01-15',
        phases: [{ level: 'full', until: '2026-01-14' }, { level: 'maintenance' }],
        successor: '2.x',
        endOfSupport,
      },
    ],
    ...overrides,
  });
}

function registryWith(productData: unknown): Registry {
  fixture = createContent();
  fixture.write('products/gateway.md', markdownFile(productData, 'The gateway.\n'));
  return loadRegistry({ contentDir: fixture.dir, buildDate: BUILD_DATE });
}

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics) as unknown[]);
}

const value = (component: ICAL.Component, name: string) => String(component.getFirstPropertyValue(name));
const events = (ics: string) => parse(ics).getAllSubcomponents('vevent');

describe('the end-of-support calendar', () => {
  it('is a Gregorian calendar with a name, not a scheduling message (no METHOD)', () => {
    const registry = registryWith(lineOne(announcement));
    const calendar = parse(endOfSupportCalendar(registry));
    expect(value(calendar, 'version')).toBe('2.0');
    expect(value(calendar, 'prodid')).toBe('-//Trustline//Fixture Software//EN');
    expect(value(calendar, 'calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBeNull();
    expect(value(calendar, 'x-wr-calname')).toBe('Fixture Software: end of support');
  });

  it('has one all-day event on the last day of support, ending the next day', () => {
    const registry = registryWith(lineOne(announcement));
    const [event, ...others] = events(endOfSupportCalendar(registry));
    expect(others).toEqual([]);
    const start = event!.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = event!.getFirstPropertyValue('dtend') as ICAL.Time;
    expect([start.isDate, start.toString()]).toEqual([true, '2027-12-31']);
    expect([end.isDate, end.toString()]).toEqual([true, '2028-01-01']);
    expect(value(event!, 'uid')).toBe('end-of-support.gateway.1.x@trust.fixture.example');
    expect(value(event!, 'summary')).toBe('Last day of support: Fixture Gateway 1.x');
    expect(value(event!, 'sequence')).toBe('0');
  });

  it('dates each event (DTSTAMP) on the day its information last changed, the day the date was announced', () => {
    const registry = registryWith(lineOne(announcement));
    const [event] = events(endOfSupportCalendar(registry));
    expect(value(event!, 'dtstamp')).toBe('2026-06-01T00:00:00Z');
  });

  it('is the same file at any time of the build day and on any later day with nothing edited', () => {
    registryWith(lineOne(extension));
    const calendars = (buildDate: string) => {
      const registry = loadRegistry({ contentDir: fixture!.dir, buildDate });
      return [endOfSupportCalendar(registry), productEndOfSupportCalendar(registry, registry.products[0]!)];
    };
    const first = calendars(`${BUILD_DATE}T09:00:00Z`);
    expect(calendars(`${BUILD_DATE}T17:30:00Z`)).toEqual(first);
    expect(calendars('2027-06-30')).toEqual(first);
    expect(first[0]).toContain('\r\nDTSTAMP:20260901T000000Z\r\n');
  });

  it('says the notice given, the successor and where the migration guidance is', () => {
    const registry = registryWith(lineOne(announcement));
    const [event] = events(endOfSupportCalendar(registry));
    expect(value(event!, 'description')).toBe(
      [
        'Support for Fixture Gateway 1.x ends on 2027-12-31 (the last day of support).',
        'Notice given: 18 months (announced 2026-06-01).',
        'Date history: announced on 2026-06-01 for 2027-12-31.',
        'Successor: Fixture Gateway 2.x.',
        'Migration guidance: https://trust.fixture.example/products/gateway/',
        'All end-of-support dates: https://trust.fixture.example/end-of-support/',
      ].join('\n'),
    );
    expect(value(event!, 'url')).toBe('https://trust.fixture.example/products/gateway/');
  });

  it('reminds 12, 6, 3 and 1 months before and on the day, at 09:00 UTC', () => {
    const registry = registryWith(lineOne(announcement));
    const [event] = events(endOfSupportCalendar(registry));
    const alarms = event!.getAllSubcomponents('valarm');
    expect(alarms.map((alarm) => value(alarm, 'trigger'))).toEqual([
      '2026-12-31T09:00:00Z',
      '2027-06-30T09:00:00Z',
      '2027-09-30T09:00:00Z',
      '2027-11-30T09:00:00Z',
      '2027-12-31T09:00:00Z',
    ]);
    expect(alarms.map((alarm) => value(alarm, 'action'))).toEqual(Array(5).fill('DISPLAY'));
    expect(alarms.map((alarm) => value(alarm, 'description'))).toEqual([
      'Fixture Gateway 1.x: support ends in 12 months (2027-12-31).',
      'Fixture Gateway 1.x: support ends in 6 months (2027-12-31).',
      'Fixture Gateway 1.x: support ends in 3 months (2027-12-31).',
      'Fixture Gateway 1.x: support ends in 1 month (2027-12-31).',
      'Fixture Gateway 1.x: support ends today (2027-12-31).',
    ]);
  });

  it('moves the same event when the date is extended, and raises its SEQUENCE', () => {
    const before = events(endOfSupportCalendar(registryWith(lineOne(announcement))))[0]!;
    fixture!.cleanup();
    const after = events(endOfSupportCalendar(registryWith(lineOne(extension))))[0]!;
    expect(value(after, 'uid')).toBe(value(before, 'uid'));
    expect([value(before, 'dtstart'), value(before, 'sequence')]).toEqual(['2027-12-31', '0']);
    expect([value(after, 'dtstart'), value(after, 'sequence')]).toEqual(['2028-06-30', '1']);
    expect([value(before, 'dtstamp'), value(after, 'dtstamp')]).toEqual([
      '2026-06-01T00:00:00Z',
      '2026-09-01T00:00:00Z',
    ]);
    expect(value(after, 'description')).toContain(
      'Date history: announced on 2026-06-01 for 2027-12-31; extended on 2026-09-01 from 2027-12-31 to 2028-06-30.',
    );
  });

  it('adds the last day of security fixes when it comes before the end of support', () => {
    fixture = createContent();
    const extended = {
      ...supportLevels.levels[1]!,
      id: 'extended',
      name: 'Extended support',
      includes: { securityFixes: false, bugFixes: false, features: false, technicalSupport: true },
    };
    fixture.write('support-levels.yml', JSON.stringify({ levels: [...supportLevels.levels, extended] }));
    const withExtendedPhase = lineOne(announcement);
    withExtendedPhase.releases[1]!.phases = [
      { level: 'full', until: '2026-01-14' },
      { level: 'maintenance', until: '2027-06-30' },
      { level: 'extended' },
    ];
    fixture.write('products/gateway.md', markdownFile(withExtendedPhase));
    const registry = loadRegistry({ contentDir: fixture.dir, buildDate: BUILD_DATE });
    const found = events(endOfSupportCalendar(registry)).map((event) => [
      value(event, 'uid'),
      value(event, 'dtstart'),
      value(event, 'summary'),
      event.getAllSubcomponents('valarm').length,
    ]);
    expect(found).toEqual([
      ['end-of-support.gateway.1.x@trust.fixture.example', '2027-12-31', 'Last day of support: Fixture Gateway 1.x', 5],
      [
        'end-of-security-support.gateway.1.x@trust.fixture.example',
        '2027-06-30',
        'Last day of security fixes: Fixture Gateway 1.x',
        5,
      ],
    ]);
  });

  it('escapes commas, semicolons and backslashes and keeps right-to-left text and emoji intact', () => {
    const name = 'Gateway, Pro; \\Edge\\ \u05e9\u05dc\u05d5\u05dd 🎉 with a long name to fold';
    const registry = registryWith(lineOne(announcement, { name }));
    const ics = productEndOfSupportCalendar(registry, registry.index.product('gateway')!);
    expect(ics).toContain('Gateway\\, Pro\\; \\\\Edge\\\\');
    const [event] = events(ics);
    expect(value(event!, 'summary')).toBe(`Last day of support: ${name} 1.x`);
    // ical.js leaves X- properties unescaped, so the calendar name is checked in the unfolded text.
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'X-WR-CALNAME:Gateway\\, Pro\\; \\\\Edge\\\\ \u05e9\u05dc\u05d5\u05dd 🎉 with a long name to fold: end of support\r\n',
    );
  });

  it('ends every line with CRLF and folds none longer than 75 octets', () => {
    const name = `Gateway ${'\u05e9\u05dc\u05d5\u05dd🎉'.repeat(10)}`;
    const ics = endOfSupportCalendar(registryWith(lineOne(announcement, { name })));
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    const octets = lines.map((line) => Buffer.byteLength(line, 'utf8'));
    expect(Math.max(...octets)).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(0);
  });
});

describe('folding', () => {
  it('never splits a character, and unfolds to the original line', () => {
    const line = `SUMMARY:${'é🎉ש'.repeat(40)}`;
    const folded = fold(line);
    for (const part of folded.split('\r\n')) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/[\ud800-\udbff]$|^ ?[\udc00-\udfff]/);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('reminder dates', () => {
  it('fall on the same day of an earlier month, or its last day when the month is shorter', () => {
    expect(monthsBefore('2027-03-31', 1)).toBe('2027-02-28');
    expect(monthsBefore('2028-03-31', 1)).toBe('2028-02-29');
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(monthsBefore('2027-01-15', 3)).toBe('2026-10-15');
    expect(monthsBefore('2027-09-30', 0)).toBe('2027-09-30');
  });
});

describe('the maintenance calendar', () => {
  it('has each scheduled maintenance window as a timed event in UTC, and no incidents', () => {
    fixture = createContent();
    fixture.write(
      'incidents/INC-2026-0002.md',
      markdownFile({
        id: 'INC-2026-0002',
        title: 'Planned maintenance: gateway update service',
        kind: 'maintenance',
        impact: 'minor',
        affects: [{ product: 'gateway' }],
        started: '2026-12-06T22:00:00Z',
        window: { start: '2026-12-06T23:00:00+01:00', end: '2026-12-07T02:00:00Z' },
        updates: [{ at: '2026-11-18T10:00:00Z', status: 'scheduled', text: 'We will upgrade the database.' }],
      }),
    );
    const registry = loadRegistry({ contentDir: fixture.dir, buildDate: BUILD_DATE });
    const calendar = parse(maintenanceCalendar(registry));
    expect(value(calendar, 'x-wr-calname')).toBe('Fixture Software: scheduled maintenance');
    const [event, ...others] = calendar.getAllSubcomponents('vevent');
    expect(others).toEqual([]);
    const start = event!.getFirstPropertyValue('dtstart') as ICAL.Time;
    expect([start.isDate, start.toString(), start.zone?.tzid]).toEqual([false, '2026-12-06T22:00:00Z', 'UTC']);
    expect(value(event!, 'dtend')).toBe('2026-12-07T02:00:00Z');
    expect(value(event!, 'uid')).toBe('maintenance.INC-2026-0002@trust.fixture.example');
    expect(value(event!, 'summary')).toBe('Planned maintenance: gateway update service');
    expect(value(event!, 'url')).toBe('https://trust.fixture.example/incidents/INC-2026-0002/');
    // Its information last changed with its latest published update.
    expect(value(event!, 'dtstamp')).toBe('2026-11-18T10:00:00Z');
  });
});
