import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from './calendar.ts';
import { dayNumber, endOfWibDay, fromDayNumber, wibDateOf, wibInstant } from './local-date.ts';
import { isOpenAt, openPeriodsOn, type ServicePoint, type WeeklyHours } from './opening-hours.ts';
import { instantIn2025To2027, officialCalendar } from './testing.ts';
import { addWorkingDays, addWorkingHours, workingDaysBetween } from './working-days.ts';

const cal = officialCalendar();
const at = (date: string, time: string) => wibInstant(date, time);
const HOUR = 60 * 60 * 1000;

const day = { open: '08:00', close: '16:00' };
const OFFICE_WEEK: WeeklyHours = { 1: day, 2: day, 3: day, 4: day, 5: day, 6: null, 7: null };
const office: ServicePoint = { weekly: OFFICE_WEEK, specialDays: {} };
const mpp: ServicePoint = { weekly: { ...OFFICE_WEEK, 6: { open: '08:00', close: '12:00' } }, specialDays: {} };

const slaDays = fc.integer({ min: 0, max: 60 });

describe('addWorkingDays', () => {
  it.each([
    ['Monday, 3 days → Thursday', at('2026-11-30', '10:00'), 3, '2026-12-03'],
    ['Saturday, 3 days → Wednesday (Monday is day 1)', at('2026-11-28', '10:00'), 3, '2026-12-02'],
    ['Friday, 1 day → Monday', at('2026-11-27', '15:00'), 1, '2026-11-30'],
    ['same-day service on a working day', at('2026-11-30', '15:59'), 0, '2026-11-30'],
    ['same-day service on a Saturday → Monday', at('2026-11-28', '10:00'), 0, '2026-11-30'],
    ['same-day service on Independence Day → Tuesday', at('2026-08-17', '10:00'), 0, '2026-08-18'],
    ['1 day over the Lebaran break of 2026', at('2026-03-17', '14:00'), 1, '2026-03-25'],
    ['5 days over the Lebaran break of 2026', at('2026-03-17', '14:00'), 5, '2026-03-31'],
    ['14 days over Lebaran and Good Friday 2025', at('2025-03-27', '09:00'), 14, '2025-04-28'],
    ['3 days over Christmas into the last days of 2026', at('2026-12-23', '09:00'), 3, '2026-12-30'],
    ['into the next year', at('2026-12-30', '09:00'), 2, '2027-01-04'],
  ])('%s', (_, start, n, due) => {
    expect(addWorkingDays(start, n, cal)).toBe(due);
  });

  it('reads the start in WIB: 23:59 WIB on Monday is still Monday', () => {
    expect(addWorkingDays(new Date('2026-11-30T16:59:59.999Z'), 1, cal)).toBe('2026-12-01');
    expect(addWorkingDays(new Date('2026-11-30T17:00:00.000Z'), 1, cal)).toBe('2026-12-02');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects n = %d', (n) => {
    expect(() => addWorkingDays(at('2026-11-30', '10:00'), n, cal)).toThrow(RangeError);
  });

  it('never lands on a closed day or a weekend', () => {
    fc.assert(fc.property(instantIn2025To2027, slaDays, (start, n) => {
      expect(isWorkingDay(addWorkingDays(start, n, cal), cal)).toBe(true);
    }));
  });

  it('is monotonic in n, strictly from n = 1', () => {
    fc.assert(fc.property(instantIn2025To2027, slaDays, slaDays, (start, a, b) => {
      const [n, m] = a <= b ? [a, b] : [b, a];
      const dueN = dayNumber(addWorkingDays(start, n, cal));
      const dueM = dayNumber(addWorkingDays(start, m, cal));
      expect(dueN).toBeLessThanOrEqual(dueM);
      if (n >= 1 && n < m) expect(dueN).toBeLessThan(dueM);
    }));
  });

  it('gives the same day for n = 0 and n = 1 only when started on a closed day', () => {
    fc.assert(fc.property(instantIn2025To2027, (start) => {
      const same = addWorkingDays(start, 0, cal) === addWorkingDays(start, 1, cal);
      expect(same).toBe(!isWorkingDay(wibDateOf(start), cal));
    }));
  });

  it('composes: n days then m more is n + m days (n ≥ 1)', () => {
    fc.assert(fc.property(instantIn2025To2027, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (start, n, m) => {
      const first = addWorkingDays(start, n, cal);
      expect(addWorkingDays(wibInstant(first, '10:00'), m, cal)).toBe(addWorkingDays(start, n + m, cal));
    }));
  });

  it('agrees with counting working days one by one', () => {
    fc.assert(fc.property(instantIn2025To2027, slaDays, (start, n) => {
      let d = dayNumber(wibDateOf(start));
      let counted = 0;
      if (n === 0) while (!isWorkingDay(fromDayNumber(d), cal)) d++;
      while (counted < n) if (isWorkingDay(fromDayNumber(++d), cal)) counted++;
      expect(addWorkingDays(start, n, cal)).toBe(fromDayNumber(d));
    }));
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['the same day', at('2026-11-30', '08:00'), at('2026-11-30', '15:00'), 0],
    ['Monday to Tuesday', at('2026-11-30', '15:00'), at('2026-12-01', '08:00'), 1],
    ['Friday to Monday', at('2026-11-27', '15:00'), at('2026-11-30', '08:00'), 1],
    ['Friday to Sunday', at('2026-11-27', '15:00'), at('2026-11-29', '08:00'), 0],
    ['across the Lebaran break of 2026', at('2026-03-17', '14:00'), at('2026-03-25', '09:00'), 1],
    ['backwards', at('2026-12-01', '08:00'), at('2026-11-27', '15:00'), -2],
  ])('%s', (_, from, to, n) => {
    expect(workingDaysBetween(from, to, cal)).toBe(n);
  });

  it('inverts addWorkingDays for every n ≥ 1, from the first to the last moment of the due day', () => {
    fc.assert(fc.property(instantIn2025To2027, fc.integer({ min: 1, max: 60 }), (start, n) => {
      const due = addWorkingDays(start, n, cal);
      expect(workingDaysBetween(start, endOfWibDay(due), cal)).toBe(n);
      expect(workingDaysBetween(start, wibInstant(due), cal)).toBe(n);
    }));
  });

  it('inverts addWorkingDays for n = 0 when the start day is a working day', () => {
    fc.assert(fc.property(instantIn2025To2027, (start) => {
      fc.pre(isWorkingDay(wibDateOf(start), cal));
      expect(workingDaysBetween(start, endOfWibDay(addWorkingDays(start, 0, cal)), cal)).toBe(0);
    }));
  });

  it('tells late from on time: at most n days used ⇔ before the (n + 1)-th working day', () => {
    fc.assert(fc.property(instantIn2025To2027, slaDays, fc.integer({ min: 0, max: 120 * 24 * HOUR }), (start, n, later) => {
      const done = new Date(start.getTime() + later);
      const withinSla = workingDaysBetween(start, done, cal) <= n;
      expect(withinSla).toBe(wibDateOf(done) < addWorkingDays(start, n + 1, cal));
    }));
  });

  it('adds up over consecutive spans and flips sign when reversed', () => {
    fc.assert(fc.property(instantIn2025To2027, instantIn2025To2027, instantIn2025To2027, (a, b, c) => {
      expect(workingDaysBetween(a, c, cal)).toBe(workingDaysBetween(a, b, cal) + workingDaysBetween(b, c, cal));
      expect(workingDaysBetween(b, a, cal) + workingDaysBetween(a, b, cal)).toBe(0);
    }), { numRuns: 50 });
  });
});

