import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { citizens, citizensDirect, configureService, MPP, wib, withQueueDemo } from './testing.ts';

let platform: TestPlatform;
let admin: Session;

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true, config: { LOGIN_RATE_LIMIT: '100000' } });
  await withQueueDemo(platform);
  admin = await platform.as('admin');
});
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
