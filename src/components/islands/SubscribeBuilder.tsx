/**
 * Pick topics and products, get the feed and calendar addresses to paste into a reader or a
 * calendar app. Server-rendered with "Everything" chosen, so without JavaScript the page still
 * gives the main addresses (and the page lists every feed below). The boxes are disabled until the
 * island is live: a box ticked before then would do nothing, and its tick would be lost.
 */
import { useState } from 'react';
import { useHydrated } from './useHydrated.ts';
import { chosenSubscriptions, type SubscriptionChoices } from '../../site/view/subscriptions.ts';

interface Props {
  choices: SubscriptionChoices;
}

function toggle(set: ReadonlySet<string>, value: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

export default function SubscribeBuilder({ choices }: Props) {
  const [topics, setTopics] = useState<ReadonlySet<string>>(new Set(['all']));
  const [products, setProducts] = useState<ReadonlySet<string>>(new Set());
  const live = useHydrated();
  const chosen = chosenSubscriptions(choices, topics, products);

  return (
    <div className="subscribe">
      <fieldset>
        <legend>Topics</legend>
        <ul className="checks">
          {choices.topics.map(({ topic, label }) => (
            <li key={topic}>
              <label>
                <input
                  type="checkbox"
                  disabled={!live}
                  checked={topics.has(topic)}
                  onChange={(event) => setTopics(toggle(topics, topic, event.target.checked))}
                />
                {label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>Products</legend>
        <ul className="checks">
          {choices.products.map(({ slug, name }) => (
            <li key={slug}>
              <label>
                <input
                  type="checkbox"
                  disabled={!live}
                  checked={products.has(slug)}
                  onChange={(event) => setProducts(toggle(products, slug, event.target.checked))}
                />
                {name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <h2 id="your-addresses">Your addresses</h2>
      <p className="muted" role="status">
        {chosen.length} addresses
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Your addresses">
        <table aria-labelledby="your-addresses">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Format</th>
              <th scope="col">Address</th>
            </tr>
          </thead>
          <tbody>
            {chosen.map((subscription) => (
              <tr key={subscription.url}>
                <td>{subscription.label}</td>
                <td>{subscription.kind}</td>
                <td>
                  <a href={subscription.url}>
                    <code>{subscription.url}</code>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
