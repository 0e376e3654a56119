import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedQueueDemo } from '../../src/queue/seeder.ts';
import type { Session, TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, screenshot } from '../support/browser.ts';
import { expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * The MPP admin's queue console (/admin/antrian): changes the slot capacity of a service and the
 * weight of a priority group, pairs a kiosk (token shown once) and revokes it, and each change takes
 * effect where citizens and kiosks meet it (the public slots API, the kiosk API). Screens are
 * photographed into test-results/screenshots/queue-admin-*.png and checked with axe.
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e tests/e2e/queue-admin.e2e.test.ts`.
 */

let platform: TestPlatform & { url: string };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: Session;
const pageErrors: string[] = [];
const MPP = 'mpp-banyuwangi';
const TODAY = '2026-11-30'; // the test clock: Monday 30 November 2026, 09:00 WIB

beforeAll(async () => {
  requireBuiltWeb();
  platform = await startTestServer({ catalogue: true });
  await seedQueueDemo(platform.database.db, platform.ctx.regencyCode);
  api = await platform.as('admin');
  browser = await launchBrowser();
  page = await openTrackedPage(browser, DESKTOP, { errors: pageErrors });
  context = page.context();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.url });
}, 300_000);

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await platform?.close();
});

describe('queue administration', () => {
  it('the admin home links to the queue console, which opens on the admin’s own point', async () => {
    await signInStaff(page, platform.url, 'admin', '/admin', { next: true });
    await page.getByRole('link', { name: /Pengaturan antrian/ }).click();
    await page.waitForURL(`${platform.url}/admin/antrian`);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /Mal Pelayanan Publik/ }).count()).toBe(1);
    // The points the admin is not bound to are listed, but cannot be chosen.
    const select = page.getByLabel('Titik layanan yang diatur');
    expect(await select.inputValue()).toBe(MPP);
    expect(await page.locator('option[value="ppp-genteng"]').isDisabled()).toBe(true);
    await page.getByLabel('Cari titik layanan').fill('genteng');
    const found = await select.locator('option:not([value="mpp-banyuwangi"])').allTextContents();
    expect(found).toContain('Pasar Pelayanan Publik Genteng (bukan tempat tugas Anda)');
    expect(found.some((name) => /^Smart Kampung Desa Genteng/.test(name))).toBe(true); // villages are searchable
    expect(found.every((name) => /Genteng.*\(bukan tempat tugas Anda\)$/.test(name))).toBe(true);
    await page.getByLabel('Cari titik layanan').fill('');
    await expect.poll(() => page.getByRole('tab', { name: 'Aturan urutan', selected: true }).count()).toBe(1);
    // Keyboard: arrow keys move between the tabs.
    await page.getByRole('tab', { name: 'Aturan urutan' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Layanan dan kuota', selected: true }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Layanan dan kuota');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: 'Aturan urutan', selected: true }).count()).toBe(1);
    await screenshot(page, 'queue-admin-policy');
    await expectAccessible(page);
  });

  it('changes a priority group’s weight; a wrong weight is named next to its field; the kiosk sees the new weight', async () => {
    const weight = page.locator('tr[data-group="lansia"] input.qa-number');
    await weight.fill('0');
    await page.getByRole('button', { name: 'Simpan aturan' }).click();
    const error = page.locator('tr[data-group="lansia"] .field__error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Isi bilangan bulat dari 1 sampai 100');
    expect(await weight.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'queue-admin-policy-error');
    await expectAccessible(page);

    await weight.fill('7');
    await page.getByRole('button', { name: 'Simpan aturan' }).click();
    await page.getByText('Aturan urutan tersimpan dan langsung berlaku.').waitFor();
    expect(await page.locator('tr[data-group="lansia"] .field__error').count()).toBe(0);
    const saved = (await api.get(`/api/queue/points/${MPP}/settings`)).json().settings.policy.groups as { code: string; weight: number }[];
    expect(saved.find((g) => g.code === 'lansia')?.weight).toBe(7);
  });

  it('adds a priority group (its code checked by the API), then removes it: groups are configured, not built in', async () => {
    const groups = async () => ((await api.get(`/api/queue/points/${MPP}/settings`)).json().settings.policy.groups as { code: string; label: { id: string }; weight: number }[]).map((g) => g.code);
    await page.getByRole('button', { name: 'Tambah kelompok' }).click();
    const row = page.locator('.qa-groups tbody tr').last();
    const [code, nameId, nameEn, weight] = [0, 1, 2, 3].map((i) => row.locator('input').nth(i));
    await code!.fill('Veteran!');
    await nameId!.fill('Veteran pejuang');
    await nameEn!.fill('War veteran');
    await weight!.fill('1');
    await page.getByRole('button', { name: 'Simpan aturan' }).click();
    await row.locator('.field__error').waitFor();
    expect(await row.locator('.field__error').textContent()).toBe('Kode: huruf kecil, angka, garis bawah');
    expect(await groups()).toEqual(['disabilitas', 'lansia', 'ibu_hamil']);
    await code!.fill('veteran');
    await page.getByRole('button', { name: 'Simpan aturan' }).click();
    await page.getByText('Aturan urutan tersimpan dan langsung berlaku.').waitFor();
    expect(await groups()).toEqual(['disabilitas', 'lansia', 'ibu_hamil', 'veteran']);
    // Saved groups keep their code (tickets refer to it): the code field turns read-only.
    expect(await page.locator('tr[data-group="veteran"] .qa-group-code').getAttribute('readonly')).not.toBeNull();
    await screenshot(page, 'queue-admin-policy-groups');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Hapus kelompok Veteran pejuang' }).click();
    expect(await page.locator('tr[data-group="veteran"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Simpan aturan' }).click();
    await expect.poll(groups).toEqual(['disabilitas', 'lansia', 'ibu_hamil']);
  });

  it('changes a service’s slot capacity in the drawer, with field errors from the API; the public slots follow', async () => {
    await page.getByRole('tab', { name: 'Layanan dan kuota' }).click();
    await page.getByLabel('Cari layanan').fill('kk-baru');
    await page.getByRole('button', { name: /^Ubah pengaturan Penerbitan Kartu Keluarga/ }).first().click();
    const drawer = page.getByRole('dialog', { name: 'Pengaturan layanan' });
    await drawer.waitFor();
    // Escape closes the drawer without saving; it opens again from the same row.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Ubah pengaturan Penerbitan Kartu Keluarga/ }).first().click();
    await drawer.waitFor();
    const capacity = drawer.getByLabel(/Kapasitas per slot/);
    expect(await capacity.inputValue()).toBe('4');
    await capacity.fill('0');
    await drawer.getByLabel(/pada pukul/).fill('7 pagi');
    await drawer.getByRole('button', { name: 'Simpan' }).click();
    await drawer.locator('.field__error').first().waitFor();
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    expect(await drawer.getByLabel(/pada pukul/).getAttribute('aria-invalid')).toBe('true');
    expect(await drawer.getByText('Jam berformat JJ:MM').count()).toBe(1);
    expect(await drawer.getByText('Isi bilangan bulat dari 1 sampai 1000').count()).toBe(1);
    await screenshot(page, 'queue-admin-service-drawer-error');
    await expectAccessible(page);

    await capacity.fill('9');
    await drawer.getByLabel(/pada pukul/).fill('07:00');
    await drawer.getByRole('button', { name: 'Simpan' }).click();
    await drawer.waitFor({ state: 'detached' });
    await page.getByText(/Pengaturan .* tersimpan\./).waitFor();
    await expect.poll(() => page.locator('[data-capacity="kk-baru"]').textContent()).toBe('9');
    // The dense table fits the desktop: the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'queue-admin-services');
    await expectAccessible(page);

    const slots = (await platform.anonymous.get(`/api/queue/points/${MPP}/services/kk-baru/slots?date=${TODAY}`)).json() as { slots: { capacity: number }[] };
    expect(slots.slots.length).toBeGreaterThan(0);
    expect(slots.slots.every((s) => s.capacity === 9)).toBe(true);
  });

  it('pairs a kiosk (token shown once, copied), the kiosk works; revoking it after a confirmation stops it', async () => {
    await page.getByRole('tab', { name: 'Kios' }).click();
    await page.getByLabel(/^Nama kios/).fill('Kios lobi timur');
    await page.getByRole('button', { name: 'Pasangkan kios' }).click();
    const token = await page.getByLabel('Token kios').inputValue();
    expect(token.length).toBeGreaterThan(20);
    expect(await page.getByText(/hanya ditampilkan sekali/).count()).toBe(1);
    await page.getByRole('button', { name: 'Salin token' }).click();
    await page.getByText('Token disalin.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await screenshot(page, 'queue-admin-kiosk-token');
    await expectAccessible(page);
    const home = await platform.anonymous.get('/api/queue/kiosk', { 'x-kiosk-token': token });
    expect(home.statusCode).toBe(200);
    // The ordering rule changed above reaches the kiosk's priority buttons.
    expect(home.json().priorityGroups.find((g: { code: string }) => g.code === 'lansia').weight).toBe(7);

    await page.getByRole('button', { name: 'Sudah saya salin' }).click();
    expect(await page.getByLabel('Token kios').count()).toBe(0);
    await page.getByRole('button', { name: 'Cabut kios Kios lobi timur' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cabut kios?' });
    await confirm.waitFor();
    await screenshot(page, 'queue-admin-kiosk-revoke');
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Ya, cabut kios' }).click();
    await page.getByText('Kios "Kios lobi timur" telah dicabut.').waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Kios lobi timur/ }).getByText('Dicabut').count()).toBe(1);
    expect((await platform.anonymous.get('/api/queue/kiosk', { 'x-kiosk-token': token })).statusCode).toBe(401);
    await screenshot(page, 'queue-admin-kiosks');
    await expectAccessible(page);
  });

  it('reads in English too', async () => {
    await page.evaluate(() => localStorage.setItem('satupintu.lang', 'en'));
    await page.goto(`${platform.url}/admin/antrian?titik=${MPP}`);
    await page.getByRole('tab', { name: 'Ordering rule', selected: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Queue settings' }).count()).toBe(1);
    await screenshot(page, 'queue-admin-policy-en');
    await expectAccessible(page);
  });
});
