/**
 * Slugs and ids become folder and file names of the built site, so `check` bounds them to 100
 * characters: a longer one is a problem naming the file and field, not a failed `mkdir` later.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { advisory, createContent, incident, markdownFile, product } from '../support/contentFixture.ts';
import { checkFixture } from '../support/checkFixture.ts';

const fixture = createContent();
afterAll(() => fixture.cleanup());

const word = fc.stringMatching(/^[a-z0-9]{1,20}$/);
/** A URL-safe name of the given length range: words joined by single hyphens. */
const pathName = (minLength: number, maxLength: number) =>
  fc
    .array(word, { minLength: 1, maxLength: 40 })
    .map((words) => words.join('-'))
    .filter((name) => name.length >= minLength && name.length <= maxLength);

const message = (length: number) =>
  `is ${length} characters long; slugs and ids become folder and file names of the site, so they are limited to 100 characters: shorten it`;

const documents = [
  {
    field: 'slug',
    line: 2,
    file: 'products/gateway.md',
    text: (name: string) => markdownFile(product({ slug: name })),
    original: markdownFile(product(), 'The gateway.\n'),
  },
  {
    field: 'id',
    line: 2,
    file: 'incidents/INC-2026-0001.md',
    text: (name: string) => markdownFile({ ...incident, id: name.toUpperCase() }),
    original: markdownFile(incident),
  },
  {
    field: 'id',
    line: 2,
    file: 'advisories/FSA-2026-0001.md',
    text: (name: string) => markdownFile({ ...advisory, id: name.toUpperCase() }),
    original: markdownFile(advisory),
  },
];

/** The errors `check` reports with `text(name)` as the document's file; the file is then restored. */
function errorsWith(document: (typeof documents)[number], name: string): string[] {
  fixture.write(document.file, document.text(name));
  try {
    return checkFixture(fixture).errors;
  } finally {
    fixture.write(document.file, document.original);
  }
}

describe('names that become paths', () => {
  it('refuses a product slug, incident id or advisory id over 100 characters, naming the file and field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...documents), pathName(101, 300), (document, name) => {
        expect(errorsWith(document, name)).toContain(
          `${document.file}:${document.line} ${document.field}: ${message(name.length)}`,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('accepts them up to 100 characters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...documents), pathName(1, 100), (document, name) => {
        expect(errorsWith(document, name).filter((error) => error.includes('characters long'))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
