/**
 * One event as each channel's message: an e-mail (plain text and HTML), a Slack message (mrkdwn),
 * a Microsoft Teams Adaptive Card and the generic webhook's JSON. All are written from the same
 * sanitised text the page shows. HTML is built as a tree and serialised (src/outputs/markup.ts);
 * the other formats get text only, escaped for where it goes: Slack's three control characters
 * become entities, and Teams gets TextRuns, which no client reads as Markdown.
 */
import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type { SubscriberEvent } from '../outputs/feeds/events.ts';
import { htmlFragment, serialiseHtml, withoutForbiddenCharacters } from '../outputs/markup.ts';
import type { Registry } from '../registry/types.ts';
import { blocksOf, cleanText, plainTextOf, type Block } from './blocks.ts';

export interface EmailMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

function footerText(registry: Registry, unsubscribe: string | undefined): string {
  const why = `You receive this because you subscribed to notifications from the ${cleanText(registry.vendor.name)} trust portal.`;
  return unsubscribe === undefined ? why : `${why} To unsubscribe: ${unsubscribe}`;
}

export function emailMessage(registry: Registry, event: SubscriberEvent, unsubscribe?: string): EmailMessage {
  const subject = cleanText(event.title).trim();
  const blocks = blocksOf(event.contentHtml);
  const body = blocks
    .map((block, index) => {
      const separator = index === 0 ? '' : block.kind === 'item' && blocks[index - 1]!.kind === 'item' ? '\n' : '\n\n';
      return separator + plainTextOf(block);
    })
    .join('');
  const text = `${subject}\n\n${body}\n\nRead it on the portal: ${event.url}\n\n-- \n${footerText(registry, unsubscribe)}\n`;
  const footer: ElementContent[] = [
    h('hr'),
    h('p', [h('a', { href: event.url }, 'Read it on the portal')]),
    h('p', [
      `You receive this because you subscribed to notifications from the ${registry.vendor.name} trust portal.`,
      ...(unsubscribe === undefined ? [] : [' ', h('a', { href: unsubscribe }, 'Unsubscribe')]),
    ]),
  ];
  const document = h('html', { lang: registry.vendor.site.language }, [
    h('head', [h('meta', { charset: 'utf-8' }), h('title', subject)]),
    h('body', [h('h1', subject), ...htmlFragment(event.contentHtml), ...footer]),
  ]);
  const html = `<!doctype html>\n${withoutForbiddenCharacters(serialiseHtml(document))}\n`;
  return { subject, text, html };
}

// ——— Slack ———

/** Slack reads only `&`, `<` and `>` as markup in mrkdwn text; as entities they are text. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<address|text>`: the address may not hold `|` or `>` (a parsed URL already encodes `>`). */
function slackLink(href: string, text: string): string {
  return `<${href.replace(/\|/g, '%7C')}|${slackEscape(text)}>`;
}

function slackBlock(block: Block): string {
  const text = block.runs
    .map((run) => (run.href === undefined ? slackEscape(run.text) : slackLink(run.href, run.text)))
    .join('');
  return block.kind === 'heading' ? `*${text}*` : block.kind === 'item' ? `• ${text}` : text;
}

/** Slack's limit for a section's text. */
const SLACK_SECTION_LIMIT = 3000;
/** Slack's limit for a header's text. */
const SLACK_HEADER_LIMIT = 150;

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

export function slackMessage(event: SubscriberEvent): unknown {
  const title = cleanText(event.title).trim();
  // Each block on its own line, within the section limit; what does not fit is one link away.
  const lines: string[] = [];
  let length = 0;
  for (const block of blocksOf(event.contentHtml)) {
    const line = slackBlock(block);
    if (length + line.length + 2 > SLACK_SECTION_LIMIT - 40) {
      lines.push(slackLink(event.url, 'Read the rest on the portal'));
      break;
    }
    lines.push(line);
    length += line.length + 2;
  }
  return {
    text: slackEscape(title),
    unfurl_links: false,
    unfurl_media: false,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: shorten(title, SLACK_HEADER_LIMIT), emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n\n') } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: slackLink(event.url, 'Read it on the portal') }] },
    ],
  };
}

// ——— Microsoft Teams ———

function teamsBlock(block: Block): unknown {
  const runs = block.runs.map((run) => ({
    type: 'TextRun',
    text: run.text,
    ...(block.kind === 'heading' ? { weight: 'Bolder' } : {}),
    ...(run.href === undefined
      ? {}
      : { color: 'Accent', underline: true, selectAction: { type: 'Action.OpenUrl', url: run.href } }),
  }));
  return {
    type: 'RichTextBlock',
    inlines: block.kind === 'item' ? [{ type: 'TextRun', text: '• ' }, ...runs] : runs,
  };
}

/**
 * An Adaptive Card (1.4) in the message envelope Teams' incoming webhooks take. Every piece of
 * text is a TextRun: unlike a TextBlock, a TextRun is never read as Markdown, so a "[link](…)"
 * or "**" in the text stays as written.
 */
export function teamsMessage(event: SubscriberEvent): unknown {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'RichTextBlock',
              inlines: [{ type: 'TextRun', text: cleanText(event.title).trim(), size: 'Large', weight: 'Bolder' }],
            },
            ...blocksOf(event.contentHtml).map(teamsBlock),
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'Read it on the portal', url: event.url }],
        },
      },
    ],
  };
}

// ——— Generic webhook ———

export const WEBHOOK_SCHEMA_VERSION = '1.0';

/** The body of a webhook request, as webhookPayloadSchema (src/notify/webhookSchema.ts) describes it. */
export function webhookPayload(registry: Registry, event: SubscriberEvent): unknown {
  return {
    schema_version: WEBHOOK_SCHEMA_VERSION,
    portal: registry.vendor.site.url + registry.vendor.site.basePath,
    event: {
      id: event.id,
      topic: event.topic,
      title: cleanText(event.title).trim(),
      summary: cleanText(event.summary).trim(),
      contentHtml: withoutForbiddenCharacters(event.contentHtml).replace(/\r\n?/g, '\n'),
      contentText: blocksOf(event.contentHtml).map(plainTextOf).join('\n'),
      url: event.url,
      date: event.date,
      products: event.productSlugs,
      tags: event.tags,
    },
  };
}
