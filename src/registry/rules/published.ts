/**
 * URLs are promises to subscribers (docs/editor-guide.md, "Withdraw a product, incident or
 * advisory"): a product, incident or advisory that git has published does not silently disappear.
 * Removing its file takes away its page, its feed items, its calendar events and its CSAF
 * document, so the check says so, naming the commit that first published it. A warning, not an
 * error: a file published by mistake may be removed on purpose, and content/withdrawn.yml records
 * that purpose. A recorded withdrawal keeps the address with a page saying what was withdrawn,
 * when and why.
 */
import path from 'node:path';
import type { RemovedFile } from '../git/publicationHistory.ts';
import type { WithdrawnKind } from '../schema/withdrawn.ts';
import { displayPath } from '../source/readContentFiles.ts';
import { messageCatalogue } from '../problems.ts';
import { parsed, reportAt, reportIn, type ParsedDocuments, type RuleContext } from './context.ts';

/** The field naming each kind's address, and the words for it in messages. */
const ADDRESS: Record<WithdrawnKind, { field: string; what: string }> = {
  product: { field: 'slug', what: 'product slug' },
  incident: { field: 'id', what: 'incident id' },
  advisory: { field: 'id', what: 'advisory id' },
};

/** Kind and address compared as URLs: many hosts compare paths case-insensitively. */
const pageKey = (kind: WithdrawnKind, id: string) => `${kind}\0${id.toLowerCase()}`;

/** The rule's messages. */
export const messages = messageCatalogue({
  removedWithoutRecord: (removed: RemovedFile, contentDirLabel: string) =>
    `was published on ${removed.published.date} (commit ${removed.published.commit.slice(0, 10)}) and is no ` +
    'longer in the content folder: its page, feed items and machine-readable records are gone for the ' +
    'customers who relied on them. Restore it, or, if removing it was intended, record the withdrawal in ' +
    `${contentDirLabel}/withdrawn.yml (${removed.kind}: ${removed.id}, with its title, date and reason) so its ` +
    'address says why; to correct or close an incident or advisory, post an update or a revision instead',
  nothingToWithdraw: (kind: WithdrawnKind, id: string) =>
    `no file git published with the ${ADDRESS[kind].what} "${id}" has been removed, so there is nothing to ` +
    `withdraw: use the ${ADDRESS[kind].field} the removed file had (its warning names it), or remove this entry`,
  withdrawnTwice: (id: string, earlier: number) =>
    `"${id}" is already withdrawn by withdrawn[${earlier}]: a page is withdrawn once; remove one of the entries`,
  withdrawnButPresent: (id: string, kind: WithdrawnKind, file: string) =>
    `"${id}" is still in the content folder (${file}): a ${kind} cannot be published and withdrawn at one ` +
    `address. Remove ${file} to withdraw it, or remove this entry to keep it`,
  withdrawalAfterBuildDate: (date: string, buildDate: string) =>
    `${date} is after the build date ${buildDate}: a withdrawal is dated the day its file is removed`,
});

export function checkPublishedKept(documents: ParsedDocuments, context: RuleContext): void {
  const withdrawals = checkWithdrawals(documents, context);
  const history = context.history();
  if (history.state === 'checked') return;
  // Without the whole history (a shallow clone, no git) a removed file is not seen, and a
  // withdrawal is taken on trust.
  if (history.state !== 'complete') {
    context.skipped('removalsRecorded');
    return;
  }
  // A file moved before the move is committed still has its id (its file name) in the content.
  const present = new Set(
    [
      ...documents.products.filter((product) => parsed(product, ['slug'])).map((product) => product.data.slug),
      ...documents.incidents.filter((incident) => parsed(incident, ['id'])).map((incident) => incident.data.id),
      ...documents.advisories.filter((advisory) => parsed(advisory, ['id'])).map((advisory) => advisory.data.id),
      ...context.contentFiles.map((file) => path.basename(file, '.md')),
    ].map((name) => name.toLowerCase()),
  );
  const removedPages = new Set<string>();
  for (const removed of history.removedFiles(context.contentFiles)) {
    removedPages.add(pageKey(removed.kind, removed.id));
    if (present.has(path.basename(removed.file, '.md').toLowerCase())) continue;
    if (withdrawals.has(pageKey(removed.kind, removed.id))) continue;
    reportRemoved(removed, context);
  }
  const file = documents.withdrawn;
  if (!file) return;
  for (const [key, index] of withdrawals) {
    if (removedPages.has(key)) continue;
    const withdrawal = file.data.withdrawn[index]!;
    reportAt(
      context,
      'warning',
      file,
      ['withdrawn', index, withdrawal.kind],
      messages.nothingToWithdraw(withdrawal.kind, withdrawal.id),
    );
  }
}

function reportRemoved(removed: RemovedFile, context: RuleContext): void {
  reportIn(
    context,
    'warning',
    displayPath(removed.file),
    messages.removedWithoutRecord(removed, context.contentDirLabel),
  );
}

/**
 * The rules that need no history: each page is withdrawn once, on a day that has come, and only
 * once its file is gone (a page and its withdrawal would claim one address). Returns the pages
 * recorded as withdrawn, each with the index of its entry, leaving out entries already refused.
 */
function checkWithdrawals(documents: ParsedDocuments, context: RuleContext): Map<string, number> {
  const withdrawn = new Map<string, number>();
  const file = documents.withdrawn;
  if (!file) return withdrawn;
  const current = new Map<string, string>();
  for (const product of documents.products)
    if (parsed(product, ['slug'])) current.set(pageKey('product', product.data.slug), product.source.file);
  for (const incident of documents.incidents)
    if (parsed(incident, ['id'])) current.set(pageKey('incident', incident.data.id), incident.source.file);
  for (const advisory of documents.advisories)
    if (parsed(advisory, ['id'])) current.set(pageKey('advisory', advisory.data.id), advisory.source.file);
  const first = new Map<string, number>();
  // The list itself failed its schema (already reported).
  if (!Array.isArray(file.data.withdrawn)) return withdrawn;
  file.data.withdrawn.forEach((withdrawal, index) => {
    // An entry with a field that failed its schema is already reported; it withdraws nothing yet.
    if (!parsed(file, ['withdrawn', index])) return;
    const key = pageKey(withdrawal.kind, withdrawal.id);
    const at = ['withdrawn', index, withdrawal.kind];
    const earlier = first.get(key);
    if (earlier !== undefined) {
      reportAt(context, 'error', file, at, messages.withdrawnTwice(withdrawal.id, earlier));
      return;
    }
    first.set(key, index);
    const stillThere = current.get(key);
    if (stillThere) {
      reportAt(context, 'error', file, at, messages.withdrawnButPresent(withdrawal.id, withdrawal.kind, stillThere));
    } else withdrawn.set(key, index);
    if (withdrawal.date > context.buildDate) {
      reportAt(
        context,
        'error',
        file,
        ['withdrawn', index, 'date'],
        messages.withdrawalAfterBuildDate(withdrawal.date, context.buildDate),
      );
    }
  });
  return withdrawn;
}
