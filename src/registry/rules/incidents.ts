/**
 * Incident timelines read in order (Code of Practice 4.3): updates oldest first, a resolved
 * incident ends with its resolving update, and nothing is posted after the build time.
 */
import { incidentStatuses, maintenanceStatuses } from '../schema/incident.ts';
import { reportAt, type RuleContext, type ValidDocuments } from './context.ts';

/** The rule's messages; scaffolding (npm run new) refuses an answer with the same words. */
export const windowEndNotAfterStart = (end: string, start: string) => `${end} is not after the start ${start}`;
export const updateNotAfterPrevious = (at: string, previous: string) =>
  `${at} is not after the previous update (${previous}): list updates oldest first, each at its own time`;
export const updateAfterBuildTime = (at: string, buildTime: string) =>
  `${at} is after the build time ${buildTime}: post an update when it happens`;
export const startedAfterFirstUpdate = (started: string, firstUpdate: string) =>
  `${started} is after the first update (${firstUpdate}): an incident starts before it is reported`;
export const reportBeforeResolution = (published: string, finalStatus: string, resolvedAt: string) =>
  `${published} is before the incident was ${finalStatus} (${resolvedAt})`;
export const reportAfterBuildTime = (published: string, buildTime: string) =>
  `${published} is after the build time ${buildTime}: publish the report when it is ready`;

const FINAL_STATUS = { incident: 'resolved', maintenance: 'completed' } as const;

export function checkIncidents(documents: ValidDocuments, context: RuleContext): void {
  const buildTime = Date.parse(context.buildTime);
  for (const incident of documents.incidents) {
    const { kind, updates, window, postIncidentReport } = incident.data;
    const allowed: readonly string[] = kind === 'incident' ? incidentStatuses : maintenanceStatuses;
    const finalStatus = FINAL_STATUS[kind];

    if (kind === 'maintenance' && !window) {
      reportAt(context, 'error', incident, ['window'], 'is required for maintenance: give the planned start and end');
    }
    if (kind === 'incident' && window) {
      reportAt(
        context,
        'error',
        incident,
        ['window'],
        'only maintenance has a planned window: remove it, or set kind: maintenance',
      );
    }
    if (window && Date.parse(window.end) <= Date.parse(window.start)) {
      reportAt(context, 'error', incident, ['window', 'end'], windowEndNotAfterStart(window.end, window.start));
    }

    updates.forEach((update, index) => {
      const path = ['updates', index];
      if (!allowed.includes(update.status)) {
        reportAt(
          context,
          'error',
          incident,
          [...path, 'status'],
          `"${update.status}" is not a status for ${kind === 'incident' ? 'an incident' : 'maintenance'}: use one of ${allowed.map((status) => `"${status}"`).join(', ')}`,
        );
      }
      const previous = updates[index - 1];
      if (previous && Date.parse(update.at) <= Date.parse(previous.at)) {
        reportAt(context, 'error', incident, [...path, 'at'], updateNotAfterPrevious(update.at, previous.at));
      }
      if (Date.parse(update.at) > buildTime) {
        reportAt(context, 'error', incident, [...path, 'at'], updateAfterBuildTime(update.at, context.buildTime));
      }
      if (update.status === finalStatus && index < updates.length - 1) {
        reportAt(
          context,
          'error',
          incident,
          [...path, 'status'],
          `"${finalStatus}" must be the last update: move the later updates before it, or reopen with a new incident`,
        );
      }
    });

    const first = updates[0];
    if (kind === 'incident' && first && Date.parse(incident.data.started) > Date.parse(first.at)) {
      reportAt(context, 'error', incident, ['started'], startedAfterFirstUpdate(incident.data.started, first.at));
    }

    const last = updates.at(-1);
    const resolved = last?.status === finalStatus;
    if (postIncidentReport && !resolved) {
      reportAt(
        context,
        'error',
        incident,
        ['postIncidentReport'],
        `the incident is not ${finalStatus} yet: add a final update with status "${finalStatus}" before the post-incident report`,
      );
    }
    if (postIncidentReport && resolved && last && Date.parse(postIncidentReport.published) < Date.parse(last.at)) {
      reportAt(
        context,
        'error',
        incident,
        ['postIncidentReport', 'published'],
        reportBeforeResolution(postIncidentReport.published, finalStatus, last.at),
      );
    }
    if (postIncidentReport && Date.parse(postIncidentReport.published) > buildTime) {
      reportAt(
        context,
        'error',
        incident,
        ['postIncidentReport', 'published'],
        reportAfterBuildTime(postIncidentReport.published, context.buildTime),
      );
    }
  }
}
