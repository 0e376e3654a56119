import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookable, bookingCodeFrom, formatTicketNumber, normaliseBookingCode, quotaOpensAt, slotsOfDay } from './slots.ts';

describe('slotsOfDay', () => {
  it('cuts the day into slots, the last ending by closing time', () => {
    expect(slotsOfDay([{ open: '08:00', close: '09:00' }], 20)).toEqual([
      { start: '08:00', end: '08:20' },
      { start: '08:20', end: '08:40' },
      { start: '08:40', end: '09:00' },
    ]);
  });
  it('never straddles the Friday prayer break', () => {
    const friday = [{ open: '08:00', close: '11:30' }, { open: '13:00', close: '14:00' }];
    const slots = slotsOfDay(friday, 60);
    expect(slots).toEqual([
      { start: '08:00', end: '09:00' }, { start: '09:00', end: '10:00' }, { start: '10:00', end: '11:00' },
      { start: '13:00', end: '14:00' },
    ]);
  });
  it('keeps a margin before closing', () => {
    expect(slotsOfDay([{ open: '08:00', close: '09:00' }], 20, 30).map((s) => s.start)).toEqual(['08:00']);
  });
  it('has no slots on a closed day', () => {
    expect(slotsOfDay([], 30)).toEqual([]);
  });
  it('refuses a slot length under five minutes', () => {
    expect(() => slotsOfDay([{ open: '08:00', close: '09:00' }], 4)).toThrow(RangeError);
  });
  it('every slot lies inside an opening interval and slots do not overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 30, max: 600 }), fc.integer({ min: 5, max: 120 }), (open, length, size) => {
        const toTime = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const close = Math.min(open + length, 1439);
        const slots = slotsOfDay([{ open: toTime(open), close: toTime(close) }], size);
        for (let i = 0; i < slots.length; i++) {
          expect(slots[i]!.start >= toTime(open) && slots[i]!.end <= toTime(close)).toBe(true);
          if (i) expect(slots[i - 1]!.end <= slots[i]!.start).toBe(true);
        }
        expect(slots.length).toBe(Math.floor((close - open) / size));
      }),
    );
  });
});

describe('quota opening', () => {
  const opening = { daysBefore: 7, at: '07:00' };
  it('opens the set number of days before at the set WIB time', () => {
    expect(quotaOpensAt('2026-12-07', opening)).toEqual(new Date('2026-11-30T00:00:00Z'));
  });
  it('is not bookable before the opening, nor once the slot has started', () => {
    expect(bookable(new Date('2026-11-29T23:59:59Z'), '2026-12-07', '09:00', opening)).toMatchObject({ ok: false, reason: 'not_open_yet' });
    expect(bookable(new Date('2026-11-30T00:00:00Z'), '2026-12-07', '09:00', opening)).toEqual({ ok: true });
    expect(bookable(new Date('2026-12-07T02:00:00Z'), '2026-12-07', '09:00', opening)).toEqual({ ok: false, reason: 'past' });
    expect(bookable(new Date('2026-12-07T01:59:59Z'), '2026-12-07', '09:00', opening)).toEqual({ ok: true });
  });
});

describe('ticket numbers', () => {
  it.each([['A', 1, 'A001'], ['A', 12, 'A012'], ['AB', 999, 'AB999'], ['B', 1000, 'B1000']])('%s + %i → %s', (prefix, seq, number) => {
    expect(formatTicketNumber(prefix, seq)).toBe(number);
  });
  it('refuses sequence 0', () => {
    expect(() => formatTicketNumber('A', 0)).toThrow(RangeError);
  });
});

describe('booking codes', () => {
  it('are 8 characters from an alphabet without look-alikes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = bookingCodeFrom(bytes);
        expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
        expect(normaliseBookingCode(code)).toBe(code);
        expect(normaliseBookingCode(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `)).toBe(code);
      }),
    );
  });
  it('reject anything else', () => {
    expect(normaliseBookingCode('ABCD')).toBeNull();
    expect(normaliseBookingCode('ABCD0FGH')).toBeNull();
    expect(normaliseBookingCode("ABCD'; --")).toBeNull();
  });
});
