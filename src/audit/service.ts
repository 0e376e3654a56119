import type { Db, DbOrTx } from '../db/client.ts';
import { actorId, actorRole, type Actor } from '../shared/actor.ts';
import type { RequestMeta } from '../shared/context.ts';
import { sql } from 'drizzle-orm';
import { chainHash, checkChainEnd, GENESIS_HASH, verifyChainBatch, type ChainBreak } from './chain.ts';
import * as repo from './repository.ts';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  subjectNik?: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends one row to the regency's hash chain. Call it inside the transaction of the change it
 * describes, so a change is never saved without its audit row (nor the row without the change).
 */
export async function recordAudit(
  tx: DbOrTx,
  regencyCode: string,
  actor: Actor,
  meta: Partial<RequestMeta>,
  entry: AuditEntry,
  at: Date = new Date(),
): Promise<void> {
  await repo.lockChain(tx, regencyCode);
  const head = await repo.findChainHead(tx, regencyCode);
  const fields = {
    regencyCode,
    seq: (head?.seq ?? 0) + 1,
    at,
    actorId: actorId(actor),
    actorRole: actorRole(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    subjectNik: entry.subjectNik ?? null,
    ip: meta.ip ?? null,
    requestId: meta.requestId ?? null,
    // Hashed as it will read back from jsonb: a Date becomes its ISO string, undefined disappears.
    details: entry.details === undefined ? null : (JSON.parse(JSON.stringify(entry.details)) as Record<string, unknown>),
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  await repo.insertAuditRow(tx, { ...fields, at: fields.at, prevHash, hash: chainHash(fields, prevHash) });
}

/** Records outside a caller's transaction (e.g. a read, which changes nothing else). */
export async function recordAuditNow(db: Db, regencyCode: string, actor: Actor, meta: Partial<RequestMeta>, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, regencyCode, actor, meta, entry));
}

export type VerifyResult = { regencyCode: string; rows: number; broken: ChainBreak | null };

/**
 * Walks the regency's chain from the first row and compares its end with the chain head. Runs in one
 * repeatable-read snapshot, so rows written meanwhile by a running server are neither half seen nor
 * taken for tampering.
 */
export async function verifyAuditChain(db: Db, regencyCode: string, pageSize = 5000): Promise<VerifyResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    return walkChain(tx, regencyCode, pageSize);
  });
}

async function walkChain(tx: DbOrTx, regencyCode: string, pageSize: number): Promise<VerifyResult> {
  let expected = { seq: 0, hash: GENESIS_HASH };
  let rows = 0;
  for (;;) {
    const page = await repo.findAuditPage(tx, regencyCode, expected.seq, pageSize);
    if (page.length === 0) break;
    const result = verifyChainBatch(
      page.map((r) => ({ ...r, at: new Date(r.at), details: r.details ?? null })),
      expected,
    );
    // Rows 1 … seq-1 held: that is how many were checked good before the break.
    if (!result.ok) return { regencyCode, rows: result.broken.seq - 1, broken: result.broken };
    rows += page.length;
    expected = result.next;
  }
  const broken = checkChainEnd(expected, await repo.findChainHead(tx, regencyCode));
  return { regencyCode, rows: broken && broken.problem === 'beyond_head' ? broken.seq - 1 : rows, broken };
}

export async function verifyAllChains(db: Db): Promise<VerifyResult[]> {
  const regencies = await repo.listAuditedRegencies(db);
  const results: VerifyResult[] = [];
  for (const code of regencies) results.push(await verifyAuditChain(db, code));
  return results;
}
