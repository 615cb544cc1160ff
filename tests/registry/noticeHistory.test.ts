/**
 * A notice counts from the later of its announced day and the first commit that published the
 * end-of-support date on the branch being built: it cannot be backdated, and a pull request
 * counts from the day it is merged. Tested against real git repositories with commits, squash
 * merges and rebase merges at chosen dates.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKED_HISTORY, readPublicationHistory } from '../../src/registry/git/publicationHistory.ts';
import { checkContent } from '../../src/registry/loadRegistry.ts';
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
import { commitAll as commitFolder, git } from '../support/git.ts';

let fixture: Fixture;
const clones: string[] = [];
afterEach(() => {
  fixture.cleanup();
  for (const clone of clones.splice(0)) rmSync(clone, { recursive: true, force: true });
});

/** Writes the 1.x notice (without a cited source) into the fixture's product file; none: "to be announced". */
function writeNotice(endOfSupport: Record<string, unknown> | undefined) {
  const releases = product().releases.map((releaseLine, index) =>
    index === 1
      ? { ...releaseLine, endOfSupport: endOfSupport && { ...endOfSupport, ...noticeGuidance } }
      : releaseLine,
  );
  fixture.write('products/gateway.md', markdownFile(product({ releases })));
}

function commitAll(date: string, message = 'content') {
  commitFolder(fixture.dir, date, message);
}

/** The day the fixture's 1.x notice counts from, as the Registry carries it to every page and file. */
function countedFrom(result: ReturnType<typeof checkContent>) {
  return result.registry?.products.find((entry) => entry.slug === 'gateway')?.releaseLines[1]?.notice?.announced;
}

const headCommit = () => git(fixture.dir, ['rev-parse', 'HEAD']).trim().slice(0, 10);

function repository() {
  fixture = createContent();
  git(fixture.dir, ['init', '-q', '-b', 'main']);
  writeNotice({ date: '2027-06-30', announced: '2026-03-01' });
  commitAll('2026-03-01T10:00:00+00:00', 'Announce the end of support of 1.x');
}

