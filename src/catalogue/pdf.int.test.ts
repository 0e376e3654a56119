import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../tests/support/app.ts';
import { printable } from './pdf.ts';

/** The printable standard: a real PDF, one that poppler can render, in the reader's language. */
let platform: TestPlatform;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'satupintu-pdf-'));

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
});
afterAll(async () => {
  await platform?.close();
});

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Text of the PDF through pdftotext (poppler), or null when poppler is not installed. */
function pdfText(pdf: Buffer, name: string): string | null {
  if (!hasTool('pdftotext')) return null;
  const file = path.join(out, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('standard PDF', () => {
  it('serves a real PDF of the standard in force, with every component', async () => {
    const res = await platform.anonymous.get('/api/catalogue/services/akta-kelahiran/standard.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('standar-pelayanan-akta-kelahiran-v1.pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');

    const text = pdfText(pdf, 'akta-kelahiran');
    if (text !== null) {
      for (const heading of ['STANDAR PELAYANAN', 'Penerbitan Akta Kelahiran', 'Persyaratan', 'Sistem, Mekanisme dan Prosedur', 'Jangka Waktu Penyelesaian', 'Biaya/Tarif', 'Gratis', 'Produk Pelayanan', 'Dasar Hukum', 'Jumlah Pelaksana', 'Evaluasi Kinerja Pelaksana', 'Halaman 1 dari']) {
        expect(text, heading).toContain(heading);
      }
      expect(text).toContain('/layanan/akta-kelahiran');
    }
    if (hasTool('pdftoppm')) {
      const file = path.join(out, 'akta-kelahiran.pdf');
      fs.writeFileSync(file, pdf);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(out, 'page')]);
      const png = fs.readdirSync(out).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
      const bytes = fs.readFileSync(path.join(out, png));
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(5000); // a rendered page, not a blank one
    }
  });

  it('prints in English when asked', async () => {
    const res = await platform.anonymous.get('/api/catalogue/services/skck-baru/standard.pdf?lang=en');
    const text = pdfText(res.rawPayload, 'skck-en');
    if (text !== null) {
      expect(text).toContain('SERVICE STANDARD');
      expect(text).toContain('Requirements');
      expect(text).toContain('Page 1 of');
    }
  });

  it('marks an old version as not in force', async () => {
    const admin = await platform.as('admin');
    const { standard } = (await platform.anonymous.get('/api/catalogue/services/kia/versions/1')).json();
    const input = {
      requirements: standard.requirements.map((r: { documentCode: string; optional: boolean; note: unknown }) => ({ documentCode: r.documentCode, optional: r.optional, note: r.note })),
      procedure: standard.procedure,
      duration: { value: standard.duration.value, unit: standard.duration.unit },
      fee: { amount: standard.fee.amount, variable: standard.fee.variable, legalBasis: standard.fee.legalBasis, note: standard.fee.note },
      product: standard.product,
      complaintHandling: standard.complaintHandling,
      legalBasis: standard.legalBasis,
      facilities: standard.facilities,
      staffCompetence: standard.staffCompetence,
      internalSupervision: standard.internalSupervision,
      staffCount: standard.staffCount + 1,
      serviceGuarantee: standard.serviceGuarantee,
      securityGuarantee: standard.securityGuarantee,
      performanceEvaluation: standard.performanceEvaluation,
    };
    expect((await admin.request('PUT', '/api/catalogue/services/kia/standard', { expectedVersion: 1, changeNote: 'Tambah petugas', standard: input })).statusCode).toBe(201);
    const old = await platform.anonymous.get('/api/catalogue/services/kia/standard.pdf?version=1');
    expect(old.statusCode).toBe(200);
    const text = pdfText(old.rawPayload, 'kia-v1');
    if (text !== null) expect(text).toContain('VERSI LAMA');
    const missing = await platform.anonymous.get('/api/catalogue/services/kia/standard.pdf?version=7');
    expect(missing.statusCode).toBe(404);
  });

  it('keeps text printable in the PDF standard fonts', () => {
    expect(printable('Rp 50.000 – “gratis” → lanjut ≥ 2')).toBe('Rp 50.000 – “gratis” -> lanjut >= 2');
    expect(printable('日本')).toBe('??');
  });
});
