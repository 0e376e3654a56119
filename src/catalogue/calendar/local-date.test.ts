import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  endOfWibDay,
  fromDayNumber,
  isLocalDate,
  isLocalTime,
  minutesOf,
  wibDateOf,
  wibInstant,
  wibMsOfDay,
  weekdayOf,
} from './local-date.ts';

const anyDay = fc.integer({ min: dayNumber('1800-01-01'), max: dayNumber('2300-12-31') });

describe('LocalDate', () => {
  it('numbers days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(dayNumber('2026-03-21'))).toBe('2026-03-21');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-4-1', '20260401', '2026-04-01T00:00', '', 'today'])(
    'rejects %j',
    (text) => {
      expect(isLocalDate(text)).toBe(false);
      expect(() => dayNumber(text)).toThrow(RangeError);
    },
  );

  it('accepts leap days and years before 100', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('1900-02-29')).toBe(false);
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('gives ISO weekdays', () => {
    expect(weekdayOf('2026-11-30')).toBe(1); // Monday
    expect(weekdayOf('2026-11-29')).toBe(7); // Sunday
    expect(weekdayOf('1945-08-17')).toBe(5); // Friday
  });

  it('round-trips day numbers', () => {
    fc.assert(fc.property(anyDay, (n) => {
      expect(dayNumber(fromDayNumber(n))).toBe(n);
      expect(isLocalDate(fromDayNumber(n))).toBe(true);
    }));
  });

  it('adds days like integers and steps the weekday', () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -1000, max: 1000 }), (n, k) => {
      const date = fromDayNumber(n);
      expect(dayNumber(addDays(date, k))).toBe(n + k);
      expect(weekdayOf(addDays(date, 1))).toBe((weekdayOf(date) % 7) + 1);
    }));
  });
});

describe('LocalTime', () => {
  it('reads HH:MM into minutes, 24:00 as the end of the day', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('07:30')).toBe(450);
    expect(minutesOf('23:59')).toBe(1439);
    expect(minutesOf('24:00')).toBe(1440);
  });

  it.each(['7:30', '24:01', '25:00', '12:60', '12.30', '', '12:30:00'])('rejects %j', (text) => {
    expect(isLocalTime(text)).toBe(false);
    expect(() => minutesOf(text)).toThrow(RangeError);
  });
});

describe('WIB instants', () => {
  it('turns the day at 17:00 UTC', () => {
    expect(wibDateOf(new Date('2026-03-20T16:59:59.999Z'))).toBe('2026-03-20');
    expect(wibDateOf(new Date('2026-03-20T17:00:00.000Z'))).toBe('2026-03-21');
    expect(wibDateOf(new Date('2026-03-21T00:00:00+07:00'))).toBe('2026-03-21');
  });

  it('places a WIB time on a day', () => {
    expect(wibInstant('2026-03-21', '08:00').toISOString()).toBe('2026-03-21T01:00:00.000Z');
    expect(wibInstant('2026-03-21').toISOString()).toBe('2026-03-20T17:00:00.000Z');
    expect(wibInstant('2026-03-21', '24:00').toISOString()).toBe('2026-03-21T17:00:00.000Z');
    expect(endOfWibDay('2026-03-21').toISOString()).toBe('2026-03-21T16:59:59.999Z');
  });

  it('splits any instant into its WIB day and time of day', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
      const instant = new Date(ms);
      const day = wibDateOf(instant);
      expect(wibInstant(day).getTime() + wibMsOfDay(instant)).toBe(ms);
      expect(wibDateOf(endOfWibDay(day))).toBe(day);
      expect(wibDateOf(new Date(endOfWibDay(day).getTime() + 1))).toBe(addDays(day, 1));
    }));
  });
});
