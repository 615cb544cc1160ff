/**
 * Whatever an editor's file contains — wrong types, truncated text, swapped dates, odd Unicode —
 * `check` ends with success or a list of clear messages; it never throws (property-based).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkContent } from '../../src/registry/loadRegistry.ts';
import { ROOT } from '../support/builtSite.ts';
import { createContent } from '../support/contentFixture.ts';

const fixture = createContent();
afterAll(() => fixture.cleanup());

const demoProduct = readFileSync(path.join(ROOT, 'content', 'products', 'edge-gateway.md'), 'utf8');
const demoIncident = readFileSync(path.join(ROOT, 'content', 'incidents', 'INC-2026-0031.md'), 'utf8');

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
  const copy: Record<string, unknown> = Array.isArray(data) ? ([...data] as never) : { ...data };
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
  it('never throws, and every problem names a file and says what is wrong', () => {
    fc.assert(
      fc.property(mutation, fc.constantFrom('products/edge-gateway.md', 'incidents/INC-2026-0031.md'), (text, file) => {
        fixture.write(file, text);
        const result = checkContent({ contentDir: fixture.dir, buildDate: '2026-11-22' });
        fixture.remove(file);
        if (result.registry) return true;
        return (
          result.problems.length > 0 &&
          result.problems.every((problem) => problem.file.length > 0 && problem.message.length > 10)
        );
      }),
      { numRuns: 300 },
    );
    expect(true).toBe(true);
  });
});
