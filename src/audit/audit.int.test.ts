import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { testDbKind } from '../../tests/support/database.ts';
import { queryRows } from '../db/client.ts';
import { buildNik, maskNik } from '../identity/nik.ts';
import { DEMO_CITIZEN, DEMO_PASSWORD } from '../seed/demo.ts';
import { recordAuditNow, verifyAuditChain } from './service.ts';

type AuditItem = { seq: number; at: string; actorId: string | null; actorRole: string | null; action: string; entityType: string; entityId: string | null; subjectNik: string | null; ip: string | null };

let platform: TestPlatform;
let admin: Session;
beforeAll(async () => {
  platform = await createTestPlatform();
  admin = await platform.as('admin');
});
afterAll(() => platform.close());

async function audit(query = ''): Promise<AuditItem[]> {
  const res = await admin.get(`/api/audit${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

async function userId(username: string): Promise<string> {
  return ((await admin.get('/api/admin/users')).json().items as { id: string; username: string }[]).find((u) => u.username === username)!.id;
}

/** Runs SQL as the database owner with the append-only trigger out of the way, as an intruder with owner rights would. */
async function behindTheTriggersBack(statement: ReturnType<typeof sql>): Promise<void> {
  await platform.ctx.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  });
}

describe('what the audit trail records', () => {
  it('records sign-ins, failed sign-ins and user creation with actor, action, entity and ip', async () => {
    const capilId = await userId('capil');
    await platform.as('capil');
    await platform.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'capil', password: 'wrong-password' } });
    const created = await admin.post('/api/admin/users', { username: 'audit.subject', password: 'long-enough-password', displayName: 'Audit Subject', role: 'leader' });
    const newId = created.json().id;
    const adminId = await userId('admin');

    const aboutCapil = await audit(`?entityType=user&entityId=${capilId}`);
    expect(aboutCapil.map((r) => r.action)).toEqual(['sign_in_failed', 'sign_in']);
    expect(aboutCapil[1]).toMatchObject({ actorId: capilId, actorRole: 'agency_processor', action: 'sign_in', entityType: 'user', entityId: capilId, ip: '127.0.0.1' });
    expect(aboutCapil[0]).toMatchObject({ actorId: null, actorRole: 'anonymous', action: 'sign_in_failed', ip: '127.0.0.1' });

    const [creation] = await audit(`?entityId=${newId}`);
    expect(creation).toMatchObject({ actorId: adminId, actorRole: 'mpp_admin', action: 'create', entityType: 'user', entityId: newId, ip: '127.0.0.1' });

    const byAdmin = await audit(`?actorId=${adminId}`);
    expect(byAdmin.every((r) => r.actorId === adminId)).toBe(true);
    expect(byAdmin.map((r) => r.action)).toEqual(expect.arrayContaining(['sign_in', 'create']));
    // Newest first, and the seq numbers run without gaps.
    const all = await audit('?limit=500');
    expect(all.map((r) => r.seq)).toEqual(all.map((_, i) => all.length - i));
  });

  it('masks the NIK in the admin trail', async () => {
    await platform.asCitizen();
    const rows = (await audit('?limit=500')).filter((r) => r.subjectNik);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.subjectNik).toBe(maskNik(DEMO_CITIZEN.nik));
    expect(JSON.stringify(rows)).not.toContain(DEMO_CITIZEN.nik);
  });
});

describe("a citizen's view of who touched their data (UU PDP)", () => {
  it('lists events about their own NIK only, masked, without staff ip or ids', async () => {
    const other = buildNik({ kecamatanCode6: '351020', birthDate: '1988-01-02', sex: 'M', serial: '0777' });
    await platform.asCitizen(other, '081399990000');
    const citizen = await platform.asCitizen();
    // A staff read of her record, as the application modules will record it.
    await recordAuditNow(platform.ctx.db, '35.10', { kind: 'user', userId: await userId('capil'), role: 'agency_processor', displayName: 'capil', nik: null, locale: 'id', places: [], sessionTokenHash: 'x' }, { ip: '10.0.0.9' }, { action: 'read', entityType: 'application', entityId: 'APP-1', subjectNik: DEMO_CITIZEN.nik });

    const res = await citizen.get('/api/me/data-access');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const items = res.json().items as Partial<AuditItem>[];
    expect(items[0]).toMatchObject({ action: 'read', entityType: 'application', entityId: 'APP-1', actorRole: 'agency_processor' });
    expect(items.some((r) => r.action === 'sign_in')).toBe(true);
    for (const item of items) {
      expect(item.subjectNik).toBe(maskNik(DEMO_CITIZEN.nik));
      expect(item).not.toHaveProperty('ip');
      expect(item).not.toHaveProperty('actorId');
    }
    const theirs = (await audit('?limit=500')).filter((r) => r.subjectNik === maskNik(other));
    expect(theirs.length).toBeGreaterThan(0);
    expect(items.map((r) => r.seq)).not.toEqual(expect.arrayContaining(theirs.map((r) => r.seq)));
    expect(res.body).not.toContain(DEMO_CITIZEN.nik);
    expect(res.body).not.toContain('10.0.0.9');
  });

  it('is for citizens: staff get 403, nobody 401', async () => {
    expect((await admin.get('/api/me/data-access')).statusCode).toBe(403);
    expect((await platform.anonymous.get('/api/me/data-access')).statusCode).toBe(401);
  });
});

describe('append-only audit_log', () => {
  it.each([
    ['UPDATE', sql`update audit_log set action = 'nothing happened' where seq = 1`],
    ['DELETE', sql`delete from audit_log where seq = 1`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('the database refuses %s, even from the owner', async (_op, statement) => {
    const before = await queryRows<{ n: number; action: string }>(platform.ctx.db, sql`select count(*)::int as n, min(action) as action from audit_log`);
    await expect(platform.ctx.db.execute(statement)).rejects.toThrow();
    expect(await queryRows(platform.ctx.db, sql`select count(*)::int as n, min(action) as action from audit_log`)).toEqual(before);
  });
});

describe('tamper evidence', () => {
  it('finds an untouched chain intact', async () => {
    const result = await verifyAuditChain(platform.ctx.db, '35.10');
    expect(result.broken).toBeNull();
    expect(result.rows).toBeGreaterThan(5);
    expect((await admin.get('/api/audit/verify')).json()).toEqual({ rows: result.rows, intact: true, brokenAt: null, problem: null });
  });

  it("finds a row whose details were edited behind the trigger's back, by seq", async () => {
    const [target] = await queryRows<{ seq: number; details: unknown }>(platform.ctx.db, sql`select seq::int as seq, details from audit_log where action = 'create' and details ? 'username' order by seq limit 1`);
    await behindTheTriggersBack(sql`update audit_log set details = jsonb_set(details, '{role}', '"mpp_admin"') where seq = ${target!.seq}`);

    const result = await verifyAuditChain(platform.ctx.db, '35.10');
    expect(result.broken).toEqual({ seq: target!.seq, problem: 'hash_mismatch' });
    const api = (await admin.get('/api/audit/verify')).json();
    expect(api).toMatchObject({ intact: false, brokenAt: target!.seq, problem: 'hash_mismatch' });

    // Put it back: the chain holds again, so it is the content that is checked.
    await behindTheTriggersBack(sql`update audit_log set details = ${JSON.stringify(target!.details)}::jsonb where seq = ${target!.seq}`);
    expect((await verifyAuditChain(platform.ctx.db, '35.10')).broken).toBeNull();
  });

  it('finds an edited actor, time or hash too', async () => {
    for (const change of [sql`actor_role = 'leader'`, sql`at = at + interval '1 second'`, sql`hash = repeat('a', 64)`]) {
      const [row] = await queryRows<{ seq: number }>(platform.ctx.db, sql`select (max(seq) / 2)::int as seq from audit_log`);
      const [original] = await queryRows<Record<string, unknown>>(platform.ctx.db, sql`select actor_role, at::text as at, hash from audit_log where seq = ${row!.seq}`);
      await behindTheTriggersBack(sql`update audit_log set ${change} where seq = ${row!.seq}`);
      const broken = (await verifyAuditChain(platform.ctx.db, '35.10')).broken;
      expect(broken).toEqual({ seq: row!.seq, problem: 'hash_mismatch' });
      await behindTheTriggersBack(sql`update audit_log set actor_role = ${original!.actor_role}, at = ${original!.at}::timestamptz, hash = ${original!.hash} where seq = ${row!.seq}`);
    }
    expect((await verifyAuditChain(platform.ctx.db, '35.10')).broken).toBeNull();
  });

  it('finds a deleted middle row, by seq', async () => {
    const [row] = await queryRows<Record<string, unknown>>(platform.ctx.db, sql`select * from audit_log where seq = (select max(seq) / 2 from audit_log)`);
    const seq = Number(row!.seq);
    if (testDbKind === 'postgresql') {
      // The other classic bypass on a server: replica mode skips ordinary triggers.
      await platform.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from audit_log where seq = ${seq}`);
      });
    } else {
      await behindTheTriggersBack(sql`delete from audit_log where seq = ${seq}`);
    }

    expect((await verifyAuditChain(platform.ctx.db, '35.10')).broken).toEqual({ seq, problem: 'missing_rows' });
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ intact: false, brokenAt: seq, problem: 'missing_rows', rows: seq - 1 });
  });
});

