/** Test data for the queue's integration tests: citizens, officers, settings. Not used by the app. */
import { randomBytes } from 'node:crypto';
import { buildNik } from '../identity/nik.ts';
import { sessions, users } from '../identity/schema.ts';
import { sha256 } from '../identity/secrets.ts';
import { seedQueueDemo } from './seeder.ts';
import type { Session, TestPlatform } from '../../tests/support/app.ts';

export const MPP = 'mpp-banyuwangi';

/** The i-th test citizen: a valid NIK (Sempu, 1990s) and a phone of its own unless one is given. */
export function citizen(i: number, phone?: string): { nik: string; phone: string } {
  const day = 1 + (i % 28);
  const year = 1960 + (Math.floor(i / 28) % 40);
  return {
    nik: buildNik({ kecamatanCode6: '351020', birthDate: `${year}-${String(1 + (Math.floor(i / 1120) % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`, sex: i % 2 ? 'M' : 'F', serial: String(1 + (i % 9000)).padStart(4, '0') }),
    phone: phone ?? `+62813${String(10_000_000 + i).slice(-8)}`,
  };
}

/** Signs in `count` citizens (OTP flow through the app), `parallel` at a time. */
export async function citizens(platform: TestPlatform, from: number, count: number, parallel = 25): Promise<Session[]> {
  const out: Session[] = [];
  for (let i = from; i < from + count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, from + count - i) }, (_, k) => citizen(i + k));
    out.push(...(await Promise.all(batch.map((c) => platform.asCitizen(c.nik, c.phone)))));
  }
  return out;
}

/**
 * `count` citizens with their sessions written straight into the database: the same rows the OTP
 * sign-in creates, without a thousand sign-in requests before a test that is about bookings.
 */
export async function citizensDirect(platform: TestPlatform, from: number, count: number): Promise<Session[]> {
  const r = platform.ctx.regencyCode;
  const people = Array.from({ length: count }, (_, k) => ({ ...citizen(from + k), token: randomBytes(24).toString('base64url'), csrf: randomBytes(16).toString('base64url') }));
  const now = platform.clock.now;
  const rows = await platform.database.db
    .insert(users)
    .values(people.map((p) => ({ regencyCode: r, role: 'citizen' as const, nik: p.nik, phone: p.phone, displayName: `Warga ${p.nik.slice(-4)}` })))
    .returning({ id: users.id, nik: users.nik });
  const ids = new Map(rows.map((row) => [row.nik, row.id]));
  await platform.database.db.insert(sessions).values(
    people.map((p) => ({ regencyCode: r, tokenHash: sha256(p.token), userId: ids.get(p.nik)!, csrfToken: p.csrf, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + 12 * 3600_000) })),
  );
  return people.map((p) => sessionOf(platform, `sp_session=${p.token}`, p.csrf));
}

function sessionOf(platform: TestPlatform, cookie: string, csrfToken: string): Session {
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    platform.app.inject({ method: method as 'GET', url, payload: body === undefined ? undefined : (body as object), headers: { cookie, 'x-csrf-token': csrfToken, ...headers } });
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

export async function withQueueDemo(platform: TestPlatform): Promise<void> {
  await seedQueueDemo(platform.database.db, platform.ctx.regencyCode);
}

export const DEFAULT_SERVICE_SETTINGS = {
  bookingEnabled: true,
  slotMinutes: 30,
  slotCapacity: 5,
  onlineDailyQuota: null as number | null,
  walkInDailyQuota: null as number | null,
  opening: { daysBefore: 7, at: '07:00' },
  closingMarginMinutes: 30,
};

export async function configureService(admin: Session, service: string, patch: Partial<typeof DEFAULT_SERVICE_SETTINGS> = {}, point = MPP): Promise<void> {
  const res = await admin.request('PUT', `/api/queue/points/${point}/services/${service}/settings`, { ...DEFAULT_SERVICE_SETTINGS, ...patch });
  if (res.statusCode !== 200) throw new Error(`configure ${service}: ${res.statusCode} ${res.body}`);
}

/** A WIB instant: `wib('2026-11-30', '09:00')`. */
export function wib(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+07:00`);
}
