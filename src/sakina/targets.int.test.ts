/** Village targets (sasaran ibu hamil): who reads and sets them, and coverage measured against them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestPlatform } from '../../tests/support/app.ts';
import { auditRows, GENTENG_KULON, JAMBEWANGI, placeId, registerWoman, recordVisit, sakinaPlatform, SEMPU } from './testing.ts';

let platform: TestPlatform;
let bidan: Session;
let pimpinan: Session;

type Village = { villageId: string; code: string; name: string; pregnantWomen: number | null; lastYear: number | null };
type View = { year: number; puskesmas: { name: string; editable: boolean; villages: Village[]; total: number | null }[] };

beforeAll(async () => {
  platform = await sakinaPlatform({ start: new Date('2026-11-24T03:00:00Z') });
  bidan = await platform.as('bidan.sempu');
  pimpinan = await platform.as('pimpinan');
  // One woman in Desa Sempu with her first visit this month: K1 = 1.
  const id = await registerWoman(platform, bidan, { village: SEMPU, gaDays: 70 });
  await recordVisit(platform, bidan, id, { daysAgo: 1 });
});
afterAll(() => platform.close());

const sempuK1 = async () => {
  const figures = (await bidan.get('/api/sakina/figures?month=2026-11')).json();
  return figures.puskesmas[0].villages.find((v: { code: string }) => v.code === SEMPU) as { target: number | null; k1: { cumulative: number; percent: number | null } };
};

describe('village targets', () => {
  it('is documented in the OpenAPI document with the workbook', async () => {
    const doc = (await platform.anonymous.get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/sakina/targets'])).toEqual(expect.arrayContaining(['get', 'put']));
    expect(doc.paths['/api/sakina/targets'].put.tags).toEqual(['sakina']);
    expect(doc.paths['/api/sakina/figures.xlsx'].get.summary).toContain('Excel');
  });

  it('the midwife reads her puskesmas\'s villages with the seeded targets, and may set them', async () => {
    const res = await bidan.get('/api/sakina/targets?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const view: View = res.json();
    expect(view.puskesmas.map((k) => [k.name, k.editable])).toEqual([['Puskesmas Sempu', true]]);
    const villages = view.puskesmas[0]!.villages;
    expect(villages).toHaveLength(7);
    expect(villages[0]).toMatchObject({ code: SEMPU, name: 'Sempu', pregnantWomen: 96, lastYear: null });
    expect(view.puskesmas[0]!.total).toBe(villages.reduce((s, v) => s + v.pregnantWomen!, 0));
  });

  it('the leader reads every puskesmas\'s targets but sets none; kader and police read none', async () => {
    const view: View = (await pimpinan.get('/api/sakina/targets?year=2026')).json();
    expect(view.puskesmas.map((k) => [k.name, k.editable])).toEqual([
      ['Puskesmas Genteng Kulon', false],
      ['Puskesmas Sempu', false],
      ['Puskesmas Srono', false],
    ]);
    // Genteng Kulon has no targets yet: no total.
    expect(view.puskesmas[0]!.total).toBeNull();
    const sempu = await placeId(platform, SEMPU);
    const refused = await pimpinan.request('PUT', '/api/sakina/targets', { year: 2026, targets: [{ villageId: sempu, pregnantWomen: 10 }] });
    expect(refused.statusCode).toBe(403);
    expect((await (await platform.as('kader.sempu')).get('/api/sakina/targets?year=2026')).statusCode).toBe(403);
    expect((await (await platform.as('polisi.sempu')).get('/api/sakina/targets?year=2026')).statusCode).toBe(403);
    expect((await platform.anonymous.get('/api/sakina/targets?year=2026')).statusCode).toBe(401);
  });

  it('a new target changes the coverage, and the change is audited with the value it replaced', async () => {
    const before = await sempuK1();
    expect(before).toMatchObject({ target: 96, k1: { cumulative: 1, percent: 1 } });
    const sempu = await placeId(platform, SEMPU);
    const jambewangi = await placeId(platform, JAMBEWANGI);
    const res = await bidan.request('PUT', '/api/sakina/targets', { year: 2026, targets: [{ villageId: sempu, pregnantWomen: 40 }, { villageId: jambewangi, pregnantWomen: 74 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as View).puskesmas[0]!.villages[0]).toMatchObject({ code: SEMPU, pregnantWomen: 40 });
    expect(await sempuK1()).toMatchObject({ target: 40, k1: { cumulative: 1, percent: 2.5 } });

    const audit = (await auditRows(platform, '2026')).filter((r) => r.entityType === 'sakina_targets');
    expect(audit).toHaveLength(1);
    // Jambewangi's 74 was already 74: only the real change is recorded.
    expect(audit[0]).toMatchObject({ action: 'update', actorRole: 'midwife', details: { changes: [{ villageId: sempu, village: SEMPU, from: 96, to: 40 }] } });
    // Saving the same again writes nothing.
    await bidan.request('PUT', '/api/sakina/targets', { year: 2026, targets: [{ villageId: sempu, pregnantWomen: 40 }] });
    expect((await auditRows(platform, '2026')).filter((r) => r.entityType === 'sakina_targets')).toHaveLength(1);
  });

  it('next year starts empty, with last year\'s target beside each village', async () => {
    const sempu = await placeId(platform, SEMPU);
    const empty: View = (await bidan.get('/api/sakina/targets?year=2027')).json();
    expect(empty.puskesmas[0]!.villages[0]).toMatchObject({ pregnantWomen: null, lastYear: 40 });
    expect(empty.puskesmas[0]!.total).toBeNull();
    const res = await bidan.request('PUT', '/api/sakina/targets', { year: 2027, targets: [{ villageId: sempu, pregnantWomen: 45 }] });
    expect((res.json() as View).puskesmas[0]!.villages[0]).toMatchObject({ pregnantWomen: 45, lastYear: 40 });
    // 2026 is untouched.
    expect(((await bidan.get('/api/sakina/targets?year=2026')).json() as View).puskesmas[0]!.villages[0]!.pregnantWomen).toBe(40);
  });

  it('refuses another puskesmas\'s village and bad numbers, field by field, in the reader\'s language', async () => {
    const genteng = await placeId(platform, GENTENG_KULON);
    const sempu = await placeId(platform, SEMPU);
    const other = await bidan.request('PUT', '/api/sakina/targets', { year: 2026, targets: [{ villageId: genteng, pregnantWomen: 50 }] });
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toBe('Sasaran desa diisi oleh puskesmas yang melayani desa itu.');

    const bad = await bidan.request('PUT', '/api/sakina/targets', { year: 2026, targets: [{ villageId: sempu, pregnantWomen: -1 }, { villageId: sempu, pregnantWomen: 2.5 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'targets.0.pregnantWomen', message: 'Tidak boleh negatif' },
        { field: 'targets.1.pregnantWomen', message: 'Harus bilangan bulat' },
      ]),
    );
    const twice = await bidan.request('PUT', '/api/sakina/targets?lang=en', { year: 2026, targets: [{ villageId: sempu, pregnantWomen: 1 }, { villageId: sempu, pregnantWomen: 2 }] });
    expect(twice.json().errors).toEqual([{ field: 'targets.1.villageId', message: 'This village is listed twice' }]);
    const unknown = await bidan.request('PUT', '/api/sakina/targets', { year: 2026, targets: [{ villageId: '00000000-0000-4000-8000-000000000000', pregnantWomen: 3 }] });
    expect(unknown.json().errors).toEqual([{ field: 'targets.0.villageId', message: 'Desa ini tidak dilayani puskesmas mana pun.' }]);
    expect((await bidan.get('/api/sakina/targets?year=1999')).statusCode).toBe(400);
    // Nothing was saved by the refused requests.
    expect(((await bidan.get('/api/sakina/targets?year=2026')).json() as View).puskesmas[0]!.villages[0]!.pregnantWomen).toBe(40);
  });
});
