/** Every reference resolves: support levels, successors, affected products and release lines. */
import { messageCatalogue, type FieldPath } from '../problems.ts';
import type { ProductData } from '../schema/product.ts';
import { parsed, parsedInEvery, reportAt, type Parsed, type ParsedDocuments, type RuleContext } from './context.ts';

/** The rule's messages. */
export const messages = messageCatalogue({
  unknownProduct: (slug: string, slugs: string[]) => `there is no product "${slug}": ${known(slugs, 'products')}`,
  unknownReleaseLine: (productName: string, name: string, names: string[]) =>
    `${productName} has no release line "${name}": ${known(names, 'its release lines')}`,
  unknownSupportLevel: (level: string, levelIds: string[]) =>
    `unknown support level "${level}": ${known(levelIds, 'the levels in content/support-levels.yml')}`,
  successorIsItself: () => 'a release line cannot succeed itself: name the line customers should move to',
});

export function checkReferences(documents: ParsedDocuments, context: RuleContext): void {
  // Names that failed their schema are already reported: while any is missing from a list, a name
  // the list lacks may be that one, so it is not reported again as unknown.
  const supportLevels = documents.supportLevels;
  const levels = supportLevels?.data.levels ?? [];
  const levelIds =
    supportLevels && parsedInEvery(supportLevels, ['levels'], levels, 'id')
      ? levels.map((level) => level.id)
      : undefined;
  const products = new Map(
    documents.products.filter((product) => parsed(product, ['slug'])).map((product) => [product.data.slug, product]),
  );

  const releaseLineMissing = (document: Parsed<unknown>, path: FieldPath, productSlug: string, name: string): void => {
    const product = products.get(productSlug);
    if (!product) {
      if (documents.someProductInvalid) return;
      reportAt(context, 'error', document, path, messages.unknownProduct(productSlug, [...products.keys()]));
      return;
    }
    const { releases } = product.data;
    if (!parsedInEvery(product, ['releases'], releases, 'name')) return;
    if (!releases.some((releaseLine) => releaseLine.name === name)) {
      const productName = parsed(product, ['name']) ? product.data.name : `"${productSlug}"`;
      reportAt(
        context,
        'error',
        document,
        path,
        messages.unknownReleaseLine(
          productName,
          name,
          releases.map((r) => r.name),
        ),
      );
    }
  };

  for (const product of documents.products) {
    product.data.releases.forEach((releaseLine, index) => {
      releaseLine.phases.forEach((phase, phaseIndex) => {
        const path = ['releases', index, 'phases', phaseIndex, 'level'];
        if (levelIds && parsed(product, path) && !levelIds.includes(phase.level)) {
          reportAt(context, 'error', product, path, messages.unknownSupportLevel(phase.level, levelIds));
        }
      });
      const path = ['releases', index, 'successor'];
      // A successor in the same product is found by the product's slug and the line's own name.
      if (releaseLine.successor && parsed(product, path, ['slug'], ['releases', index, 'name'])) {
        const [productSlug, name] = splitSuccessor(releaseLine.successor, product.data);
        if (productSlug === product.data.slug && name === releaseLine.name) {
          reportAt(context, 'error', product, path, messages.successorIsItself());
        } else releaseLineMissing(product, path, productSlug, name);
      }
    });
  }

  for (const incident of documents.incidents) {
    incident.data.affects.forEach((affected, index) => {
      if (!parsed(incident, ['affects', index, 'product'])) return;
      if (!products.has(affected.product)) {
        releaseLineMissing(incident, ['affects', index, 'product'], affected.product, '');
        return;
      }
      // Holes are the names that failed: forEach skips them.
      affected.releases?.forEach((name, lineIndex) =>
        releaseLineMissing(incident, ['affects', index, 'releases', lineIndex], affected.product, name),
      );
    });
  }

  for (const advisory of documents.advisories) {
    advisory.data.affects.forEach((affected, index) => {
      const path = ['affects', index, products.has(affected.product) ? 'release' : 'product'];
      if (!parsed(advisory, ['affects', index, 'product'], path)) return;
      releaseLineMissing(advisory, path, affected.product, affected.release);
    });
  }

  // A notification channel's product filter names products, as a feed's does.
  const vendor = documents.vendor;
  vendor?.data.notifications?.channels.forEach((channel, index) => {
    channel.products?.forEach((productSlug, slugIndex) => {
      const path = ['notifications', 'channels', index, 'products', slugIndex];
      if (!parsed(vendor, path) || products.has(productSlug) || documents.someProductInvalid) return;
      reportAt(context, 'error', vendor, path, messages.unknownProduct(productSlug, [...products.keys()]));
    });
  });
}

/** "6.x" is a line of the same product; "other-product/2.x" of another. */
export function splitSuccessor(successor: string, product: Pick<ProductData, 'slug'>): [string, string] {
  const slash = successor.indexOf('/');
  return slash === -1 ? [product.slug, successor] : [successor.slice(0, slash), successor.slice(slash + 1)];
}

function known(names: string[], what: string): string {
  if (names.length === 0) return `there are no ${what}`;
  const shown = names.length > 12 ? [...names.slice(0, 12), '...'] : names;
  return `${what} are ${shown.map((name) => `"${name}"`).join(', ')}`;
}
