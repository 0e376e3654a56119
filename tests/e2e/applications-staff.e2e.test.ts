import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/applications/testing.ts';
import { queryRows } from '../../src/db/client.ts';
import { DEMO_CITIZEN } from '../../src/seed/demo.ts';
import { samplePdf } from '../../src/storage/fixtures.ts';
import type { TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, screenshot } from '../support/browser.ts';
import { closeBrowsing, expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * Issue 5, filing on a resident's behalf: the counter officer at the MPP (`loket`) files for the
 * demo citizen with a real PDF and a real JPEG, prints the receipt, and the application reaches
 * the agency's inbox; the village operator (`desa.sempu`) files a village letter the same way.
 * Desktop screens, axe on each. Needs the built web app:
 * `npm run build:web && npx vitest run --project e2e tests/e2e/applications-staff.e2e.test.ts`.
 */

let platform: TestPlatform & { url: string };
let url: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'satupintu-e2e-staff-files-'));
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'satupintu-e2e-staff-uploads-'));
let current: Page | null = null;
let counterNumber = '';
let counterPage: Page;

beforeAll(async () => {
  requireBuiltWeb();
  platform = await startTestServer({ catalogue: true, config: { UPLOAD_DIR: uploads } });
  url = platform.url;
  browser = await launchBrowser();

  // Real files: PDFs made by pdfkit, and JPEGs "scanned" by the browser itself.
  for (const [name, title] of [
    ['surat-keterangan-lahir.pdf', 'Surat Keterangan Kelahiran — RSUD Blambangan'],
    ['buku-nikah.pdf', 'Kutipan Akta Nikah'],
    ['formulir-f2-01.pdf', 'Formulir F-2.01'],
    ['kk.pdf', 'Kartu Keluarga No. 3510200101120003'],
    ['pengantar-rt.pdf', 'Surat Pengantar RT 002 / RW 001 Dusun Krajan'],
  ] as const) {
    fs.writeFileSync(path.join(files, name), await samplePdf(title));
  }
  const scanner = await browser.newPage({ viewport: { width: 800, height: 500 } });
  for (const [name, heading, line] of [
    ['kk-scan.jpg', 'KARTU KELUARGA', 'No. 3510200101120003'],
    ['ktp-scan.jpg', 'KARTU TANDA PENDUDUK', 'NIK 3510204107850002'],
  ] as const) {
    await scanner.setContent(`<body style="margin:0;background:#fff;font:28px serif"><div style="padding:40px;border:6px double #333;margin:20px"><h1>${heading}</h1><p>${line}</p></div></body>`);
    fs.writeFileSync(path.join(files, name), await scanner.screenshot({ type: 'jpeg', quality: 80 }));
  }
  await scanner.close();
});

afterAll(async () => {
  await closeBrowsing(contexts, browser, platform);
  fs.rmSync(files, { recursive: true, force: true });
  fs.rmSync(uploads, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && current) await screenshot(current, 'applications-staff-failed').catch(() => undefined);
});

