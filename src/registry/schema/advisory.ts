/**
 * content/advisories/<file>.md: a security advisory (Code of Practice 3.4, 3.5). The CVSS score
 * and severity are computed from the vector; a stated severity must agree with it.
 */
import { z } from 'zod';
import { CVE_ID } from './identifiers.ts';
import { calendarDate, documentId, httpsUrl, markdownText, plainText, releaseLineName, slug } from './primitives.ts';

/** The advisory facts a correction can name (see src/registry/rules/publishedFacts.ts). */
export const ADVISORY_CORRECTABLE = /^(cves|cvss\.vector|cvss\.severity|affects|affects\[\d+\]\.(affected|fixed))$/;

export const cvssSeverities = ['none', 'low', 'medium', 'high', 'critical'] as const;
export const remediationKinds = ['fix', 'workaround', 'mitigation', 'none'] as const;

export const advisorySchema = z
  .strictObject({
    id: documentId.describe('Permanent id, e.g. "NWSA-2026-0003": /advisories/<id>/.'),
    title: plainText(160).describe('Short description of the vulnerability.'),
    summary: plainText(600).describe('Two or three sentences for lists and feeds.'),
    status: z.enum(['interim', 'final']).describe('"interim" while investigation continues, "final" when complete.'),
    cves: z
      .array(
        z.string().regex(CVE_ID, {
          error: (issue) =>
            `"${String(issue.input)}" is not a CVE ID such as CVE-2026-12345: CVE-, a year from 1999, -, then a number of at least four digits (leading zeros only to make four)`,
        }),
      )
      .default([])
      .describe('CVE IDs, e.g. ["CVE-2026-12345"].'),
    cvss: z
      .strictObject({
        vector: z.string().describe('CVSS 3.1 or 4.0 vector, e.g. "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H".'),
        severity: z
          .enum(cvssSeverities)
          .optional()
          .describe('Stated severity; must match the one computed from the vector.'),
      })
      .describe('CVSS base vector.'),
    affects: z
      .array(
        z.strictObject({
          product: slug.describe('Product slug.'),
          release: releaseLineName.describe('Release line, e.g. "5.x".'),
          affected: plainText(80).describe('Affected versions, e.g. "5.0.0 to 5.4.1" or "< 5.4.2".'),
          fixed: plainText(40).optional().describe('First fixed version, e.g. "5.4.2"; leave out if none yet.'),
        }),
      )
      .min(1, { error: 'name at least one affected release line' })
      .describe('Affected and fixed versions per release line.'),
    remediations: z
      .array(
        z.strictObject({
          kind: z.enum(remediationKinds).describe('fix, workaround, mitigation or none.'),
          text: markdownText.describe('What to do.'),
          url: httpsUrl.optional().describe('Where to get the fix or read more (https).'),
        }),
      )
      .min(1, { error: 'give at least one remediation (use kind "none" when none is available)' })
      .describe('What customers can do.'),
    credits: z.array(plainText(120)).default([]).describe('Who reported or helped, as they wish to be named.'),
    revisions: z
      .array(
        z.strictObject({
          date: calendarDate.describe('Day of the revision.'),
          summary: plainText(300).describe('What changed.'),
          corrects: z
            .array(
              z.strictObject({
                field: z
                  .string()
                  .regex(ADVISORY_CORRECTABLE, {
                    error: (issue) =>
                      `"${String(issue.input)}" is not a published fact of an advisory: give cves, cvss.vector, cvss.severity, affects, or affects[N].affected or affects[N].fixed`,
                  })
                  .describe(
                    'The published fact this revision corrects: cves, cvss.vector, cvss.severity, affects (a release line removed), affects[N].affected or affects[N].fixed.',
                  ),
                was: z.string().describe('The value that was published, exactly as check gives it.'),
              }),
            )
            .optional()
            .describe(
              'Published facts this revision corrects, each with the value that was published; the summary says why. Pages, feeds and the CSAF revision history show each correction. Prose (title, summary, details, remediation text, credits, and typo fixes in a revision summary) needs none.',
            ),
        }),
      )
      .min(1, { error: 'give at least the initial publication as a revision' })
      .describe('Revision history, oldest first; the first is the initial publication.'),
  })
  .describe('A security advisory (content/advisories/*.md). The Markdown body gives the details.');

export type AdvisoryData = z.output<typeof advisorySchema>;
