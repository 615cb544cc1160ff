/**
 * The catalogue's filters. The cards are server-rendered by ProductCards.astro, grouped by
 * category (so the list works without JavaScript, with anchor links to each category); this
 * island gets only the category names and the count, and reads what it filters on (status,
 * category, search text) from the cards' data attributes, so a large catalogue is not sent twice.
 * Once hydrated, the filters narrow the list as the reader types, and a live region says how many
 * products match (WCAG 4.1.3). The filters are rendered from the start, disabled until the island
 * is live, so the list does not move down when they appear (a layout shift); the stylesheet shows
 * them only where scripts run, and the category links only where they do not.
 */
import { useEffect, useRef, useState } from 'react';
import { useHydrated } from './useHydrated.ts';
import type { ProductStatus } from '../../registry/types.ts';
import { categoryAnchor, matches, type CatalogueFilter } from '../../site/view/catalogue.ts';
import { productStatusWords } from '../../site/view/status.ts';

interface Props {
  /** Category names, sorted. */
  categories: readonly string[];
  total: number;
  /** The id of the element holding the server-rendered category sections. */
  listId: string;
}

interface CategoryGroup {
  section: HTMLElement;
  list: HTMLElement;
  cards: HTMLElement[];
}

const statusOptions = Object.entries(productStatusWords) as [ProductStatus, string][];

/** The category sections and their cards as the server rendered them, read once. */
function readGroups(listId: string): CategoryGroup[] {
  const root = document.getElementById(listId);
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>('section[data-category]')].map((section) => ({
    section,
    list: section.querySelector<HTMLElement>('ul[data-cards]')!,
    cards: [...section.querySelectorAll<HTMLElement>('li[data-search]')],
  }));
}

/** What catalogueEntries puts in searchText, read back from a card: name, summary, category, extras. */
function searchTextOf(card: HTMLElement, category: string): string {
  const name = card.querySelector('a')?.textContent ?? '';
  const summary = card.querySelector('[data-summary]')?.textContent ?? '';
  return [name, summary, category, card.dataset['search'] ?? ''].join(' ').toLowerCase();
}

export default function ProductCatalogue({ categories, total, listId }: Props) {
  const [filter, setFilter] = useState<CatalogueFilter>({ text: '', status: '', category: '' });
  const interactive = useHydrated();
  const [count, setCount] = useState(total);
  const groups = useRef<CategoryGroup[] | undefined>(undefined);
  useEffect(() => {
    groups.current ??= readGroups(listId);
    let shownCount = 0;
    for (const group of groups.current) {
      const category = group.section.dataset['category'] ?? '';
      const shown = group.cards.filter((card) =>
        matches(
          {
            status: card.dataset['status'] as ProductStatus,
            category,
            searchText: searchTextOf(card, category),
          },
          filter,
        ),
      );
      // Cards that do not match leave the document (not just the view), in their original order.
      group.list.replaceChildren(...shown);
      group.section.hidden = shown.length === 0;
      shownCount += shown.length;
    }
    setCount(shownCount);
  }, [filter, listId]);

  return (
    <>
      <nav aria-label="Categories" className="catalogue-categories">
        <ul className="legend">
          {categories.map((category) => (
            <li key={category}>
              <a href={`#${categoryAnchor(category)}`}>{category}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="controls catalogue-filters" role="search" aria-label="Filter products">
        <div>
          <label htmlFor="catalogue-text">Search products</label>
          <input
            id="catalogue-text"
            disabled={!interactive}
            type="search"
            value={filter.text}
            onChange={(event) => setFilter({ ...filter, text: event.target.value })}
          />
        </div>
        <div>
          <label htmlFor="catalogue-status">Status</label>
          <select
            id="catalogue-status"
            disabled={!interactive}
            value={filter.status}
            onChange={(event) => setFilter({ ...filter, status: event.target.value as ProductStatus | '' })}
          >
            <option value="">Any status</option>
            {statusOptions.map(([value, word]) => (
              <option key={value} value={value}>
                {word}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="catalogue-category">Category</label>
          <select
            id="catalogue-category"
            disabled={!interactive}
            value={filter.category}
            onChange={(event) => setFilter({ ...filter, category: event.target.value })}
          >
            <option value="">Any category</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted" role="status">
        {count === total ? `${total} products` : `${count} of ${total} products match`}
      </p>
    </>
  );
}
