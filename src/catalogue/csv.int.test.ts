import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { queryRows } from '../db/client.ts';

/** CSV export and import: a round trip changes nothing, a dry run writes nothing, a bad row rejects the file. */
let platform: TestPlatform;
let admin: Session;

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
  admin = await platform.as('admin');
});
afterAll(async () => {
  await platform?.close();
});

type Row = Record<string, string>;
const csvHeaders = { 'content-type': 'text/csv' };

async function exported(table: string): Promise<{ text: string; rows: Row[]; columns: string[] }> {
  const res = await admin.get(`/api/catalogue/export/${table}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  const rows: Row[] = parse(res.body, { columns: true, bom: true });
  return { text: res.body, rows, columns: Object.keys(rows[0]!) };
}

const toCsv = (rows: Row[], columns: string[]) => stringify(rows, { header: true, columns });
const importCsv = (table: string, text: string, apply: boolean) => admin.request('POST', `/api/catalogue/import/${table}?apply=${apply}`, text, csvHeaders);
const snapshot = async () =>
  queryRows<{ n: string }>(
    platform.ctx.db,
    sql`select (select count(*) from services) || '/' || (select count(*) from service_standards) || '/' || (select count(*) from agencies) || '/' || (select count(*) from document_types) || '/' || (select count(*) from audit_log) as n`,
  ).then((r) => r[0]!.n);

describe('catalogue CSV', () => {
  it('exports every service with its standard, and imports it back unchanged', async () => {
    const { text, rows } = await exported('services');
    expect(rows.length).toBeGreaterThanOrEqual(230);
    const ktp = rows.find((r) => r.code === 'ktp-el-hilang')!;
    expect(ktp).toMatchObject({ agency_code: 'dispendukcapil', level: 'regency', current_version: '1', fee_amount: '0', duration_unit: 'working_days' });
    expect(ktp.requirements!.split('\n')).toContain('kk');
    expect(ktp.channels!.split(';')).toContain('mpp');

    const before = await snapshot();
    const res = await importCsv('services', text, false);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.summary).toEqual({ rows: rows.length, added: 0, changed: 0, unchanged: rows.length, errors: 0 });
    expect(await snapshot()).toBe(before);
  });

  it('round-trips agencies and document types unchanged', async () => {
    for (const table of ['agencies', 'document-types']) {
      const { text, rows } = await exported(table);
      const report = (await importCsv(table, text, true)).json();
      expect(report.summary, table).toMatchObject({ rows: rows.length, unchanged: rows.length, errors: 0 });
    }
  });

  it('shows in a dry run what would be added and changed — and writes nothing', async () => {
    const { rows, columns } = await exported('services');
    const edited = rows.map((r) => (r.code === 'skck-baru' ? { ...r, fee_amount: '35000', change_note: 'PNBP baru' } : r.code === 'kia' ? { ...r, keywords: `${r.keywords};kartu anak baru` } : r));
    const added = { ...rows.find((r) => r.code === 'skck-baru')!, code: 'skck-wna', name_id: 'SKCK untuk Warga Negara Asing', name_en: 'Police clearance for foreign nationals', current_version: '' };
    const text = toCsv([...edited, added], columns);

    const before = await snapshot();
    const report = (await importCsv('services', text, false)).json();
    expect(report).toMatchObject({ dryRun: true, applied: false, summary: { added: 1, changed: 2, errors: 0 } });
    const byCode = Object.fromEntries(report.rows.map((r: { code: string }) => [r.code, r]));
    expect(byCode['skck-baru']).toMatchObject({ status: 'changed', changes: ['standard.fee'], newVersion: 2 });
    expect(byCode.kia).toMatchObject({ status: 'changed', changes: ['keywords'] });
    expect(byCode.kia.newVersion).toBeUndefined();
    expect(byCode['skck-wna']).toMatchObject({ status: 'added', row: rows.length + 2 });
    expect(byCode['skck-wna'].line).toBeGreaterThan(rows.length + 2); // cells span lines
    expect(await snapshot()).toBe(before);
    expect((await platform.anonymous.get('/api/catalogue/services/skck-baru')).json().currentVersion).toBe(1);
  });

  it('rejects the whole file when one row is bad, naming the line and column, and saves nothing', async () => {
    const { rows, columns } = await exported('services');
    const edited = rows.map((r) => (r.code === 'skck-baru' ? { ...r, fee_amount: '40000' } : r));
    const bad = rows.findIndex((r) => r.code === 'paspor-baru');
    edited[bad] = { ...edited[bad]!, fee_amount: 'tiga ratus ribu' };
    const unknown = rows.findIndex((r) => r.code === 'kia');
    edited[unknown] = { ...edited[unknown]!, agency_code: 'dinas-rahasia', requirements: 'kk\n?kartu-sakti' };
    const text = toCsv(edited, columns);

    const before = await snapshot();
    const res = await importCsv('services', text, true);
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.detail).toContain('tidak ada yang disimpan');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: `row ${bad + 2}: fee_amount`, message: 'Harus berupa bilangan bulat, bukan "tiga ratus ribu"' },
        { field: `row ${unknown + 2}: agency_code`, message: 'Instansi "dinas-rahasia" tidak dikenal (impor instansi dulu)' },
        { field: `row ${unknown + 2}: requirements`, message: 'Jenis dokumen tidak dikenal: kartu-sakti' },
      ]),
    );
    expect(problem.import.summary).toMatchObject({ errors: 2, changed: 1 });
    const en = (await admin.request('POST', '/api/catalogue/import/services?apply=true&lang=en', text, csvHeaders)).json();
    expect(en.errors).toContainEqual({ field: `row ${bad + 2}: fee_amount`, message: 'Must be a whole number, not "tiga ratus ribu"' });
    // The good row in the same file was not saved either.
    expect(await snapshot()).toBe(before);
    expect((await platform.anonymous.get('/api/catalogue/services/skck-baru')).json().currentVersion).toBe(1);
  });

  it('reports a duplicate code by spreadsheet row and by the text line the record starts on', async () => {
    const { rows, columns } = await exported('services');
    const first = rows.find((r) => r.code === 'kia')!;
    const text = toCsv([first, first], columns);
    const report = (await importCsv('services', text, false)).json();
    const line = text.split('\n').findIndex((l, i) => i > 1 && l.startsWith('kia,')) + 1;
    expect(line).toBeGreaterThan(3);
    expect(report.rows[1]).toMatchObject({ status: 'error', row: 3, line, errors: [{ column: 'code', message: { id: 'Kode "kia" sudah dipakai di baris 2', en: 'Code "kia" is already used on row 2' } }] });
  });

  it('applies a good file in one transaction: new versions, new services, one audit entry', async () => {
    const { rows, columns } = await exported('services');
    const edited = rows.map((r) => (r.code === 'skck-baru' ? { ...r, fee_amount: '35000', change_note: 'PNBP baru' } : r));
    const added = { ...rows.find((r) => r.code === 'skck-baru')!, code: 'skck-wna', name_id: 'SKCK untuk Warga Negara Asing', name_en: 'Police clearance for foreign nationals', current_version: '' };
    const res = await importCsv('services', toCsv([...edited, added], columns), true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, summary: { added: 1, changed: 1, errors: 0 } });

    const skck = (await platform.anonymous.get('/api/catalogue/services/skck-baru')).json();
    expect(skck).toMatchObject({ currentVersion: 2, standard: { fee: { amount: 35000 }, changeNote: 'PNBP baru' } });
    expect((await platform.anonymous.get('/api/catalogue/services/skck-baru/versions/1')).json().standard.fee.amount).toBe(30000);
    expect((await platform.anonymous.get('/api/catalogue/services/skck-wna')).json().name.id).toBe('SKCK untuk Warga Negara Asing');

    const audit = await queryRows<{ details: { summary: { added: number; changed: number } } }>(platform.ctx.db, sql`select details from audit_log where action = 'import' and entity_id = 'services'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details.summary).toMatchObject({ added: 1, changed: 1 });
  });

  it('refuses a row exported before someone else changed its standard', async () => {
    const { rows, columns } = await exported('services');
    const stale = rows.map((r) => (r.code === 'skck-baru' ? { ...r, current_version: '1', fee_amount: '50000' } : r));
    const report = (await importCsv('services', toCsv(stale, columns), false)).json();
    const row = report.rows.find((r: { code: string }) => r.code === 'skck-baru');
    expect(row).toMatchObject({ status: 'error', errors: [{ column: 'current_version' }] });
  });

  it('says which required columns are missing', async () => {
    const res = await importCsv('agencies', 'code,short_name\nbpom,BPOM\n', false);
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Kolom wajib tidak ada: name_id, name_en, kind, complaint_channel_id, complaint_channel_en.');
  });

  it('loads a new agency and document type before services that use them', async () => {
    const agencies = 'code,short_name,name_id,name_en,kind,complaint_channel_id,complaint_channel_en\nbpom,Loka POM,Loka POM Banyuwangi,Banyuwangi Food and Drug Office,vertical,HaloBPOM 1500533,HaloBPOM 1500533\n';
    expect((await importCsv('agencies', agencies, true)).json().summary).toMatchObject({ added: 1 });
    const docs = 'code,name_id,name_en\nsertifikat-cpotb,Sertifikat CPOTB,GMP certificate\n';
    expect((await importCsv('document-types', docs, true)).json().summary).toMatchObject({ added: 1 });
    const { rows, columns } = await exported('services');
    const base = rows.find((r) => r.code === 'spp-irt')!;
    const service = { ...base, code: 'izin-edar-obat-tradisional', agency_code: 'bpom', requirements: 'ktp-el\nsertifikat-cpotb | Asli dan fotokopi | Original and copy', current_version: '' };
    const report = (await importCsv('services', toCsv([service], columns), true)).json();
    expect(report.summary).toMatchObject({ added: 1, errors: 0 });
    const page = (await platform.anonymous.get('/api/catalogue/services/izin-edar-obat-tradisional')).json();
    expect(page.agency.code).toBe('bpom');
    expect(page.standard.requirements[1]).toMatchObject({ documentCode: 'sertifikat-cpotb', note: { id: 'Asli dan fotokopi', en: 'Original and copy' } });
  });
});
