import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileApplication } from '../../src/applications/testing.ts';
import { verifyWebhook } from '../../src/applications/webhook-signature.ts';
import { deliverDueWebhooks } from '../../src/applications/webhooks.ts';
import type { Session, TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, screenshot } from '../support/browser.ts';
import { expectAccessible, openTrackedPage, requireBuiltWeb, signInStaff } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * The MPP admin's applications screens: /admin/webhook (an agency's webhook — address, on/off, the
 * secret shown once, rotation, the delivery log with redelivery) and /admin/pengawas-sla (the
 * agency's SLA supervisor, validated). The webhook receiver is a real HTTP server that checks the
 * signature with the secret the admin copied from the screen. Screens are photographed into
 * test-results/screenshots/applications-admin-*.png and checked with axe.
 * Needs the built web app: `npm run build:web && npx vitest run --project e2e tests/e2e/applications-admin.e2e.test.ts`.
 */

type Received = { headers: http.IncomingHttpHeaders; body: string };
const receiver = { received: [] as Received[], status: 503 };
const hookServer = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    receiver.received.push({ headers: req.headers, body });
    res.writeHead(receiver.status).end(receiver.status >= 300 ? 'Layanan sedang pemeliharaan' : '');
  });
});

let platform: TestPlatform & { url: string };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: Session;
let hookUrl: string;
let secret = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  requireBuiltWeb();
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/satupintu/peristiwa`;
  platform = await startTestServer({ catalogue: true, config: { UPLOAD_DIR: `/tmp/satupintu-e2e-apps-admin-${process.pid}` } });
  admin = await platform.as('admin');
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
  hookServer.close();
});

const logRow = (text: string | RegExp) => page.getByRole('region', { name: 'Log pengiriman webhook' }).getByRole('row').filter({ hasText: text });

describe('agency webhook', () => {
  it('the admin opens it from the admin home, sets the address and turns it on; the secret is shown once', async () => {
    await signInStaff(page, platform.url, 'admin', '/admin', { next: true });
    await page.getByRole('link', { name: /Webhook instansi/ }).click();
    await page.waitForURL(`${platform.url}/admin/webhook`);
    await expect.poll(() => page.locator('select[name="agency"] option[value="dispendukcapil"]').count()).toBe(1);
    await expectAccessible(page);

    await page.getByLabel('Instansi', { exact: true }).selectOption('dispendukcapil');
    expect(page.url()).toContain('instansi=dispendukcapil');
    const url = page.getByLabel('Alamat webhook (URL)');
    await url.waitFor();
    expect(await url.inputValue()).toBe('');
    await expect.poll(() => page.getByText('Belum ada. Kunci dibuat saat webhook pertama kali disimpan.').count()).toBe(1);

    // Turning it on without an address is refused, next to the field.
    await page.locator('input[name="active"]').check();
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect.poll(() => page.getByText('Isi alamat webhook untuk mengaktifkannya.').count()).toBeGreaterThan(0);
    expect(await url.getAttribute('aria-invalid')).toBe('true');

    await url.fill(hookUrl);
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    const shown = page.getByTestId('new-secret');
    await shown.waitFor();
    secret = await shown.inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{20,}$/);
    await expect.poll(() => page.getByText('Kunci rahasia baru — hanya ditampilkan sekali').count()).toBe(1);
    await expect.poll(() => page.getByText(`Hanya awalannya yang ditampilkan: ${secret.slice(0, 10)}…`).count()).toBe(1);
    await screenshot(page, 'applications-admin-webhook-secret');
    await expectAccessible(page);

    const saved = (await admin.get('/api/admin/agencies/dispendukcapil/integration')).json();
    expect(saved.webhook).toMatchObject({ url: hookUrl, active: true });

    // Closed, it is gone for good: a reload shows only its beginning.
    await page.getByRole('button', { name: 'Tutup', exact: true }).click();
    await page.reload();
    await page.getByLabel('Alamat webhook (URL)').waitFor();
    expect(await page.getByLabel('Alamat webhook (URL)').inputValue()).toBe(hookUrl);
    expect(await page.getByTestId('new-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    // The agency's system does not want resubmissions: the admin unticks them.
    expect(await page.locator('input[name="events"]:checked').count()).toBe(4);
    await page.getByRole('checkbox', { name: /permohonan diajukan ulang setelah perbaikan/ }).uncheck();
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect.poll(async () => (await admin.get('/api/admin/agencies/dispendukcapil/integration')).json().webhook.events).toEqual(['application.submitted', 'application.status_changed', 'application.late']);
    expect(await page.getByTestId('new-secret').count()).toBe(0);
  });

  it('shows a failing delivery with its error and next retry, and redelivers it when the agency is back', async () => {
    receiver.status = 503;
    receiver.received.length = 0;
    const { number } = await fileApplication(await platform.asCitizen());
    expect(await deliverDueWebhooks(platform.ctx)).toEqual({ delivered: 0, failed: 1 });

    await page.getByRole('button', { name: 'Muat ulang' }).click();
    const row = logRow(number);
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByText('menunggu').count()).toBe(1);
    expect(await row.textContent()).toContain('HTTP 503: Layanan sedang pemeliharaan');
    expect(await row.textContent()).toContain('application.submitted');
    await screenshot(page, 'applications-admin-webhook-log-failing');
    await expectAccessible(page);

    // The request that failed was signed with the secret from the screen.
    const [first] = receiver.received;
    expect(verifyWebhook({ secret, body: first!.body, timestamp: first!.headers['x-satupintu-timestamp'] as string, signature: first!.headers['x-satupintu-signature'] as string, now: new Date() })).toEqual({ ok: true });

    receiver.status = 200;
    await row.getByRole('button', { name: /Kirim ulang/ }).click();
    await expect.poll(() => page.getByText('Pengiriman dimasukkan lagi ke antrean dan dikirim segera.').count()).toBe(1);
    expect(await deliverDueWebhooks(platform.ctx)).toEqual({ delivered: 1, failed: 0 });
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await expect.poll(() => logRow(number).getByText('terkirim').count()).toBe(1);
    expect(await logRow(number).getByRole('button', { name: /Kirim ulang/ }).count()).toBe(0);
    expect(receiver.received).toHaveLength(2);
    await screenshot(page, 'applications-admin-webhook-log-delivered');
  });

  it('rotates the secret after a confirmation; the old one no longer verifies', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Ganti kunci rahasia' }).click();
    const shown = page.getByTestId('new-secret');
    await shown.waitFor();
    const rotated = await shown.inputValue();
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: 'Tutup', exact: true }).click();

    receiver.received.length = 0;
    await page.getByRole('button', { name: 'Kirim ping uji' }).click();
    await expect.poll(() => page.getByText('Ping dimasukkan ke antrean pengiriman.', { exact: false }).count()).toBe(1);
    await deliverDueWebhooks(platform.ctx);
    const [ping] = receiver.received;
    const check = (s: string) => verifyWebhook({ secret: s, body: ping!.body, timestamp: ping!.headers['x-satupintu-timestamp'] as string, signature: ping!.headers['x-satupintu-signature'] as string, now: new Date() });
    expect(check(rotated)).toEqual({ ok: true });
    expect(check(secret).ok).toBe(false);
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await expect.poll(() => logRow('ping').getByText('terkirim').count()).toBe(1);
  });
});

describe('agency SLA supervisor', () => {
  it('the admin sets the supervisor; a bad number is refused next to the field', async () => {
    await page.goto(`${platform.url}/admin`);
    await page.getByRole('link', { name: /Pengawas SLA instansi/ }).click();
    await page.waitForURL(`${platform.url}/admin/pengawas-sla`);
    await expect.poll(() => page.locator('select[name="agency"] option[value="dispendukcapil"]').count()).toBe(1);
    await page.getByLabel('Instansi', { exact: true }).selectOption('dispendukcapil');
    await page.getByLabel('Nama dan jabatan').waitFor();
    await expect.poll(() => page.getByText('Belum ada pengawas: peringatan dikirim ke petugas instansi.', { exact: false }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByLabel('Nama dan jabatan').fill('Ir. Bambang Sutrisno, Kepala Bidang Pelayanan');
    await page.getByLabel('Nomor HP / WhatsApp').fill('12345');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect.poll(() => page.getByText('Nomor HP Indonesia tidak valid (contoh: 0812 3456 7890).').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Nomor HP / WhatsApp').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'applications-admin-supervisor-error');
    await expectAccessible(page);

    await page.getByLabel('Nomor HP / WhatsApp').fill('0813 3456 7890');
    await page.getByLabel('E-mail', { exact: true }).fill('Kabid.Pelayanan@banyuwangikab.example');
    await page.getByLabel('Bahasa peringatan').selectOption('en');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await expect.poll(() => page.getByText('Tersimpan.').count()).toBe(1);
    expect(await page.getByLabel('Nomor HP / WhatsApp').inputValue()).toBe('+6281334567890');
    await expect.poll(() => page.getByText('Ir. Bambang Sutrisno, Kepala Bidang Pelayanan · +6281334567890 · kabid.pelayanan@banyuwangikab.example', { exact: false }).count()).toBe(1);
    await screenshot(page, 'applications-admin-supervisor-saved');
    await expectAccessible(page);

    const saved = (await admin.get('/api/admin/agencies/dispendukcapil/integration')).json();
    expect(saved.supervisor).toEqual({ name: 'Ir. Bambang Sutrisno, Kepala Bidang Pelayanan', phone: '+6281334567890', email: 'kabid.pelayanan@banyuwangikab.example', locale: 'en' });
  });

  it('reads in English too', async () => {
    await page.evaluate(() => localStorage.setItem('satupintu.lang', 'en'));
    await page.goto(`${platform.url}/admin/webhook?instansi=dispendukcapil`);
    await page.getByLabel('Webhook address (URL)').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Agency webhooks' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: /delivered/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('checkbox', { name: /application resubmitted after correction/ }).isChecked()).toBe(false);
    await screenshot(page, 'applications-admin-webhook-en');
    await expectAccessible(page);
    await page.goto(`${platform.url}/admin/pengawas-sla?instansi=dispendukcapil`);
    await page.getByLabel('Mobile / WhatsApp number').waitFor();
    expect(await page.getByLabel('Language of the alerts').inputValue()).toBe('en');
    await screenshot(page, 'applications-admin-supervisor-en');
    await expectAccessible(page);
  });
});
