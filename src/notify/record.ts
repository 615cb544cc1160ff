/**
 * The record of what each channel was told: notifications.json on a branch of its own in the
 * portal repository (docs/notifications.md says why). It is read with git and written as a
 * commit on that branch without touching the work tree or the checked-out branch, one commit
 * per accepted message, so a run that dies half-way loses nothing it had sent. The CI job
 * pushes the branch when the command ends, failed or not.
 */
import { execFileSync } from 'node:child_process';

export const RECORD_FILE = 'notifications.json';
export const DEFAULT_RECORD_BRANCH = 'trustline-notifications';

/** sent: the channel accepted it; earlier: it predates the channel (not sent); filtered: the channel's filter left it out. */
export type Outcome = 'sent' | 'earlier' | 'filtered';

export interface ChannelEntry {
  readonly outcome: Outcome;
  /** When it was recorded, RFC 3339 in UTC. */
  readonly at: string;
}

export interface RecordData {
  version: 1;
  /** Channel name → event id → what happened to it. */
  channels: Record<string, Record<string, ChannelEntry>>;
}

export class RecordError extends Error {
  override name = 'RecordError';
}

export interface SentRecord {
  readonly data: RecordData;
  /** False on the first run: there is no record branch yet. */
  readonly exists: boolean;
  /** Adds entries and commits them on the record branch. */
  save(message: string): void;
}

function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd,
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Trustline notify',
      GIT_AUTHOR_EMAIL: 'notify@trustline.invalid',
      GIT_COMMITTER_NAME: 'Trustline notify',
      GIT_COMMITTER_EMAIL: 'notify@trustline.invalid',
    },
  }).trim();
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch {
    return undefined;
  }
}

/**
 * The record on `branch`, or on origin's copy of it when this clone has no local branch (a CI
 * checkout with the full history has origin's branches as remote refs).
 */
export function openRecord(directory: string, branch = DEFAULT_RECORD_BRANCH): SentRecord {
  const root = tryGit(directory, ['rev-parse', '--show-toplevel']);
  if (root === undefined) {
    throw new RecordError(
      `${directory} is not in a git repository: notify keeps its record of what was sent on the branch "${branch}" of the portal repository, so run it in a clone`,
    );
  }
  const local = `refs/heads/${branch}`;
  let localCommit = tryGit(root, ['rev-parse', '--verify', '--quiet', `${local}^{commit}`]);
  let parent =
    localCommit ?? tryGit(root, ['rev-parse', '--verify', '--quiet', `refs/remotes/origin/${branch}^{commit}`]);
  const exists = parent !== undefined;
  let data: RecordData = { version: 1, channels: {} };
  if (parent !== undefined) {
    const text = tryGit(root, ['show', `${parent}:${RECORD_FILE}`]);
    try {
      data = JSON.parse(text ?? '') as RecordData;
      if (data.version !== 1 || typeof data.channels !== 'object') throw new Error('unknown shape');
    } catch {
      throw new RecordError(
        `${RECORD_FILE} on the branch "${branch}" is missing or not a record notify wrote: restore it from the branch's history (git log ${branch})`,
      );
    }
  }
  return {
    data,
    exists,
    save(message) {
      const blob = git(root, ['hash-object', '-w', '--stdin'], `${JSON.stringify(data, null, 2)}\n`);
      const tree = git(root, ['mktree'], `100644 blob ${blob}\t${RECORD_FILE}\n`);
      const commit = git(root, ['commit-tree', tree, ...(parent === undefined ? [] : ['-p', parent]), '-m', message]);
      // Compare-and-swap: another run that moved the branch meanwhile makes this one stop.
      try {
        git(root, ['update-ref', local, commit, localCommit ?? '']);
      } catch {
        throw new RecordError(
          `the branch "${branch}" changed while this run was writing to it: is another notify running? Let it finish (in CI, keep one run at a time with concurrency), then run notify again`,
        );
      }
      parent = localCommit = commit;
    },
  };
}
