import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const CHANNELS = ['sms', 'whatsapp', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Transactional outbox: a message is written in the same transaction as the change that causes
 * it, then delivered by a worker. The dedupe key (event + recipient) makes a second write of the
 * same message a no-op, so nothing is sent twice.
 */
export const outbox = pgTable(
  'outbox',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    locale: text('locale').notNull().default('id'),
    body: text('body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('outbox_dedupe_uq').on(t.regencyCode, t.dedupeKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    check('outbox_channel_check', sql`${t.channel} in ('sms', 'whatsapp', 'email')`),
    check('outbox_status_check', sql`${t.status} in ('pending', 'sent', 'failed')`),
  ],
);
