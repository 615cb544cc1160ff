/**
 * content/policies/<file>.md: the four policies the Code of Practice asks to be published.
 * Each is required: the build fails without them.
 */
import { z } from 'zod';
import { calendarDate, plainText, slug } from './primitives.ts';

export const policyKinds = {
  support: 'Support policy (Code of Practice 4.1.2)',
  'end-of-support': 'End-of-support policy (Code of Practice 4.2)',
  'vulnerability-disclosure': 'Vulnerability disclosure policy (Code of Practice 3.2)',
  'incident-support': 'Incident support plan (Code of Practice 4.3.1)',
} as const;

export type PolicyKind = keyof typeof policyKinds;

export const policySchema = z
  .strictObject({
    slug: slug.describe('URL name: /policies/<slug>/.'),
    title: plainText(120).describe('Title of the policy.'),
    kind: z
      .enum(Object.keys(policyKinds) as [PolicyKind, ...PolicyKind[]])
      .describe('support, end-of-support, vulnerability-disclosure or incident-support.'),
    updated: calendarDate.describe('Day of the last change.'),
  })
  .describe('A policy (content/policies/*.md). The Markdown body is the policy text.');

export type PolicyData = z.output<typeof policySchema>;
