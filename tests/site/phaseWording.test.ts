/**
 * Each phase reads right: a maintenance window not yet started is "planned", never "started"; an
 * ended release line's support "ended"; each change to an end-of-support date says what it now is.
 * The view functions, at a pinned build date, with the sentences a reader reads.
 */
import { describe, expect, it } from 'vitest';
import type { Incident, NoticeEvent, ReleaseLineStatus } from '../../src/registry/types.ts';
import {
  incidentStartInWords,
  incidentStoryHeading,
  incidentTimingFacts,
} from '../../src/site/view/incidentWording.ts';
import { endOfSupportSentence, noticeEventSentence } from '../../src/site/view/noticeWording.ts';
import { sentenceText } from '../../src/site/view/sentence.ts';

const buildDate = '2026-11-22';
const window = { start: '2026-11-29T22:00:00Z', end: '2026-11-30T02:00:00Z' };

type Timing = Pick<Incident, 'kind' | 'state' | 'started' | 'window' | 'resolvedAt'>;

function maintenance(overrides: Partial<Timing>): Timing {
  return {
    kind: 'maintenance',
    state: 'scheduled',
    started: window.start,
    window,
    resolvedAt: undefined,
    ...overrides,
  };
}

function incident(overrides: Partial<Timing>): Timing {
  return {
    kind: 'incident',
    state: 'active',
    started: '2026-11-22T14:05:00Z',
    window: undefined,
    resolvedAt: undefined,
    ...overrides,
  };
}

/** The facts as a reader reads them: "term: description". */
function facts(timing: Timing, at = buildDate): string[] {
  return incidentTimingFacts(timing, at).map((fact) => `${fact.term}: ${sentenceText(fact.description)}`);
}

describe('upcoming maintenance', () => {
  it('gives its planned window once, with how soon it starts, and never says it started', () => {
    expect(facts(maintenance({}))).toEqual([
      'Planned window: 29 November 2026, 22:00 UTC to 30 November 2026, 02:00 UTC (starts in 7 days)',
    ]);
  });

  it('says when it starts when it has no planned window', () => {
    expect(facts(maintenance({ window: undefined }))).toEqual(['Starts: 29 November 2026, 22:00 UTC (in 7 days)']);
  });

  it('heads its description "What is planned"', () => {
    expect(incidentStoryHeading(maintenance({}))).toBe('What is planned');
  });

  it('says in a list when it starts', () => {
    expect(sentenceText(incidentStartInWords(maintenance({}), buildDate))).toBe(
      'starts 29 November 2026, 22:00 UTC (in 7 days)',
    );
  });
});

describe('maintenance in progress', () => {
  const duringWindow = '2026-11-30';

  it('gives its planned window with when it is planned to end', () => {
    expect(facts(maintenance({ state: 'active' }), duringWindow)).toEqual([
      'Planned window: 29 November 2026, 22:00 UTC to 30 November 2026, 02:00 UTC (planned to end today)',
    ]);
  });

  it('says when it started if that was not the start of its window', () => {
    expect(facts(maintenance({ state: 'active', started: '2026-11-29T22:30:00Z' }), duringWindow)).toEqual([
      'Started: 29 November 2026, 22:30 UTC (yesterday)',
      'Planned window: 29 November 2026, 22:00 UTC to 30 November 2026, 02:00 UTC (planned to end today)',
    ]);
  });

  it('heads its description "What is being done"', () => {
    expect(incidentStoryHeading(maintenance({ state: 'active' }))).toBe('What is being done');
  });

  it('says in a list when it started', () => {
    expect(sentenceText(incidentStartInWords(maintenance({ state: 'active' }), duringWindow))).toBe(
      'started 29 November 2026, 22:00 UTC (yesterday)',
    );
  });
});

