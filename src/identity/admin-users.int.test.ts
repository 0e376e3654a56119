import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { DEMO_ACCOUNTS } from '../seed/demo.ts';

let platform: TestPlatform;
let admin: Session;
const sessions = new Map<string, Session>();
let agencyId: string;
let villageId: string;
let capilId: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  for (const account of DEMO_ACCOUNTS) sessions.set(account.username, await platform.as(account.username));
  sessions.set('citizen', await platform.asCitizen());
  sessions.set('anonymous', platform.anonymous);
  admin = sessions.get('admin')!;
  const places = (await admin.get('/api/places')).json().items as { id: string; kind: string; code: string }[];
  agencyId = places.find((p) => p.code === 'dispendukcapil')!.id;
  villageId = places.find((p) => p.code === '35.10.20.2001')!.id;
  capilId = ((await admin.get('/api/admin/users')).json().items as { id: string; username: string }[]).find((u) => u.username === 'capil')!.id;
});
afterAll(() => platform.close());

let n = 0;
type Operation = { name: string; ok: number; run: (s: Session) => Promise<{ statusCode: number; body: string }> };
const OPERATIONS: Operation[] = [
  { name: 'list users', ok: 200, run: (s) => s.get('/api/admin/users') },
  { name: 'create a user', ok: 201, run: (s) => s.post('/api/admin/users', { username: `matrix.${n++}`, password: 'long-enough-password', displayName: 'Matrix User', role: 'leader' }) },
  { name: 'update a user', ok: 204, run: (s) => s.patch(`/api/admin/users/${capilId}`, { displayName: 'Bambang Irawan (Dispendukcapil)' }) },
  { name: 'list API tokens', ok: 200, run: (s) => s.get('/api/admin/api-tokens') },
  { name: 'create an API token', ok: 201, run: (s) => s.post('/api/admin/api-tokens', { name: `Matrix ${n++}`, placeId: agencyId }) },
  {
    name: 'revoke an API token',
    ok: 204,
    run: async (s) => {
      const { id } = (await admin.post('/api/admin/api-tokens', { name: `To revoke ${n++}`, placeId: agencyId })).json();
      return s.delete(`/api/admin/api-tokens/${id}`);
    },
  },
  { name: 'read the outbox', ok: 200, run: (s) => s.get('/api/admin/outbox') },
  { name: 'read the audit trail', ok: 200, run: (s) => s.get('/api/audit') },
  { name: 'verify the audit chain', ok: 200, run: (s) => s.get('/api/audit/verify') },
];

const WHO = [...DEMO_ACCOUNTS.map((a) => a.username), 'citizen', 'anonymous'];
const expected = (who: string, op: Operation) => (who === 'admin' ? op.ok : who === 'anonymous' ? 401 : 403);
const matrix = WHO.flatMap((who) => OPERATIONS.map((op) => ({ who, op: op.name, status: expected(who, op) })));

describe('who may administer users, API tokens, the outbox and the audit trail', () => {
  it.each(matrix)('$who: $op → $status', async ({ who, op, status }) => {
    const res = await OPERATIONS.find((o) => o.name === op)!.run(sessions.get(who)!);
    expect(res.statusCode, res.body).toBe(status);
    if (status >= 400) expect(JSON.parse(res.body).code).toBe(status === 401 ? 'unauthenticated' : 'forbidden');
  });

  it('let no denied write through: only the admin created users and tokens', async () => {
    const users = (await admin.get('/api/admin/users')).json().items as { username: string }[];
    expect(users.filter((u) => u.username.startsWith('matrix.'))).toHaveLength(1);
    const tokens = (await admin.get('/api/admin/api-tokens')).json().items as { name: string; revokedAt: string | null }[];
    expect(tokens.filter((t) => t.name.startsWith('Matrix '))).toHaveLength(1);
    // Every "to revoke" token but the admin's own attempt is still live.
    const toRevoke = tokens.filter((t) => t.name.startsWith('To revoke '));
    expect(toRevoke.filter((t) => t.revokedAt)).toHaveLength(1);
    expect(toRevoke.filter((t) => !t.revokedAt)).toHaveLength(WHO.length - 1);
  });

  it.each(WHO.map((who) => ({ who, status: who === 'anonymous' ? 401 : who === 'citizen' ? 403 : 200 })))('$who: list places → $status', async ({ who, status }) => {
    expect((await sessions.get(who)!.get('/api/places')).statusCode).toBe(status);
  });
});

