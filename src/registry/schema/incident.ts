/**
 * content/incidents/<file>.md: an incident or a scheduled maintenance (Code of Practice 4.3).
 * The Markdown body describes it; updates form its timeline. An incident is resolved when its
 * last update says so: the resolution time is written once, as that update's time.
 */
import { z } from 'zod';
import { documentId, markdownText, plainText, releaseLineName, slug, timestamp } from './primitives.ts';

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const maintenanceStatuses = ['scheduled', 'in-progress', 'completed'] as const;
export const impacts = ['none', 'minor', 'major', 'critical'] as const;

const update = z
  .strictObject({
    at: timestamp.describe('When the update was posted, with offset, e.g. 2026-11-20T08:20:00Z.'),
    status: z
      .enum([...incidentStatuses, ...maintenanceStatuses])
      .describe(
        'Incident: investigating, identified, monitoring, resolved. Maintenance: scheduled, in-progress, completed.',
      ),
    text: markdownText.describe('What customers need to know at this point.'),
  })
  .describe('An update on the timeline.');

export const incidentSchema = z
  .strictObject({
    id: documentId.describe('Permanent id, e.g. "INC-2026-0142": /incidents/<id>/.'),
    title: plainText(140).describe('What happened, in a line.'),
    kind: z.enum(['incident', 'maintenance']).default('incident').describe('"incident" or "maintenance".'),
    impact: z.enum(impacts).describe('none, minor, major or critical.'),
    security: z
      .boolean()
      .default(false)
      .describe(
        'True when the incident concerns security: it is also published as a CSAF 2.0 security incident response, linked from its page and the API.',
      ),
    affects: z
      .array(
        z.strictObject({
          product: slug.describe('Product slug.'),
          releases: z
            .array(releaseLineName)
            .optional()
            .describe('Affected release lines; leave out when all are affected.'),
        }),
      )
      .min(1, { error: 'name at least one affected product' })
      .describe('Affected products and release lines.'),
    started: timestamp.describe('When customers were first affected (maintenance: window start).'),
    window: z
      .strictObject({
        start: timestamp.describe('Planned start.'),
        end: timestamp.describe('Planned end.'),
      })
      .optional()
      .describe('Maintenance only: the planned window.'),
    updates: z.array(update).min(1, { error: 'give at least one update' }).describe('Timeline, oldest first.'),
    customerActions: markdownText.optional().describe('What customers should do, if anything.'),
    postIncidentReport: z
      .strictObject({
        published: timestamp.describe('When the report was published.'),
        rootCause: markdownText.describe('Why it happened.'),
        preventiveMeasures: z
          .array(plainText(400))
          .min(1, { error: 'list at least one preventive measure' })
          .describe('What is being done so it does not happen again.'),
      })
      .optional()
      .describe('The post-incident report, once the incident is resolved.'),
  })
  .describe('An incident or scheduled maintenance (content/incidents/*.md). The Markdown body describes it.');

export type IncidentData = z.output<typeof incidentSchema>;
