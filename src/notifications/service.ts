import type { FastifyBaseLogger } from 'fastify';
import type { Db, DbOrTx } from '../db/client.ts';
import type { LocalText } from '../shared/errors.ts';
import * as repo from './repository.ts';
import type { Channel } from './schema.ts';

export type OutgoingMessage = {
  /** Event + recipient, e.g. `otp:citizen_login:<code id>`; the same key is queued once only. */
  dedupeKey: string;
  channel: Channel;
  recipient: string;
  template: string;
  text: LocalText;
  locale: 'id' | 'en';
  params?: Record<string, string | number>;
};

/**
 * Queue a message in the caller's transaction; delivery happens after commit, by the worker.
 * `now` is the app's clock (ctx.now()): the message is due from then, on the same clock the worker
 * reads. Left out, the database's clock is used.
 */
export async function enqueueMessage(tx: DbOrTx, regencyCode: string, message: OutgoingMessage, now?: Date): Promise<boolean> {
  return repo.insertMessage(tx, {
    nextAttemptAt: now,
    createdAt: now,
    regencyCode,
    dedupeKey: message.dedupeKey,
    channel: message.channel,
    recipient: message.recipient,
    template: message.template,
    params: message.params ?? {},
    locale: message.locale,
    body: message.text[message.locale],
  });
}

/** A channel adapter sends one message or throws; the worker retries with backoff. */
export type ChannelAdapter = { send(message: repo.OutboxRow): Promise<void> };

/**
 * Development delivery: the message goes to the log and stays readable by the admin in the
 * outbox page, so one-time codes can be used without an SMS gateway.
 */
export function logAdapter(log: FastifyBaseLogger): ChannelAdapter {
  return {
    async send(message) {
      log.info({ channel: message.channel, to: message.recipient, template: message.template }, `[outbox] ${message.body}`);
    },
  };
}

const MAX_ATTEMPTS = 8;

function backoff(attempts: number, now: Date): Date {
  return new Date(now.getTime() + Math.min(2 ** attempts * 15_000, 6 * 3600_000));
}

/** Delivers due messages; returns how many were sent. Each message is claimed, sent and marked in one transaction. */
export async function deliverDueMessages(db: Db, adapters: Record<Channel, ChannelAdapter>, now: () => Date, batch = 20): Promise<number> {
  let sent = 0;
  for (;;) {
    const delivered = await db.transaction(async (tx) => {
      const due = await repo.claimDueMessages(tx, now(), batch);
      for (const message of due) {
        try {
          await adapters[message.channel].send(message);
          await repo.markSent(tx, message, now());
          sent++;
        } catch (error) {
          const retry = message.attempts + 1 < MAX_ATTEMPTS ? backoff(message.attempts, now()) : null;
          await repo.markFailedAttempt(tx, message, String((error as Error).message ?? error), retry);
        }
      }
      return due.length;
    });
    if (delivered < batch) return sent;
  }
}
