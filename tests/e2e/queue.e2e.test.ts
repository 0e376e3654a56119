import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN } from '../../src/seed/demo.ts';
import { seedQueueDemo } from '../../src/queue/seeder.ts';
import { latestCode, type TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot, seriousA11yViolations } from '../support/browser.ts';
import { closeBrowsing, expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff, type Viewport } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * The queue end to end, in four browsers as in the hall: a citizen books a slot on a phone, checks
 * in at the kiosk (which prints a 58 mm ticket), an officer calls the number at the counter
 * console, the hall TV shows and announces the call, and the citizen's live ticket page says
 * "go to counter A". Every screen is photographed into test-results/screenshots/queue-*.png.
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e tests/e2e/queue.e2e.test.ts`.
 */

let platform: TestPlatform & { url: string };
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
const TV = { width: 1920, height: 1080 };
const KIOSK = { width: 1080, height: 1500 };

beforeAll(async () => {
  requireBuiltWeb();
  // Monday 30 November 2026, 09:00 WIB; the catalogue and the demo queue configuration loaded.
  platform = await startTestServer({ catalogue: true });
  await seedQueueDemo(platform.database.db, platform.ctx.regencyCode);
  browser = await launchBrowser();
});

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
    // The kiosk prints each ticket; a headless browser has no printer.
    init: () => {
      window.print = () => undefined;
    },
  });
const signIn = (page: Page, username: string, next: string) => signInStaff(page, platform.url, username, next, { next: true });

describe('queue: book, check in, call, show', () => {
  let citizen: Page;
  let kiosk: Page;
  let officer: Page;
  let board: Page;
  let bookingCode: string;
  let ticketNumber: string;

  it('a citizen sees the live quotas and books a slot on a phone', async () => {
    citizen = await openPage(PHONE);
    await citizen.goto(`${platform.url}/masuk?next=${encodeURIComponent('/antrian')}`);
    await citizen.getByLabel('NIK').fill(DEMO_CITIZEN.nik);
    await citizen.getByLabel('Nomor HP').fill('081234567890');
    await citizen.getByRole('button', { name: 'Kirim kode' }).click();
    await citizen.getByLabel('Kode dari SMS').waitFor();
    await citizen.getByLabel('Kode dari SMS').fill(await latestCode(platform.ctx, '081234567890'));
    await citizen.getByRole('button', { name: 'Masuk', exact: true }).click();
    await citizen.waitForURL(`${platform.url}/antrian`);
    await citizen.getByRole('heading', { level: 1, name: 'Antrian dan booking' }).waitFor();
    await citizen.getByText('Sisa kuota daring').first().waitFor();
    await expectAccessible(citizen);
    await screenshot(citizen, 'queue-citizen-quotas-phone');

    await citizen.getByRole('link', { name: 'Booking jadwal' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Booking jadwal' }).waitFor();
    await citizen.getByLabel('Layanan').selectOption('ktp-el-baru');
    const slot = citizen.getByRole('button', { name: /^09:30 WIB/ });
    await slot.waitFor();
    await expectAccessible(citizen);
    await screenshot(citizen, 'queue-citizen-slots-phone');
    await slot.click();

    await citizen.waitForURL(/\/antrian\/booking\/[A-Z0-9]{8}$/);
    bookingCode = (await citizen.getByTestId('booking-code').textContent())!.trim();
    expect(bookingCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(await citizen.locator('.q-qr svg').count()).toBe(1);
    expect(await citizen.getByText('3510 20•• •••• 0001').count()).toBe(1);
    await expectAccessible(citizen);
    await screenshot(citizen, 'queue-citizen-booking-phone');
  });

  it('the hall board is on before anything is called', async () => {
    board = await openPage(TV);
    await board.goto(`${platform.url}/layar?titik=mpp-banyuwangi`);
    await board.getByRole('heading', { level: 2, name: 'Nomor antrian' }).waitFor();
    await board.locator('.board__place', { hasText: 'Mal Pelayanan Publik Banyuwangi' }).waitFor();
    expect(await board.getByTestId('board-clock').textContent()).toMatch(/^\d{2}[.:]\d{2}[.:]\d{2} WIB$/);
    await board.getByTestId('board-sound').click();
    await expectAccessible(board);
  });

  it('the admin pairs the kiosk; the citizen checks in there and gets a 58 mm ticket', async () => {
    kiosk = await openPage(KIOSK);
    await signIn(kiosk, 'admin', '/kios');
    await kiosk.getByRole('heading', { level: 1, name: 'Perangkat ini belum dipasangkan sebagai kios.' }).waitFor();
    await kiosk.getByRole('button', { name: 'Pasangkan sebagai kios' }).click();
    await kiosk.getByRole('heading', { level: 1, name: 'Ambil nomor antrian' }).waitFor();
    await kiosk.getByRole('button', { name: /Gerai Dispendukcapil – KTP-el/ }).waitFor();
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'queue-kiosk-home');
    // Locked to itself: going back stays on the kiosk.
    await kiosk.goBack().catch(() => undefined);
    expect(new URL(kiosk.url()).pathname).toBe('/kios');

    await kiosk.getByRole('button', { name: 'Punya booking? Check-in' }).click();
    await kiosk.getByLabel('Kode booking atau pindai QR').fill(bookingCode.toLowerCase());
    await kiosk.getByRole('button', { name: 'Check-in', exact: true }).click();
    await kiosk.getByTestId('ticket-print').waitFor();
    ticketNumber = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    expect(ticketNumber).toBe('A001');
    await kiosk.getByText('Check-in berhasil. Anda dipanggil menurut jam booking.').waitFor();
    await expectAccessible(kiosk);
    await screenshot(kiosk, 'queue-kiosk-ticket');
    // What the thermal printer gets: the ticket alone, 58 mm wide.
    await kiosk.emulateMedia({ media: 'print' });
    const width = await kiosk.getByTestId('ticket-print').evaluate((el) => el.getBoundingClientRect().width);
    expect(Math.round(width)).toBe(Math.round((58 / 25.4) * 96));
    await kiosk.getByTestId('ticket-print').screenshot({ path: path.resolve('test-results/screenshots/queue-ticket-58mm-print.png') });
    await kiosk.emulateMedia({ media: 'screen' });
  });

  it('the officer signs in to counter A and calls the next ticket from the console', async () => {
    officer = await openPage(DESKTOP);
    await signIn(officer, 'loket', '/loket/antrian');
    await officer.getByRole('heading', { level: 1, name: 'Masuk ke loket' }).waitFor();
    await expectAccessible(officer);
    await officer.getByRole('button', { name: /^Loket A\b/ }).click();
    await officer.getByRole('heading', { level: 1, name: 'Panggil antrian' }).waitFor();
    await officer.getByRole('cell', { name: ticketNumber, exact: true }).waitFor();
    await expectAccessible(officer);
    await screenshot(officer, 'queue-console-before-call-desktop');

    await officer.keyboard.press('n');
    await officer.getByTestId('console-number').waitFor();
    expect(await officer.getByTestId('console-number').textContent()).toBe(ticketNumber);
    expect(await officer.getByTestId('console-said').textContent()).toContain('Nomor antrian A nol nol satu, silakan ke loket A.');
    await expectAccessible(officer);
    await screenshot(officer, 'queue-console-called-desktop');
  });

  it('the hall board shows and announces the call, live', async () => {
    await board.getByTestId('board-number').filter({ hasText: ticketNumber }).waitFor({ timeout: 15_000 });
    expect(await board.getByTestId('board-counter').textContent()).toBe('Loket A');
    expect(await board.getByTestId('board-calls').textContent()).toContain(ticketNumber);
    await board.getByTestId('board-speech').filter({ hasText: 'Nomor antrian A nol nol satu, silakan ke loket A.' }).waitFor();
    // The panel flashes for a few seconds after a call; it must stay readable in every frame of it.
    const duringFlash: string[] = [];
    for (let sample = 0; sample < 8; sample++) {
      duringFlash.push(...(await seriousA11yViolations(board)));
      await board.waitForTimeout(170);
    }
    expect(duringFlash).toEqual([]);
    await screenshot(board, 'queue-board-tv');
  });

  it("the citizen's live ticket says where to go", async () => {
    await citizen.reload();
    await citizen.getByRole('link', { name: 'Lihat antrian langsung' }).click();
    await citizen.waitForURL(/\/antrian\/tiket\//);
    await citizen.getByText('Nomor Anda dipanggil!').waitFor();
    expect(await citizen.getByTestId('live-number').textContent()).toBe(ticketNumber);
    await citizen.getByText('Silakan ke Loket A').waitFor();
    await expectAccessible(citizen);
    await screenshot(citizen, 'queue-live-ticket-phone');
  });

  it('the officer serves and finishes; the KPI page counts it', async () => {
    await officer.keyboard.press('m');
    await officer.getByRole('button', { name: /^Selesai/ }).waitFor();
    await officer.keyboard.press('s');
    await officer.getByText('Belum ada yang dipanggil.').waitFor();
    await officer.goto(`${platform.url}/loket/kinerja`);
    await officer.getByRole('heading', { level: 1, name: 'Kinerja antrian' }).waitFor();
    await officer.getByRole('region', { name: /Kinerja antrian/ }).getByRole('cell', { name: '2026-11-30' }).waitFor();
    expect(await officer.locator('canvas').count()).toBe(2);
    await expectAccessible(officer);
    await screenshot(officer, 'queue-kpi-desktop');
  });
});
