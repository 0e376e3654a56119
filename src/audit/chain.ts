import { createHash } from 'node:crypto';

export type ChainedFields = {
  regencyCode: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  subjectNik: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(row: ChainedFields, prevHash: string): string {
  // Only the chained fields, named one by one: extra properties on the row must not change the hash.
  const payload = canonicalJson({
    regencyCode: row.regencyCode,
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    subjectNik: row.subjectNik,
    ip: row.ip,
    requestId: row.requestId,
    details: row.details,
    prevHash,
  });
  return createHash('sha256').update(payload).digest('hex');
}

export type ChainBreak =
  | { seq: number; problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'missing_rows' | 'head_mismatch' | 'beyond_head' | 'missing_head' }
  | { seq: number; problem: 'missing_tail'; headSeq: number };

/**
 * Walks rows in seq order and reports the first place the chain does not hold.
 * `expected` carries the state across batches so a long log can be checked in pages.
 */
export function verifyChainBatch(
  rows: (ChainedFields & { prevHash: string; hash: string })[],
  expected: { seq: number; hash: string },
): { ok: true; next: { seq: number; hash: string } } | { ok: false; broken: ChainBreak } {
  let state = expected;
  for (const row of rows) {
    if (row.seq !== state.seq + 1) return { ok: false, broken: { seq: state.seq + 1, problem: 'missing_rows' } };
    if (row.prevHash !== state.hash) return { ok: false, broken: { seq: row.seq, problem: 'prev_hash_mismatch' } };
    if (chainHash(row, row.prevHash) !== row.hash) return { ok: false, broken: { seq: row.seq, problem: 'hash_mismatch' } };
    state = { seq: row.seq, hash: row.hash };
  }
  return { ok: true, next: state };
}

/**
 * The chain's end against its head (audit_chain_head). The walk above finds a changed or removed
 * row inside the chain; only the head knows how far the chain reached, so it alone finds the newest
 * rows deleted. `end` is the last row that held (seq 0 when there is none).
 */
export function checkChainEnd(end: { seq: number; hash: string }, head: { seq: number; hash: string } | null): ChainBreak | null {
  if (!head) return end.seq === 0 ? null : { seq: end.seq, problem: 'missing_head' };
  // Rows end.seq + 1 … head.seq were written and are gone.
  if (head.seq > end.seq) return { seq: end.seq + 1, problem: 'missing_tail', headSeq: head.seq };
  // Rows after the head were written past the trigger (or the head was held back).
  if (head.seq < end.seq) return { seq: head.seq + 1, problem: 'beyond_head' };
  // Same length, another hash: the chain was rewritten from some row on, hashes recomputed.
  if (head.hash !== end.hash) return { seq: end.seq, problem: 'head_mismatch' };
  return null;
}
