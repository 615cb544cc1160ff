/** The one-year notice rule (Code of Practice 4.2), as the Registry computes and enforces it. */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { addOneYear, daysBetween, wholeMonthsBetween } from '../../src/registry/calendarDate.ts';
import { effectiveAnnouncement, noticeEvents } from '../../src/registry/rules/notice.ts';
import { createContent, markdownFile, outsideGitWarning, product, type Fixture } from '../support/contentFixture.ts';
import { checkFixture } from '../support/checkFixture.ts';

let fixture: Fixture | undefined;
afterEach(() => fixture?.cleanup());

function checkNotice(endOfSupport: Record<string, unknown>, buildDate = '2030-12-31') {
  fixture?.cleanup();
  fixture = createContent();
  const changes = (endOfSupport['changes'] as Record<string, unknown>[] | undefined)?.map((change) => ({
    source: 'https://fixture.example/news/change',
    ...change,
  }));
  const releases = product().releases.map((releaseLine, index) =>
    index === 1
      ? {
          ...releaseLine,
          released: '2000-01-01',
          phases: [{ level: 'maintenance' }],
          endOfSupport: { source: 'https://fixture.example/news', ...endOfSupport, ...(changes && { changes }) },
        }
      : releaseLine,
  );
  fixture.write('products/gateway.md', markdownFile(product({ releases })));
  return checkFixture(fixture, buildDate);
}

describe('one calendar year', () => {
  it('is the same day a year later', () => {
    expect(addOneYear('2025-03-01')).toBe('2026-03-01');
  });

  it('from 29 February is 28 February of the next year', () => {
    expect(addOneYear('2024-02-29')).toBe('2025-02-28');
  });

  it('from 28 February before a leap day is 28 February', () => {
    expect(addOneYear('2027-02-28')).toBe('2028-02-28');
  });
});

describe('days between two calendar dates', () => {
  it('counts calendar days, across a leap day, a change of clocks and a new year, and backwards', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-22', '2026-11-20')).toBe(-2);
    expect(daysBetween('2026-11-22', '2026-11-22')).toBe(0);
  });

  it('is the number of whole days between the two dates as ECMAScript reads them (a date alone is UTC midnight)', () => {
    const day = fc
      .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (from, to) => daysBetween(from, to) === (Date.parse(to) - Date.parse(from)) / 86_400_000),
      { numRuns: 2000 },
    );
  });
});

