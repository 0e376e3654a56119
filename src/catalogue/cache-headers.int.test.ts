import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';

/**
 * How long and by whom the catalogue's answers may be kept. A shared cache (a proxy at the
 * regency's network edge, a CDN) may keep what anyone would get; it must not keep — and hand to the
 * next person — what was fetched with someone's session or token, nor an error in one person's language.
 */
let platform: TestPlatform;
let citizen: Session;
let admin: Session;
let agencyToken: string;

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
  citizen = await platform.asCitizen();
  admin = await platform.as('admin');
  const places = (await admin.get('/api/places')).json().items as { id: string; code: string }[];
  const issued = await admin.post('/api/admin/api-tokens', { name: 'Sistem SIAK', placeId: places.find((p) => p.code === 'dispendukcapil')!.id });
  agencyToken = issued.json().token;
});
afterAll(async () => {
  await platform?.close();
});

function vary(res: LightMyRequestResponse): string[] {
  return String(res.headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
}

const READS = [
  '/api/catalogue/agencies',
  '/api/catalogue/agencies/dispendukcapil',
  '/api/catalogue/life-events',
  '/api/catalogue/document-types',
  '/api/catalogue/services?q=ktp%20hilang',
  '/api/catalogue/services/skck-baru',
  '/api/catalogue/services/skck-baru/versions',
  '/api/catalogue/points',
  '/api/catalogue/points/mpp-banyuwangi',
  '/api/catalogue/calendar?year=2026',
];

describe('public catalogue reads', () => {
  it.each(READS)('%s: any cache may keep it a minute when asked anonymously, and it varies by Cookie', async (url) => {
    const res = await platform.anonymous.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(vary(res)).toContain('cookie');
  });

  it.each(READS)('%s: asked with a session, only the browser may keep it (private)', async (url) => {
    const res = await citizen.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, max-age=60');
    expect(vary(res)).toContain('cookie');
  });

  it('is private when asked with an agency API token, or with a session cookie that has expired', async () => {
    const token = await platform.anonymous.get('/api/catalogue/services/skck-baru', { authorization: `Bearer ${agencyToken}` });
    expect(token.statusCode).toBe(200);
    expect(token.headers['cache-control']).toBe('private, max-age=60');

    const stale = await platform.anonymous.get('/api/catalogue/services/skck-baru', { cookie: 'sp_session=no-longer-valid' });
    expect(stale.statusCode).toBe(200);
    expect(stale.headers['cache-control']).toBe('private, max-age=60');
  });

  it('keeps a published version long (it never changes), publicly only when asked anonymously', async () => {
    const anonymous = await platform.anonymous.get('/api/catalogue/services/skck-baru/versions/1');
    expect(anonymous.headers['cache-control']).toBe('public, max-age=86400, immutable');
    const signedIn = await citizen.get('/api/catalogue/services/skck-baru/versions/1');
    expect(signedIn.headers['cache-control']).toBe('private, max-age=86400, immutable');
  });

  it("the MPP admin's list with inactive records is never stored", async () => {
    const res = await admin.get('/api/catalogue/services?inactive=true&limit=5');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('the printable standard (PDF, in the asker’s language)', () => {
  it('varies by Accept-Language and Cookie, and is private to a signed-in asker', async () => {
    const id = await platform.anonymous.get('/api/catalogue/services/skck-baru/standard.pdf');
    expect(id.statusCode).toBe(200);
    expect(id.headers['cache-control']).toBe('public, max-age=300');
    expect(vary(id)).toEqual(expect.arrayContaining(['cookie', 'accept-language']));

    const en = await platform.anonymous.get('/api/catalogue/services/skck-baru/standard.pdf', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(200);
    expect(en.rawPayload.equals(id.rawPayload)).toBe(false);

    const signedIn = await citizen.get('/api/catalogue/services/skck-baru/standard.pdf');
    expect(signedIn.headers['cache-control']).toBe('private, max-age=300');
    expect(vary(signedIn)).toEqual(expect.arrayContaining(['cookie', 'accept-language']));
  });
});

describe('errors and unmarked answers', () => {
  it('never stores an error: a 404 is written in the asker’s language', async () => {
    const en = await platform.anonymous.get('/api/catalogue/services/tidak-ada', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(404);
    expect(en.json().detail).toMatch(/not found|does not exist/i);
    expect(en.headers['cache-control']).toBe('no-store');
    const unknownPath = await platform.anonymous.get('/api/catalogue/nothing-here');
    expect(unknownPath.statusCode).toBe(404);
    expect(unknownPath.headers['cache-control']).toBe('no-store');
  });

  it('an API answer that says nothing about caching is not stored (it may be personal)', async () => {
    const whoami = await citizen.get('/api/whoami');
    expect(whoami.statusCode).toBe(200);
    expect(whoami.json()).toMatchObject({ kind: 'user', role: 'citizen' });
    expect(whoami.headers['cache-control']).toBe('no-store');
  });
});
