import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { seedQueueDemo } from '../../src/queue/seeder.ts';
import type { TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, screenshot } from '../support/browser.ts';
import { closeBrowsing, expectAccessible, openTrackedPage, requireBuiltWeb, type Viewport } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * Pairing a kiosk by its token (issue #4): the MPP admin pairs a kiosk at /admin/antrian → Kios and
 * is shown the token once; on the kiosk device (another browser, nobody signed in) the token is
 * pasted into /kios, and the kiosk takes numbers. A wrong token is refused with a clear message;
 * once the admin revokes the kiosk, its next request puts it back on the unpaired screen with that
 * message. Staff can also unpair the device by pasting its token again. Screens are photographed
 * into test-results/screenshots/kiosk-token-*.png and checked with axe.
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e tests/e2e/kiosk-token.e2e.test.ts`.
 */

let platform: TestPlatform & { url: string };
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const MPP = 'mpp-banyuwangi';
const KIOSK = { width: 1080, height: 1500 };
const REFUSED = 'Token tidak berlaku atau sudah dicabut. Minta admin MPP memasangkan kios baru.';

beforeAll(async () => {
  requireBuiltWeb();
  platform = await startTestServer({ catalogue: true });
  await seedQueueDemo(platform.database.db, platform.ctx.regencyCode);
  browser = await launchBrowser();
}, 300_000);

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await closeBrowsing(contexts, browser, platform);
});

const openPage = (viewport: Viewport) =>
  openTrackedPage(browser, viewport, {
    errors: pageErrors,
    contexts,
    // The kiosk prints each ticket; a headless browser has no printer. The refused token is a 401
    // the page handles; the browser still logs the failed load (ignored by default).
    init: () => {
      window.print = () => undefined;
    },
  });

/** The admin's kiosk tab: pairs a kiosk by name and returns the token shown once. */
async function pairKiosk(admin: Page, name: string): Promise<string> {
  await admin.getByLabel(/^Nama kios/).fill(name);
  await admin.getByRole('button', { name: 'Pasangkan kios' }).click();
  const token = await admin.getByLabel('Token kios').inputValue();
  expect(token.length).toBeGreaterThan(20);
  return token;
}

async function takeTicket(kiosk: Page): Promise<void> {
  await kiosk.locator('.kiosk__tile').first().click();
  await kiosk.locator('.kiosk__service:not([disabled])').first().click();
  await kiosk.getByRole('button', { name: /^Tidak — Ambil nomor/ }).click();
}

describe('kiosk pairing by token', () => {
  let admin: Page;
  let kiosk: Page;
  let token: string;

  it('the admin pairs a kiosk; the token shown once says where to paste it', async () => {
    admin = await openPage(DESKTOP);
    await admin.goto(`${platform.url}/masuk/petugas?next=${encodeURIComponent(`/admin/antrian?titik=${MPP}`)}`);
    await admin.getByLabel('Nama pengguna').fill('admin');
    await admin.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Masuk', exact: true }).click();
    await admin.getByRole('tab', { name: 'Kios' }).click();
    await admin.getByText(/buka \/kios\?titik=mpp-banyuwangi di perangkat itu, isi "Pasang kios dengan token"/).waitFor();
    token = await pairKiosk(admin, 'Kios lobi barat');
    await admin.getByText(/buka \/kios di perangkat kios, lalu tempel di kolom "Token kios"/).waitFor();
    await expectAccessible(admin);
    await screenshot(admin, 'kiosk-token-admin-token');
    await admin.getByRole('button', { name: 'Sudah saya salin' }).click();
  });

  it('on the kiosk device a wrong token is refused; the token shown once pairs it, and it takes a number', async () => {
    kiosk = await openPage(KIOSK);
    await kiosk.goto(`${platform.url}/kios`);
    await kiosk.getByRole('heading', { level: 1, name: 'Perangkat ini belum dipasangkan sebagai kios.' }).waitFor();
    await kiosk.getByRole('heading', { level: 2, name: 'Pasang kios dengan token' }).waitFor();
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'kiosk-token-unpaired');

    await kiosk.getByLabel('Token kios').fill(`${token.slice(0, -4)}xxxx`);
    await kiosk.getByRole('button', { name: 'Pasang kios', exact: true }).click();
    await kiosk.getByText(REFUSED).waitFor();
    expect(await kiosk.evaluate(() => localStorage.getItem('satupintu.kiosk'))).toBeNull();
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'kiosk-token-wrong');

    await kiosk.getByLabel('Token kios').fill(` ${token} `);
    await kiosk.getByRole('button', { name: 'Pasang kios', exact: true }).click();
    await kiosk.getByRole('heading', { level: 1, name: 'Ambil nomor antrian' }).waitFor();
    expect(await kiosk.evaluate(() => localStorage.getItem('satupintu.kiosk'))).toBe(token);
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'kiosk-token-paired');

    // The device keeps its token: a reload stays paired.
    await kiosk.reload();
    await kiosk.getByRole('heading', { level: 1, name: 'Ambil nomor antrian' }).waitFor();
    await takeTicket(kiosk);
    await kiosk.getByTestId('ticket-print').waitFor();
    const number = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    expect(number).not.toBe('');
    const settings = await platform.anonymous.get('/api/queue/kiosk', { 'x-kiosk-token': token });
    expect(settings.statusCode).toBe(200);
    expect(settings.json().kiosk.name).toBe('Kios lobi barat');
    await kiosk.getByRole('button', { name: 'Selesai' }).click();
    await kiosk.getByRole('heading', { level: 1, name: 'Ambil nomor antrian' }).waitFor();
  });

  it('the admin revokes the kiosk; its next request puts it back on the unpaired screen with the message', async () => {
    await admin.getByRole('button', { name: 'Cabut kios Kios lobi barat' }).click();
    await admin.getByRole('dialog', { name: 'Cabut kios?' }).getByRole('button', { name: 'Ya, cabut kios' }).click();
    await admin.getByText('Kios "Kios lobi barat" telah dicabut.').waitFor();

    // The kiosk still shows its tiles until someone touches it.
    await takeTicket(kiosk);
    await kiosk.getByRole('heading', { level: 1, name: 'Perangkat ini belum dipasangkan sebagai kios.' }).waitFor();
    await kiosk.getByText(REFUSED).waitFor();
    expect(await kiosk.evaluate(() => localStorage.getItem('satupintu.kiosk'))).toBeNull();
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'kiosk-token-revoked');

    // The revoked token cannot pair it again.
    await kiosk.getByLabel('Token kios').fill(token);
    await kiosk.getByRole('button', { name: 'Pasang kios', exact: true }).click();
    // The notice above and now the field itself both say so.
    await expect.poll(() => kiosk.getByText(REFUSED).count()).toBe(2);
    await kiosk.getByRole('heading', { level: 1, name: 'Perangkat ini belum dipasangkan sebagai kios.' }).waitFor();
    expect(await kiosk.evaluate(() => localStorage.getItem('satupintu.kiosk'))).toBeNull();
  });

  it('staff unpair the device by pasting its token again; a passer-by without it cannot', async () => {
    token = await pairKiosk(admin, 'Kios lobi selatan');
    await admin.getByRole('button', { name: 'Sudah saya salin' }).click();
    await kiosk.getByLabel('Token kios').fill(token);
    await kiosk.getByRole('button', { name: 'Pasang kios', exact: true }).click();
    await kiosk.getByRole('heading', { level: 1, name: 'Ambil nomor antrian' }).waitFor();

    await kiosk.getByRole('button', { name: 'Lepas kios' }).click();
    await kiosk.getByRole('heading', { level: 1, name: 'Lepas kios dari perangkat ini' }).waitFor();
    await kiosk.getByLabel('Token kios').fill('salah');
    await kiosk.getByRole('button', { name: 'Ya, lepas kios' }).click();
    await kiosk.getByText('Token tidak cocok dengan token kios ini.').waitFor();
    expect(await kiosk.evaluate(() => localStorage.getItem('satupintu.kiosk'))).toBe(token);
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'kiosk-token-unpair');

    await kiosk.getByLabel('Token kios').fill(token);
    await kiosk.getByRole('button', { name: 'Ya, lepas kios' }).click();
    await kiosk.getByRole('heading', { level: 1, name: 'Perangkat ini belum dipasangkan sebagai kios.' }).waitFor();
    await kiosk.getByText('Kios telah dilepas dari perangkat ini.').waitFor();
    expect(await kiosk.evaluate(() => localStorage.getItem('satupintu.kiosk'))).toBeNull();
  });

  it('reads in English too', async () => {
    await kiosk.evaluate(() => localStorage.setItem('satupintu.lang', 'en'));
    await kiosk.reload();
    await kiosk.getByRole('heading', { level: 2, name: 'Pair the kiosk with a token' }).waitFor();
    await kiosk.getByLabel('Kiosk token').waitFor();
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'kiosk-token-unpaired-en');
  });
});
