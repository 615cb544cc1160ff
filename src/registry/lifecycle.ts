/** Support phases and statuses of a release line as of the build date: pure date arithmetic. */
import { addDaysTo, daysBetween, type CalendarDate } from './calendarDate.ts';
import type { ReleaseLineData } from './schema/product.ts';
import type { Phase, ReleaseLine, ReleaseLineStatus, SupportLevel } from './types.ts';

/** Each phase starts the day after the previous one ends; the last ends at the end of support. */
export function phasesOf(releaseLine: ReleaseLineData, levelOf: (id: string) => SupportLevel): Phase[] {
  let start = releaseLine.released;
  return releaseLine.phases.map((phase, index) => {
    const isLast = index === releaseLine.phases.length - 1;
    const end = isLast ? releaseLine.endOfSupport?.date : phase.until;
    const result: Phase = { level: levelOf(phase.level), start, end };
    if (end) start = addDaysTo(end, 1);
    return result;
  });
}

/** OpenEoX end of security support: the end of the last phase that still ships security fixes. */
export function endOfSecuritySupport(phases: readonly Phase[], released: CalendarDate): CalendarDate | undefined {
  const last = [...phases].reverse().find((phase) => phase.level.includes.securityFixes);
  return last ? last.end : released;
}

export function statusOf(
  phases: readonly Phase[],
  released: CalendarDate,
  endOfSupport: CalendarDate | undefined,
  buildDate: CalendarDate,
): ReleaseLineStatus {
  const daysLeft = endOfSupport === undefined ? undefined : daysBetween(buildDate, endOfSupport);
  if (buildDate < released) {
    return {
      state: 'not-yet-released',
      isSupported: false,
      phase: undefined,
      supportedUntil: endOfSupport,
      daysLeft,
      label: `Available from ${released}`,
    };
  }
  if (endOfSupport !== undefined && buildDate > endOfSupport) {
    return {
      state: 'ended',
      isSupported: false,
      phase: undefined,
      supportedUntil: endOfSupport,
      daysLeft,
      label: `Support ended on ${endOfSupport}`,
    };
  }
  const phase = phases.find((candidate) => candidate.end === undefined || buildDate <= candidate.end) ?? phases.at(-1);
  const levelName = phase?.level.name ?? 'Supported';
  return {
    state: 'supported',
    isSupported: true,
    phase,
    supportedUntil: endOfSupport,
    daysLeft,
    label:
      phase?.end === undefined ? `${levelName}; end of support to be announced` : `${levelName} until ${phase.end}`,
  };
}

/**
 * The day a release line's lifecycle last changed: its release, or the latest announcement or
 * change of its end of support, whichever is later, and never after the build date (a line
 * announced for release later). OpenEoX's last_updated and the calendars' DTSTAMP say this day.
 */
export function lifecycleLastChanged(releaseLine: ReleaseLine, buildDate: CalendarDate): CalendarDate {
  const days = [releaseLine.released, ...(releaseLine.notice?.events.map((event) => event.on) ?? [])];
  const latest = days.reduce((a, b) => (a > b ? a : b));
  return latest > buildDate ? buildDate : latest;
}
