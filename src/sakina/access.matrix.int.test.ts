/**
 * Who sees what of a pregnant woman's record — the matrix of PRODUCT.md (Privacy) and issue 6 §8,
 * as a table: role × field × own / other place, read through the real API. Each read that shows
 * anything is audited; a record outside one's place does not exist (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestPlatform } from '../../tests/support/app.ts';
import { SAKINA_FIELDS, type SakinaField } from './access.ts';
import { auditRows, GENTENG_KULON, HOSPITAL_PLAN, krstWoman, recordVisit, registerWoman, sakinaPlatform, SEMPU, TEMUGURUH, userId } from './testing.ts';

const ALL: readonly SakinaField[] = SAKINA_FIELDS;
const COMMUNITY: readonly SakinaField[] = ['status', 'report', 'name', 'nikMasked', 'birthDate', 'address', 'phone', 'family', 'dueDate', 'category', 'birthPlan', 'team', 'tasks', 'escorts'];
const POLICE: readonly SakinaField[] = ['name', 'address', 'phone', 'dueDate', 'team', 'tasks', 'escorts'];
const NONE: readonly SakinaField[] = [];

type Woman = 'sempuKrst' | 'sempuKrr' | 'temuguruhKrst' | 'gentengKrst';
type Viewer = 'bidan.sempu' | 'bidan.genteng' | 'kader.sempu' | 'polisi.sempu' | 'polisi2.sempu' | 'pimpinan' | 'loket' | 'desa.sempu' | 'citizen' | 'anonymous';

/** [viewer, role, woman, her place relative to the viewer, the fields the viewer must get, HTTP status]. */
const MATRIX: [Viewer, string, Woman, string, readonly SakinaField[], number][] = [
  ['bidan.sempu', 'midwife', 'sempuKrst', 'own village, own puskesmas', ALL, 200],
  ['bidan.sempu', 'midwife', 'temuguruhKrst', 'other village, own puskesmas', ALL, 200],
  ['bidan.sempu', 'midwife', 'sempuKrr', 'own village, low risk', ALL, 200],
  ['bidan.sempu', 'midwife', 'gentengKrst', 'other puskesmas', NONE, 404],
  ['bidan.genteng', 'midwife', 'gentengKrst', 'own puskesmas', ALL, 200],
  ['bidan.genteng', 'midwife', 'sempuKrst', 'other puskesmas', NONE, 404],
  ['kader.sempu', 'village_official', 'sempuKrst', 'own village', COMMUNITY, 200],
  ['kader.sempu', 'village_official', 'sempuKrr', 'own village, low risk', COMMUNITY, 200],
  ['kader.sempu', 'village_official', 'temuguruhKrst', 'other village', NONE, 404],
  ['kader.sempu', 'village_official', 'gentengKrst', 'other puskesmas', NONE, 404],
  ['polisi.sempu', 'police_officer', 'sempuKrst', 'own village, KRST', POLICE, 200],
  ['polisi.sempu', 'police_officer', 'sempuKrr', 'own village, low risk', NONE, 404],
  ['polisi.sempu', 'police_officer', 'temuguruhKrst', 'other village, KRST', NONE, 404],
  ['polisi2.sempu', 'police_officer', 'sempuKrst', 'own village (backup), KRST', POLICE, 200],
  ['pimpinan', 'leader', 'sempuKrst', 'regency-wide: figures only', NONE, 403],
  ['loket', 'counter_officer', 'sempuKrst', 'not a SAKINA role', NONE, 403],
  ['desa.sempu', 'village_operator', 'sempuKrst', 'own village, not a SAKINA role', NONE, 403],
  ['citizen', 'citizen', 'sempuKrst', 'not a SAKINA role', NONE, 403],
  ['anonymous', 'anonymous', 'sempuKrst', 'nobody', NONE, 401],
];

let platform: TestPlatform;
const sessions = new Map<Viewer, Session>();
const women = {} as Record<Woman, string>;
const responses = new Map<string, LightMyRequestResponse>();
const actorIds = new Map<Viewer, string>();

