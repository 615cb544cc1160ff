/**
 * The Trustline engine as an Astro integration: a portal's whole Astro configuration is
 * `integrations: [trustline()]`. It injects every page of the engine (src/routes/), adds React for
 * the islands and the sitemap, and sets what the site needs from the vendor's configuration
 * (content/vendor.yml: site address and base path) and from the build (src/pipeline/build.ts: the
 * output folder). The engine's default files in public/ (the favicon) are served and published
 * wherever the portal's own public/ has none.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { ENGINE_ROOT } from '../cli/projectPaths.ts';
import { contentReady } from '../pipeline/contentReady.ts';
import { cspDirectives } from '../pipeline/csp.ts';
import { carryOverPages } from '../pipeline/pageReuse.ts';
import { readVendorConfig, readWithdrawals } from '../registry/vendorConfig.ts';
import { contentDir } from '../site/config.ts';
import { absoluteUrl, withdrawnPath } from '../site/urls.ts';
import { liveContent } from './liveContent.ts';

const ROUTES_DIR = path.join(ENGINE_ROOT, 'src', 'routes');
const ENGINE_PUBLIC_DIR = path.join(ENGINE_ROOT, 'public');

/**
 * Astro's build options for every portal; the benchmark's bare Astro project (scripts/bench/floor.ts)
 * uses the same. Four pages in flight: rendering overlaps the writes of finished pages
 * (docs/benchmarks.md has the figures). Output is unchanged: each page is one file.
 */
export const BUILD_OPTIONS = { format: 'directory', inlineStylesheets: 'never', concurrency: 4 } as const;

/** Every file below `dir`, as POSIX paths relative to it. */
function filesBelow(dir: string, relative = ''): string[] {
  if (!existsSync(path.join(dir, relative))) return [];
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesBelow(dir, child) : [child];
  });
}

/** A route file's URL pattern, as Astro derives it from src/pages/: `products/[slug]/index.astro` → `/products/[slug]`. */
export function routePattern(file: string): string {
  const segments = file.replace(/\.astro$/, '').split('/');
  if (segments.at(-1) === 'index') segments.pop();
  return `/${segments.join('/')}`;
}

export default function trustline(): AstroIntegration {
  let publicDir = '';
  let siteUrl = '';
  const carriedPages: string[] = [];
  return {
    name: 'trustline',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, updateConfig }) => {
        for (const file of filesBelow(ROUTES_DIR)
          .filter((name) => name.endsWith('.astro'))
          .sort())
          injectRoute({ pattern: routePattern(file), entrypoint: path.join(ROUTES_DIR, file) });

        const vendor = readVendorConfig(contentDir());
        // A withdrawn page says why its content is gone; it is no page to offer search engines.
        const withdrawnPages = new Set(
          vendor
            ? readWithdrawals(contentDir()).map((withdrawal) => absoluteUrl(vendor, withdrawnPath(withdrawal)))
            : [],
        );
        const outDir = process.env['TRUSTLINE_OUT_DIR'];
        updateConfig({
          site: vendor?.site.url ?? 'https://trust.example.com',
          base: vendor?.site.basePath ?? '/',
          trailingSlash: 'always',
          output: 'static',
          ...(outDir ? { outDir: pathToFileURL(`${path.resolve(fileURLToPath(config.root), outDir)}/`) } : {}),
          build: BUILD_OPTIONS,
          integrations: [
            react(),
            // The sitemap lists the pages Astro rendered and those a warm build carried over.
            sitemap({ customPages: carriedPages, filter: (page) => !withdrawnPages.has(page) }),
            liveContent(),
          ],
          devToolbar: { enabled: false },
          // A strict CSP on every page: Astro hashes the scripts and styles it emits (src/pipeline/csp.ts).
          security: { csp: { algorithm: 'SHA-256', directives: [...cspDirectives] } },
          vite: {
            // Never inline small scripts or assets: page scripts stay external files, as a strict CSP needs.
            build: { assetsInlineLimit: 0 },
            plugins: [
              {
                // Bundled while the build checks and ingests the content; rendering waits for it
                // (src/pipeline/contentReady.ts). Vite runs a 'post' buildApp hook after its own
                // bundling, and this one before Astro's own (which renders the pages).
                name: 'trustline:content-ready',
                buildApp: { order: 'post', handler: contentReady },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        // The site's root, as the sitemap writes it: with a trailing slash.
        const root = new URL(config.base, config.site);
        if (!root.pathname.endsWith('/')) root.pathname += '/';
        siteUrl = root.href;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const file = engineDefaultFor(publicDir, request.url ?? '/', server.config.base);
          if (!file) return next();
          response.setHeader('Content-Type', file.endsWith('.svg') ? 'image/svg+xml' : 'image/x-icon');
          response.end(readFileSync(file));
        });
      },
      'astro:build:done': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        // Pages whose inputs did not change were left out of the render (src/pipeline/pageReuse.ts);
        // this hook runs before the sitemap's, which lists them too.
        carriedPages.push(...carryOverPages(outDir).map((page) => new URL(page, siteUrl).href));
        for (const file of filesBelow(ENGINE_PUBLIC_DIR)) {
          const target = path.join(outDir, file);
          if (existsSync(target)) continue;
          mkdirSync(path.dirname(target), { recursive: true });
          copyFileSync(path.join(ENGINE_PUBLIC_DIR, file), target);
        }
      },
    },
  };
}

/** The engine's default file a dev-server request names, when the portal's public/ has none of that name. */
function engineDefaultFor(publicDir: string, url: string, base: string): string | undefined {
  const pathname = decodeURIComponent(url.split('?')[0] ?? '/');
  if (!pathname.startsWith(base)) return undefined;
  const relative = pathname.slice(base.length).replace(/^\/+/, '');
  if (!relative || relative.includes('..')) return undefined;
  const engineFile = path.join(ENGINE_PUBLIC_DIR, relative);
  if (statSync(engineFile, { throwIfNoEntry: false })?.isFile() !== true) return undefined;
  return existsSync(path.join(publicDir, relative)) ? undefined : engineFile;
}
