/**
 * What a scaffolding command needs to know, asked once: from flags (scripts, CI), from prompts
 * (an editor at a terminal) or from a sensible default. Without a terminal nothing is asked:
 * a missing required value is a usage error that names the flag.
 */
import * as prompts from '@clack/prompts';
import type { ZodType } from 'zod';
import { ScaffoldError } from './frontMatterFile.ts';

export type Answer = string | string[] | boolean | undefined;
export type Answers = Record<string, Answer>;

export interface Question {
  /** The flag, without "--"; also the key in the answers. */
  readonly flag: string;
  /** The prompt, in the editor's words. */
  readonly message: string;
  /** text (default), a choice among options, several values, or yes/no. */
  readonly type?: 'text' | 'choice' | 'list' | 'yes-no' | undefined;
  readonly options?: ((answers: Answers) => readonly string[]) | undefined;
  /** What a prompt offers, when narrower than what a flag may name. */
  readonly promptOptions?: ((answers: Answers) => readonly string[]) | undefined;
  readonly required?: boolean | undefined;
  /** Used when the flag is not given (and offered as the answer at a prompt). */
  readonly default?: ((answers: Answers) => string | undefined) | undefined;
  /** Shown with the flag in the usage text, e.g. "YYYY-MM-DD". */
  readonly placeholder?: string | undefined;
  /** A list flag given once as "a,b,c" (names, ids). Lists with options always split. */
  readonly splitOnCommas?: boolean | undefined;
  /** Asked only when this returns true. */
  readonly when?: ((answers: Answers) => boolean) | undefined;
  /** Why the flag is refused when `when` is false, e.g. "is only for moving a published date". */
  readonly notApplicable?: string | undefined;
  /** What to say when there is nothing to choose from yet, and what to do about it. */
  readonly none?: string | undefined;
  /** Why a value would not pass check, in check's own words; undefined when it would. */
  readonly validate?: ((value: string, answers: Answers) => string | undefined) | undefined;
}

/** The check of a field's schema: the schema's own message for a value it refuses. */
export function bySchema(schema: ZodType): (value: string) => string | undefined {
  return (value) => schema.safeParse(value).error?.issues[0]?.message;
}

export type Flags = Record<string, string | boolean | (string | boolean)[] | undefined>;

export class UsageError extends ScaffoldError {
  override name = 'UsageError';
}

