/**
 * A rule that needs the git history and cannot have it is never skipped in silence: the check
 * names the rules it skipped and how to fetch the history, and in CI that stops the build.
 * Tested against real repositories and real shallow clones (`git clone --depth 1`).
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/registry/loadRegistry.ts';
import { formatProblem } from '../../src/registry/problems.ts';
import {
  BUILD_DATE,
  createContent,
  incident,
  markdownFile,
  noticeGuidance,
  product,
  type Fixture,
} from '../support/contentFixture.ts';
import { checkFixture } from '../support/checkFixture.ts';
import { commitAll, git, shallowClone } from '../support/git.ts';

let fixture: Fixture;
const clones: string[] = [];
afterEach(() => {
  fixture.cleanup();
  for (const clone of clones.splice(0)) rmSync(clone, { recursive: true, force: true });
});

const SKIPPED_WITH_A_CITED_SOURCE =
  'these rules were skipped: a cited "source" covers only a notice given before its release line was in the portal; every end-of-support date git has published stays in its notice\'s history; a fact git has published about an incident or advisory changes only with a correction that says so; a published product, incident or advisory file is not removed without a record in withdrawn.yml';
const FETCH =
  'Fetch the full history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0); in CI, a skipped rule stops the build';

/** Gives the fixture's 1.x line (its notice citing a source, unless not) the end-of-support date `date`. */
function writeEndOfSupport(date: string, citesSource = true) {
  const source = citesSource ? 'https://fixture.example/news/gateway-1x' : undefined;
  const releases = product().releases.map((releaseLine, index) =>
    index === 1
      ? {
          ...releaseLine,
          endOfSupport: { date, announced: '2026-06-01', ...(source && { source }), ...noticeGuidance },
        }
      : releaseLine,
  );
  fixture.write('products/gateway.md', markdownFile(product({ releases })));
}

/** A repository whose last commit moves the published date 2027-12-31 earlier, without a change entry. */
function dateMovedEarlier() {
  fixture = createContent();
  git(fixture.dir, ['init', '-q', '-b', 'main']);
  writeEndOfSupport('2027-12-31');
  commitAll(fixture.dir, '2026-06-01T10:00:00+00:00', 'Announce the end of support of 1.x');
  writeEndOfSupport('2027-09-30');
  commitAll(fixture.dir, '2026-07-01T10:00:00+00:00', 'Move the date earlier, by hand');
}

function check(contentDir: string, requireHistory?: boolean) {
  return checkContent({ contentDir, buildDate: BUILD_DATE, requireHistory }).problems.map(
    (problem) => `${problem.severity}: ${formatProblem(problem)}`,
  );
}

function cloned(dir: string): string {
  const clone = shallowClone(dir);
  clones.push(clone);
  return clone;
}

describe('rules skipped for want of the git history', () => {
  it('refuses a published date moved earlier by hand when the whole history is there', () => {
    dateMovedEarlier();
    const commit = git(fixture.dir, ['rev-parse', 'HEAD~1']).trim().slice(0, 10);
    expect(checkFixture(fixture).errors).toEqual([
      `products/gateway.md:25 releases[1].endOfSupport.date: git published 2027-12-31 as the end of support of 1.x on 2026-06-01 (commit ${commit}), and this notice no longer lists it: customers were given that date, so moving it is a change — add { on: <the day of the move>, from: 2027-12-31 } to "changes"`,
    ]);
  });

  it('names the skipped rules in a shallow clone, and how to fetch the history, as a warning outside CI', () => {
    dateMovedEarlier();
    const clone = cloned(fixture.dir);
    expect(check(clone)).toEqual([
      `warning: ${clone} the git history is shallow, so ${SKIPPED_WITH_A_CITED_SOURCE}. ${FETCH}`,
    ]);
  });

  it('stops a CI check in a shallow clone, so a date moved earlier cannot be published unchecked', () => {
    dateMovedEarlier();
    const clone = cloned(fixture.dir);
    expect(check(clone, true)).toEqual([
      `error: ${clone} the git history is shallow, so ${SKIPPED_WITH_A_CITED_SOURCE}. ${FETCH}`,
    ]);
  });

  it('refuses a notice without a cited source in a shallow clone, also outside CI: nothing else dates it', () => {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    writeEndOfSupport('2027-12-31', false);
    commitAll(fixture.dir, '2026-06-01T10:00:00+00:00');
    fixture.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, title: 'Edited' }));
    commitAll(fixture.dir, '2026-07-01T10:00:00+00:00', 'A second commit, so that a clone of depth 1 is shallow');
    const clone = cloned(fixture.dir);
    expect(check(clone)).toEqual([
      `error: ${clone} the git history is shallow, so these rules were skipped: a notice without a cited "source" counts from the day git first published it, when that is later than the day written; every end-of-support date git has published stays in its notice's history; a fact git has published about an incident or advisory changes only with a correction that says so; a published product, incident or advisory file is not removed without a record in withdrawn.yml. ${FETCH}`,
    ]);
  });

  it('says nothing of the history when the clone is complete', () => {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    commitAll(fixture.dir, '2026-06-01T10:00:00+00:00');
    expect(check(fixture.dir, true)).toEqual([]);
  });

  it('warns, also in CI, when the content is not in a git repository: a local trial', () => {
    fixture = createContent();
    expect(check(fixture.dir, true)).toEqual([
      `warning: ${fixture.dir} the content is not in a git repository, so ${SKIPPED_WITH_A_CITED_SOURCE}. That is fine for a trial; publish from a git repository with its full history, so that they run`,
    ]);
  });
});
