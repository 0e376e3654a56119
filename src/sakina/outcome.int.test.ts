/** Delivery, postpartum to 42 days, the hand-over to a birth certificate, and the monthly figures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestPlatform } from '../../tests/support/app.ts';
import { auditRows, daysAgo, GENTENG_KULON, HOSPITAL_PLAN, JAMBEWANGI, krstWoman, placeId, recordVisit, registerWoman, registration, sakinaPlatform, SEMPU } from './testing.ts';
import { scanPregnancies } from './jobs.ts';

let platform: TestPlatform;
let bidan: Session;
let kader: Session;
let polisi: Session;
let pimpinan: Session;

const START = new Date('2026-11-30T02:00:00Z');

/** Sessions end after 12 idle hours: after moving the clock by days, everyone signs in again. */
async function signIn(): Promise<void> {
  bidan = await platform.as('bidan.sempu');
  kader = await platform.as('kader.sempu');
  polisi = await platform.as('polisi.sempu');
  pimpinan = await platform.as('pimpinan');
}

async function setDay(offsetDays: number): Promise<void> {
  platform.clock.set(new Date(START.getTime() + offsetDays * 86400_000));
  await signIn();
}

beforeAll(async () => {
  platform = await sakinaPlatform({ start: START });
  await signIn();
});
afterAll(() => platform.close());

const birth = (over: Record<string, unknown> = {}) => ({
  kind: 'birth',
  deliveryDate: '2026-11-30',
  deliveryTime: '04:35',
  placeKind: 'hospital',
  placeName: 'RSUD Genteng',
  attendant: 'obstetrician',
  attendantName: 'dr. Hendra, Sp.OG',
  mode: 'caesarean',
  motherStatus: 'alive',
  babies: [{ sex: 'F', weightGrams: 3100, lengthCm: 49, status: 'alive' }],
  ...over,
});

