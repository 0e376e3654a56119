import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { queryRows } from '../db/client.ts';
import { fileApplication, outboxOf } from './testing.ts';

/*
 * Filing on a resident's behalf, as the staff screens use it: the services a desk can file
 * (its point's offer, its channel), the desk's own list of filings, and what the resident gets.
 */

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'satupintu-staff-filing-'));
let p: TestPlatform;
let loket: Session;
let desa: Session;

const RESIDENT = { nik: '3510204107850002', name: 'Sri Wahyuni', phone: '0813 3000 4000', locale: 'id' };

beforeAll(async () => {
  p = await createTestPlatform({ catalogue: true, config: { UPLOAD_DIR: uploadDir } });
  loket = await p.as('loket');
  desa = await p.as('desa.sempu');
});
afterAll(async () => {
  await p?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

type FilingServices = { point: { code: string; name: { id: string } }; channel: string; items: { code: string; level: string; agency: { code: string } }[] };

describe('GET /api/applications/filing/services', () => {
  it('a counter officer at the MPP gets the MPP’s regency services, not village letters', async () => {
    const res = await loket.get('/api/applications/filing/services');
    expect(res.statusCode, res.body).toBe(200);
    const body: FilingServices = res.json();
    expect(body.point).toMatchObject({ code: 'mpp-banyuwangi', name: { id: 'Mal Pelayanan Publik Banyuwangi' } });
    expect(body.channel).toBe('counter');
    const codes = body.items.map((s) => s.code);
    expect(codes).toContain('akta-kelahiran');
    expect(codes).toContain('ktp-el-baru');
    expect(codes).not.toContain('sk-domisili');
    expect(body.items.every((s) => s.level === 'regency')).toBe(true);
    expect(body.items.length).toBeGreaterThan(150);
  });

  it('searches with the catalogue’s forgiving search, by relevance', async () => {
    const body: FilingServices = (await loket.get('/api/applications/filing/services?q=akte%20lahir')).json();
    expect(body.items[0]?.code).toBe('akta-kelahiran');
    expect(body.items.length).toBeLessThan(40);
  });

  it('a village operator gets their Smart Kampung point: village letters and the regency services filed through villages', async () => {
    const body: FilingServices = (await desa.get('/api/applications/filing/services')).json();
    expect(body.point.code).toBe('smart-kampung-35.10.20.2001');
    expect(body.channel).toBe('village');
    const codes = body.items.map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['sk-domisili', 'sktm', 'akta-kelahiran']));
    // The office's own letters come first.
    const firstRegency = body.items.findIndex((s) => s.level !== 'village');
    expect(firstRegency).toBeGreaterThan(0);
    expect(body.items.slice(firstRegency).every((s) => s.level !== 'village')).toBe(true);
    // A driving licence needs the police counter: not filed through a village.
    expect(codes.some((c) => c.startsWith('sim-'))).toBe(false);
    const letters = (await desa.get('/api/applications/filing/services?q=surat%20domisili')).json() as FilingServices;
    expect(letters.items[0]?.code).toBe('sk-domisili');
  });

  it('is for filing desks only', async () => {
    expect((await (await p.asCitizen()).get('/api/applications/filing/services')).statusCode).toBe(403);
    expect((await (await p.as('capil')).get('/api/applications/filing/services')).statusCode).toBe(403);
    expect((await (await p.as('admin')).get('/api/applications/filing/services')).statusCode).toBe(403);
    expect((await p.anonymous.get('/api/applications/filing/services')).statusCode).toBe(401);
  });
});

