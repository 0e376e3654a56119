import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { queryRows } from '../db/client.ts';
import { samplePdf } from '../storage/fixtures.ts';
import { sha256Hex } from '../storage/store.ts';
import { fileApplication, outboxOf, pdfText, upload } from './testing.ts';

let p: TestPlatform;
let citizen: Session;
let capil: Session;
const NIK = '3510205203940001';
const PERSONAL = ['Siti', 'Aminah', NIK, '81234567890', 'Bambang', 'Irawan', 'Foto KK buram'];

beforeAll(async () => {
  p = await createTestPlatform({ catalogue: true, config: { UPLOAD_DIR: `/tmp/satupintu-track-${process.pid}` } });
  citizen = await p.asCitizen();
  capil = await p.as('capil');
});
afterAll(() => p?.close());

describe('public tracking by number', () => {
  let number: string;
  beforeAll(async () => {
    ({ number } = await fileApplication(citizen));
    await capil.post(`/api/applications/${number}/actions`, { action: 'return', note: 'Foto KK buram, mohon unggah ulang' });
  });

  it('shows status, steps and timeline to anyone, with no personal data', async () => {
    const res = await p.anonymous.get(`/api/track/${number}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ number, status: 'perlu_perbaikan', service: { code: 'akta-kelahiran', agency: 'Dispendukcapil' }, sla: { state: 'paused' } });
    expect(body.steps.map((s: { code: string }) => s.code)).toEqual(['verifikasi_berkas', 'proses_instansi', 'tanda_tangan', 'selesai']);
    expect(body.steps[0]).toMatchObject({ current: true });
    expect(body.timeline.map((e: { to: string }) => e.to)).toEqual(['verifikasi_berkas', 'perlu_perbaikan']);
    expect(body.timeline[1].by).toMatch(/^Dinas Kependudukan/);
    for (const secret of PERSONAL) expect(res.body).not.toContain(secret);
  });

  it('forgives how the number is typed, and says nothing of drafts or unknown numbers', async () => {
    expect((await p.anonymous.get(`/api/track/${number.toLowerCase()}`)).statusCode).toBe(200);
    const draft = await fileApplication(citizen, 'akta-kelahiran', { submit: false });
    expect((await p.anonymous.get(`/api/track/${draft.number}`)).statusCode).toBe(404);
    expect((await p.anonymous.get('/api/track/SP-261130-ZZZZZZZZ')).statusCode).toBe(404);
    expect((await p.anonymous.get('/api/track/..%2F..%2Fetc')).statusCode).toBe(404);
  });

  it('prints a receipt with the tracking QR and a masked NIK', async () => {
    const res = await citizen.get(`/api/applications/${number}/receipt.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('BUKTI PERMOHONAN');
    expect(text).toContain(number);
    expect(text).toContain('3510 20\x95\x95 \x95\x95\x95\x95 0001');
    expect(text.replace(/\s/g, '')).not.toContain(NIK);
    expect(text).toContain(`/lacak/${number}`);
    // The QR is an image on the page.
    expect(res.rawPayload.toString('latin1')).toContain('/Subtype /Image');
    expect((await p.anonymous.get(`/api/applications/${number}/receipt.pdf`)).statusCode).toBe(401);
    const draft = await fileApplication(citizen, 'akta-kelahiran', { submit: false });
    expect((await citizen.get(`/api/applications/${draft.number}/receipt.pdf`)).statusCode).toBe(409);
  });
});

describe('looking up applications by NIK', () => {
  it('needs the one-time code sent to the phone registered for the NIK', async () => {
    const { number } = await fileApplication(citizen);
    p.clock.advance(1000);
    const sent = await p.anonymous.post('/api/track/request-code', { nik: NIK, phone: '0812-3456-7890' });
    expect(sent.statusCode).toBe(202);
    expect(sent.json().maskedPhone).toMatch(/7890$/);
    const [otp] = await outboxOf(p, 'otp.nik_lookup');
    const code = otp!.body.match(/\b(\d{6})\b/)![1]!;

    const wrong = await p.anonymous.post('/api/track/lookup', { nik: NIK, phone: '081234567890', code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    const found = await p.anonymous.post('/api/track/lookup', { nik: NIK, phone: '081234567890', code });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((i: { number: string }) => i.number)).toContain(number);
    expect(found.body).not.toContain('Siti');
    // A code works once.
    expect((await p.anonymous.post('/api/track/lookup', { nik: NIK, phone: '081234567890', code })).statusCode).toBe(401);
  });

  it('answers the same whether or not the NIK or the phone is known, and sends nothing to a stranger’s phone', async () => {
    const before = (await outboxOf(p, 'otp.nik_lookup')).length;
    const strangerPhone = await p.anonymous.post('/api/track/request-code', { nik: NIK, phone: '0819 9999 8888' });
    const unknownNik = await p.anonymous.post('/api/track/request-code', { nik: '3510204107850002', phone: '0819 9999 8888' });
    expect(strangerPhone.statusCode).toBe(202);
    expect(unknownNik.statusCode).toBe(202);
    expect(Object.keys(strangerPhone.json())).toEqual(Object.keys(unknownNik.json()));
    expect((await outboxOf(p, 'otp.nik_lookup')).length).toBe(before);
    const invalid = await p.anonymous.post('/api/track/request-code', { nik: '12', phone: 'abc' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['nik', 'phone']);
  });
});

describe('checking an issued document', () => {
  let number: string;
  let product: Buffer;
  beforeAll(async () => {
    ({ number } = await fileApplication(citizen));
    await capil.post(`/api/applications/${number}/actions`, { action: 'advance' });
    await capil.post(`/api/applications/${number}/actions`, { action: 'advance' });
    product = await samplePdf('Kutipan Akta Kelahiran No. 3510-LT-01122026-0001');
    await upload(capil, `/api/applications/${number}/product`, product, 'akta.pdf');
  });

  it('has no check link and no QR before the final signature — the database refuses one', async () => {
    const view = (await citizen.get(`/api/applications/${number}`)).json();
    expect(view.product).toMatchObject({ uploaded: true, signed: false, verificationUrl: null, sheetUrl: null, downloadUrl: null });
    expect((await citizen.get(`/api/applications/${number}/product`)).statusCode).toBe(404);
    expect((await citizen.get(`/api/applications/${number}/product/verification.pdf`)).statusCode).toBe(404);
    await expect(p.ctx.db.execute(sql`update applications set verification_token = ${'x'.repeat(40)} where number = ${number}`)).rejects.toThrow();
  });

  it('after signing, shows minimal data and the document’s hash to anyone, and logs every check', async () => {
    const signed = (await capil.post(`/api/applications/${number}/actions`, { action: 'advance', signer: { name: 'Drs. H. Kepala', position: 'Kepala Dinas' } })).json();
    const token = signed.product.verificationUrl.split('/cek/')[1];
    const check = await p.anonymous.get(`/api/verify/${token}`);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ status: 'signed', number, sha256: sha256Hex(product), mediaType: 'application/pdf', signer: { name: 'Drs. H. Kepala', position: 'Kepala Dinas' }, checks: 1 });
    for (const secret of PERSONAL) expect(check.body).not.toContain(secret);
    expect((await p.anonymous.get(`/api/verify/${token}`)).json().checks).toBe(2);

    const downloaded = await citizen.get(`/api/applications/${number}/product`);
    expect(sha256Hex(downloaded.rawPayload)).toBe(check.json().sha256);
    expect(downloaded.headers['x-content-sha256']).toBe(check.json().sha256);

    const sheet = await citizen.get(`/api/applications/${number}/product/verification.pdf`);
    expect(sheet.statusCode).toBe(200);
    const text = pdfText(sheet.rawPayload);
    expect(text).toContain(sha256Hex(product));
    expect(text).toContain(`/cek/${token}`);

    expect((await p.anonymous.get('/api/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    const log = await queryRows<{ result: string; n: number }>(p.ctx.db, sql`select result, count(*)::int as n from product_checks group by result order by result`);
    expect(log).toEqual([{ result: 'unknown', n: 1 }, { result: 'valid', n: 2 }]);
  });

  it('says so when the document is revoked', async () => {
    const view = (await capil.get(`/api/applications/${number}`)).json();
    const token = view.product.verificationUrl.split('/cek/')[1];
    expect((await capil.post(`/api/applications/${number}/product/revoke`, { reason: 'Salah ketik nama ayah' })).statusCode).toBe(200);
    expect((await p.anonymous.get(`/api/verify/${token}`)).json()).toMatchObject({ status: 'revoked', revokedReason: 'Salah ketik nama ayah' });
    expect((await citizen.get(`/api/applications/${number}/product`)).statusCode).toBe(409);
  });
});
