/** The escort: requested → accepted → on the way → arrived, timestamped; unaccepted after 10 minutes → backup and puskesmas. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestPlatform } from '../../tests/support/app.ts';
import { escalateUnacceptedEscorts } from './jobs.ts';
import { auditRows, HOSPITAL_PLAN, krstWoman, messagesTo, PHONES, recordVisit, registerWoman, sakinaPlatform, userId } from './testing.ts';

let platform: TestPlatform;
let bidan: Session;
let kader: Session;
let polisi: Session;
let polisi2: Session;
const MINUTE = 60_000;

beforeAll(async () => {
  platform = await sakinaPlatform();
  bidan = await platform.as('bidan.sempu');
  kader = await platform.as('kader.sempu');
  polisi = await platform.as('polisi.sempu');
  polisi2 = await platform.as('polisi2.sempu');
});
afterAll(() => platform.close());

type EscortItem = { id: string; status: string; canAccept: boolean; mine: boolean; destination: string; woman: Record<string, unknown>; acceptedAt: string | null; onTheWayAt: string | null; arrivedAt: string | null };
const escortsOf = async (s: Session) => (await s.get('/api/sakina/tasks')).json().escorts as EscortItem[];

describe('an escort from request to arrival', () => {
  let id: string;
  let escortId: string;

  beforeAll(async () => {
    id = await krstWoman(platform, bidan, { name: 'Ibu Dikawal' });
    await bidan.request('PUT', `/api/sakina/pregnancies/${id}/birth-plan`, HOSPITAL_PLAN);
  });

  it('the kader requests it; it goes to the police officer and the backup at once', async () => {
    const res = await kader.post(`/api/sakina/pregnancies/${id}/escorts`, { reason: 'labour', note: 'Ketuban pecah jam 02.00' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'requested', destination: 'RSUD Genteng', requestedAt: platform.clock.now.toISOString() });
    escortId = res.json().id;
    for (const phone of [PHONES.polisi, PHONES.polisi2]) {
      const [message] = (await messagesTo(platform, phone)).filter((m) => m.template === 'sakina.escort_requested');
      expect(message!.body).toContain('Ibu Dikawal');
      expect(message!.body).toContain('RSUD Genteng');
      expect(message!.body).toContain('RT 002/RW 001');
    }
    expect((await messagesTo(platform, PHONES.kader)).some((m) => m.template === 'sakina.escort_requested')).toBe(false);
  });

  it('a second request while one is under way is refused', async () => {
    const again = await bidan.post(`/api/sakina/pregnancies/${id}/escorts`, { reason: 'labour' });
    expect(again.statusCode).toBe(409);
  });

  it('the police officer sees the task: name, address, phone, destination — nothing clinical', async () => {
    const [item] = await escortsOf(polisi);
    expect(item).toMatchObject({ id: escortId, status: 'requested', canAccept: true, destination: 'RSUD Genteng' });
    expect(Object.keys(item!.woman).sort()).toEqual(['addressLine', 'dueDate', 'id', 'name', 'phone', 'village']);
  });

  it('accepted, on the way, arrived — each step timestamped by the clock', async () => {
    platform.clock.advance(3 * MINUTE);
    const accepted = await polisi.post(`/api/sakina/escorts/${escortId}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted', acceptedAt: platform.clock.now.toISOString() });
    // The backup is too late: one wins.
    const late = await polisi2.post(`/api/sakina/escorts/${escortId}/accept`);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toContain('Bripka Agus');
    // Only the accepting officer moves it on.
    expect((await polisi2.post(`/api/sakina/escorts/${escortId}/depart`)).statusCode).toBe(403);
    expect((await polisi.post(`/api/sakina/escorts/${escortId}/arrive`)).statusCode).toBe(409);

    platform.clock.advance(5 * MINUTE);
    const departed = await polisi.post(`/api/sakina/escorts/${escortId}/depart`);
    expect(departed.json()).toMatchObject({ status: 'on_the_way', onTheWayAt: platform.clock.now.toISOString() });
    platform.clock.advance(30 * MINUTE);
    const arrived = await polisi.post(`/api/sakina/escorts/${escortId}/arrive`);
    expect(arrived.json()).toMatchObject({ status: 'arrived', arrivedAt: platform.clock.now.toISOString(), acceptedBy: 'Bripka Agus (Bhabinkamtibmas Sempu)' });
    // Pressing "arrived" again (a retry on a weak signal) changes nothing.
    expect((await polisi.post(`/api/sakina/escorts/${escortId}/arrive`)).json()).toMatchObject({ status: 'arrived', replayed: true });

    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    const escort = record.escorts[0];
    expect(Date.parse(escort.arrivedAt) - Date.parse(escort.requestedAt)).toBe(38 * MINUTE);
    expect(record.tasks.find((t: { kind: string }) => t.kind === 'escort')).toMatchObject({ status: 'done', assignee: 'Bripka Agus (Bhabinkamtibmas Sempu)' });
    expect((await messagesTo(platform, PHONES.kader)).map((m) => m.template)).toEqual(expect.arrayContaining(['sakina.escort_accepted', 'sakina.escort_arrived']));
    expect((await auditRows(platform, escortId)).map((r) => [r.action, r.actorRole, (r.details as { step?: string }).step ?? null])).toEqual([
      ['create', 'village_official', null],
      ['update', 'police_officer', 'accept'],
      ['update', 'police_officer', 'depart'],
      ['update', 'police_officer', 'arrive'],
    ]);
    // Not escalated: accepted within 10 minutes.
    expect(escort.escalatedAt).toBeNull();
  });
});

describe('no one accepts within 10 minutes', () => {
  let id: string;
  let escortId: string;

  beforeAll(async () => {
    id = await krstWoman(platform, bidan, { name: 'Ibu Eskalasi' });
    escortId = (await bidan.post(`/api/sakina/pregnancies/${id}/escorts`, { reason: 'referral', destination: 'RSUD Blambangan' })).json().id;
  });

  it('is not escalated at 9 minutes 59 seconds', async () => {
    platform.clock.advance(10 * MINUTE - 1000);
    expect(await escalateUnacceptedEscorts(platform.ctx)).toBe(0);
  });

  it('at 10 minutes goes to the backup officer and the puskesmas, once', async () => {
    const backupBefore = (await messagesTo(platform, PHONES.polisi2)).length;
    platform.clock.advance(1000);
    expect(await escalateUnacceptedEscorts(platform.ctx)).toBe(1);
    expect(await escalateUnacceptedEscorts(platform.ctx)).toBe(0);
    const toBackup = (await messagesTo(platform, PHONES.polisi2)).slice(backupBefore);
    expect(toBackup.map((m) => m.template)).toEqual(['sakina.escort_not_accepted']);
    expect(toBackup[0]!.body).toContain('10 menit');
    expect(toBackup[0]!.body).toContain('RSUD Blambangan');
    expect((await messagesTo(platform, PHONES.bidan)).some((m) => m.template === 'sakina.escort_not_accepted')).toBe(true);
    // The primary officer is not sent the escalation (he had the request already).
    expect((await messagesTo(platform, PHONES.polisi)).some((m) => m.template === 'sakina.escort_not_accepted')).toBe(false);

    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record.escorts[0]).toMatchObject({ status: 'requested', escalatedAt: platform.clock.now.toISOString() });
    expect(record.tasks.find((t: { kind: string }) => t.kind === 'escort')).toMatchObject({ duty: 'police_backup', assignee: 'Brigpol Dedi Kurniawan (Bhabinkamtibmas cadangan)' });
    const alerts = (await bidan.get('/api/sakina/alerts')).json().items as { kind: string; details: { minutes?: number } }[];
    expect(alerts.find((a) => a.kind === 'escort_not_accepted')!.details.minutes).toBe(10);
    expect((await auditRows(platform, escortId)).map((r) => r.action)).toEqual(['create', 'escalate']);
  });

  it('the backup accepts and the escort goes on', async () => {
    platform.clock.advance(2 * MINUTE);
    const [item] = (await escortsOf(polisi2)).filter((e) => e.id === escortId);
    expect(item).toMatchObject({ canAccept: true });
    expect((await polisi2.post(`/api/sakina/escorts/${escortId}/accept`)).json()).toMatchObject({ status: 'accepted', acceptedById: await userId(platform, 'polisi2.sempu') });
  });

  it('the requester or the midwife can cancel; nobody else', async () => {
    const other = await krstWoman(platform, bidan, { name: 'Ibu Batal' });
    const escort = (await kader.post(`/api/sakina/pregnancies/${other}/escorts`, { reason: 'labour' })).json();
    expect((await polisi.post(`/api/sakina/escorts/${escort.id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    expect((await kader.post(`/api/sakina/escorts/${escort.id}/cancel`, { reason: 'Salah tekan' })).json()).toMatchObject({ status: 'cancelled' });
    platform.clock.advance(15 * MINUTE);
    expect(await escalateUnacceptedEscorts(platform.ctx)).toBe(0);
  });
});

describe('who may ask for an escort', () => {
  it('only for a high-risk woman, and not the police themselves', async () => {
    const low = await registerWoman(platform, bidan, { name: 'Ibu Risiko Rendah' });
    await recordVisit(platform, bidan, low);
    const res = await kader.post(`/api/sakina/pregnancies/${low}/escorts`, { reason: 'labour' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('KRT/KRST');
    const high = await krstWoman(platform, bidan, { name: 'Ibu Polisi Minta' });
    expect((await polisi.post(`/api/sakina/pregnancies/${high}/escorts`, { reason: 'labour' })).statusCode).toBe(403);
  });
});
