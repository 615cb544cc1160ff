/**
 * What the editor can do about a Code of Practice claim the portal shows as partly met
 * (src/outputs/evidence/claims.ts). The /code-of-practice/ page speaks to customers and auditors
 * ("reports cannot yet be encrypted"); the file, the field and the fix are said here, to the
 * editor, as warnings: the content is valid, the claim is just not yet fully evidenced.
 */
import { messageCatalogue } from '../problems.ts';
import { parsed, reportAt, type ParsedDocuments, type RuleContext } from './context.ts';

/** The rule's messages. */
export const messages = messageCatalogue({
  noPgpKey: () =>
    'is not set, so reports cannot be encrypted and the Code of Practice page shows 3.2.2 (confidential ' +
    'reporting) as partly met: add the address of the security team’s public OpenPGP key, e.g. ' +
    '"pgpKeyUrl: https://example.com/.well-known/pgp-key.asc"',
  noPostIncidentReport: (impact: string) =>
    `is missing from this resolved ${impact} incident, so the Code of Practice page shows 4.3.2 (informing ` +
    'customers of incidents) as partly met: once the report is written, add it with its published date, ' +
    'rootCause and preventiveMeasures',
});

export function checkCodeOfPracticeEvidence(documents: ParsedDocuments, context: RuleContext): void {
  const vendor = documents.vendor;
  if (vendor && parsed(vendor, ['pgpKeyUrl']) && vendor.data.pgpKeyUrl === undefined) {
    // Code of Practice 3.2.2: the process describes how to report vulnerabilities confidentially.
    reportAt(context, 'warning', vendor, ['pgpKeyUrl'], messages.noPgpKey());
  }
  for (const incident of documents.incidents) {
    if (!parsed(incident, ['kind'], ['impact'], ['updates'], ['postIncidentReport'])) continue;
    const { kind, impact, updates, postIncidentReport } = incident.data;
    const resolved = updates.at(-1)?.status === 'resolved';
    if (kind !== 'incident' || !resolved || postIncidentReport !== undefined) continue;
    if (impact !== 'major' && impact !== 'critical') continue;
    // Code of Practice 4.3.2: customers are informed of notable incidents, including what caused them.
    reportAt(context, 'warning', incident, ['postIncidentReport'], messages.noPostIncidentReport(impact));
  }
}
