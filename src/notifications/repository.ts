import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { outbox } from './schema.ts';

export type OutboxRow = typeof outbox.$inferSelect;

/** Inserting the same dedupe key twice keeps the first: the same event never queues twice. */
export async function insertMessage(tx: DbOrTx, row: typeof outbox.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(outbox).values(row).onConflictDoNothing().returning({ id: outbox.id });
  return inserted.length > 0;
}

/** Claims due messages; SKIP LOCKED lets several workers share the queue without sending one twice. */
export async function claimDueMessages(tx: DbOrTx, now: Date, limit: number): Promise<OutboxRow[]> {
  const ids = await queryRows<{ regency_code: string; id: string }>(
    tx,
    sql`select regency_code, id from outbox where status = 'pending' and next_attempt_at <= ${now.toISOString()}
        order by next_attempt_at limit ${limit} for update skip locked`,
  );
  if (ids.length === 0) return [];
  const rows: OutboxRow[] = [];
  for (const { regency_code, id } of ids) {
    const [row] = await tx.select().from(outbox).where(and(eq(outbox.regencyCode, regency_code), eq(outbox.id, id)));
    if (row) rows.push(row);
  }
  return rows;
}

export async function markSent(tx: DbOrTx, row: OutboxRow, now: Date): Promise<void> {
  await tx
    .update(outbox)
    .set({ status: 'sent', sentAt: now, attempts: row.attempts + 1, lastError: null })
    .where(and(eq(outbox.regencyCode, row.regencyCode), eq(outbox.id, row.id)));
}

export async function markFailedAttempt(tx: DbOrTx, row: OutboxRow, error: string, retryAt: Date | null): Promise<void> {
  await tx
    .update(outbox)
    .set({ status: retryAt ? 'pending' : 'failed', attempts: row.attempts + 1, lastError: error.slice(0, 500), nextAttemptAt: retryAt ?? undefined })
    .where(and(eq(outbox.regencyCode, row.regencyCode), eq(outbox.id, row.id)));
}

/**
 * Newest first. created_at is on the app clock, so two messages can share it (a frozen test clock,
 * or the same millisecond); among those the later-inserted one comes first, by the inserting
 * transaction's id (xmin), so "the latest code sent to this phone" is always the latest.
 */
export async function listMessages(tx: DbOrTx, regencyCode: string, limit: number, recipient?: string): Promise<OutboxRow[]> {
  const where = recipient ? and(eq(outbox.regencyCode, regencyCode), eq(outbox.recipient, recipient)) : eq(outbox.regencyCode, regencyCode);
  return tx.select().from(outbox).where(where).orderBy(desc(outbox.createdAt), sql`${outbox}.xmin::text::bigint desc`).limit(limit);
}

export async function countDue(tx: DbOrTx, now: Date): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(outbox).where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)));
  return Number(row?.n ?? 0);
}

