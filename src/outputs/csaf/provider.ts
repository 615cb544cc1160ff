/**
 * The CSAF 2.0 provider around the documents: provider-metadata.json (§7.1.20), the directory
 * distribution with index.txt (§7.1.13), changes.csv (§7.1.14), a .sha512 per document (§7.1.18),
 * listings for people (§7.1.12), and a ROLIE feed (§7.1.21). With a signing key the provider is a
 * trusted provider (§7.2.3: signatures, §7.1.19, and the public key, §7.1.20).
 */
import { createHash } from 'node:crypto';
import type { Registry } from '../../registry/types.ts';
import { absoluteUrl, paths } from '../../site/urls.ts';
import { csafAdvisoryDocument, csafDocumentText, csafPublisher, type CsafTracking } from './advisoryDocument.ts';
import { csafIncidentDocument, incidentLocation } from './incidentDocument.ts';
import { csafDocumentPath, csafFileName, csafRelativePath, csafYearOf, type CsafLocated } from './location.ts';
import { h } from 'hastscript';
import { serialiseHtml } from '../markup.ts';

/** A security advisory, or a security incident's response document. */
export interface CsafFile {
  /** What the ROLIE feed gives as the entry's summary. */
  readonly summary: string;
  /** The document's title and tracking, for the listings; the document itself is kept only as `text`. */
  readonly title: string;
  readonly tracking: CsafTracking;
  /** The served bytes. */
  readonly text: string;
  readonly year: string;
  readonly fileName: string;
  /** "<yyyy>/<file>.json", relative to white/. */
  readonly relativePath: string;
  /** Site path of the document. */
  readonly path: string;
  readonly sha512: string;
}

/** The public half of the signing key, as the metadata lists it. */
export interface PublicSigningKey {
  readonly fingerprint: string;
}

/**
 * Computed once per Registry: every document route and listing asks for the whole set, and
 * rebuilding it per request made the CSAF routes quadratic in the number of advisories.
 */
const filesOf = new WeakMap<Registry, readonly CsafFile[]>();

export function csafFiles(registry: Registry): readonly CsafFile[] {
  let files = filesOf.get(registry);
  if (!files) {
    files = computeCsafFiles(registry);
    filesOf.set(registry, files);
  }
  return files;
}

/** Every advisory, then every incident marked as concerning security. */
function computeCsafFiles(registry: Registry): CsafFile[] {
  const file = (
    located: CsafLocated,
    summary: string,
    document: { readonly document: Pick<CsafFile, 'title' | 'tracking'> },
  ): CsafFile => {
    const text = csafDocumentText(document);
    return {
      summary,
      title: document.document.title,
      tracking: document.document.tracking,
      text,
      year: csafYearOf(located),
      fileName: csafFileName(located.id),
      relativePath: csafRelativePath(located),
      path: csafDocumentPath(located),
      sha512: createHash('sha512').update(text, 'utf8').digest('hex'),
    };
  };
  return [
    ...registry.advisories.map((advisory) =>
      file(advisory, advisory.summary, csafAdvisoryDocument(registry, advisory)),
    ),
    ...registry.incidents
      .filter((incident) => incident.security)
      .map((incident) => file(incidentLocation(incident), incident.title, csafIncidentDocument(registry, incident))),
  ];
}

/** §7.1.18: the hash, then (optional, separated by whitespace) the file name: `sha512sum` format. */
export function sha512File(file: CsafFile): string {
  return `${file.sha512}  ${file.fileName}\n`;
}

export function providerMetadata(registry: Registry, signingKey: PublicSigningKey | undefined) {
  const { vendor } = registry;
  return {
    canonical_url: absoluteUrl(vendor, paths.csafProviderMetadata()),
    distributions: [
      {
        directory_url: absoluteUrl(vendor, paths.csafWhite()),
        rolie: {
          feeds: [
            {
              summary: `All TLP:WHITE security advisories and security incident reports of ${vendor.name}.`,
              tlp_label: 'WHITE',
              url: absoluteUrl(vendor, paths.csafRolieFeed()),
            },
          ],
        },
      },
    ],
    last_updated: registry.buildTime,
    list_on_CSAF_aggregators: true,
    metadata_version: '2.0',
    mirror_on_CSAF_aggregators: true,
    ...(signingKey
      ? {
          public_openpgp_keys: [
            {
              fingerprint: signingKey.fingerprint,
              url: absoluteUrl(vendor, paths.csafOpenPgpKey(signingKey.fingerprint)),
            },
          ],
        }
      : {}),
    publisher: csafPublisher(registry),
    role: signingKey ? 'csaf_trusted_provider' : 'csaf_provider',
  };
}

