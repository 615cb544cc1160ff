/** `check` as the commands run it (npm run check, the build): with its content folder's parse cache. */
import path from 'node:path';
import { checkContent, defaultContentDir, type CheckResult } from '../registry/loadRegistry.ts';
import { enableParseCache, saveParseCache } from '../registry/source/parseCache.ts';
import { parseCacheFile } from './cacheDir.ts';

export function checkWithParseCache(options: {
  contentDir?: string | undefined;
  buildDate?: string | undefined;
  requireHistory?: boolean | undefined;
}): CheckResult {
  enableParseCache(parseCacheFile(path.resolve(options.contentDir ?? defaultContentDir())));
  const result = checkContent(options);
  saveParseCache();
  return result;
}
