/**
 * A large site's search index is in parts, each document in one part chosen by its address, and
 * the search page searches them all at once (Pagefind's mergeIndex). Editing one document changes
 * one part: a warm build carries the others over from the previous site instead of indexing every
 * document again (src/pipeline/searchIndex.ts). The search page imports this module: it is the
 * server's only, and imports nothing (Vite scans a page's imports for the browser's dependencies).
 */
import type { Registry } from '../registry/types.ts';

/** Documents in one part of the search index, at most about: parts split by halves. */
export const DOCUMENTS_PER_PART = 1_000;
/** Each part costs the browser a few small requests on the first search: never more than this many. */
const MOST_PARTS = 16;

/** How many documents the site search has: one per product, incident, advisory and policy. */
export const searchDocumentCount = (registry: Registry): number =>
  registry.products.length + registry.incidents.length + registry.advisories.length + registry.policies.length;

/** How many parts the index of `documents` documents has: 1, 2, 4, … 16. */
export function searchPartCount(documents: number): number {
  let parts = 1;
  while (parts < MOST_PARTS && documents > parts * DOCUMENTS_PER_PART) parts *= 2;
  return parts;
}

/** The folder, in the first part's, that holds the other parts' folders. */
export const OTHER_PARTS = 'parts';

/**
 * A part's folder in the site. The first is Pagefind's whole bundle (its scripts, which the search
 * page loads); the others hold only their index, merged into the first's search.
 */
export const searchPartFolder = (part: number): string =>
  part === 0 ? 'pagefind/' : `pagefind/${OTHER_PARTS}/${part}/`;
