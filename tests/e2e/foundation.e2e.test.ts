import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN, DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { latestCode, type TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { closeBrowsing, expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff, type Viewport } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * The web shell end to end: every audience signs in through the real UI against the real API,
 * lands on its own home with its own cards, passes axe, and is photographed (phone width for
 * citizens, desktop width for staff consoles) into test-results/screenshots/.
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e`.
 */

let platform: TestPlatform & { url: string };
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  requireBuiltWeb();
  platform = await startTestServer();
  browser = await launchBrowser();
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await closeBrowsing(contexts, browser, platform);
});

const openPage = (viewport: Viewport) => openTrackedPage(browser, viewport, { errors: pageErrors, contexts });
const signIn = (page: Page, username: string, home: string) => signInStaff(page, platform.url, username, home, { waitForHeading: true });

/** Feature cards by their heading; `soon` says whether the card must carry the "coming soon" badge. */
async function expectCard(page: Page, title: string, soon: boolean, badge = 'Segera hadir'): Promise<void> {
  const card = page.locator('.feature', { has: page.getByRole('heading', { name: title, exact: true }) });
  await expect(card.count()).resolves.toBe(1);
  if (soon) expect(await card.getByText(badge).count()).toBe(1);
  else expect(await card.evaluate((el) => el.tagName)).toBe('A');
}

async function expectNoCard(page: Page, title: string): Promise<void> {
  expect(await page.getByRole('heading', { name: title, exact: true }).count()).toBe(0);
}

async function expectHeader(page: Page, name: string, role: string): Promise<void> {
  expect(await page.getByTestId('user-name').textContent()).toBe(name);
  expect(await page.getByTestId('user-role').textContent()).toContain(role);
  expect(await page.getByRole('button', { name: 'Keluar' }).count()).toBe(1);
}

describe('web shell', () => {
  it('shows the public home at phone width, with the loading state in the HTML before any script runs', async () => {
    const html = await (await fetch(`${platform.url}/`)).text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Memuat halaman');
    expect(html).toMatch(/<meta name="theme-color"/);

    const page = await openPage(PHONE);
    await page.goto(`${platform.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Layanan publik Banyuwangi dalam satu pintu' }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Cari layanan' }).count()).toBe(1);
    await expectCard(page, 'Lacak permohonan', false);
    await expectCard(page, 'Masuk sebagai warga', false);
    expect(await page.getByRole('group', { name: /Bahasa/ }).getByRole('button').allTextContents()).toEqual(['ID Bahasa Indonesia', 'EN English']);
    await expectNoCard(page, 'Pengguna petugas');
    await expectAccessible(page);
    await screenshot(page, 'citizen-home-phone');

    await page.getByRole('searchbox', { name: 'Cari layanan' }).fill('ktp hilang');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.waitForURL(/\/layanan\?q=ktp\+hilang|\/layanan\?q=ktp%20hilang/);
    // The catalogue answers (this server has no catalogue seed: an honest "nothing found"); tests/e2e/catalogue.e2e.test.ts covers the rest.
    await page.getByRole('heading', { level: 2, name: 'Hasil untuk “ktp hilang”' }).waitFor();
    await page.getByText('Tidak ada layanan yang cocok dengan “ktp hilang”', { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'citizen-services-phone');
  });

  it('signs a citizen in with NIK, phone and the SMS code; shows "Data saya"; switches to English', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${platform.url}/masuk`);
    await page.getByRole('heading', { level: 1, name: 'Masuk sebagai warga' }).waitFor();

    // A wrong NIK is refused in the user's language, next to the field.
    await page.getByLabel('NIK').fill('123');
    await page.getByLabel('Nomor HP').fill('081234567890');
    await page.getByRole('button', { name: 'Kirim kode' }).click();
    await page.getByText('NIK terdiri dari 16 angka.').waitFor();
    expect(await page.getByLabel('NIK').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await screenshot(page, 'citizen-sign-in-error-phone');

    await page.getByLabel('NIK').fill(DEMO_CITIZEN.nik);
    await page.getByRole('button', { name: 'Kirim kode' }).click();
    await page.getByLabel('Kode dari SMS').waitFor();
    expect(await page.getByText(/kode 6 angka sedang dikirim ke/).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'citizen-sign-in-code-phone');

    const code = await latestCode(platform.ctx, '081234567890');
    await page.getByLabel('Kode dari SMS').fill(code);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(`${platform.url}/saya`);
    await page.getByRole('heading', { level: 1, name: `Halo, ${DEMO_CITIZEN.displayName}` }).waitFor();
    await expectHeader(page, DEMO_CITIZEN.displayName, 'Warga');
    await expectCard(page, 'Data saya', false);
    await expectCard(page, 'Permohonan saya', false);
    await expectNoCard(page, 'Pengguna petugas');
    await expectNoCard(page, 'Jejak audit');
    await expectAccessible(page);
    await screenshot(page, 'citizen-saya-phone');

    await page.getByRole('link', { name: /Data saya/ }).click();
    await page.waitForURL(`${platform.url}/saya/data`);
    const table = page.getByRole('table', { name: 'Catatan akses data pribadi Anda' });
    await table.waitFor();
    // Signing in is itself recorded against the citizen's NIK.
    expect(await table.getByRole('cell', { name: 'Anda sendiri' }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await screenshot(page, 'citizen-data-saya-phone');

    // The wrong audience: a citizen opening the admin console gets the friendly 403.
    await page.goto(`${platform.url}/admin`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Halaman ini bukan untuk peran Anda');
    expect(await page.getByText('Anda masuk sebagai Warga. Halaman ini hanya untuk: Admin MPP.').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'citizen-forbidden-admin-phone');

    // English, once: the page, the <html lang>, the remembered choice and the account all follow.
    await page.goto(`${platform.url}/saya`);
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: `Hello, ${DEMO_CITIZEN.displayName}` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectCard(page, 'My data', false);
    await expectCard(page, 'My applications', false);
    expect(await page.getByText('Coming soon').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'citizen-saya-en-phone');
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session.user.locale).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Hello, ${DEMO_CITIZEN.displayName}` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // Server errors come back in the chosen language too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${platform.url}/`);
    await page.goto(`${platform.url}/masuk`);
    await page.getByLabel('NIK (national identity number)').fill(DEMO_CITIZEN.nik);
    await page.getByLabel('Mobile number').fill('12345');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByText('Not a valid Indonesian mobile number', { exact: false }).waitFor();
    await screenshot(page, 'citizen-sign-in-server-error-en-phone');
  });

  it('the MPP admin manages users, API tokens, reads the outbox and verifies the audit chain', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'admin', '/admin');
    await expectHeader(page, 'Admin MPP Banyuwangi', 'Admin MPP');
    expect(await page.getByTestId('user-role').textContent()).toContain('Mal Pelayanan Publik Banyuwangi');
    await expectCard(page, 'Pengguna petugas', false);
    await expectCard(page, 'Token API instansi', false);
    await expectCard(page, 'Kotak keluar pesan', false);
    await expectCard(page, 'Jejak audit', false);
    await expectCard(page, 'Katalog dan standar pelayanan', false);
    await expectCard(page, 'Titik layanan, loket, dan jadwal', false);
    await expectAccessible(page);
    await screenshot(page, 'admin-home-desktop');

    // Users: the list, a refused form with field errors, then a new midwife bound to her puskesmas.
    await page.getByRole('link', { name: /Pengguna petugas/ }).click();
    await page.waitForURL(`${platform.url}/admin/pengguna`);
    const users = page.getByRole('table', { name: 'Daftar akun petugas' });
    await users.getByRole('cell', { name: 'bidan.sempu', exact: true }).waitFor();
    await page.getByLabel('Nama pengguna').fill('bidan.genteng');
    await page.getByLabel('Nama lengkap').fill('Bidan Sri Handayani');
    await page.getByLabel('Kata sandi awal').fill('pendek');
    await page.getByLabel('Peran').selectOption('midwife');
    await page.getByRole('checkbox', { name: /Puskesmas Genteng Kulon/ }).check();
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByText('Kata sandi minimal 10 karakter').waitFor();
    expect(await page.getByLabel('Kata sandi awal').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Kata sandi awal').fill('Genteng#Kulon2026');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByText('Akun bidan.genteng sudah dibuat.').waitFor();
    const row = users.getByRole('row', { name: /bidan\.genteng/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Puskesmas Genteng Kulon');
    expect(await row.textContent()).toContain('Bidan');
    await expectAccessible(page);
    await screenshot(page, 'admin-users-desktop');

    // API tokens: issued, shown once, revoked.
    await page.goto(`${platform.url}/admin/token-api`);
    await page.getByLabel('Nama token').fill('SIAK Dispendukcapil');
    await page.getByLabel('Instansi').selectOption({ label: 'Dinas Kependudukan dan Pencatatan Sipil' });
    await page.getByRole('button', { name: 'Terbitkan token' }).click();
    const secret = page.getByTestId('new-token');
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token.length).toBeGreaterThan(20);
    const whoami = await fetch(`${platform.url}/api/whoami`, { headers: { authorization: `Bearer ${token}` } });
    expect((await whoami.json()).kind).toBe('agency_system');
    const tokens = page.getByRole('table', { name: 'Token API yang pernah diterbitkan' });
    await tokens.getByRole('cell', { name: 'SIAK Dispendukcapil', exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-tokens-desktop');
    page.once('dialog', (dialog) => void dialog.accept());
    await tokens.getByRole('button', { name: 'Cabut: SIAK Dispendukcapil' }).click();
    await page.getByText('Token “SIAK Dispendukcapil” dicabut.').waitFor();
    await tokens.getByRole('button', { name: 'Cabut: SIAK Dispendukcapil' }).waitFor({ state: 'detached' });
    expect(await tokens.getByRole('row', { name: /SIAK Dispendukcapil/ }).textContent()).toContain('Dicabut');
    const refused = await fetch(`${platform.url}/api/whoami`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);

    // Outbox: the citizen's sign-in SMS from the test above.
    await page.goto(`${platform.url}/admin/kotak-keluar`);
    const outbox = page.getByRole('table', { name: 'Pesan keluar terbaru' });
    await outbox.getByText('otp.citizen_login').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'admin-outbox-desktop');

    // Audit: the chain verifies.
    await page.goto(`${platform.url}/admin/audit`);
    await page.getByRole('table', { name: 'Catatan audit terbaru' }).getByRole('cell', { name: 'Masuk', exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Periksa keutuhan rantai' }).click();
    await page.getByTestId('audit-verify').waitFor();
    expect(await page.getByTestId('audit-verify').textContent()).toMatch(/^Rantai utuh: \d+ catatan diperiksa\.$/);
    await expectAccessible(page);
    await screenshot(page, 'admin-audit-desktop');
  });

  it('the counter officer lands on /loket, and the admin console is a 403 for them', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'loket', '/loket');
    await expectHeader(page, 'Dewi Lestari (Loket MPP)', 'Petugas loket');
    await expectCard(page, 'Panggil antrian', false); // the queue console, /loket/antrian
    await expectCard(page, 'Ajukan atas nama warga', false);
    await expectCard(page, 'Papan antrian', false);
    await expectNoCard(page, 'Pengguna petugas');
    await expectAccessible(page);
    await screenshot(page, 'counter-home-desktop');

    await page.goto(`${platform.url}/admin/pengguna`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByText('Anda masuk sebagai Petugas loket.', { exact: false }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'counter-forbidden-admin-desktop');
  });

  it('the agency processor lands on /instansi', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'capil', '/instansi');
    await expectHeader(page, 'Bambang Irawan (Dispendukcapil)', 'Operator instansi');
    await expectCard(page, 'Kotak masuk permohonan', false);
    await expectCard(page, 'Kepatuhan SLA', false);
    await expectNoCard(page, 'Panggil antrian');
    await expectAccessible(page);
    await screenshot(page, 'agency-home-desktop');
  });

  it('the midwife sees the clinical SAKINA cards (phone and desktop)', async () => {
    const page = await openPage(PHONE);
    await signIn(page, 'bidan.sempu', '/sakina');
    await expectHeader(page, 'Bidan Rina Wulandari', 'Bidan');
    // The SAKINA home is a working screen now; tests/e2e/sakina.e2e.test.ts asserts what each SAKINA role sees on it.
    await expectAccessible(page);
    await screenshot(page, 'sakina-midwife-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'sakina-midwife-desktop');
  });

  it('the police officer sees the escort cards, not the clinical ones', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'polisi.sempu', '/sakina');
    await expectHeader(page, 'Bripka Agus (Bhabinkamtibmas Sempu)', 'Polisi (Bhabinkamtibmas)');
    await expectAccessible(page);
    await screenshot(page, 'sakina-police-desktop');

    await page.goto(`${platform.url}/desa`);
    await page.getByTestId('forbidden').waitFor();
  });

  it('the village operator lands on Smart Kampung', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'desa.sempu', '/desa');
    await expectHeader(page, 'Operator Desa Sempu', 'Operator desa');
    // Filing for residents and the village letters' inbox are working screens (tests/e2e/applications-staff.e2e.test.ts).
    await expectCard(page, 'Ajukan untuk warga', false);
    await expectCard(page, 'Surat keterangan desa', false);
    await expectNoCard(page, 'Skrining risiko KSPR');
    await expectAccessible(page);
    await screenshot(page, 'village-home-desktop');
  });

  it('the leader lands on the dashboard', async () => {
    const page = await openPage(DESKTOP);
    await signIn(page, 'pimpinan', '/dasbor');
    await expectHeader(page, 'Pimpinan Daerah', 'Pimpinan');
    await expectCard(page, 'Kepatuhan SLA', false);
    await expectCard(page, 'Indeks Kepuasan Masyarakat', true);
    await expectNoCard(page, 'Pengguna petugas');
    await expectAccessible(page);
    await screenshot(page, 'leader-dashboard-desktop');

    // /petugas sends each staff member to their own console.
    await page.goto(`${platform.url}/petugas`);
    await page.waitForURL(`${platform.url}/dasbor`);
  });

  it('a guarded page sends an anonymous visitor to sign in, and back afterwards', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${platform.url}/admin/audit`);
    await page.waitForURL(`${platform.url}/masuk/petugas?next=%2Fadmin%2Faudit`);
    await expectAccessible(page);
    await screenshot(page, 'staff-sign-in-desktop');
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByText('Nama pengguna atau kata sandi salah.').waitFor();
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(`${platform.url}/admin/audit`);

    // A citizen page asks for the citizen sign-in.
    const anonymous = await openPage(PHONE);
    await anonymous.goto(`${platform.url}/saya/data`);
    await anonymous.waitForURL(`${platform.url}/masuk?next=%2Fsaya%2Fdata`);
    await anonymous.goto(`${platform.url}/tidak-ada`);
    await anonymous.getByTestId('not-found').waitFor();
  });

  it('shows the hall display board without sign-in, with a WIB clock', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${platform.url}/layar`);
    await page.getByRole('heading', { level: 2, name: 'Nomor antrian' }).waitFor();
    expect(await page.getByTestId('board-clock').textContent()).toMatch(/^\d{2}[.:]\d{2}[.:]\d{2} WIB$/);
    expect(await page.getByRole('group', { name: /Bahasa/ }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'display-board-desktop');
  });
});
