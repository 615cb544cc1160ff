/**
 * Writes the Pagefind search index (<site>/pagefind/) from the search documents
 * (src/site/searchDocuments.ts) through Pagefind's Node API, while Astro renders the pages: the
 * index does not wait for the site, nor read its pages back from disk (docs/benchmarks.md).
 *
 * The index is in parts (src/site/searchParts.ts). A part whose documents are the same as in the previous
 * build is copied from the previous site (src/pipeline/pageReuse.ts): Pagefind writes the same
 * bytes for the same documents, and indexing every document again was most of a warm build.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchDocument } from '../site/searchDocuments.ts';
import { OTHER_PARTS, searchPartCount, searchPartFolder } from '../site/searchParts.ts';
import { carriedOutput, carryFile, outputFingerprint } from './pageReuse.ts';

/** Documents in flight to Pagefind's indexing process at once. */
const BATCH = 200;

/** Every part has it: Pagefind's search reads it first. */
const ENTRY_FILE = 'pagefind-entry.json';

/** Pagefind's scripts and stylesheets: the search page loads them from the first part only. */
const isBundleScript = (name: string) => name !== ENTRY_FILE && /^pagefind.*\.(js|css)$/.test(name);

/** The part a document is in, by its address: the same from build to build while the count stays. */
export const searchPartOf = (url: string, parts: number): number =>
  createHash('sha1').update(url).digest().readUInt32BE(0) % parts;

export interface SearchParts {
  readonly total: number;
  /** Copied from the previous site. */
  readonly carried: number;
}

/** Writes the index of `documents` into `siteDir`. */
export async function writeSearchIndex(documents: readonly SearchDocument[], siteDir: string): Promise<SearchParts> {
  const count = searchPartCount(documents.length);
  const parts = Array.from({ length: count }, () => [] as SearchDocument[]);
  for (const document of documents) parts[searchPartOf(document.url, count)]!.push(document);

  const toIndex: { folder: string; documents: SearchDocument[] }[] = [];
  const toCopy: { from: string; folder: string }[] = [];
  for (const [part, partDocuments] of parts.entries()) {
    const folder = searchPartFolder(part);
    const fingerprint = outputFingerprint([String(count), ...partDocuments.flatMap(({ url, html }) => [url, html])]);
    const previous = fingerprint === undefined ? undefined : carriedOutput(folder, fingerprint, ENTRY_FILE);
    if (previous === undefined) toIndex.push({ folder, documents: partDocuments });
    else toCopy.push({ from: previous, folder });
  }
  // Pagefind indexes in its own process meanwhile.
  const indexed = toIndex.length > 0 ? indexWithPagefind(toIndex, siteDir) : Promise.resolve();
  for (const { from, folder } of toCopy) copyPart(from, path.join(siteDir, folder));
  await indexed;
  return { total: count, carried: toCopy.length };
}

/** Copies a part's files. The first part's folder holds the others': each is copied or written on its own. */
function copyPart(from: string, to: string, top = true): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile()) carryFile(path.join(from, entry.name), path.join(to, entry.name));
    else if (entry.isDirectory() && !(top && entry.name === OTHER_PARTS)) {
      copyPart(path.join(from, entry.name), path.join(to, entry.name), false);
    }
  }
}

async function indexWithPagefind(
  parts: readonly { folder: string; documents: readonly SearchDocument[] }[],
  siteDir: string,
): Promise<void> {
  try {
    for (const { folder, documents } of parts) {
      const { index, errors } = await pagefind.createIndex({});
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
      const outputPath = path.join(siteDir, folder);
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0)
        throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      // Pagefind's process keeps an index until it is deleted: one part at a time in memory.
      await index.deleteIndex();
      if (folder !== searchPartFolder(0)) {
        for (const name of readdirSync(outputPath).filter(isBundleScript)) rmSync(path.join(outputPath, name));
      }
    }
  } finally {
    await pagefind.close();
  }
}
