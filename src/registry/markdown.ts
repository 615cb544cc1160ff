/**
 * Markdown from content files, rendered to HTML that cannot carry a script: raw HTML is never
 * passed through (remark-rehype drops it), and the result goes through an allow-list sanitiser
 * (rehype-sanitize). Images are not allowed either: they would load from another origin.
 * The same pipeline renders document bodies inside contentlayer2 and front-matter fields here.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { messageCatalogue, type Message } from './problems.ts';
import { contentKey } from './source/parseCache.ts';

const SAFE_PROTOCOLS = ['http', 'https', 'mailto'];

const sanitizeSchema: SanitizeSchema = {
  strip: ['script', 'style'],
  clobberPrefix: 'md-',
  tagNames: [
    'p',
    'a',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'hr',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  attributes: {
    a: ['href'],
    code: [['className', /^language-[\w-]+$/]],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  protocols: { href: SAFE_PROTOCOLS },
  required: {},
};

/** Headings in content start at level 2: the page owns the only <h1>. */
function demoteHeadings() {
  return (tree: MdastRoot) => {
    visit(tree, 'heading', (heading) => {
      heading.depth = Math.min(6, Math.max(2, heading.depth + 1)) as 2 | 3 | 4 | 5 | 6;
    });
  };
}

/** Links that leave the site open without access to this page (rel="noopener noreferrer"). */
function externalLinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element) => {
      const href = element.tagName === 'a' ? element.properties['href'] : undefined;
      if (typeof href === 'string' && /^https?:/i.test(href)) {
        element.properties['rel'] = ['noopener', 'noreferrer'];
      }
    });
  };
}

/** Configures a unified processor with the whole pipeline; contentlayer2 calls this too. */
export function useMarkdownPipeline(processor: Processor): void {
  processor
    .use(remarkParse)
    .use(remarkGfm)
    .use(demoteHeadings)
    .use(remarkRehype)
    .use(rehypeSanitize, sanitizeSchema)
    .use(externalLinks)
    .use(rehypeStringify);
}

const processor = unified();
useMarkdownPipeline(processor);
processor.freeze();

/**
 * Rendered HTML kept from the previous build, keyed by the Markdown's SHA-1. The build's check
 * renders every front-matter text while contentlayer2 still ingests, and saves them here; the
 * pages and the machine-readable files, in two other processes, then read the same HTML rather
 * than each rendering every text again (src/pipeline/checkStep.ts). The build names the file
 * after the site's code version, so a change of this pipeline never reads HTML rendered by
 * another (src/pipeline/build.ts). Off unless switched on.
 */
let renderCache:
  { file: string; previous: Map<string, string>; used: Map<string, string>; later: Set<string> } | undefined;

/** Switches the render cache on for this process, backed by `file`. */
export function enableRenderCache(file: string): void {
  let previous = new Map<string, string>();
  try {
    const stored = deserialize(readFileSync(file)) as unknown;
    if (stored instanceof Map) previous = stored as Map<string, string>;
  } catch {
    // No cache yet, or an unreadable one: start afresh.
  }
  renderCache = { file, previous, used: new Map(), later: new Set() };
}

/**
 * Renders every text `renderLater` was given that the cache lacks, and writes the cache with the
 * renderings of exactly those texts, for this build's other processes and the next build.
 * Returns how many texts were rendered afresh.
 */
export function renderAheadAndSave(): number {
  if (!renderCache) return 0;
  const { previous, used, later } = renderCache;
  for (const markdown of later) renderMarkdown(markdown);
  const fresh = [...used.keys()].filter((key) => !previous.has(key)).length;
  if (fresh > 0 || used.size !== previous.size) {
    writeFileSync(`${renderCache.file}.tmp`, serialize(used));
    renameSync(`${renderCache.file}.tmp`, renderCache.file);
  }
  return fresh;
}

export function renderMarkdown(markdown: string): string {
  if (!renderCache) return String(processor.processSync(markdown));
  const key = contentKey(markdown);
  const html = renderCache.used.get(key) ?? renderCache.previous.get(key) ?? String(processor.processSync(markdown));
  renderCache.used.set(key, html);
  return html;
}

/**
 * Renders `markdown` when called (its caller keeps the HTML: src/registry/assemble.ts). With the
 * render cache on, the text is also noted for `renderAheadAndSave`.
 */
export function renderLater(markdown: string): () => string {
  renderCache?.later.add(markdown);
  return () => renderMarkdown(markdown);
}

/** A cheap first look: most text has no "<", no image and no suspicious scheme at all. */
const MAYBE_UNSAFE = /<|!\[|\b(?:javascript|vbscript|data|file):/i;

/** What the sanitiser removes, in the editor's words (reported as warnings by the check). */
export const messages = messageCatalogue({
  rawHtmlRemoved: (html: string) =>
    `raw HTML ${JSON.stringify(truncate(html))} is not published: write it in Markdown instead`,
  imageRemoved: () => 'images are not published (they would load from another site): link to the image instead',
  linkRemoved: (url: string) =>
    `the link to "${truncate(url)}" is not published: links must use https:, http: or mailto:`,
});

/**
 * What the pipeline would remove from this Markdown, in the editor's words. Nothing is dropped
 * without a message: the check reports each of these as a warning.
 */
export function unsafeMarkdown(markdown: string): Message[] {
  if (!MAYBE_UNSAFE.test(markdown)) return [];
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const found: Message[] = [];
  visit(tree, (node) => {
    if (node.type === 'html') {
      found.push(messages.rawHtmlRemoved(node.value));
    } else if (node.type === 'image' || node.type === 'imageReference') {
      found.push(messages.imageRemoved());
    } else if (node.type === 'link' || node.type === 'definition') {
      const protocol = /^([a-z][a-z0-9+.-]*):/i.exec(node.url.trim())?.[1]?.toLowerCase();
      if (protocol !== undefined && !SAFE_PROTOCOLS.includes(protocol)) {
        found.push(messages.linkRemoved(node.url));
      }
    }
  });
  return found;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
