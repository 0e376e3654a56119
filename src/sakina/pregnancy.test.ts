import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../catalogue/calendar/local-date.ts';
import { ageOn, checkHpht, dueDateOf, formatGestationalAge, gestationalAge, kfVisitOf, ksprColumnOfDays, postpartumEnd, trimesterEnd, trimesterOfDays } from './pregnancy.ts';

const anyDate = fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(Date.UTC(1990, 0, 1 + n)).toISOString().slice(0, 10));

describe('due date (Naegele: HPHT + 280 days)', () => {
  it.each([
    ['2026-01-01', '2026-10-08'],
    ['2026-03-15', '2026-12-20'],
    ['2024-05-20', '2025-02-24'],
    ['2023-06-01', '2024-03-07'], // across 2024-02-29
    ['2025-12-31', '2026-10-07'],
  ])('%s → %s', (hpht, hpl) => {
    expect(dueDateOf(hpht)).toBe(hpl);
  });

  it('is always 40 weeks 0 days after HPHT (property)', () => {
    fc.assert(
      fc.property(anyDate, (hpht) => {
        expect(gestationalAge(hpht, dueDateOf(hpht))).toEqual({ days: 280, weeks: 40, extraDays: 0 });
      }),
    );
  });
});

describe('gestational age', () => {
  it('counts completed weeks and days', () => {
    expect(gestationalAge('2026-01-01', '2026-01-01')).toEqual({ days: 0, weeks: 0, extraDays: 0 });
    expect(gestationalAge('2026-01-01', '2026-03-29')).toEqual({ days: 87, weeks: 12, extraDays: 3 });
    expect(gestationalAge('2026-01-01', '2025-12-31')).toBeNull();
  });

  it('reads in both languages', () => {
    expect(formatGestationalAge({ days: 143, weeks: 20, extraDays: 3 }, 'id')).toBe('20 minggu 3 hari');
    expect(formatGestationalAge({ days: 140, weeks: 20, extraDays: 0 }, 'id')).toBe('20 minggu');
    expect(formatGestationalAge({ days: 8, weeks: 1, extraDays: 1 }, 'en')).toBe('1 week 1 day');
    expect(formatGestationalAge({ days: 143, weeks: 20, extraDays: 3 }, 'en')).toBe('20 weeks 3 days');
  });

  it('weeks × 7 + days = days (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 320 }), (hpht, n) => {
        const ga = gestationalAge(hpht, addDays(hpht, n))!;
        expect(ga.weeks * 7 + ga.extraDays).toBe(n);
        expect(ga.extraDays).toBeLessThan(7);
      }),
    );
  });
});

describe('trimesters and KSPR columns', () => {
  it.each([
    [0, 1, 'I'],
    [84, 1, 'I'], // 12w0d
    [85, 2, 'II'], // 12w1d
    [168, 2, 'II'], // 24w0d
    [169, 3, 'III.1'],
    [224, 3, 'III.1'], // 32w0d
    [225, 3, 'III.2'],
    [294, 3, 'III.2'],
  ] as const)('day %i: trimester %i, column %s', (days, trimester, column) => {
    expect(trimesterOfDays(days)).toBe(trimester);
    expect(ksprColumnOfDays(days)).toBe(column);
  });

  it('ends trimesters at 12 and 24 weeks, and trimester 3 at the due date', () => {
    expect(trimesterEnd('2026-01-01', 1)).toBe('2026-03-26');
    expect(trimesterEnd('2026-01-01', 2)).toBe('2026-06-18');
    expect(trimesterEnd('2026-01-01', 3)).toBe(dueDateOf('2026-01-01'));
  });

  it('trimester never decreases as days pass (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 320 }), (d) => {
        expect(trimesterOfDays(d + 1)).toBeGreaterThanOrEqual(trimesterOfDays(d));
      }),
    );
  });
});

describe('HPHT checks and age', () => {
  it('refuses a future HPHT and one more than 44 weeks old', () => {
    expect(checkHpht('2026-11-30', '2026-11-30')).toBeNull();
    expect(checkHpht('2026-12-01', '2026-11-30')).toBe('in_future');
    expect(checkHpht(addDays('2026-11-30', -308), '2026-11-30')).toBeNull();
    expect(checkHpht(addDays('2026-11-30', -309), '2026-11-30')).toBe('too_old');
  });

  it('counts completed years', () => {
    expect(ageOn('1994-03-12', '2026-03-11')).toBe(31);
    expect(ageOn('1994-03-12', '2026-03-12')).toBe(32);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });
});

describe('postpartum (nifas) visits', () => {
  it.each([
    ['2026-11-01', null],
    ['2026-11-02', 'KF1'],
    ['2026-11-04', 'KF1'],
    ['2026-11-05', 'KF2'],
    ['2026-11-09', 'KF2'],
    ['2026-11-10', 'KF3'],
    ['2026-11-30', 'KF3'],
    ['2026-12-01', 'KF4'],
    ['2026-12-14', 'KF4'],
    ['2026-12-15', null],
  ] as const)('%s after a birth on 2026-11-02: %s', (on, kf) => {
    expect(kfVisitOf('2026-11-02', on)).toBe(kf);
  });

  it('ends 42 days after delivery', () => {
    expect(postpartumEnd('2026-11-02')).toBe('2026-12-14');
  });
});
