import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.close());

function login(username: string, password: string, headers: Record<string, string> = {}) {
  return platform.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });
}

function cookieOf(res: Awaited<ReturnType<typeof login>>): string {
  const raw = res.cookies.find((c) => c.name === 'sp_session');
  if (!raw) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `sp_session=${raw.value}`;
}

async function sessionUser(cookie: string) {
  const res = await platform.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json().user as { role: string; displayName: string; places: { kind: string; code: string }[] } | null;
}

describe('staff sign-in', () => {
  it('signs in with the right password: an HttpOnly, SameSite=Lax cookie, and the session shows the user and places', async () => {
    const res = await login('loket', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^sp_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().csrfToken).toEqual(expect.any(String));

    const user = await sessionUser(cookieOf(res));
    expect(user).toMatchObject({ role: 'counter_officer', displayName: 'Dewi Lestari (Loket MPP)' });
    expect(user!.places.map((p) => `${p.kind}:${p.code}`).sort()).toEqual(['agency:dispendukcapil', 'service_point:mpp-banyuwangi']);
  });

  it('signs in whatever the case of the username', async () => {
    const res = await login('  LOKET ', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user with the same 401 problem, in Indonesian by default and English on request', async () => {
    const wrong = await login('capil', 'not-the-password');
    const unknown = await login('nobody.here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json()).toMatchObject({ status: 401, code: 'invalid_credentials', detail: 'Nama pengguna atau kata sandi salah.' });

    const wrongEn = await login('capil', 'not-the-password', { 'accept-language': 'en-GB,en;q=0.9' });
    const unknownEn = await login('nobody.here', 'not-the-password', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(wrongEn.body).toBe(unknownEn.body);
    expect(wrongEn.json()).toMatchObject({ status: 401, code: 'invalid_credentials', detail: 'Wrong username or password.' });
  });

  it('locks the account after 5 failures (even the right password gets 423) and unlocks it 16 minutes later', async () => {
    for (let i = 1; i <= 5; i++) expect((await login('bidan.sempu', `guess-${i}`)).statusCode).toBe(401);
    const locked = await login('bidan.sempu', DEMO_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'account_locked', status: 423 });
    expect(locked.headers['set-cookie']).toBeUndefined();

    platform.clock.advance(10 * MINUTE);
    expect((await login('bidan.sempu', DEMO_PASSWORD)).statusCode).toBe(423);

    platform.clock.advance(6 * MINUTE);
    const open = await login('bidan.sempu', DEMO_PASSWORD);
    expect(open.statusCode).toBe(200);

    // A success starts the count again: four new mistakes do not lock.
    for (let i = 1; i <= 4; i++) expect((await login('bidan.sempu', `again-${i}`)).statusCode).toBe(401);
    expect((await login('bidan.sempu', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('after a lock expires the count starts again: one more mistake does not lock, five do', async () => {
    for (let i = 1; i <= 5; i++) expect((await login('polisi.sempu', `guess-${i}`)).statusCode).toBe(401);
    expect((await login('polisi.sempu', DEMO_PASSWORD)).statusCode).toBe(423);

    platform.clock.advance(16 * MINUTE);
    // A typo right after the lock ends is one mistake, not the sixth.
    expect((await login('polisi.sempu', 'typo-after-lock')).statusCode).toBe(401);
    expect((await login('polisi.sempu', DEMO_PASSWORD)).statusCode).toBe(200);

    // Without a success in between as well: the expired lock's failures no longer count.
    for (let i = 1; i <= 5; i++) expect((await login('polisi.sempu', `again-${i}`)).statusCode).toBe(401);
    platform.clock.advance(16 * MINUTE);
    for (let i = 1; i <= 4; i++) expect((await login('polisi.sempu', `later-${i}`)).statusCode).toBe(401);
    expect((await login('polisi.sempu', DEMO_PASSWORD)).statusCode).toBe(200);

    // …and five new ones lock it again, for another 15 minutes.
    for (let i = 1; i <= 5; i++) expect((await login('polisi.sempu', `fresh-${i}`)).statusCode).toBe(401);
    expect((await login('polisi.sempu', DEMO_PASSWORD)).statusCode).toBe(423);
  });

  it('refuses a deactivated user and ends the sessions it had', async () => {
    const admin = await platform.as('admin');
    const kader = await platform.as('kader.sempu');
    expect((await kader.get('/api/auth/session')).json().user.role).toBe('village_official');

    const users = (await admin.get('/api/admin/users')).json().items as { id: string; username: string }[];
    const id = users.find((u) => u.username === 'kader.sempu')!.id;
    expect((await admin.patch(`/api/admin/users/${id}`, { active: false })).statusCode).toBe(204);

    expect((await kader.get('/api/auth/session')).json().user).toBeNull();
    expect((await kader.get('/api/whoami')).json().kind).toBe('anonymous');
    const again = await login('kader.sempu', DEMO_PASSWORD);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('invalid_credentials');

    // Reactivation does not bring the old sessions back; a fresh sign-in works.
    expect((await admin.patch(`/api/admin/users/${id}`, { active: true })).statusCode).toBe(204);
    expect((await kader.get('/api/auth/session')).json().user).toBeNull();
    expect((await login('kader.sempu', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('logout revokes the session on the server, not only the cookie', async () => {
    const officer = await platform.as('capil');
    expect((await officer.get('/api/auth/session')).json().user).not.toBeNull();
    const out = await officer.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/sp_session=;/);
    // The old cookie, replayed, is no longer a session.
    expect((await officer.get('/api/auth/session')).json()).toEqual({ user: null, csrfToken: null });
    expect((await officer.patch('/api/auth/me', { locale: 'en' })).statusCode).toBe(401);
  });

  it(`expires a session after SESSION_TTL_HOURS of inactivity, and activity keeps it alive`, async () => {
    const ttl = platform.ctx.config.SESSION_TTL_HOURS;
    const res = await login('desa.sempu', DEMO_PASSWORD);
    const officer: Session = await platform.as('desa.sempu');
    // What a browser does with the cookie's Expires, if it has one.
    const cookieExpiry = /Expires=([^;]+)/i.exec(String(res.headers['set-cookie']))?.[1];
    const browserStillSends = () => !cookieExpiry || new Date(cookieExpiry) > platform.clock.now;

    // Used just before it would expire: the expiry slides forward, in the browser too.
    platform.clock.advance(ttl * HOUR - 5 * MINUTE);
    expect((await officer.get('/api/auth/session')).json().user).not.toBeNull();
    platform.clock.advance(ttl * HOUR - 5 * MINUTE);
    expect((await officer.get('/api/auth/session')).json().user).not.toBeNull();
    expect(browserStillSends()).toBe(true);

    // Then left alone for longer than the TTL.
    platform.clock.advance(ttl * HOUR + MINUTE);
    expect((await officer.get('/api/auth/session')).json().user).toBeNull();
    expect((await officer.get('/api/admin/users')).statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  let limited: TestPlatform;
  beforeAll(async () => {
    limited = await createTestPlatform({ config: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => limited.close());

  it('answers the attempt after LOGIN_RATE_LIMIT in a minute with a 429 problem, right password or not', async () => {
    const attempt = (password: string) => limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } });
    for (let i = 0; i < 3; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
    const blocked = await attempt(DEMO_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(blocked.json()).toMatchObject({ status: 429, code: 'rate_limited', detail: 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.' });
    expect(blocked.headers['set-cookie']).toBeUndefined();
  });
});
