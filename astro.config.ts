import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { cspDirectives } from './src/pipeline/csp.ts';
import { readVendorConfig, readWithdrawals } from './src/registry/vendorConfig.ts';
import { liveContent } from './src/integrations/liveContent.ts';
import { contentDir } from './src/site/config.ts';
import { absoluteUrl, withdrawnPath } from './src/site/urls.ts';

const vendor = readVendorConfig(contentDir());
/** A withdrawn page says why its content is gone; it is no page to offer search engines. */
const withdrawnPages = new Set(
  vendor ? readWithdrawals(contentDir()).map((withdrawal) => absoluteUrl(vendor, withdrawnPath(withdrawal))) : [],
);

export default defineConfig({
  site: vendor?.site.url ?? 'https://trust.example.com',
  base: vendor?.site.basePath ?? '/',
  trailingSlash: 'always',
  output: 'static',
  outDir: process.env['TRUSTLINE_OUT_DIR'] ?? 'dist',
  // Four pages in flight: rendering overlaps the writes of finished pages (docs/benchmarks.md has
  // the figures). Output is unchanged: each page is one file.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [react(), sitemap({ filter: (page) => !withdrawnPages.has(page) }), liveContent()],
  devToolbar: { enabled: false },
  // A strict CSP on every page: Astro hashes the scripts and styles it emits (src/pipeline/csp.ts).
  security: { csp: { algorithm: 'SHA-256', directives: [...cspDirectives] } },
  // Never inline small scripts or assets: page scripts stay external files, as a strict CSP needs.
  vite: { build: { assetsInlineLimit: 0 } },
});
