/**
 * Whatever an editor's file contains — wrong types, truncated text, swapped dates, odd Unicode,
 * hostile YAML (alias bombs, cycles, tags, deep nesting, huge values, odd line ends) — `check`
 * ends with success or a list of one-line messages naming the file; it never throws, never
 * hangs, and one bad file never hides another's problems (property-based).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkContent, type CheckResult } from '../../src/registry/loadRegistry.ts';
import { ROOT } from '../support/builtSite.ts';
import { createContent, markdownFile, product } from '../support/contentFixture.ts';

const fixture = createContent();
afterAll(() => fixture.cleanup());

const demoProduct = readFileSync(path.join(ROOT, 'content', 'products', 'edge-gateway.md'), 'utf8');
const demoIncident = readFileSync(path.join(ROOT, 'content', 'incidents', 'INC-2026-0031.md'), 'utf8');

/** Checks the fixture with `text` as `file`, and asserts that it failed closed. */
function checkFailsClosed(file: string, text: string): CheckResult {
  fixture.write(file, text);
  let result: CheckResult;
  try {
    result = checkContent({ contentDir: fixture.dir, buildDate: '2026-11-22' });
  } finally {
    fixture.remove(file);
  }
  // Time and memory are bounded too: measured by `npm run bench:hostile` (docs/benchmarks.md),
  // not asserted here, where a shared machine's load would decide.
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  // `check` exits 1 exactly when there is an error, and then there is no Registry to build from.
  expect(result.registry === undefined).toBe(errors.length > 0);
  for (const problem of result.problems) {
    expect(problem.file.startsWith(fixture.dir)).toBe(true);
    expect(problem.message).toMatch(/^[^\n]{10,}$/);
    expect(problem.message).not.toMatch(/\bat .*:\d+:\d+|Error:/);
  }
  return result;
}

const oddValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '',
    '\u202e',
    '\u0000',
    '2026-02-30',
    '9999-99-99',
    '2026-11-22T25:00:00Z',
    '<script>',
    '{{',
    ':',
    '- -',
    '&a *a',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 3 }),
);

/** Replace the value at a random path of the parsed front matter. */
function mutateValue(data: unknown, choices: number[], value: unknown): unknown {
  if (data === null || typeof data !== 'object' || choices.length === 0) return value;
  const keys = Object.keys(data);
  if (keys.length === 0) return value;
  const key = keys[choices[0]! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(data) ? ([...(data as unknown[])] as never) : { ...data };
  copy[key] = mutateValue((data as Record<string, unknown>)[key], choices.slice(1), value);
  return copy;
}

function frontMatter(text: string): unknown {
  return parse(text.split('\n---\n')[0]!.replace(/^---\n/, ''));
}

const mutation = fc.oneof(
  fc
    .tuple(fc.constantFrom(demoProduct, demoIncident), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), oddValue)
    .map(([text, choices, value]) => `---\n${stringify(mutateValue(frontMatter(text), choices, value))}---\nBody.\n`),
  fc.tuple(fc.constantFrom(demoProduct, demoIncident), fc.nat()).map(([text, cut]) => text.slice(0, cut % text.length)),
  fc
    .tuple(fc.constantFrom(demoProduct, demoIncident), fc.nat(), fc.string({ unit: 'binary', maxLength: 8 }))
    .map(([text, at, junk]) => `${text.slice(0, at % text.length)}${junk}${text.slice(at % text.length)}`),
  fc
    .constantFrom(demoProduct, demoIncident)
    .map((text) => text.replace(/(\d{4}-\d{2}-\d{2})([\s\S]*?)(\d{4}-\d{2}-\d{2})/, '$3$2$1')),
);

