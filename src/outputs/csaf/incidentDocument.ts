/**
 * A CSAF 2.0 `csaf_security_incident_response` document (§4.3 profile) for each incident marked
 * `security: true`: the description, what customers should do, each update as a revision, and
 * the post-incident report once there is one. Tools that read the provider's CSAF feed see the
 * incident beside the advisories, with the same hashes and signatures.
 */
import type { Incident, Registry } from '../../registry/types.ts';
import { absoluteUrl, paths } from '../../site/urls.ts';
import { csafDocumentPath } from './location.ts';
import {
  CSAF_GENERATOR,
  csafPublisher,
  withCorrections,
  type CsafNote,
  type CsafReference,
  type CsafTracking,
  TLP_WHITE,
} from './advisoryDocument.ts';

export interface CsafIncidentDocument {
  readonly document: {
    readonly category: 'csaf_security_incident_response';
    readonly csaf_version: '2.0';
    readonly title: string;
    readonly lang: string;
    readonly distribution: typeof CSAF_DISTRIBUTION;
    readonly publisher: ReturnType<typeof csafPublisher>;
    readonly notes: readonly CsafNote[];
    readonly references: readonly CsafReference[];
    readonly tracking: CsafTracking;
  };
}

const CSAF_DISTRIBUTION = { tlp: TLP_WHITE };

export function csafIncidentDocument(registry: Registry, incident: Incident): CsafIncidentDocument {
  const { vendor } = registry;
  const report = incident.postIncidentReport;
  const affected = incident.affects
    .map((entry) => `${entry.productName}${entry.releaseLines ? ` ${entry.releaseLines.join(', ')}` : ''}`)
    .join('; ');
  const supportPolicy = registry.index.policy('incident-support');
  // Each update is a revision, and so is the post-incident report, in the order they were published.
  const revisions = [
    ...incident.updates.map((update) => ({
      date: update.at,
      summary: withCorrections(
        `Update: ${update.status}`,
        incident.corrections.filter((correction) => correction.by === update.key),
      ),
    })),
    ...(report ? [{ date: report.published, summary: 'Post-incident report' }] : []),
  ].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  const notes: CsafNote[] = [
    { category: 'summary', title: 'Summary', text: `${incident.title}. Affected: ${affected}.` },
    { category: 'description', title: 'Description', text: incident.description.markdown.trim() },
    ...(incident.customerActions
      ? [
          {
            category: 'general' as const,
            title: 'What customers should do',
            text: incident.customerActions.markdown.trim(),
          },
        ]
      : []),
    ...incident.updates.map((update) => ({
      category: 'details' as const,
      title: `Update ${update.at} (${update.status})`,
      text: update.text.markdown.trim(),
    })),
    ...(report
      ? [
          { category: 'details' as const, title: 'Root cause', text: report.rootCause.markdown.trim() },
          {
            category: 'general' as const,
            title: 'Preventive measures',
            text: report.preventiveMeasures.map((measure) => `- ${measure}`).join('\n'),
          },
        ]
      : []),
  ];
  return {
    document: {
      category: 'csaf_security_incident_response',
      csaf_version: '2.0',
      title: incident.title,
      lang: vendor.site.language,
      distribution: CSAF_DISTRIBUTION,
      publisher: csafPublisher(registry),
      notes,
      references: [
        {
          category: 'self',
          summary: 'This incident (CSAF)',
          url: absoluteUrl(vendor, csafDocumentPath(incidentLocation(incident))),
        },
        {
          category: 'external',
          summary: 'This incident (web page)',
          url: absoluteUrl(vendor, paths.incident(incident.id)),
        },
        {
          category: 'external',
          summary: supportPolicy.title,
          url: absoluteUrl(vendor, paths.policy(supportPolicy.slug)),
        },
      ],
      tracking: {
        id: incident.id,
        // Final once resolved; while it is open, further updates will follow.
        status: incident.state === 'resolved' ? 'final' : 'interim',
        version: String(revisions.length),
        initial_release_date: revisions[0]!.date,
        current_release_date: revisions.at(-1)!.date,
        revision_history: revisions.map((revision, index) => ({ number: String(index + 1), ...revision })),
        generator: CSAF_GENERATOR,
      },
    },
  };
}

/** Where the document lives: the year folder of its first update, when it was first published. */
export const incidentLocation = (incident: Incident) => ({ id: incident.id, published: incident.updates[0]!.at });
