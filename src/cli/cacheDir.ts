/** The portal's cache folders: one per content folder (contentlayer2's cache, check's parse cache), and compiled modules. */
import { createHash } from 'node:crypto';
import module from 'node:module';
import path from 'node:path';
import { projectRoot } from './projectPaths.ts';

export function contentCacheDir(contentDir: string): string {
  return path.join(
    projectRoot(),
    '.trustline',
    'cache',
    createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 16),
  );
}

/** check's parsed front matter (src/registry/source/parseCache.ts). */
export const parseCacheFile = (contentDir: string): string =>
  path.join(contentCacheDir(contentDir), 'parsed-front-matter.v8');

/**
 * Node's cache of compiled modules (NODE_COMPILE_CACHE): each build starts several processes that
 * load the same thousands of modules (Astro and Vite, contentlayer2, the engine); compiled once,
 * they load in about half the time. Keyed by each module's content, so it is never stale.
 */
export const compiledModulesDir = (): string => path.join(projectRoot(), '.trustline', 'cache', 'compiled-modules');

/** Caches compiled modules for this process and every process and worker it starts. */
export function cacheCompiledModules(): void {
  process.env['NODE_COMPILE_CACHE'] ??= compiledModulesDir();
  module.enableCompileCache(process.env['NODE_COMPILE_CACHE']);
}
