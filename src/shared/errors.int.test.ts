import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, testConfig, type TestPlatform } from '../../tests/support/app.ts';
import { testDbKind } from '../../tests/support/database.ts';
import { buildApp, type App } from '../app.ts';

let platform: TestPlatform;
let app: App;
beforeAll(async () => {
  platform = await createTestPlatform();
  // The same app with two routes that fail the way real code can.
  ({ app } = await buildApp({ config: testConfig(), database: platform.database, logger: false }));
  app.get('/api/test/throws', async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'nik') at /srv/satupintu/src/secret.ts:12");
  });
  app.get('/api/test/database', async () => platform.database.db.execute(sql`select * from table_that_does_not_exist`));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await platform.close();
});

type Problem = { type: string; title: string; status: number; detail: string; code: string; instance?: string; errors?: { field: string; message: string }[] };

function post(url: string, body: string | object, headers: Record<string, string> = {}) {
  return platform.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json', ...headers } });
}

describe('validation errors', () => {
  it('name each bad field, in Indonesian by default', async () => {
    const res = await post('/api/auth/login', { username: '', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toEqual({
      type: 'https://satupintu.id/problems/validation-failed',
      title: 'Data yang dikirim tidak valid.',
      status: 400,
      detail: 'Data yang dikirim tidak valid.',
      code: 'validation_failed',
      instance: '/api/auth/login',
      errors: [
        { field: 'username', message: 'Nama pengguna wajib diisi' },
        { field: 'password', message: 'Kata sandi wajib diisi' },
      ],
    });
  });

  it.each([
    ['Accept-Language', '/api/auth/login', { 'accept-language': 'en-US,en;q=0.9,id;q=0.8' }],
    ['?lang=en', '/api/auth/login?lang=en', {}],
  ])('name each bad field in English when asked by %s', async (_how, url, headers) => {
    const res = await post(url, { username: '', password: '' }, headers);
    expect(res.json()).toMatchObject({
      title: 'The submitted data is not valid.',
      errors: [
        { field: 'username', message: 'Username is required' },
        { field: 'password', message: 'Password is required' },
      ],
    });
  });

  it("follow a signed-in user's chosen language", async () => {
    const admin = await platform.as('admin');
    expect((await admin.patch('/api/auth/me', { locale: 'en' })).statusCode).toBe(204);
    const res = await admin.post('/api/admin/users', { username: 'ok.name', password: 'short', displayName: 'Good Name', role: 'leader' });
    expect(res.json().errors).toEqual([{ field: 'password', message: 'Password needs at least 10 characters' }]);
  });

  it('name missing fields, with the schema library\'s messages in both languages', async () => {
    const id = (await post('/api/auth/login', {})).json() as Problem;
    expect(id.errors!.map((e) => e.field)).toEqual(['username', 'password']);
    for (const e of id.errors!) expect(e.message).toMatch(/^Input tidak valid/);
    const en = (await post('/api/auth/login', {}, { 'accept-language': 'en' })).json() as Problem;
    for (const e of en.errors!) expect(e.message).toMatch(/^Invalid input/);
  });

  it('name query-string fields too', async () => {
    const res = await platform.anonymous.get('/api/regions?parent=35-10&limit=0', { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors!.map((e) => e.field).sort()).toEqual(['limit', 'parent']);
    expect((res.json() as Problem).errors!.find((e) => e.field === 'parent')!.message).toBe('Invalid region code (e.g. 35.10.01)');
  });

  it('say "body" when there is no body at all', async () => {
    const res = await platform.app.inject({ method: 'POST', url: '/api/nik/validate' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors!.map((e) => e.field)).toEqual(['body']);
  });
});

describe('unreadable requests', () => {
  it('answer malformed JSON with a 400 problem', async () => {
    const res = await post('/api/auth/login', '{"username": "admin", "password": ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 400, code: 'bad_request', detail: 'Permintaan tidak dapat dibaca (format salah).' });
  });

  it('answer an unsupported content type with a 415 problem', async () => {
    const res = await platform.app.inject({ method: 'POST', url: '/api/auth/login', payload: 'username=admin', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it('answer an oversized body with a 413 problem', async () => {
    const res = await post('/api/nik/validate', { nik: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413, code: 'payload_too_large' });
  });
});

describe('unknown routes', () => {
  it.each(['GET', 'POST', 'DELETE'])('answer %s on an unknown API path with a 404 problem in Indonesian', async (method) => {
    const res = await platform.app.inject({ method: method as 'GET', url: '/api/tidak-ada?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Data tidak ditemukan.', detail: 'Alamat /api/tidak-ada tidak ditemukan.' });
  });
});

describe('unexpected failures', () => {
  it.each([
    ['a thrown exception', '/api/test/throws', ['secret.ts', 'reading', 'TypeError']],
    ['a database error', '/api/test/database', ['table_that_does_not_exist', 'select', 'relation']],
  ])('answer %s with a 500 problem that gives nothing away', async (_what, url, secrets) => {
    for (const lang of ['id', 'en']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json() as Problem;
      expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
      expect(body).toMatchObject({
        status: 500,
        code: 'internal',
        detail: lang === 'en' ? 'Something went wrong on our side. It has been logged.' : 'Terjadi kesalahan pada sistem. Kami sudah mencatatnya.',
      });
      expect(res.body).not.toMatch(/\bat .*:\d+/); // no stack frames
      for (const secret of secrets) expect(res.body).not.toContain(secret);
    }
  });
});

describe.runIf(testDbKind === 'postgresql')('a lost database connection', () => {
  it('does not bring the server down: the next request gets a fresh connection', async () => {
    // Several idle connections in the pool.
    await Promise.all(Array.from({ length: 5 }, () => platform.anonymous.get('/api/regions/35.10')));
    expect(platform.database.pool!.idleCount).toBeGreaterThan(1);
    // The server drops them, as a restart, a failover or an idle timeout would.
    await platform.database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const res = await platform.anonymous.get('/api/regions/35.10');
    expect(res.statusCode).toBe(200);
  });
});
