/**
 * content/products/<file>.md: a product, its release lines, their support phases and
 * end-of-support notices. The end-of-support date of a release line is written once, in its
 * `endOfSupport` notice; the phases before the last one carry their own end dates.
 */
import { z } from 'zod';
import { cpeProblem, purlProblem } from './identifiers.ts';
import {
  calendarDate,
  httpsUrl,
  markdownText,
  matchingWhole,
  patterns,
  plainText,
  releaseLineName,
  slug,
} from './primitives.ts';

const phase = z
  .strictObject({
    level: slug.describe('Support level id from content/support-levels.yml, e.g. "full".'),
    until: calendarDate
      .optional()
      .describe('Last day of this phase. Leave it out on the last phase: that one runs until the end of support.'),
  })
  .describe('A support phase.');

const dateChange = z
  .strictObject({
    on: calendarDate.describe('The day the change was announced.'),
    from: calendarDate.describe('The end-of-support date that applied before this change.'),
    reason: plainText(300).optional().describe('Why the date changed, in one sentence.'),
    source: httpsUrl
      .optional()
      .describe(
        'Only for changes announced before the release line was in the portal: the public announcement that proves the date.',
      ),
  })
  .describe('An earlier change to the end-of-support date.');

const endOfSupport = z
  .strictObject({
    date: calendarDate.describe('The last day of support. The one place this date is written.'),
    announced: calendarDate.describe(
      'The day this end of support was first announced. It must be at least one year before the date (Code of Practice 4.2).',
    ),
    source: httpsUrl
      .optional()
      .describe(
        'Only for notices given before the release line was in the portal: the public announcement (URL) that proves the announcement date. Without it, or once the line is in the portal, the date counts from the git commit that published it.',
      ),
    changes: z
      .array(dateChange)
      .default([])
      .describe('Earlier dates and when they changed, oldest first. A date moved earlier is a new notice.'),
    migration: markdownText.optional().describe('What customers should do: upgrade path, tools, help.'),
    risk: markdownText.optional().describe('What customers risk by staying after the date.'),
  })
  .describe('The end-of-support notice of a release line.');

const releaseLine = z
  .strictObject({
    name: releaseLineName.describe('The release line as customers know it, e.g. "5.x".'),
    released: calendarDate.describe('General availability date.'),
    endOfSales: calendarDate.optional().describe('Last day it can be bought, if announced.'),
    phases: z
      .array(phase)
      .min(1, { error: 'give at least one support phase' })
      .describe('Support phases in order. Each runs until its `until` date; the last runs until the end of support.'),
    endOfSupport: endOfSupport
      .optional()
      .describe('The end-of-support notice. Leave it out while the date is "to be announced".'),
    successor: z
      .string()
      .regex(matchingWhole(`(${patterns.slug}\\/)?${patterns.releaseLineName}`), {
        error: 'expected a release line name ("6.x") or product and line ("example-product/2.x")',
      })
      .optional()
      .describe('The release line customers should move to: "6.x" in this product or "other-product/2.x".'),
  })
  .describe('A release line.');

export const productSchema = z
  .strictObject({
    slug: slug.describe('URL name of the product: /products/<slug>/.'),
    name: plainText(80).describe('Product name as customers know it, e.g. "Example Product".'),
    summary: plainText(300).describe('One sentence shown in the catalogue.'),
    category: plainText(60).describe('Catalogue category, e.g. "Networking".'),
    identifiers: z
      .strictObject({
        purl: z
          .string()
          .superRefine((purl, context) => {
            const problem = purlProblem(purl);
            if (problem) {
              context.addIssue({
                code: 'custom',
                message: `"${purl}" is not a package URL without version: ${problem}; e.g. "pkg:generic/example/example-product"`,
              });
            }
          })
          .optional()
          .describe(
            'Package URL without version (purl specification: a type, then percent-encoded namespace and name), e.g. "pkg:generic/example/example-product"; the release line is added as the version.',
          ),
        cpe: z
          .string()
          .superRefine((cpe, context) => {
            const problem = cpeProblem(cpe);
            if (problem) {
              context.addIssue({
                code: 'custom',
                message: `"${cpe}" is not a CPE 2.3 name: ${problem}; e.g. "cpe:2.3:a:example:example_product:*:*:*:*:*:*:*:*"`,
              });
            }
          })
          .optional()
          .describe('CPE 2.3 formatted string of 13 parts (NISTIR 7695), version part "*".'),
      })
      .refine((ids) => ids.purl !== undefined || ids.cpe !== undefined, {
        error: 'give a purl, a cpe, or both: scanners and CSAF need one',
      })
      .describe('Machine identifiers that vulnerability tools match on.'),
    docs: z
      .strictObject({
        updates: httpsUrl.describe('How to install updates.'),
        secureUse: httpsUrl.describe('How to configure and use the product securely.'),
      })
      .describe('Links to documentation.'),
    supportOwner: plainText(120).describe('Who owns support for this product (team or role).'),
    releases: z
      .array(releaseLine)
      .min(1, { error: 'give at least one release line' })
      .describe('Release lines, newest first or oldest first.'),
  })
  .describe('A product (content/products/*.md). The Markdown body is its description.');

export type ProductData = z.output<typeof productSchema>;
export type ReleaseLineData = ProductData['releases'][number];
export type EndOfSupportData = NonNullable<ReleaseLineData['endOfSupport']>;

/** The parts of a product, so that scaffolding checks each answer with the field's own schema. */
export { dateChange as dateChangeSchema, endOfSupport as endOfSupportSchema, releaseLine as releaseLineSchema };
