/**
 * npm run bench:pages [-- SITE_DIR]
 *
 * Measures a built site against the page budget: each product page's HTML at most 10 KB gzipped,
 * all CSS together at most 15 KB gzipped, and no JavaScript on pages without an island. Prints
 * the figures; exits 1 when a budget is exceeded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const siteDir = path.resolve(process.argv[2] ?? 'dist');
const budget = { productPageHtml: 10 * 1024, css: 15 * 1024 };
/** Pages that carry an island (or Pagefind) and so may load JavaScript. */
const pagesWithScript = new Set([
  'products/index.html',
  'incidents/index.html',
  'subscribe/index.html',
  'search/index.html',
]);

const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' });
const gzipped = (file: string) => gzipSync(readFileSync(path.join(siteDir, file)), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let failures = 0;

console.log('HTML pages (gzipped):');
const pages = files.filter((file) => file.endsWith('.html') && !file.startsWith('.well-known')).sort();
for (const page of pages) {
  const size = gzipped(page);
  const isProduct = /^products\/[^/]+\/index\.html$/.test(page);
  const over = isProduct && size > budget.productPageHtml;
  if (over) failures += 1;
  console.log(
    `  ${over ? '✖' : ' '} ${kb(size).padStart(8)}  ${page}${isProduct ? ` (budget ${kb(budget.productPageHtml)})` : ''}`,
  );
}

const css = files.filter((file) => file.endsWith('.css') && !file.startsWith('pagefind'));
const cssSize = css.reduce((sum, file) => sum + gzipped(file), 0);
const cssOver = cssSize > budget.css;
if (cssOver) failures += 1;
console.log(`\n${cssOver ? '✖' : '✔'} CSS: ${kb(cssSize)} gzipped in ${css.length} file(s) (budget ${kb(budget.css)})`);

const withScript = pages.filter((page) => /<script\b/i.test(readFileSync(path.join(siteDir, page), 'utf8')));
const unexpected = withScript.filter((page) => !pagesWithScript.has(page));
if (unexpected.length > 0) failures += 1;
console.log(
  `${unexpected.length > 0 ? '✖' : '✔'} JavaScript only on pages with an island: ${withScript.join(', ') || 'none'}` +
    (unexpected.length > 0 ? `; unexpected on ${unexpected.join(', ')}` : ''),
);
process.exit(failures > 0 ? 1 : 0);
