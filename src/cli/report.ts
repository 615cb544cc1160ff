/** How the editor CLI prints problems: one line each, plus GitHub annotations under Actions. */
import { formatAnnotation, formatProblem, type Problem } from '../registry/problems.ts';

export function printProblems(problems: readonly Problem[], out: (line: string) => void = console.error): void {
  for (const problem of problems)
    out(`${problem.severity === 'error' ? 'error' : 'warning'}: ${formatProblem(problem)}`);
  if (process.env['GITHUB_ACTIONS'] === 'true') {
    for (const problem of problems) out(formatAnnotation(problem));
  }
}

export function summary(problems: readonly Problem[], files: number): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
}
