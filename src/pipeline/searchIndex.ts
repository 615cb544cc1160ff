/**
 * Writes the Pagefind search index (<site>/pagefind/) from the search documents
 * (src/site/searchDocuments.ts) through Pagefind's Node API, while Astro renders the pages: the
 * index does not wait for the site, nor read its pages back from disk (docs/benchmarks.md).
 */
import * as pagefind from 'pagefind';
import type { SearchDocument } from '../site/searchDocuments.ts';

/** Documents in flight to Pagefind's indexing process at once. */
const BATCH = 200;

export async function writeSearchIndex(documents: readonly SearchDocument[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (let start = 0; start < documents.length; start += BATCH) {
      const added = await Promise.all(
        documents
          .slice(start, start + BATCH)
          .map((document) => index.addHTMLFile({ url: document.url, content: document.html })),
      );
      const failed = added.flatMap((response) => response.errors);
      if (failed.length > 0) throw new Error(`Pagefind could not index a page: ${failed.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
