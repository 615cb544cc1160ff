/**
 * Live preview for editors (`npm run dev`): watches the content folder, re-checks it on every
 * change, prints the problems in the terminal exactly as `npm run check` does, and reloads the
 * browser. While the content has errors, every page and machine-readable file answers with the
 * list of problems (the same lines as `check`) and open pages show them in Vite's error overlay;
 * the dev server keeps running and the next good save brings the site back. It also serves the
 * machine-readable files, which a build writes itself rather than through Astro.
 * Production builds are untouched: they read contentlayer2's output (src/site/registry.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { h } from 'hastscript';
import { printProblems, summary } from '../cli/report.ts';
import type { CheckResult } from '../registry/loadRegistry.ts';
import type { Registry } from '../registry/types.ts';
import { machineFiles } from '../outputs/machineFiles.ts';
import { brandAssets } from '../pipeline/brandAssets.ts';
import { portalPublicDir } from '../registry/source/readContentFiles.ts';
import { BRAND_IMAGE_TYPES, brandImageType } from '../registry/schema/brand.ts';
import { formatProblem } from '../registry/problems.ts';
import { contentDir } from '../site/config.ts';
import { devContent, devContentGeneration, reloadDevContent } from '../site/devContent.ts';
import { serialiseHtml } from '../outputs/markup.ts';

/** Saves often come as several file events (write, rename); one check per burst is enough. */
const SETTLE_MS = 30;

/** The event by which a page asks for, and is told, the content read it should show. */
const CURRENT_CONTENT = 'trustline:current-content';

/**
 * In every page, in `astro dev`: a save can come while a page loads, after its content was read
 * and before its Vite client connects, and the reload the save sends then never reaches it. So
 * once connected, the page asks which content is current (Vite's client holds the question until
 * it is), and loads again if it shows an older read (src/layouts/Base.astro names it).
 */
const CURRENT_CONTENT_CLIENT = `if (import.meta.hot) {
  const shown = document.querySelector('meta[name="trustline-content"]')?.getAttribute('content');
  import.meta.hot.on('${CURRENT_CONTENT}', ({ generation }) => {
    if (shown && String(generation) !== shown) location.reload();
  });
  import.meta.hot.send('${CURRENT_CONTENT}', {});
}`;

/** Vite's dev server, as Astro hands it to integrations. */
type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

export function liveContent(): AstroIntegration {
  let publicDir = '';
  let base = '/';
  return {
    name: 'trustline:live-content',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, injectScript }) => {
        if (command !== 'dev') return;
        process.env['TRUSTLINE_DEV'] = '1';
        injectScript('page', CURRENT_CONTENT_CLIENT);
        // Build output and caches change during tests and builds; they are not sources.
        updateConfig({
          vite: { server: { watch: { ignored: ['**/.trustline/**', '**/dist/**', '**/.contentlayer/**'] } } },
        });
      },
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const watched = contentDir();
        report(reloadDevContent(), logger);
        server.watcher.add(watched);
        let timer: NodeJS.Timeout | undefined;
        const onContentEvent = (file: string) => {
          const relative = path.relative(watched, file);
          if (relative.startsWith('..') || path.isAbsolute(relative)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            logger.info(`content changed: ${relative}`);
            const result = reloadDevContent();
            report(result, logger);
            forgetStaticPaths(server);
            const client = server.environments.client.hot;
            if (result.registry) client.send({ type: 'full-reload', path: '*' });
            else client.send({ type: 'error', err: { message: problemList(result), stack: '', plugin: 'trustline' } });
          }, SETTLE_MS);
        };
        server.watcher.on('add', onContentEvent).on('change', onContentEvent).on('unlink', onContentEvent);
        server.environments.client.hot.on(CURRENT_CONTENT, (_question, client) =>
          client.send(CURRENT_CONTENT, { generation: devContentGeneration() }),
        );

        server.middlewares.use((request, response, next) => {
          const result = devContent();
          if (request.method !== 'GET') return next();
          if (!result.registry) {
            // Vite's modules and the files in public/ do not depend on the content; everything
            // else does, and a 404 would hide why it is missing.
            const pathname = pathnameOf(request.url);
            if (isViteRequest(pathname) || isPublicFile(publicDir, base, pathname)) return next();
            return isPage(pathname) ? sendProblemPage(response, result) : sendProblemText(response, result);
          }
          sendMachineFile(result.registry, request.url ?? '/', response).then((sent) => sent || next(), next);
        });
      },
    },
  };
}

