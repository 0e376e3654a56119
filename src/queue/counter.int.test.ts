import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client.ts';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { citizen, configureService, MPP, wib, withQueueDemo } from './testing.ts';

let platform: TestPlatform;
let admin: Session;
let loket: Session;
let loket2: Session;
let kiosk: string;

const MIN = 60_000;

async function issue(service: string, extra: Record<string, unknown> = {}) {
  const res = await platform.anonymous.post(`/api/queue/points/${MPP}/tickets`, { service, ...extra }, { 'x-kiosk-token': kiosk });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { ticket: { id: string; number: string; state: string }; liveUrl: string; qrSvg: string; ahead: number };
}

async function act(session: Session, id: string, action: string, body: Record<string, unknown> = {}) {
  return session.post(`/api/queue/tickets/${id}/${action}`, body);
}

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
  await withQueueDemo(platform);
  admin = await platform.as('admin');
  loket = await platform.as('loket');
  // A second officer at the MPP, created through the admin API.
  const places = (await admin.get('/api/places?kind=service_point')).json();
  const mppPlace = (places.items ?? places).find((p: { code: string }) => p.code === MPP);
  const created = await admin.post('/api/admin/users', { username: 'loket2', password: 'Banyuwangi#2026', displayName: 'Agus Setiawan (Loket MPP)', role: 'counter_officer', placeIds: [mppPlace.id] });
  expect(created.statusCode, created.body).toBe(201);
  loket2 = await platform.as('loket2');
  const paired = await admin.post(`/api/queue/points/${MPP}/kiosks`, { name: 'Kios lobi' });
  expect(paired.statusCode, paired.body).toBe(201);
  kiosk = paired.json().token;
  // Seeding the catalogue takes a while on a busy machine: more than the default hook timeout.
}, 300_000);
afterAll(async () => {
  await platform?.close();
});

describe('walk-in tickets', () => {
  it('numbers each queue A001, A002 … and gives a printable ticket with the QR of the live page', async () => {
    const first = await issue('ktp-el-baru');
    const second = await issue('ktp-el-rusak');
    const kk = await issue('kk-baru');
    expect(first.ticket.number).toBe('A001');
    expect(second.ticket.number).toBe('A002');
    expect(kk.ticket.number).toBe('B001');
    expect(first.qrSvg).toMatch(/^<svg/);
    expect(first.liveUrl).toMatch(/\/antrian\/tiket\/[\w-]{20,}$/);
    expect(second.ahead, JSON.stringify({ f: first.ticket, s: second.ticket, live: (await platform.anonymous.get(`/api/queue/live/${second.liveUrl.split('/').pop()}`)).json() })).toBe(1);
    const live = await platform.anonymous.get(`/api/queue/live/${first.liveUrl.split('/').pop()}`);
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ number: 'A001', state: 'waiting', ahead: 0, point: { code: MPP } });
    expect(live.body).not.toMatch(/\d{16}/);
  });

  it('refuses a kiosk of another point and an unpaired kiosk', async () => {
    const bad = await platform.anonymous.post(`/api/queue/points/${MPP}/tickets`, { service: 'kk-baru' }, { 'x-kiosk-token': 'x'.repeat(43) });
    expect(bad.statusCode).toBe(401);
    const other = await admin.post(`/api/queue/points/ppp-genteng/kiosks`, { name: 'Kios Genteng' });
    expect(other.statusCode).toBe(403); // the admin is bound to the MPP only
    const anonymous = await platform.anonymous.post(`/api/queue/points/${MPP}/tickets`, { service: 'kk-baru' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses an unknown priority group and a service the point does not offer', async () => {
    const group = await platform.anonymous.post(`/api/queue/points/${MPP}/tickets`, { service: 'kk-baru', priorityGroup: 'vip' }, { 'x-kiosk-token': kiosk });
    expect(group.statusCode).toBe(400);
    expect(group.json().errors[0].field).toBe('priorityGroup');
    const service = await platform.anonymous.post(`/api/queue/points/${MPP}/tickets`, { service: 'tidak-ada' }, { 'x-kiosk-token': kiosk });
    expect(service.statusCode).toBe(404);
  });

  it('counter staff can issue a ticket too', async () => {
    const res = await loket.post(`/api/queue/points/${MPP}/tickets`, { service: 'kk-baru', priorityGroup: 'lansia' });
    expect(res.statusCode).toBe(201);
    expect(res.json().ticket).toMatchObject({ number: 'B002', priorityGroup: 'lansia' });
  });
});