describe('the day a notice counts from', () => {
  it('accepts an announcement dated the day of the commit that published it', () => {
    repository();
    expect(checkFixture(fixture).errors).toEqual([]);
  });

  it('counts an announcement dated before the commit that published it from that commit’s day', () => {
    repository();
    writeNotice({ date: '2027-06-30', announced: '2026-02-01' });
    commitAll('2026-03-05T10:00:00+00:00', 'Edit the announcement date');
    const { errors, result } = checkFixture(fixture);
    expect(errors).toEqual([]);
    expect(countedFrom(result)).toBe('2026-03-01');
  });

  it('refuses a date less than a year after the commit that published it, naming the commit', () => {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    writeNotice({ date: '2027-02-15', announced: '2026-02-01' });
    commitAll('2026-03-05T10:00:00+00:00', 'Announce the end of support of 1.x');
    expect(checkFixture(fixture).errors).toEqual([
      `products/gateway.md:25 releases[1].endOfSupport.date: 2027-02-15 gives 11 months' notice from 2026-03-05, the day it was published (git first published 2027-02-15 for 1.x on 2026-03-05, commit ${headCommit()}), later than the 2026-02-01 written: a notice counts from the day customers could read it; the Code requires at least one year — the earliest allowed date is 2027-03-05`,
    ]);
  });

  it('uses the committer’s own calendar day, whatever the build machine’s time zone', () => {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    writeNotice({ date: '2027-06-30', announced: '2026-03-01' });
    // 23:30 in New York on 1 March is already 2 March in UTC.
    commitAll('2026-03-01T23:30:00-05:00');
    expect(checkFixture(fixture).errors).toEqual([]);
  });

  it('measures a change of date from the commit that published the new date', () => {
    repository();
    writeNotice({
      date: '2027-05-31',
      announced: '2026-03-01',
      changes: [{ on: '2026-05-15', from: '2027-06-30' }],
    });
    commitAll('2026-06-01T09:00:00+00:00', 'Bring 1.x forward');
    expect(checkFixture(fixture).errors).toEqual([
      `products/gateway.md:25 releases[1].endOfSupport.date: moving the end of support of 1.x earlier, to 2027-05-31, is a new notice: it gives 11 months' notice from 2026-06-01, the day it was published (git first published 2027-05-31 for 1.x on 2026-06-01, commit ${headCommit()}), later than the 2026-05-15 written: a notice counts from the day customers could read it; the Code requires at least one year — the earliest allowed date is 2027-06-01 (or keep 2027-06-30)`,
    ]);
  });

  it('counts an uncommitted notice from the build date', () => {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    writeNotice(undefined);
    commitAll('2026-03-01T10:00:00+00:00', 'Add 1.x, end of support to be announced');
    writeNotice({ date: '2027-11-01', announced: '2026-11-01' });
    expect(checkFixture(fixture).errors).toEqual([
      "products/gateway.md:25 releases[1].endOfSupport.date: 2027-11-01 gives 11 months' notice from 2026-11-22, the day it was published (no commit contains 2027-11-01 for 1.x yet, so it counts as published on the build date), later than the 2026-11-01 written: a notice counts from the day customers could read it; the Code requires at least one year — the earliest allowed date is 2027-11-22",
    ]);
  });

  it('accepts a notice given before the portal when it cites the original announcement', () => {
    repository();
    writeNotice({
      date: '2027-06-30',
      announced: '2025-01-10',
      source: 'https://fixture.example/news/2025/gateway-1x',
    });
    commitAll('2026-03-05T10:00:00+00:00');
    expect(checkFixture(fixture).errors).toEqual([]);
  });

  it('counts a notice given after the release line was in the portal from its commit, whatever source it cites', () => {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    writeNotice(undefined);
    commitAll('2026-03-01T10:00:00+00:00', 'Add 1.x, end of support to be announced');
    writeNotice({ date: '2027-04-15', announced: '2026-04-01', source: 'https://fixture.example/news/gateway-1x' });
    commitAll('2026-05-01T10:00:00+00:00', 'Announce the end of support of 1.x');
    expect(checkFixture(fixture).errors).toEqual([
      `products/gateway.md:25 releases[1].endOfSupport.date: 2027-04-15 gives 11 months' notice from 2026-05-01, the day it was published (git first published 2027-04-15 for 1.x on 2026-05-01, commit ${headCommit()}), later than the 2026-04-01 written: a notice counts from the day customers could read it; the Code requires at least one year — the earliest allowed date is 2027-05-01`,
    ]);
  });

  it('refuses a published date moved without a change in the notice history, naming the commit', () => {
    repository();
    const commit = git(fixture.dir, ['rev-parse', 'HEAD']).trim().slice(0, 10);
    writeNotice({ date: '2027-12-31', announced: '2026-03-01' });
    commitAll('2026-06-01T09:00:00+00:00', 'Move the date of 1.x');
    expect(checkFixture(fixture).errors).toEqual([
      `products/gateway.md:25 releases[1].endOfSupport.date: git published 2027-06-30 as the end of support of 1.x on 2026-03-01 (commit ${commit}), and this notice no longer lists it: customers were given that date, so moving it is a change — add { on: <the day of the move>, from: 2027-06-30 } to "changes"`,
    ]);
    writeNotice({ date: '2027-12-31', announced: '2026-03-01', changes: [{ on: '2026-06-01', from: '2027-06-30' }] });
    commitAll('2026-06-01T09:30:00+00:00', 'Record the move');
    expect(checkFixture(fixture).errors).toEqual([]);
  });

  it('is not read again for content the build has checked: the pages and files take the days the check counted', () => {
    repository();
    writeNotice({ date: '2027-06-30', announced: '2026-02-01' });
    commitAll('2026-03-05T10:00:00+00:00', 'Edit the announcement date');
    const { result } = checkFixture(fixture);
    expect(result.noticeDays['gateway/1.x']).toEqual(['2026-03-01']);
    const checked = checkContent({
      contentDir: fixture.dir,
      buildDate: BUILD_DATE,
      history: CHECKED_HISTORY,
      noticeDays: result.noticeDays,
    });
    expect(checked.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(countedFrom(checked)).toBe('2026-03-01');
  });

  it('follows the history of a renamed product file', () => {
    repository();
    git(fixture.dir, ['mv', 'products/gateway.md', 'products/fixture-gateway.md']);
    commitAll('2026-04-01T10:00:00+00:00', 'Rename');
    const { errors, warnings } = checkFixture(fixture);
    expect(errors).toEqual([]);
    expect(warnings.filter((warning) => warning.includes('no longer in the content folder'))).toEqual([]);
  });

  it('warns when a published incident or advisory is removed, naming the commit that published it', () => {
    repository();
    const commit = git(fixture.dir, ['rev-parse', 'HEAD']).trim().slice(0, 10);
    fixture.remove('incidents/INC-2026-0001.md');
    fixture.remove('advisories/FSA-2026-0001.md');
    const removed = (file: string, entry: string) =>
      `${file} was published on 2026-03-01 (commit ${commit}) and is no longer in the content folder: its page, feed items and machine-readable records are gone for the customers who relied on them. Restore it, or, if removing it was intended, record the withdrawal in withdrawn.yml (${entry}, with its title, date and reason) so its address says why; to correct or close an incident or advisory, post an update or a revision instead`;
    const expected = [
      removed('advisories/FSA-2026-0001.md', 'advisory: FSA-2026-0001'),
      removed('incidents/INC-2026-0001.md', 'incident: INC-2026-0001'),
    ];
    expect(checkFixture(fixture).warnings).toEqual(expected);
    commitAll('2026-04-01T10:00:00+00:00', 'Remove them');
    expect(checkFixture(fixture).warnings).toEqual(expected);
  });

  it('does not warn about a published file moved to another folder, before or after the move is committed', () => {
    repository();
    const text = readFileSync(path.join(fixture.dir, 'incidents/INC-2026-0001.md'), 'utf8');
    fixture.remove('incidents/INC-2026-0001.md');
    fixture.write('incidents/2026/INC-2026-0001.md', text);
    const moved = (warnings: string[]) => warnings.filter((warning) => warning.includes('no longer in the content'));
    expect(moved(checkFixture(fixture).warnings)).toEqual([]);
    commitAll('2026-04-01T10:00:00+00:00', 'Move');
    expect(moved(checkFixture(fixture).warnings)).toEqual([]);
  });

  it('accepts a notice that cites its announcement in a shallow clone, where git cannot date it', () => {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    commitAll('2026-03-01T10:00:00+00:00');
    fixture.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, title: 'Edited' }));
    commitAll('2026-04-01T10:00:00+00:00', 'A second commit, so that a clone of depth 1 is shallow');
    const clone = mkdtempSync(path.join(tmpdir(), 'trustline-shallow-'));
    clones.push(clone);
    git(tmpdir(), ['clone', '-q', '--depth', '1', `file://${fixture.dir}`, clone]);
    expect(
      checkContent({ contentDir: clone, buildDate: BUILD_DATE }).problems.filter((p) => p.severity === 'error'),
    ).toEqual([]);
  });

  it('reports a shallow clone once, naming the skipped rules and how to fetch the full history', () => {
    repository();
    fixture.write('incidents/INC-2026-0001.md', '---\nid: INC-2026-0001\n---\n');
    commitAll('2026-04-01T10:00:00+00:00', 'A second commit, so that a clone of depth 1 is shallow');
    const clone = mkdtempSync(path.join(tmpdir(), 'trustline-shallow-'));
    clones.push(clone);
    git(tmpdir(), ['clone', '-q', '--depth', '1', `file://${fixture.dir}`, clone]);
    const original = fixture.dir;
    fixture = { ...fixture, dir: clone, cleanup: () => rmSync(original, { recursive: true, force: true }) };
    const { errors } = checkFixture(fixture);
    expect(errors.filter((error) => error.includes('shallow'))).toEqual([
      `${clone} the git history is shallow, so these rules were skipped: a notice without a cited "source" counts from the day git first published it, when that is later than the day written; every end-of-support date git has published stays in its notice's history; a fact git has published about an incident or advisory changes only with a correction that says so; a published product, incident or advisory file is not removed without a record in withdrawn.yml. Fetch the full history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0); in CI, a skipped rule stops the build`,
    ]);
  });

  it('finds the first publication of each file and release line in one read of the history', () => {
    repository();
    for (let index = 0; index < 20; index++) {
      fixture.write(`products/p${index}.md`, markdownFile(product({ slug: `p${index}`, name: `P${index}` })));
    }
    commitAll('2026-04-01T10:00:00+00:00');
    const history = readPublicationHistory(fixture.dir);
    expect(history.state).toBe('complete');
    expect(history.firstPublished(path.join(fixture.dir, 'products/gateway.md'), '1.x', '2027-06-30')?.date).toBe(
      '2026-03-01',
    );
    expect(history.firstPublished(path.join(fixture.dir, 'products/p7.md'), '1.x', '2027-12-31')?.date).toBe(
      '2026-04-01',
    );
  });
});

