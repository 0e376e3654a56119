/** Antenatal visits with the KSPR card: scored per visit in its column, a risk once found stays, the laskar forms. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestPlatform } from '../../tests/support/app.ts';
import { auditRows, HOSPITAL_PLAN, JAMBEWANGI, messagesTo, PHONES, recordVisit, registerWoman, sakinaPlatform, TEMUGURUH, userId } from './testing.ts';

let platform: TestPlatform;
let bidan: Session;
let kader: Session;
let polisi: Session;

beforeAll(async () => {
  platform = await sakinaPlatform();
  bidan = await platform.as('bidan.sempu');
  kader = await platform.as('kader.sempu');
  polisi = await platform.as('polisi.sempu');
});
afterAll(() => platform.close());

describe('the KSPR card, visit by visit', () => {
  let id: string;
  beforeAll(async () => {
    // 230 days pregnant today: visits at days 70 (I), 130 (II), 200 (III.1) and 230 (III.2).
    id = await registerWoman(platform, bidan, { name: 'Ibu Kartu Skor', gaDays: 230, birthDate: '1988-06-01', gravida: 3, para: 2 });
  });

  it('starts unscreened, suggesting the factors her data show', async () => {
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record.kspr).toMatchObject({ screened: false, score: 2, category: null, factors: [] });
    expect(record.kspr.suggestedFactors.map((f: { code: string }) => f.code)).toEqual(['older_age']);
    expect(record.category).toBeNull();
  });

  it('scores each visit in its trimester column and keeps every factor found', async () => {
    const v1 = await recordVisit(platform, bidan, id, { daysAgo: 160, factors: ['older_age'], examiner: 'doctor' });
    expect(v1.kspr.atVisit).toEqual({ score: 6, category: 'KRT', column: 'I' });
    const v2 = await recordVisit(platform, bidan, id, { daysAgo: 100, factors: ['anaemia'], hb: 9.5 });
    expect(v2.kspr.atVisit).toEqual({ score: 10, category: 'KRT', column: 'II' });
    const v3 = await recordVisit(platform, bidan, id, { daysAgo: 30, factors: ['breech'] });
    expect(v3.kspr.atVisit).toEqual({ score: 18, category: 'KRST', column: 'III.1' });
    // The baby turned and the anaemia was treated: nothing ticked, the card still counts both.
    const v4 = await recordVisit(platform, bidan, id, { daysAgo: 0, factors: [], examiner: 'doctor' });
    expect(v4.kspr.atVisit).toEqual({ score: 18, category: 'KRST', column: 'III.2' });
    expect(v4.kspr.overall).toMatchObject({ score: 18, category: 'KRST', emergency: false, recommendation: { referral: 'planned' } });

    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record.kspr.card.map((e: { column: string; score: number; category: string }) => [e.column, e.score, e.category])).toEqual([
      ['I', 6, 'KRT'],
      ['II', 10, 'KRT'],
      ['III.1', 18, 'KRST'],
      ['III.2', 18, 'KRST'],
    ]);
    expect(record.kspr.factors.map((f: { code: string }) => f.code)).toEqual(['older_age', 'anaemia', 'breech']);
    expect(record.kspr.riskFoundOn).toBe(record.visits[0].visitDate);
    expect(record.visits.map((v: { score: number }) => v.score)).toEqual([6, 10, 18, 18]);
    expect(record.visits[1]).toMatchObject({ hb: 9.5, bloodPressure: '120/80', examiner: 'midwife', trimester: 2 });
    expect(record.anc).toMatchObject({ contacts: 4, k1: true, k1Pure: true, k4: true, k6: false });
  });

  it('scores a back-dated visit on what was found up to its date only', async () => {
    const late = await recordVisit(platform, bidan, id, { daysAgo: 130, factors: [] });
    expect(late.kspr.atVisit).toEqual({ score: 6, category: 'KRT', column: 'II' });
    expect(late.kspr.overall.score).toBe(18);
  });

  it('audits each visit with its score', async () => {
    const rows = (await auditRows(platform, id)).length;
    expect(rows).toBeGreaterThan(0);
    const visits = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json().visits as { id: string }[];
    const [row] = await auditRows(platform, visits[0]!.id);
    expect(row).toMatchObject({ action: 'create', entityType: 'sakina_visit', actorRole: 'midwife', details: { factorsFound: ['older_age'], score: 6, category: 'KRT' } });
  });

  it('refuses a visit before HPHT or in the future, and a factor the card does not have', async () => {
    const before = await bidan.post(`/api/sakina/pregnancies/${id}/visits`, { visitDate: '2025-01-01', place: 'X', examiner: 'midwife' });
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].field).toBe('visitDate');
    const future = await bidan.post(`/api/sakina/pregnancies/${id}/visits`, { visitDate: '2026-12-30', place: 'X', examiner: 'midwife' });
    expect(future.statusCode).toBe(400);
    const unknown = await bidan.post(`/api/sakina/pregnancies/${id}/visits`, { visitDate: '2026-11-30', place: 'X', examiner: 'midwife', factors: ['bad_luck'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('factors.0');
  });
});

describe('when a risk is found, the laskar forms', () => {
  let id: string;
  beforeAll(async () => {
    id = await registerWoman(platform, bidan, { name: 'Ibu Laskar', gaDays: 150 });
  });

  it('a low-risk visit forms no team', async () => {
    const v = await recordVisit(platform, bidan, id, { daysAgo: 10 });
    expect(v.kspr.atVisit.category).toBe('KRR');
    expect(v.alerts).toEqual([]);
    expect((await bidan.get(`/api/sakina/pregnancies/${id}`)).json().team).toEqual([]);
    expect((await polisi.get(`/api/sakina/pregnancies/${id}`)).statusCode).toBe(404);
  });

  it('a high-risk visit assigns midwife, kader, police and backup, gives the kader a home visit and alerts them', async () => {
    const v = await recordVisit(platform, bidan, id, { factors: ['twins'] });
    expect(v.alerts).toEqual(['risk_found', 'danger_sign']);
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record.team.map((m: { duty: string; name: string }) => [m.duty, m.name])).toEqual([
      ['midwife', 'Bidan Rina Wulandari'],
      ['village_official', 'Kader Posyandu Sempu'],
      ['police', 'Bripka Agus (Bhabinkamtibmas Sempu)'],
      ['police_backup', 'Brigpol Dedi Kurniawan (Bhabinkamtibmas cadangan)'],
    ]);
    const tasks = (await kader.get('/api/sakina/tasks')).json().tasks as { kind: string; woman: { name: string }; dueOn: string; mine: boolean }[];
    expect(tasks.find((t) => t.woman.name === 'Ibu Laskar')).toMatchObject({ kind: 'home_visit', dueOn: '2026-12-07', mine: true });
    // The police now see her: name, address, due date.
    expect((await polisi.get(`/api/sakina/pregnancies/${id}`)).json()).toMatchObject({ name: 'Ibu Laskar', dueDate: record.dueDate });
    const toKader = (await messagesTo(platform, PHONES.kader)).map((m) => m.body).join('\n');
    expect(toKader).toContain('Ibu Laskar');
    expect(toKader).toContain('KRT');
    // The danger sign's name goes to the midwife only.
    expect((await messagesTo(platform, PHONES.bidan)).some((m) => m.body.includes('Hamil kembar'))).toBe(true);
    expect(toKader).not.toContain('kembar');
    expect((await messagesTo(platform, PHONES.polisi)).map((m) => m.body).join('\n')).not.toContain('Ibu Laskar');
  });

  it('the kader marks her home visit done', async () => {
    const task = ((await kader.get('/api/sakina/tasks')).json().tasks as { id: string; woman: { name: string } }[]).find((t) => t.woman.name === 'Ibu Laskar')!;
    const done = await kader.post(`/api/sakina/tasks/${task.id}/done`, { note: 'Ibu sehat, P4K dibicarakan dengan suami' });
    expect(done.json()).toMatchObject({ status: 'done', resultNote: 'Ibu sehat, P4K dibicarakan dengan suami' });
    expect((await kader.post(`/api/sakina/tasks/${task.id}/done`, {})).statusCode).toBe(409);
    expect((await polisi.post(`/api/sakina/tasks/${task.id}/done`, {})).statusCode).toBe(404);
  });

  it('an emergency sign alerts the whole team, police included, without naming it', async () => {
    const before = (await messagesTo(platform, PHONES.polisi)).length;
    const v = await recordVisit(platform, bidan, id, { factors: ['bleeding'] });
    expect(v.alerts).toContain('emergency');
    expect(v.kspr.overall).toMatchObject({ emergency: true, recommendation: { referral: 'emergency' } });
    const toPolice = (await messagesTo(platform, PHONES.polisi)).slice(before).map((m) => m.body);
    expect(toPolice).toHaveLength(1);
    expect(toPolice[0]).toContain('DARURAT');
    expect(toPolice[0]).not.toMatch(/perdarahan|bleeding/i);
    const alerts = (await polisi.get('/api/sakina/alerts')).json().items as { kind: string; details: Record<string, unknown>; woman: { name: string } }[];
    const emergency = alerts.find((a) => a.kind === 'emergency')!;
    expect(emergency.woman.name).toBe('Ibu Laskar');
    expect(emergency.details).toEqual({});
    expect(alerts.map((a) => a.kind)).not.toContain('danger_sign');
    const forMidwife = (await bidan.get('/api/sakina/alerts')).json().items as { kind: string; details: { factors?: string[] } }[];
    expect(forMidwife.find((a) => a.kind === 'emergency')!.details.factors).toEqual(['bleeding']);
  });

  it('the same event never alerts twice', async () => {
    const before = (await messagesTo(platform, PHONES.kader)).length;
    await recordVisit(platform, bidan, id, { factors: ['bleeding', 'twins'] });
    expect((await messagesTo(platform, PHONES.kader)).length).toBe(before);
  });
});

describe('the birth plan (P4K)', () => {
  it('requires a hospital and four donors for KRST, and keeps warnings', async () => {
    const id = await registerWoman(platform, bidan, { village: JAMBEWANGI, gaDays: 220 });
    await recordVisit(platform, bidan, id, { factors: ['previous_caesarean', 'transverse_lie'] });
    const bad = await bidan.request('PUT', `/api/sakina/pregnancies/${id}/birth-plan`, { ...HOSPITAL_PLAN, place: 'puskesmas', donors: HOSPITAL_PLAN.donors.slice(0, 2) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['donors', 'place']);
    const ok = await bidan.request('PUT', `/api/sakina/pregnancies/${id}/birth-plan`, { ...HOSPITAL_PLAN, motherBloodType: 'A-' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().warnings.map((w: { field: string }) => w.field)).toEqual(['donors']);
    const plan = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json().birthPlan;
    expect(plan).toMatchObject({ place: 'hospital', placeName: 'RSUD Genteng', funding: ['bpjs'] });
    expect(plan.donors.map((d: { phone: string }) => d.phone)).toEqual(['+6281234560001', '+6281234560002', '+6281234560003', '+6281234560004']);
  });

  it('prints the sticker without NIK, category or the woman\'s phone', async () => {
    const id = await registerWoman(platform, bidan, { name: 'Ibu Stiker', gaDays: 200 });
    await recordVisit(platform, bidan, id, { factors: ['previous_caesarean', 'breech'] });
    expect((await bidan.get(`/api/sakina/pregnancies/${id}/sticker.pdf`)).statusCode).toBe(409);
    await bidan.request('PUT', `/api/sakina/pregnancies/${id}/birth-plan`, HOSPITAL_PLAN);
    const pdf = await kader.get(`/api/sakina/pregnancies/${id}/sticker.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(1500);
    const reads = await auditRows(platform, id);
    expect(reads.at(-1)).toMatchObject({ action: 'read', actorId: await userId(platform, 'kader.sempu'), details: { purpose: 'p4k_sticker' } });
  });
});

describe('the team, set by hand', () => {
  it('accepts only staff serving her village, and a backup who is another officer', async () => {
    const id = await registerWoman(platform, bidan, { village: TEMUGURUH, gaDays: 150 });
    await recordVisit(platform, bidan, id, { factors: ['diabetes'] });
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    // Nobody from the police or village serves Temuguruh in the demo: the team has only its midwife.
    expect(record.team.map((m: { duty: string }) => m.duty)).toEqual(['midwife']);
    const polisiId = await userId(platform, 'polisi.sempu');
    const refused = await bidan.request('PUT', `/api/sakina/pregnancies/${id}/team`, { police: polisiId });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('police');
  });
});
