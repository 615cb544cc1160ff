/**
 * content/incidents/<file>.md: an incident or a scheduled maintenance (Code of Practice 4.3).
 * The Markdown body describes it; updates form its timeline. An incident is resolved when its
 * last update says so: the resolution time is written once, as that update's time.
 */
import { z } from 'zod';
import { documentId, markdownText, plainText, releaseLineName, slug, timestamp } from './primitives.ts';

/** The incident facts a correction can name (see src/registry/rules/publishedFacts.ts). */
export const INCIDENT_CORRECTABLE = /^(impact|affects|updates\[\d+\]\.(at|status|text))$/;

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
    key: timestamp
      .optional()
      .describe(
        'The update\'s feed key: the time it was first published with. Leave out until you correct "at"; then give the time it had, so feed readers keep the item (check names it).',
      ),
    corrects: z
      .array(
        z.strictObject({
          field: z
            .string()
            .regex(INCIDENT_CORRECTABLE, {
              error: (issue) =>
                `"${String(issue.input)}" is not a published fact of an incident: give impact, affects, or updates[N].at, updates[N].status or updates[N].text`,
            })
            .describe('The published fact this update corrects: impact, affects, or updates[N].at, .status or .text.'),
          was: z.string().describe('The value that was published, exactly as check gives it.'),
        }),
      )
      .optional()
      .describe(
        "Published facts this update corrects, each with the value that was published; the update's text says why. Pages, feeds and CSAF show each correction. Prose (titles, the description, customer actions, the post-incident report, and typo fixes in an update's text) needs none.",
      ),
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