/** Open time of the point between two instants, summed period by period. */
function openMsBetween(from: Date, to: Date, point: ServicePoint): number {
  let total = 0;
  for (let d = dayNumber(wibDateOf(from)); d <= dayNumber(wibDateOf(to)); d++) {
    for (const p of openPeriodsOn(fromDayNumber(d), point, cal)) {
      total += Math.max(0, Math.min(p.end.getTime(), to.getTime()) - Math.max(p.start.getTime(), from.getTime()));
    }
  }
  return total;
}

describe('addWorkingHours', () => {
  it.each([
    ['within the morning', office, at('2026-11-30', '09:00'), 2, at('2026-11-30', '11:00')],
    ['over the night', office, at('2026-11-30', '15:00'), 2, at('2026-12-01', '09:00')],
    ['around the Friday prayer break', office, at('2026-11-27', '11:00'), 1, at('2026-11-27', '13:30')],
    ['over the weekend, office', office, at('2026-11-27', '15:00'), 3, at('2026-11-30', '10:00')],
    ['into Saturday morning, MPP', mpp, at('2026-11-27', '15:00'), 3, at('2026-11-28', '10:00')],
    ['ending at closing time', office, at('2026-11-30', '14:00'), 2, at('2026-11-30', '16:00')],
    ['started before opening', office, at('2026-11-30', '06:00'), 1, at('2026-11-30', '09:00')],
    ['over the Lebaran break of 2026', office, at('2026-03-17', '15:00'), 2, at('2026-03-25', '09:00')],
    ['an hour and a half', office, at('2026-11-30', '08:00'), 1.5, at('2026-11-30', '09:30')],
    ['no time, while open', office, at('2026-11-30', '10:17'), 0, at('2026-11-30', '10:17')],
    ['no time, while closed', office, at('2026-11-28', '10:00'), 0, at('2026-11-30', '08:00')],
  ])('%s', (_, point, start, hours, end) => {
    expect(addWorkingHours(start, hours, point, cal)).toEqual(end);
  });

  it('rejects negative or non-finite hours and a point that never opens', () => {
    expect(() => addWorkingHours(at('2026-11-30', '09:00'), -1, office, cal)).toThrow(RangeError);
    expect(() => addWorkingHours(at('2026-11-30', '09:00'), Number.NaN, office, cal)).toThrow(RangeError);
    const never: ServicePoint = { weekly: { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null }, specialDays: {} };
    expect(() => addWorkingHours(at('2026-11-30', '09:00'), 1, never, cal)).toThrow(/stays closed/);
  });

  const hours = fc.integer({ min: 0, max: 80 * 4 }).map((quarters) => quarters / 4);

  it('spends exactly the asked open time, and ends at an open moment or a closing time', () => {
    fc.assert(fc.property(instantIn2025To2027, hours, fc.constantFrom(office, mpp), (start, h, point) => {
      const end = addWorkingHours(start, h, point, cal);
      expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(openMsBetween(start, end, point)).toBe(h * HOUR);
      if (h > 0) expect(isOpenAt(new Date(end.getTime() - 1), point, cal)).toBe(true);
    }), { numRuns: 200 });
  });

  it('is monotonic in hours and composes for a positive second step', () => {
    fc.assert(fc.property(instantIn2025To2027, hours, hours.filter((h) => h > 0), (start, a, b) => {
      const afterA = addWorkingHours(start, a, office, cal);
      const afterAB = addWorkingHours(start, a + b, office, cal);
      expect(afterA.getTime()).toBeLessThan(afterAB.getTime());
      expect(addWorkingHours(afterA, b, office, cal)).toEqual(afterAB);
    }), { numRuns: 200 });
  });
});
