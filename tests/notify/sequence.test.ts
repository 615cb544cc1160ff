/**
 * npm run notify against real receivers on loopback (an SMTP server with STARTTLS and a login,
 * an HTTP server for Slack, Teams and a webhook) and a real git repository for the record: a
 * scripted sequence of publications, each run at its own pinned date, reaches each channel
 * whose filter matches exactly once, with the page's text.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookPayloadSchema } from '../../src/notify/webhookSchema.ts';
import { advisory, createContent, incident, markdownFile, product, type Fixture } from '../support/contentFixture.ts';
import { git } from '../support/git.ts';
import {
  SMTP_USER,
  WEBHOOK_SECRET,
  channelEnvironment,
  runNotify,
  vendorWithChannels,
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type NotifyRun,
  type SmtpReceiver,
} from '../support/notifyReceivers.ts';

let fixture: Fixture;
let smtp: SmtpReceiver;
let http: HttpReceiver;

const vault = product({
  slug: 'vault',
  name: 'Fixture Vault',
  identifiers: { purl: 'pkg:generic/fixture/vault' },
  releases: [{ name: '1.x', released: '2025-01-15', phases: [{ level: 'full' }] }],
});

const gatewayWith2xNotice = () =>
  product({
    releases: product().releases.map((releaseLine) =>
      releaseLine.name === '2.x'
        ? {
            ...releaseLine,
            endOfSupport: {
              date: '2028-06-30',
              announced: '2026-11-23',
              migration: 'Upgrade to 3.x.',
              risk: 'No fixes after the date.',
            },
          }
        : releaseLine,
    ),
  });

const outage = {
  ...incident,
  id: 'INC-2026-0002',
  title: 'Gateway sign-in failures',
  impact: 'major',
  started: '2026-11-24T08:00:00Z',
  affects: [{ product: 'gateway', releases: ['2.x'] }],
  updates: [{ at: '2026-11-24T08:05:00Z', status: 'investigating', text: 'Sign-in fails for some customers.' }],
};

const identified = {
  at: '2026-11-25T09:00:00Z',
  status: 'identified',
  text: 'An expired certificate on the sign-in service.',
};
const monitoring = {
  at: '2026-11-25T10:00:00Z',
  status: 'monitoring',
  text: 'The certificate is renewed; we are watching sign-ins.',
};
const resolved = { at: '2026-11-26T09:00:00Z', status: 'resolved', text: 'Sign-in works again for everyone.' };

const vaultAdvisory = {
  ...advisory,
  id: 'FSA-2026-0002',
  title: 'Vault token leak in logs',
  summary: 'Vault writes access tokens to its debug log.',
  cves: ['CVE-2026-10002'],
  cvss: { vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', severity: 'medium' },
  affects: [{ product: 'vault', release: '1.x', affected: '1.0.0 to 1.2.0', fixed: '1.2.1' }],
  remediations: [{ kind: 'fix', text: 'Update to 1.2.1.' }],
  revisions: [{ date: '2026-11-27', summary: 'Initial publication.' }],
};

/** Each step: what the editor publishes that day, then notify runs at that date. */
const steps: { date: string; publish: () => void }[] = [
  { date: '2026-11-22', publish: () => undefined },
  {
    date: '2026-11-23',
    publish: () => fixture.write('products/gateway.md', markdownFile(gatewayWith2xNotice(), 'The gateway.\n')),
  },
  { date: '2026-11-24', publish: () => fixture.write('incidents/INC-2026-0002.md', markdownFile(outage)) },
  {
    date: '2026-11-25',
    publish: () =>
      fixture.write(
        'incidents/INC-2026-0002.md',
        markdownFile({ ...outage, updates: [...outage.updates, identified, monitoring] }),
      ),
  },
  {
    date: '2026-11-26',
    publish: () =>
      fixture.write(
        'incidents/INC-2026-0002.md',
        markdownFile({ ...outage, updates: [...outage.updates, identified, monitoring, resolved] }),
      ),
  },
  { date: '2026-11-27', publish: () => fixture.write('advisories/FSA-2026-0002.md', markdownFile(vaultAdvisory)) },
  {
    date: '2026-11-28',
    publish: () =>
      fixture.write(
        'advisories/FSA-2026-0002.md',
        markdownFile({
          ...vaultAdvisory,
          revisions: [...vaultAdvisory.revisions, { date: '2026-11-28', summary: 'Credited the reporter.' }],
          credits: ['A researcher'],
        }),
      ),
  },
  // The 12-month reminder of the 1.x end of support (2027-12-31).
  { date: '2026-12-31', publish: () => undefined },
];

