/** Every reference resolves: support levels, successors, affected products and release lines. */
import type { FieldPath } from '../problems.ts';
import type { ProductData } from '../schema/product.ts';
import { reportAt, type RuleContext, type Valid, type ValidDocuments } from './context.ts';

export function checkReferences(documents: ValidDocuments, context: RuleContext): void {
  const levelIds = documents.supportLevels?.data.levels.map((level) => level.id);
  const products = new Map(documents.products.map((product) => [product.data.slug, product.data]));

  const releaseLineMissing = (document: Valid<unknown>, path: FieldPath, productSlug: string, name: string): void => {
    const product = products.get(productSlug);
    if (!product) {
      if (documents.someProductInvalid) return;
      reportAt(
        context,
        'error',
        document,
        path,
        `there is no product "${productSlug}": ${known([...products.keys()], 'products')}`,
      );
    } else if (!product.releases.some((releaseLine) => releaseLine.name === name)) {
      reportAt(
        context,
        'error',
        document,
        path,
        `${product.name} has no release line "${name}": ${known(
          product.releases.map((r) => r.name),
          'its release lines',
        )}`,
      );
    }
  };

  for (const product of documents.products) {
    product.data.releases.forEach((releaseLine, index) => {
      releaseLine.phases.forEach((phase, phaseIndex) => {
        if (levelIds && !levelIds.includes(phase.level)) {
          reportAt(
            context,
            'error',
            product,
            ['releases', index, 'phases', phaseIndex, 'level'],
            `unknown support level "${phase.level}": ${known(levelIds, 'the levels in content/support-levels.yml')}`,
          );
        }
      });
      if (releaseLine.successor) {
        const [productSlug, name] = splitSuccessor(releaseLine.successor, product.data);
        const path = ['releases', index, 'successor'];
        if (productSlug === product.data.slug && name === releaseLine.name) {
          reportAt(
            context,
            'error',
            product,
            path,
            'a release line cannot succeed itself: name the line customers should move to',
          );
        } else releaseLineMissing(product, path, productSlug, name);
      }
    });
  }

  for (const incident of documents.incidents) {
    incident.data.affects.forEach((affected, index) => {
      if (!products.has(affected.product)) {
        releaseLineMissing(incident, ['affects', index, 'product'], affected.product, '');
        return;
      }
      affected.releases?.forEach((name, lineIndex) =>
        releaseLineMissing(incident, ['affects', index, 'releases', lineIndex], affected.product, name),
      );
    });
  }

  for (const advisory of documents.advisories) {
    advisory.data.affects.forEach((affected, index) => {
      const path = ['affects', index, products.has(affected.product) ? 'release' : 'product'];
      releaseLineMissing(advisory, path, affected.product, affected.release);
    });
  }
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
