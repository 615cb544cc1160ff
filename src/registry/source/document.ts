import type { ContentKind } from '../schema/index.ts';

/** A content file as parsed, before validation. Both readers (files, contentlayer2) give these. */
export interface SourceDocument {
  kind: ContentKind;
  /** Path relative to the project root, e.g. "content/products/edge-gateway.md". */
  file: string;
  /** Front matter (Markdown) or the whole document (YAML), as parsed. */
  data: unknown;
  /** The Markdown body; empty for YAML documents. */
  body: string;
  /** The body as HTML, when the reader rendered it (contentlayer2 does). */
  bodyHtml?: string | undefined;
  /** Line in the file where the front matter starts (1-based), to turn field paths into lines. */
  dataLine: number;
  /**
   * Incidents and advisories read from the disk: git's blob id of the text, so the check of
   * published facts parses only the versions git published that differ from it.
   */
  blob?: string | undefined;
}

/** Which content type a path inside content/ holds, or undefined for a file that is none. */
export function kindOfPath(relativePath: string): ContentKind | undefined {
  if (relativePath === 'vendor.yml') return 'vendor';
  if (relativePath === 'support-levels.yml') return 'supportLevels';
  if (relativePath === 'withdrawn.yml') return 'withdrawn';
  const match = /^(products|incidents|advisories|policies)\/(?:[^/]+\/)*[^/]+\.md$/.exec(relativePath);
  if (!match) return undefined;
  return ({ products: 'product', incidents: 'incident', advisories: 'advisory', policies: 'policy' } as const)[
    match[1] as 'products' | 'incidents' | 'advisories' | 'policies'
  ];
}

export const CONTENT_LAYOUT =
  'content/ holds vendor.yml, support-levels.yml, an optional withdrawn.yml, and Markdown (.md) files in products/, incidents/, advisories/ and policies/';
