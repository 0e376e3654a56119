import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';

let platform: TestPlatform;
let admin: Session;
let dispendukcapilId: string;
let capilUserId: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  admin = await platform.as('admin');
  const places = (await admin.get('/api/places?kind=agency')).json().items as { id: string; code: string }[];
  dispendukcapilId = places.find((p) => p.code === 'dispendukcapil')!.id;
  const users = (await admin.get('/api/admin/users')).json().items as { id: string; username: string }[];
  capilUserId = users.find((u) => u.username === 'capil')!.id;
});
afterAll(() => platform.close());

/** The admin's cookie, with the CSRF header left out or replaced. */
function withCookie(method: 'POST' | 'PATCH' | 'DELETE', url: string, body: object | undefined, csrf: string | null) {
  return platform.app.inject({
    method,
    url,
    payload: body,
    headers: { cookie: admin.cookie!, ...(csrf === null ? {} : { 'x-csrf-token': csrf }) },
  });
}

async function staff() {
  return (await admin.get('/api/admin/users')).json().items as { id: string; username: string; displayName: string; active: boolean }[];
}

describe('CSRF on cookie-authenticated writes', () => {
  const missingOrWrong: [string, string | null][] = [
    ['without', null],
    ['with a wrong', 'not-the-token'],
    ['with an empty', ''],
  ];

  it.each(missingOrWrong)('POST %s x-csrf-token is refused with 403 csrf_invalid and creates nothing', async (_label, csrf) => {
    const res = await withCookie('POST', '/api/admin/users', { username: 'forged.user', password: 'long-enough-password', displayName: 'Forged', role: 'leader' }, csrf);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 403, code: 'csrf_invalid' });
    expect((await staff()).some((u) => u.username === 'forged.user')).toBe(false);
  });

  it.each(missingOrWrong)('PATCH %s x-csrf-token is refused and the account is unchanged', async (_label, csrf) => {
    const res = await withCookie('PATCH', `/api/admin/users/${capilUserId}`, { active: false, displayName: 'Forged name' }, csrf);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_invalid');
    const capil = (await staff()).find((u) => u.id === capilUserId)!;
    expect(capil).toMatchObject({ active: true, displayName: 'Bambang Irawan (Dispendukcapil)' });
  });

  it.each(missingOrWrong)('DELETE %s x-csrf-token is refused and the API token still works', async (_label, csrf) => {
    const created = await admin.post('/api/admin/api-tokens', { name: 'SIAK Dispendukcapil', placeId: dispendukcapilId });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();

    const res = await withCookie('DELETE', `/api/admin/api-tokens/${id}`, undefined, csrf);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_invalid');
    expect((await platform.anonymous.get('/api/whoami', { authorization: `Bearer ${token}` })).statusCode).toBe(200);
  });

  it("accepts another session's CSRF token nowhere: tokens are bound to their session", async () => {
    const other = await platform.as('admin');
    const res = await withCookie('POST', '/api/admin/users', { username: 'cross.session', password: 'long-enough-password', displayName: 'Cross', role: 'leader' }, other.csrfToken);
    expect(res.statusCode).toBe(403);
    expect((await staff()).some((u) => u.username === 'cross.session')).toBe(false);
  });

  it('lets the same writes through with the right token', async () => {
    const created = await withCookie('POST', '/api/admin/users', { username: 'real.user', password: 'long-enough-password', displayName: 'Real User', role: 'leader' }, admin.csrfToken);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await withCookie('PATCH', `/api/admin/users/${id}`, { displayName: 'Real User Renamed' }, admin.csrfToken)).statusCode).toBe(204);
    expect((await staff()).find((u) => u.id === id)).toMatchObject({ username: 'real.user', displayName: 'Real User Renamed' });

    const token = (await admin.post('/api/admin/api-tokens', { name: 'To be revoked', placeId: dispendukcapilId })).json();
    expect((await withCookie('DELETE', `/api/admin/api-tokens/${token.id}`, undefined, admin.csrfToken)).statusCode).toBe(204);
    expect((await platform.anonymous.get('/api/whoami', { authorization: `Bearer ${token.token}` })).statusCode).toBe(401);
  });

  it('does not ask for a token on reads', async () => {
    const res = await platform.app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: admin.cookie! } });
    expect(res.statusCode).toBe(200);
  });

  it('does not ask bearer-token (agency system) requests for a CSRF token', async () => {
    const { token } = (await admin.post('/api/admin/api-tokens', { name: 'Agency system', placeId: dispendukcapilId })).json();
    const res = await platform.app.inject({ method: 'POST', url: '/api/nik/validate', payload: { nik: '3510205203940001' }, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().valid).toBe(true);
    const who = await platform.app.inject({ method: 'GET', url: '/api/whoami', headers: { authorization: `Bearer ${token}` } });
    expect(who.json()).toMatchObject({ kind: 'agency_system', place: 'dispendukcapil' });
  });

  it('judges a bearer request by its token alone: an admin cookie riding along without CSRF grants nothing', async () => {
    const { token } = (await admin.post('/api/admin/api-tokens', { name: 'Agency system 2', placeId: dispendukcapilId })).json();
    const res = await platform.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      payload: { username: 'via.bearer', password: 'long-enough-password', displayName: 'Via Bearer', role: 'leader' },
      headers: { authorization: `Bearer ${token}`, cookie: admin.cookie! },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
    expect((await staff()).some((u) => u.username === 'via.bearer')).toBe(false);
  });
});
