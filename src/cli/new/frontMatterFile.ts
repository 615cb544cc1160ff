/**
 * Reads and writes content files the way an editor left them. Existing files are edited through
 * the `yaml` package's Document API, so comments, key order, quoting and block scalars that the
 * editor wrote survive a scaffolding command; only the nodes the command changes are new.
 */
import { readFileSync } from 'node:fs';
import { Document, isMap, isSeq, parseDocument, Scalar, visit } from 'yaml';
import { splitFrontMatter } from '../../registry/source/frontMatter.ts';

/** No folding: a long line stays one line, as the editor wrote it. */
const TO_STRING = { lineWidth: 0, minContentWidth: 0 } as const;

export interface MarkdownDocument {
  /** The front matter, editable in place. */
  readonly data: Document;
  /** Everything after the closing "---", unchanged. */
  readonly body: string;
}

export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

export function readMarkdownDocument(file: string): MarkdownDocument {
  const split = splitFrontMatter(readFileSync(file, 'utf8'));
  if (!split) throw new ScaffoldError(`${file} has no front matter: fix it first (npm run check explains)`);
  const data = parseDocument(split.frontMatter, { uniqueKeys: true });
  if (data.errors.length > 0)
    throw new ScaffoldError(`${file} is not valid YAML: fix it first (npm run check explains)`);
  Object.assign(data, { [SOURCE]: split.frontMatter });
  return { data, body: split.body };
}

export function markdownText(document: MarkdownDocument): string {
  return `---\n${keepFoldedScalars(document.data)}---\n${document.body}`;
}

/**
 * The `yaml` package re-folds folded block scalars (`>`) to its own line width, which would
 * rewrite paragraphs the command never touched. Those whose value is unchanged are put back
 * exactly as written; if that ever gives a different value, the plain output is used.
 */
function keepFoldedScalars(data: Document): string {
  const plain = data.toString(TO_STRING);
  const source = (data as Document & { [SOURCE]?: string })[SOURCE];
  if (source === undefined) return plain;
  const copy = data.clone();
  const kept = new Map<string, string>();
  visit(copy, {
    Scalar(_key, node) {
      if (node.type !== Scalar.BLOCK_FOLDED || !node.range || typeof node.value !== 'string') return;
      const original = source.slice(node.range[0], node.range[1]);
      const placeholder = `trustline-keep-${kept.size}-end`;
      kept.set(placeholder, original.endsWith('\n') ? original.slice(0, -1) : original);
      return new Scalar(placeholder);
    },
  });
  let text = copy.toString(TO_STRING);
  for (const [placeholder, original] of kept) text = text.replace(placeholder, () => original);
  const same = JSON.stringify(parseDocument(text).toJS()) === JSON.stringify(data.toJS());
  return same ? text : plain;
}

const SOURCE = Symbol('front matter as read');

/** A new Markdown document from plain data, written with the same conventions. */
export function newMarkdownDocument(data: Record<string, unknown>, body: string): MarkdownDocument {
  const document = new Document();
  document.contents = document.createNode(data);
  useBlockScalars(document.contents);
  return { data: document, body: `\n${body.trim()}\n` };
}

/** A YAML node for `value`; multi-line text becomes a literal block (`|`), as editors write Markdown. */
export function yamlNode(document: Document, value: unknown): unknown {
  const node = document.createNode(value);
  useBlockScalars(node);
  return node;
}

function useBlockScalars(node: unknown): void {
  if (node instanceof Scalar) {
    if (typeof node.value === 'string' && node.value.includes('\n')) {
      node.type = Scalar.BLOCK_LITERAL;
      if (!node.value.endsWith('\n')) node.value = `${node.value}\n`;
    }
  } else if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (item && typeof item === 'object' && 'value' in item && 'key' in item) useBlockScalars(item.value);
      else useBlockScalars(item);
    }
  }
}

/** Appends `value` to the sequence at `path`, creating the sequence when it is missing. */
export function appendTo(document: Document, path: readonly (string | number)[], value: unknown): void {
  const sequence = document.getIn(path, true);
  if (isSeq(sequence)) sequence.items.push(yamlNode(document, value));
  else document.setIn(path, yamlNode(document, [value]));
}

export function setField(document: Document, path: readonly (string | number)[], value: unknown): void {
  document.setIn(path, yamlNode(document, value));
}
