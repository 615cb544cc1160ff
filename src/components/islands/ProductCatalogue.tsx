/**
 * The catalogue with filters. Server-rendered with every product grouped by category (so it works
 * without JavaScript, with anchor links to each category); once hydrated, the filters narrow the
 * list as the reader types, and a live region says how many products match (WCAG 4.1.3).
 */
import { useEffect, useState } from 'react';
import type { ProductStatus } from '../../registry/types.ts';
import {
  categoriesOf,
  categoryAnchor,
  matches,
  type CatalogueEntry,
  type CatalogueFilter,
} from '../../site/view/catalogue.ts';
import { productStatusWords } from '../../site/view/status.ts';
import { Badge } from './Badge.tsx';

interface Props {
  entries: readonly CatalogueEntry[];
}

const statusOptions = Object.entries(productStatusWords) as [ProductStatus, string][];

export default function ProductCatalogue({ entries }: Props) {
  const [filter, setFilter] = useState<CatalogueFilter>({ text: '', status: '', category: '' });
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const categories = categoriesOf(entries);
  const shown = entries.filter((entry) => matches(entry, filter));
  const groups = categories
    .map((category) => ({ category, entries: shown.filter((entry) => entry.category === category) }))
    .filter((group) => group.entries.length > 0);

  return (
    <div className="catalogue">
      {interactive ? (
        <div className="controls" role="search" aria-label="Filter products">
          <div>
            <label htmlFor="catalogue-text">Search products</label>
            <input
              id="catalogue-text"
              type="search"
              value={filter.text}
              onChange={(event) => setFilter({ ...filter, text: event.target.value })}
            />
          </div>
          <div>
            <label htmlFor="catalogue-status">Status</label>
            <select
              id="catalogue-status"
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
      ) : (
        <nav aria-label="Categories">
          <ul className="legend">
            {categories.map((category) => (
              <li key={category}>
                <a href={`#${categoryAnchor(category)}`}>{category}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p className="muted" role="status">
        {shown.length === entries.length
          ? `${entries.length} products`
          : `${shown.length} of ${entries.length} products match`}
      </p>
      {groups.map((group) => (
        <section key={group.category} aria-labelledby={categoryAnchor(group.category)}>
          <h2 id={categoryAnchor(group.category)}>{group.category}</h2>
          <ul className="cards">
            {group.entries.map((entry) => (
              <li key={entry.slug} className="card">
                <h3>
                  <a href={entry.href}>{entry.name}</a>
                </h3>
                <p>
                  <Badge status={entry.statusView} />
                </p>
                <p>{entry.summary}</p>
                <ul className="lines">
                  {entry.releaseLines.map((line) => (
                    <li key={line.name}>
                      <strong>{line.name}</strong>: {line.phrase}
                      {line.date && (
                        <>
                          {' '}
                          <time dateTime={line.date.iso}>{line.date.text}</time>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
