import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import type { TestPlatform } from '../support/app.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { closeBrowsing, requireBuiltWeb } from '../support/e2e.ts';
import { startTestServer } from '../support/server.ts';

/*
 * The Content-Security-Policy in a real browser: the web app's pages work under the strict policy
 * (no refusal anywhere), an injected inline script is refused, and the API reference works under
 * its own looser policy. Needs the built web app (`npm run build:web`).
 */

let platform: TestPlatform & { url: string };
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  requireBuiltWeb();
  platform = await startTestServer({ catalogue: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await closeBrowsing(contexts, browser, platform);
});

declare global {
  interface Window {
    __csp: string[];
    __injected?: number;
  }
}

async function openPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  contexts.push(context);
  // Every refusal the browser makes under the policy, as the page sees it.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI || '(inline)'} ${e.sourceFile ?? ''}`.trim()));
  });
  return context.newPage();
}

async function refusals(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__csp.splice(0));
}

async function visit(page: Page, pathname: string): Promise<void> {
  await page.goto(`${platform.url}${pathname}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('the web app under its strict policy', () => {
  it('citizen pages load, style and run with no refusal', async () => {
    const page = await openPage(PHONE);
    const service = (await platform.anonymous.get('/api/catalogue/services?q=akta%20kelahiran&limit=1')).json().items[0].code as string;
    for (const pathname of ['/', '/layanan', `/layanan/${service}`, '/lokasi', '/lokasi/mpp-banyuwangi', '/masuk', '/antrian', '/lacak']) {
      await visit(page, pathname);
      expect({ pathname, refused: await refusals(page) }).toEqual({ pathname, refused: [] });
    }
    // The boot screen's inline <style> is allowed by its hash: its rules apply.
    await page.goto(`${platform.url}/layanan`);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(244, 247, 248)');
    expect(await refusals(page)).toEqual([]);
  });

  it('staff consoles (forms, charts, the display board) work with no refusal', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${platform.url}/masuk/petugas`);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL(`${platform.url}/admin`);
    for (const pathname of ['/admin', '/admin/katalog', '/admin/katalog/kalender', '/admin/katalog/titik/mpp-banyuwangi', '/admin/audit', '/loket/kinerja']) {
      await visit(page, pathname);
      expect({ pathname, refused: await refusals(page) }).toEqual({ pathname, refused: [] });
    }
    await page.goto(`${platform.url}/layar`);
    await page.waitForLoadState('networkidle');
    expect(await refusals(page)).toEqual([]);
  });

  it('refuses a script injected into a page, inline or from another host', async () => {
    const page = await openPage(PHONE);
    await visit(page, '/layanan');
    const ran = await page.evaluate(async () => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__injected = 1';
      document.body.append(inline);
      const handler = document.createElement('div');
      handler.innerHTML = '<img src="data:," onerror="window.__injected = 2">';
      document.body.append(handler);
      const remote = document.createElement('script');
      remote.src = 'https://cdn.jsdelivr.net/npm/left-pad';
      document.body.append(remote);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return window.__injected ?? null;
    });
    expect(ran).toBeNull();
    const refused = await refusals(page);
    expect(refused).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/^script-src-attr inline/), expect.stringMatching(/^script-src-elem https:\/\/cdn\.jsdelivr\.net/)]));
  });
});

describe('the API reference under its own policy', () => {
  it('renders the OpenAPI document at /api/docs with no refusal', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${platform.url}/api/docs`);
    await page.getByText('satupintu API').first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'security-api-docs');
    expect(await page.getByText('Liveness, version, database kind and migration level').count()).toBeGreaterThan(0);
    // Scalar's bundle probes for eval (a schema validator that falls back without it); the page
    // renders without it, so the policy keeps refusing eval here too. Anything else is a failure.
    const refused = (await refusals(page)).filter((r) => !/^script-src eval \S+\/api\/docs\/js\/scalar\.js$/.test(r));
    expect(refused).toEqual([]);
  });
});
