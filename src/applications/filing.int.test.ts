import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import * as catalogueRepo from '../catalogue/repository.ts';
import { standardInputOf } from '../catalogue/standard.ts';
import { queryRows } from '../db/client.ts';
import { SAMPLE_EXE, SAMPLE_JPEG, SAMPLE_PNG, samplePdf } from '../storage/fixtures.ts';
import { sha256Hex } from '../storage/store.ts';
import { applications } from './schema.ts';
import { fileApplication, missing, upload } from './testing.ts';

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'satupintu-uploads-'));
let p: TestPlatform;
let citizen: Session;
let pdf: Buffer;

beforeAll(async () => {
  p = await createTestPlatform({ catalogue: true, config: { UPLOAD_DIR: uploadDir, UPLOAD_MAX_BYTES: '200000' } });
  citizen = await p.asCitizen();
  pdf = await samplePdf();
});
afterAll(async () => {
  await p?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

const OTHER_NIK = '3510204107850002'; // a woman born 1 July 1985 in Sempu
/** Signs in as the other citizen; the clock moves a second so the code is the newest message to that phone. */
async function other(): Promise<Session> {
  p.clock.advance(1000);
  return p.asCitizen(OTHER_NIK, '081330004000');
}
const applicant = { nik: OTHER_NIK, name: 'Sri Wahyuni', phone: '0813 3000 4000', locale: 'id' };

describe('filing as a citizen', () => {
  it('creates a draft under the standard in force, asks for every required document, then submits', async () => {
    const created = await citizen.post('/api/applications', { serviceCode: 'akta-kelahiran' });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', standardVersion: 1, channel: 'online', workflow: { code: 'standar' }, applicant: { nik: '3510205203940001' } });
    expect(draft.missingDocuments).toEqual(expect.arrayContaining(['kk', 'surat-keterangan-kelahiran']));

    const early = await citizen.post(`/api/applications/${draft.number}/submit`);
    expect(early.statusCode).toBe(400);
    expect(early.json().missing).toEqual(draft.missingDocuments);
    expect(early.json().errors[0].message).toMatch(/belum diunggah/);

    for (const code of draft.missingDocuments) expect((await upload(citizen, `/api/applications/${draft.number}/documents/${code}`, pdf, 'scan.pdf')).statusCode).toBe(200);
    const submitted = await citizen.post(`/api/applications/${draft.number}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Monday 30 Nov 2026, one working day → Tuesday 1 Dec.
    expect(submitted.json()).toMatchObject({ status: 'verifikasi_berkas', sla: { state: 'running', dueDate: '2026-12-01' }, links: { receipt: `/api/applications/${draft.number}/receipt.pdf` } });
    expect(submitted.json().timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit']);
  });

  it('saves a draft’s answers to resume later', async () => {
    const { number } = await fileApplication(citizen, 'akta-kelahiran', { submit: false });
    const saved = await citizen.patch(`/api/applications/${number}`, { note: 'Anak kedua, lahir di Puskesmas Sempu', delivery: 'diambil' });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = (await citizen.get(`/api/applications/${number}`)).json();
    expect(again).toMatchObject({ status: 'draft', note: 'Anak kedua, lahir di Puskesmas Sempu', delivery: 'diambil', canEdit: true, missingDocuments: [] });
    const drafts = (await citizen.get('/api/applications?drafts=true')).json();
    expect(drafts.items.some((i: { number: string }) => i.number === number)).toBe(true);
    const bad = await citizen.patch(`/api/applications/${number}`, { delivery: 'teleport' });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a service that cannot be applied for online, and an unknown one', async () => {
    const offline = await citizen.post('/api/applications', { serviceCode: 'ktp-el-baru' });
    expect(offline.statusCode).toBe(400);
    expect(offline.json().errors[0]).toMatchObject({ field: 'serviceCode' });
    expect((await citizen.post('/api/applications', { serviceCode: 'tidak-ada' })).statusCode).toBe(400);
  });

  it('keeps the standard version it was filed under when a new version is published', async () => {
    const { number } = await fileApplication(citizen, 'akta-kelahiran', { submit: false });
    const service = (await catalogueRepo.findServiceByCode(p.ctx.db, p.ctx.regencyCode, 'akta-kelahiran'))!;
    const row = (await catalogueRepo.findStandard(p.ctx.db, p.ctx.regencyCode, service.id, 1))!;
    const input = standardInputOf(row, await catalogueRepo.listRequirements(p.ctx.db, p.ctx.regencyCode, service.id, 1));
    const admin = await p.as('admin');
    const published = await admin.request('PUT', '/api/catalogue/services/akta-kelahiran/standard', {
      expectedVersion: 1,
      changeNote: 'Buku nikah tidak lagi diwajibkan (SPTJM)',
      standard: { ...input, requirements: input.requirements.filter((r) => r.documentCode !== 'buku-nikah') },
    });
    expect(published.statusCode, published.body).toBe(201);

    const old = (await citizen.get(`/api/applications/${number}`)).json();
    expect(old).toMatchObject({ standardVersion: 1, currentStandardVersion: 2 });
    expect(old.requirements.map((r: { documentCode: string }) => r.documentCode)).toContain('buku-nikah');
    const fresh = (await citizen.post('/api/applications', { serviceCode: 'akta-kelahiran' })).json();
    expect(fresh.standardVersion).toBe(2);
    expect(fresh.requirements.map((r: { documentCode: string }) => r.documentCode)).not.toContain('buku-nikah');
  });
});

describe('filing on someone’s behalf', () => {
  it('a counter officer files at the MPP for a walk-in citizen', async () => {
    const loket = await p.as('loket');
    const { number, view } = await fileApplication(loket, 'akta-kelahiran', { applicant });
    expect(view).toMatchObject({ channel: 'counter', filedAt: 'Mal Pelayanan Publik Banyuwangi', applicant: { nik: OTHER_NIK, name: 'Sri Wahyuni', phone: '+6281330004000' }, status: 'verifikasi_berkas' });
    // The citizen the NIK belongs to sees it among their own once they sign in.
    const sri = await other();
    expect((await sri.get('/api/applications')).json().items.map((i: { number: string }) => i.number)).toContain(number);
  });

  it('a village operator files through Smart Kampung, and handles village letters itself', async () => {
    const desa = await p.as('desa.sempu');
    const regency = await fileApplication(desa, 'akta-kelahiran', { applicant });
    expect(regency.view).toMatchObject({ channel: 'village', filedAt: expect.stringMatching(/SEMPU/i), workflow: { code: 'standar' } });
    const letter = await fileApplication(desa, 'sk-domisili', { applicant });
    expect(letter.view).toMatchObject({ channel: 'village', workflow: { code: 'desa' }, status: 'verifikasi_desa', parties: expect.arrayContaining(['applicant', 'handler']) });
    const advanced = await desa.post(`/api/applications/${letter.number}/actions`, { action: 'advance' });
    expect(advanced.json().status).toBe('tanda_tangan');
  });

  it('staff must give valid applicant details; an agency processor cannot file', async () => {
    const loket = await p.as('loket');
    const none = await loket.post('/api/applications', { serviceCode: 'akta-kelahiran' });
    expect(none.statusCode).toBe(400);
    const badNik = await loket.post('/api/applications', { serviceCode: 'akta-kelahiran', applicant: { ...applicant, nik: '1234' } });
    expect(badNik.statusCode).toBe(400);
    expect(badNik.json().errors[0].field).toBe('nik');
    expect((await (await p.as('capil')).post('/api/applications', { serviceCode: 'akta-kelahiran', applicant })).statusCode).toBe(403);
    expect((await p.anonymous.post('/api/applications', { serviceCode: 'akta-kelahiran' })).statusCode).toBe(401);
  });
});

describe('exactly once', () => {
  it('concurrent retries with one Idempotency-Key create one application', async () => {
    const key = `retry-${Date.now()}`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => citizen.post('/api/applications', { serviceCode: 'akta-kelahiran' }, { 'idempotency-key': key })));
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(7);
    expect(new Set(responses.map((r) => r.json().number)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(7);
    const rows = await p.ctx.db.select().from(applications).where(and(eq(applications.regencyCode, p.ctx.regencyCode), eq(applications.idempotencyKey, key)));
    expect(rows).toHaveLength(1);
  });

  it('the same key with different content is refused, not silently merged', async () => {
    const key = `reuse-${Date.now()}`;
    expect((await citizen.post('/api/applications', { serviceCode: 'akta-kelahiran' }, { 'idempotency-key': key })).statusCode).toBe(201);
    const other = await citizen.post('/api/applications', { serviceCode: 'akta-kematian' }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(409);
    expect(other.json().reason).toBe('idempotency_key_reused');
  });

  it('concurrent submissions of one draft submit it once; a retry afterwards answers with the application', async () => {
    const { number } = await fileApplication(citizen, 'akta-kelahiran', { submit: false });
    const responses = await Promise.all(Array.from({ length: 6 }, () => citizen.post(`/api/applications/${number}/submit`)));
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const view = (await citizen.get(`/api/applications/${number}`)).json();
    expect(view.timeline.filter((e: { action: string }) => e.action === 'submit')).toHaveLength(1);
    const messages = await queryRows<{ n: number }>(p.ctx.db, sql`select count(*)::int as n from outbox where template = 'application.submitted' and params->>'number' = ${number}`);
    expect(messages[0]!.n).toBe(1);
  });
});

describe('documents', () => {
  let number: string;
  beforeAll(async () => {
    number = (await fileApplication(citizen, 'akta-kelahiran', { submit: false })).number;
  });

  it('decides the type by content: a PNG named .pdf is stored as a PNG', async () => {
    const res = await upload(citizen, `/api/applications/${number}/documents/kk`, SAMPLE_PNG, 'kartu-keluarga.pdf', 'application/pdf');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mediaType: 'image/png', originalName: 'kartu-keluarga.pdf' });
    const served = await citizen.get(res.json().url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(SAMPLE_PNG)).toBe(true);
  });

  it('refuses an executable renamed .pdf, and text, with 415', async () => {
    const exe = await upload(citizen, `/api/applications/${number}/documents/kk`, SAMPLE_EXE, 'surat.pdf', 'application/pdf');
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ code: 'unsupported_media_type', detected: 'application/x-msdownload' });
    expect((await upload(citizen, `/api/applications/${number}/documents/kk`, Buffer.from('hello'), 'kk.pdf')).statusCode).toBe(415);
    // The PNG from before is still the current document.
    const view = (await citizen.get(`/api/applications/${number}`)).json();
    expect(view.requirements.find((r: { documentCode: string }) => r.documentCode === 'kk').document.mediaType).toBe('image/png');
  });

  it('refuses a file over UPLOAD_MAX_BYTES with 413, and a body that is not multipart with 415', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(250_000, 0x20)]);
    const res = await upload(citizen, `/api/applications/${number}/documents/kk`, big, 'besar.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().maxBytes).toBe(200000);
    const json = await citizen.request('PUT', `/api/applications/${number}/documents/kk`, { file: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('stores by content hash: no name from the user reaches the disk', async () => {
    const res = await upload(citizen, `/api/applications/${number}/documents/surat-keterangan-kelahiran`, SAMPLE_JPEG, '../../../../etc/cron.d/evil.jpg');
    expect(res.statusCode).toBe(200);
    expect(res.json().originalName).toBe('evil.jpg');
    const hash = sha256Hex(SAMPLE_JPEG);
    expect(fs.existsSync(path.join(uploadDir, hash.slice(0, 2), hash.slice(2, 4), hash))).toBe(true);
    const names = fs.readdirSync(uploadDir, { recursive: true }).map(String).filter((n) => !fs.statSync(path.join(uploadDir, n)).isDirectory());
    for (const name of names) expect(path.basename(name)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('replaces a document and keeps the old one in the history; the same file again changes nothing', async () => {
    const first = await upload(citizen, `/api/applications/${number}/documents/formulir-f2-01`, pdf, 'f201.pdf');
    const again = await upload(citizen, `/api/applications/${number}/documents/formulir-f2-01`, pdf, 'f201.pdf');
    expect(again.json().id).toBe(first.json().id);
    await upload(citizen, `/api/applications/${number}/documents/formulir-f2-01`, SAMPLE_JPEG, 'f201.jpg');
    const view = (await citizen.get(`/api/applications/${number}`)).json();
    expect(view.history.map((d: { id: string }) => d.id)).toContain(first.json().id);
  });

  it('refuses a document the service does not ask for', async () => {
    expect((await upload(citizen, `/api/applications/${number}/documents/sertifikat-tanah`, pdf, 'x.pdf')).statusCode).toBe(400);
  });

  it('serves documents only to those allowed, and audits every opening', async () => {
    const view = (await citizen.get(`/api/applications/${number}`)).json();
    const url = view.requirements.find((r: { document: unknown }) => r.document).document.url;
    expect((await p.anonymous.get(url)).statusCode).toBe(401);
    expect((await (await other()).get(url)).statusCode).toBe(404);
    expect((await (await p.as('desa.sempu')).get(url)).statusCode).toBe(404);
    // The admin oversees files but does not open personal documents.
    expect((await (await p.as('admin')).get(url)).statusCode).toBe(403);
    // A draft is the citizen's own: the agency sees it once submitted (below).
    expect((await (await p.as('capil')).get(url)).statusCode).toBe(404);
    const reads = await queryRows<{ n: number }>(p.ctx.db, sql`select count(*)::int as n from audit_log where action = 'read_document' and entity_id = ${number}`);
    expect(reads[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('documents cannot change once submitted', async () => {
    for (const code of missing((await citizen.get(`/api/applications/${number}`)).json())) await upload(citizen, `/api/applications/${number}/documents/${code}`, pdf, 'x.pdf');
    expect((await citizen.post(`/api/applications/${number}/submit`)).statusCode).toBe(200);
    const view = (await citizen.get(`/api/applications/${number}`)).json();
    const url = view.requirements.find((r: { document: unknown }) => r.document).document.url;
    expect((await (await p.as('capil')).get(url)).statusCode).toBe(200);
    const late = await upload(citizen, `/api/applications/${number}/documents/kk`, pdf, 'kk.pdf');
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().reason).toBe('not_editable');
  });
});
