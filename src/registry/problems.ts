/**
 * A problem found in the content: the file, the line where it can be known, the field, what is
 * wrong and how to fix it. Every rule reports through this shape, so `check`, the build and the
 * dev server say the same words.
 */
export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  severity: ProblemSeverity;
  /** Path relative to the project root, e.g. "content/products/gateway.md". */
  file: string;
  line?: number | undefined;
  /** Field path as the editor writes it, e.g. "releases[2].endOfSupport.date". */
  field?: string | undefined;
  /** The same path as parts, used to find the line in the file. */
  path?: FieldPath | undefined;
  /** What is wrong, and how to fix it. */
  message: string;
  /** The name of the rule's message that says it (see `messageCatalogue`); none for a schema error. */
  name?: string | undefined;
}

/** A message of a rule's catalogue: its permanent name and its words. */
export interface Message {
  readonly name: string;
  readonly text: string;
}

type Catalogue<Entries> = {
  readonly [Name in keyof Entries]: Entries[Name] extends (...args: infer Args) => string
    ? (...args: Args) => Message & { readonly name: Name }
    : never;
};

/**
 * A rule's messages, each a named function from what the rule found to the words the editor
 * reads. `check`, the build, the dev server and `npm run new` all say a message through its entry,
 * so nothing is written twice; the name is permanent and titles the GitHub annotation.
 */
export function messageCatalogue<Entries extends Record<string, (...args: never[]) => string>>(
  entries: Entries,
): Catalogue<Entries> {
  return Object.fromEntries(
    Object.entries(entries).map(([name, words]) => [name, (...args: never[]) => ({ name, text: words(...args) })]),
  ) as Catalogue<Entries>;
}

export type FieldPath = ReadonlyArray<string | number>;

export function formatFieldPath(path: FieldPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${where}${field} ${problem.message}`;
}

/** GitHub Actions workflow command, so the problem shows inline on the pull request. */
export function formatAnnotation(problem: Problem): string {
  const escape = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const line = problem.line === undefined ? '' : `,line=${problem.line}`;
  // The title names the message and the field: "shortNotice (releases[1].endOfSupport.date)".
  const heading =
    problem.name && problem.field ? `${problem.name} (${problem.field})` : (problem.name ?? problem.field);
  const title = heading ? `,title=${escapeProperty(heading)}` : '';
  return `::${problem.severity} file=${escapeProperty(problem.file)}${line}${title}::${escape(problem.message)}`;
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message);
}

/** Thrown when content is invalid; carries every problem, not just the first. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    super(
      `${errors.length} content ${errors.length === 1 ? 'error' : 'errors'}:\n` +
        errors.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}