describe('filing at a point that does not offer the service', () => {
  it('is refused with a field error naming the point; offered again, it is accepted', async () => {
    const point = await queryRows<{ id: string }>(p.ctx.db, sql`select id from service_points where code = 'smart-kampung-35.10.20.2001'`);
    const service = await queryRows<{ id: string }>(p.ctx.db, sql`select id from services where code = 'sktm'`);
    await p.ctx.db.execute(sql`delete from point_services where point_id = ${point[0]!.id} and service_id = ${service[0]!.id}`);
    try {
      const refused = await desa.post('/api/applications', { serviceCode: 'sktm', applicant: RESIDENT });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0]).toMatchObject({ field: 'serviceCode' });
      expect(refused.json().errors[0].message).toContain('Smart Kampung');
      expect(((await desa.get('/api/applications/filing/services')).json() as FilingServices).items.map((s) => s.code)).not.toContain('sktm');
    } finally {
      await p.ctx.db.execute(sql`insert into point_services (regency_code, point_id, service_id) values (${p.ctx.regencyCode}, ${point[0]!.id}, ${service[0]!.id})`);
    }
    expect((await desa.post('/api/applications', { serviceCode: 'sktm', applicant: RESIDENT })).statusCode).toBe(201);
  });
});

describe('a desk’s own filings (filed=true)', () => {
  it('the counter officer sees what they filed, newest first, drafts on request; not the agency inbox of citizens’ filings', async () => {
    const citizen = await p.asCitizen();
    const online = await fileApplication(citizen, 'akta-kelahiran');
    const first = await fileApplication(loket, 'akta-kelahiran', { applicant: RESIDENT });
    p.clock.advance(60_000);
    const second = await fileApplication(loket, 'akta-kematian', { applicant: RESIDENT });
    p.clock.advance(60_000);
    const draft = await fileApplication(loket, 'kia', { applicant: RESIDENT, submit: false });

    // The full inbox mixes the agency's work (a citizen's online filing handled by Dispendukcapil) and the desk's own.
    const inbox = (await loket.get('/api/applications')).json().items.map((i: { number: string }) => i.number);
    expect(inbox).toEqual(expect.arrayContaining([online.number, first.number, second.number]));

    const filed = (await loket.get('/api/applications?filed=true')).json();
    const numbers = filed.items.map((i: { number: string }) => i.number);
    expect(numbers).not.toContain(online.number);
    expect(numbers).not.toContain(draft.number);
    expect(numbers.indexOf(second.number)).toBeLessThan(numbers.indexOf(first.number));
    expect(filed.items.find((i: { number: string }) => i.number === first.number)).toMatchObject({ channel: 'counter', applicantName: 'Sri Wahyuni', applicantNikMasked: '3510 20•• •••• 0002' });

    const withDrafts = (await loket.get('/api/applications?filed=true&drafts=true')).json().items.map((i: { number: string }) => i.number);
    expect(withDrafts[0]).toBe(draft.number);

    // Another office's desk does not see them; roles without a desk get an empty list.
    expect((await desa.get('/api/applications?filed=true')).json().items.map((i: { number: string }) => i.number)).not.toContain(first.number);
    expect((await (await p.as('capil')).get('/api/applications?filed=true')).json()).toMatchObject({ items: [], total: 0 });
  });

  it('the village operator’s filings include the regency services they sent on and the letters they handle', async () => {
    const regency = await fileApplication(desa, 'akta-kelahiran', { applicant: RESIDENT });
    const letter = await fileApplication(desa, 'sk-domisili', { applicant: RESIDENT });
    const filed = (await desa.get('/api/applications?filed=true')).json().items;
    expect(filed.map((i: { number: string }) => i.number)).toEqual(expect.arrayContaining([regency.number, letter.number]));
    expect(filed.every((i: { channel: string }) => i.channel === 'village')).toBe(true);
  });
});

describe('what the resident gets', () => {
  it('a message through the outbox to the phone the officer entered, and a receipt the desk can print', async () => {
    const { number, view } = await fileApplication(loket, 'akta-kelahiran', { applicant: RESIDENT, key: `loket-${Date.now()}` });
    expect(view).toMatchObject({ status: 'verifikasi_berkas', channel: 'counter', filedAt: 'Mal Pelayanan Publik Banyuwangi', applicant: { phone: '+6281330004000' } });
    const messages = (await outboxOf(p, 'application.submitted')).filter((m) => m.params.number === number);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ recipient: '+6281330004000', locale: 'id' });
    expect(messages[0]!.body).toContain(number);

    const receipt = await loket.get(`/api/applications/${number}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A desk elsewhere cannot print it.
    expect((await desa.get(`/api/applications/${number}/receipt.pdf`)).statusCode).toBe(404);
  });
});
