import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { closeBrowsing, expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff, type Viewport } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * The service catalogue end to end, against the seeded catalogue (24+ agencies, 230+ services):
 * a citizen on a phone searches the way people type, browses a life event, reads a service's
 * standard, its PDF and where it is offered, and the service points; the MPP admin edits a fee
 * (a new version, the old one still readable, a conflict when someone else saved first) and runs
 * a CSV import dry run. Every page passes axe and is photographed into test-results/screenshots/.
 * The clock stands on Monday 30 November 2026, 09:00 WIB (Senin Legi).
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e tests/e2e/catalogue.e2e.test.ts`.
 */

let platform: TestPlatform & { url: string };
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const WAIT = { timeout: 30_000 };

beforeAll(async () => {
  requireBuiltWeb();
  platform = await startTestServer({ catalogue: true });
  browser = await launchBrowser();
}, 300_000);

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await closeBrowsing(contexts, browser, platform);
});

async function openPage(viewport: Viewport): Promise<Page> {
  // Refused writes (400, 409) are expected in some steps and show up as "Failed to load resource".
  const page = await openTrackedPage(browser, viewport, { errors: pageErrors, contexts });
  page.setDefaultTimeout(30_000);
  // A failing step leaves a picture of what the page showed.
  onTestFailed(async ({ task }) => {
    await screenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}-${contexts.length}`).catch(() => undefined);
  });
  return page;
}

const signInAdmin = (page: Page) => signInStaff(page, platform.url, 'admin', '/admin', { waitForHeading: true });

/** The names of the search results, in order. */
async function resultNames(page: Page): Promise<string[]> {
  return page.locator('.svc-list .svc-item__name').allTextContents();
}

