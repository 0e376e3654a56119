import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalHolidays } from './holidays.ts';
import { addDays, DAY_MS, dayNumber, fromDayNumber, minutesOf, wibDateOf, wibInstant, weekdayOf } from './local-date.ts';
import { hoursOn, isOpenAt, nextOpening, openPeriodsOn, type ServicePoint, type WeeklyHours } from './opening-hours.ts';
import { pasaranOf } from './pasaran.ts';
import { dateIn2025To2027, instantIn2025To2027, officialCalendar, YEARS } from './testing.ts';

const cal = officialCalendar();
const day = { open: '08:00', close: '16:00' };

const OFFICE_WEEK: WeeklyHours = { 1: day, 2: day, 3: day, 4: day, 5: day, 6: null, 7: null };

/** An MPP: weekdays 08:00–16:00 and Saturday mornings. */
function mpp(overrides: Partial<ServicePoint> = {}): ServicePoint {
  return { weekly: { ...OFFICE_WEEK, 6: { open: '08:00', close: '12:00' } }, specialDays: {}, ...overrides };
}

/** A market service unit: short mornings, long hours on Legi and Pon. */
function marketUnit(overrides: Partial<ServicePoint> = {}): ServicePoint {
  const morning = { open: '08:00', close: '12:00' };
  return {
    weekly: { 1: morning, 2: morning, 3: morning, 4: morning, 5: morning, 6: morning, 7: null },
    marketDays: { pasaran: ['Legi', 'Pon'], open: '06:00', close: '14:00' },
    specialDays: {},
    ...overrides,
  };
}

const at = (date: string, time: string, seconds = 0) => new Date(wibInstant(date, time).getTime() + seconds * 1000);

const nationalHolidayDates = YEARS.flatMap((y) => nationalHolidays(y).map((h) => h.date));

