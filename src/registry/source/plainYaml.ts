/**
 * A fast reader for the plain YAML that content files are made of: block mappings and sequences,
 * one-line plain or quoted values (plain ones may fold over indented lines), `[]` and `{}`.
 *
 * The `yaml` package builds a full document with positions for every node, which is most of the
 * time `check` spends on a large registry; this reader builds the plain data directly, several
 * times faster. It gives up (returns undefined) on anything outside that subset — comments, block
 * scalars, flow collections, anchors, tags, escapes, tabs, numbers other than plain whole numbers —
 * and the caller then parses with `yaml`. So its result is always what `yaml` (YAML 1.2, core
 * schema) would give, and every file with a syntax error still gets `yaml`'s message and line.
 */

interface Line {
  indent: number;
  /** The line without its indentation and trailing spaces. */
  text: string;
  /** A blank line comes before it: a folded value cannot continue across it here. */
  afterBlank: boolean;
}

/** Thrown inside the reader when the text is outside the subset; never escapes it. */
class OutsideSubset extends Error {}

const giveUp = (): never => {
  throw new OutsideSubset();
};

// A key: letters, digits, "_" and "-", followed by ":" and the end of the line or a space.
const KEY = /^([A-Za-z_][\w-]{0,127}):(?: (.*))?$/;
// YAML 1.2 core schema (the `yaml` package's tests, in its order of precedence).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;
const OTHER_NUMBER =
  /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
// No deeper than parseYaml's bound on block nesting (MAX_BLOCK_COLUMN in frontMatter.ts).
const MAX_PLAIN_INDENT = 128;
// Characters that start something other than a plain value (YAML 1.2 §5.3 indicators).
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');

/** The data `yaml` would give for `text`, or undefined when the text is outside the subset. */
export function parsePlainYaml(text: string): unknown {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  const lines: Line[] = [];
  let afterBlank = false;
  for (const raw of text.split('\n')) {
    const content = raw.trimEnd();
    if (content === '') {
      afterBlank = true;
      continue;
    }
    const indent = content.length - content.trimStart().length;
    // Deeper than parseYaml's bound (frontMatter.ts): `yaml`'s path reports it.
    if (indent > MAX_PLAIN_INDENT) return undefined;
    lines.push({ indent, text: content.slice(indent), afterBlank });
    afterBlank = false;
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  const reader = new Reader(lines);
  try {
    const data = reader.block(0);
    return reader.done() ? data : undefined;
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

const isSequenceItem = (text: string) => text === '-' || text.startsWith('- ');

class Reader {
  private position = 0;
  private readonly lines: Line[];

  constructor(lines: Line[]) {
    this.lines = lines;
  }

  done(): boolean {
    return this.position === this.lines.length;
  }

  private get line(): Line | undefined {
    return this.lines[this.position];
  }

  /** A mapping or a sequence whose lines start at `indent`. */
  block(indent: number): unknown {
    return isSequenceItem(this.line!.text) ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const mapping: Record<string, unknown> = {};
    for (let line = this.line; line && line.indent >= indent; line = this.line) {
      if (line.indent > indent) giveUp();
      const match = KEY.exec(line.text) ?? giveUp();
      const key = match[1]!;
      // Keys that are not plain text to YAML, or that an object cannot hold as its own field.
      if (NULL.test(key) || BOOLEAN.test(key) || key === '__proto__' || Object.hasOwn(mapping, key)) giveUp();
      const inline = match[2]?.trim() ?? '';
      this.position++;
      const next = this.line;
      if (inline !== '') mapping[key] = this.value(inline, indent);
      else if (next && next.indent > indent) mapping[key] = this.block(next.indent);
      else if (next && next.indent === indent && isSequenceItem(next.text)) mapping[key] = this.sequence(indent);
      else mapping[key] = null;
    }
    return mapping;
  }

  private sequence(indent: number): unknown[] {
    const sequence: unknown[] = [];
    for (let line = this.line; line && line.indent >= indent; line = this.line) {
      if (line.indent > indent || line.text === '-') giveUp();
      // The next key of the mapping this sequence is the value of.
      if (!line.text.startsWith('- ')) break;
      const item = line.text.slice(2).trimStart();
      if (KEY.test(item)) {
        // "- key: value": a mapping whose keys line up with this first one.
        this.lines[this.position] = { ...line, indent: indent + line.text.length - item.length, text: item };
        sequence.push(this.mapping(this.line!.indent));
      } else {
        this.position++;
        sequence.push(this.value(item, indent));
      }
    }
    return sequence;
  }

  /** A value written after "key: " or "- ", with the lines that continue it. */
  private value(text: string, parentIndent: number): unknown {
    if (text === '[]') return [];
    if (text === '{}') return {};
    if (text.startsWith("'")) return singleQuoted(text);
    if (text.startsWith('"')) return doubleQuoted(text);
    const parts = [plainPart(text)];
    for (let line = this.line; line && line.indent > parentIndent; line = this.line) {
      if (line.afterBlank || INDICATORS.has(line.text[0]!)) giveUp();
      parts.push(plainPart(line.text));
      this.position++;
    }
    return resolvePlain(parts.join(' '));
  }
}

function plainPart(text: string): string {
  if (INDICATORS.has(text[0]!) || text.includes(': ') || text.includes(' #') || text.endsWith(':')) giveUp();
  return text;
}

function resolvePlain(text: string): unknown {
  if (NULL.test(text)) return null;
  if (BOOLEAN.test(text)) return text[0] === 't' || text[0] === 'T';
  if (WHOLE_NUMBER.test(text)) return Number(text);
  if (OTHER_NUMBER.test(text)) giveUp();
  return text;
}

/** 'text' on one line; '' is a quote. */
function singleQuoted(text: string): string {
  let value = '';
  for (let index = 1; index < text.length; index++) {
    if (text[index] !== "'") {
      value += text[index];
    } else if (text[index + 1] === "'") {
      value += "'";
      index++;
    } else {
      return index === text.length - 1 ? value : giveUp();
    }
  }
  return giveUp();
}

/** "text" on one line without escapes. */
function doubleQuoted(text: string): string {
  const close = text.indexOf('"', 1);
  if (close !== text.length - 1 || text.includes('\\')) giveUp();
  return text.slice(1, close);
}
