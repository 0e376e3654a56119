import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken } from './api.ts';
import { initI18n } from './i18n/index.ts';

const problem = (status: number, body: object) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
const json = (body: object, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: { lang: 'id' } });
  await initI18n();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.stubGlobal('document', { documentElement: { lang: 'id' } });
  setCsrfToken(null);
});

describe('api client', () => {
  it('sends the CSRF token on writes and the UI language on every call', async () => {
    const fetch = vi.fn(async () => json({ ok: true }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('tok');
    await api.post('/api/x', { a: 1 });
    await api.get('/api/y', { q: 'sempu', empty: '' });
    const [[, write], [url, read]] = fetch.mock.calls as unknown as [[string, RequestInit], [string, RequestInit]];
    expect((write.headers as Record<string, string>)['x-csrf-token']).toBe('tok');
    expect((write.headers as Record<string, string>)['accept-language']).toBe('id');
    expect(write.body).toBe('{"a":1}');
    expect(url).toBe('/api/y?q=sempu');
    expect((read.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });

  it('turns problem+json into an ApiError with field messages', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => problem(400, { title: 'Data yang dikirim tidak valid.', detail: 'Data yang dikirim tidak valid.', code: 'validation_failed', status: 400, errors: [{ field: 'nik', message: 'NIK harus 16 angka' }, { field: 'placeIds', message: 'Tempat tugas tidak ditemukan.' }] })));
    const error = await api.post('/api/auth/citizen/request-code', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('validation_failed');
    expect(e.fields).toEqual({ nik: 'NIK harus 16 angka', placeIds: 'Tempat tugas tidak ditemukan.' });
    expect(e.unshown(['nik']).map((f) => f.field)).toEqual(['placeIds']);
  });

  it('reports a network failure in the user language', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const e = (await api.get('/api/health').catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('network');
    expect(e.detail).toMatch(/koneksi internet/);
  });

  it('renews a stale CSRF token once and retries the write', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(problem(403, { title: 'x', detail: 'x', code: 'csrf_invalid', status: 403 }))
      .mockResolvedValueOnce(json({ user: null, csrfToken: 'fresh' }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('stale');
    await expect(api.patch('/api/auth/me', { locale: 'en' })).resolves.toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(3);
    expect((fetch.mock.calls[2]![1] as RequestInit & { headers: Record<string, string> }).headers['x-csrf-token']).toBe('fresh');
  });
});
