/**
 * What notify says when it cannot work as set up: content outside git (no place for the record),
 * and a channel whose secret is missing from the environment. Real git repositories, no
 * receivers needed.
 */
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { createContent, vendor, type Fixture } from '../support/contentFixture.ts';
import { git } from '../support/git.ts';
import { runNotify } from '../support/notifyReceivers.ts';

let fixture: Fixture;
afterEach(() => fixture.cleanup());

function contentWithChannels(): void {
  fixture = createContent();
  fixture.write(
    'vendor.yml',
    stringify({
      ...vendor,
      notifications: {
        channels: [
          { name: 'ops-slack', type: 'slack' },
          { name: 'siem', type: 'webhook' },
        ],
      },
    }),
  );
}

describe('notify, when it cannot work as set up', () => {
  it('refuses content outside a git repository, where it could keep no record', async () => {
    contentWithChannels();
    expect(await runNotify(['--content', fixture.dir, '--date', '2026-11-22'], {})).toEqual({
      status: 2,
      stdout: '',
      stderr: `notify: ${fixture.dir} is not in a git repository: notify keeps its record of what was sent on the branch "trustline-notifications" of the portal repository, so run it in a clone\n`,
    });
  });

  it('names the environment variable a channel lacks, and sends nothing to it', async () => {
    contentWithChannels();
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    git(fixture.dir, ['add', '-A']);
    git(fixture.dir, ['commit', '-q', '-m', 'Content'], '2026-11-22T07:00:00+00:00');
    const run = await runNotify(['--content', fixture.dir, '--date', '2026-11-22', '--send-past'], {
      TRUSTLINE_NOTIFY_SIEM_URL: 'https://siem.fixture.example/hook',
    });
    expect([run.status, run.stderr.split('\n').filter((line) => line.startsWith('notify: channel'))]).toEqual([
      1,
      [
        'notify: channel "ops-slack" (slack) failed: TRUSTLINE_NOTIFY_OPS_SLACK_URL is not set: give it the channel\'s webhook address (a secret of the CI job). Not delivered, the next run sends them:',
        'notify: channel "siem" (webhook) failed: TRUSTLINE_NOTIFY_SIEM_SECRET is not set: give it the key the receiver checks signatures with. Not delivered, the next run sends them:',
      ],
    ]);
  });
});
