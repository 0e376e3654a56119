import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only: the migration revokes nothing from the owner, so a trigger refuses UPDATE and
 * DELETE, and each row carries the hash of the previous one (per regency) so that a row changed
 * or removed behind the trigger's back is found by `npm run audit:verify`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    regencyCode: text('regency_code').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(), // 'read' | 'create' | 'update' | 'delete' | 'sign_in' | …
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    // Whose personal data was touched, so a citizen can be shown who read their data.
    subjectNik: text('subject_nik'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.seq] }),
    index('audit_log_entity_idx').on(t.regencyCode, t.entityType, t.entityId),
    index('audit_log_subject_idx').on(t.regencyCode, t.subjectNik),
  ],
);

/**
 * The end of each regency's chain: the newest seq and its hash, advanced by a trigger on every
 * insert into audit_log (same transaction) and refused any change that does not move it forward.
 * Deleting the newest rows leaves no gap inside the chain; the head still names the row that is
 * gone, so `audit:verify` finds the cut. (Migration 0014/0015: table, backfill, triggers.)
 */
export const auditChainHead = pgTable('audit_chain_head', {
  regencyCode: text('regency_code').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
