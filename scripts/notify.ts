/**
 * npm run notify [-- --dry-run --send-past --max-messages N --date YYYY-MM-DD --content DIR]
 * Sends each event the content publishes, once, to the channels in content/vendor.yml
 * (notifications), and records what was sent on the branch trustline-notifications
 * (docs/notifications.md). Run it after a successful deploy, then push that branch.
 * Exit code: 0 when everything due was sent, 1 when a channel failed, the cap was reached or the
 * content has errors, 2 on a usage error or an unreadable record.
 */
import { parseCommonArgs } from '../src/cli/args.ts';
import { BuildTimeError } from '../src/registry/buildTime.ts';
import { DEFAULT_RECORD_BRANCH } from '../src/notify/record.ts';
import { notify } from '../src/notify/run.ts';

const USAGE =
  'usage: npm run notify -- [--dry-run] [--send-past] [--max-messages N] [--attempts N] [--backoff SECONDS] [--record-branch NAME] [--content DIR] [--date YYYY-MM-DD]';

function positiveNumber(flag: string, value: unknown, whole: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !(number > 0) || (whole && !Number.isInteger(number))) {
    throw new Error(
      `--${flag} "${typeof value === 'string' ? value : JSON.stringify(value)}" is not a ${whole ? 'whole number' : 'number'} above 0`,
    );
  }
  return number;
}

async function main(): Promise<number> {
  let options;
  try {
    const args = parseCommonArgs(process.argv.slice(2), {
      'dry-run': { type: 'boolean' },
      'send-past': { type: 'boolean' },
      'max-messages': { type: 'string' },
      attempts: { type: 'string' },
      backoff: { type: 'string' },
      'record-branch': { type: 'string' },
    });
    const branch = args.flags['record-branch'];
    options = {
      contentDir: args.contentDir,
      buildDate: args.buildDate,
      dryRun: args.flags['dry-run'] === true,
      sendPast: args.flags['send-past'] === true,
      maxMessages: positiveNumber('max-messages', args.flags['max-messages'], true),
      attempts: positiveNumber('attempts', args.flags['attempts'], true) ?? 3,
      backoffSeconds: positiveNumber('backoff', args.flags['backoff'], false) ?? 5,
      recordBranch: typeof branch === 'string' ? branch : DEFAULT_RECORD_BRANCH,
    };
  } catch (error) {
    console.error(`notify: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    return await notify(options);
  } catch (error) {
    if (error instanceof BuildTimeError) {
      console.error(`notify: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main();
