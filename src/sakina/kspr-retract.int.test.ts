/** Retracting a KSPR factor entered by mistake: the score falls, the history keeps who, when and why. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestPlatform } from '../../tests/support/app.ts';
import { auditRows, recordVisit, registerWoman, sakinaPlatform } from './testing.ts';

let platform: TestPlatform;
let bidan: Session;
let bidanGenteng: Session;
let kader: Session;
let polisi: Session;

beforeAll(async () => {
  platform = await sakinaPlatform();
  bidan = await platform.as('bidan.sempu');
  bidanGenteng = await platform.as('bidan.genteng');
  kader = await platform.as('kader.sempu');
  polisi = await platform.as('polisi.sempu');
});
afterAll(() => platform.close());

type Factor = { code: string };
const codes = (list: Factor[]) => list.map((f) => f.code);

describe('retracting a mistaken KSPR factor', () => {
  let id: string;
  beforeAll(async () => {
    id = await registerWoman(platform, bidan, { name: 'Ibu Salah Centang', gaDays: 230, birthDate: '1995-03-01', gravida: 2, para: 1 });
    await recordVisit(platform, bidan, id, { daysAgo: 60, factors: ['anaemia'], hb: 9.8 });
    // Breech ticked by mistake: the baby lies head down.
    await recordVisit(platform, bidan, id, { daysAgo: 10, factors: ['breech'], examiner: 'doctor' });
    platform.clock.advance(60_000);
  });

  it('is refused to the kader, the police and a midwife of another puskesmas', async () => {
    const body = { factor: 'breech', reason: 'Salah centang' };
    expect((await kader.post(`/api/sakina/pregnancies/${id}/kspr/retractions`, body)).statusCode).toBe(403);
    expect([403, 404]).toContain((await polisi.post(`/api/sakina/pregnancies/${id}/kspr/retractions`, body)).statusCode);
    expect((await bidanGenteng.post(`/api/sakina/pregnancies/${id}/kspr/retractions`, body)).statusCode).toBe(404);
    expect((await bidan.get(`/api/sakina/pregnancies/${id}`)).json().kspr).toMatchObject({ score: 14, category: 'KRST' });
  });

  it('needs a reason and a factor that is counted', async () => {
    const noReason = await bidan.post(`/api/sakina/pregnancies/${id}/kspr/retractions`, { factor: 'breech', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const notCounted = await bidan.post(`/api/sakina/pregnancies/${id}/kspr/retractions`, { factor: 'twins', reason: 'Tidak kembar' });
    expect(notCounted.statusCode).toBe(409);
  });

  it('drops the score and the category, keeps the history and audits it', async () => {
    const res = await bidan.post(`/api/sakina/pregnancies/${id}/kspr/retractions`, { factor: 'breech', reason: 'Salah centang: presentasi kepala (USG)' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ factor: 'breech', score: 6, category: 'KRT', emergency: false });

    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record.category).toBe('KRT');
    expect(record.kspr).toMatchObject({ score: 6, category: 'KRT' });
    expect(codes(record.kspr.factors)).toEqual(['anaemia']);
    // The card: the second visit still shows what was ticked, struck through.
    expect(record.kspr.card.map((e: { score: number; retracted: Factor[] }) => [e.score, codes(e.retracted)])).toEqual([
      [6, []],
      [6, ['breech']],
    ]);
    expect(record.kspr.retractions).toHaveLength(1);
    expect(record.kspr.retractions[0]).toMatchObject({ factor: { code: 'breech' }, reason: 'Salah centang: presentasi kepala (USG)', scoreBefore: 14, scoreAfter: 6, categoryBefore: 'KRST', categoryAfter: 'KRT' });
    expect(record.kspr.retractions[0].retractedBy).toBeTruthy();
    expect(record.kspr.retractions[0].retractedAt).toBe(platform.clock.now.toISOString());
    // What was ticked at the visit is not rewritten.
    expect(record.visits[1].factorsFound.map((f: Factor | string) => (typeof f === 'string' ? f : f.code))).toContain('breech');

    const [row] = await auditRows(platform, res.json().retractionId);
    expect(row).toMatchObject({ action: 'update', entityType: 'sakina_kspr_retraction', actorRole: 'midwife', details: { pregnancyId: id, retracted: 'breech', reason: 'Salah centang: presentasi kepala (USG)', scoreBefore: 14, scoreAfter: 6, categoryBefore: 'KRST', categoryAfter: 'KRT' } });
  });

  it('a retracted factor stays out when the next visit is recorded', async () => {
    platform.clock.advance(60_000);
    const next = await recordVisit(platform, bidan, id, { daysAgo: 0, factors: [] });
    expect(next.kspr.overall).toMatchObject({ score: 6, category: 'KRT' });
  });

  it('retracting the last risk makes her KRR: the police no longer see her', async () => {
    expect((await polisi.get(`/api/sakina/pregnancies/${id}`)).statusCode).toBe(200);
    const res = await bidan.post(`/api/sakina/pregnancies/${id}/kspr/retractions`, { factor: 'anaemia', reason: 'Hb 9,8 salah baca, ulang 11,8' });
    expect(res.json()).toMatchObject({ score: 2, category: 'KRR' });
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record.kspr).toMatchObject({ score: 2, category: 'KRR', riskFoundOn: null });
    expect(record.kspr.retractions).toHaveLength(2);
    expect((await polisi.get(`/api/sakina/pregnancies/${id}`)).statusCode).toBe(404);
    const again = await bidan.post(`/api/sakina/pregnancies/${id}/kspr/retractions`, { factor: 'anaemia', reason: 'Dua kali' });
    expect(again.statusCode).toBe(409);
  });

  it('a factor found again at a later visit counts again', async () => {
    platform.clock.advance(60_000);
    const later = await recordVisit(platform, bidan, id, { daysAgo: 0, factors: ['breech'], examiner: 'doctor' });
    expect(later.kspr.overall).toMatchObject({ score: 10, category: 'KRT' });
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(codes(record.kspr.factors)).toEqual(['breech']);
  });
});
