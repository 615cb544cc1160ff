import { describe, expect, it } from 'vitest';
import type { Phase, ReleaseLineStatus } from '../../src/registry/types.ts';
import type { SupportLevel } from '../../src/registry/types.ts';
import {
  endOfSupportInWords,
  impactView,
  incidentStateView,
  productStatusView,
  releaseLineStatusPhrase,
  releaseLineStatusView,
  severityView,
} from '../../src/site/view/status.ts';
import { relativeTo } from '../../src/site/view/dates.ts';

const full = { id: 'full', name: 'Full support' } as SupportLevel;
const phase: Phase = { level: full, start: '2026-01-01', end: '2027-03-31' };

function status(overrides: Partial<ReleaseLineStatus>): ReleaseLineStatus {
  return {
    state: 'supported',
    isSupported: true,
    phase,
    supportedUntil: '2027-03-31',
    daysLeft: 400,
    label: '',
    ...overrides,
  };
}

describe('status wording', () => {
  it('calls a release line with more than a year left "Supported" with a tick', () => {
    expect(releaseLineStatusView(status({ daysLeft: 366 }))).toEqual({ word: 'Supported', icon: 'check', tone: 'ok' });
  });

  it('calls a release line with a year or less left "Ending soon" with an hourglass', () => {
    expect(releaseLineStatusView(status({ daysLeft: 365 }))).toEqual({
      word: 'Ending soon',
      icon: 'clock',
      tone: 'warn',
    });
  });

  it('calls a release line whose end is to be announced "Supported"', () => {
    expect(releaseLineStatusView(status({ daysLeft: undefined, supportedUntil: undefined })).word).toBe('Supported');
  });

  it('calls an ended release line "Ended"', () => {
    expect(releaseLineStatusView(status({ state: 'ended', isSupported: false, daysLeft: -3 })).word).toBe('Ended');
  });

  it('says how many days are left or have passed', () => {
    expect(endOfSupportInWords({ status: status({ daysLeft: 39 }) })).toBe('ends in 39 days');
    expect(endOfSupportInWords({ status: status({ daysLeft: 1 }) })).toBe('ends in 1 day');
    expect(endOfSupportInWords({ status: status({ daysLeft: 0 }) })).toBe('ends today');
    expect(endOfSupportInWords({ status: status({ daysLeft: -510 }) })).toBe('ended 510 days ago');
    expect(endOfSupportInWords({ status: status({ daysLeft: undefined }) })).toBe('end to be announced');
  });

  it('phrases the current phase with the date it ends on, for a <time> element', () => {
    expect(releaseLineStatusPhrase({ released: '2026-01-01', status: status({}) })).toEqual({
      text: 'Full support until',
      date: '2027-03-31',
    });
    expect(
      releaseLineStatusPhrase({
        released: '2026-01-01',
        status: status({ phase: { ...phase, end: undefined }, daysLeft: undefined }),
      }),
    ).toEqual({ text: 'Full support; end of support to be announced', date: undefined });
    expect(
      releaseLineStatusPhrase({
        released: '2020-01-01',
        status: status({ state: 'ended', supportedUntil: '2025-06-30' }),
      }),
    ).toEqual({ text: 'Support ended on', date: '2025-06-30' });
  });

  it('calls a product with no supported line "No longer supported"', () => {
    expect(productStatusView('ended').word).toBe('No longer supported');
  });

  it('words incidents by state and kind', () => {
    expect(incidentStateView({ state: 'active', kind: 'incident' }).word).toBe('Ongoing');
    expect(incidentStateView({ state: 'active', kind: 'maintenance' }).word).toBe('Maintenance in progress');
    expect(incidentStateView({ state: 'scheduled', kind: 'maintenance' }).word).toBe('Scheduled');
    expect(incidentStateView({ state: 'resolved', kind: 'incident' }).word).toBe('Resolved');
    expect(incidentStateView({ state: 'resolved', kind: 'maintenance' }).word).toBe('Completed');
  });

  it('words impact and severity', () => {
    expect(impactView('critical').word).toBe('Critical impact');
    expect(impactView('none').word).toBe('No impact');
    expect(severityView('high')).toEqual({ word: 'High', icon: 'shield', tone: 'bad' });
  });

  it('says how long ago an instant was in days from the build date, in the largest whole unit', () => {
    const buildDate = '2026-11-22';
    expect(relativeTo('2026-11-20T08:20:00Z', buildDate)).toBe('2 days ago');
    expect(relativeTo('2026-12-06T22:00:00Z', buildDate)).toBe('in 14 days');
    expect(relativeTo('2026-10-01T12:00:00Z', buildDate)).toBe('1 month ago');
    expect(relativeTo('2025-01-15T02:10:00Z', buildDate)).toBe('1 year ago');
  });

  it('says today, yesterday or tomorrow by the UTC day, whatever the time of day', () => {
    const buildDate = '2026-11-22';
    expect(relativeTo('2026-11-22T00:00:00Z', buildDate)).toBe('today');
    expect(relativeTo('2026-11-22T23:59:00Z', buildDate)).toBe('today');
    expect(relativeTo('2026-11-21T23:59:00Z', buildDate)).toBe('yesterday');
    expect(relativeTo('2026-11-23T00:00:00Z', buildDate)).toBe('tomorrow');
  });
});
