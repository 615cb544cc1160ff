/** Runs git in a fixture repository as a fixed editor, optionally at a chosen date (author and committer). */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './builtSite.ts';

export function git(cwd: string, args: string[], date?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Editor',
      GIT_AUTHOR_EMAIL: 'editor@fixture.example',
      GIT_COMMITTER_NAME: 'Editor',
      GIT_COMMITTER_EMAIL: 'editor@fixture.example',
      ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
    },
  });
}

/** Commits everything in the folder at `date`, e.g. "2026-03-01T10:00:00+00:00". */
export function commitAll(cwd: string, date: string, message = 'content'): void {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '-m', message], date);
}

/**
 * A clone of the repository at `dir` with only its last commit, as CI's default checkout makes
 * (`fetch-depth: 1`). The repository needs two commits or more, or the clone is complete.
 */
export function shallowClone(dir: string): string {
  const clone = mkdtempSync(path.join(tmpdir(), 'trustline-shallow-'));
  git(tmpdir(), ['clone', '-q', '--depth', '1', `file://${dir}`, clone]);
  return clone;
}

/**
 * The demo content copied into a new repository and committed once, at the demo's build date:
 * its history is whole whatever the depth of this repository's own clone.
 */
export function demoRepository(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustline-demo-'));
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  commitAll(dir, '2026-11-22T00:00:00+00:00', 'The demo content');
  return dir;
}
