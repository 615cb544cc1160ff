/** `npm run check`, as an editor and a CI job run it: the real command in a real process. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/builtSite.ts';
import {
  createContent,
  incident,
  markdownFile,
  noticeGuidance,
  outsideGitWarning,
  product,
  shallowCloneProblem,
  type Fixture,
} from '../support/contentFixture.ts';
import { commitAll, demoRepository, git, shallowClone } from '../support/git.ts';

let fixture: Fixture | undefined;
const folders: string[] = [];
afterEach(() => {
  fixture?.cleanup();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The demo content in a repository of its own, so that its history is whole (see demoRepository). */
function demoContent(): string {
  const demo = demoRepository();
  folders.push(demo);
  return demo;
}

/** A shallow clone of the fixture, its notice citing a source, as CI's default checkout makes it. */
function shallowFixture(): string {
  fixture = createContent();
  git(fixture.dir, ['init', '-q', '-b', 'main']);
  commitAll(fixture.dir, '2026-06-01T10:00:00+00:00');
  fixture.write('incidents/INC-2026-0001.md', markdownFile({ ...incident, title: 'Edited' }));
  commitAll(fixture.dir, '2026-07-01T10:00:00+00:00', 'A second commit, so that a clone of depth 1 is shallow');
  const clone = shallowClone(fixture.dir);
  folders.push(clone);
  return clone;
}

/** Runs check as on an editor's machine (whether or not the tests run in CI), unless `env` says otherwise. */
function check(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '', GITHUB_ACTIONS: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function brokenContent(): Fixture {
  fixture = createContent();
  const releases = product().releases.map((releaseLine, index) =>
    index === 1
      ? {
          ...releaseLine,
          endOfSupport: {
            date: '2027-02-01',
            announced: '2026-06-01',
            source: 'https://fixture.example/n',
            ...noticeGuidance,
          },
        }
      : releaseLine,
  );
  fixture.write('products/gateway.md', markdownFile(product({ releases })));
  return fixture;
}

describe('npm run check', () => {
  it('passes on the demo content, with its warnings', () => {
    const demo = demoContent();
    const result = check(['--content', demo, '--date', '2026-11-22']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe('✔ 0 errors, 3 warnings in 29 files (as of 2026-11-22)');
    expect(result.stderr).toContain(
      `warning: ${demo}/products/identity-server.md:52 releases[2].endOfSupport.date: support for Kestrel Identity 2.x ends in 70 days (2027-01-31): make sure its customers have a migration path`,
    );
  });

  it('fails with exit code 1 and the message for each problem', () => {
    const content = brokenContent();
    const result = check(['--content', content.dir, '--date', '2026-11-22']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `warning: ${outsideGitWarning(content.dir)}\n` +
        `error: ${content.dir}/products/gateway.md:25 releases[1].endOfSupport.date: 2027-02-01 gives 8 months' notice from the announcement on 2026-06-01; the Code requires at least one year — the earliest allowed date is 2027-06-01\n` +
        `warning: ${content.dir}/products/gateway.md:25 releases[1].endOfSupport.date: support for Fixture Gateway 1.x ends in 71 days (2027-02-01): make sure its customers have a migration path\n` +
        '✖ 1 error, 2 warnings in 9 files (as of 2026-11-22)\n',
    );
  });

  it('prints GitHub annotations under GitHub Actions', () => {
    const content = brokenContent();
    const result = check(['--content', content.dir, '--date', '2026-11-22'], { GITHUB_ACTIONS: 'true' });
    expect(result.stderr).toContain(
      `::error file=${content.dir}/products/gateway.md,line=25,title=shortNotice (releases[1].endOfSupport.date)::2027-02-01 gives 8 months' notice`,
    );
  });

  it('takes the build date from SOURCE_DATE_EPOCH', () => {
    const result = check(['--content', demoContent()], {
      SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 22, 12) / 1000),
    });
    expect(result.stdout.trim()).toBe('✔ 0 errors, 3 warnings in 29 files (as of 2026-11-22)');
  });

  it('explains a build date it cannot read, without a stack trace', () => {
    const result = check(['--date', '22/11/2026']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'check: the build date "22/11/2026" is not a date (YYYY-MM-DD) or a time (2026-11-22T12:00:00Z)\n',
    );
  });

  it("reports an alias bomb as a problem line naming the file, and the other files' problems too", () => {
    const content = brokenContent();
    const lines = Array.from(
      { length: 9 },
      (_, level) => `l${level + 1}: &l${level + 1} [${Array(9).fill(`*l${level}`).join(', ')}]`,
    );
    content.write('products/bomb.md', `---\nl0: &l0 ["lol"]\n${lines.join('\n')}\n---\nBoom.\n`);
    const result = check(['--content', content.dir, '--date', '2026-11-22']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `warning: ${outsideGitWarning(content.dir)}\n` +
        `error: ${content.dir}/products/bomb.md:3 the aliases ("*name") here expand to more than 100 copies of their anchors' values: write the values out\n` +
        `error: ${content.dir}/products/gateway.md:25 releases[1].endOfSupport.date: 2027-02-01 gives 8 months' notice from the announcement on 2026-06-01; the Code requires at least one year — the earliest allowed date is 2027-06-01\n` +
        `warning: ${content.dir}/products/gateway.md:25 releases[1].endOfSupport.date: support for Fixture Gateway 1.x ends in 71 days (2027-02-01): make sure its customers have a migration path\n` +
        '✖ 2 errors, 2 warnings in 10 files (as of 2026-11-22)\n',
    );
  });

  it('passes a shallow clone outside CI, with a warning naming the skipped rules', () => {
    const clone = shallowFixture();
    const result = check(['--content', clone, '--date', '2026-11-22']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`warning: ${shallowCloneProblem(clone)}\n`);
    expect(result.stdout).toBe('✔ 0 errors, 1 warning in 9 files (as of 2026-11-22)\n');
  });

  it('fails on a shallow clone with CI=true, naming the skipped rules and how to fetch the history', () => {
    const clone = shallowFixture();
    const result = check(['--content', clone, '--date', '2026-11-22'], { CI: 'true' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `error: ${shallowCloneProblem(clone)}\n✖ 1 error, 0 warnings in 9 files (as of 2026-11-22)\n`,
    );
  });

  it('fails on a shallow clone under GitHub Actions', () => {
    const clone = shallowFixture();
    const result = check(['--content', clone, '--date', '2026-11-22'], { GITHUB_ACTIONS: 'true' });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${shallowCloneProblem(clone)}`);
  });
});