async function signIn(username: string, home: string): Promise<Page> {
  const page = await openTrackedPage(browser, DESKTOP, { errors: pageErrors, contexts });
  current = page;
  await signInStaff(page, url, username, home);
  return page;
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Uploads a file into one requirement's row and waits for the ✓. */
async function uploadRow(page: Page, documentCode: string, file: string): Promise<void> {
  await page.locator(`tr[data-document="${documentCode}"] input[type="file"]`).setInputFiles(path.join(files, file));
  await page.getByTestId(`uploaded-${documentCode}`).waitFor();
}

/** Fetches the receipt the page links to, with the officer's session, and checks it is a real PDF for this number. */
async function expectReceipt(page: Page, number: string): Promise<void> {
  const href = await page.getByTestId('receipt-pdf').getAttribute('href');
  expect(href).toBe(`/api/applications/${number}/receipt.pdf`);
  const res = await page.context().request.get(`${url}${href}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const pdf = await res.body();
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(pdf);
  expect(text).toContain('BUKTI PERMOHONAN');
  expect(text).toContain(number);
  expect(text).toContain(`/lacak/${number}`);
}

async function submittedMessageTo(number: string): Promise<{ recipient: string; body: string }[]> {
  return queryRows<{ recipient: string; body: string }>(platform.ctx.db, sql`select recipient, body from outbox where template = 'application.submitted' and params->>'number' = ${number}`);
}

describe('filing on a resident’s behalf', () => {
  it('the counter officer files for the demo citizen with a PDF and a JPEG and prints the receipt', async () => {
    const page = await signIn('loket', '/loket');
    counterPage = page;
    await page.goto(`${url}/loket/permohonan`);
    await heading(page, 'Kotak masuk permohonan');
    await page.getByRole('link', { name: 'Ajukan permohonan untuk warga' }).click();

    // 1. The service: the MPP's services, found with a typo, keyboard only.
    await heading(page, 'Ajukan permohonan untuk warga');
    await page.getByText('Hanya layanan yang dilayani di Mal Pelayanan Publik Banyuwangi yang tampil.').waitFor();
    const search = page.getByRole('searchbox', { name: 'Cari layanan' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('akte lahir');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=akte/);
    const choose = page.getByRole('link', { name: 'Pilih: Penerbitan Akta Kelahiran', exact: true });
    await choose.waitFor();
    await expect.poll(() => page.locator('tbody tr').first().getAttribute('data-service')).toBe('akta-kelahiran');
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-01-counter-service');
    await choose.click();

    // 2. The applicant: the NIK is checked as it is typed.
    await heading(page, 'Data pemohon');
    await page.getByText('Penerbitan Akta Kelahiran').first().waitFor();
    const nik = page.getByLabel('NIK pemohon');
    await nik.fill('35102052');
    await page.getByText('NIK terdiri dari 16 angka (sekarang 8).').waitFor();
    await nik.fill('3510205203940000');
    await page.locator('.field__error').filter({ hasText: /0000|nomor urut|serial/i }).waitFor();
    await expect.poll(() => nik.getAttribute('aria-invalid')).toBe('true');
    await nik.fill(DEMO_CITIZEN.nik);
    await expect.poll(() => page.getByTestId('nik-check').textContent()).toMatch(/Kecamatan Sempu, lahir 12 Maret 1994, perempuan/i);
    await page.getByLabel('Nama lengkap').fill('Siti Aminah');
    await page.getByLabel('Nomor HP / WhatsApp').fill('0812 3456 7890');
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-02-counter-applicant');
    await page.getByLabel('Nama lengkap').press('Enter');

    // 3. Documents: all on one page, each with its upload; a missing one is named.
    await heading(page, 'Berkas persyaratan');
    await page.waitForURL(/\/loket\/permohonan\/baru\/SP-\d{6}-[0-9A-Z]{8}\/berkas$/);
    counterNumber = page.url().match(/SP-\d{6}-[0-9A-Z]{8}/)![0];
    await uploadRow(page, 'surat-keterangan-kelahiran', 'surat-keterangan-lahir.pdf');
    await uploadRow(page, 'kk', 'kk-scan.jpg');
    expect(await page.getByTestId('uploaded-kk').textContent()).toContain('JPG');
    expect(await page.getByTestId('uploaded-surat-keterangan-kelahiran').textContent()).toContain('PDF');
    await page.getByRole('button', { name: 'Periksa permohonan' }).click();
    await page.getByText(/Masih kurang: .*Buku nikah/).waitFor();
    await uploadRow(page, 'buku-nikah', 'buku-nikah.pdf');
    await uploadRow(page, 'formulir-f2-01', 'formulir-f2-01.pdf');
    await page.getByLabel(/Catatan untuk petugas yang memproses/).fill('Anak pertama, lahir di RSUD Blambangan.');
    await page.getByLabel('Diambil di loket atau kantor desa').check();
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-03-counter-documents');
    await page.getByRole('button', { name: 'Periksa permohonan' }).click();

    // 4. Check, then send.
    await heading(page, 'Periksa sebelum mengirim');
    expect(await page.getByTestId('check-applicant').textContent()).toBe('Siti Aminah');
    await page.getByText(DEMO_CITIZEN.nik).waitFor();
    await page.locator('.desk-summary').getByText('Mal Pelayanan Publik Banyuwangi').waitFor();
    await page.getByText('kk-scan.jpg (JPG').waitFor();
    await page.getByText('Anak pertama, lahir di RSUD Blambangan.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-04-counter-check');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();

    // 5. The receipt to print and hand over.
    await heading(page, 'Permohonan terkirim');
    expect(await page.getByTestId('application-number').textContent()).toBe(counterNumber);
    await page.getByText('Warga menerima pesan berisi nomor ini di +6281234567890.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-05-counter-receipt');
    await expectReceipt(page, counterNumber);

    // The resident is told through the outbox, at the phone the officer entered.
    const messages = await submittedMessageTo(counterNumber);
    expect(messages.map((m) => m.recipient)).toEqual(['+6281234567890']);
    expect(messages[0]!.body).toContain(counterNumber);

    // The desk's own list shows it.
    await page.goto(`${url}/loket/permohonan`);
    await heading(page, 'Kotak masuk permohonan');
    await page.getByRole('button', { name: 'Diajukan di sini' }).click();
    await page.getByRole('link', { name: counterNumber }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-06-counter-filed-list');
  });

  it('the application is in Dispendukcapil’s inbox, filed at the counter', async () => {
    const capil = await signIn('capil', '/instansi');
    await capil.goto(`${url}/instansi/permohonan`);
    await heading(capil, 'Kotak masuk permohonan');
    await capil.getByRole('link', { name: counterNumber }).click();
    await heading(capil, 'Penerbitan Akta Kelahiran');
    await capil.getByText('loket — Mal Pelayanan Publik Banyuwangi').waitFor();
    expect(await capil.getByTestId('applicant-name').textContent()).toBe('Siti Aminah');
    expect(await capil.locator('li[data-document="kk"]').textContent()).toContain('JPG');
    expect(await capil.locator('li[data-document="surat-keterangan-kelahiran"]').textContent()).toContain('PDF');
    // The agency may print the receipt again from the application page.
    await capil.getByRole('link', { name: 'Cetak bukti permohonan (PDF)' }).waitFor();
    await expectReceipt(capil, counterNumber);
    // The KK photo is not good enough: back to the desk that filed it.
    await capil.getByRole('button', { name: 'Minta perbaikan' }).click();
    await capil.getByLabel('Apa yang harus diperbaiki pemohon?').fill('Pindaian KK terpotong, mohon unggah KK lengkap dalam PDF.');
    await capil.getByRole('button', { name: 'Kirim', exact: true }).click();
    await capil.locator('[data-status="perlu_perbaikan"]').first().waitFor();
    // The capil officer cannot open the desk's filing pages.
    await capil.goto(`${url}/loket/permohonan/baru`);
    await capil.getByRole('heading', { level: 1 }).waitFor();
    expect(await capil.getByRole('heading', { level: 1 }).textContent()).not.toBe('Ajukan permohonan untuk warga');
  });

  it('the counter fixes what the agency sent back, from its own list, and resends', async () => {
    const page = counterPage;
    current = page;
    await page.goto(`${url}/loket/permohonan?f=filed`);
    await heading(page, 'Kotak masuk permohonan');
    await page.getByRole('link', { name: counterNumber }).click();
    await heading(page, 'Berkas persyaratan');
    expect(await page.getByTestId('fix-note').textContent()).toBe('Pindaian KK terpotong, mohon unggah KK lengkap dalam PDF.');
    await page.getByLabel('Ganti Kartu Keluarga (KK)').setInputFiles(path.join(files, 'kk.pdf'));
    await expect.poll(() => page.getByTestId('uploaded-kk').textContent()).toContain('kk.pdf (PDF');
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-06b-counter-correction');
    await page.getByRole('button', { name: 'Periksa permohonan' }).click();
    await heading(page, 'Periksa sebelum mengirim');
    await page.getByRole('button', { name: 'Kirim perbaikan' }).click();
    await heading(page, 'Permohonan terkirim');
    const view = await page.context().request.get(`${url}/api/applications/${counterNumber}`);
    expect((await view.json()).status).toBe('verifikasi_berkas');

    // Later, the resident lost the paper: the desk prints the receipt again from the application page.
    await page.goto(`${url}/loket/permohonan/${counterNumber}`);
    await heading(page, 'Penerbitan Akta Kelahiran');
    await page.getByRole('link', { name: 'Cetak bukti permohonan (PDF)' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-06c-counter-application-receipt');
    await expectReceipt(page, counterNumber);
  });

  it('the village operator files a village letter for a resident from the Smart Kampung console', async () => {
    const page = await signIn('desa.sempu', '/desa');
    await page.getByRole('link', { name: /Ajukan untuk warga/ }).click();
    await heading(page, 'Ajukan permohonan untuk warga');
    await page.getByText(/Hanya layanan yang dilayani di Smart Kampung Desa Sempu yang tampil\./i).waitFor();
    await page.getByRole('searchbox', { name: 'Cari layanan' }).fill('surat domisili');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    const choose = page.getByRole('link', { name: 'Pilih: Surat Keterangan Domisili', exact: true });
    await choose.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-07-village-service');
    await choose.click();

    await heading(page, 'Data pemohon');
    await page.getByLabel('NIK pemohon').fill('3510204107850002');
    await expect.poll(() => page.getByTestId('nik-check').textContent()).toMatch(/perempuan/);
    await page.getByLabel('Nama lengkap').fill('Sri Wahyuni');
    await page.getByLabel('Nomor HP / WhatsApp').fill('081330004000');
    await page.getByRole('button', { name: 'Lanjut ke berkas' }).click();

    await heading(page, 'Berkas persyaratan');
    const number = page.url().match(/SP-\d{6}-[0-9A-Z]{8}/)![0];
    await uploadRow(page, 'ktp-el', 'ktp-scan.jpg');
    await uploadRow(page, 'kk', 'kk.pdf');
    await uploadRow(page, 'surat-pengantar-rt-rw', 'pengantar-rt.pdf');
    await page.getByLabel(/Catatan untuk petugas yang memproses/).fill('Untuk syarat melamar kerja.');
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-08-village-documents');
    await page.getByRole('button', { name: 'Periksa permohonan' }).click();

    await heading(page, 'Periksa sebelum mengirim');
    await page.locator('.desk-summary').getByText(/sempu/i).first().waitFor();
    await page.getByText('ktp-scan.jpg (JPG').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();

    await heading(page, 'Permohonan terkirim');
    expect(await page.getByTestId('application-number').textContent()).toBe(number);
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-09-village-receipt');
    await expectReceipt(page, number);
    expect((await submittedMessageTo(number)).map((m) => m.recipient)).toEqual(['+6281330004000']);

    // The village office handles its own letters: the letter waits in its inbox for the village check.
    await page.getByRole('link', { name: 'Lihat permohonan' }).click();
    await heading(page, 'Surat Keterangan Domisili');
    await expectReceipt(page, number); // the receipt again, from the application page
    await page.getByRole('link', { name: 'Kotak masuk permohonan' }).click();
    await heading(page, 'Kotak masuk permohonan');
    const row = page.locator('tr', { has: page.getByRole('link', { name: number }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Sri Wahyuni');
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-10-village-inbox');

    // English second: the same desk pages in English.
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('link', { name: 'File for a resident' }).click();
    await heading(page, 'File for a resident');
    await page.getByText(/Only services offered at Smart Kampung, Sempu village are listed\./i).waitFor();
    await page.getByRole('link', { name: 'Choose: Certificate of domicile', exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'applications-staff-11-village-service-english');
  });
});
