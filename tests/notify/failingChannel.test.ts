/**
 * A channel that refuses (an SMTP server answering 451, a Slack webhook answering 500) is tried
 * again with back-off a bounded number of times; the other channels are still served; the exit
 * status and the message name the channel and what it missed; the next run delivers what was
 * missed and nothing else, within the cap on messages a run. No secret is ever printed.
 */
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContent, incident, markdownFile, type Fixture } from '../support/contentFixture.ts';
import { git } from '../support/git.ts';
import {
  channelEnvironment,
  runNotify,
  startHttpReceiver,
  startSmtpReceiver,
  vendorWithChannels,
  type HttpReceiver,
  type NotifyRun,
  type SmtpReceiver,
} from '../support/notifyReceivers.ts';

let fixture: Fixture;
let smtp: SmtpReceiver;
let http: HttpReceiver;
let env: Record<string, string>;
const SLACK_PATH = '/slack/T000/B000/slack-token-secret';
const run: Record<'failing' | 'dryRun' | 'capped' | 'catchUp' | 'again', NotifyRun> = {} as never;
const delivered: Record<'failing' | 'capped' | 'catchUp' | 'again', { mails: string[]; requests: string[] }> =
  {} as never;

const notifyAt = (...extra: string[]) =>
  runNotify(['--content', fixture.dir, '--date', '2026-11-23', '--backoff', '0.01', ...extra], env);

/** What reached the receivers since the last call. */
function newlyDelivered(): { mails: string[]; requests: string[] } {
  const result = {
    mails: smtp.mails.splice(0).map((received) => String(received.mail.subject)),
    requests: http.requests
      .splice(0)
      .map((request) => `${request.path.split('/')[1]}: ${String(request.headers['trustline-event-id'] ?? 'chat')}`),
  };
  return result;
}

const ids = {
  investigating: 'tag:trust.fixture.example,2026-11-23:incident:INC-2026-0002:update:2026-11-23T08:00:00Z',
  identified: 'tag:trust.fixture.example,2026-11-23:incident:INC-2026-0002:update:2026-11-23T09:00:00Z',
};

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  http = await startHttpReceiver();
  env = channelEnvironment(http, smtp.certificateFile);
  fixture = createContent();
  fixture.write('vendor.yml', stringify(vendorWithChannels(smtp.port)));
  git(fixture.dir, ['init', '-q', '-b', 'main']);
  git(fixture.dir, ['add', '-A']);
  git(fixture.dir, ['commit', '-q', '-m', 'Content'], '2026-11-22T07:00:00+00:00');
  await runNotify(['--content', fixture.dir, '--date', '2026-11-22'], env);

  fixture.write(
    'incidents/INC-2026-0002.md',
    markdownFile({
      ...incident,
      id: 'INC-2026-0002',
      title: 'Gateway sign-in failures',
      started: '2026-11-23T07:55:00Z',
      updates: [
        { at: '2026-11-23T08:00:00Z', status: 'investigating', text: 'Sign-in fails.' },
        { at: '2026-11-23T09:00:00Z', status: 'identified', text: 'An expired certificate.' },
      ],
    }),
  );
  git(fixture.dir, ['add', '-A']);
  git(fixture.dir, ['commit', '-q', '-m', 'Open an incident'], '2026-11-23T08:00:00+00:00');

  smtp.refuse = true;
  http.failing.add(SLACK_PATH);
  run.failing = await notifyAt();
  delivered.failing = newlyDelivered();

  smtp.refuse = false;
  http.failing.clear();
  run.dryRun = await notifyAt('--dry-run');
  run.capped = await notifyAt('--max-messages', '3');
  delivered.capped = newlyDelivered();
  run.catchUp = await notifyAt();
  delivered.catchUp = newlyDelivered();
  run.again = await notifyAt();
  delivered.again = newlyDelivered();
}, 180_000);

afterAll(async () => {
  await smtp.close();
  await http.close();
  fixture.cleanup();
});

