/** /robots.txt: everything may be crawled; the sitemap lists every page (sitemaps.org protocol). */
import type { APIRoute } from 'astro';
import { getRegistry } from '../site/registry.ts';
import { absoluteUrl } from '../site/urls.ts';

export const GET: APIRoute = () => {
  const { vendor } = getRegistry();
  const body = `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(vendor, 'sitemap-index.xml')}\n`;
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