/**
 * Astro's dev server calls a route's getStaticPaths once and keeps the paths and their props until
 * the route's module changes; the pages of products, incidents, advisories and policies take the
 * document they show from those props, and a content file is no module. This is the message
 * Astro's own content layer sends its page renderers when content changes: they drop the kept
 * paths, so the next request lists them, and their props, from the content just read.
 */
function forgetStaticPaths(server: DevServer): void {
  for (const [name, environment] of Object.entries(server.environments)) {
    if (name !== 'client') environment.hot.send('astro:content-changed', {});
  }
}

/**
 * The feeds, calendars, API, CSAF, security.txt and the brand's files: a build writes them beside Astro's pages
 * (src/pipeline/writeMachineFiles.ts); here the same list answers requests, rendering one file.
 */
async function sendMachineFile(registry: Registry, url: string, response: ServerResponse): Promise<boolean> {
  const pathname = pathnameOf(url);
  const { basePath } = registry.vendor.site;
  if (!pathname.startsWith(basePath)) return false;
  const wanted = pathname.slice(basePath.length);
  // The logo and favicon, from the portal's public/ folder beside content/ (src/pipeline/brandAssets.ts).
  if (brandAssets(registry.vendor).includes(wanted)) {
    response.setHeader('Content-Type', BRAND_IMAGE_TYPES[brandImageType(wanted)!]);
    response.end(readFileSync(path.join(portalPublicDir(contentDir()), wanted)));
    return true;
  }
  const file = (await machineFiles(registry)).find((candidate) => candidate.path === wanted);
  if (!file) return false;
  response.setHeader('Content-Type', file.contentType);
  response.end(await file.render());
  return true;
}

function pathnameOf(url = '/'): string {
  return decodeURIComponent(url.split('?')[0] ?? '/');
}

/** Vite's own modules and assets. */
function isViteRequest(pathname: string): boolean {
  return pathname.startsWith('/@') || pathname.includes('/node_modules/') || pathname.startsWith('/src/');
}

function isPublicFile(publicDir: string, base: string, pathname: string): boolean {
  if (!pathname.startsWith(base)) return false;
  const file = path.join(publicDir, pathname.slice(base.length));
  return file.startsWith(publicDir) && statSync(file, { throwIfNoEntry: false })?.isFile() === true;
}

function isPage(pathname: string): boolean {
  return pathname.endsWith('/') || pathname.endsWith('.html') || !path.posix.basename(pathname).includes('.');
}

function problemList(result: CheckResult): string {
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  return `${errors.length} content ${errors.length === 1 ? 'error' : 'errors'}:\n${errors.map((problem) => formatProblem(problem)).join('\n')}`;
}

/** A plain page with the problems; Vite's client reloads it once the content is fixed. */
function sendProblemPage(response: ServerResponse, result: CheckResult): void {
  response.statusCode = 500;
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  const page = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('title', 'Content errors'),
        h('script', { type: 'module', src: '/@vite/client' }),
      ]),
      h('body', [
        h('h1', 'The content has errors'),
        h('p', [
          'Fix them and save: this page reloads by itself. ',
          h('code', 'npm run check'),
          ' prints the same list.',
        ]),
        h('pre', problemList(result)),
      ]),
    ]),
  ]);
  response.end(serialiseHtml(page));
}

/** For feeds, calendars, the API and the other machine-readable files: the problems as text. */
function sendProblemText(response: ServerResponse, result: CheckResult): void {
  response.statusCode = 500;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(`${problemList(result)}\n`);
}

function report(result: CheckResult, logger: AstroIntegrationLogger): void {
  printProblems(result.problems);
  const line = `${summary(result.problems, result.files.length)} (as of ${result.registry?.buildDate ?? 'the build date'})`;
  if (result.registry) logger.info(`✔ content checked: ${line}`);
  else logger.error(`✖ content has errors: ${line}; pages show them until they are fixed`);
}
