import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { citizen, citizensDirect, configureService, MPP, wib, withQueueDemo } from './testing.ts';

let platform: TestPlatform;
let admin: Session;

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true, config: { LOGIN_RATE_LIMIT: '100000' } });
  await withQueueDemo(platform);
  admin = await platform.as('admin');
  // Seeding the catalogue takes a while on a busy machine: more than the default hook timeout.
}, 300_000);
afterAll(async () => {
  await platform?.close();
});

const TODAY = '2026-11-30'; // Monday; the clock starts at 09:00 WIB

describe('booking a slot under a thundering herd', () => {
  it('500 concurrent requests at a slot of capacity 20: exactly 20 succeed, the rest hear "slot full"', async () => {
    await configureService(admin, 'akta-kematian', { slotCapacity: 20, onlineDailyQuota: null });
    const people = await citizensDirect(platform, 1000, 500);
    const started = performance.now();
    const responses = await Promise.all(people.map((s) => s.post('/api/queue/bookings', { point: MPP, service: 'akta-kematian', date: TODAY, time: '13:00' })));
    const ms = performance.now() - started;
    const created = responses.filter((r) => r.statusCode === 201);
    const refused = responses.filter((r) => r.statusCode === 409);
    expect(created).toHaveLength(20);
    expect(refused).toHaveLength(480);
    for (const r of refused) {
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.json()).toMatchObject({ status: 409, code: 'conflict', reason: 'slot_full' });
      expect(r.json().detail).toMatch(/sudah penuh/);
    }
    const codes = new Set(created.map((r) => r.json().code));
    expect(codes.size).toBe(20);
    const [slot] = await queryRows<{ booked: number; capacity: number }>(
      platform.database.db,
      sql`select booked, capacity from queue_slots where day = ${TODAY}::date and start_time = '13:00'`,
    );
    expect(slot).toEqual({ booked: 20, capacity: 20 });
    const [count] = await queryRows<{ n: number }>(platform.database.db, sql`select count(*)::int as n from queue_bookings where day = ${TODAY}::date and start_time = '13:00' and status = 'booked'`);
    expect(count!.n).toBe(20);
    console.info(`[queue] 500 concurrent bookings on ${platform.database.kind}: ${created.length} × 201, ${refused.length} × 409 slot_full in ${Math.round(ms)} ms`);
  }, 300_000);

  it('the database refuses an overbooking even if the code did not check', async () => {
    await expect(queryRows(platform.database.db, sql`update queue_slots set booked = capacity + 1 where day = ${TODAY}::date and start_time = '13:00'`)).rejects.toThrow();
  });
});

