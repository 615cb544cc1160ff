/**
 * Splits a Markdown file into front matter and body, and parses YAML the way contentlayer2 does
 * (the `yaml` package, YAML 1.2: dates stay strings), with problems in the editor's words.
 */
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Node } from 'yaml';
import type { FieldPath } from '../problems.ts';

export interface ParsedYaml {
  data: unknown;
  errors: { line: number; message: string }[];
}

export interface SplitMarkdown {
  frontMatter: string;
  /** 1-based line of the first front-matter line. */
  frontMatterLine: number;
  body: string;
}

/** Front matter sits between a first line "---" and the next line "---". */
export function splitFrontMatter(text: string): SplitMarkdown | undefined {
  const lines = text.split('\n');
  const isFence = (line: string | undefined) => line !== undefined && line.trimEnd() === '---';
  if (!isFence(lines[0])) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && isFence(line));
  if (close === -1) return undefined;
  return {
    frontMatter: lines.slice(1, close).join('\n'),
    frontMatterLine: 2,
    body: lines.slice(close + 1).join('\n'),
  };
}

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = document.errors.map((error) => ({
    line: lineCounter.linePos(error.pos[0]).line,
    message: yamlMessage(error.code, error.message),
  }));
  return { data: errors.length > 0 ? undefined : document.toJS({ maxAliasCount: 100 }), errors };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'the same field is written twice: keep one';
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation: YAML needs spaces';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `YAML syntax error (${first.replace(/ at line \d+, column \d+:?$/, '')}): check indentation, colons and quotes`;
    default:
      return `YAML syntax error: ${first}`;
  }
}

/**
 * The line (relative to the YAML text, 1-based) of the deepest node on `path` that exists: the
 * field itself, or its closest parent when the field is missing.
 */
export function lineOfField(yamlText: string, path: FieldPath): number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, keepSourceTokens: false });
  let node: Node | null | undefined = document.contents as Node | null;
  let offset = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