describe('the counter console', () => {
  it('an officer signs in to a counter; a second officer cannot take it', async () => {
    const res = await loket.post('/api/queue/console/sign-in', { point: MPP, counter: 'A' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ counter: { code: 'A' }, session: { status: 'open' } });
    const taken = await loket2.post('/api/queue/console/sign-in', { point: MPP, counter: 'A' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ reason: 'counter_taken' });
    expect(taken.json().detail).toMatch(/Dewi Lestari/);
    const citizenSession = await platform.asCitizen();
    expect((await citizenSession.post('/api/queue/console/sign-in', { point: MPP, counter: 'C' })).statusCode).toBe(403);
    expect((await loket.get(`/api/queue/points/ppp-genteng/counters`)).statusCode).toBe(403);
  });

  it('call next, recall, start, finish: each transition recorded with time and officer', async () => {
    const call = await loket.post('/api/queue/console/call-next');
    expect(call.statusCode, call.body).toBe(200);
    expect(call.json()).toMatchObject({ ticket: { number: 'A001', state: 'called', counter: 'A' }, pick: 'normal' });
    expect(call.json().announcement.id).toBe('Nomor antrian A nol nol satu, silakan ke loket A.');
    const id = call.json().ticket.id;

    const busy = await loket.post('/api/queue/console/call-next');
    expect(busy.statusCode).toBe(409);
    expect(busy.json()).toMatchObject({ reason: 'counter_busy' });

    platform.clock.advance(MIN);
    expect((await act(loket, id, 'recall')).json().announcement.id).toMatch(/^Panggilan ulang\. Nomor antrian A nol nol satu/);
    platform.clock.advance(MIN);
    expect((await act(loket, id, 'start')).json().ticket.state).toBe('serving');
    platform.clock.advance(7 * MIN);
    const done = await act(loket, id, 'finish', { services: ['ktp-el-baru', 'aktivasi-ikd'] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().ticket.state).toBe('done');

    const history = (await loket.get(`/api/queue/tickets/${id}/history`)).json().items;
    expect(history.map((e: { event: string }) => e.event)).toEqual(['issue', 'call', 'recall', 'start', 'finish']);
    expect(history.slice(1).every((e: { officer: string; counter: string }) => e.officer === 'Dewi Lestari (Loket MPP)' && e.counter === 'A')).toBe(true);
    const [visit] = await queryRows<{ minutes: number; delivered: number }>(
      platform.database.db,
      sql`select extract(epoch from ended_at - started_at)::int / 60 as minutes, cardinality(delivered_service_ids) as delivered from queue_visits where ticket_id = ${id}`,
    );
    expect(visit).toEqual({ minutes: 7, delivered: 2 });
  });

  it('refuses illegal transitions with a clear reason', async () => {
    const t = await issue('ktp-el-hilang');
    const finishWaiting = await act(loket, t.ticket.id, 'finish');
    expect(finishWaiting.statusCode).toBe(409);
    expect(finishWaiting.json()).toMatchObject({ reason: 'not_at_this_counter' });
    const call = await act(loket, t.ticket.id, 'call', { reason: 'warga lansia datang bersama pendamping' });
    expect(call.statusCode).toBe(200);
    expect(call.json().pick).toBe('specific');
    const finishCalled = await act(loket, t.ticket.id, 'finish');
    expect(finishCalled.statusCode).toBe(409);
    expect(finishCalled.json()).toMatchObject({ reason: 'illegal_transition', state: 'called', event: 'finish' });
    const noConfirm = await act(loket, t.ticket.id, 'no-show', { confirm: false });
    expect(noConfirm.statusCode).toBe(400);
    const otherCounter = await loket2.post('/api/queue/console/sign-in', { point: MPP, counter: 'C' });
    expect(otherCounter.statusCode).toBe(200);
    expect((await act(loket2, t.ticket.id, 'recall')).json()).toMatchObject({ reason: 'not_at_this_counter' });
    const noShow = await act(loket, t.ticket.id, 'no-show', { confirm: true });
    expect(noShow.json().ticket.state).toBe('no_show');
    expect((await act(loket, t.ticket.id, 'start')).statusCode).toBe(409);
    // The citizen turns up after all: back into the line.
    expect((await act(loket, t.ticket.id, 'reinstate')).json().ticket.state).toBe('waiting');
    const reason = await act(loket, t.ticket.id, 'call', { reason: 'x' });
    expect(reason.statusCode).toBe(400);
    expect(reason.json().errors[0].field).toBe('reason');
  });

  it('park and resume: the parked ticket is skipped by call-next and only its counter resumes it', async () => {
    const next = (await loket.post('/api/queue/console/call-next')).json();
    const id = next.ticket.id;
    await act(loket, id, 'start');
    const parked = await act(loket, id, 'park', { reason: 'fotokopi KK' });
    expect(parked.json().ticket).toMatchObject({ state: 'waiting', held: true });
    expect((await act(loket2, id, 'resume')).statusCode).toBe(409);
    const console1 = (await loket.get('/api/queue/console')).json();
    expect(console1.parked.map((t: { id: string }) => t.id)).toEqual([id]);
    expect(console1.waiting.some((t: { id: string }) => t.id === id)).toBe(false);
    const resumed = await act(loket, id, 'resume');
    expect(resumed.json().ticket).toMatchObject({ state: 'serving', held: false });
    expect((await act(loket, id, 'finish')).json().ticket.state).toBe('done');
  });

  it('transfer to another counter and redirect to a second service keep the number', async () => {
    const t = await issue('ktp-el-baru');
    await act(loket, t.ticket.id, 'call', { reason: 'uji transfer' });
    await act(loket, t.ticket.id, 'start');
    const moved = await act(loket, t.ticket.id, 'transfer', { counter: 'C', service: 'akta-kelahiran' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().ticket).toMatchObject({ number: t.ticket.number, state: 'waiting', queue: 'C', service: { code: 'akta-kelahiran' } });
    // Counter A cannot call it any more; counter C gets it next.
    const c = await loket2.post('/api/queue/console/call-next');
    expect(c.json().ticket.number).toBe(t.ticket.number);
    await act(loket2, t.ticket.id, 'start');
    const redirected = await act(loket2, t.ticket.id, 'redirect', { services: ['akta-kelahiran'], to: 'kk-perubahan-data' });
    expect(redirected.statusCode, redirected.body).toBe(200);
    expect(redirected.json().ticket).toMatchObject({ number: t.ticket.number, state: 'waiting', queue: 'B', service: { code: 'kk-perubahan-data' } });
    const wrong = await act(loket, t.ticket.id, 'transfer', { counter: 'G' });
    expect(wrong.statusCode).toBe(400);
  });

  it('a paused counter does not call; closing returns a called ticket to the line', async () => {
    await issue('ktp-el-baru');
    expect((await loket.post('/api/queue/console/pause')).json().session.status).toBe('paused');
    expect((await loket.post('/api/queue/console/call-next')).json()).toMatchObject({ reason: 'counter_paused' });
    await loket.post('/api/queue/console/resume');
    const called = (await loket.post('/api/queue/console/call-next')).json().ticket;
    expect((await loket.post('/api/queue/console/sign-out')).statusCode).toBe(204);
    const live = (await loket2.get(`/api/queue/tickets/${called.id}/history`)).json().items;
    expect(live.at(-1)).toMatchObject({ event: 'return', to: 'waiting', reason: 'counter closed' });
    expect((await loket.post('/api/queue/console/sign-in', { point: MPP, counter: 'A' })).statusCode).toBe(200);
  });
});

describe('ordering at the counter', () => {
  it('follows the mix: one priority call, then two normal', async () => {
    // Clear counter A's line first.
    for (;;) {
      const r = (await loket.post('/api/queue/console/call-next')).json();
      if (!r.ticket) break;
      await act(loket, r.ticket.id, 'start');
      await act(loket, r.ticket.id, 'finish');
    }
    const n1 = await issue('ktp-el-baru');
    platform.clock.advance(MIN);
    const n2 = await issue('ktp-el-baru');
    platform.clock.advance(MIN);
    const n3 = await issue('ktp-el-baru');
    platform.clock.advance(MIN);
    const p1 = await issue('ktp-el-baru', { priorityGroup: 'ibu_hamil' });
    const p2 = await issue('ktp-el-baru', { priorityGroup: 'disabilitas' });
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = (await loket.post('/api/queue/console/call-next')).json();
      order.push(r.ticket.number);
      await act(loket, r.ticket.id, 'start');
      await act(loket, r.ticket.id, 'finish');
    }
    // The console's history decides the mix; the first call here may follow earlier normal calls.
    expect(order).toEqual([p2.ticket.number, n1.ticket.number, n2.ticket.number, p1.ticket.number, n3.ticket.number]);
  });

  it('the maximum-wait guard calls a ticket that waited an hour before any priority ticket', async () => {
    const old = await issue('ktp-el-baru');
    platform.clock.advance(61 * MIN);
    await issue('ktp-el-baru', { priorityGroup: 'disabilitas' });
    const r = (await loket.post('/api/queue/console/call-next')).json();
    expect(r).toMatchObject({ ticket: { number: old.ticket.number }, pick: 'overdue' });
    await act(loket, r.ticket.id, 'start');
    await act(loket, r.ticket.id, 'finish');
  });
});

describe('the display board', () => {
  it('shows the current number per counter, the last calls with their speech, the running text', async () => {
    const t = await issue('ktp-el-baru');
    const called = (await loket.post('/api/queue/console/call-next')).json();
    const board = await platform.anonymous.get(`/api/queue/points/${MPP}/board`);
    expect(board.statusCode).toBe(200);
    const body = board.json();
    const a = body.counters.find((c: { code: string }) => c.code === 'A');
    expect(a).toMatchObject({ status: 'open', current: { number: called.ticket.number, state: 'called' } });
    expect(body.lastCalls[0]).toMatchObject({ number: called.ticket.number, counter: 'A', recall: false });
    expect(body.lastCalls[0].speech.id).toMatch(/^Nomor antrian A /);
    expect(body.runningText.id).toMatch(/calo/);
    expect(t).toBeTruthy();
    await act(loket, called.ticket.id, 'start');
    await act(loket, called.ticket.id, 'finish');
  });
});

describe('your turn is near', () => {
  it('queues one WhatsApp message when a ticket with a phone is three or fewer ahead', async () => {
    const withPhone = await issue('ktp-el-baru', { phone: '0812 9999 0001' });
    const r = (await loket.post('/api/queue/console/call-next')).json();
    const messages = await queryRows<{ recipient: string; body: string; channel: string; dedupe_key: string }>(
      platform.database.db,
      sql`select recipient, body, channel, dedupe_key from outbox where template = 'queue.turn_near'`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ recipient: '+6281299990001', channel: 'whatsapp' });
    expect(messages[0]!.body).toMatch(new RegExp(`Antrian ${withPhone.ticket.number}.*giliran Anda sudah dekat`));
    if (r.ticket) {
      await act(loket, r.ticket.id, 'start');
      await act(loket, r.ticket.id, 'finish');
    }
    // Another call does not send it twice.
    const again = (await loket.post('/api/queue/console/call-next')).json();
    if (again.ticket) {
      await act(loket, again.ticket.id, 'start');
      await act(loket, again.ticket.id, 'finish');
    }
    const [count] = await queryRows<{ n: number }>(platform.database.db, sql`select count(*)::int as n from outbox where template = 'queue.turn_near'`);
    expect(count!.n).toBe(1);
  });
});

