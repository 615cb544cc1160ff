/**
 * The rules that read the git history cannot run without it: in a shallow clone (CI's default
 * checkout fetches one commit) or in a folder outside git. A skipped rule is never silent: the
 * check names each one and says how to fetch the history. In CI, where the build publishes, a
 * skipped rule stops the build, so a date moved earlier cannot go out unchecked (Code of Practice
 * 4.2). A folder outside git is a local trial: there the check warns.
 */
import type { HistoryState } from '../git/publicationHistory.ts';
import { messageCatalogue } from '../problems.ts';
import { reportIn, type RuleContext } from './context.ts';

/** The rules that need the history, in the order the check names them. */
export const HISTORY_RULES = {
  countedFromPublication:
    'a notice without a cited "source" counts from the day git first published it, when that is later than ' +
    'the day written',
  sourceScope: 'a cited "source" covers only a notice given before its release line was in the portal',
  publishedDatesKept: "every end-of-support date git has published stays in its notice's history",
  publishedFactsKept:
    'a fact git has published about an incident or advisory changes only with a correction that says so',
  removalsRecorded: 'a published product, incident or advisory file is not removed without a record in withdrawn.yml',
} as const;

export type HistoryRule = keyof typeof HISTORY_RULES;

/** The rule's messages: `rules` lists the skipped rules in HISTORY_RULES' words. */
export const messages = messageCatalogue({
  skippedOutsideGit: (rules: string) =>
    `the content is not in a git repository, so these rules were skipped: ${rules}. That is fine for a trial; ` +
    'publish from a git repository with its full history, so that they run',
  skippedShallowHistory: (rules: string) =>
    `the git history is shallow, so these rules were skipped: ${rules}. Fetch the full history (git fetch ` +
    '--unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0); in CI, a skipped rule stops the build',
});

/**
 * One problem for every rule skipped in this check, or none. `requireHistory`: the check runs in
 * CI (see src/cli/ci.ts).
 */
export function reportSkippedHistoryRules(
  skipped: ReadonlySet<HistoryRule>,
  state: HistoryState,
  requireHistory: boolean,
  context: RuleContext,
): void {
  if (skipped.size === 0 || state === 'complete' || state === 'checked') return;
  const rules = (Object.keys(HISTORY_RULES) as HistoryRule[])
    .filter((rule) => skipped.has(rule))
    .map((rule) => HISTORY_RULES[rule])
    .join('; ');
  if (state === 'not-a-repository') {
    reportIn(context, 'warning', context.contentDirLabel, messages.skippedOutsideGit(rules));
    return;
  }
  // Without the history nothing dates a notice that cites no source: that stops even a local check.
  const error = requireHistory || skipped.has('countedFromPublication');
  reportIn(context, error ? 'error' : 'warning', context.contentDirLabel, messages.skippedShallowHistory(rules));
}
