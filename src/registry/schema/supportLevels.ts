/**
 * content/support-levels.yml: the vendor's catalogue of support levels (Code of Practice 4.1),
 * defined once and referred to by id from every release line's phases.
 */
import { z } from 'zod';
import { markdownText, plainText, slug } from './primitives.ts';

/** The severities a level can give a fix target for, most severe first (as the pages list them). */
export const fixTargetSeverities = ['critical', 'high', 'medium', 'low'] as const;

export const supportLevelSchema = z
  .strictObject({
    id: slug.describe('How release lines refer to this level, e.g. "full".'),
    name: plainText(60).describe('Name shown to customers, e.g. "Full support".'),
    summary: plainText(300).describe('One sentence on what this level means.'),
    includes: z
      .strictObject({
        securityFixes: z.boolean().describe('Security vulnerabilities are fixed.'),
        bugFixes: z.boolean().describe('Non-security defects are fixed.'),
        features: z.boolean().describe('New features are delivered.'),
        technicalSupport: z.boolean().describe('Customers can open support cases.'),
      })
      .describe('What customers get at this level.'),
    securityFixTargets: z
      .partialRecord(z.enum(fixTargetSeverities), plainText(80))
      .optional()
      .describe('Target time to a fix by severity, e.g. { critical: "7 days", high: "30 days" }.'),
    patchCadence: plainText(200).describe('How often updates ship, e.g. "Monthly maintenance releases".'),
    distribution: markdownText.describe('How updates are distributed to customers.'),
    notification: markdownText.describe('How customers are told about updates.'),
  })
  .refine((level) => level.includes.securityFixes || level.securityFixTargets === undefined, {
    error:
      'securityFixTargets is set but includes.securityFixes is false: remove the targets or include security fixes',
    path: ['securityFixTargets'],
  });

export const supportLevelsSchema = z
  .strictObject({
    levels: z.array(supportLevelSchema).min(1, { error: 'define at least one support level' }),
  })
  .describe('The support-level catalogue (content/support-levels.yml).');

export type SupportLevelData = z.output<typeof supportLevelSchema>;
