/**
 * content/withdrawn.yml: the products, incidents and advisories the vendor removed on purpose.
 * Their addresses were promises to subscribers, so each keeps a short page saying what was
 * withdrawn, when and why, and `check` does not warn that the published file is gone.
 */
import { z } from 'zod';
import { calendarDate, documentId, markdownText, plainText, slug } from './primitives.ts';

/** What can be withdrawn: the content whose pages, feed items and records are published. */
export type WithdrawnKind = 'product' | 'incident' | 'advisory';
const withdrawnKinds: readonly WithdrawnKind[] = ['product', 'incident', 'advisory'];

type Named = { [Kind in WithdrawnKind]?: string | undefined };
const namedKinds = (entry: Named) => withdrawnKinds.filter((kind) => entry[kind] !== undefined);

/** One withdrawal as the editor writes it: `product: <slug>`, `incident: <id>` or `advisory: <id>`. */
export const withdrawalSchema = z
  .strictObject({
    product: slug
      .optional()
      .describe('Slug of the withdrawn product, e.g. "example-product"; its page was /products/<slug>/.'),
    incident: documentId
      .optional()
      .describe('Id of the withdrawn incident, e.g. "INC-2026-0142"; its page was /incidents/<id>/.'),
    advisory: documentId
      .optional()
      .describe('Id of the withdrawn advisory, e.g. "KSA-2026-0003"; its page was /advisories/<id>/.'),
    title: plainText(160).describe(
      'What customers knew it as: the product’s name, or the incident’s or advisory’s title. Shown on its page.',
    ),
    date: calendarDate.describe('The day it was withdrawn. Shown on its page.'),
    reason: markdownText.describe(
      'Why it was withdrawn, in words for customers, and what replaces it if anything. Shown on its page.',
    ),
  })
  .refine((entry) => namedKinds(entry).length > 0, {
    error: 'name what was withdrawn: add product (its slug), incident or advisory (its id)',
  })
  .refine((entry) => namedKinds(entry).length < 2, {
    error: (issue) =>
      `names ${namedKinds(issue.input as Named).join(' and ')}: each entry withdraws one page, so keep one and give the other an entry of its own`,
  })
  // One explicit shape for the rest of the code: which kind, and its slug or id.
  .transform(({ product, incident, advisory, ...rest }) => {
    const kind = namedKinds({ product, incident, advisory })[0]!;
    return { kind, id: (product ?? incident ?? advisory)!, ...rest };
  });

export const withdrawnSchema = z
  .strictObject({
    withdrawn: z
      .array(withdrawalSchema)
      .describe(
        'One entry per product, incident or advisory removed on purpose; each names exactly one of product, incident or advisory.',
      ),
  })
  .describe(
    'Products, incidents and advisories removed from the portal on purpose (optional file). Each keeps a short page at its address saying what was withdrawn, when and why, and `check` stops warning that its published file is gone.',
  );

export type WithdrawalData = z.output<typeof withdrawalSchema>;
