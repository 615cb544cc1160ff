/**
 * A notice cannot be backdated: the announcement date is not earlier than the first commit
 * that published the end-of-support date. Tested against real git repositories with commits
 * at chosen dates.
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

function repository() {
  fixture = createContent();
  git(fixture.dir, ['init', '-q', '-b', 'main']);
  writeNotice({ date: '2027-06-30', announced: '2026-03-01' });
  commitAll('2026-03-01T10:00:00+00:00', 'Announce the end of support of 1.x');
}

describe('the no-backdating rule', () => {
  it('accepts an announcement dated the day of the commit that published it', () => {
    repository();
    expect(checkFixture(fixture).errors).toEqual([]);
  });

  it('refuses an announcement dated before the commit that published it, naming the commit', () => {
    repository();
    writeNotice({ date: '2027-06-30', announced: '2026-02-01' });
    commitAll('2026-03-05T10:00:00+00:00', 'Edit the announcement date');
    const commit = git(fixture.dir, ['rev-list', '--max-parents=0', 'HEAD']).trim().slice(0, 10);
    expect(checkFixture(fixture).errors).toEqual([
      `products/gateway.md:26 releases[1].endOfSupport.announced: 2026-02-01 is earlier than the day this date was published (git first published 2027-06-30 for 1.x on 2026-03-01 (commit ${commit})): a notice cannot be backdated. Use 2026-03-01, or, for a notice given before the portal, cite the original public announcement in "source"`,
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
      date: '2027-12-31',
      announced: '2026-03-01',
      changes: [{ on: '2026-05-15', from: '2027-06-30' }],
    });
    commitAll('2026-06-01T09:00:00+00:00', 'Extend 1.x');
    expect(checkFixture(fixture).errors).toEqual([
      'products/gateway.md:28 releases[1].endOfSupport.changes[0].on: 2026-05-15 is earlier than the day this date was published (git first published 2027-12-31 for 1.x on 2026-06-01 (commit ' +
        git(fixture.dir, ['rev-parse', 'HEAD']).trim().slice(0, 10) +
        ')): a notice cannot be backdated. Use 2026-06-01, or, for a notice given before the portal, cite the original public announcement in "source"',
    ]);
  });

  it('counts an uncommitted notice from the build date', () => {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    writeNotice(undefined);
    commitAll('2026-03-01T10:00:00+00:00', 'Add 1.x, end of support to be announced');
    writeNotice({ date: '2028-01-31', announced: '2026-11-01' });
    expect(checkFixture(fixture).errors).toEqual([
      'products/gateway.md:26 releases[1].endOfSupport.announced: 2026-11-01 is earlier than the day this date was published (no commit contains 2028-01-31 for 1.x yet, so it counts as published on the build date, 2026-11-22): a notice cannot be backdated. Use 2026-11-22, or, for a notice given before the portal, cite the original public announcement in "source"',
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

  it('refuses a cited source for a notice given after the release line was in the portal', () => {
    fixture = createContent();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    writeNotice(undefined);
    commitAll('2026-03-01T10:00:00+00:00', 'Add 1.x, end of support to be announced');
    const lineCommit = git(fixture.dir, ['rev-parse', 'HEAD']).trim().slice(0, 10);
    writeNotice({ date: '2027-12-31', announced: '2026-04-01', source: 'https://fixture.example/news/gateway-1x' });
    commitAll('2026-05-01T10:00:00+00:00', 'Announce the end of support of 1.x');
    const noticeCommit = git(fixture.dir, ['rev-parse', 'HEAD']).trim().slice(0, 10);
    expect(checkFixture(fixture).errors).toEqual([
      `products/gateway.md:26 releases[1].endOfSupport.announced: 2026-04-01 is earlier than the day this date was published (git first published 2027-12-31 for 1.x on 2026-05-01 (commit ${noticeCommit})): a notice cannot be backdated. Use 2026-05-01: the cited "source" covers only a notice given before 1.x was in the portal (git first published it on 2026-03-01, commit ${lineCommit})`,
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

  it('is not read again for content the build has checked: the pages and files load without the git rules', () => {
    repository();
    writeNotice({ date: '2027-06-30', announced: '2026-02-01' });
    expect(checkFixture(fixture).errors).toHaveLength(1);
    const checked = checkContent({ contentDir: fixture.dir, buildDate: BUILD_DATE, history: CHECKED_HISTORY });
    expect(checked.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(checked.registry).toBeDefined();
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
      `${clone} the git history is shallow, so these rules were skipped: a notice without a cited "source" is not dated before the commit that published it; every end-of-support date git has published stays in its notice's history; a published product, incident or advisory file is not removed without a record in withdrawn.yml. Fetch the full history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0); in CI, a skipped rule stops the build`,
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
