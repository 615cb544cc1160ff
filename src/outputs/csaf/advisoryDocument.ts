/**
 * One CSAF 2.0 `csaf_security_advisory` document per advisory (CSAF 2.0 §4.5 profile). Affected
 * versions written as a range become a product tree of vendor, product and version range (vers)
 * that tools match installed versions against, with each fixed version beside its range; free
 * text leaves the release line as the product. Revisions become the revision history, and
 * remediations the CSAF remediation categories.
 */
import { correctionSentence, revisionKeys } from '../../registry/corrections.ts';
import type { Advisory, Correction, Registry } from '../../registry/types.ts';
import { readVersionRange } from '../../registry/versionRange.ts';
import { absoluteUrl, paths } from '../../site/urls.ts';
import { csafDocumentPath } from './location.ts';

/** The parts of the CSAF 2.0 schema this portal writes. */
export interface CsafDocument {
  readonly document: {
    readonly category: 'csaf_security_advisory';
    readonly csaf_version: '2.0';
    readonly title: string;
    readonly lang: string;
    readonly distribution: { readonly tlp: { readonly label: 'WHITE'; readonly url: string } };
    readonly aggregate_severity: { readonly text: string };
    readonly publisher: CsafPublisher;
    readonly notes: readonly CsafNote[];
    readonly references: readonly CsafReference[];
    readonly acknowledgments?: readonly { readonly names: readonly string[] }[];
    readonly tracking: CsafTracking;
  };
  readonly product_tree: {
    readonly branches?: readonly CsafBranch[];
    readonly full_product_names?: readonly CsafProduct[];
  };
  readonly vulnerabilities: readonly CsafVulnerability[];
}

/** §3.2.1.12: the document's id, status, version and revision history. */
export interface CsafTracking {
  readonly id: string;
  readonly status: 'interim' | 'final';
  readonly version: string;
  readonly initial_release_date: string;
  readonly current_release_date: string;
  readonly revision_history: readonly {
    readonly number: string;
    readonly date: string;
    readonly summary: string;
  }[];
  readonly generator: typeof CSAF_GENERATOR;
}

/**
 * The engine that wrote the document, without a generation date (optional, §3.2.1.12.1.1): a
 * document is a function of its content, written again by every build, and dated by its
 * revisions. Dated with the build, every document, its hash and its signature would change on
 * every build with nothing in it changed, and mirrors would fetch them all again each time.
 */
export const CSAF_GENERATOR = { engine: { name: 'Trustline' } } as const;

export interface CsafPublisher {
  readonly category: 'vendor';
  readonly name: string;
  readonly namespace: string;
  readonly contact_details?: string;
}

export interface CsafNote {
  readonly category: 'summary' | 'details' | 'description' | 'other' | 'general';
  readonly title: string;
  readonly text: string;
}

export interface CsafReference {
  readonly category: 'self' | 'external';
  readonly summary: string;
  readonly url: string;
}

interface CsafProduct {
  readonly product_id: string;
  readonly name: string;
  readonly product_identification_helper: { readonly purl?: string; readonly cpe?: string };
}

/** CSAF 2.0 §3.1.2: a tree whose leaves are products. */
type CsafBranch =
  | {
      readonly category: 'vendor' | 'product_name';
      readonly name: string;
      readonly branches: readonly CsafBranch[];
    }
  | {
      readonly category: 'product_version_range' | 'product_version';
      readonly name: string;
      readonly product: CsafProduct;
    };

type RemediationCategory = 'vendor_fix' | 'workaround' | 'mitigation' | 'none_available';

interface CsafVulnerability {
  readonly cve?: string;
  readonly title: string;
  readonly release_date: string;
  readonly notes: readonly CsafNote[];
  readonly product_status: { readonly known_affected: readonly string[]; readonly fixed?: readonly string[] };
  readonly scores?: readonly {
    readonly products: readonly string[];
    readonly cvss_v3: {
      readonly version: '3.1';
      readonly vectorString: string;
      readonly baseScore: number;
      readonly baseSeverity: string;
    };
  }[];
  readonly remediations: readonly {
    readonly category: RemediationCategory;
    readonly details: string;
    readonly product_ids: readonly string[];
    readonly url?: string;
  }[];
  readonly references?: readonly CsafReference[];
}

/** TLP 1.0 as CSAF 2.0 §3.2.1.5 names it: TLP:WHITE for documents anyone may read. */
export const TLP_WHITE = { label: 'WHITE', url: 'https://www.first.org/tlp/' } as const;

const remediationCategories: Readonly<Record<Advisory['remediations'][number]['kind'], RemediationCategory>> = {
  fix: 'vendor_fix',
  workaround: 'workaround',
  mitigation: 'mitigation',
  none: 'none_available',
};

/** A calendar date as the start of that day in UTC, with milliseconds, as the CSAF documents write it. */
const startOfDayCsaf = (date: string) => `${date}T00:00:00.000Z`;