describe('booking rules', () => {
  let siti: Session;
  beforeAll(async () => {
    siti = await platform.asCitizen();
  });

  it('gives a booking code with a QR, the masked NIK, and the check-in window', async () => {
    const res = await siti.post('/api/queue/bookings', { point: MPP, service: 'ktp-el-baru', date: TODAY, time: '10:00' });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({ status: 'booked', date: TODAY, time: '10:00', nik: '3510 20•• •••• 0001', service: { code: 'ktp-el-baru' }, standing: { kind: 'clear' } });
    expect(b.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(b.qrSvg).toMatch(/^<svg/);
    expect(b.checkInFrom).toBe(wib(TODAY, '09:30').toISOString());
    expect(b.lateAfter).toBe(wib(TODAY, '10:10').toISOString());
    const mine = (await siti.get('/api/queue/bookings')).json().items;
    expect(mine.map((x: { code: string }) => x.code)).toContain(b.code);
    const sms = await queryRows<{ body: string }>(platform.database.db, sql`select body from outbox where template = 'queue.booking_confirmed' and body like ${`%${b.code}%`}`);
    expect(sms).toHaveLength(1);
  });

  it('one active booking per NIK per service per day', async () => {
    const again = await siti.post('/api/queue/bookings', { point: MPP, service: 'ktp-el-baru', date: TODAY, time: '11:00' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ reason: 'already_booked' });
    const otherService = await siti.post('/api/queue/bookings', { point: MPP, service: 'kk-baru', date: TODAY, time: '11:00' });
    expect(otherService.statusCode).toBe(201);
  });

  it('limits active bookings per phone number across NIKs (calo)', async () => {
    const phone = '+6281355500001';
    const sessions: Session[] = [];
    for (const i of [0, 1, 2]) {
      const who = citizen(4000 + i, phone);
      // The harness reads the newest code sent to the phone: let each sign-in be newer.
      platform.clock.advance(1000);
      sessions.push(await platform.asCitizen(who.nik, who.phone));
    }
    const book = (s: Session) => s.post('/api/queue/bookings', { point: MPP, service: 'skck-baru', date: TODAY, time: '14:00' });
    expect((await book(sessions[0]!)).statusCode).toBe(201);
    expect((await book(sessions[1]!)).statusCode).toBe(201);
    const third = await book(sessions[2]!);
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ reason: 'phone_limit' });
  });

  it('refuses before the quota opens and says when it opens; accepts once it has', async () => {
    const day = '2026-12-09'; // opens 2026-12-02 07:00 WIB
    const early = await siti.post('/api/queue/bookings', { point: MPP, service: 'akta-kelahiran', date: day, time: '09:00' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ reason: 'quota_not_open', opensAt: wib('2026-12-02', '07:00').toISOString() });
    const slots = (await platform.anonymous.get(`/api/queue/points/${MPP}/services/akta-kelahiran/slots?date=${day}`)).json();
    expect(slots.slots.every((s: { bookable: boolean }) => !s.bookable)).toBe(true);
    expect(slots.opensAt).toBe(wib('2026-12-02', '07:00').toISOString());
  });

  it('refuses a slot that does not exist, a closed day, a service without online booking', async () => {
    const odd = await siti.post('/api/queue/bookings', { point: MPP, service: 'akta-kelahiran', date: TODAY, time: '10:15' });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().errors[0].field).toBe('time');
    const sunday = await siti.post('/api/queue/bookings', { point: MPP, service: 'akta-kelahiran', date: '2026-12-06', time: '09:00' });
    expect(sunday.statusCode).toBe(400);
    expect(sunday.json().errors[0].message).toMatch(/tutup/);
    const walkInOnly = await siti.post('/api/queue/bookings', { point: MPP, service: 'legalisir-dokumen-kependudukan', date: TODAY, time: '10:00' });
    expect(walkInOnly.statusCode).toBe(409);
    expect(walkInOnly.json()).toMatchObject({ reason: 'booking_disabled' });
  });

  it('only citizens book; staff and strangers cannot read a booking', async () => {
    expect((await platform.anonymous.post('/api/queue/bookings', { point: MPP, service: 'kia', date: TODAY, time: '10:00' })).statusCode).toBe(401);
    expect((await admin.post('/api/queue/bookings', { point: MPP, service: 'kia', date: TODAY, time: '10:00' })).statusCode).toBe(403);
    const mine = (await siti.get('/api/queue/bookings')).json().items[0];
    const [stranger] = await citizensDirect(platform, 5000, 1);
    expect((await stranger!.get(`/api/queue/bookings/${mine.code}`)).statusCode).toBe(404);
    expect((await (await platform.as('loket')).get(`/api/queue/bookings/${mine.code}`)).statusCode).toBe(200);
    expect((await (await platform.as('capil')).get(`/api/queue/bookings/${mine.code}`)).statusCode).toBe(404);
  });

  it('cancel gives the place back at once', async () => {
    await configureService(admin, 'akta-perceraian', { slotCapacity: 1 });
    const [a, b] = await citizensDirect(platform, 6000, 2);
    const first = await a!.post('/api/queue/bookings', { point: MPP, service: 'akta-perceraian', date: TODAY, time: '11:00' });
    expect(first.statusCode).toBe(201);
    expect((await b!.post('/api/queue/bookings', { point: MPP, service: 'akta-perceraian', date: TODAY, time: '11:00' })).json()).toMatchObject({ reason: 'slot_full' });
    expect((await a!.post(`/api/queue/bookings/${first.json().code}/cancel`)).statusCode).toBe(204);
    expect((await a!.post(`/api/queue/bookings/${first.json().code}/cancel`)).json()).toMatchObject({ reason: 'booking_not_active' });
    expect((await b!.post('/api/queue/bookings', { point: MPP, service: 'akta-perceraian', date: TODAY, time: '11:00' })).statusCode).toBe(201);
  });

  it('reschedule: to a full slot the old booking stands; to a free slot it moves', async () => {
    const [a] = await citizensDirect(platform, 6100, 1);
    const booked = (await a!.post('/api/queue/bookings', { point: MPP, service: 'akta-perceraian', date: TODAY, time: '11:30' })).json();
    const toFull = await a!.post(`/api/queue/bookings/${booked.code}/reschedule`, { date: TODAY, time: '11:00' });
    expect(toFull.statusCode).toBe(409);
    expect(toFull.json()).toMatchObject({ reason: 'slot_full' });
    expect((await a!.get(`/api/queue/bookings/${booked.code}`)).json().status).toBe('booked');
    const moved = await a!.post(`/api/queue/bookings/${booked.code}/reschedule`, { date: TODAY, time: '13:30' });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(moved.json()).toMatchObject({ status: 'booked', time: '13:30' });
    expect(moved.json().code).not.toBe(booked.code);
    expect((await a!.get(`/api/queue/bookings/${booked.code}`)).json().status).toBe('rescheduled');
    const [slot] = await queryRows<{ booked: number }>(platform.database.db, sql`select booked from queue_slots s join service_points p on p.id = s.point_id where p.code = ${MPP} and s.day = ${TODAY}::date and s.start_time = '11:30' and s.service_id = (select id from services where code = 'akta-perceraian')`);
    expect(slot!.booked).toBe(0);
  });
});

