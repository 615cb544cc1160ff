/**
 * Geometry of a product's lifecycle picture (drawn at build time as SVG): one row per release
 * line, newest first, its support phases as bars along a time axis, a marker on the build date.
 * Pure: release lines and the build date in, coordinates out; the component only draws them.
 */
import { daysBetween, type CalendarDate } from '../../registry/calendarDate.ts';
import type { SupportLevel } from '../../registry/types.ts';
import type { ReleaseLine } from '../../registry/types.ts';

export interface TimelineBar {
  readonly x: number;
  readonly width: number;
  readonly levelName: string;
  /** Position of the level in the vendor's catalogue: picks the fill, the same on every product. */
  readonly levelIndex: number;
  readonly start: CalendarDate;
  /** Undefined while the end is "to be announced": the bar runs to the edge of the picture, drawn open. */
  readonly end: CalendarDate | undefined;
}

export interface TimelineRow {
  readonly releaseLine: string;
  readonly y: number;
  readonly ended: boolean;
  readonly bars: readonly TimelineBar[];
}

export interface TimelineTick {
  readonly x: number;
  readonly label: string;
}

export interface TimelineGeometry {
  readonly width: number;
  readonly height: number;
  readonly chart: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly barHeight: number;
  readonly rows: readonly TimelineRow[];
  /** 1 January of each year in view. */
  readonly ticks: readonly TimelineTick[];
  readonly today: { readonly x: number; readonly date: CalendarDate };
  /** First and last day the axis covers. */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

export const timelineLayout = {
  width: 760,
  labelWidth: 96,
  rightPadding: 16,
  axisHeight: 24,
  rowHeight: 30,
  barHeight: 18,
  bottomPadding: 20,
} as const;

type TimelineLine = Pick<ReleaseLine, 'name' | 'released' | 'phases' | 'endOfSupport' | 'status'>;

/**
 * The axis starts on 1 January of the first release and ends on 1 January after the later of the
 * last known end and the build date, plus a year so "to be announced" bars visibly run on.
 */
export function timelineGeometry(
  releaseLines: readonly TimelineLine[],
  buildDate: CalendarDate,
  supportLevels: readonly Pick<SupportLevel, 'id'>[],
): TimelineGeometry {
  const layout = timelineLayout;
  const lines = [...releaseLines].sort((a, b) => (a.released < b.released ? 1 : a.released > b.released ? -1 : 0));
  const firstYear = Math.min(...lines.map((line) => Number(line.released.slice(0, 4))), Number(buildDate.slice(0, 4)));
  const knownEnds = lines.flatMap((line) => line.phases.map((phase) => phase.end ?? buildDate));
  const lastDay = [buildDate, ...knownEnds].reduce((a, b) => (a > b ? a : b));
  const hasOpenEnd = lines.some((line) => line.endOfSupport === undefined);
  const lastYear = Number(lastDay.slice(0, 4)) + (hasOpenEnd ? 2 : 1);
  const from = `${firstYear}-01-01`;
  const to = `${lastYear}-01-01`;

  const left = layout.labelWidth;
  const right = layout.width - layout.rightPadding;
  const top = layout.axisHeight;
  const span = daysBetween(from, to);
  const xOf = (date: CalendarDate) => round(left + ((right - left) * daysBetween(from, date)) / span);

  const levelIndex = (id: string) =>
    Math.max(
      0,
      supportLevels.findIndex((level) => level.id === id),
    );
  const rows = lines.map((line, index): TimelineRow => {
    const y = top + index * layout.rowHeight + (layout.rowHeight - layout.barHeight) / 2;
    const bars = line.phases.map((phase): TimelineBar => {
      const x = xOf(phase.start);
      // A phase covers its last day entirely: the bar ends at the start of the day after.
      const endX = phase.end === undefined ? right : xOf(phase.end) + dayWidth(right - left, span);
      return {
        x,
        width: round(Math.max(1, endX - x)),
        levelName: phase.level.name,
        levelIndex: levelIndex(phase.level.id),
        start: phase.start,
        end: phase.end,
      };
    });
    return { releaseLine: line.name, y, ended: line.status.state === 'ended', bars };
  });

  const ticks: TimelineTick[] = [];
  // The last tick is the right edge: its line is drawn, its label would not fit.
  for (let year = firstYear; year <= lastYear; year += 1) {
    ticks.push({ x: xOf(`${year}-01-01`), label: String(year) });
  }
  const bottom = top + lines.length * layout.rowHeight;
  return {
    width: layout.width,
    height: bottom + layout.bottomPadding,
    chart: { left, right, top, bottom },
    barHeight: layout.barHeight,
    rows,
    ticks,
    today: { x: xOf(buildDate), date: buildDate },
    from,
    to,
  };
}

function dayWidth(chartWidth: number, spanDays: number): number {
  return chartWidth / spanDays;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