/**
 * A revision's summary with the corrections it records (docs/editor-guide.md, "Correct a
 * published fact"): "Corrected the score. Corrected: the CVSS vector was recorded as …; it was …."
 */
export function withCorrections(summary: string, corrections: readonly Correction[]): string {
  if (corrections.length === 0) return summary;
  const sentences = corrections.map((correction) => `Corrected: ${correctionSentence(correction)}.`);
  return [summary, ...sentences].join(' ');
}

export function csafPublisher(registry: Registry): CsafPublisher {
  const { vendor } = registry;
  const { email, url } = vendor.contacts.security;
  const contact = [email, url].filter(Boolean).join(', ');
  return {
    category: 'vendor',
    name: vendor.name,
    namespace: vendor.csaf.publisherNamespace,
    ...(contact ? { contact_details: `Report vulnerabilities to ${contact}` } : {}),
  };
}

/** A product id token: letters, digits, dots and hyphens (CSAF 2.0 §3.1.8 product_id_t is any string). */
const token = (text: string) => text.toLowerCase().replace(/[^a-z0-9.]+/g, '-');

/** A purl with a version (purl spec: the version is percent-encoded). */
const purlAt = (purl: string, version: string) => `${purl}@${encodeURIComponent(version)}`;

/**
 * A CPE 2.3 formatted string with its version part set (CPE 2.3 §6.2: spaces are not allowed,
 * so "_"), or "*" for any version.
 */
function cpeAt(cpe: string, version: string | undefined): string {
  const parts = cpe.split(':');
  parts[5] = version === undefined ? '*' : version.toLowerCase().replace(/[^a-z0-9._-]/g, '_');
  return parts.join(':');
}

interface AffectedLine {
  readonly affectedId: string;
  readonly fixedId: string | undefined;
  readonly label: string;
  readonly productName: string;
  /** The range in vers notation; undefined when the affected versions are free text. */
  readonly vers: string | undefined;
  readonly affected: CsafProduct;
  /** The fixed version and its product. */
  readonly fixed: { readonly version: string; readonly product: CsafProduct } | undefined;
}

function affectedLines(registry: Registry, advisory: Advisory): AffectedLine[] {
  return advisory.affects.map((affects) => {
    const product = registry.index.product(affects.productSlug);
    const identifiers = product?.identifiers ?? {};
    // One version, or (undefined) any version: the purl without one, the CPE with "*" (CPE 2.3 ANY).
    const helper = (version: string | undefined) => ({
      ...(identifiers.purl ? { purl: version ? purlAt(identifiers.purl, version) : identifiers.purl } : {}),
      ...(identifiers.cpe ? { cpe: cpeAt(identifiers.cpe, version) } : {}),
    });
    const base = `${token(affects.productSlug)}-${token(affects.releaseLine)}`;
    const label = `${affects.productName} ${affects.releaseLine}`;
    const range = readVersionRange(affects.affected);
    // A range names the product in its identifiers and the versions in its branch (vers). Free
    // text has the release line stand as the version.
    const affected: CsafProduct = {
      product_id: `${base}-affected`,
      name: `${label} (versions ${affects.affected})`,
      product_identification_helper: helper(range ? undefined : affects.releaseLine),
    };
    const fixed = affects.fixed
      ? {
          version: affects.fixed,
          product: {
            product_id: `${base}-fixed-${token(affects.fixed)}`,
            name: `${affects.productName} ${affects.fixed}`,
            product_identification_helper: helper(affects.fixed),
          },
        }
      : undefined;
    return {
      affectedId: affected.product_id,
      fixedId: fixed?.product.product_id,
      label,
      productName: affects.productName,
      vers: range?.vers,
      affected,
      fixed,
    };
  });
}

/**
 * Lines with a version range as branches (vendor → product → range and fixed version); lines
 * with free text as full product names, each with its fixed version.
 */
function productTree(vendorName: string, lines: readonly AffectedLine[]): CsafDocument['product_tree'] {
  const byProduct = new Map<string, CsafBranch[]>();
  const loose: CsafProduct[] = [];
  for (const line of lines) {
    if (line.vers === undefined) {
      loose.push(line.affected, ...(line.fixed ? [line.fixed.product] : []));
      continue;
    }
    const versions = byProduct.get(line.productName) ?? [];
    versions.push({ category: 'product_version_range', name: line.vers, product: line.affected });
    if (line.fixed)
      versions.push({ category: 'product_version', name: line.fixed.version, product: line.fixed.product });
    byProduct.set(line.productName, versions);
  }
  const products = [...byProduct].map(([name, branches]): CsafBranch => ({ category: 'product_name', name, branches }));
  return {
    ...(products.length > 0 ? { branches: [{ category: 'vendor', name: vendorName, branches: products }] } : {}),
    ...(loose.length > 0 ? { full_product_names: loose } : {}),
  };
}