describe('check-in', () => {
  let kiosk: string;
  let loket: Session;
  beforeAll(async () => {
    kiosk = (await admin.post(`/api/queue/points/${MPP}/kiosks`, { name: 'Kios check-in' })).json().token;
    loket = await platform.as('loket');
  });
  const checkIn = (code: string, token = kiosk) => platform.anonymous.post(`/api/queue/points/${MPP}/check-in`, { code }, { 'x-kiosk-token': token });

  it('too early: says when check-in opens; in the window: an appointment ticket ordered by booked time', async () => {
    platform.clock.set(wib(TODAY, '09:00'));
    const [a] = await citizensDirect(platform, 7000, 1);
    const b = (await a!.post('/api/queue/bookings', { point: MPP, service: 'kia', date: TODAY, time: '10:00' })).json();
    const early = await checkIn(b.code);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ reason: 'too_early', opensAt: wib(TODAY, '09:30').toISOString() });
    platform.clock.set(wib(TODAY, '09:30'));
    const ok = await checkIn(b.checkInUrl); // a scanned QR gives the whole URL
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ decision: 'appointment', bookingCode: b.code, ticket: { kind: 'appointment', bookedAt: wib(TODAY, '10:00').toISOString() } });
    expect((await checkIn(b.code)).json()).toMatchObject({ reason: 'already_checked_in', number: ok.json().ticket.number });
    expect((await a!.get(`/api/queue/bookings/${b.code}`)).json()).toMatchObject({ status: 'checked_in', ticket: { number: ok.json().ticket.number } });
  });

  it('more than 10 minutes late: an ordinary walk-in ticket', async () => {
    platform.clock.set(wib(TODAY, '09:30'));
    const [a] = await citizensDirect(platform, 7100, 1);
    const b = (await a!.post('/api/queue/bookings', { point: MPP, service: 'kia', date: TODAY, time: '10:30' })).json();
    platform.clock.set(wib(TODAY, '10:41'));
    const late = await loket.post(`/api/queue/points/${MPP}/check-in`, { code: b.code });
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ decision: 'walk_in', minutesLate: 11, ticket: { kind: 'walk_in', bookedAt: null } });
  });

  it('exactly 10 minutes late still holds the appointment', async () => {
    platform.clock.set(wib(TODAY, '10:00'));
    const [a] = await citizensDirect(platform, 7200, 1);
    const b = (await a!.post('/api/queue/bookings', { point: MPP, service: 'kia', date: TODAY, time: '11:00' })).json();
    platform.clock.set(wib(TODAY, '11:10'));
    expect((await checkIn(b.code)).json()).toMatchObject({ decision: 'appointment' });
  });

  it('refuses a code of another point, a malformed code, and nobody without a kiosk or staff session', async () => {
    expect((await checkIn('ZZZZZZZZ')).statusCode).toBe(404);
    expect((await checkIn('abc')).statusCode).toBe(400);
    expect((await platform.anonymous.post(`/api/queue/points/${MPP}/check-in`, { code: 'ZZZZZZZZ' })).statusCode).toBe(401);
    const citizen = await platform.asCitizen();
    expect((await citizen.post(`/api/queue/points/${MPP}/check-in`, { code: 'ZZZZZZZZ' })).statusCode).toBe(403);
  });
});