/** §7.1.13: one line per document, its path relative to the folder of index.txt. */
export function indexTxt(files: readonly CsafFile[]): string {
  return files.map((file) => `${file.relativePath}\n`).join('');
}

/**
 * §7.1.14: `"<path>","<current_release_date>"` per document, newest first, each value in double
 * quotes (RFC 4180; the paths contain no quotes, so nothing needs doubling). Ties keep the path
 * order so the file is stable.
 */
export function changesCsv(files: readonly CsafFile[]): string {
  return [...files]
    .sort(
      (a, b) =>
        b.tracking.current_release_date.localeCompare(a.tracking.current_release_date) ||
        a.relativePath.localeCompare(b.relativePath),
    )
    .map((file) => `"${file.relativePath}","${file.tracking.current_release_date}"\n`)
    .join('');
}

const CSAF_SCHEMA = 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json';

/** §7.1.21: a ROLIE feed (RFC 8322, JSON form) of every TLP:WHITE document, newest first. */
export function rolieFeed(registry: Registry, files: readonly CsafFile[], signed: boolean) {
  const { vendor } = registry;
  const entries = [...files].sort((a, b) =>
    b.tracking.current_release_date.localeCompare(a.tracking.current_release_date),
  );
  return {
    feed: {
      id: `${csafFileName(vendor.name).replace(/\.json$/, '')}-csaf-feed-tlp-white`,
      title: `${vendor.name} CSAF feed (TLP:WHITE)`,
      link: [{ rel: 'self', href: absoluteUrl(vendor, paths.csafRolieFeed()) }],
      category: [{ scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' }],
      updated: registry.buildTime,
      entry: entries.map((file) => {
        const url = absoluteUrl(vendor, file.path);
        const { tracking } = file;
        return {
          id: tracking.id,
          title: file.title,
          link: [
            { rel: 'self', href: url },
            { rel: 'hash', href: `${url}.sha512` },
            ...(signed ? [{ rel: 'signature', href: `${url}.asc` }] : []),
          ],
          published: tracking.initial_release_date,
          updated: tracking.current_release_date,
          summary: { content: file.summary },
          content: { type: 'application/json', src: url },
          format: { schema: CSAF_SCHEMA, version: '2.0' },
        };
      }),
    },
  };
}

/** The years that have documents, newest first. */
export function csafYears(files: readonly CsafFile[]): string[] {
  return [...new Set(files.map((file) => file.year))].sort().reverse();
}

/** The file names a year folder holds, in name order. */
export function yearFolderEntries(files: readonly CsafFile[], year: string, signed: boolean): string[] {
  return files
    .filter((file) => file.year === year)
    .flatMap((file) => [file.fileName, `${file.fileName}.asc`, `${file.fileName}.sha512`])
    .filter((name) => signed || !name.endsWith('.asc'))
    .sort();
}

/**
 * §7.1.12 asks for directory listings so people can browse the folders; a static host does not
 * make them, so the build writes a plain index.html (no script, no style) in each folder. The
 * entries are links relative to the folder: "../" only where the parent folder has a listing
 * (.well-known/ itself has none).
 */
export function directoryListing(sitePathOfFolder: string, entries: readonly string[], language: string): string {
  const title = `Index of ${sitePathOfFolder}`;
  const page = h(null, [
    { type: 'doctype' },
    h('html', { lang: language }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', {
          httpEquiv: 'content-security-policy',
          content: "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
        }),
        h('title', title),
      ]),
      h('body', [
        h('h1', title),
        h(
          'ul',
          entries.map((entry) => h('li', [h('a', { href: entry }, entry)])),
        ),
      ]),
    ]),
  ]);
  return `${serialiseHtml(page)}\n`;
}
