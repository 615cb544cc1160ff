/**
 * URLs are promises to subscribers (DESIGN): a product, incident or advisory that git has
 * published does not silently disappear. Removing its file takes away its page, its feed items,
 * its calendar events and its CSAF document, so the check says so, naming the commit that first
 * published it. A warning, not an error: a file published by mistake may be removed on purpose.
 */
import path from 'node:path';
import { displayPath } from '../source/readContentFiles.ts';
import { parsed, type ParsedDocuments, type RuleContext } from './context.ts';

export function checkPublishedKept(documents: ParsedDocuments, context: RuleContext): void {
  const history = context.history();
  if (history.state !== 'complete') return;
  // A file moved before the move is committed still has its id (its file name) in the content.
  const present = new Set(
    [
      ...documents.products.filter((product) => parsed(product, ['slug'])).map((product) => product.data.slug),
      ...documents.incidents.filter((incident) => parsed(incident, ['id'])).map((incident) => incident.data.id),
      ...documents.advisories.filter((advisory) => parsed(advisory, ['id'])).map((advisory) => advisory.data.id),
      ...context.contentFiles.map((file) => path.basename(file, '.md')),
    ].map((name) => name.toLowerCase()),
  );
  for (const removed of history.removedFiles(context.contentFiles)) {
    if (present.has(path.basename(removed.file, '.md').toLowerCase())) continue;
    context.report({
      severity: 'warning',
      file: displayPath(removed.file),
      message: `was published on ${removed.published.date} (commit ${removed.published.commit.slice(0, 10)}) and is no longer in the content folder: its page, feed items and machine-readable records are gone for the customers who relied on them. Restore it unless removing it was intended; to correct or close an incident or advisory, post an update or a revision instead`,
    });
  }
}
