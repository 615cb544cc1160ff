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
}

interface PagefindUIInstance {
  triggerSearch(term: string): void;
}

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => PagefindUIInstance;
  }
}

/** Starts the search UI and searches the address's `q` parameter, if any (`/search/?q=gateway`). */
export function startSearch(selector: string): void {
  const PagefindUI = window.PagefindUI;
  if (!PagefindUI) return;
  const ui = new PagefindUI({ element: selector, showImages: false, showSubResults: true, autofocus: true });
  const query = new URLSearchParams(window.location.search).get('q')?.trim();
  if (query) ui.triggerSearch(query);
}
