/**
 * npm run check [-- --content DIR --date YYYY-MM-DD]
 * Validates all content without building the site and reports every problem at once. In CI a
 * rule skipped for want of the git history is an error (src/registry/rules/history.ts).
 * Exit code: 0 when there are no errors (warnings allowed), 1 on any content error, 2 on a
 * usage error.
 */
import { parseCommonArgs } from '../src/cli/args.ts';
import { runsInCi } from '../src/cli/ci.ts';
import { checkWithParseCache } from '../src/cli/checkWithParseCache.ts';
import { createProgress, saveTimings } from '../src/cli/progress.ts';
import { printProblems, summary } from '../src/cli/report.ts';
import { BuildTimeError } from '../src/registry/buildTime.ts';

function main(): number {
  let options;
  try {
    options = parseCommonArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`check: ${(error as Error).message}\nusage: npm run check -- [--content DIR] [--date YYYY-MM-DD]`);
    return 2;
  }
  try {
    const progress = createProgress();
    progress.phase('check', 'content');
    // Unchanged front matter is not parsed again (src/registry/source/parseCache.ts).
    const result = checkWithParseCache({
      contentDir: options.contentDir,
      buildDate: options.buildDate,
      requireHistory: runsInCi(),
    });
    progress.end();
    saveTimings(progress);
    printProblems(result.problems);
    const ok = result.registry !== undefined;
    const line = `${ok ? '✔' : '✖'} ${summary(result.problems, result.files.length)} (as of ${result.buildDate})`;
    (ok ? console.log : console.error)(line);
    return ok ? 0 : 1;
  } catch (error) {
    if (error instanceof BuildTimeError) {
      console.error(`check: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main();
