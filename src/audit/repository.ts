import { and, asc, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { auditChainHead, auditLog } from './schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export async function lockChain(tx: DbOrTx, regencyCode: string): Promise<void> {
  // One writer at a time per regency: the next row needs the previous row's hash.
  await queryRows(tx, sql`select pg_advisory_xact_lock(hashtext(${'audit_log:' + regencyCode}))`);
}

/** The chain head: the newest row's seq and hash, kept by the database (audit_chain_head). */
export async function findChainHead(tx: DbOrTx, regencyCode: string): Promise<{ seq: number; hash: string } | null> {
  const [head] = await tx.select({ seq: auditChainHead.seq, hash: auditChainHead.hash }).from(auditChainHead).where(eq(auditChainHead.regencyCode, regencyCode));
  return head ?? null;
}

export async function insertAuditRow(tx: DbOrTx, row: typeof auditLog.$inferInsert): Promise<void> {
  await tx.insert(auditLog).values(row);
}

export async function findAuditPage(tx: DbOrTx, regencyCode: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.regencyCode, regencyCode), gt(auditLog.seq, afterSeq)))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
}

export type AuditFilter = { entityType?: string; entityId?: string; subjectNik?: string; actorId?: string };

export async function searchAudit(tx: DbOrTx, regencyCode: string, filter: AuditFilter, limit: number, beforeSeq?: number): Promise<AuditRow[]> {
  const conditions: SQL[] = [eq(auditLog.regencyCode, regencyCode)];
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.subjectNik) conditions.push(eq(auditLog.subjectNik, filter.subjectNik));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (beforeSeq) conditions.push(sql`${auditLog.seq} < ${beforeSeq}`);
  return tx.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.seq)).limit(limit);
}

/** Regencies with audit rows or a chain head (a head whose rows are all gone is still a chain to check). */
export async function listAuditedRegencies(tx: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ regency_code: string }>(tx, sql`select regency_code from audit_chain_head union select distinct regency_code from audit_log order by 1`);
  return rows.map((r) => r.regency_code);
}
