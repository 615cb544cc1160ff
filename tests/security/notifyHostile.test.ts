/**
 * Hostile text in an event arrives inert on every channel: e-mail HTML gains no element or
 * attribute (and has only plain elements, attributes and web links), Slack mrkdwn has no markup
 * but the links notify writes itself, a Teams card has only text runs (never a TextBlock, which
 * clients read as Markdown), and no message carries a control character. Checked as a property
 * of the message writers, and end to end: the known XSS payloads in an incident, sent through
 * a real SMTP server and HTTP receiver.
 */
import fc from 'fast-check';
import { h } from 'hastscript';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubscriberEvent } from '../../src/outputs/feeds/events.ts';
import { htmlFragment, serialiseHtml } from '../../src/outputs/markup.ts';
import { emailMessage, slackMessage, teamsMessage, webhookPayload } from '../../src/notify/messages.ts';
import { loadRegistry } from '../../src/registry/loadRegistry.ts';
import { renderMarkdown } from '../../src/registry/markdown.ts';
import type { Registry } from '../../src/registry/types.ts';
import { BUILD_DATE, createContent, incident, markdownFile, vendor, type Fixture } from '../support/contentFixture.ts';
import { git } from '../support/git.ts';
import {
  channelEnvironment,
  runNotify,
  startHttpReceiver,
  startSmtpReceiver,
  type HttpReceiver,
  type SmtpReceiver,
} from '../support/notifyReceivers.ts';
import { hostileText } from './hostileStrings.ts';
import { htmlShape } from './markupShape.ts';
import { xssPayloads } from './xssPayloads.ts';

/** Control characters no message should carry (line feeds are kept in plain text). */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

const PLAIN_ELEMENTS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'body',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'a',
  'ul',
  'ol',
  'li',
  'hr',
]);
const PLAIN_ELEMENTS_IN_TEXT = new Set(['code', 'pre', 'strong', 'em', 'br', 'blockquote', 'del', 'span']);

/** What in an e-mail's HTML is not plain: an element, an attribute or a link target that could act. */
function activeHtml(html: string): string[] {
  return htmlShape(html, false)
    .map((entry) => /\/([a-z0-9]+)\[([^\]]*)\]$/.exec(entry)!)
    .flatMap(([, element, attributes]) => [
      ...(PLAIN_ELEMENTS.has(element!) || PLAIN_ELEMENTS_IN_TEXT.has(element!) ? [] : [`<${element}>`]),
      ...attributes!
        .split(',')
        .filter((name) => name !== '' && !['href', 'rel', 'lang', 'charSet'].includes(name))
        .map((name) => `${element} ${name}`),
    ])
    .concat(
      [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!).filter((href) => !/^(https?|mailto):/.test(href)),
    );
}

/**
 * Slack mrkdwn with notify's own links taken out: any "<" or ">" left would be markup (a
 * mention, a link). Plain-text objects are not read as markup, but carry no control character either.
 */
function slackMarkup(message: unknown): string[] {
  const problems: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const plain = record['type'] === 'plain_text';
    for (const [key, child] of Object.entries(record)) {
      if (key === 'text' && typeof child === 'string') {
        if (CONTROL.test(child)) problems.push(`control character in ${JSON.stringify(child)}`);
        const rest = child.replace(/<https?:\/\/[^\s|<>]+\|[^<>]*>/g, '');
        if (!plain && /[<>]/.test(rest)) problems.push(rest);
      } else walk(child);
    }
  };
  walk(message);
  return problems;
}

const TEAMS_TYPES = new Set(['message', 'AdaptiveCard', 'RichTextBlock', 'TextRun', 'Action.OpenUrl']);

/** Anything in a Teams message other than text runs, web links and the card around them. */
function teamsMarkup(message: unknown): string[] {
  const problems: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record['type'] === 'string' && !TEAMS_TYPES.has(record['type'])) problems.push(`a ${record['type']}`);
    if (typeof record['url'] === 'string' && !/^https?:/.test(record['url']))
      problems.push(`a link to ${record['url']}`);
    if (typeof record['text'] === 'string' && CONTROL.test(record['text']))
      problems.push(`control character in ${record['text']}`);
    Object.values(record).forEach(walk);
  };
  walk(message);
  return problems;
}

let registry: Registry;
let contentFixture: Fixture;
beforeAll(() => {
  contentFixture = createContent();
  registry = loadRegistry({ contentDir: contentFixture.dir, buildDate: BUILD_DATE });
}, 120_000);
afterAll(() => contentFixture.cleanup());

/**
 * An incident update as the event list builds one: plain text in a tree, and (withMarkdown) the
 * text as Markdown, rendered and sanitised. The sanitised Markdown's elements depend on the text,
 * so the HTML shape is compared without it; the Markdown reaches e-mail HTML end to end below.
 */
