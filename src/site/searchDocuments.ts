/**
 * What the site search finds: each product, incident, advisory and policy as a small HTML
 * document with its page's words (title, identifiers, summary, and the Markdown bodies the
 * Registry has already rendered and sanitised), at its page's address. The build gives these to
 * Pagefind while Astro renders the pages (src/pipeline/searchIndex.ts), so indexing does not wait
 * for the rendered site; the browser searches the site's own files, with no third-party service.
 * A large site's index is in parts (src/site/searchParts.ts).
 */
import type { Advisory, Incident, Policy, Product, Registry, RichText } from '../registry/types.ts';
import { escapeAttribute, escapeText } from '../outputs/markup.ts';
import { paths, sitePath } from './urls.ts';
import { incidentUpdateWord } from './view/status.ts';

export interface SearchDocument {
  /** The page's path on the site, base path included ("/trust/incidents/INC-2026-0008/"). */
  readonly url: string;
  readonly html: string;
}

type Part = string | RichText | undefined | false;

/**
 * Plain text becomes an escaped paragraph; RichText is the Registry's sanitised HTML, as the pages
 * show it. Written as strings: Pagefind reads only the words, and parsing every text into a tree
 * to write it out again was most of the files step's time on a large registry.
 */
const block = (part: Part): string =>
  !part ? '' : typeof part === 'string' ? `<p>${escapeText(part)}</p>` : `<div>${part.html}</div>`;

const section = (heading: string, parts: readonly Part[]): string =>
  parts.some(Boolean) ? `<h2>${escapeText(heading)}</h2>${parts.map(block).join('')}` : '';

function productText(product: Product): string {
  return [
    block(product.summary),
    block(product.category),
    block(product.description),
    section(
      'Release lines',
      product.releaseLines.map((line) => `${product.name} ${line.name}`),
    ),
  ].join('');
}

function incidentText(incident: Incident): string {
  return [
    block(`${incident.kind === 'maintenance' ? 'Maintenance' : 'Incident'} ${incident.id}`),
    block(`Affected: ${incident.affects.map((affected) => affected.productName).join(', ')}`),
    block(incident.description),
    section('What to do', [incident.customerActions]),
    section(
      'Updates',
      incident.updates.flatMap((update) => [incidentUpdateWord(update.status), update.text]),
    ),
    incident.postIncidentReport
      ? section('Post-incident report', [
          incident.postIncidentReport.rootCause,
          ...incident.postIncidentReport.preventiveMeasures,
        ])
      : '',
  ].join('');
}

function advisoryText(advisory: Advisory): string {
  return [
    block(`Security advisory ${advisory.id}`),
    block(advisory.summary),
    block([...advisory.cves, `CVSS ${advisory.cvss.version} ${advisory.cvss.severity}`].join(' ')),
    section(
      'Affected and fixed versions',
      advisory.affects.map((affected) => `${affected.productName} ${affected.releaseLine}`),
    ),
    section(
      'What to do',
      advisory.remediations.map((remediation) => remediation.text),
    ),
    section('Credits', advisory.credits),
    section(
      'Revisions',
      advisory.revisions.map((revision) => revision.summary),
    ),
  ].join('');
}

const policyText = (policy: Policy): string => block(policy.body);

/** One document per searchable page, in the order of the Registry. */
export function searchDocuments(registry: Registry): SearchDocument[] {
  const { vendor } = registry;
  const document = (relativePath: string, title: string, body: string): SearchDocument => ({
    url: sitePath(vendor, relativePath),
    html:
      `<!doctype html><html lang="${escapeAttribute(vendor.site.language)}"><head><title>${escapeText(title)}</title></head>` +
      `<body><main data-pagefind-body><h1>${escapeText(title)}</h1>${body}</main></body></html>`,
  });
  return [
    ...registry.products.map((product) => document(paths.product(product.slug), product.name, productText(product))),
    ...registry.incidents.map((incident) =>
      document(paths.incident(incident.id), incident.title, incidentText(incident)),
    ),
    ...registry.advisories.map((advisory) =>
      document(paths.advisory(advisory.id), advisory.title, advisoryText(advisory)),
    ),
    ...registry.policies.map((policy) => document(paths.policy(policy.slug), policy.title, policyText(policy))),
  ];
}