describe('the outcome', () => {
  let id: string;
  beforeAll(async () => {
    id = await krstWoman(platform, bidan, { name: 'Ibu Melahirkan', birthDate: '1992-02-02' });
    await bidan.request('PUT', `/api/sakina/pregnancies/${id}/birth-plan`, HOSPITAL_PLAN);
  });

  it('checks the outcome as a whole: babies, mode, dates of death', async () => {
    const res = await bidan.post(`/api/sakina/pregnancies/${id}/outcome`, birth({ babies: [], mode: null, motherStatus: 'died', deliveryDate: '2026-12-01' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['deliveryDate', 'babies', 'mode', 'motherDiedOn']);
  });

  it('records the delivery; she leaves the police list, and the card keeps her risk', async () => {
    expect((await polisi.get('/api/sakina/pregnancies')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    const res = await bidan.post(`/api/sakina/pregnancies/${id}/outcome`, birth());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'delivered', handoverAvailable: true });
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record).toMatchObject({ status: 'delivered', category: 'KRST', outcome: { kind: 'birth', deliveryDate: '2026-11-30', placeKind: 'hospital', mode: 'caesarean', motherStatus: 'alive', babies: [{ seq: 1, sex: 'F', weightGrams: 3100, status: 'alive' }] } });
    expect(record.gestationalAge).toBeNull();
    expect(record.anc.nextVisit).toBeNull();
    expect((await polisi.get('/api/sakina/pregnancies')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await polisi.get(`/api/sakina/pregnancies/${id}`)).statusCode).toBe(404);
    expect((await kader.get(`/api/sakina/pregnancies/${id}`)).json()).toMatchObject({ status: 'delivered', category: 'KRST' });
    expect((await bidan.post(`/api/sakina/pregnancies/${id}/outcome`, birth())).statusCode).toBe(409);
  });

  it('hands over a birth at a facility to the birth-certificate application, prefilled', async () => {
    const res = await bidan.get(`/api/sakina/pregnancies/${id}/birth-certificate-handover`);
    expect(res.statusCode, res.body).toBe(200);
    const handover = res.json();
    expect(handover).toMatchObject({
      serviceCode: 'akta-kelahiran',
      providesDocuments: ['surat-keterangan-kelahiran'],
      mother: { name: 'Ibu Melahirkan', birthDate: '1992-02-02', address: { villageCode: SEMPU, villageName: 'Sempu', district: 'Sempu', rt: '002', rw: '001' } },
      father: { name: 'Suami Uji' },
      birth: { date: '2026-11-30', time: '04:35', place: { kind: 'hospital', name: 'RSUD Genteng' }, attendant: { kind: 'obstetrician', name: 'dr. Hendra, Sp.OG' }, type: 'single', gestationWeeks: 32 },
      children: [{ seq: 1, sex: 'F', weightGrams: 3100, lengthCm: 49, birthOrderInFamily: 2 }],
    });
    expect(handover.mother.nik).toMatch(/^\d{16}$/);
    expect((await auditRows(platform, id)).at(-1)).toMatchObject({ action: 'read', details: { purpose: 'birth_certificate_handover' } });
    expect((await kader.get(`/api/sakina/pregnancies/${id}/birth-certificate-handover`)).statusCode).toBe(403);
  });

  it('does not hand over a home birth', async () => {
    const other = await registerWoman(platform, bidan, { name: 'Ibu Lahir Di Rumah', gaDays: 270 });
    await bidan.post(`/api/sakina/pregnancies/${other}/outcome`, birth({ placeKind: 'home', placeName: null, attendant: 'midwife', mode: 'spontaneous' }));
    const res = await bidan.get(`/api/sakina/pregnancies/${other}/birth-certificate-handover`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('SPTJM');
  });

  it("postpartum visits up to 42 days, as KF1–KF4; a baby's death there is recorded", async () => {
    const kf1 = await bidan.post(`/api/sakina/pregnancies/${id}/postpartum-visits`, { visitDate: '2026-11-30', motherCondition: 'well', babyCondition: 'well' });
    expect(kf1.json()).toMatchObject({ kf: 'KF1' });
    await setDay(10);
    const kf3 = await bidan.post(`/api/sakina/pregnancies/${id}/postpartum-visits`, { visitDate: '2026-12-10', motherCondition: 'complication', babyCondition: 'died', contraception: 'iud' });
    expect(kf3.json()).toMatchObject({ kf: 'KF3' });
    const tooLate = await bidan.post(`/api/sakina/pregnancies/${id}/postpartum-visits`, { visitDate: '2027-01-12', motherCondition: 'well' });
    expect(tooLate.statusCode).toBe(400);
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record.postpartum.map((v: { kf: string }) => v.kf)).toEqual(['KF1', 'KF3']);
    expect(record.outcome.babies[0]).toMatchObject({ status: 'died', diedOn: '2026-12-10' });
  });

  it('closes the card 42 days after delivery', async () => {
    await setDay(42);
    expect((await scanPregnancies(platform.ctx)).closed).toBe(0);
    await setDay(43);
    expect((await scanPregnancies(platform.ctx)).closed).toBeGreaterThanOrEqual(1);
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record.status).toBe('closed');
    expect(record.category).toBe('KRST');
    expect((await kader.get('/api/sakina/pregnancies')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  afterAll(() => setDay(0));
});

describe('monthly figures (PWS-KIA)', () => {
  beforeAll(async () => {
    // Kecamatan Sempu this November: a community report and a health-worker registration found
    // high risk, a KRR woman with visits for K1, a facility birth and an escort; Genteng Kulon apart.
    const report = (await kader.post('/api/sakina/reports', { name: 'Ibu Laporan Figur', villageId: await placeId(platform, SEMPU) })).json().id;
    await bidan.post(`/api/sakina/pregnancies/${report}/confirm`, await registration(platform, { name: 'Ibu Laporan Figur', gaDays: 150 }));
    await recordVisit(platform, bidan, report, { factors: ['twins'] });
    const low = await registerWoman(platform, bidan, { name: 'Ibu Figur Rendah', village: JAMBEWANGI, gaDays: 60 });
    await recordVisit(platform, bidan, low, { daysAgo: 5, examiner: 'doctor' });
    const escorted = await krstWoman(platform, bidan, { name: 'Ibu Figur Kawal' });
    const escort = (await kader.post(`/api/sakina/pregnancies/${escorted}/escorts`, { reason: 'labour' })).json().id;
    for (const step of ['accept', 'depart', 'arrive']) await polisi.post(`/api/sakina/escorts/${escort}/${step}`);
    await bidan.post(`/api/sakina/pregnancies/${escorted}/outcome`, birth({ babies: [{ sex: 'M', weightGrams: 2400, status: 'alive' }] }));
    const genteng = await platform.as('bidan.genteng');
    await registerWoman(platform, genteng, { village: GENTENG_KULON });
  });

  it('counts per village and for the puskesmas, with coverage against the target', async () => {
    const res = await bidan.get('/api/sakina/figures?month=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json();
    expect(figures.puskesmas.map((k: { name: string }) => k.name)).toEqual(['Puskesmas Sempu']);
    const [pkm] = figures.puskesmas;
    expect(pkm.villages).toHaveLength(7);
    const sempu = pkm.villages.find((v: { code: string }) => v.code === SEMPU);
    expect(sempu.target).toBe(96);
    expect(sempu.riskCommunity.month).toBeGreaterThanOrEqual(1);
    expect(sempu.riskHealthWorker.month).toBeGreaterThanOrEqual(2);
    expect(sempu.escortsDone.month).toBe(1);
    expect(sempu.births.month).toBeGreaterThanOrEqual(2);
    expect(sempu.facilityBirths.month).toBeGreaterThanOrEqual(1);
    expect(sempu.k1.percent).toBe(Math.round((sempu.k1.cumulative / 96) * 1000) / 10);
    const jambewangi = pkm.villages.find((v: { code: string }) => v.code === JAMBEWANGI);
    expect(jambewangi).toMatchObject({ registered: { month: 1 }, k1: { month: 1 }, riskMix: { KRR: 1 } });
    expect(pkm.total.k1.cumulative).toBe(pkm.villages.reduce((s: number, v: { k1: { cumulative: number } }) => s + v.k1.cumulative, 0));
    expect(pkm.total.infantDeaths.month).toBeGreaterThanOrEqual(0);
    expect(figures.trend).toHaveLength(11);
    expect(figures.trend[10]).toMatchObject({ month: '2026-11' });
  });

  it('the leader sees every puskesmas; the kader and police see no figures', async () => {
    const all = (await pimpinan.get('/api/sakina/figures?month=2026-11')).json();
    expect(all.puskesmas.map((k: { name: string }) => k.name)).toEqual(['Puskesmas Genteng Kulon', 'Puskesmas Sempu', 'Puskesmas Srono']);
    expect(all.total.registered.month).toBeGreaterThan(all.puskesmas[1].total.registered.month);
    expect((await kader.get('/api/sakina/figures?month=2026-11')).statusCode).toBe(403);
    expect((await polisi.get('/api/sakina/figures?month=2026-11')).statusCode).toBe(403);
    const genteng = await placeId(platform, 'pkm-genteng-kulon', 'puskesmas');
    expect((await bidan.get(`/api/sakina/figures?month=2026-11&puskesmasId=${genteng}`)).statusCode).toBe(403);
    expect((await bidan.get('/api/sakina/figures?month=2026-13')).statusCode).toBe(400);
  });

  it('exports the PWS-KIA sheet as CSV in the reader\'s language', async () => {
    const res = await bidan.get('/api/sakina/figures.csv?month=2026-11');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('pws-kia-pkm-sempu-2026-11.csv');
    const lines = res.body.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toContain('PEMANTAUAN WILAYAH SETEMPAT');
    expect(lines[2]).toBe('Bulan,November 2026');
    const header = lines.find((l) => l.startsWith('No,Desa/Kelurahan'))!;
    expect(header).toContain('K1,,,');
    expect(header).toContain('Risti ditemukan masyarakat');
    const sempu = lines.find((l) => l.startsWith('1,Sempu,96,'));
    expect(sempu).toBeDefined();
    expect(lines.some((l) => l.includes('JUMLAH PUSKESMAS SEMPU'))).toBe(true);
    const en = await bidan.get('/api/sakina/figures.csv?month=2026-11&lang=en');
    expect(en.body).toContain('Births at a health facility');
    expect(daysAgo(platform, 0)).toBe('2026-11-30');
  });
});