export function csafAdvisoryDocument(registry: Registry, advisory: Advisory): CsafDocument {
  const { vendor } = registry;
  const lines = affectedLines(registry, advisory);
  const keys = revisionKeys(advisory.revisions);
  const affectedIds = lines.map((line) => line.affectedId);
  const fixedIds = lines.flatMap((line) => (line.fixedId ? [line.fixedId] : []));
  const withFix = lines.filter((line) => line.fixedId).map((line) => line.affectedId);
  const htmlUrl = absoluteUrl(vendor, paths.advisory(advisory.id));
  const jsonUrl = absoluteUrl(vendor, csafDocumentPath(advisory));
  const { cvss } = advisory;

  const remediations = advisory.remediations.map((remediation) => ({
    category: remediationCategories[remediation.kind],
    details: remediation.text.markdown.trim(),
    // A vendor fix applies to the lines that have a fixed version; the rest to every affected line.
    product_ids: remediation.kind === 'fix' && withFix.length > 0 ? withFix : affectedIds,
    ...(remediation.url ? { url: remediation.url } : {}),
  }));
  const unfixed = lines.filter((line) => !line.fixedId);
  if (unfixed.length > 0 && !advisory.remediations.some((remediation) => remediation.kind === 'none')) {
    remediations.push({
      category: 'none_available',
      details: `No fixed version has been published yet for ${unfixed.map((line) => line.label).join(', ')}.`,
      product_ids: unfixed.map((line) => line.affectedId),
    });
  }

  // CSAF 2.0 scores carry CVSS v2 and v3 only; a CVSS 4.0 vector travels as a note and a
  // reference to FIRST's calculator (docs/api.md, "CSAF").
  const cvssV4Note: CsafNote[] =
    cvss.version === '4.0'
      ? [
          {
            category: 'other',
            title: 'CVSS v4.0',
            text: `${cvss.vector} (base score ${cvss.score.toFixed(1)}, ${cvss.severity})`,
          },
        ]
      : [];
  const scores =
    cvss.version === '3.1'
      ? [
          {
            products: affectedIds,
            cvss_v3: {
              version: '3.1' as const,
              vectorString: cvss.vector,
              baseScore: cvss.score,
              baseSeverity: cvss.severity.toUpperCase(),
            },
          },
        ]
      : undefined;
  const cveIds: (string | undefined)[] = advisory.cves.length > 0 ? [...advisory.cves] : [undefined];
  const vulnerabilities: CsafVulnerability[] = cveIds.map((cve) => ({
    ...(cve ? { cve } : {}),
    title: advisory.title,
    release_date: startOfDayCsaf(advisory.published),
    notes: [{ category: 'description', title: 'Description', text: advisory.details.markdown.trim() }, ...cvssV4Note],
    product_status: { known_affected: affectedIds, ...(fixedIds.length > 0 ? { fixed: fixedIds } : {}) },
    ...(scores ? { scores } : {}),
    remediations,
    ...(cvss.version === '4.0'
      ? {
          references: [
            {
              category: 'external' as const,
              summary: 'CVSS v4.0 vector in the FIRST calculator',
              url: `https://www.first.org/cvss/calculator/4.0#${cvss.vector}`,
            },
          ],
        }
      : {}),
  }));

  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      title: advisory.title,
      lang: vendor.site.language,
      distribution: { tlp: TLP_WHITE },
      aggregate_severity: { text: capitalise(cvss.severity) },
      publisher: csafPublisher(registry),
      notes: [
        { category: 'summary', title: 'Summary', text: advisory.summary },
        { category: 'details', title: 'Details', text: advisory.details.markdown.trim() },
      ],
      references: [
        { category: 'self', summary: 'This advisory (CSAF)', url: jsonUrl },
        { category: 'self', summary: 'This advisory (web page)', url: htmlUrl },
      ],
      ...(advisory.credits.length > 0 ? { acknowledgments: [{ names: advisory.credits }] } : {}),
      tracking: {
        id: advisory.id,
        status: advisory.status,
        // Integer versioning (CSAF 2.0 §3.1.11.1): one number per published revision.
        version: String(advisory.revisions.length),
        initial_release_date: startOfDayCsaf(advisory.published),
        current_release_date: startOfDayCsaf(advisory.updated),
        revision_history: advisory.revisions.map((revision, index) => ({
          number: String(index + 1),
          date: startOfDayCsaf(revision.date),
          summary: withCorrections(
            revision.summary,
            advisory.corrections.filter((correction) => correction.by === keys[index]),
          ),
        })),
        generator: CSAF_GENERATOR,
      },
    },
    product_tree: productTree(vendor.name, lines),
    vulnerabilities,
  };
}

const capitalise = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/**
 * The served bytes: two-space JSON with keys in alphabetical order (CSAF 2.0 optional test
 * 6.2.13) and a final newline. The .sha512 and .asc are over exactly these.
 */
export function csafDocumentText(document: object): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, entry]) => [key, sortKeys(entry)]),
    );
  }
  return value;
}