describe('the chain head', () => {
  let fresh: TestPlatform;
  const headOf = async () => (await queryRows<{ seq: number; hash: string }>(fresh.ctx.db, sql`select seq::int as seq, hash from audit_chain_head where regency_code = '35.10'`))[0];
  const lastRow = async () => (await queryRows<{ seq: number; hash: string }>(fresh.ctx.db, sql`select seq::int as seq, hash from audit_log where regency_code = '35.10' order by seq desc limit 1`))[0];
  beforeAll(async () => {
    fresh = await createTestPlatform();
    for (const username of ['admin', 'loket', 'capil', 'pimpinan']) await fresh.as(username);
  });
  afterAll(() => fresh.close());

  it('follows every insert, in the same transaction', async () => {
    const before = await headOf();
    expect(before).toEqual(await lastRow());
    await fresh.as('kader.sempu');
    const after = await headOf();
    expect(after!.seq).toBe(before!.seq + 1);
    expect(after).toEqual(await lastRow());
  });

  it.each([
    ['moved back', sql`update audit_chain_head set seq = seq - 1`],
    ['rewritten in place', sql`update audit_chain_head set hash = repeat('b', 64)`],
    ['deleted', sql`delete from audit_chain_head`],
    ['truncated', sql`truncate audit_chain_head`],
    ['passed by a row that does not follow it', sql`insert into audit_log (regency_code, seq, at, action, entity_type, prev_hash, hash) select regency_code, seq + 2, now(), 'create', 'thing', hash, repeat('c', 64) from audit_chain_head`],
    ['passed by a row with another prev_hash', sql`insert into audit_log (regency_code, seq, at, action, entity_type, prev_hash, hash) select regency_code, seq + 1, now(), 'create', 'thing', repeat('d', 64), repeat('c', 64) from audit_chain_head`],
  ])('cannot be %s', async (_what, statement) => {
    const before = await headOf();
    await expect(fresh.ctx.db.execute(statement)).rejects.toThrow();
    expect(await headOf()).toEqual(before);
    expect((await verifyAuditChain(fresh.ctx.db, '35.10')).broken).toBeNull();
  });

  it("finds the newest rows deleted behind the trigger's back; new rows keep following the head", async () => {
    const head = (await headOf())!;
    await fresh.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tx.execute(sql`delete from audit_log where regency_code = '35.10' and seq > ${head.seq - 2}`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });
    expect(await verifyAuditChain(fresh.ctx.db, '35.10')).toEqual({ regencyCode: '35.10', rows: head.seq - 2, broken: { seq: head.seq - 1, problem: 'missing_tail', headSeq: head.seq } });
    const admin = await fresh.as('admin');
    // That sign-in is written after the head (seq + 1), so the cut is now a gap inside the chain.
    expect((await admin.get('/api/audit/verify')).json()).toEqual({ rows: head.seq - 2, intact: false, brokenAt: head.seq - 1, problem: 'missing_rows' });
    expect((await lastRow())!.seq).toBe(head.seq + 1);
  });
});

