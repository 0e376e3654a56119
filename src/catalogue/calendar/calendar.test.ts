import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClosureCalendar, isClosed, isWeekend, isWorkingDay, nextWorkingDay } from './calendar.ts';
import { nationalHolidays } from './holidays.ts';
import { addDays, dayNumber, fromDayNumber, weekdayOf } from './local-date.ts';
import { dateIn2025To2027, officialCalendar } from './testing.ts';

const cal = officialCalendar(['2026-04-22']); // plus a regency closure on a Wednesday

function workingDaysIn(year: number): number {
  const official = officialCalendar();
  let count = 0;
  for (let d = dayNumber(`${year}-01-01`); d <= dayNumber(`${year}-12-31`); d++) {
    if (isWorkingDay(fromDayNumber(d), official)) count++;
  }
  return count;
}

describe('buildClosureCalendar', () => {
  it('closes national holidays, cuti bersama and special closures', () => {
    expect(isClosed('2026-08-17', cal)).toBe(true); // Kemerdekaan
    expect(isClosed('2026-03-21', cal)).toBe(true); // Idul Fitri, as decreed (the library says 20 March)
    expect(isClosed('2026-03-20', cal)).toBe(true); // cuti bersama Idul Fitri
    expect(isClosed('2026-04-22', cal)).toBe(true); // special closure
    expect(isClosed('2026-04-21', cal)).toBe(false);
  });

  it('holds every national holiday of the years asked, and no other year', () => {
    for (const year of [2025, 2026, 2027]) {
      for (const h of nationalHolidays(year)) expect(cal.holidays.has(h.date)).toBe(true);
    }
    const only2026 = buildClosureCalendar({ years: [2026], cutiBersama: [], specialClosures: [] });
    expect(only2026.holidays.has('2025-12-25')).toBe(false);
    expect(only2026.holidays.has('2026-12-25')).toBe(true);
  });

  it('rejects a malformed day instead of never matching it', () => {
    expect(() => buildClosureCalendar({ years: [], cutiBersama: ['2026-3-20'], specialClosures: [] })).toThrow(RangeError);
    expect(() => buildClosureCalendar({ years: [], cutiBersama: [], specialClosures: ['2026-02-30'] })).toThrow(RangeError);
  });

  it('accepts a calendar built by hand', () => {
    const manual = { holidays: new Set(['2026-06-02']) };
    expect(isWorkingDay('2026-06-02', manual)).toBe(false);
    expect(isWorkingDay('2026-06-01', manual)).toBe(true); // Pancasila, but not in this set
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-17', true], // Tuesday before the Idul Fitri break
    ['2026-03-18', false], // cuti bersama Nyepi
    ['2026-03-19', false], // Nyepi
    ['2026-03-20', false], // cuti bersama Idul Fitri
    ['2026-03-21', false], // Saturday, Idul Fitri
    ['2026-03-23', false], // cuti bersama
    ['2026-03-24', false], // cuti bersama
    ['2026-03-25', true], // back to work
    ['2026-11-28', false], // Saturday
    ['2026-11-29', false], // Sunday
    ['2026-11-30', true], // Monday
    ['2025-08-18', false], // cuti bersama, HUT ke-80 RI
    ['2025-06-27', false], // 1 Muharam as decreed (the library says 26 June)
    ['2025-06-26', true],
  ])('%s → %s', (date, working) => {
    expect(isWorkingDay(date, cal)).toBe(working);
  });

  it('counts 237 working days in 2025 and 240 in 2026', () => {
    expect(workingDaysIn(2025)).toBe(261 - 13 - 11); // weekdays − weekday holidays − cuti bersama
    expect(workingDaysIn(2026)).toBe(261 - 13 - 8);
  });

  it('is exactly: Monday to Friday and not closed', () => {
    fc.assert(fc.property(dateIn2025To2027, (date) => {
      expect(isWorkingDay(date, cal)).toBe(weekdayOf(date) <= 5 && !cal.holidays.has(date));
      expect(isWeekend(date)).toBe(weekdayOf(date) >= 6);
    }));
  });
});

describe('nextWorkingDay', () => {
  it('skips the whole Lebaran break of 2026', () => {
    expect(nextWorkingDay('2026-03-17', cal)).toBe('2026-03-25');
  });

  it('skips a weekend', () => {
    expect(nextWorkingDay('2026-11-27', cal)).toBe('2026-11-30');
  });

  it('is the first working day strictly after', () => {
    fc.assert(fc.property(dateIn2025To2027, (date) => {
      const next = nextWorkingDay(date, cal);
      expect(dayNumber(next)).toBeGreaterThan(dayNumber(date));
      expect(isWorkingDay(next, cal)).toBe(true);
      for (let d = addDays(date, 1); d !== next; d = addDays(d, 1)) expect(isWorkingDay(d, cal)).toBe(false);
    }));
  });
});
