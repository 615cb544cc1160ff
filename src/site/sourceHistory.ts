/**
 * Where a page's source lives (docs/verifying.md): the last commit that changed the page's source
 * file — the file at that commit is the file the page was built from — and, when the vendor
 * configures its public repository (vendor.yml sourceRepository, off by default), links to that
 * commit and to the history of the file, so a customer can check the page against the record.
 *
 * The commit is the file's, not the whole content's: a page changes only when its own source
 * does, so an unrelated commit neither changes it nor stops a warm build carrying it over.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { VendorData } from '../registry/schema/vendor.ts';
import { contentDir } from './config.ts';

export interface SourceHistory {
  /** The last commit that changed the source file, in full; undefined outside git or before its first commit. */
  readonly commit: string | undefined;
  /** The file in the work tree differed from that commit when the site was built. */
  readonly modified: boolean;
  readonly commitUrl: string | undefined;
  readonly fileHistoryUrl: string | undefined;
}

interface FileRevisions {
  readonly topLevel: string;
  /** Path relative to the repository's top level → the last commit that changed it. */
  readonly lastCommit: ReadonlyMap<string, string>;
  /** Paths relative to the top level that differ from their last commit (or are not committed). */
  readonly modified: ReadonlySet<string>;
}

let revisions: FileRevisions | null | undefined;

/** Read once per build: one `git rev-parse`, one `git log` and one `git status` for every page. */
function fileRevisions(): FileRevisions | null {
  if (revisions !== undefined) return revisions;
  const git = (args: string[]) =>
    spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd: contentDir(),
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
  const topLevel = git(['rev-parse', '--show-toplevel']);
  if (topLevel.status !== 0) return (revisions = null);
  // Newest first: the first commit that names a file is the last one that changed it.
  const log = git(['log', '--format=%x00%H', '--name-only', '--no-renames', '--', '.']);
  const lastCommit = new Map<string, string>();
  let commit = '';
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('\0')) commit = line.slice(1);
    else if (line !== '' && !lastCommit.has(line)) lastCommit.set(line, commit);
  }
  // Porcelain paths are relative to the top level, whatever the working directory.
  const status = git(['status', '--porcelain', '-z', '--no-renames', '--untracked-files=all', '--', '.']);
  const modified = new Set(
    status.stdout
      .split('\0')
      .filter((entry) => entry.length > 3)
      .map((entry) => entry.slice(3)),
  );
  return (revisions = { topLevel: topLevel.stdout.trim(), lastCommit, modified });
}

/** The source history of the page built from `file` (a content file, as the Registry names it). */
export function sourceHistory(vendor: VendorData, file: string): SourceHistory {
  const repository = vendor.sourceRepository;
  const found = fileRevisions();
  const inRepository = found && path.relative(found.topLevel, path.resolve(file)).split(path.sep).join('/');
  if (!found || !inRepository || inRepository.startsWith('..')) {
    return { commit: undefined, modified: false, commitUrl: undefined, fileHistoryUrl: undefined };
  }
  const commit = found.lastCommit.get(inRepository);
  return {
    commit,
    modified: found.modified.has(inRepository),
    commitUrl: repository && commit ? `${repository.commit}${commit}` : undefined,
    fileHistoryUrl: repository
      ? `${repository.fileHistory}${inRepository.split('/').map(encodeURIComponent).join('/')}`
      : undefined,
  };
}
