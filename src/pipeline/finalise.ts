/**
 * The last steps before a built site is published: island ids made independent of the project's
 * folder (src/pipeline/islandIds.ts), host files, then the manifest of it all.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE, buildManifest, listFiles } from './manifest.ts';
import { searchFolders } from './csp.ts';
import { contentTypeRules, netlifyHeaders, nginxSnippet, siteWidePolicy } from './hostHeaders.ts';
import { withPathIndependentIslandIds } from './islandIds.ts';
import type { WrittenFile } from './writeMachineFiles.ts';

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

const HEADERS_FILE = '_headers';
const NGINX_FILE = '_headers.nginx.conf';
const NO_JEKYLL_FILE = '.nojekyll';

const NAMED_REFERENCES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/**
 * The <meta> policy of a page as the browser reads it: its attribute value with the character
 * references decoded. Astro writes a quote as `&#39;`, hast (the CSAF folder listings) as `&#x27;`.
 */
export function metaPolicyOf(html: string): string | undefined {
  return META_CSP.exec(html)?.[1]?.replace(
    /&(?:#(\d+)|#x([\da-f]+)|(amp|quot|apos|lt|gt));/gi,
    (_: string, decimal?: string, hex?: string, name?: string) =>
      name
        ? NAMED_REFERENCES[name.toLowerCase()]!
        : String.fromCodePoint(decimal ? Number(decimal) : parseInt(hex!, 16)),
  );
}

export function finaliseSite(
  siteDir: string,
  build: {
    buildDate: string;
    buildTime: string;
    contentDir: string;
    basePath: string;
    machineFiles: readonly WrittenFile[];
    /** The site this one replaces, if any: the files it shares with it are not read again. */
    previousDir?: string;
  },
): void {
  const files = listFiles(siteDir);
  // One pass over the pages: each gets path-independent island ids, and gives its CSP.
  const pagePolicy = new Map<string, string | undefined>();
  for (const file of files.filter((name) => name.endsWith('.html'))) {
    const html = readFileSync(path.join(siteDir, file), 'utf8');
    const published = withPathIndependentIslandIds(html);
    // A page carried over from the previous site may be that site's file too (a hard link:
    // src/pipeline/pageReuse.ts): a new file is written in its place, never into it.
    if (published !== html) {
      rmSync(path.join(siteDir, file));
      writeFileSync(path.join(siteDir, file), published);
    }
    pagePolicy.set(file, metaPolicyOf(published));
  }
  const pages = [...pagePolicy.keys()];
  const isSearch = (file: string) => searchFolders.some((folder) => file.startsWith(folder));
  const policies = (chosen: string[]) =>
    siteWidePolicy(
      chosen.map((file) => pagePolicy.get(file)).filter((policy): policy is string => policy !== undefined),
    );
  const search = pages.filter(isSearch);
  const policiesOfSite = { page: policies(pages.filter((file) => !isSearch(file))), search: policies(search) };

  // The entries the host serves once this step is done: the site, the nginx snippet, .nojekyll
  // and the manifest (`_headers` itself is read by the host, not served).
  const published = [...new Set([...files, NGINX_FILE, NO_JEKYLL_FILE, MANIFEST_FILE])];
  const topLevel = [...new Set(published.map((file) => file.replace(/\/.*/, '/')))].filter(
    (entry) => entry !== HEADERS_FILE,
  );
  const types = contentTypeRules(build.machineFiles, published);
  writeFileSync(path.join(siteDir, HEADERS_FILE), netlifyHeaders(build.basePath, policiesOfSite, topLevel, types));
  writeFileSync(path.join(siteDir, NGINX_FILE), nginxSnippet(build.basePath, policiesOfSite, types));
  // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders starting with "_".
  writeFileSync(path.join(siteDir, NO_JEKYLL_FILE), '');
  const manifest = buildManifest(siteDir, build, build.previousDir);
  writeFileSync(path.join(siteDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
