/**
 * How an incident or a maintenance window is told in each of its phases. Maintenance is upcoming
 * (scheduled), in progress (active) or completed (resolved); an incident is open (active) or
 * resolved. A window not yet started never "started", and a date is given once.
 */
import type { CalendarDate } from '../../registry/calendarDate.ts';
import type { Incident } from '../../registry/types.ts';
import { relativeTo } from './dates.ts';
import { instantPart, sentence, type Sentence } from './sentence.ts';

type IncidentTiming = Pick<Incident, 'kind' | 'state' | 'started' | 'window' | 'resolvedAt'>;

/** One line of the incident page's facts: "Planned window", "Started", "Completed"... */
export interface IncidentFact {
  readonly term: string;
  readonly description: Sentence;
}

/** When it started (or starts), when it was planned and when it ended, in that order. */
export function incidentTimingFacts(incident: IncidentTiming, buildDate: CalendarDate): IncidentFact[] {
  const ago = (instant: string) => relativeTo(instant, buildDate);
  const { window } = incident;
  const facts: IncidentFact[] = [];
  const windowGivesStart = window !== undefined && Date.parse(window.start) === Date.parse(incident.started);
  if (incident.state === 'scheduled') {
    if (!window)
      facts.push({
        term: 'Starts',
        description: sentence(instantPart(incident.started), ` (${ago(incident.started)})`),
      });
  } else if (!windowGivesStart) {
    facts.push({
      term: 'Started',
      description: sentence(instantPart(incident.started), ` (${ago(incident.started)})`),
    });
  }
  if (window) {
    const when =
      incident.state === 'scheduled'
        ? ` (starts ${ago(window.start)})`
        : incident.state === 'active'
          ? ` (planned to end ${ago(window.end)})`
          : '';
    facts.push({
      term: 'Planned window',
      description: sentence(instantPart(window.start), ' to ', instantPart(window.end), when),
    });
  }
  if (incident.state === 'resolved' && incident.resolvedAt !== undefined) {
    facts.push({
      term: incident.kind === 'maintenance' ? 'Completed' : 'Resolved',
      description: sentence(instantPart(incident.resolvedAt), ` (${ago(incident.resolvedAt)})`),
    });
  }
  return facts;
}

/** The heading over the incident's description. */
export function incidentStoryHeading(incident: Pick<Incident, 'kind' | 'state'>): string {
  if (incident.kind === 'maintenance') {
    return { scheduled: 'What is planned', active: 'What is being done', resolved: 'What was done' }[incident.state];
  }
  return incident.state === 'resolved' ? 'What happened' : 'What is happening';
}

/** An incident's start in a list: "starts 6 December 2026, 22:00 UTC (in 13 days)". */
export function incidentStartInWords(incident: Pick<Incident, 'state' | 'started'>, buildDate: CalendarDate): Sentence {
  return sentence(
    incident.state === 'scheduled' ? 'starts ' : 'started ',
    instantPart(incident.started),
    ` (${relativeTo(incident.started, buildDate)})`,
  );
}
