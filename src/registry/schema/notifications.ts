/**
 * content/vendor.yml `notifications`: where `npm run notify` sends each new event, and what the
 * subscribe page says about it. Only what may be public lives here (addresses, filters, links);
 * every secret (a webhook address, a signing key, the SMTP password) comes from an environment
 * variable named after the channel (docs/notifications.md).
 */
import { z } from 'zod';
import { feedTopics } from '../../site/urls.ts';
import { email, httpsUrl, plainText, slug } from './primitives.ts';

export const eventTopics = feedTopics.filter((topic) => topic !== 'all');

const filters = {
  name: slug.describe(
    'Name of the channel, e.g. "customers-email": it keys the record of what was sent and names the environment variables of its secrets (TRUSTLINE_NOTIFY_CUSTOMERS_EMAIL_URL).',
  ),
  products: z
    .array(slug)
    .min(1, { error: 'list at least one product slug, or remove products to send events of every product' })
    .optional()
    .describe('Send only events about these products (slugs). Default: every product.'),
  topics: z
    .array(z.enum(eventTopics))
    .min(1, { error: 'list at least one topic, or remove topics to send events of every topic' })
    .optional()
    .describe(
      'Send only events of these topics, as the feeds divide them: support, end-of-support (with reminders 12, 6, 3 and 1 months before), incidents (with maintenance), advisories. Default: every topic.',
    ),
};

const mailbox = z
  .strictObject({
    address: email.describe('E-mail address.'),
    name: plainText(80).optional().describe('Display name, e.g. "Kestrel Trust Portal".'),
  })
  .describe('An address with an optional display name.');

const emailChannel = z
  .strictObject({
    type: z
      .literal('email')
      .describe('E-mail over SMTP with STARTTLS, through notifications.smtp, as plain text and HTML.'),
    ...filters,
    from: mailbox.describe('Sender of the messages.'),
    to: z
      .array(email)
      .min(1, { error: 'list at least one address, e.g. the customer mailing list' })
      .describe('Recipients: typically the address of a customer mailing list, or one list per product.'),
    listUnsubscribe: z
      .union([httpsUrl, z.string().regex(/^mailto:[^\s<>]+$/, { error: 'expected an https:// or mailto: address' })])
      .optional()
      .describe(
        'Where a recipient unsubscribes (https:// or mailto:), sent as the List-Unsubscribe header (RFC 2369).',
      ),
  })
  .describe('An e-mail channel.');

const webhookChannel = (type: 'slack' | 'teams' | 'webhook', what: string) =>
  z
    .strictObject({
      type: z
        .literal(type)
        .describe(`${what}. Its address comes from the environment variable TRUSTLINE_NOTIFY_<NAME>_URL.`),
      ...filters,
    })
    .describe(`A ${type} channel.`);

export const notificationChannelSchema = z.discriminatedUnion(
  'type',
  [
    emailChannel,
    webhookChannel('slack', 'A Slack incoming webhook'),
    webhookChannel(
      'teams',
      'A Microsoft Teams incoming webhook (a Workflows "post to a channel when a webhook request is received")',
    ),
    webhookChannel(
      'webhook',
      'A generic JSON webhook, signed with HMAC-SHA256 with the key in TRUSTLINE_NOTIFY_<NAME>_SECRET',
    ),
  ],
  { error: 'expected a channel with type "email", "slack", "teams" or "webhook"' },
);

export const notificationsSchema = z
  .strictObject({
    signUp: httpsUrl
      .optional()
      .describe('Where customers join the mailing list the e-mails go to; the subscribe page links it.'),
    otherChannels: plainText(600)
      .optional()
      .describe(
        'How a customer gets the notifications in Slack, Microsoft Teams or their own webhook (whom to ask, what to send); shown on the subscribe page.',
      ),
    smtp: z
      .strictObject({
        host: z
          .string()
          .regex(/^[A-Za-z0-9.-]+$/, { error: 'expected a host name, e.g. "smtp.example.com"' })
          .describe('SMTP server for the e-mail channels, e.g. "smtp.example.com".'),
        port: z
          .int({ error: 'expected a port number' })
          .min(1)
          .max(65535)
          .default(587)
          .describe('Submission port; the connection is upgraded with STARTTLS before anything is sent.'),
      })
      .optional()
      .describe(
        'The SMTP server e-mail channels send through. User and password come from TRUSTLINE_SMTP_USER and TRUSTLINE_SMTP_PASSWORD.',
      ),
    maxMessagesPerRun: z
      .int({ error: 'expected a whole number' })
      .min(1, { error: 'must be at least 1' })
      .max(1000, { error: 'must be at most 1000' })
      .default(20)
      .describe(
        'At most this many messages are sent by one run; the rest wait for the next (a guard against a mistake flooding customers).',
      ),
    channels: z.array(notificationChannelSchema).default([]).describe('Where each new event is sent.'),
  })
  .superRefine((notifications, context) => {
    const seen = new Set<string>();
    notifications.channels.forEach((channel, index) => {
      if (seen.has(channel.name)) {
        context.issues.push({
          code: 'custom',
          path: ['channels', index, 'name'],
          input: channel.name,
          message: `another channel is already named "${channel.name}": give each channel its own name`,
        });
      }
      seen.add(channel.name);
    });
    const firstEmail = notifications.channels.findIndex((channel) => channel.type === 'email');
    if (firstEmail !== -1 && notifications.smtp === undefined) {
      context.issues.push({
        code: 'custom',
        path: ['channels', firstEmail],
        input: notifications.channels[firstEmail],
        message: 'an e-mail channel needs an SMTP server: add notifications.smtp with its host (and port)',
      });
    }
  })
  .describe('Notifications that `npm run notify` sends after each deploy (docs/notifications.md).');

export type Notifications = z.output<typeof notificationsSchema>;
export type NotificationChannel = z.output<typeof notificationChannelSchema>;