describe('completed maintenance', () => {
  const afterwards = '2026-12-01';

  it('gives its planned window and when it was completed', () => {
    expect(facts(maintenance({ state: 'resolved', resolvedAt: '2026-11-30T01:20:00Z' }), afterwards)).toEqual([
      'Planned window: 29 November 2026, 22:00 UTC to 30 November 2026, 02:00 UTC',
      'Completed: 30 November 2026, 01:20 UTC (yesterday)',
    ]);
  });

  it('heads its description "What was done"', () => {
    expect(incidentStoryHeading(maintenance({ state: 'resolved' }))).toBe('What was done');
  });
});

describe('an open incident', () => {
  it('says when it started', () => {
    expect(facts(incident({}))).toEqual(['Started: 22 November 2026, 14:05 UTC (today)']);
  });

  it('heads its description "What is happening"', () => {
    expect(incidentStoryHeading(incident({}))).toBe('What is happening');
  });
});

describe('a resolved incident', () => {
  it('says when it started and when it was resolved', () => {
    expect(facts(incident({ state: 'resolved', resolvedAt: '2026-11-22T18:40:00Z' }))).toEqual([
      'Started: 22 November 2026, 14:05 UTC (today)',
      'Resolved: 22 November 2026, 18:40 UTC (today)',
    ]);
  });

  it('heads its description "What happened"', () => {
    expect(incidentStoryHeading(incident({ state: 'resolved' }))).toBe('What happened');
  });
});

describe('the end of support of a release line', () => {
  const line = (state: ReleaseLineStatus['state'], daysLeft: number) => ({
    status: { state, daysLeft } as ReleaseLineStatus,
  });

  it('reads "support ends" while the line is supported', () => {
    expect(sentenceText(endOfSupportSentence(line('supported', 800), '2029-01-31'))).toBe(
      'support ends 31 January 2029',
    );
  });

  it('reads "support ends" while the line is ending soon', () => {
    expect(sentenceText(endOfSupportSentence(line('supported', 39), '2026-12-31'))).toBe(
      'support ends 31 December 2026',
    );
  });

  it('reads "support ended" once the line has ended', () => {
    expect(sentenceText(endOfSupportSentence(line('ended', -510), '2025-06-30'))).toBe('support ended 30 June 2025');
  });
});

describe('the history of an end-of-support date', () => {
  const announced: NoticeEvent = {
    kind: 'announced',
    on: '2026-01-31',
    endOfSupport: '2028-01-31',
    previous: undefined,
    noticeMonths: 24,
    reason: undefined,
    source: undefined,
  };

  it('tells the first announcement as the date support ends and the notice it gave', () => {
    expect(sentenceText(noticeEventSentence(announced))).toBe(
      'Announced: support ends 31 January 2028 (24 months’ notice).',
    );
  });

  it('tells a date moved later as an extension from the earlier date, with its reason', () => {
    const extended: NoticeEvent = {
      ...announced,
      kind: 'extended',
      on: '2026-06-01',
      endOfSupport: '2028-07-31',
      previous: '2028-01-31',
      noticeMonths: 25,
      reason: 'The successor ships later than planned.',
    };
    expect(sentenceText(noticeEventSentence(extended))).toBe(
      'Extended: support now ends 31 July 2028 instead of 31 January 2028 (25 months’ notice). The successor ships later than planned.',
    );
  });

  it('tells a date moved earlier as brought forward from the later date', () => {
    const broughtForward: NoticeEvent = {
      ...announced,
      kind: 'brought-forward',
      on: '2026-12-01',
      endOfSupport: '2027-12-31',
      previous: '2028-01-31',
      noticeMonths: 12,
    };
    expect(sentenceText(noticeEventSentence(broughtForward))).toBe(
      'Brought forward: support now ends 31 December 2027 instead of 31 January 2028 (12 months’ notice).',
    );
  });

  it('gives one month’s notice in the singular', () => {
    expect(sentenceText(noticeEventSentence({ ...announced, endOfSupport: '2026-02-28', noticeMonths: 1 }))).toBe(
      'Announced: support ends 28 February 2026 (1 month’s notice).',
    );
  });
});
