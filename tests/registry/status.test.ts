/** Support status of a release line, as of an explicit build date. */
import { describe, expect, it } from 'vitest';
import { endOfSecuritySupport, phasesOf, statusOf } from '../../src/registry/lifecycle.ts';
import { loadRegistry } from '../../src/registry/loadRegistry.ts';
import { BUILD_DATE, createContent } from '../support/contentFixture.ts';

// The support levels as the Registry gives them, from the fixture's catalogue.
const fixture = createContent();
const registry = loadRegistry({ contentDir: fixture.dir, buildDate: BUILD_DATE });
fixture.cleanup();
const levelOf = (id: string) => registry.index.supportLevel(id)!;

const releaseLine = {
  name: '1.x',
  released: '2024-01-15',
  endOfSales: undefined,
  successor: undefined,
  phases: [
    { level: 'full', until: '2026-01-14' },
    { level: 'maintenance', until: undefined },
  ],
  endOfSupport: {
    date: '2027-12-31',
    announced: '2026-06-01',
    source: undefined,
    changes: [],
    migration: undefined,
    risk: undefined,
  },
};
const phases = phasesOf(releaseLine, levelOf);
const status = (buildDate: string) => statusOf(phases, releaseLine.released, '2027-12-31', buildDate);

describe('phases', () => {
  it('start the day after the previous one ends, the last ending at the end of support', () => {
    expect(phases.map(({ level, start, end }) => [level.id, start, end])).toEqual([
      ['full', '2024-01-15', '2026-01-14'],
      ['maintenance', '2026-01-15', '2027-12-31'],
    ]);
  });

  it('give the end of security support as the end of the last phase with security fixes', () => {
    expect(endOfSecuritySupport(phases, releaseLine.released)).toBe('2027-12-31');
  });

  it('leave the end open while the end of support is to be announced', () => {
    const open = phasesOf({ ...releaseLine, endOfSupport: undefined }, levelOf);
    expect(open.at(-1)?.end).toBeUndefined();
    expect(statusOf(open, releaseLine.released, undefined, '2026-11-22').label).toBe(
      'Security maintenance; end of support to be announced',
    );
  });
});

describe('status as of the build date', () => {
  it('is the first phase up to and including its last day', () => {
    expect(status('2026-01-14')).toMatchObject({
      state: 'supported',
      isSupported: true,
      label: 'Full support until 2026-01-14',
    });
  });

  it('moves to the next phase the day after', () => {
    expect(status('2026-01-15').label).toBe('Security maintenance until 2027-12-31');
  });

  it('counts the days left to the end of support', () => {
    expect(status('2027-12-01').daysLeft).toBe(30);
  });

  it('is still supported on the last day of support', () => {
    expect(status('2027-12-31')).toMatchObject({ state: 'supported', daysLeft: 0 });
  });

  it('has ended the day after', () => {
    expect(status('2028-01-01')).toMatchObject({
      state: 'ended',
      isSupported: false,
      label: 'Support ended on 2027-12-31',
    });
  });

  it('is not yet released before general availability', () => {
    expect(status('2024-01-14')).toMatchObject({ state: 'not-yet-released', label: 'Available from 2024-01-15' });
  });
});
