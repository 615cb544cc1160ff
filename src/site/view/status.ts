/**
 * What each status is called on the pages, with its icon and tone. The word carries the meaning;
 * icon and colour only repeat it (WCAG 2.2 SC 1.4.1, use of colour).
 */
import type {
  Advisory,
  Incident,
  IncidentUpdate,
  ProductStatus,
  ReleaseLine,
  ReleaseLineStatus,
} from '../../registry/types.ts';
import type { CvssSeverity } from '../../registry/cvss.ts';
import type { IconName } from './icons.ts';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';

export interface StatusView {
  readonly word: string;
  readonly icon: IconName;
  readonly tone: Tone;
}

/** A release line "ends soon" within a year of the build date: the notice period of Code of Practice 4.2. */
export const endingSoonDays = 365;

export type ReleaseLineStatusKey = 'supported' | 'ending-soon' | 'ended' | 'not-yet-released';

export function releaseLineStatusKey(status: ReleaseLineStatus): ReleaseLineStatusKey {
  if (status.state !== 'supported') return status.state;
  return status.daysLeft !== undefined && status.daysLeft <= endingSoonDays ? 'ending-soon' : 'supported';
}

const releaseLineViews: Readonly<Record<ReleaseLineStatusKey, StatusView>> = {
  supported: { word: 'Supported', icon: 'check', tone: 'ok' },
  'ending-soon': { word: 'Ending soon', icon: 'clock', tone: 'warn' },
  ended: { word: 'Ended', icon: 'stop', tone: 'neutral' },
  'not-yet-released': { word: 'Not yet released', icon: 'calendar', tone: 'info' },
};

export function releaseLineStatusView(status: ReleaseLineStatus): StatusView {
  return releaseLineViews[releaseLineStatusKey(status)];
}

const productViews: Readonly<Record<ProductStatus, StatusView>> = {
  supported: { word: 'Supported', icon: 'check', tone: 'ok' },
  'ending-soon': { word: 'Ending soon', icon: 'clock', tone: 'warn' },
  ended: { word: 'No longer supported', icon: 'stop', tone: 'neutral' },
};

export function productStatusView(status: ProductStatus): StatusView {
  return productViews[status];
}

export const productStatusWords: Readonly<Record<ProductStatus, string>> = {
  supported: productViews.supported.word,
  'ending-soon': productViews['ending-soon'].word,
  ended: productViews.ended.word,
};

/** "ends in 39 days", "ends today", "ended 53 days ago", "end to be announced". */
export function endOfSupportInWords(releaseLine: Pick<ReleaseLine, 'status'>): string {
  const { daysLeft } = releaseLine.status;
  if (daysLeft === undefined) return 'end to be announced';
  if (daysLeft === 0) return 'ends today';
  if (daysLeft > 0) return `ends in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`;
  return `ended ${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} ago`;
}

export function incidentStateView(incident: Pick<Incident, 'state' | 'kind'>): StatusView {
  switch (incident.state) {
    case 'active':
      return incident.kind === 'maintenance'
        ? { word: 'Maintenance in progress', icon: 'clock', tone: 'warn' }
        : { word: 'Ongoing', icon: 'warning', tone: 'bad' };
    case 'scheduled':
      return { word: 'Scheduled', icon: 'calendar', tone: 'info' };
    case 'resolved':
      return incident.kind === 'maintenance'
        ? { word: 'Completed', icon: 'check', tone: 'ok' }
        : { word: 'Resolved', icon: 'check', tone: 'ok' };
  }
}

const impactViews: Readonly<Record<Incident['impact'], StatusView>> = {
  none: { word: 'No impact', icon: 'info', tone: 'neutral' },
  minor: { word: 'Minor impact', icon: 'info', tone: 'info' },
  major: { word: 'Major impact', icon: 'warning', tone: 'warn' },
  critical: { word: 'Critical impact', icon: 'warning', tone: 'bad' },
};

export function impactView(impact: Incident['impact']): StatusView {
  return impactViews[impact];
}

const updateWords: Readonly<Record<IncidentUpdate['status'], string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  scheduled: 'Scheduled',
  'in-progress': 'In progress',
  completed: 'Completed',
};

export function incidentUpdateWord(status: IncidentUpdate['status']): string {
  return updateWords[status];
}

const severityViews: Readonly<Record<CvssSeverity, StatusView>> = {
  critical: { word: 'Critical', icon: 'shield', tone: 'bad' },
  high: { word: 'High', icon: 'shield', tone: 'bad' },
  medium: { word: 'Medium', icon: 'shield', tone: 'warn' },
  low: { word: 'Low', icon: 'shield', tone: 'neutral' },
  none: { word: 'None', icon: 'shield', tone: 'neutral' },
};

export function severityView(severity: CvssSeverity): StatusView {
  return severityViews[severity];
}

const remediationWords: Readonly<Record<Advisory['remediations'][number]['kind'], string>> = {
  fix: 'Fix',
  workaround: 'Workaround',
  mitigation: 'Mitigation',
  none: 'No remediation available',
};

export function remediationWord(kind: Advisory['remediations'][number]['kind']): string {
  return remediationWords[kind];
}

export function advisoryStatusWord(status: Advisory['status']): string {
  return status === 'interim' ? 'Interim (investigation continues)' : 'Final';
}

/** A release line's status as a phrase and the date it ends on, so the date can go in `<time>`. */
export interface StatusPhrase {
  readonly text: string;
  readonly date: string | undefined;
}

/** "Full support until" 2027-03-31; "Support ended on" 2025-06-30; "Full support; end of support to be announced". */
export function releaseLineStatusPhrase(releaseLine: Pick<ReleaseLine, 'status' | 'released'>): StatusPhrase {
  const { status } = releaseLine;
  switch (status.state) {
    case 'not-yet-released':
      return { text: 'Available from', date: releaseLine.released };
    case 'ended':
      return { text: 'Support ended on', date: status.supportedUntil };
    case 'supported': {
      const levelName = status.phase?.level.name ?? 'Supported';
      return status.phase?.end === undefined
        ? { text: `${levelName}; end of support to be announced`, date: undefined }
        : { text: `${levelName} until`, date: status.phase.end };
    }
  }
}