beforeAll(async () => {
  platform = await sakinaPlatform();
  for (const v of ['bidan.sempu', 'bidan.genteng', 'kader.sempu', 'polisi.sempu', 'polisi2.sempu', 'pimpinan', 'loket', 'desa.sempu'] as const) sessions.set(v, await platform.as(v));
  sessions.set('citizen', await platform.asCitizen());
  sessions.set('anonymous', platform.anonymous);
  const bidan = sessions.get('bidan.sempu')!;
  women.sempuKrst = await krstWoman(platform, bidan, { village: SEMPU, name: 'Ibu Matriks Sempu' });
  await bidan.request('PUT', `/api/sakina/pregnancies/${women.sempuKrst}/birth-plan`, HOSPITAL_PLAN);
  women.sempuKrr = await registerWoman(platform, bidan, { village: SEMPU, name: 'Ibu Matriks Rendah' });
  await recordVisit(platform, bidan, women.sempuKrr, { factors: [] });
  women.temuguruhKrst = await krstWoman(platform, bidan, { village: TEMUGURUH, name: 'Ibu Matriks Temuguruh' });
  women.gentengKrst = await krstWoman(platform, sessions.get('bidan.genteng')!, { village: GENTENG_KULON, name: 'Ibu Matriks Genteng' });
  for (const viewer of sessions.keys()) if (viewer !== 'anonymous' && viewer !== 'citizen') actorIds.set(viewer, await userId(platform, viewer));
  for (const [viewer, , woman] of MATRIX) {
    responses.set(`${viewer}|${woman}`, await sessions.get(viewer)!.get(`/api/sakina/pregnancies/${women[woman]}`));
  }
});
afterAll(() => platform.close());

describe('reading a record: role × place', () => {
  it.each(MATRIX.map(([viewer, role, woman, relation, , status]) => [role, relation, viewer, woman, status] as const))('%s, %s (%s): HTTP %i', (_role, _relation, viewer, woman, status) => {
    expect(responses.get(`${viewer}|${woman}`)!.statusCode).toBe(status);
  });
});

describe('reading a record: role × field × place', () => {
  const rows = MATRIX.filter(([, , , , , status]) => status === 200).flatMap(([viewer, role, woman, relation, fields]) => SAKINA_FIELDS.map((field) => [role, field, relation, fields.includes(field), viewer, woman] as const));
  it.each(rows)('%s sees %s of a woman in %s: %s', (_role, field, _relation, visible, viewer, woman) => {
    const body = responses.get(`${viewer}|${woman}`)!.json();
    expect(field in body).toBe(visible);
  });

  it('gives the police nothing clinical, not even in passing', () => {
    const text = responses.get('polisi.sempu|sempuKrst')!.body;
    for (const needle of ['breech', 'Letak sungsang', 'previous_caesarean', 'KRST', '"score"', '"hb"', 'hpht', '"nik"', 'donors']) expect(text).not.toContain(needle);
    const body = JSON.parse(text);
    expect(body.escorts).toEqual([]);
    expect(body.tasks.every((t: { duty: string }) => t.duty === 'police' || t.duty === 'police_backup')).toBe(true);
  });

  it('gives the kader the plan and category but no clinical values or full NIK', () => {
    const body = responses.get('kader.sempu|sempuKrst')!.json();
    expect(body.category).toBe('KRST');
    expect(body.birthPlan.placeName).toBe('RSUD Genteng');
    expect(body.nikMasked).toMatch(/^\d{4} \d{2}•• •••• \d{4}$/);
    const text = JSON.stringify(body);
    for (const needle of ['breech', 'previous_caesarean', '"score"', '"hb"', '"visits"']) expect(text).not.toContain(needle);
    expect(body.tasks.every((t: { duty: string }) => t.duty === 'village_official')).toBe(true);
  });
});

describe('every read is audited, and only reads that showed something', () => {
  it.each(MATRIX.map(([viewer, role, woman, relation, , status]) => [role, relation, status, viewer, woman] as const))('%s, %s (HTTP %i)', async (_role, _relation, status, viewer, woman) => {
    const reads = (await auditRows(platform, women[woman])).filter((r) => r.action === 'read' && r.details?.view === 'record');
    if (viewer === 'anonymous' || viewer === 'citizen') {
      expect(status).not.toBe(200);
      return;
    }
    const mine = reads.filter((r) => r.actorId === actorIds.get(viewer));
    if (status === 200) {
      expect(mine, `${viewer} read of ${woman}`).toHaveLength(1);
      expect(mine[0]!.subjectNik).toMatch(/^\d{16}$/);
      expect(mine[0]!.details).toMatchObject({ view: 'record', fields: expect.arrayContaining(['name']) });
    } else expect(mine).toEqual([]);
  });
});

