/**
 * Reading a built page the way a reader follows it: the links inside <main>, with their text and
 * the site path they lead to (base path and trailing index.html removed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findAll, findOne, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';

export interface PageLink {
  readonly text: string;
  /** The linked page relative to the site root: "incidents/archive/2024/". */
  readonly target: string;
}

/** The built file of a page: "incidents/" → <site>/incidents/index.html. */
export function pageFile(siteDir: string, pagePath: string): string {
  return path.join(siteDir, pagePath, 'index.html');
}

export function mainOf(siteDir: string, pagePath: string): Element {
  const document = parseDocument(readFileSync(pageFile(siteDir, pagePath), 'utf8'));
  const main = findOne((element) => element.name === 'main', document.children);
  if (!main) throw new Error(`${pagePath} has no <main>`);
  return main;
}

/** Every link inside <main>, in document order, for a site served at `basePath`. */
export function mainLinks(siteDir: string, pagePath: string, basePath = '/'): PageLink[] {
  return findAll((element) => element.name === 'a' && 'href' in element.attribs, [mainOf(siteDir, pagePath)])
    .map((element) => ({ text: textContent(element).replace(/\s+/g, ' ').trim(), href: element.attribs['href']! }))
    .filter(({ href }) => href.startsWith(basePath))
    .map(({ text, href }) => ({ text, target: href.slice(basePath.length) }));
}

/** The elements of <main> matching `test`, e.g. the titles of a list. */
export function mainTexts(siteDir: string, pagePath: string, test: (element: Element) => boolean): string[] {
  return findAll(test, [mainOf(siteDir, pagePath)]).map((element) => textContent(element).replace(/\s+/g, ' ').trim());
}

const BLOCKS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'li', 'dt', 'dd', 'th', 'td', 'summary']);

/**
 * The text of an element as a reader reads it: each innermost heading, paragraph, list item or
 * cell once, in document order, separated by a space (textContent runs blocks together).
 */
export function readingText(element: Element): string {
  const isBlock = (candidate: Element) => BLOCKS.has(candidate.name);
  return findAll((candidate) => isBlock(candidate) && !findOne(isBlock, candidate.children), [element])
    .map((block) => textContent(block).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .join(' ');
}
