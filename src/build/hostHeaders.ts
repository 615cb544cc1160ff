/**
 * Security headers and content types for real hosts: a `_headers` file (Netlify, Cloudflare
 * Pages) and an nginx snippet, generated from one table. GitHub Pages cannot set headers: there
 * the <meta> CSP on every page still applies, and `.nojekyll` keeps `_astro/` from being dropped.
 */
import { headerOnlyDirectives } from './csp.ts';

export const securityHeaders = (csp: string): [string, string][] => [
  ['Content-Security-Policy', csp],
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
];

/** Content types by path pattern (relative to the base path), for files a host might guess wrong. */
export const contentTypes: { pattern: string; nginx: string; type: string }[] = [
  { pattern: '.well-known/security.txt', nginx: '= {base}.well-known/security.txt', type: 'text/plain; charset=utf-8' },
  { pattern: 'feeds/*.json', nginx: '~ ^{base}feeds/[^/]+\\.json$', type: 'application/feed+json; charset=utf-8' },
  {
    pattern: 'products/*/feed.json',
    nginx: '~ ^{base}products/[^/]+/feed\\.json$',
    type: 'application/feed+json; charset=utf-8',
  },
  { pattern: 'feeds/*.xml', nginx: '~ ^{base}feeds/[^/]+\\.xml$', type: 'application/rss+xml; charset=utf-8' },
  {
    pattern: 'products/*/feed.xml',
    nginx: '~ ^{base}products/[^/]+/feed\\.xml$',
    type: 'application/rss+xml; charset=utf-8',
  },
  { pattern: 'feeds/*.atom', nginx: '~ ^{base}feeds/[^/]+\\.atom$', type: 'application/atom+xml; charset=utf-8' },
  {
    pattern: 'products/*/feed.atom',
    nginx: '~ ^{base}products/[^/]+/feed\\.atom$',
    type: 'application/atom+xml; charset=utf-8',
  },
  { pattern: 'feeds/index.opml', nginx: '= {base}feeds/index.opml', type: 'text/x-opml; charset=utf-8' },
  { pattern: 'calendar/*', nginx: '~ ^{base}calendar/[^/]+\\.ics$', type: 'text/calendar; charset=utf-8' },
  {
    pattern: 'products/*/end-of-support.ics',
    nginx: '~ ^{base}products/[^/]+/end-of-support\\.ics$',
    type: 'text/calendar; charset=utf-8',
  },
  { pattern: 'api/*', nginx: '~ ^{base}api/.+\\.json$', type: 'application/json; charset=utf-8' },
  {
    pattern: 'code-of-practice/self-assessment.json',
    nginx: '= {base}code-of-practice/self-assessment.json',
    type: 'application/json; charset=utf-8',
  },
  {
    pattern: '.well-known/csaf/*',
    nginx: '~ ^{base}\\.well-known/csaf/.+\\.json$',
    type: 'application/json; charset=utf-8',
  },
];

/**
 * One policy for the whole site: the union of the per-page <meta> policies (every script and
 * style hash used anywhere), plus the directives only a header can carry. A directive that is
 * 'none' on some pages (the CSAF folder listings) and allows sources on others allows them.
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

export function netlifyHeaders(basePath: string, csp: string): string {
  const block = (pattern: string, headers: [string, string][]) =>
    [`${basePath}${pattern}`, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return (
    [
      block('*', securityHeaders(csp)),
      ...contentTypes.map(({ pattern, type }) => block(pattern, [['Content-Type', type]])),
    ].join('\n') + '\n'
  );
}

export function nginxSnippet(basePath: string, csp: string): string {
  // add_header in a location replaces the server's: each location repeats the security headers.
  const headers = securityHeaders(csp)
    .map(([name, value]) => `add_header ${name} "${value.replace(/"/g, '\\"')}" always;`)
    .join('\n');
  const indent = (text: string) => text.replace(/^/gm, '    ');
  const locations = contentTypes.map(
    ({ nginx, type }) =>
      `location ${nginx.replace('{base}', basePath)} {\n    types { }\n    default_type "${type}";\n${indent(headers)}\n}`,
  );
  return `# Trustline: security headers and content types. Include inside the server { } block.\n${headers}\n\n${locations.join('\n\n')}\n`;
}