describe('a notice merged from a pull request', () => {
  /** A notice written on 10 November in a branch, merged into main on `mergeDay` by squash or rebase. */
  function mergeNotice(strategy: 'squash' | 'rebase', mergeDay: string, endOfSupport: string) {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    writeNotice(undefined);
    commitAll('2026-03-01T10:00:00+00:00', 'Add 1.x, end of support to be announced');
    git(fixture.dir, ['checkout', '-q', '-b', 'notice']);
    writeNotice({ date: endOfSupport, announced: '2026-11-10' });
    commitAll('2026-11-10T16:00:00+00:00', 'Announce the end of support of 1.x');
    git(fixture.dir, ['checkout', '-q', 'main']);
    fixture.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, title: 'Edited on main' }));
    commitAll('2026-11-10T17:00:00+00:00', 'Meanwhile on main');
    const at = `${mergeDay}T09:00:00+00:00`;
    if (strategy === 'squash') {
      git(fixture.dir, ['merge', '-q', '--squash', 'notice']);
      git(fixture.dir, ['commit', '-q', '-m', 'Announce the end of support of 1.x (#1)'], at);
    } else {
      // A rebase merge writes each commit again: its author date stays, its committer date is the merge.
      git(fixture.dir, ['rebase', '-q', 'main', 'notice'], at);
      git(fixture.dir, ['checkout', '-q', 'main']);
      git(fixture.dir, ['merge', '-q', '--ff-only', 'notice']);
    }
  }

  for (const strategy of ['squash', 'rebase'] as const) {
    for (const mergeDay of ['2026-11-11', '2026-11-17']) {
      it(`passes on main after a ${strategy} merge on ${mergeDay}, counting the notice from the merge day`, () => {
        mergeNotice(strategy, mergeDay, '2027-11-17');
        const { errors, result } = checkFixture(fixture);
        expect(errors).toEqual([]);
        expect(countedFrom(result)).toBe(mergeDay);
      });
    }

    it(`refuses on main, after a ${strategy} merge, a date less than a year after the merge day, naming it`, () => {
      mergeNotice(strategy, '2026-11-17', '2027-11-14');
      expect(checkFixture(fixture).errors).toEqual([
        `products/gateway.md:25 releases[1].endOfSupport.date: 2027-11-14 gives 11 months' notice from 2026-11-17, the day it was published (git first published 2027-11-14 for 1.x on 2026-11-17, commit ${headCommit()}), later than the 2026-11-10 written: a notice counts from the day customers could read it; the Code requires at least one year — the earliest allowed date is 2027-11-17`,
      ]);
    });
  }

  /** The 1.x notice written on 20 November in a branch not merged yet, checked as its pull request. */
  function pullRequest(endOfSupport: string) {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    writeNotice(undefined);
    commitAll('2026-03-01T10:00:00+00:00', 'Add 1.x, end of support to be announced');
    git(fixture.dir, ['checkout', '-q', '-b', 'notice']);
    writeNotice({ date: endOfSupport, announced: '2026-11-20' });
    commitAll('2026-11-20T10:00:00+00:00', 'Announce the end of support of 1.x');
    const checked = checkContent({ contentDir: fixture.dir, buildDate: BUILD_DATE, pullRequest: { baseRef: 'main' } });
    return checked.problems.filter((problem) => problem.message.includes('default branch')).map((p) => p.message);
  }

  it('warns in a pull request by which day it must be merged to keep a full year’s notice', () => {
    expect(pullRequest('2027-11-30')).toEqual([
      "a notice counts from the day it reaches the default branch: merge by 2026-11-30 to keep a full year's notice before 2027-11-30, or move the end of support later",
    ]);
  });

  it('warns in a pull request whose notice, merged today, would give less than a year', () => {
    expect(pullRequest('2027-11-21')).toEqual([
      "a notice counts from the day it reaches the default branch, and merged today it gives less than a year's notice before 2027-11-21 (the last day to merge was 2026-11-21): move the end of support to 2027-11-22 or later",
    ]);
  });

  it('does not warn in a pull request with more than two weeks to merge', () => {
    expect(pullRequest('2027-12-06')).toEqual([]);
  });

  it('does not warn in a pull request about a notice already on its base branch', () => {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    writeNotice({ date: '2027-11-30', announced: '2026-11-20' });
    commitAll('2026-11-20T10:00:00+00:00', 'Announce the end of support of 1.x');
    git(fixture.dir, ['checkout', '-q', '-b', 'typo']);
    fixture.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, title: 'Fixed a typo' }));
    commitAll('2026-11-21T10:00:00+00:00', 'Fix a typo');
    const checked = checkContent({ contentDir: fixture.dir, buildDate: BUILD_DATE, pullRequest: { baseRef: 'main' } });
    expect(checked.problems.filter((problem) => problem.message.includes('default branch'))).toEqual([]);
  });
});
