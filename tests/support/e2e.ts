import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { seriousA11yViolations } from './browser.ts';

/*
 * What the browser end-to-end tests (tests/e2e/*.e2e.test.ts) share: the built web app check,
 * pages opened as a resident of Banyuwangi would (id-ID, WIB) with their errors collected, the
 * staff sign-in form, and the axe check.
 */

/** The e2e tests serve dist/web: fail early with the command that builds it. */
export function requireBuiltWeb(): void {
  if (!fs.existsSync(path.resolve('dist/web/index.html'))) throw new Error('dist/web is missing: run `npm run build:web` first');
}

/** Console errors matching this are refused requests a step expects (a 400, a 401, a 409). */
export const FAILED_LOAD = /^Failed to load resource/;

/**
 * A broken page must fail the test, not only look odd in a screenshot: uncaught errors and console
 * errors (a CSP refusal shows up only there) go into `errors`, except console errors matching `ignore`.
 */
export function trackPageErrors(page: Page, errors: string[], ignore: RegExp = FAILED_LOAD): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !ignore.test(message.text())) errors.push(`${page.url()}: console: ${message.text()}`);
  });
}

export type Viewport = { width: number; height: number };

export interface OpenPageOptions {
  /** Where the page's errors go (the file's afterEach/afterAll asserts it empty). */
  errors: string[];
  /** The contexts the file closes in afterAll; the new one is added. */
  contexts?: BrowserContext[];
  locale?: string;
  acceptDownloads?: boolean;
  /** Console errors the page may log (default: refused requests). */
  ignoreConsole?: RegExp;
  /** Runs in the page before its own scripts (e.g. a window.print stub). */
  init?: () => void;
}

/** A fresh browser context and page in Indonesian, on Jakarta time, with its errors tracked. */
export async function openTrackedPage(browser: Browser, viewport: Viewport, options: OpenPageOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: options.locale ?? 'id-ID',
    timezoneId: 'Asia/Jakarta',
    ...(options.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  options.contexts?.push(context);
  const page = await context.newPage();
  if (options.init) await page.addInitScript(options.init);
  trackPageErrors(page, options.errors, options.ignoreConsole);
  return page;
}

/**
 * Signs a demo staff account in through the form at /masuk/petugas and waits to land on `home`.
 * `next`: ask for `home` through `?next=` (otherwise it is the account's own home).
 * `waitForHeading`: also wait for the landing page's h1.
 */
export async function signInStaff(
  page: Page,
  baseUrl: string,
  username: string,
  home: string,
  options: { next?: boolean; waitForHeading?: boolean } = {},
): Promise<void> {
  await page.goto(`${baseUrl}/masuk/petugas${options.next ? `?next=${encodeURIComponent(home)}` : ''}`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL(`${baseUrl}${home}`);
  if (options.waitForHeading) await page.getByRole('heading', { level: 1 }).waitFor();
}

/** axe-core finds no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** afterAll: closes the browser contexts, then the browser, then the platform (any may be missing when beforeAll failed). */
export async function closeBrowsing(contexts: BrowserContext[], browser: Browser | undefined, platform: { close(): Promise<unknown> } | undefined): Promise<void> {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await platform?.close();
}
