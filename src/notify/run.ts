/**
 * `npm run notify`: every event the content publishes that a channel has not been told of yet is
 * sent to it once, oldest first (docs/notifications.md).
 *
 * - The record (src/notify/record.ts) says, per channel, what it was told; an entry is written
 *   only once the channel accepted the message.
 * - A channel new to the record (every channel, on the first run) is not sent the events it
 *   predates: they are recorded as earlier, unless `sendPast`.
 * - A failing channel is retried with doubling back-off; after the last attempt its remaining
 *   events wait for the next run, and the other channels are still served.
 * - At most `maxMessages` are sent by one run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { printProblems } from '../cli/report.ts';
import type { SubscriberEvent } from '../outputs/feeds/events.ts';
import { checkContent, defaultContentDir } from '../registry/loadRegistry.ts';
import type { NotificationChannel } from '../registry/schema/notifications.ts';
import { notificationEvents } from './events.ts';
import { openRecord, RecordError, type Outcome } from './record.ts';
import { DeliveryError, secretNames, senderFor, type Send } from './senders.ts';

export interface NotifyOptions {
  readonly contentDir?: string | undefined;
  readonly buildDate?: string | undefined;
  readonly dryRun: boolean;
  readonly sendPast: boolean;
  /** Overrides notifications.maxMessagesPerRun. */
  readonly maxMessages?: number | undefined;
  readonly attempts: number;
  /** The wait before the first retry; each later wait doubles. */
  readonly backoffSeconds: number;
  readonly recordBranch: string;
}

export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

interface ChannelPlan {
  readonly channel: NotificationChannel;
  readonly isNew: boolean;
  /** Events recorded without a message: earlier than the channel, or left out by its filter. */
  readonly settled: { event: SubscriberEvent; outcome: Exclude<Outcome, 'sent'> }[];
  readonly toSend: SubscriberEvent[];
}

