import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, screenshot } from '../support/browser.ts';
import { expectAccessible, requireBuiltWeb, signInStaff } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/* The calendar admin tells the MPP admin when a coming year's cuti bersama still awaits its SKB. */

let platform: TestPlatform & { url: string };
let browser: Browser;

beforeAll(async () => {
  requireBuiltWeb();
  platform = await startTestServer({ catalogue: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('calendar admin', () => {
  it('notes that the 2027 cuti bersama list awaits the SKB, and not for a year that has its list', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    const page = await context.newPage();
    await signInStaff(page, platform.url, 'admin', '/admin');

    await page.goto(`${platform.url}/admin/katalog/kalender?tahun=2027`);
    const note = page.getByRole('status').filter({ hasText: 'Cuti bersama 2027 belum diisi' });
    await note.waitFor();
    expect(await note.textContent()).toContain('menunggu SKB 3 Menteri');
    await expectAccessible(page);
    await screenshot(page, 'admin-calendar-2027-awaiting-skb');

    await page.goto(`${platform.url}/admin/katalog/kalender?tahun=2026`);
    await page.getByRole('heading', { name: 'Cuti bersama & penutupan' }).or(page.getByRole('heading', { level: 2 }).first()).first().waitFor();
    await page.getByText('Kelahiran Yesus Kristus').first().waitFor();
    expect(await page.getByText('belum diisi').count()).toBe(0);
    await context.close();
  });
});
