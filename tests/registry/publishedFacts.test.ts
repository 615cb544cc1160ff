/**
 * Published facts are append-only: what git has published about an incident or an advisory
 * changes only with a correction recorded in a new update or revision, and check refuses a silent
 * rewrite naming the commit that published the fact and the entry to add. Tested against real git
 * repositories with commits at chosen dates.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { advisory, createContent, incident, markdownFile, type Fixture } from '../support/contentFixture.ts';
import { checkFixture } from '../support/checkFixture.ts';
import { commitAll, git } from '../support/git.ts';

let fixture: Fixture;
afterEach(() => fixture.cleanup());

const INCIDENT = 'incidents/INC-2026-0001.md';
const ADVISORY = 'advisories/FSA-2026-0001.md';

/** The fixture committed on 2026-11-01 with a major incident; returns that commit, as check names it. */
function published(): string {
  fixture = createContent();
  writeIncident({ impact: 'major' });
  git(fixture.dir, ['init', '-q', '-b', 'main']);
  commitAll(fixture.dir, '2026-11-01T11:00:00+00:00', 'Publish the incident and the advisory');
  return git(fixture.dir, ['rev-parse', 'HEAD']).trim().slice(0, 10);
}

function writeIncident(changes: Record<string, unknown>) {
  fixture.write(INCIDENT, markdownFile({ ...incident, ...changes }));
}

function writeAdvisory(changes: Record<string, unknown>) {
  fixture.write(ADVISORY, markdownFile({ ...advisory, ...changes }));
}

const updates = incident.updates;
const correction = { at: '2026-11-03T09:00:00Z', status: 'resolved', text: 'We reassessed the impact: it was minor.' };
const revision = { date: '2026-11-03', summary: 'Corrected the score: the attack needs privileges.' };

