import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/registry/loadRegistry.ts';
import { BUILD_DATE, createContent, type Fixture } from '../support/contentFixture.ts';

let fixture: Fixture;
afterEach(() => fixture.cleanup());

describe('the test fixture', () => {
  it('is valid content with no problems', () => {
    fixture = createContent();
    const result = checkContent({ contentDir: fixture.dir, buildDate: BUILD_DATE });
    expect(result.problems).toEqual([]);
    expect(result.registry?.products.map((product) => product.slug)).toEqual(['gateway']);
  });
});
