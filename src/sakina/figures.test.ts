import { describe, expect, it } from 'vitest';
import { computeFigures, monthBounds, totalRow, type FigureSources } from './figures.ts';

const V1 = 'village-1';
const V2 = 'village-2';
const at = (day: string) => new Date(`${day}T10:00:00+07:00`);

function pregnancy(id: string, over: Partial<FigureSources['pregnancies'][number]> = {}): FigureSources['pregnancies'][number] {
  return { id, villageId: V1, status: 'active', confirmedAt: at('2026-11-05'), hpht: '2026-08-20', reportedVia: 'health_worker', riskFoundOn: null, category: 'KRR', deliveredOn: null, ...over };
}

const sources: FigureSources = {
  pregnancies: [
    // Registered in November, K1 in November (trimester 1), low risk.
    pregnancy('a'),
    // Registered in March, six visits through the year, high risk found in April by a community report; born in October at the hospital.
    pregnancy('b', { confirmedAt: at('2026-03-10'), hpht: '2026-01-20', reportedVia: 'community', riskFoundOn: '2026-04-01', category: 'KRST', status: 'delivered', deliveredOn: '2026-10-25' }),
    // Last year's: registered in December 2025, born in January at home, the baby died in February.
    pregnancy('c', { confirmedAt: at('2025-12-01'), hpht: '2025-04-20', status: 'closed', deliveredOn: '2026-01-20', category: 'KRT', riskFoundOn: '2025-12-01' }),
    // Another village: registered and found high risk by a health worker in November.
    pregnancy('d', { villageId: V2, riskFoundOn: '2026-11-10', category: 'KRT' }),
    // A report not yet confirmed counts nowhere.
    pregnancy('e', { status: 'reported', confirmedAt: null, hpht: null, category: null }),
  ],
  visits: [
    { pregnancyId: 'a', visitDate: '2026-11-05', examiner: 'midwife' },
    { pregnancyId: 'b', visitDate: '2026-03-10', examiner: 'doctor' },
    { pregnancyId: 'b', visitDate: '2026-05-01', examiner: 'midwife' },
    { pregnancyId: 'b', visitDate: '2026-06-20', examiner: 'midwife' },
    { pregnancyId: 'b', visitDate: '2026-08-01', examiner: 'doctor' },
    { pregnancyId: 'b', visitDate: '2026-09-01', examiner: 'midwife' },
    { pregnancyId: 'b', visitDate: '2026-10-01', examiner: 'midwife' },
    { pregnancyId: 'd', visitDate: '2026-11-10', examiner: 'midwife' },
  ],
  outcomes: [
    { pregnancyId: 'b', kind: 'birth', deliveryDate: '2026-10-25', placeKind: 'hospital', motherDiedOn: null },
    { pregnancyId: 'c', kind: 'birth', deliveryDate: '2026-01-20', placeKind: 'home', motherDiedOn: null },
  ],
  babies: [
    { pregnancyId: 'b', status: 'alive', diedOn: null },
    { pregnancyId: 'c', status: 'died', diedOn: '2026-02-03' },
  ],
  escorts: [{ pregnancyId: 'b', status: 'arrived', arrivedAt: new Date('2026-10-24T20:30:00Z') }],
};

describe('PWS-KIA monthly figures', () => {
  const [v1, v2] = computeFigures(sources, [V1, V2], new Map([[V1, 20]]), '2026-11');

  it('counts this month, up to last month and to date, within the year', () => {
    expect(v1!.registered).toEqual({ previous: 1, month: 1, cumulative: 2, percent: 10 }); // c was last year's
    expect(v1!.k1).toEqual({ previous: 1, month: 1, cumulative: 2, percent: 10 });
    expect(v1!.k4).toMatchObject({ previous: 1, month: 0, cumulative: 1 });
    expect(v1!.k6).toMatchObject({ previous: 1, cumulative: 1, percent: 5 });
    expect(v1!.births).toEqual({ previous: 2, month: 0, cumulative: 2 });
    expect(v1!.facilityBirths).toEqual({ previous: 1, month: 0, cumulative: 1, percent: 50 });
    expect(v1!.infantDeaths).toEqual({ previous: 1, month: 0, cumulative: 1 });
    expect(v1!.maternalDeaths.cumulative).toBe(0);
  });

  it('splits high risk found by community and by health workers, by the day it was found', () => {
    expect(v1!.riskCommunity).toEqual({ previous: 1, month: 0, cumulative: 1 });
    expect(v1!.riskHealthWorker).toEqual({ previous: 0, month: 0, cumulative: 0 }); // c's was found last year
    expect(v2!.riskHealthWorker).toEqual({ previous: 0, month: 1, cumulative: 1 });
  });

  it('counts an escort on the WIB day it arrived', () => {
    // 20:30 UTC on 24 October is 03:30 WIB on 25 October.
    expect(computeFigures(sources, [V1], new Map(), '2026-10')[0]!.escortsDone).toEqual({ previous: 0, month: 1, cumulative: 1 });
  });

  it('without a target, measures coverage against the women registered this year', () => {
    expect(v2!.target).toBeNull();
    expect(v2!.k1.percent).toBe(100);
    expect(v2!.registered.percent).toBeNull();
  });

  it('shows the risk mix of the women pregnant at the end of the month', () => {
    expect(v1!.riskMix).toEqual({ KRR: 1, KRT: 0, KRST: 0, unscreened: 0 });
    expect(computeFigures(sources, [V1], new Map(), '2026-09')[0]!.riskMix).toEqual({ KRR: 1, KRT: 0, KRST: 1, unscreened: 0 });
  });

  it('totals sum the villages and recompute percentages; a missing target leaves the total without one', () => {
    const total = totalRow([v1!, v2!]);
    expect(total.registered.cumulative).toBe(3);
    expect(total.target).toBeNull();
    // V1 against its target of 20, V2 (no target) against its 1 registered woman: 3 of 21.
    expect(total.k1.percent).toBe(14.3);
    const withTargets = totalRow(computeFigures(sources, [V1, V2], new Map([[V1, 20], [V2, 10]]), '2026-11'));
    expect(withTargets.target).toBe(30);
    expect(withTargets.k1.percent).toBe(10);
  });

  it('a total over villages with and without targets measures each against its own denominator', () => {
    const rows = computeFigures(sources, [V1, V2], new Map([[V1, 20]]), '2026-11');
    const total = totalRow(rows);
    expect(total.target).toBeNull();
    const denominator = 20 + rows[1]!.registered.cumulative;
    expect(total.k1.percent).toBe(Math.round((total.k1.cumulative / denominator) * 1000) / 10);
    expect(total.k1.percent).toBeLessThan(100);
  });

  it('reads month bounds, leap years included, and refuses nonsense', () => {
    expect(monthBounds('2028-02')).toMatchObject({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthBounds('2026-12')).toMatchObject({ last: '2026-12-31', year: 2026, monthNo: 12 });
    expect(() => monthBounds('2026-13')).toThrow(RangeError);
  });
});
