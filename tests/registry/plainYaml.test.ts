/**
 * The fast front-matter reader (src/registry/source/plainYaml.ts) either gives exactly the data
 * the `yaml` package gives, or gives up so that `yaml` parses the file: it can never change what
 * `check` reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { syntheticContentFiles } from '../../src/cli/generate/syntheticRegistry.ts';
import { DEMO_CONTENT_DIR } from '../../src/cli/generate/writeContentFolder.ts';
import { parseYaml, splitFrontMatter } from '../../src/registry/source/frontMatter.ts';
import { parsePlainYaml } from '../../src/registry/source/plainYaml.ts';
import { listContentFiles } from '../../src/registry/source/readContentFiles.ts';

const yamlPart = (file: string, text: string) => (file.endsWith('.md') ? splitFrontMatter(text)!.frontMatter : text);

/** The fast reader's data, or `yaml`'s when it gives up: what check goes on to validate. */
function agreesWithYaml(text: string): void {
  const plain = parsePlainYaml(text);
  if (plain === undefined) return;
  const parsed = parseYaml(text);
  expect(parsed.errors, text).toEqual([]);
  expect(plain, text).toStrictEqual(parsed.data);
}

describe('the fast front-matter reader', () => {
  it('reads nested mappings, sequences, folded plain values, quoted values and the core scalars as yaml does', () => {
    const text = [
      'slug: gateway',
      'count: 12',
      'zero: 0',
      'enabled: true',
      'disabled: False',
      'nothing:',
      'tilde: ~',
      'date: 2026-05-04',
      'url: https://x.example/a#b',
      "quote: 'it''s: fine'",
      'double: "#1: yes"',
      'empty: []',
      'none: {}',
      'text: a long value that',
      '  folds over two lines',
      'releases:',
      '  - name: 2.x',
      '    phases:',
      '      - level: full',
      '  - name: 1.x',
      'tags:',
      '- one',
      '- 2',
      'after: end',
    ].join('\n');
    const data = parsePlainYaml(text);
    expect(data).toStrictEqual({
      slug: 'gateway',
      count: 12,
      zero: 0,
      enabled: true,
      disabled: false,
      nothing: null,
      tilde: null,
      date: '2026-05-04',
      url: 'https://x.example/a#b',
      quote: "it's: fine",
      double: '#1: yes',
      empty: [],
      none: {},
      text: 'a long value that folds over two lines',
      releases: [{ name: '2.x', phases: [{ level: 'full' }] }, { name: '1.x' }],
      tags: ['one', 2],
      after: 'end',
    });
    expect(data).toStrictEqual(parseYaml(text).data);
  });

  it.each([
    ['a comment', 'name: x # note'],
    ['a comment line', '# note\nname: x'],
    ['a block scalar', 'text: |\n  line\n'],
    ['a flow sequence', 'tags: [a, b]'],
    ['an anchor and an alias', 'a: &x 1\nb: *x'],
    ['a tag', 'a: !!str 1'],
    ['an escape', 'a: "\\u00e9"'],
    ['a tab', 'a:\n\tb: 1'],
    ['a decimal number', 'a: 1.0'],
    ['a hexadecimal number', 'a: 0x1F'],
    ['a signed number', 'a: -1'],
    ['a duplicated field', 'a: 1\na: 2'],
    ['a __proto__ field', '__proto__: x'],
    ['a nested mapping on one line', 'a: b: c'],
    ['a value folded across a blank line', 'a: one\n\n  two'],
    ['a syntax error', 'a: "open\nb: 1'],
    ['an indentation error', 'a:\n  b: 1\n c: 2'],
    ['a document marker', 'a: 1\n---\nb: 2'],
  ])('gives up on %s, leaving it to yaml', (_, text) => {
    expect(parsePlainYaml(text)).toBeUndefined();
  });

  it('gives the same data as yaml for every file of the demo content it reads', () => {
    const files = listContentFiles(DEMO_CONTENT_DIR);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      agreesWithYaml(yamlPart(file, readFileSync(path.join(DEMO_CONTENT_DIR, file), 'utf8')));
    }
  });

  it('reads every front matter of a generated registry, with the same data as yaml', () => {
    const size = { products: 7, releaseLines: 20, incidents: 9, advisories: 7 };
    const markdown = [...syntheticContentFiles(size, 3, DEMO_CONTENT_DIR)].filter(([file]) => file.endsWith('.md'));
    // Each product, incident and advisory, and the four policies.
    expect(markdown).toHaveLength(size.products + size.incidents + size.advisories + 4);
    for (const [file, text] of markdown) {
      const frontMatter = yamlPart(file, text);
      expect(parsePlainYaml(frontMatter), file).toBeDefined();
      agreesWithYaml(frontMatter);
    }
  });

  it('never disagrees with yaml on documents made of tricky lines', () => {
    const key = fc.constantFrom('name', 'a', 'b', 'x-y', 'true', 'Null', '__proto__', 'a b', '"q"', '? k');
    const value = fc.constantFrom(
      ...['', 'text', 'two words', '1', '007', '1.0', '1e3', '0x1F', '0o7', '.inf', '.NaN', 'null', '~', 'True'],
      ...['yes', 'no', "'it''s'", "'open", '"quoted"', '"a\\"b"', '[]', '{}', '[a]', '{a: 1}', '#c', 'a #c'],
      ...['a: b', 'x:', '&x v', '*x', '!t v', '|', '>-', '- x', '-', 'http://x/#f', '2026-01-01', '-1', '+1'],
      ...['12345678901234567890', 'a:b', ':', '?', '@x', '`x', '%x', 'a,b', 'a]', '---', '...'],
    );
    const line = fc
      .tuple(
        fc.constantFrom(0, 0, 2, 2, 4, 4, 6, 1, 3),
        fc.constantFrom('', '', '- ', '-  ', '- - '),
        fc.oneof(
          fc.tuple(key, fc.constantFrom(':', ': ', ':  ', ' :'), value).map(([k, sep, v]) => `${k}${sep}${v}`),
          value,
        ),
        fc.constantFrom('', '', ' ', ' # c'),
      )
      .map(([indent, dash, content, tail]) => `${' '.repeat(indent)}${dash}${content}${tail}`);
    const document = fc
      .array(fc.oneof(line, fc.constant('')), { minLength: 1, maxLength: 8 })
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(document, (text) => agreesWithYaml(text)),
      { numRuns: 20_000 },
    );
  });

  it('never disagrees with yaml on written-out data, as it is or with one line broken', () => {
    const tricky = [...['', '1', '007', '1.0', '0x1F', '.inf', 'null', '~', 'True', 'yes', "it's", 'a: b', 'x:', '#c']];
    tricky.push(...['a #c', '- x', '&x', '*x', 'http://x/#f', '2026-01-01', '-1', '+1', 'a:b', '[a]', '{}', '---']);
    tricky.push(...[' lead', 'trail ', 'quote "q"', 'back\\slash', 'two\nlines']);
    const words = fc
      .array(fc.constantFrom('alpha', 'beta', 'x.y', 'a-b', 'https://x.example/p', '2.x', 'é'), { maxLength: 8 })
      .map((chosen) => chosen.join(' '));
    const scalar = fc.oneof(
      { arbitrary: words, weight: 8 },
      fc.constantFrom(...tricky),
      fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', '-', "'", '"', '1', '.', '\\'), maxLength: 40 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const key = fc.oneof(
      { arbitrary: fc.constantFrom('name', 'a', 'b', 'x-y', 'c_d', 'e'), weight: 10 },
      fc.constantFrom('true', 'Null', 'a b', '1', 'k:', '#k', "it's"),
    );
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('tree'), { maxLength: 4 }),
        fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
      ),
    }));
    const style = fc.record({
      defaultKeyType: fc.constant('PLAIN' as const),
      defaultStringType: fc.constantFrom(
        'PLAIN' as const,
        'PLAIN' as const,
        'QUOTE_SINGLE' as const,
        'QUOTE_DOUBLE' as const,
      ),
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(20, 40, 80),
      minContentWidth: fc.constantFrom(0, 10),
    });
    // One line indented differently, inserted or removed: the edits editors get wrong.
    const edit = fc.tuple(
      fc.constantFrom('none', 'none', 'none', 'none', 'indent', 'insert', 'delete'),
      fc.nat(),
      fc.integer({ min: -2, max: 2 }),
      fc.constantFrom(...tricky, 'k: v', '  - z', '    c: d'),
    );
    const document = fc
      .tuple(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 }), style, edit)
      .map(([data, options, [kind, at, shift, extra]]) => {
        const lines = stringify(data, options).split('\n');
        const index = at % lines.length;
        if (kind === 'indent')
          lines[index] = shift >= 0 ? ' '.repeat(shift) + lines[index] : lines[index]!.slice(-shift);
        if (kind === 'insert') lines.splice(index, 0, extra);
        if (kind === 'delete') lines.splice(index, 1);
        return lines.join('\n');
      });
    fc.assert(
      fc.property(document, (text) => agreesWithYaml(text)),
      { numRuns: 5_000 },
    );
  });
});
