import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../tests/support/app.ts';
import { queryRows } from '../db/client.ts';
import { buildNik } from '../identity/nik.ts';
import { DEMO_CITIZEN } from '../seed/demo.ts';

type Region = { code: string; level: string; parentCode: string | null; name: string };

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.close());

async function get(url: string) {
  const res = await platform.anonymous.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('the official region list as loaded', () => {
  it('holds every province, regency and village of Indonesia', async () => {
    const counts = Object.fromEntries(
      (await queryRows<{ level: string; n: number }>(platform.ctx.db, sql`select level, count(*)::int as n from regions group by level`)).map((r) => [r.level, Number(r.n)]),
    );
    expect(counts.province).toBe(38);
    expect(counts.regency).toBe(514);
    expect(counts.district).toBeGreaterThan(7_000);
    expect(counts.village).toBeGreaterThan(83_000);
    expect((await get('/api/regions')).items).toHaveLength(38);
  });

  it('gives Kabupaten Banyuwangi (35.10) its 25 kecamatan and 217 desa/kelurahan', async () => {
    const kecamatan = (await get('/api/regions?parent=35.10')).items as Region[];
    expect(kecamatan).toHaveLength(25);
    expect(kecamatan.every((k) => k.level === 'district' && k.parentCode === '35.10' && k.code.startsWith('35.10.'))).toBe(true);
    expect(kecamatan.map((k) => k.name)).toEqual(expect.arrayContaining(['Sempu', 'Genteng', 'Banyuwangi', 'Glagah']));

    let villages = 0;
    for (const k of kecamatan) {
      const detail = await get(`/api/regions/${k.code}`);
      expect(detail.children.every((v: Region) => v.level === 'village' && v.parentCode === k.code)).toBe(true);
      villages += detail.children.length;
    }
    expect(villages).toBe(217);
  });
});

describe('region search and lookup', () => {
  it('finds kecamatan and desa Sempu within Banyuwangi, and nothing outside it', async () => {
    const items = (await get('/api/regions?q=sempu&within=35.10')).items as Region[];
    expect(items).toEqual(
      expect.arrayContaining([
        { code: '35.10.20', level: 'district', parentCode: '35.10', name: 'Sempu' },
        { code: '35.10.20.2001', level: 'village', parentCode: '35.10.20', name: 'Sempu' },
      ]),
    );
    expect(items.every((r) => r.code.startsWith('35.10.'))).toBe(true);
    // Without `within`, Sempu elsewhere in Indonesia shows up too.
    const everywhere = (await get('/api/regions?q=sempu&limit=200')).items as Region[];
    expect(everywhere.some((r) => !r.code.startsWith('35.10.'))).toBe(true);
  });

  it('ignores case and narrows by level', async () => {
    const villages = (await get('/api/regions?q=SEMPU&within=35.10&level=village')).items as Region[];
    expect(villages.map((v) => v.code)).toEqual(['35.10.20.2001']);
  });

  it('treats % and _ in the search as letters, not wildcards', async () => {
    expect((await get('/api/regions?q=%25%25')).items).toEqual([]);
    expect((await get('/api/regions?q=__')).items).toEqual([]);
  });

  it('returns a village with its ancestors, top down', async () => {
    const village = await get('/api/regions/35.10.20.2001');
    expect(village).toMatchObject({ code: '35.10.20.2001', level: 'village', name: 'Sempu', children: [] });
    expect(village.ancestors).toEqual([
      { code: '35', level: 'province', parentCode: null, name: 'Jawa Timur' },
      { code: '35.10', level: 'regency', parentCode: '35', name: 'Kabupaten Banyuwangi' },
      { code: '35.10.20', level: 'district', parentCode: '35.10', name: 'Sempu' },
    ]);
  });

  it.each(['35-10', '3510', '35.1', '35.10.20.1', 'abc'])('refuses the malformed code %s with a 400 problem naming `code`', async (code) => {
    const res = await platform.anonymous.get(`/api/regions/${code}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'code', message: 'Kode wilayah tidak valid (contoh 35.10.01)' }] });
  });

  it('answers a well-formed code that does not exist with a 404 problem', async () => {
    const res = await platform.anonymous.get('/api/regions/35.10.99');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', detail: 'Wilayah 35.10.99 tidak ada.' });
  });
});

describe('POST /api/nik/validate', () => {
  const validate = async (nik: string, headers: Record<string, string> = {}) => {
    const res = await platform.app.inject({ method: 'POST', url: '/api/nik/validate', payload: { nik }, headers });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('reveals format, kecamatan, birth date and sex, and nothing else', async () => {
    expect(JSON.parse(await validate('3510 2052 0394 0001'))).toEqual({ valid: true, kecamatan: { code: '35.10.20', name: 'Sempu' }, birthDate: '1994-03-12', sex: 'F' });
  });

  it('answers the same whether or not the NIK is registered', async () => {
    const registered = DEMO_CITIZEN.nik;
    const sibling = `${registered.slice(0, 12)}0002`; // same region and birth date, no account
    expect(await validate(sibling)).toBe(await validate(registered));

    // And a NIK's answer does not change when someone signs up with it.
    const nik = buildNik({ kecamatanCode6: '351020', birthDate: '2001-07-04', sex: 'M', serial: '0031' });
    const before = await validate(nik);
    await platform.asCitizen(nik, '081387654321');
    expect(await validate(nik)).toBe(before);
  });

  it('explains an invalid NIK in the asker\'s language', async () => {
    expect(JSON.parse(await validate('9999995203940001'))).toEqual({ valid: false, reason: 'unknown_kecamatan', message: 'Kode kecamatan 999999 tidak ada dalam daftar wilayah resmi' });
    expect(JSON.parse(await validate('3510205203940000', { 'accept-language': 'en' }))).toEqual({ valid: false, reason: 'zero_serial', message: 'The last four digits of a NIK cannot be 0000' });
  });
});