describe('check on mutated content', () => {
  it('reports every problem as a line naming the file, with exit status 1 exactly when there is an error', () => {
    fc.assert(
      fc.property(mutation, fc.constantFrom('products/edge-gateway.md', 'incidents/INC-2026-0031.md'), (text, file) => {
        checkFailsClosed(file, text);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

// Hostile YAML: each generator gives top-level lines to put into a valid product's front matter.
const key = fc.constantFrom('summary', 'name', 'extra', '<<', 'releases', 'slug');
const aliasBomb = fc
  .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 9 }))
  .map(([width, depth]) =>
    [
      `l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`,
      ...Array.from(
        { length: depth },
        (_, level) => `l${level + 1}: &l${level + 1} [${Array(width).fill(`*l${level}`).join(', ')}]`,
      ),
    ].join('\n'),
  );
const aliases = fc.oneof(
  aliasBomb,
  key.map((name) => `${name}: &loop [*loop]`),
  key.map((name) => `${name}: &loop {self: *loop}`),
  key.map((name) => `${name}: *missing`),
  key.map((name) => `anchor: &base {summary: Merged}\n${name}:\n  <<: *base`),
  key.map((name) => `&k ${name}: *k`),
);
const tags = fc
  .tuple(
    key,
    fc.constantFrom(
      '!!binary aGVsbG8=',
      '!foo bar',
      '!!set {a: null}',
      '!!omap [a: 1]',
      '!!str 12',
      '!<tag:x> y',
      '!e!t z',
      '!!timestamp 2026-11-22',
      '!!float 1',
    ),
  )
  .map(([name, value]) => `${name}: ${value}`);
const deepNesting = fc.oneof(
  fc.tuple(key, fc.integer({ min: 65, max: 10_000 })).map(([name, depth]) => `${name}: ${'['.repeat(depth)}`),
  fc
    .tuple(key, fc.integer({ min: 65, max: 10_000 }))
    .map(([name, depth]) => `${name}: ${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc
    .tuple(key, fc.integer({ min: 65, max: 10_000 }))
    .map(([name, depth]) => `${name}: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`),
  fc.tuple(key, fc.integer({ min: 65, max: 10_000 })).map(([name, depth]) => `${name}:\n  ${'- '.repeat(depth)}x`),
  fc
    .tuple(key, fc.integer({ min: 65, max: 1_300 }))
    .map(([name, depth]) =>
      Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}${level === 0 ? name : 'k'}:`).join('\n'),
    ),
);
const hugeLength = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(200_000, 900_000) },
);
const hugeScalars = fc
  .tuple(key, hugeLength, fc.constantFrom('plain', 'quoted', 'block'))
  .map(([name, length, style]) => {
    const text = 'x'.repeat(length);
    return style === 'plain' ? `${name}: ${text}` : style === 'quoted' ? `${name}: "${text}"` : `${name}: |\n  ${text}`;
  });
const duplicates = key.map((name) => `${name}: one\n${name}: two`);
/** Lines, and whether the file must then be refused (a huge value alone may be valid). */
const hostileLines = fc.oneof(
  fc.tuple(fc.oneof(aliases, tags, deepNesting, duplicates), fc.constant(true)),
  fc.tuple(hugeScalars, fc.constant(false)),
);

const lineEnds = fc.constantFrom('\n', '\r\n', '\r', 'mixed');
const bom = fc.constantFrom('none', 'start', 'inside');

const honestProduct = markdownFile(product(), 'The gateway.\n');

const hostileFile = fc
  .tuple(hostileLines, fc.nat(), lineEnds, bom, fc.nat())
  .map(([[lines, refused], at, lineEnd, where, bomAt]) => {
    const [, yamlText = '', body = ''] = honestProduct.split(/^---\n/m);
    const topLevel = yamlText.split('\n').flatMap((line, index) => (/^\S/.test(line) ? [index] : []));
    const yamlLines = yamlText.split('\n');
    yamlLines.splice(topLevel[at % topLevel.length]!, 0, ...lines.split('\n'));
    let text = `---\n${yamlLines.join('\n')}---\n${body}`;
    if (lineEnd === 'mixed') text = text.replace(/\n/g, (_, offset: number) => ['\n', '\r\n', '\r'][offset % 3]!);
    else text = text.replace(/\n/g, lineEnd);
    if (where === 'start') text = `\uFEFF${text}`;
    if (where === 'inside') text = `${text.slice(0, bomAt % text.length)}\uFEFF${text.slice(bomAt % text.length)}`;
    return { text, refused };
  });

describe('check on hostile YAML', () => {
  // Another broken file, whose problem must still be reported beside the hostile one's.
  fixture.write('incidents/INC-2026-0002.md', markdownFile({ id: 'INC-2026-0002', title: 'Broken' }));

  it('reports each hostile file as problem lines naming it, and still reports the other files', () => {
    fc.assert(
      fc.property(hostileFile, ({ text, refused }) => {
        const result = checkFailsClosed('products/gateway.md', text);
        expect(result.registry).toBeUndefined();
        if (refused) {
          expect(result.problems).toContainEqual(
            expect.objectContaining({ severity: 'error', file: path.join(fixture.dir, 'products/gateway.md') }),
          );
        }
        expect(result.problems).toContainEqual(
          expect.objectContaining({
            file: path.join(fixture.dir, 'incidents/INC-2026-0002.md'),
            message: 'is required (text): add it',
          }),
        );
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
