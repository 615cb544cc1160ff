/**
 * node scripts/bench/cstate.ts <content folder> <cState site folder>
 *
 * A benchmark tool, not part of Trustline: the incidents of a Trustline content folder (for
 * example the generated .trustline/bench/M-seed1/content) as a cState status page's issues, so
 * that the same incidents can be built with Hugo and cState beside a Trustline build
 * (docs/benchmarks.md, "Same-run comparison with cState"). Writes one
 * `<site>/content/issues/<id>.md` per incident (cState's front matter: title, date, resolved,
 * resolvedWhen, severity, affected, section: issue; the incident's text and its updates, newest
 * first, as the body) and `<site>/systems.yml`: one cState system per product (its name, in a
 * category per product category), the products an incident affects being its `affected`
 * systems. Give Hugo that file after the site's own configuration, whose values it overrides:
 * `hugo --config config.yml,systems.yml`. Deterministic: the same content gives the same files.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface TrustlineIncident {
  id: string;
  title: string;
  kind?: string;
  impact: string;
  started: string;
  affects: { product: string }[];
  updates: { at: string; status: string; text: string }[];
  body: string;
}

export interface TrustlineProduct {
  slug: string;
  name: string;
  category: string;
}

/** cState has three severities; a maintenance and an incident without impact are notices. */
const SEVERITY: Record<string, string> = { critical: 'down', major: 'disrupted', minor: 'notice', none: 'notice' };
const CLOSING_STATUSES = new Set(['resolved', 'completed']);

/** A YAML double-quoted scalar (JSON's string syntax is valid YAML). */
const quoted = (text: string) => JSON.stringify(text);
const statusLabel = (status: string) => status.charAt(0).toUpperCase() + status.slice(1).replaceAll('-', ' ');

/** The text of cState's issue file for one incident; `productName` maps a product's slug to its system's name. */
export function cstateIssue(incident: TrustlineIncident, productName: (slug: string) => string): string {
  const last = incident.updates.at(-1);
  const resolved = last !== undefined && CLOSING_STATUSES.has(last.status);
  const severity = incident.kind === 'maintenance' ? 'notice' : (SEVERITY[incident.impact] ?? 'notice');
  const affected = [...new Set(incident.affects.map((entry) => productName(entry.product)))];
  const frontMatter = [
    `title: ${quoted(incident.title)}`,
    `date: ${incident.started}`,
    `resolved: ${resolved}`,
    ...(resolved ? [`resolvedWhen: ${last.at}`] : []),
    `severity: ${severity}`,
    'affected:',
    ...affected.map((name) => `  - ${quoted(name)}`),
    'section: issue',
  ];
  const updates = [...incident.updates]
    .reverse()
    .map((update) => `*${statusLabel(update.status)}* - ${update.text} {{< track "${update.at}" >}}`);
  const body = [incident.body.trim(), ...updates].filter(Boolean).join('\n\n');
  return ['---', ...frontMatter, '---', '', body, ''].join('\n');
}

/** Hugo configuration with one cState system per product, by slug, and one category per product category. */
export function cstateSystems(products: TrustlineProduct[]): string {
  const sorted = [...products].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const categories = [...new Set(sorted.map((product) => product.category))].sort();
  return [
    'params:',
    '  categories:',
    ...categories.map((name) => `    - name: ${quoted(name)}`),
    '  systems:',
    ...sorted.flatMap((product) => [
      `    - name: ${quoted(product.name)}`,
      `      category: ${quoted(product.category)}`,
    ]),
    '',
  ].join('\n');
}

/** Front matter and body of a Markdown content file. */
function readDocument(file: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no front matter`);
  return { data: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

const markdownFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => path.join(dir, name));

function main(contentDir: string, siteDir: string): void {
  const products = markdownFiles(path.join(contentDir, 'products')).map((file) => {
    const data = readDocument(file).data as Partial<TrustlineProduct>;
    return { slug: data.slug ?? '', name: data.name ?? '', category: data.category ?? 'Products' };
  });
  const names = new Map(products.map((product) => [product.slug, product.name]));
  const productName = (slug: string) => names.get(slug) ?? slug;
  const issuesDir = path.join(siteDir, 'content', 'issues');
  rmSync(issuesDir, { recursive: true, force: true });
  mkdirSync(issuesDir, { recursive: true });
  const incidents = markdownFiles(path.join(contentDir, 'incidents'));
  for (const file of incidents) {
    const { data, body } = readDocument(file);
    const incident = { ...(data as unknown as TrustlineIncident), body };
    writeFileSync(path.join(issuesDir, `${incident.id.toLowerCase()}.md`), cstateIssue(incident, productName));
  }
  writeFileSync(path.join(siteDir, 'systems.yml'), cstateSystems(products));
  console.log(`${incidents.length} issues, ${products.length} systems written to ${siteDir}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const [contentDir, siteDir] = process.argv.slice(2);
  if (!contentDir || !siteDir) {
    console.error('usage: node scripts/bench/cstate.ts <content folder> <cState site folder>');
    process.exit(2);
  }
  main(contentDir, siteDir);
}
