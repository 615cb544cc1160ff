/**
 * The catalogue as the island receives it: only what the list shows, already worded, so the
 * browser gets no Registry and no date logic. `matches` is the filter, shared by server and browser.
 */
import type { Registry } from '../../registry/types.ts';
import { paths, sitePath } from '../urls.ts';
import { formatCalendarDate } from './dates.ts';
import { productStatusView, releaseLineStatusPhrase, releaseLineStatusView, type StatusView } from './status.ts';
import type { ProductStatus } from '../../registry/types.ts';

export interface CatalogueEntry {
  readonly slug: string;
  readonly name: string;
  readonly summary: string;
  readonly category: string;
  readonly status: ProductStatus;
  readonly statusView: StatusView;
  readonly href: string;
  readonly releaseLines: readonly {
    readonly name: string;
    readonly phrase: string;
    /** The date the phrase ends with, ISO and in words, for `<time>`. */
    readonly date: { readonly iso: string; readonly text: string } | undefined;
    readonly statusView: StatusView;
  }[];
  /** Lower-cased text the search box matches against. */
  readonly searchText: string;
  /**
   * The part of searchText a card does not show (identifiers, release line names): the card
   * carries it for the filter island, which reads the rest (name, summary, category) from the card.
   */
  readonly searchExtra: string;
}

export function catalogueEntries(registry: Pick<Registry, 'products' | 'vendor'>): CatalogueEntry[] {
  return registry.products.map((product) => ({
    slug: product.slug,
    name: product.name,
    summary: product.summary,
    category: product.category,
    status: product.status,
    statusView: productStatusView(product.status),
    href: sitePath(registry.vendor, paths.product(product.slug)),
    releaseLines: product.releaseLines.map((line) => {
      const phrase = releaseLineStatusPhrase(line);
      return {
        name: line.name,
        phrase: phrase.text,
        date: phrase.date === undefined ? undefined : { iso: phrase.date, text: formatCalendarDate(phrase.date) },
        statusView: releaseLineStatusView(line.status),
      };
    }),
    searchText: [product.name, product.summary, product.category, ...searchExtraOf(product)].join(' ').toLowerCase(),
    searchExtra: searchExtraOf(product).join(' ').toLowerCase(),
  }));
}

function searchExtraOf(product: Registry['products'][number]): string[] {
  return [
    product.identifiers.purl ?? '',
    product.identifiers.cpe ?? '',
    ...product.releaseLines.map((line) => line.name),
  ];
}

export interface CatalogueFilter {
  readonly text: string;
  /** '' for any. */
  readonly status: ProductStatus | '';
  /** '' for any. */
  readonly category: string;
}

/** What the filter reads of a product: all the island needs (it reads it from the server-rendered cards). */
export type FilterableEntry = Pick<CatalogueEntry, 'status' | 'category' | 'searchText'>;

/**
 * Above this many products the catalogue is one line per product instead of a card with its
 * release lines (each product page has them): 1,000 cards made a 5 MB page.
 */
export const CATALOGUE_RELEASE_LINES_LIMIT = 50;

/** Every word typed must appear somewhere in the entry; status and category must match exactly. */
export function matches(entry: FilterableEntry, filter: CatalogueFilter): boolean {
  if (filter.status !== '' && entry.status !== filter.status) return false;
  if (filter.category !== '' && entry.category !== filter.category) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => entry.searchText.includes(word));
}

export function categoriesOf(entries: readonly Pick<CatalogueEntry, 'category'>[]): string[] {
  return [...new Set(entries.map((entry) => entry.category))].sort((a, b) => a.localeCompare(b, 'en'));
}

/** "category-identity-and-access": an anchor for each category heading. */
export function categoryAnchor(category: string): string {
  return `category-${category
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}