describe('concurrent writers', () => {
  let fresh: TestPlatform;
  beforeAll(async () => {
    fresh = await createTestPlatform();
  });
  afterAll(() => fresh.close());

  it('keeps the chain gap-free and valid through 50 parallel sign-ins', async () => {
    const usernames = ['admin', 'loket', 'capil', 'desa.sempu', 'bidan.sempu', 'kader.sempu', 'polisi.sempu', 'pimpinan'];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => fresh.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: usernames[i % usernames.length], password: DEMO_PASSWORD } })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(200));

    const rows = await queryRows<{ seq: number; action: string }>(fresh.ctx.db, sql`select seq::int as seq, action from audit_log where regency_code = '35.10' order by seq`);
    expect(rows.filter((r) => r.action === 'sign_in')).toHaveLength(50);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(await verifyAuditChain(fresh.ctx.db, '35.10')).toEqual({ regencyCode: '35.10', rows: rows.length, broken: null });
  });
});

describe('details that do not survive JSON unchanged', () => {
  it('still verify after a round trip through jsonb (dates, undefined, nested objects)', async () => {
    const fresh = await createTestPlatform();
    try {
      await recordAuditNow(fresh.ctx.db, '35.10', { kind: 'anonymous' }, {}, {
        action: 'update',
        entityType: 'application',
        entityId: 'APP-2',
        details: { dueAt: new Date('2026-12-01T01:02:03.456Z'), note: undefined, steps: [{ at: new Date('2026-12-02T00:00:00Z'), skipped: undefined }], ratio: 0.1 },
      });
      expect((await verifyAuditChain(fresh.ctx.db, '35.10')).broken).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});