describe('numbering resets by day', () => {
  it('starts again at A001 on the next WIB day', async () => {
    platform.clock.set(wib('2026-12-01', '07:59'));
    const t = await issue('ktp-el-baru');
    expect(t.ticket.number).toBe('A001');
    const b = await issue('kk-baru');
    expect(b.ticket.number).toBe('B001');
    expect((await issue('ktp-el-baru')).ticket.number).toBe('A002');
  });

  it("the sweep closes yesterday's open tickets as walked out, and tells the board", async () => {
    const { sweepQueue } = await import('./jobs.ts');
    const [before] = await queryRows<{ n: number }>(platform.database.db, sql`select count(*)::int as n from queue_tickets where day = '2026-11-30' and state in ('waiting', 'called', 'serving')`);
    expect(before!.n).toBeGreaterThan(0);
    const result = await sweepQueue(platform.ctx);
    expect(result.walkedOut).toBe(before!.n);
    const [after] = await queryRows<{ n: number }>(platform.database.db, sql`select count(*)::int as n from queue_tickets where day = '2026-11-30' and state in ('waiting', 'called', 'serving')`);
    expect(after!.n).toBe(0);
    const [event] = await queryRows<{ reason: string }>(platform.database.db, sql`select reason from queue_ticket_events where event = 'walk_out' order by seq desc limit 1`);
    expect(event!.reason).toBe('day ended');
    // Today's tickets are untouched.
    const [today] = await queryRows<{ n: number }>(platform.database.db, sql`select count(*)::int as n from queue_tickets where day = '2026-12-01' and state = 'waiting'`);
    expect(today!.n).toBe(3);
  });

  it('two kiosks issuing at once never share a number', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => issue('kia')));
    const numbers = results.map((r) => r.ticket.number);
    expect(new Set(numbers).size).toBe(30);
  });
});

