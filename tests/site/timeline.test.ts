import { describe, expect, it } from 'vitest';
import type { SupportLevel } from '../../src/registry/types.ts';
import type { Phase, ReleaseLine, ReleaseLineStatus } from '../../src/registry/types.ts';
import { timelineGeometry, timelineLayout } from '../../src/site/view/timeline.ts';

const level = (id: string, name: string) => ({ id, name }) as SupportLevel;
const full = level('full', 'Full support');
const maintenance = level('maintenance', 'Security maintenance');
const levels = [full, maintenance];

function line(
  name: string,
  released: string,
  phases: Phase[],
  state: ReleaseLineStatus['state'] = 'supported',
): Pick<ReleaseLine, 'name' | 'released' | 'phases' | 'endOfSupport' | 'status'> {
  return {
    name,
    released,
    phases,
    endOfSupport: phases.at(-1)?.end,
    status: { state } as ReleaseLineStatus,
  };
}

const oneX = line(
  '1.x',
  '2024-01-01',
  [
    { level: full, start: '2024-01-01', end: '2024-12-31' },
    { level: maintenance, start: '2025-01-01', end: '2025-12-31' },
  ],
  'ended',
);
const twoX = line('2.x', '2026-01-01', [{ level: full, start: '2026-01-01', end: undefined }]);

describe('the lifecycle timeline geometry', () => {
  const geometry = timelineGeometry([oneX, twoX], '2026-07-02', levels);
  const { left, right } = geometry.chart;

  it('puts the newest release line on the first row', () => {
    expect(geometry.rows.map((row) => row.releaseLine)).toEqual(['2.x', '1.x']);
  });

  it('runs the axis from 1 January of the first release to two years after the build date when an end is to be announced', () => {
    expect([geometry.from, geometry.to]).toEqual(['2024-01-01', '2028-01-01']);
    expect(geometry.ticks.map((tick) => tick.label)).toEqual(['2024', '2025', '2026', '2027', '2028']);
  });

  it('places the first tick at the left edge of the chart and the last at the right edge', () => {
    expect(geometry.ticks[0]!.x).toBe(left);
    expect(geometry.ticks.at(-1)!.x).toBe(right);
  });

  it('draws each phase from its first day to the start of the day after its last', () => {
    const [fullPhase, maintenancePhase] = geometry.rows[1]!.bars;
    const x2025 = geometry.ticks[1]!.x;
    const x2026 = geometry.ticks[2]!.x;
    expect(fullPhase!.x).toBe(left);
    expect(fullPhase!.x + fullPhase!.width).toBeCloseTo(x2025, 0);
    expect(maintenancePhase!.x).toBeCloseTo(x2025, 0);
    expect(maintenancePhase!.x + maintenancePhase!.width).toBeCloseTo(x2026, 0);
  });

  it('runs a phase whose end is to be announced to the right edge, marked open', () => {
    const [open] = geometry.rows[0]!.bars;
    expect(open!.end).toBeUndefined();
    expect(open!.x + open!.width).toBeCloseTo(right, 0);
  });

  it('greys the rows of ended release lines only', () => {
    expect(geometry.rows.map((row) => row.ended)).toEqual([false, true]);
  });

  it('gives each support level the fill of its place in the vendor catalogue', () => {
    expect(geometry.rows[1]!.bars.map((bar) => [bar.levelName, bar.levelIndex])).toEqual([
      ['Full support', 0],
      ['Security maintenance', 1],
    ]);
  });

  it('marks the build date halfway through 2026', () => {
    const x2026 = geometry.ticks[2]!.x;
    const x2027 = geometry.ticks[3]!.x;
    expect(geometry.today.x).toBeCloseTo((x2026 + x2027) / 2, 0);
  });

  it('is as tall as its rows plus the axis and the today label', () => {
    expect(geometry.height).toBe(
      timelineLayout.axisHeight + 2 * timelineLayout.rowHeight + timelineLayout.bottomPadding,
    );
  });

  it('ends the axis on the 1 January after the last known end when every end is announced', () => {
    const closed = timelineGeometry([oneX], '2025-06-01', levels);
    expect(closed.to).toBe('2026-01-01');
  });
});
