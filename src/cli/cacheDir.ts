/** The cache folder of one content folder, in the portal: contentlayer2's cache and check's parse cache. */
import { createHash } from 'node:crypto';
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