describe('creating staff accounts', () => {
  it('creates an account bound to its places that can sign in', async () => {
    const res = await admin.post('/api/admin/users', { username: 'Operator.Kemiren', password: 'Kemiren#2026!', displayName: 'Operator Desa Kemiren', role: 'village_operator', phone: '0812 5555 0001', placeIds: [villageId] });
    expect(res.statusCode).toBe(201);
    const listed = ((await admin.get('/api/admin/users')).json().items as { id: string; username: string; role: string; active: boolean; places: { code: string }[] }[]).find((u) => u.id === res.json().id);
    expect(listed).toMatchObject({ username: 'operator.kemiren', role: 'village_operator', active: true, places: [{ code: '35.10.20.2001' }] });
    const login = await platform.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'operator.kemiren', password: 'Kemiren#2026!' } });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.places.map((p: { code: string }) => p.code)).toEqual(['35.10.20.2001']);
  });

  it.each(['loket', 'LOKET', ' Loket '])('refuses a taken username (%s) with a 409 problem', async (username) => {
    const res = await admin.post('/api/admin/users', { username, password: 'long-enough-password', displayName: 'Duplicate', role: 'counter_officer' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 409, code: 'already_exists', detail: 'Nama pengguna "loket" sudah dipakai.' });
  });

  it('answers a double-submitted creation with one 201 and one 409, never a 500', async () => {
    const body = { username: 'double.click', password: 'long-enough-password', displayName: 'Double Click', role: 'leader' };
    const results = await Promise.all(Array.from({ length: 3 }, () => admin.post('/api/admin/users', body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('refuses a bad body with a 400 problem naming each bad field', async () => {
    const res = await admin.post('/api/admin/users', { username: 'a b', password: 'short', displayName: 'X', role: 'citizen', email: 'not-an-email', placeIds: ['not-a-uuid'] });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['displayName', 'email', 'password', 'placeIds.0', 'role', 'username']);
    expect(body.errors.find((e: { field: string }) => e.field === 'password').message).toBe('Kata sandi minimal 10 karakter');
    for (const error of body.errors) expect(error.message).toEqual(expect.any(String));
  });

  it('refuses missing fields and unknown places by name', async () => {
    const missing = await admin.post('/api/admin/users', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['displayName', 'password', 'role', 'username']);

    const unknownPlace = await admin.post('/api/admin/users', { username: 'nowhere.user', password: 'long-enough-password', displayName: 'Nowhere', role: 'leader', placeIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknownPlace.statusCode).toBe(400);
    expect(unknownPlace.json().errors).toEqual([{ field: 'placeIds', message: 'Tempat tugas tidak ditemukan.' }]);
    expect(((await admin.get('/api/admin/users')).json().items as { username: string }[]).some((u) => u.username === 'nowhere.user')).toBe(false);
  });
});

describe('updating staff accounts', () => {
  it('re-binds places and renames, and refuses an unknown place by name without changing anything', async () => {
    const id = (await admin.post('/api/admin/users', { username: 'rebind.me', password: 'long-enough-password', displayName: 'Rebind Me', role: 'agency_processor', placeIds: [agencyId] })).json().id;
    const find = async () => ((await admin.get('/api/admin/users')).json().items as { id: string; displayName: string; places: { code: string }[] }[]).find((u) => u.id === id)!;

    expect((await admin.patch(`/api/admin/users/${id}`, { displayName: 'Rebound', placeIds: [villageId] })).statusCode).toBe(204);
    expect(await find()).toMatchObject({ displayName: 'Rebound', places: [{ code: '35.10.20.2001' }] });

    const bad = await admin.patch(`/api/admin/users/${id}`, { displayName: 'Should not stick', placeIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'placeIds', message: 'Tempat tugas tidak ditemukan.' }]);
    expect(await find()).toMatchObject({ displayName: 'Rebound', places: [{ code: '35.10.20.2001' }] });
  });

  it('answers an unknown account with 404', async () => {
    expect((await admin.patch('/api/admin/users/00000000-0000-4000-8000-000000000000', { active: false })).statusCode).toBe(404);
  });
});

describe('agency API tokens', () => {
  it('shows the secret once; it works as a bearer token until revoked', async () => {
    const created = await admin.post('/api/admin/api-tokens', { name: 'SIAK Terpusat', placeId: agencyId });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const { id, token } = created.json();
    expect(token).toMatch(/^sp_[\w-]{40,}$/);

    const listing = await admin.get('/api/admin/api-tokens');
    expect(listing.body).not.toContain(token);
    const row = (listing.json().items as { id: string; prefix: string; lastUsedAt: string | null }[]).find((t) => t.id === id)!;
    expect(token.startsWith(row.prefix)).toBe(true);
    expect(row.lastUsedAt).toBeNull();

    const who = await platform.anonymous.get('/api/whoami', { authorization: `Bearer ${token}` });
    expect(who.statusCode).toBe(200);
    expect(who.json()).toEqual({ kind: 'agency_system', role: null, place: 'dispendukcapil' });
    const used = ((await admin.get('/api/admin/api-tokens')).json().items as { id: string; lastUsedAt: string | null }[]).find((t) => t.id === id)!;
    expect(used.lastUsedAt).not.toBeNull();

    expect((await admin.delete(`/api/admin/api-tokens/${id}`)).statusCode).toBe(204);
    const after = await platform.anonymous.get('/api/whoami', { authorization: `Bearer ${token}` });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    expect(after.json().code).toBe('unauthenticated');
    expect((await admin.delete(`/api/admin/api-tokens/${id}`)).statusCode).toBe(404);
  });

  it('refuses a made-up bearer token with 401', async () => {
    expect((await platform.anonymous.get('/api/whoami', { authorization: 'Bearer sp_made-up-token' })).statusCode).toBe(401);
  });

  it('issues tokens to agencies only', async () => {
    const res = await admin.post('/api/admin/api-tokens', { name: 'Village system', placeId: villageId });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'placeId', message: 'Token API hanya untuk instansi.' }]);
  });
});
