/** Runs the real check on a fixture and returns what the editor would read. */
import { checkContent } from '../../src/registry/loadRegistry.ts';
import { formatProblem } from '../../src/registry/problems.ts';
import { BUILD_DATE, type Fixture } from './contentFixture.ts';

export function checkFixture(fixture: Fixture, buildDate = BUILD_DATE) {
  const result = checkContent({ contentDir: fixture.dir, buildDate });
  const relative = (line: string) => line.split(`${fixture.dir}/`).join('');
  return {
    result,
    errors: result.problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => relative(formatProblem(problem))),
    warnings: result.problems
      .filter((problem) => problem.severity === 'warning')
      .map((problem) => relative(formatProblem(problem))),
  };
}
