/**
 * The last steps before a built site is published: island ids made independent of the project's
 * folder (src/build/islandIds.ts), host files, then the manifest of it all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, buildManifest, listFiles } from './manifest.ts';
import { netlifyHeaders, nginxSnippet, siteWidePolicy } from './hostHeaders.ts';
import { withPathIndependentIslandIds } from './islandIds.ts';

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

export function finaliseSite(
  siteDir: string,
  build: { buildDate: string; buildTime: string; contentDir: string; basePath: string },
): void {
  const pagePolicies = listFiles(siteDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(path.join(siteDir, file), 'utf8');
      const published = withPathIndependentIslandIds(html);
      if (published !== html) writeFileSync(path.join(siteDir, file), published);
      return META_CSP.exec(published)?.[1]?.replace(/&#39;/g, "'");
    })
    .filter((policy): policy is string => policy !== undefined);
  const csp = siteWidePolicy(pagePolicies);
  writeFileSync(path.join(siteDir, '_headers'), netlifyHeaders(build.basePath, csp));
  writeFileSync(path.join(siteDir, '_headers.nginx.conf'), nginxSnippet(build.basePath, csp));
  // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders starting with "_".
  writeFileSync(path.join(siteDir, '.nojekyll'), '');
  const manifest = buildManifest(siteDir, build);
  writeFileSync(path.join(siteDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
