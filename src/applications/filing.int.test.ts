import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../tests/support/app.ts';
import { fileApplication, upload } from './testing.ts';
import { samplePdf } from '../storage/fixtures.ts';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({ catalogue: true, config: { UPLOAD_DIR: `/tmp/sp-uploads/${process.pid}` } });
});
afterAll(() => p?.close());

describe('filing as a citizen', () => {
  it('creates a draft under the current standard, takes documents and submits', async () => {
    const citizen = await p.asCitizen();
    const created = await citizen.post('/api/applications', { serviceCode: 'akta-kelahiran' });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ status: 'draft', standardVersion: 1, channel: 'online', workflow: { code: 'standar' } });
    expect(draft.missingDocuments.length).toBeGreaterThan(0);
    const early = await citizen.post(`/api/applications/${draft.number}/submit`);
    expect(early.statusCode).toBe(400);
    const pdf = await samplePdf();
    for (const code of draft.missingDocuments) {
      const res = await upload(citizen, `/api/applications/${draft.number}/documents/${code}`, pdf, 'scan.pdf');
      expect(res.statusCode, res.body).toBe(200);
    }
    const submitted = await citizen.post(`/api/applications/${draft.number}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'verifikasi_berkas', sla: { state: 'running', dueDate: '2026-12-01' } });
  });

  it('lets the agency process it to the end', async () => {
    const citizen = await p.asCitizen();
    const { number } = await fileApplication(citizen);
    const capil = await p.as('capil');
    const a1 = await capil.post(`/api/applications/${number}/actions`, { action: 'advance' });
    expect(a1.statusCode, a1.body).toBe(200);
    expect(a1.json().status).toBe('proses_instansi');
    const a2 = await capil.post(`/api/applications/${number}/actions`, { action: 'advance' });
    expect(a2.json().status).toBe('tanda_tangan');
    const nope = await capil.post(`/api/applications/${number}/actions`, { action: 'advance' });
    expect(nope.statusCode).toBe(409);
    const prod = await upload(capil, `/api/applications/${number}/product`, await samplePdf('Akta kelahiran'), 'akta.pdf');
    expect(prod.statusCode, prod.body).toBe(200);
    const signed = await capil.post(`/api/applications/${number}/actions`, { action: 'advance', signer: { name: 'Drs. Kepala', position: 'Kepala Dinas' } });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'selesai', product: { signed: true } });
    const dl = await citizen.get(`/api/applications/${number}/product`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    const after = await citizen.get(`/api/applications/${number}`);
    expect(after.json().status).toBe('diunduh');
  });
});
