/**
 * npm run new -- <kind> [flags]: scaffolding for vendor editors. Each command writes or edits one
 * content file, then runs the same check as `npm run check` and says whether the file passes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import * as prompts from '@clack/prompts';
import { printProblems } from '../report.ts';
import { BuildTimeError, resolveBuildTime } from '../../registry/buildTime.ts';
import { checkContent, defaultContentDir } from '../../registry/loadRegistry.ts';
import { displayPath } from '../../registry/source/readContentFiles.ts';
import { createContext, utcInstant, type Scaffold } from './context.ts';
import { ScaffoldError } from './frontMatterFile.ts';
import { advisory, advisoryRevision } from './kinds/advisory.ts';
import { endOfSupport } from './kinds/endOfSupport.ts';
import { incident, incidentUpdate, postIncidentReport } from './kinds/incident.ts';
import { product } from './kinds/product.ts';
import { releaseLine } from './kinds/releaseLine.ts';
import { collectAnswers, usageOf, UsageError, type Question } from './questions.ts';

export const scaffolds: Record<string, Scaffold> = {
  product,
  'release-line': releaseLine,
  'end-of-support': endOfSupport,
  incident,
  'incident-update': incidentUpdate,
  'post-incident-report': postIncidentReport,
  advisory,
  'advisory-revision': advisoryRevision,
};

const COMMON =
  '  --content DIR                      the content folder (default content/)\n' +
  '  --date YYYY-MM-DD                  today, for the defaults and the check (default: today, UTC)';

function usage(): string {
  const kinds = Object.entries(scaffolds)
    .map(([kind, scaffold]) => `  ${kind.padEnd(22)} ${scaffold.summary}`)
    .join('\n');
  return `usage: npm run new -- <kind> [flags]\n\nkinds:\n${kinds}\n\n${COMMON}\n\nnpm run new -- <kind> --help lists the flags of a kind. In a terminal, missing values are asked for.`;
}

function parseOptions(questions: readonly Question[], argv: string[]) {
  const options: ParseArgsOptionsConfig = {
    content: { type: 'string' },
    date: { type: 'string' },
    help: { type: 'boolean' },
  };
  for (const question of questions) {
    options[question.flag] =
      question.type === 'yes-no'
        ? { type: 'boolean' }
        : question.type === 'list'
          ? { type: 'string', multiple: true }
          : { type: 'string' };
  }
  return parseArgs({ args: argv, options, allowPositionals: false }).values;
}

export async function main(
  argv: string[],
  interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY),
): Promise<number> {
  const [kind, ...rest] = argv;
  const scaffold = kind === undefined ? undefined : scaffolds[kind];
  if (!scaffold) {
    console.error(kind && !kind.startsWith('-') ? `new: there is no kind "${kind}"\n\n${usage()}` : usage());
    return kind === '--help' || kind === '-h' ? 0 : 2;
  }
  try {
    // The questions depend on the content folder (products to choose from), so read it first.
    const early = parseArgs({
      args: rest,
      options: { content: { type: 'string' }, date: { type: 'string' } },
      strict: false,
    });
    const contentDir = path.resolve(
      typeof early.values.content === 'string' ? early.values.content : defaultContentDir(),
    );
    const buildDate = typeof early.values.date === 'string' ? early.values.date : undefined;
    const buildTime = resolveBuildTime(buildDate);
    // Times default to now, but never after the build time the new file is checked against (a
    // --date in the past): an update dated later would fail that check.
    const clock = new Date(Math.floor(Math.min(Date.now(), buildTime.getTime()) / 60_000) * 60_000);
    const context = createContext(contentDir, buildTime, utcInstant(clock));
    const questions = scaffold.questions(context);
    const flags = parseOptions(questions, rest);
    if (flags['help']) {
      console.log(`usage: npm run new -- ${kind} [flags]\n${scaffold.summary}\n\n${usageOf(questions)}\n${COMMON}`);
      return 0;
    }
    const givenFlags = Object.keys(flags).filter((flag) => flag !== 'content' && flag !== 'date');
    if (interactive) prompts.intro(`Trustline: ${scaffold.summary}`);
    const answers = await collectAnswers(questions, flags, interactive, givenFlags.length === 0);
    const draft = scaffold.draft(answers, context);

    // The draft is checked as it would be written, and written only when it passes.
    const checked = checkContent({
      contentDir,
      buildDate: buildTime.toISOString(),
      unsaved: new Map([[draft.file, draft.text]]),
    });
    // The draft's problems in full; elsewhere only errors (npm run check shows the rest).
    const own = checked.problems.filter((problem) => path.resolve(problem.file) === draft.file);
    const otherErrors = checked.problems.filter(
      (problem) => problem.severity === 'error' && path.resolve(problem.file) !== draft.file,
    );
    printProblems([...own, ...otherErrors]);
    const fileLabel = displayPath(draft.file);
    const ownErrors = own.filter((problem) => problem.severity === 'error');
    if (ownErrors.length > 0) {
      console.error(
        `✖ ${fileLabel} would not pass check (${ownErrors.length} ${ownErrors.length === 1 ? 'error' : 'errors'} above): nothing was written`,
      );
      return 1;
    }
    mkdirSync(path.dirname(draft.file), { recursive: true });
    writeFileSync(draft.file, draft.text, { flag: draft.action === 'created' ? 'wx' : 'w' });
    console.log(`✔ ${draft.action} ${fileLabel}: it passes check (as of ${context.today})`);
    if (otherErrors.length > 0)
      console.error(
        `  other files have ${otherErrors.length} ${otherErrors.length === 1 ? 'error' : 'errors'} (above)`,
      );
    if (draft.next) console.log(`  next: ${draft.next}`);
    if (interactive) prompts.outro('Preview it with npm run dev');
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`new ${kind}: ${error.message}\nnpm run new -- ${kind} --help lists the flags`);
      return 2;
    }
    if (error instanceof ScaffoldError || error instanceof BuildTimeError) {
      console.error(`new ${kind}: ${error.message}\nnothing was written`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`new ${kind}: ${error.message}\nnpm run new -- ${kind} --help lists the flags`);
      return 2;
    }
    throw error;
  }
}
