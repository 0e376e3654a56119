import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedApplicationHistory } from '../../src/applications/seed-history.ts';
import type { TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { closeBrowsing, expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * The leader's SLA compliance page: from the "Kepatuhan SLA" card on /dasbor to the figures of the
 * demo history (headline cards, the chart per agency, the table opening to services), a CSV
 * download, the month range, and an agency processor who sees only their own agency. Screens at
 * desktop and phone width go to test-results/screenshots/dashboard-sla-*.png.
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e tests/e2e/dashboard-sla.e2e.test.ts`.
 */

let platform: TestPlatform & { url: string };
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  requireBuiltWeb();
  // The page's default months come from the browser's clock: the server's must agree with it.
  platform = await startTestServer({ start: new Date(), catalogue: true });
  await seedApplicationHistory(platform.ctx.db, platform.ctx.regencyCode, platform.clock.now);
  browser = await launchBrowser();
}, 180_000);

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await closeBrowsing(contexts, browser, platform);
});

const openPage = (viewport = DESKTOP, locale = 'id-ID') =>
  openTrackedPage(browser, viewport, { errors: pageErrors, contexts, locale, acceptDownloads: true, ignoreConsole: /Failed to load resource/ });

const signIn = (page: Page, username: string, home: string) => signInStaff(page, platform.url, username, home, { waitForHeading: true });

describe('SLA compliance on the leader’s dashboard', () => {
  let page: Page;

  it('the leader opens the card and sees the figures of the past months', async () => {
    page = await openPage(DESKTOP);
    await signIn(page, 'pimpinan', '/dasbor');
    await page.locator('a.feature', { has: page.getByRole('heading', { name: 'Kepatuhan SLA', exact: true }) }).click();
    await page.waitForURL(`${platform.url}/dasbor/sla`);
    await page.getByRole('heading', { level: 1, name: 'Kepatuhan SLA' }).waitFor();
    await page.getByText('Selesai tepat waktu', { exact: true }).waitFor();

    const api = await (await platform.as('pimpinan')).get('/api/applications/figures/sla');
    const figures = api.json();
    const onTime = page.locator('.sla-tile', { hasText: 'Selesai tepat waktu' }).locator('.sla-tile__value');
    expect(await onTime.textContent()).toBe(`${figures.total.all.onTimePercent.toLocaleString('id-ID')}%`);
    const lateOpen = page.locator('.sla-tile', { hasText: 'Terlambat, belum selesai' }).locator('.sla-tile__value');
    expect(await lateOpen.textContent()).toBe(String(figures.total.all.openLate));
    await page.getByRole('img', { name: 'Persentase selesai tepat waktu per instansi' }).waitFor();

    // The agency table opens to its services.
    const table = page.getByRole('table', { name: /Kepatuhan SLA per instansi/ });
    const capil = figures.agencies.find((a: { code: string }) => a.code === 'dispendukcapil');
    const toggle = table.getByRole('button', { name: `Tampilkan layanan ${capil.shortName}` });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const hide = table.getByRole('button', { name: `Sembunyikan layanan ${capil.shortName}` });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    await table.getByRole('rowheader', { name: capil.services[0].name.id, exact: true }).waitFor();
    expect(await table.locator('tfoot td').first().textContent()).toBe(String(figures.total.all.filed));
    await expectAccessible(page);
    await screenshot(page, 'dashboard-sla-desktop');
  });

  it('downloads the figures as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kepatuhan-sla-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^tingkat,kode_instansi,instansi,kode_layanan,layanan,bulan,diajukan,selesai/);
    expect(lines.some((l) => l.startsWith('instansi,dispendukcapil,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('layanan,dispendukcapil,'))).toBe(true);
  });

  it('narrows to a range of months', async () => {
    const api = (await (await platform.as('pimpinan')).get('/api/applications/figures/sla')).json();
    const [, second, third] = api.months as string[];
    await page.getByLabel('Dari bulan').fill(second!);
    await page.getByLabel('Sampai bulan').fill(third!);
    await page.getByRole('button', { name: 'Tampilkan', exact: true }).click();
    const monthly = page.getByRole('table', { name: 'Per bulan, seluruh kabupaten' });
    await expect.poll(() => monthly.locator('tbody tr').count()).toBe(2);
    expect(await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href')).toContain(`from=${second}&to=${third}`);
  });

  it('reads well on a phone', async () => {
    const phone = await openPage(PHONE);
    await signIn(phone, 'pimpinan', '/dasbor');
    await phone.goto(`${platform.url}/dasbor/sla`);
    await phone.getByText('Selesai tepat waktu', { exact: true }).waitFor();
    await phone.getByRole('img', { name: 'Persentase selesai tepat waktu per instansi' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await expectAccessible(phone);
    await screenshot(phone, 'dashboard-sla-phone');
  });

  it('an agency processor sees only their own agency', async () => {
    const capil = await openPage(DESKTOP);
    await signIn(capil, 'capil', '/instansi');
    await capil.goto(`${platform.url}/dasbor/sla`);
    await capil.getByText('Angka instansi Anda saja.').waitFor();
    const table = capil.getByRole('table', { name: /Kepatuhan SLA per instansi/ });
    expect(await table.locator('tbody tr.sla-agency').count()).toBe(1);
    await expectAccessible(capil);
    await screenshot(capil, 'dashboard-sla-agency-desktop');

    // English second: the same page, every word switched.
    await capil.getByRole('button', { name: /English/ }).click();
    await capil.getByRole('heading', { level: 1, name: 'SLA compliance' }).waitFor();
    await capil.getByText('Your agency’s figures only.').waitFor();
    await capil.getByRole('table', { name: /SLA compliance per agency/ }).waitFor();
    expect(await capil.getByText('Selesai tepat waktu').count()).toBe(0);
    await expectAccessible(capil);
    await screenshot(capil, 'dashboard-sla-agency-en-desktop');
  });
});
