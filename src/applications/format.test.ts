import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayName, formatDateTime, formatLongDate, newApplicationNumber, normaliseNumber, NUMBER_PATTERN } from './format.ts';

describe('dates in words', () => {
  it('writes the promised day as people say it', () => {
    expect(formatLongDate('2026-12-03', 'id')).toBe('Kamis, 3 Desember 2026');
    expect(formatLongDate('2026-12-03', 'en')).toBe('Thursday 3 December 2026');
  });
  it('writes instants in WIB', () => {
    expect(formatDateTime(new Date('2026-11-30T02:05:00Z'), 'id')).toBe('30 November 2026, 09.05 WIB');
    expect(formatDateTime(new Date('2026-11-30T17:30:00Z'), 'en')).toBe('1 December 2026, 00:30 WIB');
  });
});

describe('tracking numbers', () => {
  it('carry the WIB date and 8 unambiguous characters', () => {
    const n = newApplicationNumber(new Date('2026-11-30T18:00:00Z'));
    expect(n).toMatch(NUMBER_PATTERN);
    expect(n.slice(0, 10)).toBe('SP-261201-');
  });
  it('read back what people type', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2025-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), (d) => {
      const n = newApplicationNumber(d);
      expect(normaliseNumber(` ${n.toLowerCase()} `)).toBe(n);
    }));
  });
});

describe('display names of uploaded files', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\siti\\KK scan.pdf', 'KK scan.pdf'],
    ['"><script>.pdf', 'script.pdf'],
    ['', null],
    ['/', null],
  ])('%s → %s', (input, expected) => {
    expect(displayName(input)).toBe(expected);
  });
});