describe('the notice rule', () => {
  it('accepts an end of support exactly one year after the announcement', () => {
    expect(checkNotice({ announced: '2026-06-01', date: '2027-06-01' }).errors).toEqual([]);
  });

  it('refuses an end of support one day short of a year', () => {
    expect(checkNotice({ announced: '2026-06-01', date: '2027-05-31' }).errors).toEqual([
      "products/gateway.md:25 releases[1].endOfSupport.date: 2027-05-31 gives 11 months' notice from the announcement on 2026-06-01; the Code requires at least one year — the earliest allowed date is 2027-06-01",
    ]);
  });

  it('accepts 28 February as a year after 29 February', () => {
    expect(checkNotice({ announced: '2024-02-29', date: '2025-02-28' }).errors).toEqual([]);
  });

  it('accepts an extension whatever its distance from the change, as the original notice still holds', () => {
    const result = checkNotice({
      announced: '2025-03-01',
      date: '2026-09-30',
      changes: [{ on: '2026-02-10', from: '2026-03-31' }],
    });
    expect(result.errors).toEqual([]);
  });

  it('measures a date brought forward from the day of the change', () => {
    const result = checkNotice({
      announced: '2025-03-01',
      date: '2027-01-31',
      changes: [{ on: '2026-02-10', from: '2027-09-30' }],
    });
    expect(result.errors).toEqual([
      "products/gateway.md:25 releases[1].endOfSupport.date: moving the end of support of 1.x earlier, to 2027-01-31, is a new notice: it gives 11 months' notice from the change on 2026-02-10; the Code requires at least one year — the earliest allowed date is 2027-02-10 (or keep 2027-09-30)",
    ]);
  });

  it('refuses changes listed newest first', () => {
    const result = checkNotice({
      announced: '2025-03-01',
      date: '2028-12-31',
      changes: [
        { on: '2026-05-01', from: '2027-03-31' },
        { on: '2026-02-01', from: '2027-09-30' },
      ],
    });
    expect(result.errors).toEqual([
      'products/gateway.md:31 releases[1].endOfSupport.changes[1].on: 2026-02-01 is before the previous announcement on 2026-05-01: list changes oldest first',
    ]);
  });

  it('keeps the history of a date as events, oldest first, with the notice each gave', () => {
    const events = noticeEvents({
      date: '2027-09-30',
      announced: '2025-03-01',
      source: 'https://example.com/a',
      changes: [{ on: '2026-02-10', from: '2027-03-31', reason: 'Customer demand', source: undefined }],
      migration: undefined,
      risk: undefined,
    });
    expect(
      events.map(({ kind, on, endOfSupport, previous, noticeMonths }) => ({
        kind,
        on,
        endOfSupport,
        previous,
        noticeMonths,
      })),
    ).toEqual([
      { kind: 'announced', on: '2025-03-01', endOfSupport: '2027-03-31', previous: undefined, noticeMonths: 24 },
      { kind: 'extended', on: '2026-02-10', endOfSupport: '2027-09-30', previous: '2027-03-31', noticeMonths: 19 },
    ]);
    expect(effectiveAnnouncement(events)).toBe('2025-03-01');
  });

  it('counts the notice of a date brought forward from the change', () => {
    const events = noticeEvents({
      date: '2027-06-30',
      announced: '2025-03-01',
      source: undefined,
      changes: [{ on: '2026-02-10', from: '2027-09-30', reason: undefined, source: undefined }],
      migration: undefined,
      risk: undefined,
    });
    expect(events.at(-1)?.kind).toBe('brought-forward');
    expect(effectiveAnnouncement(events)).toBe('2026-02-10');
  });
});

describe('the notice rule, for any dates (property-based)', () => {
  const day = fc
    .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2040, 11, 31)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

  it('accepts a date if and only if it is at least one calendar year after the announcement', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (announced, offsetDays) => {
        const end = new Date(Date.parse(announced) + offsetDays * 86_400_000).toISOString().slice(0, 10);
        const { errors } = checkNotice({ announced, date: end }, '2041-01-01');
        const allowed = end >= addOneYear(announced);
        return allowed
          ? errors.length === 0
          : errors.length === 1 && errors[0]!.includes(`the earliest allowed date is ${addOneYear(announced)}`);
      }),
      { numRuns: 60 },
    );
  });

  it('never calls less than a year "12 months"', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (announced, offsetDays) => {
        const end = new Date(Date.parse(announced) + offsetDays * 86_400_000).toISOString().slice(0, 10);
        return wholeMonthsBetween(announced, end) >= 12 === end >= addOneYear(announced);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('migration and risk guidance', () => {
  const migration = '"migration" (what customers should do: upgrade path, tools, help)';
  const risk = '"risk" (what they risk by staying after the date)';

  it('is asked for by a warning while support has not ended', () => {
    expect(checkNotice({ announced: '2026-06-01', date: '2027-12-31' }, '2026-11-22').warnings).toEqual([
      outsideGitWarning(fixture!.dir),
      `products/gateway.md:22 releases[1].endOfSupport: the end-of-support notice of 1.x gives no migration or risk guidance: add ${migration} and ${risk}, so customers can plan their move`,
    ]);
  });

  it('names only what is missing', () => {
    const result = checkNotice(
      { announced: '2026-06-01', date: '2027-12-31', migration: 'Upgrade to 2.x.' },
      '2026-11-22',
    );
    expect(result.warnings).toEqual([
      outsideGitWarning(fixture!.dir),
      `products/gateway.md:22 releases[1].endOfSupport: the end-of-support notice of 1.x gives no risk guidance: add ${risk}, so customers can plan their move`,
    ]);
  });

  it('is not asked for once support has ended', () => {
    const { warnings } = checkNotice({ announced: '2026-06-01', date: '2027-12-31' }, '2030-12-31');
    expect(warnings.filter((warning) => warning.includes('guidance'))).toEqual([]);
  });
});
