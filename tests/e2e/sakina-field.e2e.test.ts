import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { wibDateOf } from '../../src/catalogue/calendar/local-date.ts';
import { recordVisit, registerWoman } from '../../src/sakina/testing.ts';
import { seedSakina } from '../../src/sakina/seed.ts';
import type { Session, TestPlatform } from '../support/app.ts';
import { launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { closeBrowsing, expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * SAKINA in the field, on a phone: the midwife retracts a KSPR factor ticked by mistake (reason,
 * confirmation, struck through in the history), sets the laskar team, each member reads their
 * own alerts, and a kader without signal files a report that waits on the phone and reaches the
 * midwife once when the signal returns. Screens in test-results/screenshots/sakina-field-*.png.
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e tests/e2e/sakina-field.e2e.test.ts`.
 */

let platform: TestPlatform & { url: string };
let browser: Browser;
let api: Session;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const WOMAN = 'Siti Maemunah';
let womanId = '';

beforeAll(async () => {
  requireBuiltWeb();
  platform = await startTestServer({ start: new Date() });
  await seedSakina(platform.ctx.db, platform.ctx.regencyCode, { demo: true, demoRecords: false, today: wibDateOf(platform.clock.now) });
  api = await platform.as('bidan.sempu');
  // Anaemia found at 10 weeks; breech ticked by mistake at 34 weeks: 2 + 4 + 8 = 14, KRST.
  womanId = await registerWoman(platform, api, { name: WOMAN, gaDays: 240, birthDate: '1996-04-12', gravida: 2, para: 1 });
  await recordVisit(platform, api, womanId, { daysAgo: 170, factors: ['anaemia'], hb: 9.6 });
  await recordVisit(platform, api, womanId, { daysAgo: 2, factors: ['breech'], examiner: 'doctor' });
  browser = await launchBrowser();
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await closeBrowsing(contexts, browser, platform);
});

async function openPage(): Promise<{ page: Page; context: BrowserContext }> {
  const page = await openTrackedPage(browser, PHONE, {
    errors: pageErrors,
    contexts,
    // A request that fails while offline is the point of the offline test, not a page error.
    ignoreConsole: /Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_FAILED|Failed to fetch/,
  });
  return { page, context: page.context() };
}

const signIn = (page: Page, username: string) => signInStaff(page, platform.url, username, '/sakina', { waitForHeading: true });

describe('SAKINA field screens on a phone', () => {
  let bidan: Page;
  let kader: Page;
  let kaderContext: BrowserContext;

  it('the midwife retracts a factor ticked by mistake: reason, confirmation, score falls, history keeps it struck through', async () => {
    ({ page: bidan } = await openPage());
    await signIn(bidan, 'bidan.sempu');
    await bidan.goto(`${platform.url}/sakina/ibu/${womanId}`);
    await bidan.getByRole('heading', { level: 1, name: WOMAN }).waitFor();
    const card = bidan.locator('section', { has: bidan.getByRole('heading', { name: 'Kartu Skor Poedji Rochjati' }) });
    await expect(card.locator('.sk-score__number').textContent()).resolves.toBe('14');

    await card.getByRole('button', { name: /Batalkan faktor .*Letak sungsang/ }).click();
    // No reason, no retraction.
    await card.getByRole('button', { name: 'Lanjut' }).click();
    await card.getByText('Tuliskan alasannya (paling sedikit 3 karakter).').waitFor();
    await card.getByLabel('Alasan pembatalan').fill('Salah centang: USG menunjukkan presentasi kepala');
    await card.getByRole('button', { name: 'Lanjut' }).click();
    await card.getByText('Skor KSPR turun dari 14 menjadi 6').waitFor();
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-field-retract-confirm-phone');
    await card.getByRole('button', { name: 'Ya, batalkan faktor' }).click();

    await bidan.getByText(/Faktor “17 Letak sungsang” dibatalkan|Faktor “II\.17 Letak sungsang” dibatalkan/).waitFor();
    await expect.poll(() => card.locator('.sk-score__number').textContent()).toBe('6');
    await expect(card.getByRole('button', { name: /Batalkan faktor .*Letak sungsang/ }).count()).resolves.toBe(0);
    const struck = card.getByTestId('retracted-factor');
    await expect(struck.count()).resolves.toBe(1);
    await expect(struck.locator('del').textContent()).resolves.toContain('Letak sungsang');
    const retraction = card.getByTestId('retraction');
    await expect(retraction.textContent()).resolves.toContain('Salah centang: USG menunjukkan presentasi kepala');
    await expect(retraction.textContent()).resolves.toContain('Skor 14 (KRST) → 6 (KRT)');
    await retraction.scrollIntoViewIfNeeded();
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-field-retracted-history-phone');

    const record = (await api.get(`/api/sakina/pregnancies/${womanId}`)).json();
    expect(record.kspr).toMatchObject({ score: 6, category: 'KRT' });
  });

  it('the midwife sets the laskar team from the candidates; the kader sees it without editing', async () => {
    const team = bidan.locator('section', { has: bidan.getByRole('heading', { name: 'Tim laskar' }) });
    await team.getByRole('button', { name: 'Ubah tim' }).click();
    const police = team.getByLabel('Polisi (Bhabinkamtibmas)', { exact: true });
    await police.waitFor();
    await police.selectOption({ label: 'Brigpol Dedi Kurniawan (Bhabinkamtibmas cadangan)' });
    const backup = team.getByLabel('Polisi cadangan');
    const backupOptions = await backup.locator('option').allTextContents();
    const primaryName = backupOptions.find((o) => o !== '— belum dipilih —' && !o.startsWith('Brigpol Dedi'))!;
    await backup.selectOption({ label: primaryName });
    await expectAccessible(bidan);
    await screenshot(bidan, 'sakina-field-team-edit-phone');
    await team.getByRole('button', { name: 'Simpan tim' }).click();
    await bidan.getByText('Tim laskar tersimpan.').waitFor();
    const shown = bidan.getByTestId('team');
    await expect.poll(() => shown.textContent()).toContain('Brigpol Dedi Kurniawan');
    await screenshot(bidan, 'sakina-field-team-saved-phone');

    const members = (await api.get(`/api/sakina/pregnancies/${womanId}`)).json().team as { duty: string; name: string }[];
    expect(members.find((m) => m.duty === 'police')?.name).toBe('Brigpol Dedi Kurniawan (Bhabinkamtibmas cadangan)');
    expect(members.find((m) => m.duty === 'police_backup')?.name).toBe(primaryName);

    ({ page: kader, context: kaderContext } = await openPage());
    await signIn(kader, 'kader.sempu');
    await kader.goto(`${platform.url}/sakina/ibu/${womanId}`);
    await kader.getByRole('heading', { level: 1, name: WOMAN }).waitFor();
    await expect.poll(() => kader.getByTestId('team').textContent()).toContain('Brigpol Dedi Kurniawan');
    await expect(kader.getByRole('button', { name: 'Ubah tim' }).count()).resolves.toBe(0);
    await expect(kader.getByRole('button', { name: /Batalkan faktor/ }).count()).resolves.toBe(0);
  });

  it('each member reads their own alerts: one, then all; the midwife\'s stay unread', async () => {
    await kader.goto(`${platform.url}/sakina`);
    const alerts = kader.locator('section', { has: kader.getByRole('heading', { name: /^Peringatan/ }) });
    const count = alerts.getByTestId('unread-count');
    await count.waitFor();
    const before = Number(await count.textContent());
    expect(before).toBeGreaterThanOrEqual(1);
    await expectAccessible(kader);
    await screenshot(kader, 'sakina-field-alerts-unread-phone');

    await alerts.getByRole('button', { name: /^Tandai dibaca: .*Siti Maemunah/ }).first().click();
    if (before > 1) await expect.poll(async () => Number(await count.textContent())).toBe(before - 1);
    else await expect.poll(() => count.count()).toBe(0);
    if (before > 1) {
      await alerts.getByRole('button', { name: 'Tandai semua dibaca' }).click();
      await expect.poll(() => count.count()).toBe(0);
    }
    await alerts.getByText('semua sudah dibaca').waitFor();
    await expect(alerts.locator('[data-testid="alert"][data-read="false"]').count()).resolves.toBe(0);
    await screenshot(kader, 'sakina-field-alerts-read-phone');

    // Read state is per person: the midwife still has hers unread.
    await bidan.goto(`${platform.url}/sakina`);
    const midwifeAlerts = bidan.locator('section', { has: bidan.getByRole('heading', { name: /^Peringatan/ }) });
    await midwifeAlerts.getByTestId('unread-count').waitFor();
    expect(Number(await midwifeAlerts.getByTestId('unread-count').textContent())).toBeGreaterThanOrEqual(1);
  });

  it('a kader without signal files a report: it waits on the phone, then reaches the midwife once', async () => {
    const OFFLINE = 'Ibu Tanpa Sinyal';
    await kader.goto(`${platform.url}/sakina/lapor`);
    await kader.getByLabel('Nama ibu').fill(OFFLINE);
    await kader.getByLabel(/^Dusun/).fill('Sumberagung');
    await kaderContext.setOffline(true);
    await kader.getByRole('button', { name: 'Kirim laporan' }).click();
    await kader.getByText('Tersimpan di ponsel, akan dikirim saat ada sinyal').waitFor();
    await expect(kader.getByTestId('pending-count').textContent()).resolves.toBe('1 laporan menunggu sinyal');
    await expectAccessible(kader);
    await screenshot(kader, 'sakina-field-offline-saved-phone');

    // A second report while still offline: two waiting.
    await kader.getByRole('button', { name: 'Laporkan ibu lain' }).click();
    await kader.getByLabel('Nama ibu').fill(`${OFFLINE} Dua`);
    await kader.getByRole('button', { name: 'Kirim laporan' }).click();
    await expect.poll(() => kader.getByTestId('pending-count').textContent()).toBe('2 laporan menunggu sinyal');
    const stored = await kader.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sakina.pendingReports')).map((k) => JSON.parse(localStorage.getItem(k)!) as { clientId: string }[]));
    expect(stored.flat()).toHaveLength(2);
    expect(((await api.get(`/api/sakina/pregnancies?q=${encodeURIComponent(OFFLINE)}`)).json().items as unknown[]).length).toBe(0);

    // Signal again: the online event sends both, once each.
    await kaderContext.setOffline(false);
    await kader.getByTestId('delivered-later').waitFor();
    await expect(kader.getByTestId('delivered-later').textContent()).resolves.toBe('2 laporan tersimpan sudah terkirim ke bidan.');
    await expect(kader.getByTestId('pending-count').count()).resolves.toBe(0);
    await screenshot(kader, 'sakina-field-offline-delivered-phone');

    // The midwife's list: each report once.
    await bidan.goto(`${platform.url}/sakina`);
    const reports = bidan.locator('section', { has: bidan.getByRole('heading', { name: 'Laporan kader menunggu konfirmasi' }) });
    await reports.getByText(OFFLINE, { exact: true }).waitFor();
    await expect(reports.getByText(OFFLINE, { exact: true }).count()).resolves.toBe(1);
    await expect(reports.getByText(`${OFFLINE} Dua`, { exact: true }).count()).resolves.toBe(1);
    await screenshot(bidan, 'sakina-field-offline-arrived-midwife-phone');
  });

  it('a report whose answer is lost on the way is kept, sent again on the next page load, and recorded once', async () => {
    const LOST = 'Ibu Jawaban Hilang';
    await kader.goto(`${platform.url}/sakina/lapor`);
    await kader.getByLabel('Nama ibu').fill(LOST);
    // The request reaches the server; the answer never reaches the phone.
    await kader.route('**/api/sakina/reports', async (route) => {
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await kader.getByRole('button', { name: 'Kirim laporan' }).click();
    await kader.getByText('Tersimpan di ponsel, akan dikirim saat ada sinyal').waitFor();
    expect(((await api.get(`/api/sakina/pregnancies?q=${encodeURIComponent(LOST)}`)).json().items as unknown[]).length).toBe(1);

    await kader.unroute('**/api/sakina/reports');
    await kader.goto(`${platform.url}/sakina`);
    await kader.getByTestId('delivered-later').waitFor();
    await expect(kader.getByTestId('pending-report').count()).resolves.toBe(0);
    await screenshot(kader, 'sakina-field-resent-on-load-phone');
    const items = (await api.get(`/api/sakina/pregnancies?q=${encodeURIComponent(LOST)}`)).json().items as { name: string }[];
    expect(items.map((w) => w.name)).toEqual([LOST]);
  });
});