describe('hoursOn', () => {
  it('gives the weekly hours on an ordinary day', () => {
    expect(hoursOn('2026-11-30', mpp(), cal)).toEqual([day]); // Monday
    expect(hoursOn('2026-11-28', mpp(), cal)).toEqual([{ open: '08:00', close: '12:00' }]); // Saturday
    expect(hoursOn('2026-11-29', mpp(), cal)).toEqual([]); // Sunday
  });

  it('cuts the Friday prayer break out, 11:30–13:00 by default', () => {
    expect(hoursOn('2026-11-27', mpp(), cal)).toEqual([
      { open: '08:00', close: '11:30' },
      { open: '13:00', close: '16:00' },
    ]);
  });

  it('takes a point’s own Friday break, or none', () => {
    expect(hoursOn('2026-11-27', mpp({ fridayPrayerBreak: { start: '11:00', end: '13:30' } }), cal)).toEqual([
      { open: '08:00', close: '11:00' },
      { open: '13:30', close: '16:00' },
    ]);
    expect(hoursOn('2026-11-27', mpp({ fridayPrayerBreak: null }), cal)).toEqual([day]);
  });

  it.each([
    [{ open: '07:00', close: '11:00' }, [{ open: '07:00', close: '11:00' }]],
    [{ open: '07:00', close: '11:30' }, [{ open: '07:00', close: '11:30' }]],
    [{ open: '12:00', close: '15:00' }, [{ open: '13:00', close: '15:00' }]],
    [{ open: '11:45', close: '12:30' }, []],
    [{ open: '11:30', close: '13:00' }, []],
  ])('on a Friday open %j gives %j', (friday, expected) => {
    const point = mpp({ weekly: { ...OFFICE_WEEK, 5: friday } });
    expect(hoursOn('2026-11-27', point, cal)).toEqual(expected);
  });

  it('closes on national holidays and cuti bersama, whatever the weekday', () => {
    expect(hoursOn('2026-08-17', mpp(), cal)).toEqual([]); // Monday, Kemerdekaan
    expect(hoursOn('2026-03-21', mpp(), cal)).toEqual([]); // Saturday, Idul Fitri
    expect(hoursOn('2026-12-24', mpp(), cal)).toEqual([]); // Thursday, cuti bersama Natal
    expect(hoursOn('2026-04-22', mpp(), officialCalendar(['2026-04-22']))).toEqual([]); // special closure
  });

  it('lets a special day open on a holiday, or close an ordinary day', () => {
    const point = mpp({ specialDays: { '2026-08-17': { open: '09:00', close: '12:00' }, '2026-11-30': 'closed' } });
    expect(hoursOn('2026-08-17', point, cal)).toEqual([{ open: '09:00', close: '12:00' }]);
    expect(hoursOn('2026-11-30', point, cal)).toEqual([]);
    expect(hoursOn('2026-12-01', point, cal)).toEqual([day]);
  });

  it('still breaks for Friday prayer on a special day', () => {
    const point = mpp({ specialDays: { '2026-12-25': { open: '08:00', close: '14:00' } } });
    expect(hoursOn('2026-12-25', point, cal)).toEqual([
      { open: '08:00', close: '11:30' },
      { open: '13:00', close: '14:00' },
    ]);
  });

  it('opens a market unit longer on its pasaran days', () => {
    expect(pasaranOf('2026-11-30')).toBe('Legi'); // Monday
    expect(hoursOn('2026-11-30', marketUnit(), cal)).toEqual([{ open: '06:00', close: '14:00' }]);
    expect(pasaranOf('2026-12-01')).toBe('Pahing');
    expect(hoursOn('2026-12-01', marketUnit(), cal)).toEqual([{ open: '08:00', close: '12:00' }]);
    expect(pasaranOf('2026-12-02')).toBe('Pon');
    expect(hoursOn('2026-12-02', marketUnit(), cal)).toEqual([{ open: '06:00', close: '14:00' }]);
  });

  it('keeps market hours on a pasaran Sunday and breaks them on a pasaran Friday', () => {
    const sunday = '2026-11-29'; // Minggu Kliwon
    expect(hoursOn(sunday, marketUnit({ marketDays: { pasaran: ['Kliwon'], open: '06:00', close: '14:00' } }), cal)).toEqual([
      { open: '06:00', close: '14:00' },
    ]);
    const friday = '2026-11-27'; // Jumat Pon
    expect(pasaranOf(friday)).toBe('Pon');
    expect(hoursOn(friday, marketUnit(), cal)).toEqual([
      { open: '06:00', close: '11:30' },
      { open: '13:00', close: '14:00' },
    ]);
  });

  it('closes a market unit on a holiday that falls on its pasaran day', () => {
    expect(pasaranOf('2026-08-17')).toBe('Legi');
    expect(hoursOn('2026-08-17', marketUnit(), cal)).toEqual([]);
  });

  it('rejects hours that close before they open, and malformed times', () => {
    expect(() => hoursOn('2026-11-30', mpp({ weekly: { ...OFFICE_WEEK, 1: { open: '16:00', close: '08:00' } } }), cal)).toThrow(
      RangeError,
    );
    expect(() => hoursOn('2026-11-30', mpp({ weekly: { ...OFFICE_WEEK, 1: { open: '8:00', close: '16:00' } } }), cal)).toThrow(
      RangeError,
    );
    expect(() => hoursOn('2026-11-27', mpp({ fridayPrayerBreak: { start: '13:00', end: '11:30' } }), cal)).toThrow(RangeError);
  });

  it('gives ordered, non-empty, disjoint intervals that never meet the Friday break', () => {
    const points = [mpp(), marketUnit()];
    fc.assert(fc.property(dateIn2025To2027, fc.constantFrom(...points), (date, point) => {
      const hours = hoursOn(date, point, cal).map((h) => [minutesOf(h.open), minutesOf(h.close)] as const);
      hours.forEach(([open, close], i) => {
        expect(open).toBeLessThan(close);
        if (i > 0) expect(open).toBeGreaterThan(hours[i - 1]![1]);
        if (weekdayOf(date) === 5) expect(close <= 11 * 60 + 30 || open >= 13 * 60).toBe(true);
      });
    }));
  });
});

