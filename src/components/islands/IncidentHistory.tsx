/**
 * Incident history grouped by month. Server-rendered in full (works without JavaScript); once
 * hydrated, a product filter narrows it and a live region says how many incidents match.
 */
import { useEffect, useState } from 'react';
import type { IncidentHistoryMonth } from '../../site/view/incidentHistory.ts';
import { Badge } from './Badge.tsx';

interface Props {
  months: readonly IncidentHistoryMonth[];
  products: readonly { slug: string; name: string }[];
}

export default function IncidentHistory({ months, products }: Props) {
  const [product, setProduct] = useState('');
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const total = months.reduce((count, month) => count + month.incidents.length, 0);
  const shown = months
    .map((month) => ({
      ...month,
      incidents: month.incidents.filter(
        (incident) => product === '' || incident.products.some((affected) => affected.slug === product),
      ),
    }))
    .filter((month) => month.incidents.length > 0);
  const count = shown.reduce((sum, month) => sum + month.incidents.length, 0);

  return (
    <div>
      {interactive && (
        <div className="controls" role="search" aria-label="Filter incidents">
          <div>
            <label htmlFor="incident-product">Product</label>
            <select id="incident-product" value={product} onChange={(event) => setProduct(event.target.value)}>
              <option value="">All products</option>
              {products.map((option) => (
                <option key={option.slug} value={option.slug}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <p className="muted" role="status">
        {count === total ? `${total} incidents and maintenance windows` : `${count} of ${total} match`}
      </p>
      {shown.map((month) => (
        <section key={month.month} aria-labelledby={`month-${month.month}`}>
          <h2 id={`month-${month.month}`}>{month.label}</h2>
          <ul className="stack">
            {month.incidents.map((incident) => (
              <li key={incident.id}>
                <h3 className="item-title">
                  <a href={incident.href}>{incident.title}</a>
                </h3>
                <p className="meta">
                  <Badge status={incident.state} /> <Badge status={incident.impact} />{' '}
                  <span>
                    {incident.kindWord} {incident.id}
                  </span>{' '}
                  <span>
                    {incident.start.map((part, index) =>
                      part.datetime === undefined ? (
                        part.text
                      ) : (
                        <time key={index} dateTime={part.datetime}>
                          {part.text}
                        </time>
                      ),
                    )}
                  </span>
                </p>
                <p className="meta">Affects: {incident.products.map((affected) => affected.name).join(', ')}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
