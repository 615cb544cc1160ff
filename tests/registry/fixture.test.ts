import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/registry/loadRegistry.ts';
import { formatProblem } from '../../src/registry/problems.ts';
import { BUILD_DATE, createContent, outsideGitWarning, type Fixture } from '../support/contentFixture.ts';

let fixture: Fixture;
afterEach(() => fixture.cleanup());

describe('the test fixture', () => {
  it('is valid content whose one warning is that it is not in git', () => {
    fixture = createContent();
    const result = checkContent({ contentDir: fixture.dir, buildDate: BUILD_DATE });
    expect(result.problems.map((problem) => `${problem.severity}: ${formatProblem(problem)}`)).toEqual([
      `warning: ${outsideGitWarning(fixture.dir)}`,
    ]);
    expect(result.registry?.products.map((product) => product.slug)).toEqual(['gateway']);
  });
});
