import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { wibDateOf } from '../../src/catalogue/calendar/local-date.ts';
import { buildNik } from '../../src/identity/nik.ts';
import { scanPregnancies } from '../../src/sakina/jobs.ts';
import { seedSakina } from '../../src/sakina/seed.ts';
import type { TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { closeBrowsing, expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * SAKINA end to end, as issue 6 asks: a kader reports a pregnancy; the midwife confirms it, scores
 * it KRST on the KSPR card and fills the P4K birth plan; the kader asks for an escort when labour
 * starts; the police officer sees the task and accepts it, sets off and arrives; the midwife
 * records the delivery and looks at the puskesmas dashboard. Every role's screen is photographed at
 * phone width into test-results/screenshots/sakina-*.png.
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e tests/e2e/sakina.e2e.test.ts`.
 */

let platform: TestPlatform & { url: string };
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const WOMAN = 'Ratna Sari Dewi';
let recordUrl = '';

beforeAll(async () => {
  requireBuiltWeb();
  // The browser counts "today" from the machine's clock: the server's clock must agree with it.
  platform = await startTestServer({ start: new Date() });
  await seedSakina(platform.ctx.db, platform.ctx.regencyCode, { demo: true, demoRecords: true, today: wibDateOf(platform.clock.now) });
  // What the hourly job finds in the demo register (a due date near, a missed visit), as on a running server.
  await scanPregnancies(platform.ctx);
  browser = await launchBrowser();
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await closeBrowsing(contexts, browser, platform);
});

const openPage = (viewport = PHONE) => openTrackedPage(browser, viewport, { errors: pageErrors, contexts, ignoreConsole: /Failed to load resource/ });

const signIn = (page: Page, username: string, home = '/sakina') => signInStaff(page, platform.url, username, home, { waitForHeading: true });

const daysAgo = (n: number) => {
  const d = new Date(`${wibDateOf(platform.clock.now)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};

describe('SAKINA: from a kader\'s report to a safe delivery', () => {
  let kader: Page;
  let bidan: Page;
  let polisi: Page;

  it('the kader sees her village and reports a new pregnancy from her phone', async () => {
    kader = await openPage();
    await signIn(kader, 'kader.sempu');
    await kader.getByRole('heading', { level: 2, name: 'Tugas saya' }).waitFor();
    await kader.getByTestId('woman').first().waitFor();
    await expectAccessible(kader);
    await screenshot(kader, 'sakina-kader-home-phone');

    await kader.getByRole('link', { name: 'Laporkan kehamilan baru' }).first().click();
    await kader.waitForURL(`${platform.url}/sakina/lapor`);
    await kader.getByLabel('Nama ibu').fill(WOMAN);
    await kader.getByLabel(/^Dusun/).fill('Krajan');
    await kader.getByLabel(/^RT/).fill('3');
    await kader.getByLabel(/^RW/).fill('1');
    await kader.getByLabel(/^Nomor HP ibu/).fill('0812 3300 4455');
    await kader.getByLabel(/^Nama suami/).fill('Hendra Gunawan');
    await kader.getByLabel(/^Catatan untuk bidan/).fill('Telat haid, pernah operasi sesar di anak pertama.');
    await expectAccessible(kader);
    await screenshot(kader, 'sakina-kader-report-form-phone');
    await kader.getByRole('button', { name: 'Kirim laporan' }).click();
    await kader.getByText('Laporan terkirim ke bidan puskesmas.').waitFor();
    await screenshot(kader, 'sakina-kader-report-sent-phone');
  });

  it('the midwife confirms the report with NIK and HPHT', async () => {
    bidan = await openPage();
    await signIn(bidan, 'bidan.sempu');
    const reports = bidan.locator('section', { has: bidan.getByRole('heading', { name: 'Laporan kader menunggu konfirmasi' }) });
    await reports.getByText(WOMAN).waitFor();
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-midwife-home-phone');

    await reports.getByText(WOMAN).click();
    await bidan.getByRole('heading', { level: 1, name: WOMAN }).waitFor();
    recordUrl = bidan.url();
    await bidan.getByRole('link', { name: 'Konfirmasi dan daftarkan' }).click();
    await bidan.getByRole('heading', { level: 1, name: 'Konfirmasi laporan kader' }).waitFor();
    expect(await bidan.getByLabel('Nama ibu').inputValue()).toBe(WOMAN);
    await bidan.getByLabel('NIK').fill(buildNik({ kecamatanCode6: '351020', birthDate: '1994-07-19', sex: 'F', serial: 77 }));
    await bidan.getByLabel(/^HPHT/).fill(daysAgo(245));
    await bidan.getByText(/HPL otomatis/).waitFor();
    await bidan.getByLabel('Hamil ke- (G)').fill('2');
    await bidan.getByLabel('Persalinan (P)').fill('1');
    await bidan.getByLabel('Keguguran (A)').fill('0');
    await bidan.getByLabel(/^Tinggi badan/).fill('153');
    await bidan.getByLabel(/^Nomor kartu BPJS/).fill('0001234567811');
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-midwife-confirm-phone');
    await bidan.getByRole('button', { name: 'Konfirmasi dan daftarkan' }).click();
    await bidan.waitForURL(recordUrl);
    await bidan.getByText('Belum diskrining').first().waitFor();
    expect(await bidan.getByText('35 minggu').count()).toBeGreaterThan(0);
  });

  it('the midwife records a visit and scores KRST on the KSPR card', async () => {
    await bidan.getByRole('link', { name: 'Catat kunjungan' }).click();
    await bidan.getByRole('heading', { level: 1, name: 'Kunjungan antenatal' }).waitFor();
    await bidan.getByLabel('Pemeriksa', { exact: true }).selectOption('doctor');
    await bidan.getByLabel('Tekanan darah sistolik').fill('120');
    await bidan.getByLabel('Tekanan darah diastolik').fill('80');
    await bidan.getByLabel('Berat badan (kg)').fill('64');
    await bidan.getByLabel('Hb (g/dL)').fill('11,2');
    await bidan.getByLabel(/Pernah operasi sesar/).check();
    await bidan.getByLabel(/Letak sungsang/).check();
    expect(await bidan.getByTestId('kspr-total').textContent()).toBe('18');
    expect(await bidan.locator('.sk-tally').getByText('KRST · risiko sangat tinggi').count()).toBe(1);
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-midwife-kspr-phone');
    await bidan.getByRole('button', { name: 'Simpan kunjungan' }).click();
    await bidan.waitForURL(recordUrl);
    await bidan.getByText('Kunjungan tersimpan. Skor 18, KRST.').waitFor();
    expect(await bidan.locator('.sk-score__number').textContent()).toBe('18');
    // The laskar is formed: the village's kader and police officer, and a backup.
    await bidan.getByText('Bripka Agus (Bhabinkamtibmas Sempu)').waitFor();
    await bidan.getByText('Brigpol Dedi Kurniawan (Bhabinkamtibmas cadangan)').waitFor();
  });

  it('the midwife fills the P4K birth plan with four donors', async () => {
    await bidan.getByRole('link', { name: 'Isi / ubah P4K' }).click();
    await bidan.getByRole('heading', { level: 1, name: 'Rencana persalinan (P4K)' }).waitFor();
    // KRST: hospital and obstetrician are already chosen.
    expect(await bidan.getByLabel('Tempat persalinan').inputValue()).toBe('hospital');
    await bidan.getByLabel('Golongan darah ibu').fill('O+');
    const donors: [string, string, string][] = [
      ['Sugianto', 'O', '0812 3300 1001'],
      ['Siti Romlah', 'O+', '0812 3300 1002'],
      ['Bambang', 'O', '0812 3300 1003'],
      ['Lilik', 'O', '0812 3300 1004'],
    ];
    for (const [i, [name, type, phone]] of donors.entries()) {
      const box = bidan.getByRole('group', { name: `Pendonor ${i + 1}` });
      await box.getByLabel('Nama').fill(name);
      await box.getByLabel('Gol. darah').fill(type);
      await box.getByLabel('Nomor HP').fill(phone);
    }
    await bidan.getByLabel(/^Pendamping persalinan/).fill('Hendra Gunawan');
    await bidan.getByLabel(/^HP pengemudi/).fill('0812 3300 9999');
    await bidan.getByLabel('KB setelah bersalin').selectOption('iud');
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-midwife-p4k-phone');
    await bidan.getByRole('button', { name: 'Simpan P4K' }).click();
    await bidan.waitForURL(recordUrl);
    await bidan.getByText('Sugianto (O+), Siti Romlah (O+), Bambang (O+), Lilik (O+)').waitFor();
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-midwife-record-phone');
    const sticker = await bidan.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type') };
    }, `${recordUrl.replace(platform.url, '').replace('/sakina/ibu/', '/api/sakina/pregnancies/')}/sticker.pdf`);
    expect(sticker).toEqual({ status: 200, type: 'application/pdf' });
  });

  it('labour starts: the kader asks for an escort', async () => {
    await kader.goto(recordUrl);
    await kader.getByRole('heading', { level: 1, name: WOMAN }).waitFor();
    // The kader sees category and plan, never the score card or the visits.
    expect(await kader.getByText('Kartu Skor Poedji Rochjati').count()).toBe(0);
    expect(await kader.getByText('KRST · risiko sangat tinggi').count()).toBeGreaterThan(0);
    await kader.getByLabel('Alasan').selectOption('labour');
    await kader.getByRole('button', { name: 'Minta pendampingan' }).click();
    await kader.getByText('Permintaan pendampingan terkirim ke polisi dan cadangannya.').waitFor();
    await expectAccessible(kader);
    await screenshot(kader, 'sakina-kader-escort-requested-phone');
  });

  it('the police officer sees the escort task, accepts it, sets off and arrives', async () => {
    polisi = await openPage();
    await signIn(polisi, 'polisi.sempu');
    const card = polisi.getByTestId('escort').filter({ hasText: WOMAN });
    await card.waitFor();
    expect(await card.textContent()).toContain('RSUD Genteng');
    expect(await card.textContent()).not.toContain('KRST');
    await expectAccessible(polisi);
    await screenshot(polisi, 'sakina-police-escort-phone');

    await card.getByRole('button', { name: 'Terima tugas' }).click();
    await card.getByRole('button', { name: 'Berangkat' }).waitFor();
    expect(await card.textContent()).toContain('Diterima oleh Bripka Agus');
    await screenshot(polisi, 'sakina-police-accepted-phone');
    await card.getByRole('button', { name: 'Berangkat' }).click();
    await card.getByRole('button', { name: 'Sudah tiba' }).click();
    await card.getByText('Tiba di fasilitas').waitFor();
    await screenshot(polisi, 'sakina-police-arrived-phone');

    // The officer's view of her record: name, address, phone, due date — nothing clinical.
    await polisi.goto(recordUrl);
    await polisi.getByRole('heading', { level: 1, name: WOMAN }).waitFor();
    for (const hidden of ['Kartu Skor Poedji Rochjati', 'Kunjungan antenatal', 'NIK', 'Rencana persalinan (P4K)']) expect(await polisi.getByText(hidden, { exact: true }).count()).toBe(0);
    await expectAccessible(polisi);
    await screenshot(polisi, 'sakina-police-record-phone');
  });

  it('the midwife records the delivery at the hospital', async () => {
    await bidan.goto(recordUrl);
    await bidan.getByText('Tiba di fasilitas').first().waitFor();
    await bidan.getByRole('link', { name: 'Catat persalinan' }).click();
    await bidan.getByRole('heading', { level: 1, name: 'Catat persalinan' }).waitFor();
    expect(await bidan.getByLabel('Tempat', { exact: true }).inputValue()).toBe('hospital');
    await bidan.getByLabel(/^Jam/).fill('03:40');
    await bidan.getByLabel('Cara persalinan').selectOption('caesarean');
    await bidan.getByLabel('Jenis kelamin').selectOption('F');
    await bidan.getByLabel('Berat lahir (gram)').fill('3100');
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-midwife-outcome-phone');
    await bidan.getByRole('button', { name: 'Simpan persalinan' }).click();
    await bidan.waitForURL(recordUrl);
    await bidan.getByText('Persalinan tersimpan.').waitFor();
    await bidan.getByText('Perempuan, 3100 g, Lahir hidup').waitFor();
    await bidan.getByRole('button', { name: 'Data untuk akta kelahiran' }).click();
    await bidan.getByText('Hendra Gunawan').first().waitFor();
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-midwife-delivered-phone');
  });

  it('the puskesmas dashboard shows the month in PWS-KIA figures and charts', async () => {
    await bidan.goto(`${platform.url}/sakina/dasbor`);
    await bidan.getByRole('heading', { level: 1, name: 'Dasbor SAKINA' }).waitFor();
    await bidan.getByTestId('tiles').waitFor();
    await bidan.locator('canvas').first().waitFor();
    expect(await bidan.locator('canvas').count()).toBe(3);
    await bidan.getByRole('cell', { name: 'Jumlah Puskesmas Sempu' }).waitFor();
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-midwife-dashboard-phone');
    await bidan.setViewportSize(DESKTOP);
    await screenshot(bidan, 'sakina-midwife-dashboard-desktop');
    const csv = await bidan.evaluate(async () => (await fetch(document.querySelector<HTMLAnchorElement>('a[download]')!.href)).text());
    expect(csv).toContain('PEMANTAUAN WILAYAH SETEMPAT');
  });

  it('the leader sees the figures, and no woman', async () => {
    const page = await openPage();
    await signIn(page, 'pimpinan', '/dasbor');
    await page.goto(`${platform.url}/sakina`);
    await page.waitForURL(`${platform.url}/sakina/dasbor`);
    await page.getByTestId('tiles').waitFor();
    expect(await page.getByLabel('Puskesmas').locator('option').allTextContents()).toEqual(['Semua', 'Puskesmas Genteng Kulon', 'Puskesmas Sempu', 'Puskesmas Srono']);
    await screenshot(page, 'sakina-leader-dashboard-phone');
    await page.goto(recordUrl);
    await page.waitForURL(`${platform.url}/sakina/dasbor`);
  });

  it('speaks English too', async () => {
    await polisi.goto(`${platform.url}/sakina`);
    await polisi.getByRole('button', { name: /English/ }).click();
    await polisi.getByRole('heading', { name: 'High-risk women in my area' }).waitFor();
    await polisi.getByRole('heading', { name: 'Escorts' }).waitFor();
    await expectAccessible(polisi);
    await screenshot(polisi, 'sakina-police-home-en-phone');
  });
});
