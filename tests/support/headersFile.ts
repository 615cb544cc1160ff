/**
 * A small reader of the `_headers` file (Netlify, Cloudflare Pages), applying it as Netlify
 * documents: a rule is a path pattern on its own line and indented `Name: value` lines; `*`
 * stands for any characters, `:placeholder` for one path segment; every rule whose pattern
 * matches a path applies. Each header's values are kept in rule order, so a header set by two
 * matching rules (which hosts merge differently) shows up as two values.
 */
export interface HeaderRule {
  readonly pattern: string;
  readonly headers: readonly (readonly [string, string])[];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      return;
    }
    const separator = line.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || separator < 0) throw new Error(`_headers line ${index + 1} is not a header of a rule: ${line}`);
    rule.headers.push([line.slice(0, separator).trim(), line.slice(separator + 1).trim()]);
  });
  return rules;
}

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

export function patternRegExp(pattern: string): RegExp {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length === 0) return /^\/$/;
  const expression = parts
    .map((part) => (part.startsWith(':') ? '/[^/]+' : `/${part.split('*').map(escape).join('.*')}`))
    .join('');
  return new RegExp(`^${expression}/?$`);
}

/** The headers the rules give a request path ("/feeds/all.xml"), by lower-case name. */
export function headersFor(rules: readonly HeaderRule[], requestPath: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const rule of rules) {
    if (!patternRegExp(rule.pattern).test(requestPath)) continue;
    for (const [name, value] of rule.headers) {
      headers.set(name.toLowerCase(), [...(headers.get(name.toLowerCase()) ?? []), value]);
    }
  }
  return headers;
}
