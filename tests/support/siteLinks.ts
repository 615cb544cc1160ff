/**
 * A link checker for a built site: every link in every file, read the way the program that opens
 * that file reads it — a browser (href, src, action, island scripts), a feed reader (RSS, Atom,
 * JSON Feed, OPML), a calendar (URI-valued properties, RFC 5545 §3.3.13), a crawler (sitemap,
 * robots.txt), a security tool (security.txt, RFC 9116) and a CSAF aggregator (provider metadata,
 * ROLIE feed, index.txt, changes.csv, .sha512). Links into the site (relative, or on its own origin
 * under its base path) must lead to a file of the output; links to other origins are not followed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isCDATA, isText, type Element as XmlElement } from 'domhandler';
import { findAll } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { listFiles } from '../../src/pipeline/manifest.ts';

/** One link as written in a file of the site. */
export interface SiteLink {
  /** The file it is written in, relative to the site root ("feeds/all.xml"). */
  readonly file: string;
  readonly link: string;
  /** The file of the site it leads to ("products/index.html"); undefined when it leads elsewhere. */
  readonly target: string | undefined;
}

/** Attributes that hold a link, in HTML pages (including Astro's island scripts). */
const HTML_LINK_ATTRIBUTES = ['href', 'src', 'action', 'component-url', 'renderer-url', 'before-hydration-url'];
/** Attributes that hold a link, in Atom (href, src), OPML (xmlUrl, htmlUrl) and RSS (enclosure url). */
const XML_LINK_ATTRIBUTES = ['href', 'src', 'url', 'xmlUrl', 'htmlUrl'];

/** "https://…" or "http://…"; a URI template ("…/{slug}.json", RFC 6570) is a pattern, not a link. */
const isWebUrl = (text: string) => /^https?:\/\/[^\s{}]+$/.test(text);

function htmlLinks(html: string): string[] {
  const links: string[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'element') {
      for (const name of HTML_LINK_ATTRIBUTES) {
        const value = node.properties[name];
        if (typeof value === 'string') links.push(value);
      }
    }
    if ('children' in node) node.children.forEach(visit);
    if (node.type === 'element' && node.content) visit(node.content);
  };
  visit(fromHtml(html));
  return links;
}

/**
 * RSS, Atom, OPML and sitemaps: link attributes, every element whose whole text is a URL (RSS
 * <link>, Atom <id> and <uri>, sitemap <loc>), and the links inside escaped HTML content (RSS
 * content:encoded, Atom content type="html").
 */
function xmlLinks(xml: string): string[] {
  const document = parseDocument(xml, { xmlMode: true });
  return findAll(() => true, document.children).flatMap((element: XmlElement) => [
    ...XML_LINK_ATTRIBUTES.flatMap((name) => element.attribs[name] ?? []),
    ...element.children.flatMap((child) => {
      if (!isText(child) && !isCDATA(child)) return [];
      const text = 'data' in child ? child.data.trim() : '';
      if (isWebUrl(text)) return [text];
      return text.includes('<') ? htmlLinks(text) : [];
    }),
  ]);
}

/** JSON Feed, the API, OpenEoX, CSAF and the self-assessment: every string that is a URL, and the links in HTML content. */
function jsonLinks(value: unknown): string[] {
  if (typeof value === 'string') {
    if (isWebUrl(value)) return [value];
    return /<[a-z]/i.test(value) ? htmlLinks(value) : [];
  }
  if (Array.isArray(value)) return value.flatMap(jsonLinks);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonLinks);
  return [];
}

/** iCalendar: the values of URI-valued properties (URL, SOURCE, ATTACH, or any with VALUE=URI), lines unfolded (§3.1). */
function calendarLinks(ics: string): string[] {
  return ics
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .flatMap((line) => {
      const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
      if (!match) return [];
      const [, name, parameters, value] = match;
      return ['URL', 'SOURCE', 'ATTACH'].includes(name!) || /;VALUE=URI\b/.test(parameters!) ? [value!] : [];
    });
}

/** robots.txt and security.txt: the value of every "Field: value" line that is a URL. */
const fieldLinks = (text: string) =>
  text.split('\n').flatMap((line) => {
    const value = /^[A-Za-z-]+:\s*(\S+)$/.exec(line)?.[1];
    return value && isWebUrl(value) ? [value] : [];
  });

/**
 * How to read the links of a file, by what kind of file it is; undefined for files that hold
 * none (scripts, styles, images, the search index, the build manifest).
 */
function linkReader(file: string): ((text: string) => string[]) | undefined {
  const name = path.posix.basename(file);
  if (file.endsWith('.html')) return htmlLinks;
  if (/\.(xml|atom|opml)$/.test(file)) return xmlLinks;
  if (file.endsWith('.ics')) return calendarLinks;
  if (file.endsWith('.json') && !file.startsWith('pagefind/') && file !== 'build-manifest.json')
    return (text) => jsonLinks(JSON.parse(text));
  if (name === 'robots.txt' || name === 'security.txt') return fieldLinks;
  if (!file.startsWith('.well-known/csaf/')) return undefined;
  // CSAF §7.1.13–7.1.14: the documents of the folder's years, by path relative to the folder.
  if (name === 'index.txt') return (text) => text.split('\n').filter(Boolean);
  if (name === 'changes.csv')
    return (text) =>
      text
        .split('\n')
        .filter(Boolean)
        .map((row) => /^"([^"]+)"/.exec(row)?.[1] ?? row);
  // CSAF §7.1.18: "<hash>  <file name>", the file beside it.
  if (name.endsWith('.sha512')) return (text) => [text.trim().split(/\s+/)[1] ?? ''];
  return undefined;
}

/** Every link written in a file of the site, with the file that leads to it (undefined: outside the site). */
export function siteLinks(siteDir: string, site: { url: string; basePath: string }): SiteLink[] {
  return listFiles(siteDir).flatMap((file) => {
    const read = linkReader(file);
    if (!read) return [];
    return read(readFileSync(path.join(siteDir, file), 'utf8')).map((link) => ({
      file,
      link,
      target: linkedFile(link, file, site.url, site.basePath),
    }));
  });
}

/**
 * The file a link leads to, relative to the site root: "x/" is x/index.html, "x" is the file x.
 * `undefined` when it points outside the site (another origin, mailto:, tag: URIs).
 */
export function linkedFile(link: string, file: string, siteUrl: string, basePath: string): string | undefined {
  const origin = new URL(siteUrl).origin;
  const target = new URL(link, `${origin}${basePath}${file}`);
  if (target.origin !== origin || !/^https?:$/.test(target.protocol)) return undefined;
  const pathname = decodeURIComponent(target.pathname);
  if (!pathname.startsWith(basePath)) return `(outside ${basePath}) ${pathname}`;
  const relative = pathname.slice(basePath.length);
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

/** Every link into the site that leads to no file of it: "feeds/all.xml: https://…/gone/". */
export function brokenLinks(siteDir: string, site: { url: string; basePath: string }): string[] {
  const published = new Set(listFiles(siteDir));
  return siteLinks(siteDir, site)
    .filter(({ target }) => target !== undefined && !published.has(target))
    .map(({ file, link }) => `${file}: ${link}`);
}
