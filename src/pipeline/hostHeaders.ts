/**
 * Security headers, content types, caching and compression for real hosts: a `_headers` file
 * (Netlify, Cloudflare Pages) and an nginx snippet, both written from one table of rules
 * (docs/ci-and-deployment.md). GitHub Pages cannot set headers: there the <meta> CSP on every
 * page still applies, and `.nojekyll` keeps `_astro/` from being dropped.
 */
import { headerOnlyDirectives, searchFolders } from './csp.ts';

export const securityHeaders: readonly (readonly [string, string])[] = [
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
];

/** Astro's content-hashed files: a new build gives changed files new names (RFC 8246 immutable). */
export const IMMUTABLE_FOLDER = '_astro/';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/**
 * Everything else (pages, feeds, the API, CSAF, Pagefind's index): stored, but revalidated
 * before each use (RFC 9111 §5.2.2.4), so a new incident update is seen on the next load; an
 * unchanged file costs a 304 Not Modified.
 */
export const REVALIDATE_CACHE = 'no-cache';

/** The two policies of the site: every page's, and the search page's with 'wasm-unsafe-eval'. */
export interface SitePolicies {
  readonly page: string;
  readonly search: string;
}

/** A path pattern relative to the base path, as in `_headers`: `*` stands for any characters. */
export interface ContentTypeRule {
  readonly pattern: string;
  readonly type: string;
}

const patternExpression = (pattern: string): string =>
  pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');

/** Each pattern compiled once: the rules are tried against every file of the site. */
const expressions = new Map<string, RegExp>();

function matches(pattern: string, file: string): boolean {
  let expression = expressions.get(pattern);
  if (!expression) expressions.set(pattern, (expression = new RegExp(`^${patternExpression(pattern)}$`)));
  return expression.test(file);
}

/**
 * The content types of the machine files (src/outputs/machineFiles.ts) as few path patterns,
 * for hosts that would guess from the extension. Each file is covered by the most general of
 * `<first folders>/*<extension>` that matches no other site file of another type (else by its
 * own path), so no file matches two rules.
 */
export function contentTypeRules(
  machineFiles: readonly { readonly path: string; readonly contentType: string }[],
  siteFiles: readonly string[],
): ContentTypeRule[] {
  const typeOf = new Map(machineFiles.map((file) => [file.path, file.contentType]));
  const rules: ContentTypeRule[] = [];
  for (const file of machineFiles) {
    if (rules.some((rule) => matches(rule.pattern, file.path))) continue;
    const folders = file.path.split('/').slice(0, -1);
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const extension = name.includes('.') ? name.slice(name.lastIndexOf('.')) : undefined;
    const candidates =
      extension === undefined
        ? []
        : folders.map((_, index) => `${folders.slice(0, index + 1).join('/')}/*${extension}`);
    const pattern =
      candidates.find((candidate) =>
        siteFiles.every((other) => !matches(candidate, other) || typeOf.get(other) === file.contentType),
      ) ?? file.path;
    rules.push({ pattern, type: file.contentType });
  }
  return rules;
}

/**
 * One policy for a set of pages: the union of their <meta> policies (every script and style hash
 * used), plus the directives only a header can carry. A directive that is 'none' on some pages
 * (the CSAF folder listings) and allows sources on others allows them.
 */
export function siteWidePolicy(pagePolicies: string[]): string {
  const directives = new Map<string, Set<string>>();
  for (const policy of pagePolicies) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().split(/\s+/);
      if (!name) continue;
      const set = directives.get(name) ?? new Set<string>();
      sources.forEach((source) => set.add(source));
      directives.set(name, set);
    }
  }
  // 'none' only means none on its own; beside other sources browsers ignore it (CSP §2.3.1).
  for (const sources of directives.values()) if (sources.size > 1) sources.delete("'none'");
  const parts = [...directives].map(([name, sources]) => [name, ...sources].join(' '));
  return [...parts, ...headerOnlyDirectives].join('; ');
}

