import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../catalogue/calendar/local-date.ts';
import { ancCoverage, expectedNextVisit, intervalAfter, missedVisit, trimesterShortfalls, type AncVisit } from './anc.ts';

const HPHT = '2026-01-01';
const at = (gaDays: number, examiner: AncVisit['examiner'] = 'midwife'): AncVisit => ({ date: addDays(HPHT, gaDays), examiner });

describe('K1–K6 coverage', () => {
  it('nothing before the first visit', () => {
    expect(ancCoverage([], HPHT)).toMatchObject({ contacts: 0, k1: false, k1Pure: false, k4: false, k6: false, k1Date: null });
  });

  it('K1 in trimester 1 is "murni"; a first visit at 13 weeks is K1 but not murni', () => {
    expect(ancCoverage([at(84)], HPHT)).toMatchObject({ k1: true, k1Pure: true, k1Date: addDays(HPHT, 84) });
    expect(ancCoverage([at(85)], HPHT)).toMatchObject({ k1: true, k1Pure: false });
  });

  it('K4 needs 1 + 1 + 2 by trimester', () => {
    expect(ancCoverage([at(60), at(120), at(200), at(230)], HPHT)).toMatchObject({ k4: true, k4Date: addDays(HPHT, 230), k6: false });
    expect(ancCoverage([at(60), at(200), at(210), at(230)], HPHT).k4).toBe(false); // no trimester-2 visit
    expect(ancCoverage([at(100), at(120), at(200), at(230)], HPHT).k4).toBe(false); // none in trimester 1
  });

  it('K6 needs 1 + 2 + 3 and a doctor in trimesters 1 and 3', () => {
    const six = [at(60, 'doctor'), at(110), at(160), at(200), at(230, 'doctor'), at(260)];
    expect(ancCoverage(six, HPHT)).toMatchObject({ contacts: 6, k4: true, k6: true, k6Date: addDays(HPHT, 260), byTrimester: { 1: 1, 2: 2, 3: 3 }, doctorByTrimester: { 1: 1, 2: 0, 3: 1 } });
    const noDoctorT3 = [at(60, 'doctor'), at(110), at(160), at(200), at(230), at(260)];
    expect(ancCoverage(noDoctorT3, HPHT).k6).toBe(false);
    const doctorOnlyT2 = [at(60), at(110, 'doctor'), at(160, 'doctor'), at(200), at(230), at(260)];
    expect(ancCoverage(doctorOnlyT2, HPHT).k6).toBe(false);
    const sixButTwoInT2Missing = [at(60, 'doctor'), at(70), at(160), at(200), at(230, 'doctor'), at(260)];
    expect(ancCoverage(sixButTwoInT2Missing, HPHT).k6).toBe(false);
  });

  it('ignores visits before HPHT and after delivery', () => {
    const c = ancCoverage([at(-3), at(60), at(300)], HPHT, addDays(HPHT, 270));
    expect(c.contacts).toBe(1);
  });

  it('K6 implies K4 implies K1, in date order (property)', () => {
    const visit = fc.record({ gaDays: fc.integer({ min: 0, max: 290 }), examiner: fc.constantFrom<AncVisit['examiner']>('midwife', 'doctor') });
    fc.assert(
      fc.property(fc.array(visit, { maxLength: 10 }), (list) => {
        const c = ancCoverage(list.map((v) => at(v.gaDays, v.examiner)), HPHT);
        if (c.k6) expect(c.k4).toBe(true);
        if (c.k4) expect(c.k1).toBe(true);
        if (c.k4Date && c.k6Date) expect(c.k4Date <= c.k6Date).toBe(true);
        if (c.k1Date && c.k4Date) expect(c.k1Date <= c.k4Date).toBe(true);
        expect(c.contacts).toBe(list.length);
      }),
    );
  });
});

describe('the next expected visit', () => {
  it('intervals: 4 weeks before 28 weeks, 2 weeks to 36, then weekly', () => {
    expect(intervalAfter(0)).toBe(28);
    expect(intervalAfter(195)).toBe(28);
    expect(intervalAfter(196)).toBe(14);
    expect(intervalAfter(251)).toBe(14);
    expect(intervalAfter(252)).toBe(7);
  });

  it('before any visit: by the end of trimester 1, or a week after a late registration', () => {
    expect(expectedNextVisit([], HPHT)).toBe(addDays(HPHT, 84));
    expect(expectedNextVisit([], HPHT, { registeredOn: addDays(HPHT, 40) })).toBe(addDays(HPHT, 84));
    expect(expectedNextVisit([], HPHT, { registeredOn: addDays(HPHT, 140) })).toBe(addDays(HPHT, 147));
  });

  it('one interval after the last visit', () => {
    expect(expectedNextVisit([at(50)], HPHT)).toBe(addDays(HPHT, 78));
    expect(expectedNextVisit([at(200)], HPHT)).toBe(addDays(HPHT, 214));
    expect(expectedNextVisit([at(260)], HPHT)).toBe(addDays(HPHT, 267));
  });

  it('no later than the end of a trimester still short of its minimum', () => {
    // One visit in trimester 2 at 23 weeks: the second must come by 24w0d, not 4 weeks later.
    expect(expectedNextVisit([at(60), at(161)], HPHT)).toBe(addDays(HPHT, 168));
    // With two already, the interval applies.
    expect(expectedNextVisit([at(60), at(150), at(161)], HPHT)).toBe(addDays(HPHT, 189));
  });

  it('none once delivered', () => {
    expect(expectedNextVisit([at(60)], HPHT, { deliveryDate: addDays(HPHT, 270) })).toBeNull();
  });

  it('is always after the last visit and at most 4 weeks on (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 290 }), { minLength: 1, maxLength: 8 }), (days) => {
        const next = expectedNextVisit(days.map((d) => at(d)), HPHT)!;
        const last = addDays(HPHT, Math.max(...days));
        expect(next > last).toBe(true);
        expect(next <= addDays(last, 28)).toBe(true);
      }),
    );
  });
});

describe('missed visits', () => {
  it('is missed only more than 7 days after the expected day', () => {
    const visits = [at(50)]; // next expected at day 78
    expect(missedVisit(visits, HPHT, addDays(HPHT, 85))).toBeNull();
    expect(missedVisit(visits, HPHT, addDays(HPHT, 86))).toEqual({ expected: addDays(HPHT, 78), overdueDays: 8 });
    expect(missedVisit(visits, HPHT, addDays(HPHT, 86), { deliveryDate: addDays(HPHT, 80) })).toBeNull();
  });

  it('lists trimesters that ended short of their minimum', () => {
    expect(trimesterShortfalls([at(100)], HPHT, addDays(HPHT, 170))).toEqual([
      { trimester: 1, required: 1, done: 0 },
      { trimester: 2, required: 2, done: 1 },
    ]);
    expect(trimesterShortfalls([at(60), at(100), at(150)], HPHT, addDays(HPHT, 170))).toEqual([]);
    expect(trimesterShortfalls([], HPHT, addDays(HPHT, 80))).toEqual([]);
  });
});
