/**
 * False in the server-rendered HTML and until the island has hydrated, then true. Controls that
 * only work once the island is live are disabled until then: a choice made earlier would do
 * nothing, and be lost when React takes over the page.
 */
import { useEffect, useState } from 'react';

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
