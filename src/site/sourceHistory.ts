/**
 * Where a page's source lives (docs/verifying.md): the commit of the content the site was built
 * from — the one /build-manifest.json names — and, when the vendor configures its public
 * repository (vendor.yml sourceRepository, off by default), links to that commit and to the
 * history of the page's source file, so a customer can check the page against the record.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { contentRevision } from '../pipeline/manifest.ts';
import type { Vendor } from '../registry/schema/vendor.ts';
import { contentDir } from './config.ts';

export interface SourceHistory {
  /** The content commit, in full; undefined outside git. */
  readonly commit: string | undefined;
  /** The work tree differed from the commit when the site was built. */
  readonly modified: boolean;
  readonly commitUrl: string | undefined;
  readonly fileHistoryUrl: string | undefined;
}

let revision: { commit: string | null; modified: boolean; topLevel: string | undefined } | undefined;

/** Read once per build: one `git log`, one `git status` and one `git rev-parse` for every page. */
function contentRevisionOnce() {
  if (!revision) {
    const dir = contentDir();
    const topLevel = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
    revision = { ...contentRevision(dir), topLevel: topLevel.status === 0 ? topLevel.stdout.trim() : undefined };
  }
  return revision;
}

/** The source history of the page built from `file` (a content file, as the Registry names it). */
export function sourceHistory(vendor: Vendor, file: string): SourceHistory {
  const { commit, modified, topLevel } = contentRevisionOnce();
  const repository = vendor.sourceRepository;
  const inRepository = topLevel && path.relative(topLevel, path.resolve(file)).split(path.sep).join('/');
  return {
    commit: commit ?? undefined,
    modified,
    commitUrl: repository && commit ? `${repository.commit}${commit}` : undefined,
    fileHistoryUrl:
      repository && inRepository && !inRepository.startsWith('..')
        ? `${repository.fileHistory}${inRepository.split('/').map(encodeURIComponent).join('/')}`
        : undefined,
  };
}
