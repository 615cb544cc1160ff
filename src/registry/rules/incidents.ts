/**
 * Incident timelines read in order (Code of Practice 4.3): updates oldest first, a resolved
 * incident ends with its resolving update, and nothing is posted after the build time.
 */
import { incidentStatuses, maintenanceStatuses } from '../schema/incident.ts';
import { messageCatalogue } from '../problems.ts';
import { parsed, reportAt, type ParsedDocuments, type RuleContext } from './context.ts';

/** The rule's messages; scaffolding (npm run new) refuses an answer with the same words. */
export const messages = messageCatalogue({
  windowMissing: () => 'is required for maintenance: give the planned start and end',
  windowOnIncident: () => 'only maintenance has a planned window: remove it, or set kind: maintenance',
  windowEndNotAfterStart: (end: string, start: string) => `${end} is not after the start ${start}`,
  statusNotForKind: (status: string, kind: 'incident' | 'maintenance', allowed: readonly string[]) =>
    `"${status}" is not a status for ${kind === 'incident' ? 'an incident' : 'maintenance'}: use one of ` +
    allowed.map((status) => `"${status}"`).join(', '),
  updateNotAfterPrevious: (at: string, previous: string) =>
    `${at} is not after the previous update (${previous}): list updates oldest first, each at its own time`,
  updateAfterBuildTime: (at: string, buildTime: string) =>
    `${at} is after the build time ${buildTime}: post an update when it happens`,
  updateAfterFinal: (finalStatus: string) =>
    `"${finalStatus}" must be the last update: move the later updates before it, or reopen with a new incident`,
  startedAfterFirstUpdate: (started: string, firstUpdate: string) =>
    `${started} is after the first update (${firstUpdate}): an incident starts before it is reported`,
  reportBeforeFinalUpdate: (finalStatus: string) =>
    `the incident is not ${finalStatus} yet: add a final update with status "${finalStatus}" before the ` +
    'post-incident report',
  reportBeforeResolution: (published: string, finalStatus: string, resolvedAt: string) =>
    `${published} is before the incident was ${finalStatus} (${resolvedAt})`,
  reportAfterBuildTime: (published: string, buildTime: string) =>
    `${published} is after the build time ${buildTime}: publish the report when it is ready`,
});

const FINAL_STATUS = { incident: 'resolved', maintenance: 'completed' } as const;

export function checkIncidents(documents: ParsedDocuments, context: RuleContext): void {
  const buildTime = Date.parse(context.buildTime);
  for (const incident of documents.incidents) {
    // Which statuses apply depends on the kind: while it failed its schema, nothing that needs it is checked.
    if (!parsed(incident, ['kind'])) continue;
    const { kind, updates, window, postIncidentReport } = incident.data;
    const allowed: readonly string[] = kind === 'incident' ? incidentStatuses : maintenanceStatuses;
    const finalStatus = FINAL_STATUS[kind];
    // A time that failed its schema is already reported: the comparisons that need it are skipped.
    const ifParsed = (time: string | undefined, ...path: (string | number)[]) =>
      parsed(incident, path) ? time : undefined;

    if (kind === 'maintenance' && !window) {
      reportAt(context, 'error', incident, ['window'], messages.windowMissing());
    }
    if (kind === 'incident' && window) {
      reportAt(context, 'error', incident, ['window'], messages.windowOnIncident());
    }
    const windowStart = ifParsed(window?.start, 'window', 'start');
    const windowEnd = ifParsed(window?.end, 'window', 'end');
    if (window && windowStart && windowEnd && Date.parse(windowEnd) <= Date.parse(windowStart)) {
      reportAt(context, 'error', incident, ['window', 'end'], messages.windowEndNotAfterStart(windowEnd, windowStart));
    }

    updates.forEach((update, index) => {
      const path = ['updates', index];
      const status = parsed(incident, [...path, 'status']) ? update.status : undefined;
      if (status !== undefined && !allowed.includes(status)) {
        reportAt(context, 'error', incident, [...path, 'status'], messages.statusNotForKind(status, kind, allowed));
      }
      const at = ifParsed(update.at, ...path, 'at');
      const previous = index > 0 ? ifParsed(updates[index - 1]?.at, 'updates', index - 1, 'at') : undefined;
      if (at !== undefined && previous !== undefined && Date.parse(at) <= Date.parse(previous)) {
        reportAt(context, 'error', incident, [...path, 'at'], messages.updateNotAfterPrevious(at, previous));
      }
      if (at !== undefined && Date.parse(at) > buildTime) {
        reportAt(context, 'error', incident, [...path, 'at'], messages.updateAfterBuildTime(at, context.buildTime));
      }
      // A resolved incident is corrected by updates that stay resolved and say what they correct.
      const reopened = updates
        .slice(index + 1)
        .some((later) => later?.status !== finalStatus || (later.corrects ?? []).length === 0);
      if (status === finalStatus && reopened) {
        reportAt(context, 'error', incident, [...path, 'status'], messages.updateAfterFinal(finalStatus));
      }
    });

    const started = ifParsed(incident.data.started, 'started');
    const firstAt = ifParsed(updates[0]?.at, 'updates', 0, 'at');
    if (
      kind === 'incident' &&
      started !== undefined &&
      firstAt !== undefined &&
      Date.parse(started) > Date.parse(firstAt)
    ) {
      reportAt(context, 'error', incident, ['started'], messages.startedAfterFirstUpdate(started, firstAt));
    }

    if (!postIncidentReport) continue;
    const lastIndex = updates.length - 1;
    // Whether the incident is resolved is known once the list and its last status parsed.
    const resolvedKnown = parsed(incident, ['updates', lastIndex, 'status']) && updates.length > 0;
    const resolved = resolvedKnown && updates[lastIndex]?.status === finalStatus;
    const lastAt = ifParsed(updates[lastIndex]?.at, 'updates', lastIndex, 'at');
    const published = ifParsed(postIncidentReport.published, 'postIncidentReport', 'published');
    if (resolvedKnown && !resolved) {
      reportAt(context, 'error', incident, ['postIncidentReport'], messages.reportBeforeFinalUpdate(finalStatus));
    }
    if (resolved && lastAt !== undefined && published !== undefined && Date.parse(published) < Date.parse(lastAt)) {
      reportAt(
        context,
        'error',
        incident,
        ['postIncidentReport', 'published'],
        messages.reportBeforeResolution(published, finalStatus, lastAt),
      );
    }
    if (published !== undefined && Date.parse(published) > buildTime) {
      reportAt(
        context,
        'error',
        incident,
        ['postIncidentReport', 'published'],
        messages.reportAfterBuildTime(published, context.buildTime),
      );
    }
  }
}