const runs: NotifyRun[] = [];
let rerun: NotifyRun;
let env: Record<string, string>;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  http = await startHttpReceiver();
  env = channelEnvironment(http, smtp.certificateFile);
  fixture = createContent();
  fixture.write('products/vault.md', markdownFile(vault, 'The vault.\n'));
  fixture.write('vendor.yml', stringify(vendorWithChannels(smtp.port)));
  git(fixture.dir, ['init', '-q', '-b', 'main']);
  for (const step of steps) {
    step.publish();
    git(fixture.dir, ['add', '-A']);
    git(fixture.dir, ['commit', '-q', '--allow-empty', '-m', `Publish on ${step.date}`], `${step.date}T07:00:00+00:00`);
    runs.push(await runNotify(['--content', fixture.dir, '--date', step.date, '--backoff', '0.01'], env));
  }
  rerun = await runNotify(['--content', fixture.dir, '--date', '2026-12-31', '--backoff', '0.01'], env);
}, 180_000);

afterAll(async () => {
  await smtp.close();
  await http.close();
  fixture.cleanup();
});

const requestsTo = (prefix: string) => http.requests.filter((request) => request.path.startsWith(prefix));

const expectedTitles = {
  endOfSupport: 'Fixture Gateway 2.x: end of support on 2028-06-30 announced (notice: 19 months)',
  investigating: 'Investigating: Gateway sign-in failures',
  identified: 'Cause identified: Gateway sign-in failures',
  monitoring: 'Fix applied, monitoring: Gateway sign-in failures',
  resolved: 'Resolved: Gateway sign-in failures',
  published: 'FSA-2026-0002 (Medium): Vault token leak in logs',
  revised: 'FSA-2026-0002 revised: Credited the reporter.',
  reminder: 'Fixture Gateway 1.x: support ends in 12 months, on 2027-12-31',
};