describe('service catalogue (citizen, phone)', () => {
  it('searches as the citizen types, forgiving everyday words, and opens the intended service', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${platform.url}/layanan`);
    await page.getByRole('heading', { level: 1, name: 'Cari layanan' }).waitFor();
    await page.getByRole('heading', { name: 'Telusuri menurut peristiwa kehidupan' }).waitFor();
    await page.locator('.event-tile').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'catalogue-home-phone');

    const box = page.getByRole('searchbox', { name: 'Cari layanan' });
    // Typed, not submitted: the results come with the debounce, and the address follows.
    await box.pressSequentially('ktp hilang', { delay: 20 });
    await page.getByRole('heading', { level: 2, name: 'Hasil untuk “ktp hilang”' }).waitFor();
    await page.waitForURL(/\/layanan\?q=ktp(\+|%20)hilang$/);
    await page.locator('.svc-item').first().waitFor();
    expect((await resultNames(page))[0]).toBe('Penggantian KTP-el Hilang');
    const first = page.locator('.svc-item').first();
    expect(await first.locator('.svc-item__agency').textContent()).toBe('Dispendukcapil');
    expect(await first.getByText('Gratis').count()).toBe(1);
    expect(await first.getByText('1 hari kerja').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'catalogue-search-ktp-hilang-phone');

    await box.fill('akte lahir');
    await page.getByRole('heading', { level: 2, name: 'Hasil untuk “akte lahir”' }).waitFor();
    await expect.poll(async () => (await resultNames(page))[0], WAIT).toBe('Penerbitan Akta Kelahiran');
    await page.getByRole('link', { name: 'Penerbitan Akta Kelahiran', exact: true }).click();
    await page.waitForURL(`${platform.url}/layanan/akta-kelahiran`);
    await page.getByRole('heading', { level: 1, name: 'Penerbitan Akta Kelahiran' }).waitFor();

    // Back returns to the same results.
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Hasil untuk “akte lahir”' }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Cari layanan' }).inputValue()).toBe('akte lahir');

    // Nonsense finds nothing, and says so.
    await page.getByRole('searchbox', { name: 'Cari layanan' }).fill('zzqxw');
    await page.getByText('Tidak ada layanan yang cocok dengan “zzqxw”', { exact: false }).waitFor();
  });

  it('browses a life event and an agency', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${platform.url}/layanan`);
    await page.getByRole('link', { name: /^Kelahiran/ }).click();
    await page.waitForURL(`${platform.url}/layanan?peristiwa=kelahiran`);
    await page.getByRole('heading', { level: 1, name: 'Layanan untuk peristiwa: Kelahiran' }).waitFor();
    await page.locator('.svc-item').first().waitFor();
    const names = await resultNames(page);
    expect(names).toContain('Penerbitan Akta Kelahiran');
    expect(names.length).toBeGreaterThanOrEqual(5);
    await expectAccessible(page);
    await screenshot(page, 'catalogue-life-event-kelahiran-phone');

    await page.goto(`${platform.url}/layanan`);
    await page.getByRole('link', { name: 'Polresta Banyuwangi', exact: true }).click();
    await page.waitForURL(`${platform.url}/layanan?instansi=polres`);
    await page.getByRole('heading', { level: 1, name: 'Layanan Polresta Banyuwangi' }).waitFor();
    await page.locator('.svc-item').first().waitFor();
    expect(await resultNames(page)).toContain('Penerbitan SKCK Baru');
    await expectAccessible(page);
  });

  it('shows a service page: the standard in plain language, where it is offered, open now, the PDF and the ways to start', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${platform.url}/layanan/ktp-el-hilang`);
    await page.getByRole('heading', { level: 1, name: 'Penggantian KTP-el Hilang' }).waitFor();
    await page.getByRole('link', { name: /Dinas Kependudukan dan Pencatatan Sipil/ }).waitFor();

    // Facts: fee, time, product.
    const facts = page.locator('.facts');
    expect(await facts.getByText('Gratis', { exact: true }).count()).toBe(1);
    expect(await facts.getByText('1 hari kerja').count()).toBe(1);

    // Requirements as a checklist, the optional one marked.
    const requirements = page.getByRole('region', { name: 'Persyaratan' });
    await requirements.getByRole('checkbox', { name: /Kartu Keluarga \(KK\)/ }).waitFor();
    expect(await requirements.locator('.req--optional').getByText('tidak wajib').count()).toBeGreaterThan(0);
    await requirements.getByText('0 dari 1 dokumen wajib siap').waitFor();
    await requirements.getByRole('checkbox', { name: /Kartu Keluarga \(KK\)/ }).check();
    await requirements.getByText('1 dari 1 dokumen wajib siap').waitFor();

    // Procedure as numbered steps.
    expect(await page.getByRole('region', { name: 'Prosedur' }).locator('ol > li').count()).toBeGreaterThanOrEqual(3);

    // Where: the MPP open now (Monday 09:00 WIB), its counter; market units; village offices.
    const where = page.getByRole('region', { name: 'Tempat layanan' });
    const mpp = where.locator('.place', { has: page.getByRole('link', { name: 'Mal Pelayanan Publik Banyuwangi' }) });
    await mpp.waitFor();
    expect(await mpp.getByText('Buka sekarang').count()).toBe(1);
    expect(await mpp.getByText('Hari ini (Senin): 08:00–15:00 WIB').count()).toBe(1);
    expect(await mpp.getByText(/Loket:/).count()).toBe(1);
    expect(await where.getByRole('link', { name: 'Pasar Pelayanan Publik Rogojampi' }).count()).toBe(1);
    // Rogojampi's market days include Legi: longer hours today.
    const rogojampi = where.locator('.place', { has: page.getByRole('link', { name: 'Pasar Pelayanan Publik Rogojampi' }) });
    expect(await rogojampi.getByText('Hari pasaran Senin Legi: jam buka lebih panjang').count()).toBe(1);
    await where.getByText(/Juga di \d+ kantor desa \(Smart Kampung\)/).waitFor();

    // The ways to start: the queue module's and the applications module's pages.
    const start = page.getByRole('group', { name: 'Mulai' });
    expect(await start.getByRole('link', { name: 'Ajukan online' }).getAttribute('href')).toBe('/ajukan/ktp-el-hilang');
    expect(await start.getByRole('link', { name: 'Pesan jadwal' }).getAttribute('href')).toBe('/antrian/pesan?titik=mpp-banyuwangi&layanan=ktp-el-hilang');
    expect(await start.getByRole('link', { name: 'Ambil antrian' }).getAttribute('href')).toBe('/antrian?titik=mpp-banyuwangi&layanan=ktp-el-hilang');

    // The management components are folded away, there when asked for.
    const management = page.locator('details.disclosure');
    expect(await management.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await management.locator('summary').click();
    await management.getByText('Dasar hukum', { exact: true }).waitFor();
    expect(await management.getByText('Jumlah pelaksana', { exact: true }).count()).toBe(1);

    // Version and the printable PDF.
    await page.getByText(/Standar pelayanan versi 1, berlaku sejak/).waitFor();
    const pdfHref = await page.getByRole('link', { name: 'Unduh PDF (untuk dicetak)' }).getAttribute('href');
    expect(pdfHref).toBe('/api/catalogue/services/ktp-el-hilang/standard.pdf?lang=id');
    const pdf = await fetch(`${platform.url}${pdfHref}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    await expectAccessible(page);
    await screenshot(page, 'catalogue-service-ktp-el-hilang-phone');

    // English second: the same page, the standard's own English texts.
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Replacement of a lost KTP-el' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Requirements' }).waitFor();
    expect(await page.locator('.facts').getByText('Free', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Download PDF (to print)' }).getAttribute('href')).toBe('/api/catalogue/services/ktp-el-hilang/standard.pdf?lang=en');
    await expectAccessible(page);
  });

  it('lists the service points with open now, and a point with this week’s hours, pasaran and counters', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${platform.url}/lokasi`);
    await page.getByRole('heading', { level: 1, name: 'Tempat layanan' }).waitFor();
    const mpp = page.locator('.place', { has: page.getByRole('link', { name: 'Mal Pelayanan Publik Banyuwangi' }) });
    await mpp.waitFor();
    expect(await mpp.getByText('Buka sekarang').count()).toBe(1);
    await page.getByRole('heading', { name: 'Kantor desa (Smart Kampung)' }).waitFor();
    await page.getByRole('searchbox', { name: 'Cari desa atau kecamatan' }).fill('alasbuluh');
    await page.getByRole('link', { name: 'Smart Kampung Desa Alasbuluh' }).waitFor();
    expect(await page.locator('#desa-section .place').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'catalogue-points-phone');

    await page.goto(`${platform.url}/lokasi/ppp-rogojampi`);
    await page.getByRole('heading', { level: 1, name: 'Pasar Pelayanan Publik Rogojampi' }).waitFor();
    await page.getByText('Hari ini Senin Legi.').waitFor();
    await page.getByText(/Istirahat salat Jumat 11:30–13:00/).waitFor();
    const week = page.getByRole('table', { name: 'Jam buka Pasar Pelayanan Publik Rogojampi minggu ini' });
    expect(await week.locator('tbody tr').count()).toBe(7);
    expect(await week.getByText('Tutup', { exact: true }).count()).toBeGreaterThanOrEqual(1); // Sunday
    expect(await week.getByText('hari pasaran', { exact: true }).count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('heading', { name: 'Loket dan layanannya' }).waitFor();
    expect(await page.locator('.counter-list > li').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'catalogue-point-rogojampi-phone');
  });
});

describe('service catalogue (MPP admin, desktop)', () => {
  it('edits a fee: validation per field, a new version, the old one readable, a conflict when someone else saved first', async () => {
    const page = await openPage(DESKTOP);
    await signInAdmin(page);
    await page.getByRole('link', { name: /Katalog dan standar pelayanan/ }).click();
    await page.waitForURL(`${platform.url}/admin/katalog`);
    await page.getByRole('heading', { level: 1, name: 'Katalog layanan' }).waitFor();
    await page.getByRole('searchbox', { name: 'Cari layanan' }).fill('skck');
    await page.getByRole('link', { name: 'Ubah: Penerbitan SKCK Baru' }).click();
    await page.waitForURL(`${platform.url}/admin/katalog/layanan/skck-baru`);
    await page.getByRole('heading', { level: 1, name: 'Ubah layanan: Penerbitan SKCK Baru' }).waitFor();
    const fee = page.getByLabel('Biaya (rupiah)');
    expect(await fee.inputValue()).toBe('30000');
    await expectAccessible(page);
    await screenshot(page, 'admin-catalogue-service-edit-desktop');

    // A bad amount and a missing change note: refused, each message under its field, nothing published.
    await fee.fill('tiga puluh ribu');
    await page.getByRole('button', { name: 'Terbitkan versi baru' }).click();
    await expect.poll(() => fee.getAttribute('aria-invalid'), WAIT).toBe('true');
    expect(await page.getByLabel('Catatan perubahan').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Jelaskan perubahan (min. 3 karakter)').waitFor();
    await expectAccessible(page);

    await fee.fill('35000');
    await page.getByLabel('Catatan perubahan').fill('Tarif disesuaikan (uji e2e)');
    await page.getByRole('button', { name: 'Terbitkan versi baru' }).click();
    await page.getByText('Versi 2 terbit. Berubah: Biaya/tarif.').waitFor();
    await page.getByRole('heading', { name: 'Standar pelayanan (versi 2 berlaku)' }).waitFor();

    // Someone else publishes version 3 while this editor still holds version 2: 409, the form keeps its contents.
    const other = await platform.as('admin');
    const current = (await other.get('/api/catalogue/services/skck-baru')).json() as { standard: Record<string, unknown> & { requirements: { documentCode: string; optional: boolean; note: unknown }[]; procedure: unknown[]; duration: { value: number; unit: string }; fee: { amount: number; variable: boolean; legalBasis: string | null; note: unknown } } };
    const s = current.standard;
    const standard = {
      requirements: s.requirements.map((r) => ({ documentCode: r.documentCode, optional: r.optional, note: r.note })),
      procedure: s.procedure,
      duration: { value: s.duration.value, unit: s.duration.unit },
      fee: { amount: s.fee.amount, variable: s.fee.variable, legalBasis: s.fee.legalBasis, note: s.fee.note },
      product: s.product,
      complaintHandling: s.complaintHandling,
      legalBasis: s.legalBasis,
      facilities: s.facilities,
      staffCompetence: s.staffCompetence,
      internalSupervision: s.internalSupervision,
      staffCount: (s.staffCount as number) + 1,
      serviceGuarantee: s.serviceGuarantee,
      securityGuarantee: s.securityGuarantee,
      performanceEvaluation: s.performanceEvaluation,
    };
    const put = await other.request('PUT', '/api/catalogue/services/skck-baru/standard', { expectedVersion: 2, changeNote: 'Pelaksana ditambah', standard });
    expect(put.statusCode).toBe(201);
    await page.getByLabel('Biaya (rupiah)').fill('40000');
    await page.getByLabel('Catatan perubahan').fill('Perubahan yang bertabrakan');
    await page.getByRole('button', { name: 'Terbitkan versi baru' }).click();
    await page.getByText('Orang lain sudah menyimpan lebih dulu').waitFor();
    expect(await page.getByLabel('Biaya (rupiah)').inputValue()).toBe('40000');
    await expectAccessible(page);
    await screenshot(page, 'admin-catalogue-conflict-desktop');
    await page.getByRole('button', { name: 'Muat versi terbaru' }).click();
    await page.getByRole('heading', { name: 'Standar pelayanan (versi 3 berlaku)' }).waitFor();
    await expect.poll(() => page.getByLabel('Biaya (rupiah)').inputValue(), WAIT).toBe('35000');

    // The history: every version, and what version 2 changed.
    await page.getByRole('link', { name: 'Riwayat versi' }).click();
    await page.waitForURL(`${platform.url}/admin/katalog/layanan/skck-baru/riwayat`);
    await page.getByRole('heading', { level: 1, name: 'Riwayat versi: Penerbitan SKCK Baru' }).waitFor();
    const versions = page.getByRole('table', { name: 'Versi standar' });
    expect(await versions.locator('tbody tr').count()).toBe(3);
    await versions.getByRole('link', { name: 'Lihat perubahan: Versi 2' }).click();
    await page.getByRole('heading', { name: 'Perubahan di versi 2' }).waitFor();
    const diff = page.locator('.diff-cell');
    await diff.locator('del', { hasText: 'Rp 30.000' }).waitFor();
    await diff.locator('ins', { hasText: 'Rp 35.000' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-catalogue-history-desktop');

    // The public page shows version 3 with the new fee; version 1 stays readable as it was.
    const citizen = await openPage(PHONE);
    await citizen.goto(`${platform.url}/layanan/skck-baru`);
    await citizen.locator('.facts').getByText('Rp 35.000', { exact: true }).waitFor();
    await citizen.getByText(/Standar pelayanan versi 3, berlaku sejak/).waitFor();
    await citizen.getByRole('link', { name: 'Lihat versi sebelumnya' }).click();
    await citizen.waitForURL(`${platform.url}/layanan/skck-baru/versi`);
    await citizen.getByRole('link', { name: 'Lihat versi 1' }).click();
    await citizen.waitForURL(`${platform.url}/layanan/skck-baru/versi/1`);
    await citizen.getByText('Ini versi 1, bukan yang berlaku sekarang (versi 3).').waitFor();
    await citizen.locator('.facts').getByText('Rp 30.000', { exact: true }).waitFor();
    await expectAccessible(citizen);
    await screenshot(citizen, 'catalogue-old-version-phone');
  });

  it('runs a CSV import dry run that shows the diff by row before "Terapkan", then applies a clean file', async () => {
    const page = await openPage(DESKTOP);
    await signInAdmin(page);
    await page.goto(`${platform.url}/admin/katalog/csv`);
    await page.getByRole('heading', { level: 1, name: 'Impor dan ekspor CSV' }).waitFor();
    expect(await page.getByRole('link', { name: 'Unduh Layanan dan standarnya' }).getAttribute('href')).toBe('/api/catalogue/export/services');

    // The export, as the admin would download it, changed in a spreadsheet: one fee, one new service, one broken row.
    const admin = await platform.as('admin');
    const exported = await admin.get('/api/catalogue/export/services');
    expect(exported.statusCode).toBe(200);
    const records = parse(exported.body, { bom: true, columns: true }) as Record<string, string>[];
    const columns = Object.keys(records[0]!);
    const byCode = (code: string) => records.find((r) => r.code === code)!;
    const changedCode = 'izin-reklame';
    byCode(changedCode).fee_amount = '125000';
    const added = { ...byCode('ktp-el-hilang'), code: 'uji-impor-baru', name_id: 'Layanan Uji Impor', name_en: 'Import test service', keywords: 'uji impor', current_version: '' };
    const broken = { ...byCode('ktp-el-rusak'), duration_unit: 'minggu', fee_amount: '-5' };
    const csvOf = (rows: Record<string, string>[]) => `\uFEFF${stringify(rows, { header: true, columns })}`;
    const withError = records.map((r) => (r.code === 'ktp-el-rusak' ? broken : r)).concat([added]);
    const clean = records.concat([added]);

    await page.getByLabel('Tabel').selectOption('services');
    await page.getByLabel('Berkas CSV').setInputFiles({ name: 'katalog-services.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(withError)) });
    await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await page.getByRole('heading', { name: `Hasil pemeriksaan: ${withError.length} baris` }).waitFor({ timeout: 60_000 });
    const summary = page.getByRole('list', { name: `Hasil pemeriksaan: ${withError.length} baris` });
    expect(await summary.textContent()).toContain('Ditambah: 1');
    expect(await summary.textContent()).toContain('Diubah: 1');
    expect(await summary.textContent()).toContain('Salah: 1');
    await page.getByText('Uji coba selesai; belum ada yang disimpan.').waitFor();
    await page.getByText('Perbaiki baris yang salah dulu, lalu periksa lagi.').waitFor();
    expect(await page.getByRole('button', { name: 'Terapkan' }).count()).toBe(0);
    const rows = page.getByRole('table', { name: 'Hasil per baris' }).locator('tbody tr');
    expect(await rows.count()).toBe(3); // added, changed, error (unchanged hidden by default)
    const changedRow = rows.filter({ hasText: changedCode });
    expect(await changedRow.textContent()).toContain('Diubah');
    expect(await changedRow.textContent()).toContain('Biaya/tarif');
    expect(await changedRow.textContent()).toContain('versi baru 2');
    expect(await rows.filter({ hasText: 'uji-impor-baru' }).textContent()).toContain('Ditambah');
    const errorRow = rows.filter({ hasText: 'ktp-el-rusak' });
    expect(await errorRow.textContent()).toContain('Salah');
    expect(await errorRow.textContent()).toContain('duration_unit');
    await expectAccessible(page);
    await screenshot(page, 'admin-catalogue-csv-dry-run-desktop');
    // Nothing was written by the dry run.
    expect((await admin.get('/api/catalogue/services/uji-impor-baru')).statusCode).toBe(404);

    // The fixed file: "Terapkan" appears, and applies in one go.
    await page.getByLabel('Berkas CSV').setInputFiles({ name: 'katalog-services.csv', mimeType: 'text/csv', buffer: Buffer.from(csvOf(clean)) });
    await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await page.getByRole('heading', { name: `Hasil pemeriksaan: ${clean.length} baris` }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByText('Impor diterapkan: 1 ditambahkan, 1 diubah.').waitFor({ timeout: 60_000 });
    expect((await admin.get('/api/catalogue/services/uji-impor-baru')).statusCode).toBe(200);
    expect(((await admin.get(`/api/catalogue/services/${changedCode}`)).json() as { standard: { fee: { amount: number } } }).standard.fee.amount).toBe(125000);
    await expectAccessible(page);
  });

  it('shows points with their hours and counters, the calendar, and agencies to the admin', async () => {
    const page = await openPage(DESKTOP);
    await signInAdmin(page);
    await page.goto(`${platform.url}/admin/katalog/titik`);
    await page.getByRole('heading', { level: 1, name: 'Titik layanan dan loket' }).waitFor();
    await page.getByLabel('Jenis').selectOption('market');
    await page.getByRole('link', { name: 'Pasar Pelayanan Publik Genteng' }).click();
    await page.waitForURL(`${platform.url}/admin/katalog/titik/ppp-genteng`);
    await page.getByRole('heading', { level: 1, name: 'Ubah titik layanan: Pasar Pelayanan Publik Genteng' }).waitFor();
    expect(await page.getByLabel('Senin: Jam buka').inputValue()).toBe('07:30');
    expect(await page.getByLabel('Minggu: Buka').isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Tutup sementara saat salat Jumat' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Pon' }).isChecked()).toBe(true);

    // A closing time before the opening time is refused next to the day.
    await page.getByLabel('Selasa: Jam tutup').fill('06:00');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Jam tutup harus setelah jam buka').first().waitFor();
    await page.getByLabel('Selasa: Jam tutup').fill('14:30');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Titik layanan tersimpan.').waitFor();
    await page.getByRole('table', { name: 'Loket di titik ini' }).locator('tbody tr').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-catalogue-point-desktop');

    await page.goto(`${platform.url}/admin/katalog/kalender?tahun=2026`);
    await page.getByRole('heading', { level: 1, name: 'Kalender libur dan cuti bersama' }).waitFor();
    await page.getByText(/hari kerja di tahun 2026/).waitFor();
    await page.getByLabel('Tanggal').fill('2026-12-31');
    await page.getByLabel('Jenis').selectOption('special_closure');
    await page.getByRole('textbox', { name: 'Nama, Bahasa Indonesia' }).fill('Penutupan akhir tahun (uji)');
    await page.getByRole('textbox', { name: 'Nama, English' }).fill('Year-end closure (test)');
    await page.getByRole('button', { name: 'Tambah hari' }).click();
    await page.getByRole('table', { name: 'Cuti bersama dan penutupan khusus 2026' }).getByText('Penutupan akhir tahun (uji)').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-catalogue-calendar-desktop');

    await page.goto(`${platform.url}/admin/katalog/instansi`);
    await page.getByRole('heading', { level: 1, name: 'Instansi' }).waitFor();
    const agencies = page.getByRole('table', { name: 'Daftar instansi' });
    expect(await agencies.locator('tbody tr').count()).toBeGreaterThanOrEqual(24);
    await expectAccessible(page);
    await screenshot(page, 'admin-catalogue-agencies-desktop');

    // An agency switched off leaves the public list but stays in the admin's, marked, to be switched on again.
    await agencies.getByRole('link', { name: 'BNNK Banyuwangi', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ubah instansi: BNNK Banyuwangi' }).waitFor();
    await page.getByLabel('Telepon').fill('nomor?');
    await page.getByRole('checkbox', { name: 'Instansi aktif' }).uncheck();
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Nomor telepon tidak valid').waitFor();
    expect(await page.getByLabel('Telepon').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Telepon').fill('184');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Tersimpan.').waitFor();
    await page.getByRole('link', { name: 'Instansi', exact: true }).click();
    const row = page.getByRole('table', { name: 'Daftar instansi' }).getByRole('row').filter({ hasText: 'BNNK Banyuwangi' });
    await row.getByText('Nonaktif').waitFor();
    const publicList = (await (await fetch(`${platform.url}/api/catalogue/agencies`)).json()) as { items: { code: string }[] };
    expect(publicList.items.map((a) => a.code)).not.toContain('bnn');
    expect((await fetch(`${platform.url}/api/catalogue/agencies?inactive=true`)).status).toBe(401);
  });
});
