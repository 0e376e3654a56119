import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, fromDayNumber, weekdayOf } from './local-date.ts';
import { javaneseDayName, PASARAN, pasaranOf, WEEKDAY_NAMES } from './pasaran.ts';

/** Any day from 1600 to 2400: well before and after the 1945 anchor. */
const anyDate = fc.integer({ min: dayNumber('1600-01-01'), max: dayNumber('2400-12-31') }).map(fromDayNumber);

describe('pasaranOf and javaneseDayName: known days', () => {
  it.each([
    // The anchor: the Proclamation of Independence.
    ['1945-08-17', 'Jumat Legi'],
    // 1 Sura 1555, the first day of Sultan Agung's Javanese calendar.
    ['1633-07-08', 'Jumat Legi'],
    // Published Javanese calendars for January 2025 and 2026.
    ['2025-01-01', 'Rabu Pon'],
    ['2025-01-03', 'Jumat Kliwon'],
    ['2025-01-13', 'Senin Kliwon'],
    ['2025-01-27', 'Senin Wage'],
    ['2026-01-01', 'Kamis Pon'],
    ['2026-01-04', 'Minggu Legi'],
    ['2026-01-23', 'Jumat Kliwon'],
    ['2026-01-31', 'Sabtu Pon'],
    // Day numbers around the Unix epoch and before it.
    ['1970-01-01', 'Kamis Wage'],
    ['1945-08-16', 'Kamis Kliwon'],
    ['1945-08-18', 'Sabtu Pahing'],
  ])('%s is %s', (date, name) => {
    expect(javaneseDayName(date)).toBe(name);
    expect(pasaranOf(date)).toBe(name.split(' ')[1]);
  });

  it('walks the five pasaran in order from the anchor', () => {
    const days = [0, 1, 2, 3, 4, 5].map((i) => pasaranOf(addDays('1945-08-17', i)));
    expect(days).toEqual(['Legi', 'Pahing', 'Pon', 'Wage', 'Kliwon', 'Legi']);
  });

  it('walks them backwards before the anchor', () => {
    const days = [0, 1, 2, 3, 4, 5].map((i) => pasaranOf(addDays('1945-08-17', -i)));
    expect(days).toEqual(['Legi', 'Kliwon', 'Wage', 'Pon', 'Pahing', 'Legi']);
  });

  it('names the weekdays in Indonesian, Monday first', () => {
    expect(Object.values(WEEKDAY_NAMES)).toEqual(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']);
    expect(javaneseDayName('2026-11-29')).toBe('Minggu Kliwon');
  });

  it('rejects what is not a day', () => {
    expect(() => pasaranOf('2026-02-30')).toThrow(RangeError);
    expect(() => javaneseDayName('17-08-1945')).toThrow(RangeError);
  });
});

describe('pasaran: properties', () => {
  it('repeats every 5 days', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -200, max: 200 }), (date, k) => {
      expect(pasaranOf(addDays(date, 5 * k))).toBe(pasaranOf(date));
    }));
  });

  it('differs on each of 5 consecutive days', () => {
    fc.assert(fc.property(anyDate, (date) => {
      const week = new Set([0, 1, 2, 3, 4].map((i) => pasaranOf(addDays(date, i))));
      expect(week.size).toBe(5);
    }));
  });

  it('advances by one pasaran a day', () => {
    fc.assert(fc.property(anyDate, (date) => {
      const next = PASARAN.indexOf(pasaranOf(addDays(date, 1)));
      expect(next).toBe((PASARAN.indexOf(pasaranOf(date)) + 1) % 5);
    }));
  });

  it('the weton (weekday + pasaran) repeats every 35 days and not sooner', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 34 }), (date, k, shift) => {
      expect(javaneseDayName(addDays(date, 35 * k))).toBe(javaneseDayName(date));
      expect(javaneseDayName(addDays(date, shift))).not.toBe(javaneseDayName(date));
    }));
  });

  it('gives all 35 weton in any 35 consecutive days', () => {
    fc.assert(fc.property(anyDate, (date) => {
      const names = new Set(Array.from({ length: 35 }, (_, i) => javaneseDayName(addDays(date, i))));
      expect(names.size).toBe(35);
    }), { numRuns: 50 });
  });

  it('keeps the weekday of the Gregorian calendar', () => {
    fc.assert(fc.property(anyDate, (date) => {
      expect(javaneseDayName(date).split(' ')[0]).toBe(WEEKDAY_NAMES[weekdayOf(date)]);
    }));
  });
});
