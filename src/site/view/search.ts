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

declare global {
  interface Window {
    PagefindUI?: new (options: PagefindUIOptions) => unknown;
  }
}

export function startSearch(selector: string): void {
  const PagefindUI = window.PagefindUI;
  if (!PagefindUI) return;
  new PagefindUI({ element: selector, showImages: false, showSubResults: true, autofocus: true });
}