describe('a published incident', () => {
  it('refuses impact downgraded from major to minor without an update, naming the commit and the update to add', () => {
    const commit = published();
    writeIncident({ impact: 'minor' });
    expect(checkFixture(fixture).errors).toEqual([
      `${INCIDENT}:4 impact: git published impact major on 2026-11-01 (commit ${commit}), and it now reads minor: customers were told major, so changing it is a correction — add { at: <the time of the correction>, status: resolved, text: <what was wrong and why>, corrects: [{ field: impact, was: major }] } to "updates"`,
    ]);
  });

  it('accepts impact downgraded with an update that corrects it', () => {
    published();
    writeIncident({
      impact: 'minor',
      updates: [...updates, { ...correction, corrects: [{ field: 'impact', was: 'major' }] }],
    });
    expect(checkFixture(fixture).errors).toEqual([]);
  });

  it('does not take a correction slipped into a published update', () => {
    const commit = published();
    writeIncident({
      impact: 'minor',
      updates: [updates[0], { ...updates[1], corrects: [{ field: 'impact', was: 'major' }] }],
    });
    expect(checkFixture(fixture).errors).toEqual([
      `${INCIDENT}:4 impact: git published impact major on 2026-11-01 (commit ${commit}), and it now reads minor: customers were told major, so changing it is a correction — add { at: <the time of the correction>, status: resolved, text: <what was wrong and why>, corrects: [{ field: impact, was: major }] } to "updates"`,
    ]);
  });

  it('refuses a deleted update, giving it back to restore', () => {
    const commit = published();
    writeIncident({ impact: 'major', updates: [updates[1]] });
    expect(checkFixture(fixture).errors).toEqual([
      `${INCIDENT}:10 updates: git published the update of 2026-11-01T09:10:00Z on 2026-11-01 (commit ${commit}), and it is no longer in "updates": a published update stays — restore { at: "2026-11-01T09:10:00Z", status: investigating, text: "We are looking into it." } as updates[0]; to say it was wrong, add a new update that says so`,
    ]);
  });

  it('refuses the affected products changed without an update', () => {
    const commit = published();
    writeIncident({ impact: 'major', affects: [{ product: 'gateway' }] });
    expect(checkFixture(fixture).errors).toEqual([
      `${INCIDENT}:5 affects: git published the affected products "gateway: 2.x" on 2026-11-01 (commit ${commit}), and it now reads "gateway: all release lines": customers were told "gateway: 2.x", so changing it is a correction — add { at: <the time of the correction>, status: resolved, text: <what was wrong and why>, corrects: [{ field: affects, was: "gateway: 2.x" }] } to "updates"`,
    ]);
  });

  it('refuses a published update’s status changed', () => {
    const commit = published();
    writeIncident({ impact: 'major', updates: [{ ...updates[0], status: 'identified' }, updates[1]] });
    expect(checkFixture(fixture).errors).toEqual([
      `${INCIDENT}:12 updates[0].status: git published the status of update 1 investigating on 2026-11-01 (commit ${commit}), and it now reads identified: customers were told investigating, so changing it is a correction — add { at: <the time of the correction>, status: resolved, text: <what was wrong and why>, corrects: [{ field: updates[0].status, was: investigating }] } to "updates"`,
    ]);
  });

  it('refuses a published update’s text rewritten, and accepts a typo fixed in it', () => {
    const commit = published();
    writeIncident({ impact: 'major', updates: [{ ...updates[0], text: 'Nothing is wrong.' }, updates[1]] });
    expect(checkFixture(fixture).errors).toEqual([
      `${INCIDENT}:13 updates[0].text: git published the text of update 1 "We are looking into it." on 2026-11-01 (commit ${commit}), and it now reads "Nothing is wrong.": customers were told "We are looking into it.", so changing it is a correction — add { at: <the time of the correction>, status: resolved, text: <what was wrong and why>, corrects: [{ field: updates[0].text, was: "We are looking into it." }] } to "updates" (fixing a typo needs no correction: change at most one character in twenty, and no number)`,
    ]);
    writeIncident({ impact: 'major', updates: [{ ...updates[0], text: 'We are looking in to it.' }, updates[1]] });
    expect(checkFixture(fixture).errors).toEqual([]);
  });

  it('refuses a published update’s time changed, asking for the correction and the feed key it was published with', () => {
    const commit = published();
    writeIncident({ impact: 'major', updates: [{ ...updates[0], at: '2026-11-01T09:05:00Z' }, updates[1]] });
    expect(checkFixture(fixture).errors).toEqual([
      `${INCIDENT}:11 updates[0].at: git published the time of update 1 "2026-11-01T09:10:00Z" on 2026-11-01 (commit ${commit}), and it now reads "2026-11-01T09:05:00Z": customers were told "2026-11-01T09:10:00Z", so changing it is a correction — add { at: <the time of the correction>, status: resolved, text: <what was wrong and why>, corrects: [{ field: updates[0].at, was: "2026-11-01T09:10:00Z" }] } to "updates"; also add key: "2026-11-01T09:10:00Z" to updates[0], so its feed item keeps its id`,
    ]);
  });

  it('accepts the affected products, a status and a text each corrected by an update', () => {
    published();
    writeIncident({
      impact: 'major',
      affects: [{ product: 'gateway' }],
      updates: [
        { ...updates[0], status: 'identified', text: 'The cause is a full disk.' },
        updates[1],
        {
          ...correction,
          text: 'All release lines were affected, and the cause was known from the start.',
          corrects: [
            { field: 'affects', was: 'gateway: 2.x' },
            { field: 'updates[0].status', was: 'investigating' },
            { field: 'updates[0].text', was: 'We are looking into it.' },
          ],
        },
      ],
    });
    expect(checkFixture(fixture).errors).toEqual([]);
  });

  it('refuses a published update’s time corrected without the feed key it was published with', () => {
    const commit = published();
    writeIncident({
      impact: 'major',
      updates: [
        { ...updates[0], at: '2026-11-01T09:05:00Z' },
        updates[1],
        { ...correction, corrects: [{ field: 'updates[0].at', was: '2026-11-01T09:10:00Z' }] },
      ],
    });
    expect(checkFixture(fixture).errors).toEqual([
      `${INCIDENT}:11 updates[0].key: git published updates[0] with the feed key 2026-11-01T09:10:00Z on 2026-11-01 (commit ${commit}), and its time is corrected: add key: "2026-11-01T09:10:00Z" to updates[0], so its feed item keeps its id`,
    ]);
  });

  it('accepts a published update’s time corrected with its feed key and an update that corrects it', () => {
    published();
    writeIncident({
      impact: 'major',
      updates: [
        { ...updates[0], at: '2026-11-01T09:05:00Z', key: '2026-11-01T09:10:00Z' },
        updates[1],
        {
          ...correction,
          text: 'The first update was posted at 09:05, not 09:10.',
          corrects: [{ field: 'updates[0].at', was: '2026-11-01T09:10:00Z' }],
        },
      ],
    });
    expect(checkFixture(fixture).errors).toEqual([]);
  });
});