describe('when channels fail', () => {
  it('tries each failing channel three times with doubling back-off, then stops sending to it', () => {
    expect([smtp.refused, http.refused]).toEqual([3, 3]);
  });

  it('still serves the other channels', () => {
    expect(delivered.failing).toEqual({
      mails: [],
      requests: [`siem: ${ids.investigating}`, `siem: ${ids.identified}`],
    });
    expect(run.failing.stdout).toBe(
      'gateway-siem: sent "Investigating: Gateway sign-in failures"\ngateway-siem: sent "Cause identified: Gateway sign-in failures"\n',
    );
  });

  it('exits 1, naming each failed channel and the events it did not get', () => {
    expect(run.failing.status).toBe(1);
    expect(run.failing.stderr).toBe(
      [
        'customers-email: the SMTP server refused it (451); trying again in 0.01 s (attempt 2 of 3)',
        'customers-email: the SMTP server refused it (451); trying again in 0.02 s (attempt 3 of 3)',
        'ops-slack: the receiver answered HTTP 500; trying again in 0.01 s (attempt 2 of 3)',
        'ops-slack: the receiver answered HTTP 500; trying again in 0.02 s (attempt 3 of 3)',
        'notify: channel "customers-email" (email) failed: the SMTP server refused it (451) (3 attempts). Not delivered, the next run sends them:',
        `  - ${ids.investigating} (Investigating: Gateway sign-in failures)`,
        `  - ${ids.identified} (Cause identified: Gateway sign-in failures)`,
        'notify: channel "ops-slack" (slack) failed: the receiver answered HTTP 500 (3 attempts). Not delivered, the next run sends them:',
        `  - ${ids.investigating} (Investigating: Gateway sign-in failures)`,
        `  - ${ids.identified} (Cause identified: Gateway sign-in failures)`,
        '✖ notify: 2 messages sent (as of 2026-11-23T23:59:59Z); 2 channels failed',
        '',
      ].join('\n'),
    );
  });

  it('prints no secret', () => {
    const printed = Object.values(run)
      .map((result) => result.stdout + result.stderr)
      .join('\n');
    const secrets = Object.entries(env).filter(([name]) => name.startsWith('TRUSTLINE_'));
    expect(secrets.filter(([, value]) => printed.includes(value)).map(([name]) => name)).toEqual([]);
  });

  it('with --dry-run, says what the next run would send, and sends nothing', () => {
    expect(run.dryRun).toEqual({
      status: 0,
      stdout: [
        'notify: dry run (as of 2026-11-23T23:59:59Z): nothing is sent or recorded',
        'customers-email: would send 2 messages',
        '  - Investigating: Gateway sign-in failures (https://trust.fixture.example/incidents/INC-2026-0002/)',
        '  - Cause identified: Gateway sign-in failures (https://trust.fixture.example/incidents/INC-2026-0002/)',
        'ops-slack: would send 2 messages',
        '  - Investigating: Gateway sign-in failures (https://trust.fixture.example/incidents/INC-2026-0002/)',
        '  - Cause identified: Gateway sign-in failures (https://trust.fixture.example/incidents/INC-2026-0002/)',
        'security-teams: would send 0 messages',
        'gateway-siem: would send 0 messages',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('the next run sends what was missed, stopping at the cap on messages a run', () => {
    expect(delivered.capped).toEqual({
      mails: ['Investigating: Gateway sign-in failures', 'Cause identified: Gateway sign-in failures'],
      requests: ['slack: chat'],
    });
    expect([run.capped.status, run.capped.stderr]).toEqual([
      1,
      'notify: stopped at the cap of 3 messages a run (notifications.maxMessagesPerRun, or --max-messages): 1 message waits for the next run\n✖ notify: 3 messages sent (as of 2026-11-23T23:59:59Z)\n',
    ]);
  });

  it('the run after sends the rest, and nothing else', () => {
    expect(delivered.catchUp).toEqual({ mails: [], requests: ['slack: chat'] });
    expect(run.catchUp).toEqual({
      status: 0,
      stdout:
        'ops-slack: sent "Cause identified: Gateway sign-in failures"\n✔ notify: 1 message sent (as of 2026-11-23T23:59:59Z)\n',
      stderr: '',
    });
  });

  it('once all is delivered, a run sends nothing', () => {
    expect(delivered.again).toEqual({ mails: [], requests: [] });
    expect(run.again.status).toBe(0);
  });
});
