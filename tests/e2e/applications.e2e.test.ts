import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN } from '../../src/seed/demo.ts';
import { samplePdf } from '../../src/storage/fixtures.ts';
import { sha256Hex } from '../../src/storage/store.ts';
import { latestCode, type TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { closeBrowsing, expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff, type Viewport } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * Issue 5, done when: a citizen files an application with a real PDF and a real JPEG, the agency
 * processor sends it back for correction, the citizen fixes it, the agency completes it, and the
 * citizen downloads the product and sees the timeline. Screenshots in test-results/screenshots/.
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e tests/e2e/applications.e2e.test.ts`.
 */

let platform: TestPlatform & { url: string };
let url: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'satupintu-e2e-files-'));
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'satupintu-e2e-uploads-'));
let citizen: Page;
let officer: Page;
let number = '';
let productPdf: Buffer;

beforeAll(async () => {
  requireBuiltWeb();
  platform = await startTestServer({ catalogue: true, config: { UPLOAD_DIR: uploads } });
  url = platform.url;
  browser = await launchBrowser();

  // Real files: a PDF made by pdfkit, and a JPEG photographed by the browser itself.
  fs.writeFileSync(path.join(files, 'surat-keterangan-lahir.pdf'), await samplePdf('Surat Keterangan Kelahiran — Puskesmas Sempu'));
  fs.writeFileSync(path.join(files, 'buku-nikah.pdf'), await samplePdf('Buku Nikah'));
  fs.writeFileSync(path.join(files, 'formulir-f2-01.pdf'), await samplePdf('Formulir F-2.01'));
  const camera = await browser.newPage({ viewport: { width: 800, height: 500 } });
  for (const [name, colour] of [['kk-buram.jpg', '#b9b9b9'], ['kk-jelas.jpg', '#ffffff']] as const) {
    await camera.setContent(`<body style="margin:0;background:${colour};font:28px serif"><div style="padding:40px;border:6px double #333;margin:20px"><h1>KARTU KELUARGA</h1><p>No. 3510200101120003</p><p>Kepala keluarga: AHMAD FAUZI</p></div></body>`);
    fs.writeFileSync(path.join(files, name), await camera.screenshot({ type: 'jpeg', quality: name === 'kk-buram.jpg' ? 5 : 85 }));
  }
  await camera.close();
  productPdf = await samplePdf('Kutipan Akta Kelahiran No. 3510-LT-30112026-0042');
  fs.writeFileSync(path.join(files, 'akta-kelahiran-ttd.pdf'), productPdf);
});

afterAll(async () => {
  await closeBrowsing(contexts, browser, platform);
  fs.rmSync(files, { recursive: true, force: true });
  fs.rmSync(uploads, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});

afterEach(async (ctx) => {
  // A failed step leaves a picture of where each person was.
  if (ctx.task.result?.state !== 'fail') return;
  if (citizen) await screenshot(citizen, 'applications-failed-citizen').catch(() => undefined);
  if (officer) await screenshot(officer, 'applications-failed-officer').catch(() => undefined);
});

const openPage = (viewport: Viewport) => openTrackedPage(browser, viewport, { errors: pageErrors, contexts, acceptDownloads: true });

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function uploadOn(page: Page, file: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(path.join(files, file));
  await page.getByTestId('uploaded').waitFor();
}

describe('an application from filing to download', () => {
  it('the citizen files online with a PDF and a JPEG, one question per page, and can save and resume', async () => {
    citizen = await openPage(PHONE);
    await citizen.goto(`${url}/masuk`);
    await citizen.getByLabel('NIK').fill(DEMO_CITIZEN.nik);
    await citizen.getByLabel('Nomor HP').fill('081234567890');
    await citizen.getByRole('button', { name: 'Kirim kode' }).click();
    await citizen.getByLabel('Kode dari SMS').waitFor();
    await citizen.getByLabel('Kode dari SMS').fill(await latestCode(platform.ctx, '081234567890'));
    await citizen.getByRole('button', { name: 'Masuk', exact: true }).click();
    await citizen.waitForURL(`${url}/saya`);

    await citizen.getByRole('link', { name: /Permohonan saya/ }).click();
    await heading(citizen, 'Permohonan saya');
    await citizen.getByRole('link', { name: 'Ajukan permohonan baru' }).click();
    await heading(citizen, 'Ajukan permohonan');
    await citizen.getByRole('searchbox', { name: 'Cari layanan' }).fill('akta kelahiran');
    await citizen.getByRole('button', { name: 'Cari', exact: true }).click();
    await citizen.getByRole('link', { name: 'Ajukan: Penerbitan Akta Kelahiran', exact: true }).waitFor();
    await expectAccessible(citizen);
    await screenshot(citizen, 'applications-01-choose-service-phone');
    await citizen.getByRole('link', { name: 'Ajukan: Penerbitan Akta Kelahiran', exact: true }).click();

    // The start page says what is needed and how long it takes.
    await heading(citizen, 'Penerbitan Akta Kelahiran');
    await citizen.waitForURL(/\/saya\/permohonan\/SP-\d{6}-[0-9A-Z]{8}\/isi$/);
    number = citizen.url().match(/SP-\d{6}-[0-9A-Z]{8}/)![0];
    expect(await citizen.getByText('1 hari kerja sejak dokumen lengkap').count()).toBe(1);
    await expectAccessible(citizen);
    await screenshot(citizen, 'applications-02-start-phone');
    await citizen.getByRole('button', { name: 'Mulai' }).click();

    // One document per page.
    await heading(citizen, 'Unggah Surat keterangan kelahiran');
    await uploadOn(citizen, 'surat-keterangan-lahir.pdf');
    expect(await citizen.getByTestId('uploaded').textContent()).toContain('PDF');
    await citizen.getByRole('button', { name: 'Lanjutkan' }).click();
    await heading(citizen, 'Unggah Kartu Keluarga (KK)');
    // Continuing without the required file is refused on the page.
    await citizen.getByRole('button', { name: 'Lanjutkan' }).click();
    await citizen.getByText('Unggah berkas ini untuk melanjutkan.').waitFor();
    await uploadOn(citizen, 'kk-buram.jpg');
    expect(await citizen.getByTestId('uploaded').textContent()).toContain('JPG');
    await expectAccessible(citizen);
    await screenshot(citizen, 'applications-03-upload-jpeg-phone');

    // Save and resume: leave, come back through "my applications", the file is still there.
    await citizen.getByRole('link', { name: 'Simpan dan lanjutkan nanti' }).click();
    await heading(citizen, 'Permohonan saya');
    await citizen.locator(`[data-number="${number}"]`).getByText('Draf — belum dikirim').waitFor();
    await screenshot(citizen, 'applications-04-draft-saved-phone');
    await citizen.locator(`[data-number="${number}"]`).getByRole('link', { name: 'Lanjutkan mengisi' }).click();
    await heading(citizen, 'Penerbitan Akta Kelahiran');
    await citizen.getByRole('button', { name: 'Mulai' }).click();
    await heading(citizen, 'Unggah Surat keterangan kelahiran');
    await citizen.getByTestId('uploaded').waitFor();
    await citizen.getByRole('button', { name: 'Lanjutkan' }).click();
    await heading(citizen, 'Unggah Kartu Keluarga (KK)');
    await citizen.getByTestId('uploaded').waitFor();
    await citizen.getByRole('button', { name: 'Lanjutkan' }).click();

    // The rest of the documents: required ones uploaded, optional ones skipped.
    for (let guard = 0; guard < 8; guard++) {
      await citizen.getByRole('heading', { level: 1 }).waitFor();
      const here = citizen.url();
      const step = here.split('/isi/')[1] ?? '';
      if (!step.startsWith('dokumen-')) break;
      if (step === 'dokumen-buku-nikah') await uploadOn(citizen, 'buku-nikah.pdf');
      else if (step === 'dokumen-formulir-f2-01') await uploadOn(citizen, 'formulir-f2-01.pdf');
      const skip = citizen.getByRole('button', { name: 'Lewati, tidak punya dokumen ini' });
      if (await skip.count()) await skip.click();
      else await citizen.getByRole('button', { name: 'Lanjutkan' }).click();
      await citizen.waitForURL((u) => u.toString() !== here);
    }

    await heading(citizen, 'Ada yang perlu diketahui petugas?');
    await citizen.getByLabel(/Catatan untuk petugas/).fill('Anak kedua, lahir 20 November 2026 di Puskesmas Sempu.');
    await citizen.getByRole('button', { name: 'Lanjutkan' }).click();
    await heading(citizen, 'Bagaimana Anda ingin menerima hasilnya?');
    await citizen.getByLabel(/Unduh di satupintu/).check();
    await expectAccessible(citizen);
    await screenshot(citizen, 'applications-05-delivery-phone');
    await citizen.getByRole('button', { name: 'Lanjutkan' }).click();

    await heading(citizen, 'Periksa jawaban Anda');
    expect(await citizen.getByText('Anak kedua, lahir 20 November 2026 di Puskesmas Sempu.').count()).toBe(1);
    expect(await citizen.getByText('3510 20•• •••• 0001', { exact: false }).count()).toBe(1);
    await expectAccessible(citizen);
    await screenshot(citizen, 'applications-06-check-answers-phone');
    await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();

    await heading(citizen, 'Permohonan terkirim');
    expect(await citizen.getByTestId('application-number').textContent()).toBe(number);
    // Filed Monday 30 November 2026 (the test clock), one working day.
    await citizen.getByText('Perkiraan selesai: Selasa, 1 Desember 2026').waitFor();
    await expectAccessible(citizen);
    await screenshot(citizen, 'applications-07-sent-phone');
  });

  it('the agency processor finds it in the inbox, opens the documents, and sends it back for correction', async () => {
    officer = await openPage(DESKTOP);
    await signInStaff(officer, url, 'capil', '/instansi');
    await officer.getByRole('link', { name: /Kotak masuk permohonan/ }).click();
    await heading(officer, 'Kotak masuk permohonan');
    await officer.getByRole('link', { name: number }).waitFor();
    await expectAccessible(officer);
    await screenshot(officer, 'applications-08-agency-inbox-desktop');

    await officer.getByRole('link', { name: number }).click();
    await heading(officer, 'Penerbitan Akta Kelahiran');
    expect(await officer.getByTestId('applicant-name').textContent()).toBe(DEMO_CITIZEN.displayName);
    // The documents open for the officer: the JPEG shows inline.
    const kk = officer.locator('[data-document="kk"]');
    await kk.locator('img.doc-preview').waitFor();
    const href = await kk.getByRole('link', { name: 'Buka' }).getAttribute('href');
    const served = await officer.request.get(`${url}${href}`);
    expect(served.headers()['content-type']).toBe('image/jpeg');
    await expectAccessible(officer);
    await screenshot(officer, 'applications-09-agency-application-desktop');

    await officer.getByRole('button', { name: 'Minta perbaikan' }).click();
    await officer.getByLabel('Apa yang harus diperbaiki pemohon?').fill('Foto Kartu Keluarga buram, nomor KK tidak terbaca. Mohon unggah foto yang jelas.');
    await screenshot(officer, 'applications-10-agency-return-desktop');
    await officer.getByRole('button', { name: 'Kirim', exact: true }).click();
    await officer.locator('[data-status="perlu_perbaikan"]').first().waitFor();
  });

  it('the citizen sees what to fix, replaces the photo and resubmits', async () => {
    await citizen.goto(`${url}/saya/permohonan/${number}`);
    await heading(citizen, 'Penerbitan Akta Kelahiran');
    expect(await citizen.getByTestId('fix-note').textContent()).toContain('Foto Kartu Keluarga buram');
    await citizen.getByText('Waktu berhenti menunggu perbaikan Anda').waitFor();
    await expectAccessible(citizen);
    await screenshot(citizen, 'applications-11-needs-correction-phone');

    await citizen.getByRole('link', { name: 'Perbaiki dokumen' }).click();
    await heading(citizen, 'Petugas meminta perbaikan');
    await citizen.getByRole('button', { name: 'Lanjutkan' }).click();
    await heading(citizen, 'Unggah Surat keterangan kelahiran');
    await citizen.getByRole('button', { name: 'Lanjutkan' }).click();
    await heading(citizen, 'Unggah Kartu Keluarga (KK)');
    await uploadOn(citizen, 'kk-jelas.jpg');
    await citizen.getByText(/kk-jelas\.jpg/).waitFor();
    await screenshot(citizen, 'applications-12-fixed-upload-phone');
    // Straight to the check page through its address, as a returning citizen would from the summary.
    await citizen.goto(`${url}/saya/permohonan/${number}/isi/periksa`);
    await heading(citizen, 'Periksa jawaban Anda');
    expect(await citizen.getByText(/kk-jelas\.jpg/).count()).toBe(1);
    await citizen.getByRole('button', { name: 'Kirim perbaikan' }).click();
    await heading(citizen, 'Permohonan terkirim');
  });

  it('the agency checks, processes, attaches the signed product and signs it', async () => {
    await officer.goto(`${url}/instansi/permohonan/${number}`);
    await heading(officer, 'Penerbitan Akta Kelahiran');
    await officer.getByRole('button', { name: 'Berkas lengkap, teruskan' }).click();
    await officer.getByRole('button', { name: 'Selesai diproses, ke tanda tangan' }).click();
    await officer.getByLabel('Dokumen hasil (sudah ditandatangani)').setInputFiles(path.join(files, 'akta-kelahiran-ttd.pdf'));
    await officer.getByText('Dokumen hasil sudah terunggah. Tandatangani untuk menerbitkannya.').waitFor();
    await officer.getByLabel('Nama penanda tangan').fill('Ir. Budi Santoso, M.Si.');
    await officer.getByLabel('Jabatan').fill('Sekretaris Dinas');
    await officer.getByLabel('Tanda tangan atas nama').selectOption('an');
    await officer.getByLabel('Jabatan yang diwakili').fill('Kepala Dinas Kependudukan dan Pencatatan Sipil');
    await screenshot(officer, 'applications-13-agency-sign-desktop');
    await officer.getByRole('button', { name: 'Tandatangani dan terbitkan' }).click();
    await officer.locator('[data-status="selesai"]').first().waitFor();
    await officer.getByRole('link', { name: 'Halaman cek keaslian' }).waitFor();
    await expectAccessible(officer);
    await screenshot(officer, 'applications-14-agency-done-desktop');
  });

  it('the citizen downloads the product, sees the whole timeline, and anyone can check the document', async () => {
    await citizen.goto(`${url}/saya/permohonan/${number}`);
    await heading(citizen, 'Penerbitan Akta Kelahiran');
    const timeline = citizen.getByRole('list', { name: 'Riwayat' });
    for (const step of ['Permohonan diajukan', 'Perlu perbaikan', 'Perbaikan dikirim', 'Diproses instansi', 'Menunggu tanda tangan', 'Selesai, siap diterima']) {
      expect(await timeline.getByText(step, { exact: true }).count(), step).toBeGreaterThan(0);
    }
    expect(await timeline.getByText(/Foto Kartu Keluarga buram/).count()).toBe(1);
    await expectAccessible(citizen);
    await screenshot(citizen, 'applications-15-ready-phone');

    const [download] = await Promise.all([citizen.waitForEvent('download'), citizen.getByTestId('download-product').click()]);
    const saved = path.join(files, 'unduhan.pdf');
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe(`akta-kelahiran-${number}.pdf`);
    expect(sha256Hex(fs.readFileSync(saved))).toBe(sha256Hex(productPdf));

    await citizen.reload();
    await citizen.locator('[data-status="diunduh"]').first().waitFor();
    await screenshot(citizen, 'applications-16-downloaded-phone');

    // The public check page: minimal data and the document's fingerprint; the held file matches.
    await citizen.getByRole('link', { name: 'Halaman cek keaslian' }).click();
    await heading(citizen, 'Cek keaslian dokumen');
    await citizen.getByText('Dokumen ini sah dan terdaftar').waitFor();
    expect(await citizen.getByTestId('sha256').textContent()).toBe(sha256Hex(productPdf));
    await citizen.getByLabel('Cocokkan dengan berkas Anda').setInputFiles(saved);
    await citizen.getByText('Cocok: berkas ini sama persis dengan dokumen yang diterbitkan.').waitFor();
    expect(await citizen.locator('#main').getByText(DEMO_CITIZEN.displayName).count()).toBe(0);
    await expectAccessible(citizen);
    await screenshot(citizen, 'applications-17-check-document-phone');

    // Public tracking by number: status and timeline, no personal data.
    const visitor = await openPage(PHONE);
    await visitor.goto(`${url}/lacak`);
    await visitor.getByLabel('Nomor permohonan').fill(number.toLowerCase());
    await visitor.getByRole('button', { name: 'Lacak', exact: true }).click();
    await visitor.getByTestId('tracking').waitFor();
    const text = (await visitor.getByTestId('tracking').textContent()) ?? '';
    expect(text).toContain('Sudah diunduh');
    for (const secret of [DEMO_CITIZEN.displayName, DEMO_CITIZEN.nik, 'Bambang', 'buram']) expect(text).not.toContain(secret);
    await expectAccessible(visitor);
    await screenshot(visitor, 'applications-18-public-tracking-phone');
  });

  it('speaks English too', async () => {
    await citizen.goto(`${url}/saya/permohonan/${number}`);
    await citizen.getByRole('button', { name: /English/ }).click();
    await heading(citizen, 'Birth certificate');
    await citizen.getByText('Downloaded').first().waitFor();
    await screenshot(citizen, 'applications-19-english-phone');
  });
});
