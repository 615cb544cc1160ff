/**
 * An event's content (the sanitised HTML the feeds carry) as plain blocks of text runs, for the
 * formats that are not HTML: e-mail's plain-text part, Slack mrkdwn and Teams cards. Each run is
 * text, never markup, and a link keeps only its http(s) or mailto address; characters no message
 * should carry (controls, lone surrogates) are dropped, so what arrives is what the page says.
 */
import type { ElementContent, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';

export interface Run {
  readonly text: string;
  readonly href?: string | undefined;
}

export interface Block {
  readonly kind: 'heading' | 'paragraph' | 'item';
  readonly runs: readonly Run[];
}

const BLOCK_ELEMENTS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'tr',
  'dt',
  'dd',
  'div',
  'figcaption',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** C0 and C1 controls other than tab and line feed, U+2028/9, U+FFFE/F and lone surrogates. */
const UNWANTED =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text fit for any message: no control characters, runs of white space as one space. */
export function cleanText(text: string): string {
  return text.replace(UNWANTED, '').replace(/\s+/g, ' ');
}

function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string' || !URL.canParse(href)) return undefined;
  const url = new URL(href);
  return ['https:', 'http:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
}

export function blocksOf(html: string): Block[] {
  const blocks: Block[] = [];
  let runs: Run[] = [];
  let kind: Block['kind'] = 'paragraph';
  const flush = () => {
    const trimmed = trimRuns(runs);
    if (trimmed.length > 0) blocks.push({ kind, runs: trimmed });
    runs = [];
    kind = 'paragraph';
  };
  const walk = (node: Nodes | ElementContent, href: string | undefined) => {
    if (node.type === 'text') {
      const text = cleanText(node.value);
      if (text !== '') runs.push({ text, href });
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (node.tagName === 'br') return void runs.push({ text: ' ', href });
      if (node.tagName === 'img') {
        const alt = node.properties['alt'];
        if (typeof alt === 'string' && alt !== '') runs.push({ text: cleanText(alt), href });
        return;
      }
      if (BLOCK_ELEMENTS.has(node.tagName)) {
        flush();
        kind = HEADINGS.has(node.tagName) ? 'heading' : node.tagName === 'li' ? 'item' : 'paragraph';
      }
      if (node.tagName === 'a') href = safeHref(node.properties['href']);
    }
    for (const child of node.children) walk(child, href);
    if (node.type === 'element' && BLOCK_ELEMENTS.has(node.tagName)) flush();
  };
  walk(fromHtml(html, { fragment: true }), undefined);
  flush();
  return blocks;
}

/** Without white space at either end of the block, and neighbouring runs of one link joined. */
function trimRuns(runs: readonly Run[]): Run[] {
  const joined: Run[] = [];
  for (const run of runs) {
    const last = joined.at(-1);
    if (last && last.href === run.href) joined[joined.length - 1] = { text: last.text + run.text, href: run.href };
    else joined.push(run);
  }
  if (joined.length === 0) return [];
  joined[0] = { ...joined[0]!, text: joined[0]!.text.trimStart() };
  joined[joined.length - 1] = { ...joined.at(-1)!, text: joined.at(-1)!.text.trimEnd() };
  return joined.filter((run) => run.text !== '');
}

/** The plain text of a block, links written as "text (address)" unless the text is the address. */
export function plainTextOf(block: Block): string {
  const text = block.runs
    .map((run) => (run.href === undefined || run.text === run.href ? run.text : `${run.text} (${run.href})`))
    .join('');
  return block.kind === 'item' ? `- ${text}` : text;
}
