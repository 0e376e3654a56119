import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import * as repo from './repository.ts';
import { isOpenNow, promisedDate, todayHours } from './service.ts';

/**
 * Opening state with a controlled clock (WIB = UTC+7). December 2026: Friday 4 is Jumat Kliwon,
 * Wednesday 9 Rabu Kliwon (Rogojampi's market days are Legi and Kliwon, Genteng's Pon and Wage),
 * Thursday 24 cuti bersama, Friday 25 Christmas.
 */
let platform: TestPlatform;

const wib = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
});

/** Signs in at the test clock's time (a session lasts hours; these tests jump days). */
async function admin(): Promise<Session> {
  return platform.as('admin');
}
afterAll(async () => {
  await platform?.close();
});

async function point(code: string, at: Date) {
  platform.clock.set(at);
  const res = await platform.anonymous.get(`/api/catalogue/points/${code}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('service point opening state', () => {
  it('closes the MPP for the Friday prayer break and says when it opens again', async () => {
    const morning = await point('mpp-banyuwangi', wib('2026-12-04', '11:00'));
    expect(morning).toMatchObject({ openNow: true, pasaranToday: 'Kliwon', today: { date: '2026-12-04', javaneseDay: 'Jumat Kliwon' } });
    expect(morning.today.hours).toEqual([{ open: '08:00', close: '11:30' }, { open: '13:00', close: '14:00' }]);

    const prayer = await point('mpp-banyuwangi', wib('2026-12-04', '12:00'));
    expect(prayer.openNow).toBe(false);
    expect(prayer.nextOpening).toBe(wib('2026-12-04', '13:00').toISOString());

    expect((await point('mpp-banyuwangi', wib('2026-12-04', '13:30'))).openNow).toBe(true);
    expect(await isOpenNow(platform.ctx, 'mpp-banyuwangi', wib('2026-12-04', '11:45'))).toBe(false);
  });

  it('shows this week’s hours with pasaran, Saturday mornings and a closed Sunday', async () => {
    const mpp = await point('mpp-banyuwangi', wib('2026-12-02', '09:00'));
    expect(mpp.week.map((d: { date: string }) => d.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(mpp.week.map((d: { javaneseDay: string }) => d.javaneseDay)).toEqual(['Senin Legi', 'Selasa Pahing', 'Rabu Pon', 'Kamis Wage', 'Jumat Kliwon', 'Sabtu Legi', 'Minggu Pahing']);
    expect(mpp.week[5].hours).toEqual([{ open: '08:00', close: '12:00' }]);
    expect(mpp.week[6]).toMatchObject({ hours: [], note: { id: 'Tutup', en: 'Closed' } });
    expect(mpp.counters.length).toBeGreaterThan(25);
  });

  it('closes on a holiday and on cuti bersama, naming the day', async () => {
    const christmas = await point('mpp-banyuwangi', wib('2026-12-25', '10:00'));
    expect(christmas).toMatchObject({ openNow: false, today: { hours: [], note: { id: 'Kelahiran Yesus Kristus (Natal)' } } });
    // Cuti bersama the day before; the next opening is Saturday morning.
    const eve = await point('mpp-banyuwangi', wib('2026-12-24', '10:00'));
    expect(eve).toMatchObject({ openNow: false, today: { note: { id: 'Cuti bersama Kelahiran Yesus Kristus' } } });
    expect(eve.nextOpening).toBe(wib('2026-12-26', '08:00').toISOString());
    expect(await todayHours(platform.ctx, 'ppp-genteng', wib('2026-12-25', '10:00'))).toEqual([]);
  });

  it('opens a market unit earlier and longer on its pasaran days', async () => {
    // Rabu Kliwon: Rogojampi's market day, an ordinary day in Genteng.
    const early = wib('2026-12-09', '07:15');
    const rogojampi = await point('ppp-rogojampi', early);
    expect(rogojampi).toMatchObject({ openNow: true, today: { marketDay: true, pasaran: 'Kliwon', hours: [{ open: '07:00', close: '15:00' }] } });
    const genteng = await point('ppp-genteng', early);
    expect(genteng).toMatchObject({ openNow: false, today: { marketDay: false, hours: [{ open: '07:30', close: '14:00' }] } });
    // Rabu Pon: now Genteng's turn.
    expect((await point('ppp-genteng', wib('2026-12-02', '14:30'))).openNow).toBe(true);
    expect((await point('ppp-rogojampi', wib('2026-12-02', '14:30'))).openNow).toBe(false);
    // Jumat Kliwon: market hours, still with the Friday prayer break.
    expect((await point('ppp-rogojampi', wib('2026-12-04', '12:00'))).today.hours).toEqual([{ open: '07:00', close: '11:30' }, { open: '13:00', close: '15:00' }]);
  });

  it('closes village offices before Friday prayers and keeps the online channel open on holidays', async () => {
    expect((await point('smart-kampung-35.10.20.2001', wib('2026-12-04', '10:30'))).openNow).toBe(true);
    expect((await point('smart-kampung-35.10.20.2001', wib('2026-12-04', '11:15'))).openNow).toBe(false);
    const online = await point('online', wib('2026-12-25', '21:00'));
    expect(online).toMatchObject({ openNow: true, today: { note: null } });
  });

  it('lists points with today’s state, filtered by kind or service', async () => {
    platform.clock.set(wib('2026-12-09', '07:15'));
    const markets = (await platform.anonymous.get('/api/catalogue/points?kind=market')).json().items;
    expect(markets.map((p: { code: string; openNow: boolean }) => [p.code, p.openNow])).toEqual([['ppp-genteng', false], ['ppp-rogojampi', true]]);
    const passport = (await platform.anonymous.get('/api/catalogue/points?service=paspor-baru')).json().items;
    expect(passport.map((p: { code: string }) => p.code)).toEqual(['mpp-banyuwangi', 'online']);
    const villages = (await platform.anonymous.get('/api/catalogue/points?kind=village')).json().items;
    expect(villages).toHaveLength(217);
  });

  it('applies the admin’s special days and closures', async () => {
    const closed = await (await admin()).request('PUT', '/api/catalogue/points/mpp-banyuwangi/special-days/2026-12-12', { closed: true, note: { id: 'Pemeliharaan gedung', en: 'Building maintenance' } });
    expect(closed.statusCode).toBe(204);
    const sunday = await (await admin()).request('PUT', '/api/catalogue/points/mpp-banyuwangi/special-days/2026-12-13', { closed: false, open: '08:00', close: '12:00', note: { id: 'Layanan akhir pekan', en: 'Weekend service' } });
    expect(sunday.statusCode).toBe(204);
    const bad = await (await admin()).request('PUT', '/api/catalogue/points/mpp-banyuwangi/special-days/2026-12-14', { closed: false, open: '12:00', note: { id: 'x', en: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'close', message: 'Isi jam tutup, atau tandai tutup' }]);

    expect((await point('mpp-banyuwangi', wib('2026-12-12', '09:00')))).toMatchObject({ openNow: false, today: { note: { id: 'Pemeliharaan gedung' } } });
    expect((await point('mpp-banyuwangi', wib('2026-12-13', '09:00')))).toMatchObject({ openNow: true, today: { hours: [{ open: '08:00', close: '12:00' }] } });

    // Hari Jadi Banyuwangi (18 December): a regency-wide closure entered by the admin.
    const created = await (await admin()).request('PUT', '/api/catalogue/closures/2026-12-18', { kind: 'special_closure', name: { id: 'Hari Jadi Banyuwangi', en: 'Banyuwangi anniversary' } });
    expect(created.statusCode).toBe(201);
    expect((await point('ppp-genteng', wib('2026-12-18', '09:00')))).toMatchObject({ openNow: false, today: { note: { id: 'Hari Jadi Banyuwangi' } } });
    const calendar = (await platform.anonymous.get('/api/catalogue/calendar?year=2026')).json();
    expect(calendar.specialClosures).toEqual([{ date: '2026-12-18', name: { id: 'Hari Jadi Banyuwangi', en: 'Banyuwangi anniversary' } }]);
    expect(calendar.cutiBersama.map((c: { date: string }) => c.date)).toContain('2026-12-24');
    expect(calendar.holidays.map((h: { date: string }) => h.date)).toContain('2026-12-25');
    expect(calendar.specialDays.map((d: { date: string; closed: boolean }) => [d.date, d.closed])).toEqual([['2026-12-12', true], ['2026-12-13', false]]);

    // Removing the closure opens the day again.
    expect((await (await admin()).request('DELETE', '/api/catalogue/closures/2026-12-18')).statusCode).toBe(204);
    expect((await point('ppp-genteng', wib('2026-12-18', '09:00'))).openNow).toBe(true);
    expect((await (await admin()).request('PUT', '/api/catalogue/closures/2026-12-18', { kind: 'special_closure', name: { id: 'Hari Jadi Banyuwangi', en: 'Banyuwangi anniversary' } })).statusCode).toBe(201);
  });
});

describe('promised dates', () => {
  const idOf = async (code: string) => (await repo.findServiceByCode(platform.ctx.db, platform.ctx.regencyCode, code))!.id;

  it('counts working days past weekends, holidays, cuti bersama and the admin’s closures', async () => {
    const oneDay = await idOf('ktp-el-hilang'); // 1 working day
    expect(await promisedDate(platform.ctx, oneDay, wib('2026-12-01', '10:00'))).toBe('2026-12-02');
    expect(await promisedDate(platform.ctx, oneDay, wib('2026-12-17', '10:00'))).toBe('2026-12-21'); // 18th closed, then the weekend
    expect(await promisedDate(platform.ctx, oneDay, wib('2026-12-23', '10:00'))).toBe('2026-12-28'); // cuti bersama, Christmas, weekend
  });

  it('counts working hours on the opening hours of the MPP, Friday break and Saturday included', async () => {
    const express = await idOf('paspor-percepatan'); // 8 working hours
    // Friday 10:00: 1.5 h before the break, 1 h after, 4 h on Saturday, 1.5 h on Monday.
    expect(await promisedDate(platform.ctx, express, wib('2026-12-04', '10:00'))).toBe('2026-12-07');
  });
});
