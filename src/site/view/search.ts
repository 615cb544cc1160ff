/**
 * Starts Pagefind's default search UI (loaded by the search page from /pagefind/pagefind-ui.js as
 * an external classic script, which defines `window.PagefindUI`). Kept in a module file so the page
 * carries no inline script (CSP `script-src 'self'`).
 */
interface PagefindUIOptions {
  element: string;
  showImages: boolean;
  showSubResults: boolean;
  autofocus: boolean;
  /** The index's other parts (src/site/searchParts.ts), searched with the first. */
  mergeIndex?: { bundlePath: string }[];
}

interface PagefindUIInstance {
  triggerSearch(term: string): void;
}

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
  }
}

/**
 * Starts the search UI over every part of the index the element names (`data-merge-index`), and
 * searches the address's `q` parameter, if any (`/search/?q=gateway`).
 */
export function startSearch(selector: string): void {
  const PagefindUI = window.PagefindUI;
  if (!PagefindUI) return;
  const parts = document.querySelector<HTMLElement>(selector)?.dataset['mergeIndex'];
  const ui = new PagefindUI({
    element: selector,
    showImages: false,
    showSubResults: true,
    autofocus: true,
    ...(parts && { mergeIndex: (JSON.parse(parts) as string[]).map((bundlePath) => ({ bundlePath })) }),
  });
  const query = new URLSearchParams(window.location.search).get('q')?.trim();
  if (query) ui.triggerSearch(query);
}