describe('a published advisory', () => {
  it('refuses a removed CVE, naming the commit and the revision to add', () => {
    const commit = published();
    writeAdvisory({ cves: [] });
    expect(checkFixture(fixture).errors).toEqual([
      `${ADVISORY}:6 cves: git published the CVE ID CVE-2026-10001 on 2026-11-01 (commit ${commit}), and it is no longer here: customers were told it, so removing it is a correction — add { date: <the day of the correction>, summary: <what was wrong and why>, corrects: [{ field: cves, was: CVE-2026-10001 }] } to "revisions"`,
    ]);
  });

  it('refuses a lowered CVSS score (vector and severity), and accepts the revision that corrects both', () => {
    const commit = published();
    const lowered = { vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', severity: 'high' };
    writeAdvisory({ cvss: lowered });
    expect(checkFixture(fixture).errors).toEqual([
      `${ADVISORY}:9 cvss.vector: git published the CVSS vector "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" on 2026-11-01 (commit ${commit}), and it now reads "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H": customers were told "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", so changing it is a correction — add { date: <the day of the correction>, summary: <what was wrong and why>, corrects: [{ field: cvss.vector, was: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }] } to "revisions"`,
      `${ADVISORY}:10 cvss.severity: git published the severity critical on 2026-11-01 (commit ${commit}), and it now reads high: customers were told critical, so changing it is a correction — add { date: <the day of the correction>, summary: <what was wrong and why>, corrects: [{ field: cvss.severity, was: critical }] } to "revisions"`,
    ]);
    writeAdvisory({
      cvss: lowered,
      revisions: [
        ...advisory.revisions,
        {
          ...revision,
          corrects: [
            { field: 'cvss.vector', was: advisory.cvss.vector },
            { field: 'cvss.severity', was: 'critical' },
          ],
        },
      ],
    });
    expect(checkFixture(fixture).errors).toEqual([]);
  });

  it('does not take a correction slipped into a published revision', () => {
    const commit = published();
    writeAdvisory({
      cves: [],
      revisions: [{ ...advisory.revisions[0], corrects: [{ field: 'cves', was: 'CVE-2026-10001' }] }],
    });
    expect(checkFixture(fixture).errors).toEqual([
      `${ADVISORY}:6 cves: git published the CVE ID CVE-2026-10001 on 2026-11-01 (commit ${commit}), and it is no longer here: customers were told it, so removing it is a correction — add { date: <the day of the correction>, summary: <what was wrong and why>, corrects: [{ field: cves, was: CVE-2026-10001 }] } to "revisions"`,
    ]);
  });

  it('refuses a deleted revision', () => {
    fixture = createContent();
    const twoRevisions = [...advisory.revisions, { date: '2026-10-15', summary: 'Fixed version released.' }];
    writeAdvisory({ revisions: twoRevisions });
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    commitAll(fixture.dir, '2026-11-01T11:00:00+00:00');
    const commit = git(fixture.dir, ['rev-parse', 'HEAD']).trim().slice(0, 10);
    writeAdvisory({});
    expect(checkFixture(fixture).errors).toEqual([
      `${ADVISORY}:19 revisions: git published revisions[1] { date: 2026-10-15, summary: "Fixed version released." } on 2026-11-01 (commit ${commit}), and it is no longer here: a published revision stays — restore it as revisions[1] and add a new revision after the others for what changed`,
    ]);
  });

  it('refuses a changed affected range and a removed fixed version', () => {
    const commit = published();
    writeAdvisory({ affects: [{ product: 'gateway', release: '1.x', affected: '1.2.0 to 1.4.2' }] });
    expect(checkFixture(fixture).errors).toEqual([
      `${ADVISORY}:12 affects[0].fixed: git published the fixed version of gateway 1.x "1.4.3" on 2026-11-01 (commit ${commit}), and it is no longer here: customers were told it, so removing it is a correction — add { date: <the day of the correction>, summary: <what was wrong and why>, corrects: [{ field: affects[0].fixed, was: "1.4.3" }] } to "revisions"`,
      `${ADVISORY}:14 affects[0].affected: git published the affected versions of gateway 1.x "1.0.0 to 1.4.2" on 2026-11-01 (commit ${commit}), and it now reads "1.2.0 to 1.4.2": customers were told "1.0.0 to 1.4.2", so changing it is a correction — add { date: <the day of the correction>, summary: <what was wrong and why>, corrects: [{ field: affects[0].affected, was: "1.0.0 to 1.4.2" }] } to "revisions"`,
    ]);
  });

  it('accepts a removed CVE, a changed affected range and a removed fixed version each corrected by a revision', () => {
    published();
    writeAdvisory({
      cves: ['CVE-2026-10002'],
      affects: [{ product: 'gateway', release: '1.x', affected: '1.2.0 to 1.4.2' }],
      revisions: [
        ...advisory.revisions,
        {
          ...revision,
          corrects: [
            { field: 'cves', was: 'CVE-2026-10001' },
            { field: 'affects[0].affected', was: '1.0.0 to 1.4.2' },
            { field: 'affects[0].fixed', was: '1.4.3' },
          ],
        },
      ],
    });
    expect(checkFixture(fixture).errors).toEqual([]);
  });

  it('accepts prose rewritten freely: title, summary, remediation text', () => {
    published();
    writeAdvisory({
      title: 'Header injection in the gateway’s proxy',
      summary: 'The proxy lets a client inject headers.',
      remediations: [{ kind: 'fix', text: 'Upgrade.' }],
    });
    expect(checkFixture(fixture).errors).toEqual([]);
  });
});

describe('reading the history', () => {
  it('takes the same git processes for many changed files as for none: one log and one cat-file after the probe', () => {
    published();
    for (let index = 2; index <= 30; index++) {
      const id = `INC-2026-${String(index).padStart(4, '0')}`;
      fixture.write(`incidents/${id}.md`, markdownFile({ ...incident, id, impact: 'major' }));
    }
    commitAll(fixture.dir, '2026-11-02T11:00:00+00:00', 'More incidents');
    for (let index = 2; index <= 30; index++) {
      const id = `INC-2026-${String(index).padStart(4, '0')}`;
      fixture.write(`incidents/${id}.md`, markdownFile({ ...incident, id, impact: 'critical' }));
    }
    // A git on the PATH that logs each command it runs, then runs the real git.
    const bin = mkdtempSync(path.join(tmpdir(), 'trustline-git-log-'));
    const log = path.join(bin, 'commands');
    const realGit = path.join(git(fixture.dir, ['--exec-path']).trim(), 'git');
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$1" >> ${log}\nexec ${realGit} "$@"\n`);
    chmodSync(path.join(bin, 'git'), 0o755);
    const pathBefore = process.env['PATH'];
    process.env['PATH'] = `${bin}:${pathBefore}`;
    try {
      expect(checkFixture(fixture).errors).toHaveLength(29);
    } finally {
      process.env['PATH'] = pathBefore;
    }
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['rev-parse', 'log', 'cat-file']);
    rmSync(bin, { recursive: true, force: true });
  });
});