describe('isOpenAt', () => {
  it('is open from the opening minute up to, not at, the closing minute', () => {
    expect(isOpenAt(at('2026-11-30', '08:00', -0.001), mpp(), cal)).toBe(false);
    expect(isOpenAt(at('2026-11-30', '08:00'), mpp(), cal)).toBe(true);
    expect(isOpenAt(at('2026-11-30', '16:00', -0.001), mpp(), cal)).toBe(true);
    expect(isOpenAt(at('2026-11-30', '16:00'), mpp(), cal)).toBe(false);
  });

  it('is closed during the Friday break', () => {
    expect(isOpenAt(at('2026-11-27', '11:30', -0.001), mpp(), cal)).toBe(true);
    expect(isOpenAt(at('2026-11-27', '11:30'), mpp(), cal)).toBe(false);
    expect(isOpenAt(at('2026-11-27', '12:59', 59.999), mpp(), cal)).toBe(false);
    expect(isOpenAt(at('2026-11-27', '13:00'), mpp(), cal)).toBe(true);
  });

  it('reads the instant in WIB, not UTC', () => {
    // 2026-11-30 01:30 UTC is 08:30 WIB on Monday; 2026-11-29 23:30 UTC is 06:30 WIB on Monday.
    expect(isOpenAt(new Date('2026-11-30T01:30:00Z'), mpp(), cal)).toBe(true);
    expect(isOpenAt(new Date('2026-11-29T23:30:00Z'), mpp(), cal)).toBe(false);
  });

  it('is false at every moment of every national holiday', () => {
    const points = [mpp(), marketUnit(), mpp({ weekly: { 1: day, 2: day, 3: day, 4: day, 5: day, 6: day, 7: day } })];
    fc.assert(fc.property(
      fc.constantFrom(...nationalHolidayDates),
      fc.integer({ min: 0, max: DAY_MS - 1 }),
      fc.constantFrom(...points),
      (date, ms, point) => {
        expect(isOpenAt(new Date(wibInstant(date).getTime() + ms), point, cal)).toBe(false);
      },
    ), { numRuns: 500 });
  });

  it('is false at every moment of the Friday break', () => {
    const fridays = fc.integer({ min: 0, max: 155 }).map((w) => addDays('2025-01-03', 7 * w));
    const inBreak = fc.integer({ min: 0, max: 90 * 60 * 1000 - 1 });
    fc.assert(fc.property(fridays, inBreak, fc.constantFrom(mpp(), marketUnit()), (friday, ms, point) => {
      expect(isOpenAt(new Date(at(friday, '11:30').getTime() + ms), point, cal)).toBe(false);
    }), { numRuns: 500 });
  });

  it('agrees with the day’s open periods', () => {
    fc.assert(fc.property(instantIn2025To2027, fc.constantFrom(mpp(), marketUnit()), (instant, point) => {
      const t = instant.getTime();
      const inside = openPeriodsOn(wibDateOf(instant), point, cal).some((p) => p.start.getTime() <= t && t < p.end.getTime());
      expect(isOpenAt(instant, point, cal)).toBe(inside);
    }), { numRuns: 500 });
  });
});

describe('nextOpening', () => {
  it('reopens after the Friday break', () => {
    expect(nextOpening(at('2026-11-27', '12:00'), mpp(), cal)).toEqual(at('2026-11-27', '13:00'));
  });

  it('is the instant itself when it is an opening time', () => {
    expect(nextOpening(at('2026-11-30', '08:00'), mpp(), cal)).toEqual(at('2026-11-30', '08:00'));
  });

  it('gives the next opening even while open', () => {
    expect(nextOpening(at('2026-11-30', '09:00'), mpp(), cal)).toEqual(at('2026-12-01', '08:00'));
  });

  it('skips nights, weekends and the whole Lebaran break', () => {
    expect(nextOpening(at('2026-11-27', '17:00'), mpp(), cal)).toEqual(at('2026-11-28', '08:00')); // Saturday
    const office: ServicePoint = { weekly: OFFICE_WEEK, specialDays: {} };
    expect(nextOpening(at('2026-11-27', '17:00'), office, cal)).toEqual(at('2026-11-30', '08:00'));
    expect(nextOpening(at('2026-03-17', '16:30'), office, cal)).toEqual(at('2026-03-25', '08:00'));
  });

  it('is null for a point that never opens', () => {
    const never: ServicePoint = { weekly: { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null }, specialDays: {} };
    expect(nextOpening(at('2026-11-30', '08:00'), never, cal)).toBeNull();
  });

  it('finds the first interval start at or after the instant, where the point is open', () => {
    fc.assert(fc.property(instantIn2025To2027, fc.constantFrom(mpp(), marketUnit()), (instant, point) => {
      const next = nextOpening(instant, point, cal)!;
      expect(next.getTime()).toBeGreaterThanOrEqual(instant.getTime());
      expect(isOpenAt(next, point, cal)).toBe(true);
      expect(isOpenAt(new Date(next.getTime() - 1), point, cal)).toBe(false);
      // No interval starts strictly between the instant and the answer.
      for (let d = dayNumber(wibDateOf(instant)); d <= dayNumber(wibDateOf(next)); d++) {
        for (const { start } of openPeriodsOn(fromDayNumber(d), point, cal)) {
          expect(start.getTime() < instant.getTime() || start.getTime() >= next.getTime()).toBe(true);
        }
      }
    }), { numRuns: 300 });
  });
});