describe('a sequence of publications, notify run after each', () => {
  it('sends nothing on the first run and records what was already published as announced', () => {
    expect(runs[0]).toEqual({
      status: 0,
      stdout: [
        'notify: first run (no branch "trustline-notifications" with a record of what was sent yet): the events published so far are recorded as already announced, not sent (--send-past sends them)',
        'customers-email: new channel: 8 earlier events recorded as already announced, not sent',
        'ops-slack: new channel: 8 earlier events recorded as already announced, not sent',
        'security-teams: new channel: 8 earlier events recorded as already announced, not sent',
        'gateway-siem: new channel: 8 earlier events recorded as already announced, not sent',
        '✔ notify: 0 messages sent (as of 2026-11-22T23:59:59Z)',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('e-mails every event once, in the order they happened', () => {
    expect(smtp.mails.map((received) => received.mail.subject)).toEqual(Object.values(expectedTitles));
  });

  it('sends Slack only the incident updates its topic filter asks for', () => {
    const titles = requestsTo('/slack/').map(
      (request) => (JSON.parse(request.body) as { blocks: { text: { text: string } }[] }).blocks[0]!.text.text,
    );
    expect(titles).toEqual([
      expectedTitles.investigating,
      expectedTitles.identified,
      expectedTitles.monitoring,
      expectedTitles.resolved,
    ]);
  });

  it('sends Teams only the advisories and end-of-support events its topic filter asks for', () => {
    const titles = requestsTo('/teams/').map((request) => {
      const card = (
        JSON.parse(request.body) as { attachments: { content: { body: { inlines: { text: string }[] }[] } }[] }
      ).attachments[0]!.content;
      return card.body[0]!.inlines[0]!.text;
    });
    expect(titles).toEqual([
      expectedTitles.endOfSupport,
      expectedTitles.published,
      expectedTitles.revised,
      expectedTitles.reminder,
    ]);
  });

  it('sends the webhook only the events about the product its filter names', () => {
    const titles = requestsTo('/siem').map(
      (request) => (JSON.parse(request.body) as { event: { title: string } }).event.title,
    );
    expect(titles).toEqual([
      expectedTitles.endOfSupport,
      expectedTitles.investigating,
      expectedTitles.identified,
      expectedTitles.monitoring,
      expectedTitles.resolved,
      expectedTitles.reminder,
    ]);
  });

  it('reports each message it sent, and exits 0', () => {
    expect(runs.slice(1).map((run) => [run.status, run.stdout, run.stderr])).toEqual([
      [
        0,
        `customers-email: sent "${expectedTitles.endOfSupport}"\nsecurity-teams: sent "${expectedTitles.endOfSupport}"\ngateway-siem: sent "${expectedTitles.endOfSupport}"\n✔ notify: 3 messages sent (as of 2026-11-23T23:59:59Z)\n`,
        '',
      ],
      [
        0,
        `customers-email: sent "${expectedTitles.investigating}"\nops-slack: sent "${expectedTitles.investigating}"\ngateway-siem: sent "${expectedTitles.investigating}"\n✔ notify: 3 messages sent (as of 2026-11-24T23:59:59Z)\n`,
        '',
      ],
      [
        0,
        `customers-email: sent "${expectedTitles.identified}"\ncustomers-email: sent "${expectedTitles.monitoring}"\nops-slack: sent "${expectedTitles.identified}"\nops-slack: sent "${expectedTitles.monitoring}"\ngateway-siem: sent "${expectedTitles.identified}"\ngateway-siem: sent "${expectedTitles.monitoring}"\n✔ notify: 6 messages sent (as of 2026-11-25T23:59:59Z)\n`,
        '',
      ],
      [
        0,
        `customers-email: sent "${expectedTitles.resolved}"\nops-slack: sent "${expectedTitles.resolved}"\ngateway-siem: sent "${expectedTitles.resolved}"\n✔ notify: 3 messages sent (as of 2026-11-26T23:59:59Z)\n`,
        '',
      ],
      [
        0,
        `customers-email: sent "${expectedTitles.published}"\nsecurity-teams: sent "${expectedTitles.published}"\n✔ notify: 2 messages sent (as of 2026-11-27T23:59:59Z)\n`,
        '',
      ],
      [
        0,
        `customers-email: sent "${expectedTitles.revised}"\nsecurity-teams: sent "${expectedTitles.revised}"\n✔ notify: 2 messages sent (as of 2026-11-28T23:59:59Z)\n`,
        '',
      ],
      [
        0,
        `customers-email: sent "${expectedTitles.reminder}"\nsecurity-teams: sent "${expectedTitles.reminder}"\ngateway-siem: sent "${expectedTitles.reminder}"\n✔ notify: 3 messages sent (as of 2026-12-31T23:59:59Z)\n`,
        '',
      ],
    ]);
  });

  it('sends nothing when run again', () => {
    expect(rerun).toEqual({
      status: 0,
      stdout: '✔ notify: 0 messages sent (as of 2026-12-31T23:59:59Z)\n',
      stderr: '',
    });
  });

  it('keeps its record on its own branch, leaving the checked-out branch and work tree as they were', () => {
    expect(git(fixture.dir, ['status', '--porcelain'])).toBe('');
    expect(git(fixture.dir, ['log', '-1', '--format=%s', 'main']).trim()).toBe('Publish on 2026-12-31');
    const record = JSON.parse(git(fixture.dir, ['show', 'trustline-notifications:notifications.json'])) as {
      channels: Record<string, Record<string, { outcome: string }>>;
    };
    const outcomes = (channel: string) =>
      Object.values(record.channels[channel]!).reduce<Record<string, number>>((counts, entry) => {
        counts[entry.outcome] = (counts[entry.outcome] ?? 0) + 1;
        return counts;
      }, {});
    expect(outcomes('customers-email')).toEqual({ earlier: 8, sent: 8 });
    expect(outcomes('ops-slack')).toEqual({ earlier: 8, sent: 4, filtered: 4 });
  });
});

describe('what each channel receives', () => {
  it('an e-mail: over STARTTLS after a login, to the list, with List-Unsubscribe, in plain text', () => {
    const received = smtp.mails[2]!;
    expect({ secure: received.secure, user: received.user, recipients: received.recipients }).toEqual({
      secure: true,
      user: SMTP_USER,
      recipients: ['customers@lists.fixture.example'],
    });
    expect(received.mail.from?.text).toBe('"Fixture Trust Portal" <trust@fixture.example>');
    expect(received.mail.headers.get('list')).toEqual({ unsubscribe: { url: 'https://lists.fixture.example/leave' } });
    expect(received.mail.text).toBe(
      [
        'Cause identified: Gateway sign-in failures',
        '',
        'Cause identified — 2026-11-25T09:00:00Z',
        '',
        'An expired certificate on the sign-in service.',
        '',
        'Incident INC-2026-0002. Impact: major. Affects: Fixture Gateway 2.x.',
        '',
        'INC-2026-0002: full timeline (https://trust.fixture.example/incidents/INC-2026-0002/)',
        '',
        'Read it on the portal: https://trust.fixture.example/incidents/INC-2026-0002/',
        '',
        '-- ',
        'You receive this because you subscribed to notifications from the Fixture Software trust portal. To unsubscribe: https://lists.fixture.example/leave',
        '',
      ].join('\n'),
    );
  });

  it('an e-mail: the same text as HTML, with a link to the page', () => {
    expect(smtp.mails[2]!.mail.html).toBe(
      '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>Cause identified: Gateway sign-in failures</title></head><body><h1>Cause identified: Gateway sign-in failures</h1><p>Cause identified — 2026-11-25T09:00:00Z</p><p>An expired certificate on the sign-in service.</p><p>Incident INC-2026-0002. Impact: major. Affects: Fixture Gateway 2.x.</p><p><a href="https://trust.fixture.example/incidents/INC-2026-0002/">INC-2026-0002: full timeline</a></p><hr><p><a href="https://trust.fixture.example/incidents/INC-2026-0002/">Read it on the portal</a></p><p>You receive this because you subscribed to notifications from the Fixture Software trust portal. <a href="https://lists.fixture.example/leave">Unsubscribe</a></p></body></html>\n',
    );
  });

  it('a Slack message: a header, the text in mrkdwn and a link to the page', () => {
    expect(JSON.parse(requestsTo('/slack/')[1]!.body)).toEqual({
      text: 'Cause identified: Gateway sign-in failures',
      unfurl_links: false,
      unfurl_media: false,
      blocks: [
        {
          type: 'header',
          text: { type: 'plain_text', text: 'Cause identified: Gateway sign-in failures', emoji: false },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: 'Cause identified — 2026-11-25T09:00:00Z\n\nAn expired certificate on the sign-in service.\n\nIncident INC-2026-0002. Impact: major. Affects: Fixture Gateway 2.x.\n\n<https://trust.fixture.example/incidents/INC-2026-0002/|INC-2026-0002: full timeline>',
          },
        },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: '<https://trust.fixture.example/incidents/INC-2026-0002/|Read it on the portal>' },
          ],
        },
      ],
    });
  });

  it('a Teams message: an Adaptive Card of text runs with a button to the page', () => {
    const card = (JSON.parse(requestsTo('/teams/')[2]!.body) as { attachments: { content: unknown }[] }).attachments[0]!
      .content;
    expect(card).toEqual({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        {
          type: 'RichTextBlock',
          inlines: [{ type: 'TextRun', text: expectedTitles.revised, size: 'Large', weight: 'Bolder' }],
        },
        {
          type: 'RichTextBlock',
          inlines: [{ type: 'TextRun', text: 'Revised on 2026-11-28: Credited the reporter.' }],
        },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Vault writes access tokens to its debug log.' }] },
        {
          type: 'RichTextBlock',
          inlines: [
            {
              type: 'TextRun',
              text: 'Severity: Medium (CVSS 3.1 base score 5.5, CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N). CVE-2026-10002. Status: final.',
            },
          ],
        },
        {
          type: 'RichTextBlock',
          inlines: [{ type: 'TextRun', text: 'Affected and fixed versions', weight: 'Bolder' }],
        },
        {
          type: 'RichTextBlock',
          inlines: [
            { type: 'TextRun', text: '• ' },
            { type: 'TextRun', text: 'Fixture Vault 1.x: 1.0.0 to 1.2.0; fixed in 1.2.1' },
          ],
        },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'What to do', weight: 'Bolder' }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Fix', weight: 'Bolder' }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Update to 1.2.1.' }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Details', weight: 'Bolder' }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Text.' }] },
        {
          type: 'RichTextBlock',
          inlines: [
            {
              type: 'TextRun',
              text: 'FSA-2026-0002: full advisory',
              color: 'Accent',
              underline: true,
              selectAction: { type: 'Action.OpenUrl', url: 'https://trust.fixture.example/advisories/FSA-2026-0002/' },
            },
          ],
        },
      ],
      actions: [
        {
          type: 'Action.OpenUrl',
          title: 'Read it on the portal',
          url: 'https://trust.fixture.example/advisories/FSA-2026-0002/',
        },
      ],
    });
  });

  it('a webhook request: JSON the documented schema accepts, about the event', () => {
    const validate = addFormats(new Ajv2020({ strict: true, allErrors: true })).compile(webhookPayloadSchema);
    const bodies = requestsTo('/siem').map((request) => JSON.parse(request.body) as unknown);
    expect(bodies.map((body) => (validate(body) ? 'valid' : validate.errors))).toEqual(bodies.map(() => 'valid'));
    expect(bodies[0]).toMatchObject({
      schema_version: '1.0',
      portal: 'https://trust.fixture.example/',
      event: {
        id: 'tag:trust.fixture.example,2026-11-23:end-of-support:gateway/2.x:announced:2026-11-23:2028-06-30',
        topic: 'end-of-support',
        title: expectedTitles.endOfSupport,
        url: 'https://trust.fixture.example/products/gateway/',
        date: '2026-11-23T00:00:00Z',
        products: ['gateway'],
      },
    });
  });

  it('a webhook request: its signature verifies as docs/notifications.md says, and not with another key', () => {
    // The receiver's side, as documented: HMAC-SHA256 of "<timestamp>.<body>" with the shared key.
    const verify = (request: { headers: Record<string, unknown>; body: string }, secret: string) => {
      const timestamp = String(request.headers['trustline-timestamp']);
      const expected = Buffer.from(
        `v1=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`,
      );
      const given = Buffer.from(String(request.headers['trustline-signature']));
      return given.length === expected.length && timingSafeEqual(given, expected);
    };
    const requests = requestsTo('/siem');
    expect(requests.map((request) => verify(request, WEBHOOK_SECRET))).toEqual(requests.map(() => true));
    expect(verify(requests[0]!, 'another-key')).toBe(false);
    const age = Date.now() / 1000 - Number(requests.at(-1)!.headers['trustline-timestamp']);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(300);
  });
});
