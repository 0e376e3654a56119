import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { configureService, MPP, withQueueDemo } from './testing.ts';

let platform: TestPlatform;
let admin: Session;
let loket: Session;

const TODAY = '2026-11-30'; // Monday; the clock starts at 09:00 WIB

type ServiceRow = { service: { code: string; agency: string }; queue: string | null; configured: boolean; bookingEnabled: boolean; slotCapacity: number; walkInDailyQuota: number | null };

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
  await withQueueDemo(platform);
  admin = await platform.as('admin');
  loket = await platform.as('loket');
  // Seeding the catalogue takes a while on a busy machine: more than the default hook timeout.
}, 300_000);
afterAll(async () => {
  await platform?.close();
});

/** The audit rows of an entity, with their details (the admin's audit page shows the rows; the details stay in the log). */
async function auditOf(entityType: string, entityId: string) {
  const res = await admin.get(`/api/audit?entityType=${entityType}&entityId=${entityId}`);
  expect(res.statusCode, res.body).toBe(200);
  const details = await queryRows<{ seq: string | number; details: Record<string, unknown> | null }>(
    platform.database.db,
    sql`select seq, details from audit_log where entity_type = ${entityType} and entity_id = ${entityId}`,
  );
  return (res.json().items as { seq: number; action: string }[]).map((row) => ({ ...row, details: details.find((d) => Number(d.seq) === row.seq)?.details ?? null }));
}

describe('the points an admin may configure', () => {
  it('lists the hall points (not the online one) and says which are the admin’s own', async () => {
    const res = await admin.get('/api/queue/settings/points');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { code: string; kind: string; manageable: boolean }[];
    expect(items.find((p) => p.code === MPP)).toMatchObject({ kind: 'mpp', manageable: true });
    expect(items.find((p) => p.code === 'ppp-genteng')).toMatchObject({ kind: 'market', manageable: false });
    expect(items.some((p) => p.kind === 'village')).toBe(true);
    expect(items.some((p) => p.kind === 'online')).toBe(false);
    expect(items.filter((p) => p.manageable).map((p) => p.code)).toEqual([MPP]);
    expect(res.headers['cache-control']).toMatch(/no-store/);
  });

  it('is for the MPP admin only', async () => {
    expect((await loket.get('/api/queue/settings/points')).statusCode).toBe(403);
    expect((await (await platform.as('pimpinan')).get('/api/queue/settings/points')).statusCode).toBe(403);
    expect((await (await platform.as('desa.sempu')).get('/api/queue/settings/points')).statusCode).toBe(403);
    expect((await (await platform.asCitizen()).get('/api/queue/settings/points')).statusCode).toBe(403);
    expect((await platform.anonymous.get('/api/queue/settings/points')).statusCode).toBe(401);
  });
});

describe("a point's settings", () => {
  it('lists every service the point offers, configured or not, with the queue its tickets join', async () => {
    const res = await admin.get(`/api/queue/points/${MPP}/settings`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.point).toMatchObject({ code: MPP, kind: 'mpp' });
    const services = body.services as ServiceRow[];
    const offered = (await platform.anonymous.get(`/api/catalogue/points/${MPP}`)).json();
    expect(services.length).toBeGreaterThan(20);
    expect(services.length).toBe(offered.services.length);
    // Seeded with online booking …
    expect(services.find((s) => s.service.code === 'ktp-el-baru')).toMatchObject({ configured: true, bookingEnabled: true, slotCapacity: 5, walkInDailyQuota: 80, queue: 'A' });
    // … and one nobody configured: the defaults, walk-in only.
    const plain = services.find((s) => s.service.code === 'legalisir-dokumen-kependudukan');
    expect(plain).toMatchObject({ configured: false, bookingEnabled: false, walkInDailyQuota: null });
    expect(plain!.service.agency).toBeTruthy();
  });

  it('a new slot capacity reaches the public slots at once, and the change is audited', async () => {
    await configureService(admin, 'kk-baru', { slotCapacity: 7, onlineDailyQuota: 40, walkInDailyQuota: 50 });
    const slots = (await platform.anonymous.get(`/api/queue/points/${MPP}/services/kk-baru/slots?date=${TODAY}`)).json();
    expect(slots.slots.length).toBeGreaterThan(0);
    for (const slot of slots.slots as { capacity: number }[]) expect(slot.capacity).toBe(7);
    const row = ((await admin.get(`/api/queue/points/${MPP}/settings`)).json().services as ServiceRow[]).find((s) => s.service.code === 'kk-baru');
    expect(row).toMatchObject({ configured: true, slotCapacity: 7 });
    const [point] = await queryRows<{ id: string }>(platform.database.db, sql`select id from service_points where code = ${MPP}`);
    const trail = await auditOf('service_point', point!.id);
    expect(trail.find((a) => a.action === 'queue.service_settings.update' && a.details?.service === 'kk-baru')?.details).toMatchObject({ slotCapacity: 7 });
  });

  it('names the wrong field of a service setting, in the request language', async () => {
    const res = await admin.request('PUT', `/api/queue/points/${MPP}/services/kk-baru/settings`, { bookingEnabled: true, slotMinutes: 30, slotCapacity: 0, onlineDailyQuota: null, walkInDailyQuota: null, opening: { daysBefore: 7, at: '7 pagi' }, closingMarginMinutes: 30 });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['slotCapacity', 'opening.at']));
    expect(res.json().errors.find((e: { field: string }) => e.field === 'opening.at').message).toBe('Jam berformat JJ:MM');
    expect(res.json().errors.find((e: { field: string }) => e.field === 'slotCapacity').message).toBe('Isi bilangan bulat dari 1 sampai 1000');
    const english = await admin.request('PUT', `/api/queue/points/${MPP}/services/kk-baru/settings?lang=en`, { bookingEnabled: true, slotMinutes: 30, slotCapacity: 2.5, onlineDailyQuota: null, walkInDailyQuota: -1, opening: { daysBefore: 7, at: '07:00' }, closingMarginMinutes: 30 });
    expect(english.statusCode).toBe(400);
    expect(english.json().errors).toEqual(expect.arrayContaining([{ field: 'slotCapacity', message: 'Enter a whole number' }, { field: 'walkInDailyQuota', message: 'Enter a whole number from 0 to 100000' }]));
  });

  it('is refused to everyone but the MPP admin of the point', async () => {
    expect((await loket.get(`/api/queue/points/${MPP}/settings`)).statusCode).toBe(403);
    expect((await admin.get('/api/queue/points/ppp-genteng/settings')).statusCode).toBe(403);
    expect((await (await platform.as('pimpinan')).get(`/api/queue/points/${MPP}/settings`)).statusCode).toBe(403);
    expect((await platform.anonymous.get(`/api/queue/points/${MPP}/settings`)).statusCode).toBe(401);
  });
});