describe('KPIs', () => {
  beforeAll(async () => {
    // The clock moved to the next day: the morning's sessions have expired.
    admin = await platform.as('admin');
    loket = await platform.as('loket');
  });

  it('counts arrived, served, no-shows, waiting and service times per day, and exports CSV', async () => {
    const res = await admin.get(`/api/queue/points/${MPP}/kpis?from=2026-11-30&to=2026-11-30&by=point`);
    expect(res.statusCode, res.body).toBe(200);
    const [day] = res.json().items;
    const [truth] = await queryRows<{ arrived: number; done: number; no_show: number }>(
      platform.database.db,
      sql`select count(*)::int as arrived, count(*) filter (where state = 'done')::int as done, count(*) filter (where state = 'no_show')::int as no_show from queue_tickets where day = '2026-11-30'`,
    );
    expect(day).toMatchObject({ day: '2026-11-30', arrived: truth!.arrived, served: truth!.done, noShow: truth!.no_show });
    expect(day.maxWaitMinutes).toBeGreaterThanOrEqual(61);
    expect(day.aboveTargetPct).toBeGreaterThan(0);
    expect(day.avgServiceMinutes).toBeGreaterThan(0);

    const byOfficer = (await admin.get(`/api/queue/points/${MPP}/kpis?from=2026-11-30&to=2026-11-30&by=officer`)).json().items;
    expect(byOfficer.map((r: { label: string }) => r.label).sort()).toEqual(['Agus Setiawan (Loket MPP)', 'Dewi Lestari (Loket MPP)']);
    const byCounter = (await admin.get(`/api/queue/points/${MPP}/kpis?from=2026-11-30&to=2026-11-30&by=counter`)).json().items;
    expect(byCounter.map((r: { label: string }) => r.label.split(' ')[0])).toEqual(expect.arrayContaining(['A', 'C']));
    const byService = (await admin.get(`/api/queue/points/${MPP}/kpis?from=2026-11-30&to=2026-11-30&by=service`)).json().items;
    expect(byService.some((r: { label: string }) => /KTP/.test(r.label))).toBe(true);

    const csv = await admin.get(`/api/queue/points/${MPP}/kpis?from=2026-11-30&to=2026-12-01&by=counter&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/kpi-antrian-mpp-banyuwangi-counter/);
    expect(csv.body.replace(/^\uFEFF/, '').split('\n')[0]).toBe('tanggal,dimensi,nama,datang,dipanggil,dilayani,tidak_hadir,tidak_hadir_pct,rata_tunggu_menit,maks_tunggu_menit,di_atas_target_pct,rata_layanan_menit,maks_layanan_menit');
  });

  it('are for the admin, the leader and the point’s officers; not for citizens', async () => {
    expect((await (await platform.as('pimpinan')).get(`/api/queue/points/${MPP}/kpis`)).statusCode).toBe(200);
    expect((await loket.get(`/api/queue/points/${MPP}/kpis`)).statusCode).toBe(200);
    expect((await (await platform.asCitizen()).get(`/api/queue/points/${MPP}/kpis`)).statusCode).toBe(403);
    expect((await platform.anonymous.get(`/api/queue/points/${MPP}/kpis`)).statusCode).toBe(401);
    expect((await admin.get(`/api/queue/points/${MPP}/kpis?from=2026-12-05&to=2026-12-01`)).statusCode).toBe(400);
  });
});

describe('settings', () => {
  it('priority groups are data: the admin adds one and the kiosk accepts it', async () => {
    const current = (await admin.get(`/api/queue/points/${MPP}/settings`)).json().settings;
    const groups = [...current.policy.groups, { code: 'veteran', label: { id: 'Veteran', en: 'Veteran' }, weight: 1 }];
    const put = await admin.request('PUT', `/api/queue/points/${MPP}/settings`, { ...current, policy: { ...current.policy, groups } });
    expect(put.statusCode, put.body).toBe(200);
    const t = await issue('kia', { priorityGroup: 'veteran' });
    expect(t.ticket).toBeTruthy();
    const bad = await admin.request('PUT', `/api/queue/points/${MPP}/settings`, { ...current, policy: { ...current.policy, groups: [...groups, groups[0]] } });
    expect(bad.statusCode).toBe(400);
    expect((await loket.request('PUT', `/api/queue/points/${MPP}/settings`, current)).statusCode).toBe(403);
  });

  it('a walk-in quota stops the kiosk when used up, without touching the online quota', async () => {
    await configureService(admin, 'akta-perkawinan', { walkInDailyQuota: 2, onlineDailyQuota: 10 });
    await issue('akta-perkawinan');
    await issue('akta-perkawinan');
    const third = await platform.anonymous.post(`/api/queue/points/${MPP}/tickets`, { service: 'akta-perkawinan' }, { 'x-kiosk-token': kiosk });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ reason: 'walk_in_quota_full' });
    const availability = (await platform.anonymous.get(`/api/queue/points/${MPP}/availability`)).json();
    const row = availability.services.find((s: { service: { code: string } }) => s.service.code === 'akta-perkawinan');
    expect(row).toMatchObject({ walkIn: { quota: 2, issued: 2, remaining: 0 }, online: { quota: 10, booked: 0, remaining: 10 } });
  });
});

void citizen;
