/**
 * trustline init <folder> [flags]: starts a vendor's portal in a new folder. Asks (in a terminal)
 * or takes as flags the vendor profile, writes a portal that passes check, and says what to do
 * next. Nothing is written when the folder is in use or an answer would not pass check.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import * as prompts from '@clack/prompts';
import { BuildTimeError, resolveBuildTime } from '../../registry/buildTime.ts';
import { utcDateOf } from '../../registry/calendarDate.ts';
import { checkContent } from '../../registry/loadRegistry.ts';
import { displayPath } from '../../registry/source/readContentFiles.ts';
import { ScaffoldError } from '../new/frontMatterFile.ts';
import { collectAnswers, optionalTextOf, textOf, usageOf, UsageError } from '../new/questions.ts';
import { printProblems, summary } from '../report.ts';
import { enginePackage, engineSource, portalFiles } from './portal.ts';
import { folderProblem, initQuestions, originOf } from './questions.ts';

const COMMON = '  --date YYYY-MM-DD                  the day the policies are dated and checked (default: today, UTC)';

function usage(): string {
  return `usage: trustline init <folder> [flags]\nstart a trust portal in a new folder\n\n${usageOf(initQuestions())}\n${COMMON}\n\nIn a terminal, missing values are asked for.`;
}

/**
 * The folder as the editor meant it: `npm run init -- <folder>` runs in the package's folder, so a
 * relative path is taken from where npm was started (INIT_CWD).
 */
function resolveFolder(folder: string): string {
  return path.resolve(process.env['INIT_CWD'] ?? process.cwd(), folder);
}

export async function main(
  argv: string[],
  interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY),
): Promise<number> {
  const questions = initQuestions();
  try {
    const options: ParseArgsOptionsConfig = { date: { type: 'string' }, help: { type: 'boolean' } };
    for (const question of questions) options[question.flag] = { type: 'string' };
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
    if (values['help']) {
      console.log(usage());
      return 0;
    }
    if (positionals.length > 1) throw new UsageError(`give one folder, not ${positionals.length}`);
    const date = utcDateOf(resolveBuildTime(typeof values['date'] === 'string' ? values['date'] : undefined));

    let folderArgument = positionals[0];
    if (folderArgument === undefined && interactive) {
      const answer = await prompts.text({
        message: 'Folder for the new portal',
        initialValue: 'trust-portal',
        validate: (value) => (value?.trim() ? folderProblem(resolveFolder(value.trim())) : 'required'),
      });
      if (prompts.isCancel(answer)) return cancelled();
      folderArgument = answer.trim();
    }
    if (folderArgument === undefined) throw new UsageError('missing <folder>');
    const folder = resolveFolder(folderArgument);
    // Refused before any question: nothing is asked for a portal that cannot be written.
    const problem = folderProblem(folder);
    if (problem) throw new ScaffoldError(problem);

    const flags = Object.fromEntries(Object.entries(values).filter(([flag]) => flag !== 'date' && flag !== 'help'));
    if (interactive) prompts.intro('Trustline: start a trust portal');
    const answers = await collectAnswers(questions, flags, interactive, Object.keys(flags).length === 0);
    const files = portalFiles({
      name: textOf(answers, 'name'),
      url: textOf(answers, 'url'),
      securityContact: textOf(answers, 'security-contact'),
      supportContact: textOf(answers, 'support-contact'),
      website: optionalTextOf(answers, 'website') ?? originOf(textOf(answers, 'url'))!,
      pgpKeyUrl: optionalTextOf(answers, 'pgp-key-url'),
      seniorResponsibleOwner: textOf(answers, 'senior-responsible-owner'),
      description: textOf(answers, 'description'),
      date,
      engineSource: engineSource(folder, enginePackage().version),
    });

    for (const [relativePath, text] of files) {
      const file = path.join(folder, relativePath);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text, { flag: 'wx' });
    }
    const git = startGitRepository(folder);

    const checked = checkContent({ contentDir: path.join(folder, 'content'), buildDate: date });
    printProblems(checked.problems);
    const label = displayPath(folder);
    console.log(
      `✔ wrote a trust portal for ${textOf(answers, 'name')} in ${label}: check reports ${summary(checked.problems, checked.files.length)} (as of ${checked.buildDate})`,
    );
    if (git) console.log(`  ${git}`);
    console.log(nextSteps(folderArgument));
    if (interactive) prompts.outro('Edit the templates: every place to edit is marked EDIT:');
    return checked.registry ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`init: ${error.message}\n${usage()}`);
      return 2;
    }
    if (error instanceof ScaffoldError || error instanceof BuildTimeError) {
      console.error(`init: ${error.message}\nnothing was written`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`init: ${error.message}\ntrustline init --help lists the flags`);
      return 2;
    }
    throw error;
  }
}

function cancelled(): number {
  prompts.cancel('Nothing was written.');
  return 130;
}

/**
 * The portal is a git repository from the start: the one-year notice rule (Code of Practice 4.2)
 * dates each end-of-support notice by the commit that published it. A folder already inside a
 * repository is left to it. Returns what was done, in a sentence, or undefined.
 */
function startGitRepository(folder: string): string | undefined {
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: folder, encoding: 'utf8' });
  if (inside.error) return 'git was not found: make the folder a git repository before the first commit (git init)';
  if (inside.status === 0) return undefined;
  const init = spawnSync('git', ['init', '--quiet', '--initial-branch=main'], { cwd: folder, encoding: 'utf8' });
  return init.status === 0
    ? 'started a git repository (branch main): review the files, then commit them'
    : `git init failed (${init.stderr.trim()}): make the folder a git repository before the first commit`;
}

function nextSteps(folder: string): string {
  return [
    '  next:',
    `    cd ${folder}`,
    '    npm install      # installs the engine (see its README)',
    '    npm run dev      # a preview at http://localhost:4321/',
    '  then edit the places marked EDIT: in content/ (grep -rn "EDIT:" content/), and read README.md',
  ].join('\n');
}
