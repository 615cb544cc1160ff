/**
 * The address of a page or file of this site for a link inside a page: the vendor's base path
 * ("/trust/") and a path from `paths` (urls.ts). Every internal link in the pages, layouts and
 * components goes through it, so none re-declares the base path.
 */
import { getRegistry } from './registry.ts';
import { sitePath } from './urls.ts';

/** "/trust/products/gateway/" for `href(paths.product('gateway'))` on a site served under /trust/. */
export function href(relativePath: string): string {
  return sitePath(getRegistry().vendor, relativePath);
}