/** Answers from the flags, then prompts (interactive) or defaults, in question order. */
export async function collectAnswers(
  questions: readonly Question[],
  flags: Flags,
  interactive: boolean,
  /** At a prompt, also ask for optional values (not when the editor gave some flags already). */
  askOptional = true,
): Promise<Answers> {
  const answers: Answers = {};
  const missing: string[] = [];
  for (const question of questions) {
    const given = fromFlag(question, flags[question.flag]);
    if (question.when && !question.when(answers)) {
      if (given !== undefined && question.notApplicable) {
        throw new UsageError(`--${question.flag} ${question.notApplicable}`);
      }
      continue;
    }
    if (given !== undefined) {
      checkOption(question, given, answers);
      checkAnswer(question, given, answers);
      answers[question.flag] = given;
      continue;
    }
    const fallback = question.default?.(answers);
    if (interactive && (askOptional || question.required)) {
      answers[question.flag] = await ask(question, fallback, answers);
    } else if (fallback !== undefined) {
      const answer = question.type === 'list' ? [fallback] : fallback;
      checkAnswer(question, answer, answers);
      answers[question.flag] = answer;
    } else if (question.required) {
      missing.push(`--${question.flag}${question.placeholder ? ` ${question.placeholder}` : ''}`);
    }
  }
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}`);
  return answers;
}

function fromFlag(question: Question, value: Flags[string]): Answer {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).map(String);
  if (question.type === 'yes-no') return value === true || values[0] === 'true';
  // Lists of names (products, release lines, CVEs) may be written "a,b"; free text may hold commas.
  if (question.type === 'list')
    return question.options || question.splitOnCommas
      ? values.flatMap((text) => text.split(',')).map((text) => text.trim())
      : values;
  return values.at(-1);
}

function checkOption(question: Question, answer: Answer, answers: Answers): void {
  const options = question.options?.(answers);
  if (!options || typeof answer === 'boolean' || answer === undefined) return;
  for (const value of typeof answer === 'string' ? [answer] : answer) {
    if (options.includes(value)) continue;
    if (options.length === 0) throw new ScaffoldError(`--${question.flag} "${value}": ${noneOf(question)}`);
    throw new UsageError(`--${question.flag} "${value}" is not one of: ${options.join(', ')}`);
  }
}

/** Refuses a value check would refuse, with check's words (nothing has been written yet). */
function checkAnswer(question: Question, answer: Answer, answers: Answers): void {
  for (const value of typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : []) {
    const problem = question.validate?.(value, answers);
    if (problem) throw new ScaffoldError(`--${question.flag}: ${problem}`);
  }
}

const noneOf = (question: Question) => question.none ?? `there is nothing to choose for --${question.flag} yet`;

async function ask(question: Question, fallback: string | undefined, answers: Answers): Promise<Answer> {
  const options = (question.promptOptions ?? question.options)?.(answers);
  if (options?.length === 0) {
    // Nothing to choose from: a required choice cannot be answered, an optional one is skipped.
    if (question.required) throw new ScaffoldError(noneOf(question));
    return undefined;
  }
  const validate = (value: string | undefined) => {
    const text = value?.trim() ?? '';
    if (text === '') return question.required ? 'required' : undefined;
    const values = question.type === 'list' ? text.split(question.splitOnCommas ? ',' : '\n') : [text];
    for (const part of values) {
      const problem = question.validate?.(part.trim(), answers);
      if (problem) return problem;
    }
    return undefined;
  };
  let result: unknown;
  if (question.type === 'yes-no') {
    result = await prompts.confirm({ message: question.message, initialValue: fallback === 'true' });
  } else if (question.type === 'list' && options) {
    result = await prompts.multiselect({
      message: question.message,
      options: options.map((value) => ({ value, label: value })),
      required: question.required ?? false,
    });
  } else if (options) {
    result = await prompts.select({
      message: question.message,
      options: options.map((value) => ({ value, label: value })),
      ...(fallback !== undefined && options.includes(fallback) ? { initialValue: fallback } : {}),
    });
  } else {
    result = await prompts.text({
      message: question.message,
      ...(fallback !== undefined ? { initialValue: fallback } : {}),
      placeholder: question.required ? '' : '(optional: press Enter to skip)',
      validate,
    });
  }
  if (prompts.isCancel(result)) {
    prompts.cancel('Nothing was written.');
    process.exit(130);
  }
  if (typeof result === 'string') {
    const trimmed = result.trim();
    if (trimmed === '') return undefined;
    return question.type === 'list'
      ? trimmed.split(question.splitOnCommas ? ',' : '\n').map((text) => text.trim())
      : trimmed;
  }
  return result as Answer;
}

/** The answer as one string; throws when a required one is missing (a bug in the questions). */
export function textOf(answers: Answers, flag: string): string {
  const value = answers[flag];
  if (typeof value !== 'string') throw new UsageError(`missing --${flag}`);
  return value;
}

export function optionalTextOf(answers: Answers, flag: string): string | undefined {
  const value = answers[flag];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function listOf(answers: Answers, flag: string): string[] {
  const value = answers[flag];
  return Array.isArray(value) ? value.filter((text) => text !== '') : typeof value === 'string' ? [value] : [];
}

/** Usage lines for a list of questions. */
export function usageOf(questions: readonly Question[]): string {
  return questions
    .map((question) => {
      const flag = `--${question.flag}${question.type === 'yes-no' ? '' : ` ${question.placeholder ?? 'TEXT'}`}`;
      const note = question.required
        ? ''
        : question.notApplicable
          ? ` (optional; ${question.notApplicable.replace(/^is /, '')})`
          : ' (optional)';
      return `  ${flag.padEnd(34)} ${question.message}${note}`;
    })
    .join('\n');
}