/** The policy and caching of the files of one top-level folder (or file) of the site. */
const folderHeaders = (entry: string, policies: SitePolicies): [string, string][] => [
  ['Content-Security-Policy', searchFolders.some((folder) => folder === entry) ? policies.search : policies.page],
  ['Cache-Control', entry === IMMUTABLE_FOLDER ? IMMUTABLE_CACHE : REVALIDATE_CACHE],
];

/**
 * `_headers`: every rule whose pattern matches a path applies. Hosts differ when two matching
 * rules set the same header (Cloudflare Pages joins the values with a comma, which for two
 * policies enforces both), so no header is ever set by two rules for one file: the security
 * headers for every path, the policy and caching per top-level entry of the site (`topLevel`:
 * "products/", "robots.txt"), the content types per machine-file pattern.
 */
export function netlifyHeaders(
  basePath: string,
  policies: SitePolicies,
  topLevel: readonly string[],
  types: readonly ContentTypeRule[],
): string {
  const block = (pattern: string, headers: readonly (readonly [string, string])[]) =>
    [`${basePath}${pattern}`, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return (
    [
      block('*', securityHeaders),
      block('', folderHeaders('', policies)),
      ...topLevel.map((entry) => block(entry.endsWith('/') ? `${entry}*` : entry, folderHeaders(entry, policies))),
      ...types.map(({ pattern, type }) => block(pattern, [['Content-Type', type]])),
    ].join('\n') + '\n'
  );
}

/** Text types nginx compresses besides text/html (always compressed with gzip on). */
const compressedTypes = (types: readonly ContentTypeRule[]): string[] => [
  ...new Set([
    'text/css',
    'text/javascript',
    'application/javascript',
    'application/json',
    'application/xml',
    'text/xml',
    'image/svg+xml',
    'text/plain',
    ...types
      .map(({ type }) => type.split(';')[0]!.trim())
      .filter((type) => !/^text\/html$|^application\/pgp-/.test(type)),
  ]),
];

function nginxType(type: string): string[] {
  const [bare, ...parameters] = type.split(';').map((part) => part.trim());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length);
  const lines = ['types { }', `default_type ${bare};`];
  if (charset) lines.push(`charset ${charset};`, `charset_types ${bare};`);
  return lines;
}

export function nginxSnippet(basePath: string, policies: SitePolicies, types: readonly ContentTypeRule[]): string {
  const quote = (value: string) => `"${value.replace(/"/g, '\\"')}"`;
  const headers = (entry: string) =>
    [...securityHeaders, ...folderHeaders(entry, policies)]
      .map(([name, value]) => `add_header ${name} ${quote(value)} always;`)
      .join('\n');
  const indent = (text: string) => text.replace(/^/gm, '    ');
  const location = (match: string, entry: string, extra: string[] = []) =>
    `location ${match} {\n${indent([...extra, headers(entry)].join('\n'))}\n}`;
  const locations = [
    // ^~: a matching prefix location is final, no regular expression location is tried after it.
    ...[IMMUTABLE_FOLDER, ...searchFolders].map((folder) => location(`^~ ${basePath}${folder}`, folder)),
    ...types.map(({ pattern, type }) =>
      location(
        pattern.includes('*') ? `~ ^${patternExpression(`${basePath}${pattern}`)}$` : `= ${basePath}${pattern}`,
        '',
        // types { } empties the extension table here, so default_type is the type of every file;
        // the charset is added by the charset module, as gzip_types matches the bare type only.
        nginxType(type),
      ),
    ),
  ];
  return [
    '# Trustline: security headers, content types, caching and compression.',
    '# Include inside the server { } block that serves the site (docs/ci-and-deployment.md).',
    'gzip on;',
    'gzip_vary on;',
    `gzip_types ${compressedTypes(types).join(' ')};`,
    '',
    // add_header in a location replaces the server's: each location repeats the whole set.
    headers(''),
    '',
    locations.join('\n\n'),
    '',
  ].join('\n');
}
