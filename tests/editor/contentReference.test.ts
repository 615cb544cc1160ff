/** docs/content-reference.md is generated from the schemas; CI fails when it is out of date. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_FILE, renderContentReference } from '../../scripts/content-reference.ts';

describe('the content reference', () => {
  it('is what npm run docs:reference generates from the current schemas', () => {
    expect(readFileSync(REFERENCE_FILE, 'utf8'), 'run npm run docs:reference and commit the result').toBe(
      renderContentReference(),
    );
  });

  it('documents every field with its type, presence and description', () => {
    expect(renderContentReference()).toContain(
      '| `releases[].endOfSupport.announced` | date, YYYY-MM-DD | required | The day this end of support was first announced. It must be at least one year before the date (Code of Practice 4.2). |',
    );
    expect(renderContentReference()).toContain(
      '| `feeds.maxItems` | whole number from 10 to 1000 | optional, default `50` | How many of the latest items each feed keeps. |',
    );
  });
});
