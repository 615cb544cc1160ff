/**
 * Delivery: one function per kind of channel that resolves when the receiver accepted the
 * message and throws a DeliveryError (with words safe to print: never an address or a key)
 * when it did not. Secrets come only from the environment (docs/notifications.md).
 */
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { SubscriberEvent } from '../outputs/feeds/events.ts';
import type { NotificationChannel, Notifications } from '../registry/schema/notifications.ts';
import type { Registry } from '../registry/types.ts';
import { emailMessage, slackMessage, teamsMessage, webhookPayload } from './messages.ts';

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** How long one attempt may take before it counts as failed. */
const TIMEOUT_MS = 15_000;

/** TRUSTLINE_NOTIFY_OPS_CHAT for the channel "ops-chat". */
export function environmentPrefix(channel: Pick<NotificationChannel, 'name'>): string {
  return `TRUSTLINE_NOTIFY_${channel.name.toUpperCase().replace(/-/g, '_')}`;
}

/** The environment variables a channel's secrets come from. */
export function secretNames(channel: NotificationChannel): string[] {
  switch (channel.type) {
    case 'email':
      return ['TRUSTLINE_SMTP_USER', 'TRUSTLINE_SMTP_PASSWORD'];
    case 'webhook':
      return [`${environmentPrefix(channel)}_URL`, `${environmentPrefix(channel)}_SECRET`];
    default:
      return [`${environmentPrefix(channel)}_URL`];
  }
}

export type Send = (event: SubscriberEvent) => Promise<void>;

/**
 * The sender for a channel, or the sentence saying which environment variable is missing.
 * HTTP channels need their address; a webhook its signing key too. SMTP credentials are
 * optional (a relay may accept the CI host without them), but one without the other is a mistake.
 */
export function senderFor(
  registry: Registry,
  notifications: Notifications,
  channel: NotificationChannel,
  env: NodeJS.ProcessEnv,
): Send | string {
  const prefix = environmentPrefix(channel);
  if (channel.type === 'email') {
    const user = env['TRUSTLINE_SMTP_USER'] || undefined;
    const pass = env['TRUSTLINE_SMTP_PASSWORD'] || undefined;
    if ((user === undefined) !== (pass === undefined)) {
      return `${user === undefined ? 'TRUSTLINE_SMTP_USER' : 'TRUSTLINE_SMTP_PASSWORD'} is not set while ${user === undefined ? 'TRUSTLINE_SMTP_PASSWORD' : 'TRUSTLINE_SMTP_USER'} is: set both, or neither for a server that needs no login`;
    }
    return emailSender(registry, notifications.smtp!, channel, user && pass ? { user, pass } : undefined);
  }
  const url = env[`${prefix}_URL`];
  if (!url) return `${prefix}_URL is not set: give it the channel's webhook address (a secret of the CI job)`;
  if (!URL.canParse(url) || !['https:', 'http:'].includes(new URL(url).protocol)) {
    return `${prefix}_URL is not an http(s) address: give it the channel's webhook address`;
  }
  switch (channel.type) {
    case 'slack':
      return (event) => postJson(url, slackMessage(event), {});
    case 'teams':
      return (event) => postJson(url, teamsMessage(event), {});
    case 'webhook': {
      const secret = env[`${prefix}_SECRET`];
      if (!secret) return `${prefix}_SECRET is not set: give it the key the receiver checks signatures with`;
      return (event) => {
        const body = JSON.stringify(webhookPayload(registry, event));
        const timestamp = String(Math.floor(Date.now() / 1000));
        return postBody(url, body, {
          'Trustline-Event-Id': event.id,
          'Trustline-Timestamp': timestamp,
          'Trustline-Signature': `v1=${webhookSignature(secret, timestamp, body)}`,
        });
      };
    }
  }
}

/** HMAC-SHA256, hex, over the timestamp, a full stop and the body exactly as sent (docs/notifications.md). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

function postJson(url: string, payload: unknown, headers: Record<string, string>): Promise<void> {
  return postBody(url, JSON.stringify(payload), headers);
}

async function postBody(url: string, body: string, headers: Record<string, string>): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Trustline-notify', ...headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryError(describeNetworkError(error));
  }
  await response.body?.cancel();
  if (!response.ok) throw new DeliveryError(`the receiver answered HTTP ${response.status}`);
}

/** The cause's code (ECONNREFUSED, a timeout), never its message: messages may quote the address. */
function describeNetworkError(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? `the connection failed (${cause.code})` : 'the connection failed';
}

function emailSender(
  registry: Registry,
  smtp: NonNullable<Notifications['smtp']>,
  channel: Extract<NotificationChannel, { type: 'email' }>,
  auth: { user: string; pass: string } | undefined,
): Send {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    // Port 465 speaks TLS from the start; any other port must upgrade with STARTTLS before login.
    secure: smtp.port === 465,
    requireTLS: smtp.port !== 465,
    auth,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return async (event) => {
    const message = emailMessage(registry, event, channel.listUnsubscribe);
    try {
      await transport.sendMail({
        from:
          channel.from.name === undefined
            ? channel.from.address
            : { name: channel.from.name, address: channel.from.address },
        to: [...channel.to],
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(channel.listUnsubscribe === undefined ? {} : { list: { unsubscribe: channel.listUnsubscribe } }),
        headers: { 'X-Trustline-Event-Id': event.id },
      });
    } catch (error) {
      const { responseCode, code } = error as { responseCode?: unknown; code?: unknown };
      throw new DeliveryError(
        typeof responseCode === 'number'
          ? `the SMTP server refused it (${responseCode})`
          : `the SMTP exchange failed (${typeof code === 'string' ? code : 'no code'})`,
      );
    }
  };
}