describe('no-shows', () => {
  it('a missed booking becomes a no-show, its place goes to the walk-in quota; warnings before any block', async () => {
    const { sweepMissedBookings } = await import('./booking-service.ts');
    await configureService(admin, 'pengakuan-anak', { walkInDailyQuota: 5 });
    const day = TODAY;
    platform.clock.set(wib(day, '08:00'));
    let [a] = await citizensDirect(platform, 8000, 1);
    const who = citizen(8000);
    const booking = (await a!.post('/api/queue/bookings', { point: MPP, service: 'pengakuan-anak', date: day, time: '09:00' })).json();
    platform.clock.set(wib(day, '09:11'));
    expect(await sweepMissedBookings(platform.ctx)).toBeGreaterThanOrEqual(1);
    expect((await a!.get(`/api/queue/bookings/${booking.code}`)).json()).toMatchObject({ status: 'no_show', standing: { kind: 'warning', count: 1, remaining: 2 } });
    const quota = (await platform.anonymous.get(`/api/queue/points/${MPP}/availability?date=${day}`)).json().services.find((s: { service: { code: string } }) => s.service.code === 'pengakuan-anak');
    expect(quota.walkIn).toMatchObject({ quota: 5, released: 1, remaining: 6 });

    // Two more misses on other days: the third blocks online booking, with the date it ends.
    for (const d of ['2026-12-01', '2026-12-02']) {
      platform.clock.set(wib(d, '08:00'));
      a = await platform.asCitizen(who.nik, who.phone); // yesterday's session has expired
      const b = await a!.post('/api/queue/bookings', { point: MPP, service: 'pengakuan-anak', date: d, time: '09:00' });
      expect(b.statusCode, b.body).toBe(201);
      expect(b.json().standing.kind).toBe('warning');
      platform.clock.set(wib(d, '09:11'));
      await sweepMissedBookings(platform.ctx);
    }
    platform.clock.set(wib('2026-12-03', '08:00'));
    a = await platform.asCitizen(who.nik, who.phone);
    const blocked = await a!.post('/api/queue/bookings', { point: MPP, service: 'pengakuan-anak', date: '2026-12-03', time: '09:00' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ reason: 'no_show_block' });
    expect(blocked.json().detail).toMatch(/tetap dapat mengambil antrian langsung/);
  });
});