describe('kiosks', () => {
  it('pairs a kiosk (token once, only its hash kept), lists it, revokes it, and audits both', async () => {
    const paired = await admin.post(`/api/queue/points/${MPP}/kiosks`, { name: 'Kios lantai 2' });
    expect(paired.statusCode, paired.body).toBe(201);
    const { id, token } = paired.json() as { id: string; token: string };
    expect((await platform.anonymous.get('/api/queue/kiosk', { 'x-kiosk-token': token })).statusCode).toBe(200);
    const listed = ((await admin.get(`/api/queue/points/${MPP}/settings`)).json().kiosks as { id: string; name: string; revoked: boolean }[]).find((k) => k.id === id);
    expect(listed).toMatchObject({ name: 'Kios lantai 2', revoked: false });
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await loket.delete(`/api/queue/points/${MPP}/kiosks/${id}`)).statusCode).toBe(403);
    const revoked = await admin.delete(`/api/queue/points/${MPP}/kiosks/${id}`);
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect((await platform.anonymous.get('/api/queue/kiosk', { 'x-kiosk-token': token })).statusCode).toBe(401);
    expect((await admin.delete(`/api/queue/points/${MPP}/kiosks/${id}`)).statusCode).toBe(404);
    const after = ((await admin.get(`/api/queue/points/${MPP}/settings`)).json().kiosks as { id: string; revoked: boolean }[]).find((k) => k.id === id);
    expect(after?.revoked).toBe(true);
    expect((await auditOf('queue_kiosk', id)).map((a) => a.action).sort()).toEqual(['queue.kiosk.pair', 'queue.kiosk.revoke']);
  });

  it('only the MPP admin of the point pairs kiosks', async () => {
    expect((await loket.post(`/api/queue/points/${MPP}/kiosks`, { name: 'Kios' })).statusCode).toBe(403);
    expect((await admin.post('/api/queue/points/ppp-genteng/kiosks', { name: 'Kios' })).statusCode).toBe(403);
  });
});

describe('the ordering policy', () => {
  it('a changed priority weight is saved and audited', async () => {
    const current = (await admin.get(`/api/queue/points/${MPP}/settings`)).json().settings;
    const groups = current.policy.groups.map((g: { code: string; weight: number }) => (g.code === 'lansia' ? { ...g, weight: 9 } : g));
    const put = await admin.request('PUT', `/api/queue/points/${MPP}/settings`, { ...current, policy: { ...current.policy, groups } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().policy.groups.find((g: { code: string }) => g.code === 'lansia').weight).toBe(9);
    const [point] = await queryRows<{ id: string }>(platform.database.db, sql`select id from service_points where code = ${MPP}`);
    const audited = (await auditOf('service_point', point!.id)).find((a) => a.action === 'queue.settings.update');
    expect(JSON.stringify(audited?.details)).toContain('"weight":9');
    const kiosk = (await admin.post(`/api/queue/points/${MPP}/kiosks`, { name: 'Kios' })).json().token;
    const home = (await platform.anonymous.get('/api/queue/kiosk', { 'x-kiosk-token': kiosk })).json();
    expect(home.priorityGroups.find((g: { code: string }) => g.code === 'lansia').weight).toBe(9);
  });
});