function eventWith(text: string, url: string, withMarkdown = true): SubscriberEvent {
  return {
    id: 'tag:trust.fixture.example,2026-11-22:incident:INC-2026-0001:update:2026-11-22T08:00:00Z',
    topic: 'incidents',
    title: `Investigating: ${text}`,
    summary: text,
    contentHtml: serialiseHtml([
      h('p', `Investigating — ${text}`),
      ...(withMarkdown ? htmlFragment(renderMarkdown(text)) : []),
      h('p', [h('a', { href: url }, text)]),
    ]),
    url: 'https://trust.fixture.example/incidents/INC-2026-0001/',
    date: '2026-11-22T08:00:00Z',
    productSlugs: ['gateway'],
    tags: ['Incidents'],
    isStandingNotice: false,
  };
}

describe('hostile text in an event', () => {
  it('adds no element or attribute to the e-mail HTML, and no control character to its text', () => {
    const benign = htmlShape(
      emailMessage(registry, eventWith('text', 'https://news.example.com/q', false)).html,
      false,
    );
    fc.assert(
      fc.property(hostileText, hostileText, (text, query) => {
        const message = emailMessage(
          { ...registry, vendor: { ...registry.vendor, name: text } },
          eventWith(text, `https://news.example.com/q${query}`, false),
        );
        expect(emailMessage(registry, eventWith(text, `https://news.example.com/q${query}`)).text).not.toMatch(CONTROL);
        expect(htmlShape(message.html, false)).toEqual(benign);
        expect([message.subject, message.text].filter((part) => CONTROL.test(part))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('comes out of a Slack message as text', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (text, query) => {
        expect(slackMarkup(slackMessage(eventWith(text, `https://news.example.com/q${query}`)))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('comes out of a Teams card as text runs', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (text, query) => {
        expect(teamsMarkup(teamsMessage(eventWith(text, `https://news.example.com/q${query}`)))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('comes out of a webhook body as JSON strings without control characters', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const payload = webhookPayload(registry, eventWith(text, 'https://news.example.com/q')) as {
          event: Record<string, unknown>;
        };
        const strings = Object.values(payload.event).filter((value): value is string => typeof value === 'string');
        expect(strings.filter((value) => /[\u0000-\u0008\u000b-\u001f]/.test(value))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the known XSS payloads and control characters in an incident, sent for real', () => {
  let smtp: SmtpReceiver;
  let http: HttpReceiver;
  let fixture: Fixture;
  let status: number;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    http = await startHttpReceiver();
    fixture = createContent();
    fixture.write(
      'vendor.yml',
      stringify({
        ...vendor,
        notifications: {
          smtp: { host: '127.0.0.1', port: smtp.port },
          channels: [
            {
              name: 'customers-email',
              type: 'email',
              from: { address: 'trust@fixture.example' },
              to: ['list@fixture.example'],
            },
            { name: 'ops-slack', type: 'slack' },
            { name: 'security-teams', type: 'teams' },
          ],
        },
      }),
    );
    git(fixture.dir, ['init', '-q', '-b', 'main']);
    git(fixture.dir, ['add', '-A']);
    git(fixture.dir, ['commit', '-q', '-m', 'Content'], '2026-11-22T07:00:00+00:00');
    const env = channelEnvironment(http, smtp.certificateFile);
    await runNotify(['--content', fixture.dir, '--date', '2026-11-22'], env);
    fixture.write(
      'incidents/INC-2026-0002.md',
      markdownFile(
        {
          ...incident,
          id: 'INC-2026-0002',
          title: 'Gateway <script>window.__xss=1</script> "outage" <img src=x onerror=window.__xss=1>',
          started: '2026-11-23T07:55:00Z',
          updates: [
            {
              at: '2026-11-23T08:00:00Z',
              status: 'investigating',
              text: `${xssPayloads.join('\n\n')}\n\nbell\u0007 escape\u001b[31m nul\u0000 line\u2028separator <!channel> <@U123> [x](https://evil.example)`,
            },
          ],
        },
        `${xssPayloads.join('\n\n')}\n`,
      ),
    );
    git(fixture.dir, ['add', '-A']);
    git(fixture.dir, ['commit', '-q', '-m', 'Open an incident'], '2026-11-23T08:00:00+00:00');
    status = (await runNotify(['--content', fixture.dir, '--date', '2026-11-23'], env)).status;
  }, 180_000);

  afterAll(async () => {
    await smtp.close();
    await http.close();
    fixture.cleanup();
  });

  it('are sent', () => {
    expect([status, smtp.mails.length, http.requests.length]).toEqual([0, 1, 2]);
  });

  it('arrive in the e-mail HTML with only plain elements, plain attributes and web links', () => {
    expect(activeHtml(String(smtp.mails[0]!.mail.html))).toEqual([]);
  });

  it('arrive in the e-mail without control characters', () => {
    const { subject, text } = smtp.mails[0]!.mail;
    expect([subject, text].filter((part) => CONTROL.test(String(part)))).toEqual([]);
  });

  it('arrive in Slack as text', () => {
    const slack = http.requests.find((request) => request.path.startsWith('/slack/'))!;
    expect(slackMarkup(JSON.parse(slack.body))).toEqual([]);
  });

  it('arrive in Teams as text runs', () => {
    const teams = http.requests.find((request) => request.path.startsWith('/teams/'))!;
    expect(teamsMarkup(JSON.parse(teams.body))).toEqual([]);
  });
});