function matches(channel: NotificationChannel, event: SubscriberEvent): boolean {
  const products = channel.products;
  return (
    (products === undefined || event.productSlugs.some((slug) => products.includes(slug))) &&
    (channel.topics === undefined || channel.topics.includes(event.topic))
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Every line printed goes through here: any secret value in it is masked. */
function redacting(output: Output, secrets: readonly string[]): Output {
  const mask = (line: string) => secrets.reduce((text, secret) => text.split(secret).join('***'), line);
  return { log: (line) => output.log(mask(line)), error: (line) => output.error(mask(line)) };
}

/** Exit status: 0 all sent, 1 something was not delivered (or content errors), 2 a usage or record error. */
export async function notify(
  options: NotifyOptions,
  env: NodeJS.ProcessEnv = process.env,
  plainOutput: Output = console,
): Promise<number> {
  try {
    return await sendNewEvents(options, env, plainOutput);
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    plainOutput.error(`notify: ${error.message}`);
    return 2;
  }
}

async function sendNewEvents(options: NotifyOptions, env: NodeJS.ProcessEnv, plainOutput: Output): Promise<number> {
  const contentDir = options.contentDir ?? defaultContentDir();
  const result = checkContent({ contentDir, buildDate: options.buildDate });
  if (!result.registry) {
    printProblems(result.problems, plainOutput.error);
    plainOutput.error('✖ notify: the content has errors (npm run check lists them); nothing was sent');
    return 1;
  }
  const registry = result.registry;
  const notifications = registry.vendor.notifications;
  const channels = notifications?.channels ?? [];
  const secrets = channels
    .flatMap((channel) => secretNames(channel))
    .map((name) => env[name] ?? '')
    .filter((value) => value.length >= 4);
  const output = redacting(plainOutput, secrets);
  if (notifications === undefined || channels.length === 0) {
    output.log(
      'notify: no channels in content/vendor.yml (notifications.channels): nothing to send (docs/notifications.md)',
    );
    return 0;
  }

  const record = openRecord(contentDir, options.recordBranch);
  const events = notificationEvents(registry);
  const asOf = `as of ${registry.buildTime}`;
  if (!record.exists) {
    output.log(
      `notify: first run (no branch "${options.recordBranch}" with a record of what was sent yet): ${options.sendPast ? 'the events published so far are sent, as --send-past asks' : 'the events published so far are recorded as already announced, not sent (--send-past sends them)'}`,
    );
  }

  const plans: ChannelPlan[] = channels.map((channel) => {
    const told = record.data.channels[channel.name];
    const isNew = told === undefined;
    const pending = events.filter((event) => told?.[event.id] === undefined);
    const settled: ChannelPlan['settled'] = [];
    const toSend: SubscriberEvent[] = [];
    for (const event of pending) {
      if (isNew && !options.sendPast) settled.push({ event, outcome: 'earlier' });
      else if (!matches(channel, event)) settled.push({ event, outcome: 'filtered' });
      else toSend.push(event);
    }
    return { channel, isNew, settled, toSend };
  });

  if (options.dryRun) {
    output.log(`notify: dry run (${asOf}): nothing is sent or recorded`);
    for (const plan of plans) {
      const earlier = plan.settled.filter((entry) => entry.outcome === 'earlier').length;
      if (plan.isNew && earlier > 0) {
        output.log(
          `${plan.channel.name}: new channel: ${plural(earlier, 'earlier event')} would be recorded as already announced, not sent`,
        );
      }
      output.log(`${plan.channel.name}: would send ${plural(plan.toSend.length, 'message')}`);
      for (const event of plan.toSend) output.log(`  - ${event.title} (${event.url})`);
      const sender = senderFor(registry, notifications, plan.channel, env);
      if (typeof sender === 'string' && plan.toSend.length > 0) output.log(`  but cannot: ${sender}`);
    }
    return 0;
  }

  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const settledCount = plans.reduce((sum, plan) => sum + plan.settled.length, 0);
  if (settledCount > 0 || plans.some((plan) => plan.isNew)) {
    for (const plan of plans) {
      const entries = (record.data.channels[plan.channel.name] ??= {});
      for (const { event, outcome } of plan.settled) entries[event.id] = { outcome, at: now() };
      if (plan.isNew && plan.settled.length > 0) {
        output.log(
          `${plan.channel.name}: new channel: ${plural(plan.settled.length, 'earlier event')} recorded as already announced, not sent`,
        );
      }
    }
    record.save(
      `Record ${plural(settledCount, 'event')} not to be sent: published before a channel, or outside its filter (${asOf})`,
    );
  }

  let budget = options.maxMessages ?? notifications.maxMessagesPerRun;
  let sent = 0;
  const failures: string[] = [];
  const waiting: SubscriberEvent[] = [];
  for (const plan of plans) {
    if (plan.toSend.length === 0) continue;
    const { channel } = plan;
    const sender = senderFor(registry, notifications, channel, env);
    const entries = (record.data.channels[channel.name] ??= {});
    let failure: string | undefined;
    let index = 0;
    for (; index < plan.toSend.length; index++) {
      const event = plan.toSend[index]!;
      if (typeof sender === 'string') {
        failure = sender;
        break;
      }
      if (budget === 0) {
        waiting.push(...plan.toSend.slice(index));
        break;
      }
      failure = await deliver(sender, event, channel, options, output);
      if (failure !== undefined) break;
      budget--;
      sent++;
      entries[event.id] = { outcome: 'sent', at: now() };
      record.save(`Sent to ${channel.name}: ${event.id}`);
      output.log(`${channel.name}: sent "${event.title}"`);
    }
    if (failure !== undefined) {
      const missed = plan.toSend.slice(index);
      failures.push(
        `notify: channel "${channel.name}" (${channel.type}) failed: ${failure}. Not delivered, the next run sends ${missed.length === 1 ? 'it' : 'them'}:\n${missed.map((event) => `  - ${event.id} (${event.title})`).join('\n')}`,
      );
    }
  }

  for (const failure of failures) output.error(failure);
  if (waiting.length > 0) {
    output.error(
      `notify: stopped at the cap of ${options.maxMessages ?? notifications.maxMessagesPerRun} messages a run (notifications.maxMessagesPerRun, or --max-messages): ${plural(waiting.length, 'message')} ${waiting.length === 1 ? 'waits' : 'wait'} for the next run`,
    );
  }
  const ok = failures.length === 0 && waiting.length === 0;
  const line = `${ok ? '✔' : '✖'} notify: ${plural(sent, 'message')} sent (${asOf})${failures.length > 0 ? `; ${plural(failures.length, 'channel')} failed` : ''}`;
  (ok ? output.log : output.error)(line);
  return ok ? 0 : 1;
}

/** Undefined once the channel accepted the message; otherwise why it did not, after the last attempt. */
async function deliver(
  send: Send,
  event: SubscriberEvent,
  channel: NotificationChannel,
  options: NotifyOptions,
  output: Output,
): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    let reason: string;
    try {
      await send(event);
      return undefined;
    } catch (error) {
      reason = error instanceof DeliveryError ? error.message : `an unexpected ${(error as Error).name}`;
    }
    if (attempt >= options.attempts) return `${reason} (${plural(attempt, 'attempt')})`;
    const seconds = options.backoffSeconds * 2 ** (attempt - 1);
    output.error(
      `${channel.name}: ${reason}; trying again in ${seconds} s (attempt ${attempt + 1} of ${options.attempts})`,
    );
    await sleep(seconds * 1000);
  }
}
