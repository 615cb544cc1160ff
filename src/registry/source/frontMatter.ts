/**
 * Splits a Markdown file into front matter and body, and parses YAML the way contentlayer2 does
 * (the `yaml` package, YAML 1.2: dates stay strings), with problems in the editor's words.
 */
import {
  CST,
  Lexer,
  LineCounter,
  parseDocument,
  isMap,
  isSeq,
  isPair,
  isScalar,
  visit,
  type Document,
  type Node,
} from 'yaml';
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

/**
 * Bounds that keep one file's parse within a bounded time and memory whatever it holds (with the
 * 1 MiB file limit of readContentFiles.ts), checked on the token stream before the `yaml` package
 * builds anything, since its composer recurses once per level (10,000 nested "[" take seconds
 * and overflow the stack) and aliases can multiply the data (an "alias bomb"):
 * - at most 64 nested flow collections ("[", "{");
 * - block collections start at most 128 columns in, which bounds their nesting to about 128
 *   levels (each level is indented further than its parent);
 * - one alias stands for at most 100 nodes (the `yaml` package's maxAliasCount), so the data is at
 *   most about 100 times the text, and an alias cannot stand for a node it is part of (a cycle);
 * - tags (`!!binary`, `!foo`) are refused: content is plain text, numbers, true/false, lists and
 *   groups of fields, and a tag could only make something else.
 * Content files need a handful of levels; the demo's deepest is 5.
 */
const MAX_FLOW_DEPTH = 64;
const MAX_BLOCK_COLUMN = 128;
const MAX_ALIAS_COUNT = 100;
/** Past the first few syntax errors, the rest are mostly consequences of the first. */
const MAX_ERRORS_SHOWN = 10;

export function parseYaml(text: string): ParsedYaml {
  const refused = refusedTokens(text);
  if (refused.length > 0) return { data: undefined, errors: refused };
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const errors = document.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: yamlMessage(error.code, error.message),
  }));
  if (errors.length > MAX_ERRORS_SHOWN) {
    const more = errors.length - MAX_ERRORS_SHOWN;
    errors.splice(MAX_ERRORS_SHOWN, more, {
      line: errors[MAX_ERRORS_SHOWN - 1]!.line,
      message: `and ${more} more YAML errors after this one: fix the ones above first, the rest often follow from them`,
    });
  }
  if (errors.length > 0) return { data: undefined, errors };
  const aliases = checkAliases(document, lineAt);
  if (aliases.problem) return { data: undefined, errors: [aliases.problem] };
  try {
    return { data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), errors: [] };
  } catch {
    // The `yaml` package refuses aliases that expand past maxAliasCount ("resource exhaustion").
    const message = `the aliases ("*name") here expand to more than ${MAX_ALIAS_COUNT} copies of their anchors' values: write the values out`;
    return { data: undefined, errors: [{ line: aliases.firstLine ?? 1, message }] };
  }
}

/** Tags and nesting past the bounds above, found in one pass over the tokens. */
function refusedTokens(text: string): YamlError[] {
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  let flowDepth = 0;
  let atLineStart = true;
  let inScalar = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // Control characters that mark what follows; they are not in the text.
    if (token === CST.DOCUMENT || token === CST.FLOW_END) continue;
    if (token === CST.SCALAR) {
      inScalar = true;
      continue;
    }
    const column = offset - lineStart;
    if (!inScalar) {
      if (type === 'tag') {
        return [
          {
            line,
            message: `the tag "${token}" is not read in content files: remove it (put a value in quotes to keep it as text)`,
          },
        ];
      }
      if (type === 'flow-map-start' || type === 'flow-seq-start') flowDepth++;
      if (type === 'flow-map-end' || type === 'flow-seq-end') flowDepth = Math.max(0, flowDepth - 1);
      if (flowDepth > MAX_FLOW_DEPTH) {
        return [{ line, message: `more than ${MAX_FLOW_DEPTH} nested "[" or "{": content needs only a few levels` }];
      }
    }
    const startsBlockNode =
      flowDepth === 0 &&
      (type === 'seq-item-ind' ||
        type === 'explicit-key-ind' ||
        (atLineStart && type !== 'space' && type !== 'newline'));
    if (startsBlockNode && column > MAX_BLOCK_COLUMN) {
      return [
        {
          line,
          message: `the fields nest too deeply (this line is indented more than ${MAX_BLOCK_COLUMN} spaces): content needs only a few levels`,
        },
      ];
    }
    if (type !== 'space' || inScalar) atLineStart = false;
    inScalar = false;
    for (let index = token.indexOf('\n'); index !== -1; index = token.indexOf('\n', index + 1)) {
      line++;
      lineStart = offset + index + 1;
      atLineStart = true;
    }
    offset += token.length;
  }
  return [];
}

type YamlError = ParsedYaml['errors'][number];

/**
 * An alias the data cannot hold: one without its anchor, or inside the node it names (a cycle,
 * which would have every reader of the data go round for ever); and the line of the first alias.
 */
function checkAliases(
  document: Document,
  lineAt: (offset: number) => number,
): { problem?: YamlError; firstLine?: number } {
  const found: { problem?: YamlError; firstLine?: number } = {};
  visit(document, {
    Alias(_key, alias, path) {
      const line = lineAt(alias.range?.[0] ?? 0);
      found.firstLine ??= line;
      const target = alias.resolve(document);
      const name = alias.source;
      if (!target) {
        found.problem = {
          line,
          message: `the alias "*${name}" has no anchor "&${name}" before it: add the anchor or write the value out`,
        };
      } else if (path.includes(target)) {
        found.problem = {
          line,
          message: `the alias "*${name}" is inside the value it names, which would repeat for ever: write the value out`,
        };
      }
      return found.problem ? visit.BREAK : undefined;
    },
  });
  return found;
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
  let node: Node | null | undefined = document.contents;
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
