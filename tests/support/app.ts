import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import type { AppContext } from '../../src/shared/context.ts';
import { DEMO_CITIZEN, DEMO_PASSWORD, seedFoundation } from '../../src/seed/demo.ts';
import { seedCatalogue } from '../../src/catalogue/seeder.ts';
import { createTestDatabase } from './database.ts';

export type TestClock = { now: Date; advance(ms: number): void; set(date: Date): void };

export type TestPlatform = {
  app: App;
  ctx: AppContext;
  database: Database;
  clock: TestClock;
  /** A signed-in demo staff account (see src/seed/demo.ts), with cookie and CSRF token applied. */
  as(username: string): Promise<Session>;
  asCitizen(nik?: string, phone?: string): Promise<Session>;
  anonymous: Session;
  close(): Promise<void>;
};

export type Session = {
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  cookie: string | null;
  csrfToken: string | null;
};

function session(app: App, cookie: string | null, csrfToken: string | null): Session {
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      payload: body === undefined ? undefined : (body as object),
      headers: { ...(cookie ? { cookie } : {}), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}), ...headers },
    });
  return {
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body ?? {}, headers),
    patch: (url, body, headers) => request('PATCH', url, body ?? {}, headers),
    delete: (url, headers) => request('DELETE', url, undefined, headers),
    cookie,
    csrfToken,
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false', LOGIN_RATE_LIMIT: '1000', ...overrides });
}

/**
 * A fresh database with the demo regency and accounts, and the app in front of it (no network).
 * `catalogue: true` also loads the service catalogue seed (agencies, services, points; seconds on PGlite).
 */
export async function createTestPlatform(options: { config?: Record<string, string>; start?: Date; catalogue?: boolean } = {}): Promise<TestPlatform> {
  const database = await createTestDatabase();
  const config = testConfig(options.config);
  await seedFoundation(database.db, config.REGENCY_CODE, true);
  let current = options.start ?? new Date('2026-11-30T02:00:00Z'); // a Monday, 09:00 WIB
  if (options.catalogue) await seedCatalogue(database.db, config.REGENCY_CODE, current);
  const clock: TestClock = {
    get now() {
      return current;
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
    set(date) {
      current = date;
    },
  };
  const { app, ctx } = await buildApp({ config, database, now: () => clock.now, logger: false });
  await app.ready();

  const fromResponse = (res: LightMyRequestResponse): Session => {
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const raw = res.cookies.find((c) => c.name === 'sp_session');
    return session(app, raw ? `sp_session=${raw.value}` : null, res.json().csrfToken);
  };

  return {
    app,
    ctx,
    database,
    clock,
    anonymous: session(app, null, null),
    async as(username) {
      return fromResponse(await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } }));
    },
    async asCitizen(nik = DEMO_CITIZEN.nik, phone = DEMO_CITIZEN.phone) {
      const sent = await app.inject({ method: 'POST', url: '/api/auth/citizen/request-code', payload: { nik, phone } });
      if (sent.statusCode !== 202) throw new Error(`request-code failed: ${sent.statusCode} ${sent.body}`);
      const code = await latestCode(ctx, phone);
      return fromResponse(await app.inject({ method: 'POST', url: '/api/auth/citizen/verify', payload: { nik, phone, code } }));
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Reads the one-time code out of the outbox, as a phone would receive it. */
export async function latestCode(ctx: AppContext, phone: string): Promise<string> {
  const { listMessages } = await import('../../src/notifications/repository.ts');
  const { normaliseMobile } = await import('../../src/identity/phone.ts');
  // Only sign-in codes: other messages to the same phone can share the test clock's timestamp.
  const messages = await listMessages(ctx.db, ctx.regencyCode, 50, normaliseMobile(phone) ?? phone);
  const message = messages.find((m) => m.template.startsWith('otp.'));
  const code = message?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code in the outbox for ${phone}`);
  return code;
}
