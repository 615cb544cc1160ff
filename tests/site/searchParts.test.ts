/**
 * The site search's index is in parts once it has more than a thousand documents
 * (src/site/searchParts.ts): each document is in one part, chosen by its address, and the
 * parts stay about the same size. The search page and the build count the same documents.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CONTENT_DIR } from '../../src/cli/generate/writeContentFolder.ts';
import { loadRegistry } from '../../src/registry/loadRegistry.ts';
import { searchPartOf } from '../../src/pipeline/searchIndex.ts';
import { searchDocuments } from '../../src/site/searchDocuments.ts';
import {
  DOCUMENTS_PER_PART,
  searchDocumentCount,
  searchPartCount,
  searchPartFolder,
} from '../../src/site/searchParts.ts';

describe('the parts of the search index', () => {
  it.each([
    [0, 1],
    [29, 1],
    [1_000, 1],
    [1_001, 2],
    [2_000, 2],
    [2_001, 4],
    [14_004, 16],
    [70_000, 16],
  ])('%i documents are in %i parts', (documents, parts) => {
    expect(searchPartCount(documents)).toBe(parts);
  });

  it('puts each document in one part by its address, about a thousand in each', () => {
    const urls = Array.from({ length: 14_004 }, (_, index) => `/incidents/INC-2026-${index}/`);
    const parts = searchPartCount(urls.length);
    const sizes = Array.from({ length: parts }, () => 0);
    for (const url of urls) sizes[searchPartOf(url, parts)]! += 1;
    expect(Math.min(...sizes)).toBeGreaterThan(0.9 * (urls.length / parts));
    expect(Math.max(...sizes)).toBeLessThan(1.1 * (urls.length / parts));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(DOCUMENTS_PER_PART);
    expect(urls.map((url) => searchPartOf(url, parts))).toEqual(urls.map((url) => searchPartOf(url, parts)));
  });

  it("has Pagefind's bundle in the first part's folder, and each other part in a folder inside it", () => {
    expect([0, 1, 15].map(searchPartFolder)).toEqual(['pagefind/', 'pagefind/parts/1/', 'pagefind/parts/15/']);
  });

  it('counts the documents the build indexes, for the search page', () => {
    const registry = loadRegistry({ contentDir: DEMO_CONTENT_DIR, buildDate: '2026-11-22' });
    expect(searchDocumentCount(registry)).toBe(searchDocuments(registry).length);
    expect(searchDocumentCount(registry)).toBe(7 + 9 + 7 + 4);
  });
});