describe('writing: role × action × place', () => {
  const visit = { visitDate: '2026-11-30', place: 'Polindes', examiner: 'midwife', factors: [] };
  const cases: [Viewer, Woman, string, string, unknown, number][] = [
    ['kader.sempu', 'sempuKrst', 'POST', 'visits', visit, 403],
    ['polisi.sempu', 'sempuKrst', 'POST', 'visits', visit, 403],
    ['bidan.sempu', 'gentengKrst', 'POST', 'visits', visit, 404],
    ['pimpinan', 'sempuKrst', 'POST', 'visits', visit, 403],
    ['bidan.sempu', 'temuguruhKrst', 'POST', 'visits', visit, 201],
    ['kader.sempu', 'sempuKrst', 'PUT', 'birth-plan', HOSPITAL_PLAN, 403],
    ['polisi.sempu', 'sempuKrst', 'PUT', 'birth-plan', HOSPITAL_PLAN, 403],
    ['kader.sempu', 'sempuKrst', 'POST', 'outcome', {}, 400],
    ['polisi.sempu', 'sempuKrst', 'GET', 'birth-certificate-handover', undefined, 403],
    ['kader.sempu', 'sempuKrst', 'GET', 'birth-certificate-handover', undefined, 403],
    ['polisi.sempu', 'sempuKrst', 'GET', 'sticker.pdf', undefined, 403],
    ['kader.sempu', 'sempuKrst', 'GET', 'sticker.pdf', undefined, 200],
    ['kader.sempu', 'temuguruhKrst', 'GET', 'sticker.pdf', undefined, 404],
    ['polisi.sempu', 'sempuKrst', 'PUT', 'team', {}, 403],
  ];
  it.each(cases)('%s on %s: %s …/%s → %i', async (viewer, woman, method, path, body, status) => {
    const res = await sessions.get(viewer)!.request(method, `/api/sakina/pregnancies/${women[woman]}/${path}`, body);
    // An empty body fails the schema (400) before the service looks at who asks; see the next test.
    expect(res.statusCode, res.body).toBe(status);
  });

  it('refuses a kader an outcome even with a valid body', async () => {
    const res = await sessions.get('kader.sempu')!.post(`/api/sakina/pregnancies/${women.sempuKrst}/outcome`, { kind: 'birth', deliveryDate: '2026-11-30', placeKind: 'hospital', attendant: 'obstetrician', mode: 'caesarean', motherStatus: 'alive', babies: [{ sex: 'F', status: 'alive' }] });
    expect(res.statusCode).toBe(403);
  });
});

describe('lists follow the same rule', () => {
  const names = async (viewer: Viewer) => ((await sessions.get(viewer)!.get('/api/sakina/pregnancies')).json().items as { name?: string }[]).map((i) => i.name);
  it('the midwife lists her whole area, not another puskesmas', async () => {
    const list = await names('bidan.sempu');
    expect(list).toEqual(expect.arrayContaining(['Ibu Matriks Sempu', 'Ibu Matriks Rendah', 'Ibu Matriks Temuguruh']));
    expect(list).not.toContain('Ibu Matriks Genteng');
  });
  it('the kader lists her village only', async () => {
    expect((await names('kader.sempu')).sort()).toEqual(['Ibu Matriks Rendah', 'Ibu Matriks Sempu']);
  });
  it('the police list their villages\' KRT/KRST women only, without category', async () => {
    expect(await names('polisi.sempu')).toEqual(['Ibu Matriks Sempu']);
    const [row] = (await sessions.get('polisi.sempu')!.get('/api/sakina/pregnancies')).json().items;
    expect(Object.keys(row).sort()).toEqual(['addressLine', 'dueDate', 'id', 'name', 'phone', 'village']);
  });
});
