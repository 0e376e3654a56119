import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { wibDateOf } from '../../src/catalogue/calendar/local-date.ts';
import { PWS_KIA_FIRST_ROW } from '../../src/sakina/figures-xlsx.ts';
import { seedSakina } from '../../src/sakina/seed.ts';
import type { TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { closeBrowsing, expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * SAKINA figures in the browser: the puskesmas's midwife sets a village's yearly target (sasaran
 * ibu hamil) on the dashboard and sees its K1 coverage change, then downloads the PWS-KIA sheet as
 * Excel and finds the new target in it; the leader opens the dashboard from the card on his home
 * and sees the figures, no targets form and no woman. Screens at desktop and phone width go to
 * test-results/screenshots/sakina-figures-*.png.
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e tests/e2e/sakina-figures.e2e.test.ts`.
 */

let platform: TestPlatform & { url: string };
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
let year = 0;

beforeAll(async () => {
  requireBuiltWeb();
  // The browser counts "this month" from the machine's clock: the server's clock must agree with it.
  platform = await startTestServer({ start: new Date() });
  await seedSakina(platform.ctx.db, platform.ctx.regencyCode, { demo: true, demoRecords: true, today: wibDateOf(platform.clock.now) });
  year = Number(wibDateOf(platform.clock.now).slice(0, 4));
  browser = await launchBrowser();
}, 120_000);

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await closeBrowsing(contexts, browser, platform);
});

const openPage = (viewport = DESKTOP) =>
  openTrackedPage(browser, viewport, { errors: pageErrors, contexts, acceptDownloads: true, ignoreConsole: /Failed to load resource/ });

const signIn = (page: Page, username: string, home: string) => signInStaff(page, platform.url, username, home, { waitForHeading: true });

/** Sempu's K1 cell in the per-village table: "12 (12.5%)". */
function sempuK1(page: Page) {
  const table = page.getByRole('region', { name: 'Rekap per desa' });
  return table.locator('tr', { has: page.getByRole('cell', { name: 'Sempu', exact: true }) }).locator('td').nth(2);
}

describe('SAKINA figures: targets, coverage and the PWS-KIA workbook', () => {
  let bidan: Page;

  it('the midwife sets Sempu\'s target and sees its K1 coverage follow', async () => {
    bidan = await openPage(DESKTOP);
    await signIn(bidan, 'bidan.sempu', '/sakina');
    await bidan.getByRole('link', { name: /Dasbor puskesmas/ }).first().click();
    await bidan.waitForURL(`${platform.url}/sakina/dasbor`);
    await bidan.getByRole('heading', { level: 1, name: 'Dasbor SAKINA' }).waitFor();
    await bidan.getByRole('heading', { name: `Sasaran ibu hamil ${year}` }).waitFor();

    const input = bidan.getByLabel(`Sasaran ibu hamil Desa Sempu tahun ${year}`);
    expect(await input.inputValue()).toBe('96'); // the seeded target
    const before = (await sempuK1(bidan).textContent())!;
    const k1 = Number(/^(\d+) /.exec(before)![1]);
    expect(k1).toBeGreaterThan(0);
    expect(before).toBe(`${k1} (${((Math.round((k1 / 96) * 1000) / 10).toFixed(1))}%)`);

    // A bad number is refused under its input, and nothing changes.
    await input.fill('-3');
    await bidan.getByRole('button', { name: 'Simpan sasaran' }).click();
    await bidan.getByText('Tidak boleh negatif').waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(bidan);

    // Half the target: twice the coverage.
    await input.fill('48');
    await input.press('Enter');
    await bidan.getByText('Sasaran tersimpan. Cakupan sudah dihitung ulang.').waitFor();
    const after = `${k1} (${((Math.round((k1 / 48) * 1000) / 10).toFixed(1))}%)`;
    await expect.poll(() => sempuK1(bidan).textContent()).toBe(after);
    const targetCell = bidan.getByRole('region', { name: 'Rekap per desa' }).locator('tr', { has: bidan.getByRole('cell', { name: 'Sempu', exact: true }) }).locator('td').nth(1);
    expect(await targetCell.textContent()).toBe('48');
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-figures-midwife-targets-desktop');
    await bidan.setViewportSize(PHONE);
    await bidan.getByRole('heading', { name: `Sasaran ibu hamil ${year}` }).scrollIntoViewIfNeeded();
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-figures-midwife-targets-phone');
    // The form itself, close up (the full page is long).
    await bidan.locator('section.sk-targets').screenshot({ path: path.resolve('test-results/screenshots/sakina-figures-midwife-targets-form-phone.png') });
    await bidan.setViewportSize(DESKTOP);
  });

  it('the midwife downloads the PWS-KIA sheet as a real Excel workbook with the new target', async () => {
    const [download] = await Promise.all([bidan.waitForEvent('download'), bidan.getByRole('link', { name: 'Unduh Excel (PWS-KIA)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^pws-kia-pkm-sempu-\d{4}-\d{2}\.xlsx$/);
    const file = fs.readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['PWS-KIA Sempu', 'Keterangan']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('PEMANTAUAN WILAYAH SETEMPAT KESEHATAN IBU DAN ANAK (PWS-KIA)');
    expect(ws.getCell(PWS_KIA_FIRST_ROW, 2).value).toBe('Sempu');
    expect(ws.getCell(PWS_KIA_FIRST_ROW, 3).value).toBe(48);
    // The CSV is still there beside it.
    await bidan.getByRole('link', { name: 'Unduh CSV (PWS-KIA)' }).waitFor();
  });

  it('the leader opens the SAKINA dashboard from his home and sees figures only', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'pimpinan', '/dasbor');
    await page.getByRole('link', { name: /Hasil program SAKINA/ }).click();
    await page.waitForURL(`${platform.url}/sakina/dasbor`);
    await page.getByTestId('tiles').waitFor();
    await page.getByRole('cell', { name: 'Jumlah Puskesmas Sempu' }).waitFor();
    expect(await page.getByRole('heading', { name: `Sasaran ibu hamil ${year}` }).count()).toBe(0);
    expect(await page.getByRole('spinbutton').count()).toBe(0);
    await page.getByRole('link', { name: 'Unduh Excel (PWS-KIA)' }).waitFor();
    // Sempu's new target is in the leader's figures too.
    await expect.poll(() => page.getByRole('region', { name: 'Rekap per desa' }).locator('tr', { has: page.getByRole('cell', { name: 'Sempu', exact: true }) }).locator('td').nth(1).textContent()).toBe('48');
    await expectAccessible(page);
    await screenshot(page, 'sakina-figures-leader-desktop');
    await page.setViewportSize(PHONE);
    await expectAccessible(page);
    await screenshot(page, 'sakina-figures-leader-phone');
    // The regency workbook: a summary, then each puskesmas.
    const names = await page.evaluate(async (href) => {
      const res = await fetch(href);
      return { type: res.headers.get('content-type'), size: (await res.arrayBuffer()).byteLength };
    }, (await page.getByRole('link', { name: 'Unduh Excel (PWS-KIA)' }).getAttribute('href'))!);
    expect(names.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(names.size).toBeGreaterThan(5000);
    // No woman's record for the leader; the way back is to his own dashboard.
    await page.goto(`${platform.url}/sakina`);
    await page.waitForURL(`${platform.url}/sakina/dasbor`);
    await page.getByRole('link', { name: 'Kembali ke dasbor pimpinan' }).click();
    await page.waitForURL(`${platform.url}/dasbor`);
  });

  it('speaks English on the same screen', async () => {
    await bidan.getByRole('button', { name: /English/ }).click();
    await bidan.getByRole('heading', { name: `Target pregnant women ${year}` }).waitFor();
    await bidan.getByRole('link', { name: 'Download Excel (PWS-KIA)' }).waitFor();
    expect(await bidan.getByLabel(`Target pregnant women, Sempu village, ${year}`).inputValue()).toBe('48');
    await bidan.getByText('Targets saved. Coverage has been recomputed.').waitFor();
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-figures-midwife-en-desktop');
  });
});
