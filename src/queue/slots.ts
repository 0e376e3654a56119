/**
 * Booking slots and ticket numbers, pure. A day's slots are cut from the point's opening intervals
 * (catalogue calendar: holidays, Friday prayer break, market days already applied); a slot never
 * straddles a break and the last one ends by closing time, less a service margin so the last
 * booked citizen is still served. A day's quota opens at a set time some days ahead, for everyone
 * at once — announced, so nobody has to watch the app at midnight.
 */
import { addDays, type LocalDate, type LocalTime, minutesOf, wibInstant } from '../catalogue/calendar/local-date.ts';
import type { OpeningInterval } from '../catalogue/calendar/opening-hours.ts';

export type SlotTime = { start: LocalTime; end: LocalTime };

function timeOf(minutes: number): LocalTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Slots of `slotMinutes` inside each interval, ending at least `closingMarginMinutes` before it
 * closes. Intervals are taken as given (ordered, non-overlapping).
 */
export function slotsOfDay(intervals: readonly OpeningInterval[], slotMinutes: number, closingMarginMinutes = 0): SlotTime[] {
  if (!Number.isInteger(slotMinutes) || slotMinutes < 5) throw new RangeError(`slotMinutes must be an integer ≥ 5: ${slotMinutes}`);
  const out: SlotTime[] = [];
  for (const interval of intervals) {
    const open = minutesOf(interval.open);
    const lastEnd = minutesOf(interval.close) - Math.max(0, closingMarginMinutes);
    for (let start = open; start + slotMinutes <= lastEnd; start += slotMinutes) out.push({ start: timeOf(start), end: timeOf(start + slotMinutes) });
  }
  return out;
}

export type QuotaOpening = { daysBefore: number; at: LocalTime };

/** The instant bookings for `day` open: `daysBefore` days earlier at `at` WIB. */
export function quotaOpensAt(day: LocalDate, opening: QuotaOpening): Date {
  return wibInstant(addDays(day, -opening.daysBefore), opening.at);
}

/** Whether a slot can still be booked: quota open, and the slot has not started. */
export function bookable(now: Date, day: LocalDate, slotStart: LocalTime, opening: QuotaOpening): { ok: true } | { ok: false; reason: 'not_open_yet'; opensAt: Date } | { ok: false; reason: 'past' } {
  const opensAt = quotaOpensAt(day, opening);
  if (now.getTime() < opensAt.getTime()) return { ok: false, reason: 'not_open_yet', opensAt };
  if (now.getTime() >= wibInstant(day, slotStart).getTime()) return { ok: false, reason: 'past' };
  return { ok: true };
}

/** A ticket number: the queue's prefix and the day's sequence, at least three digits (A001 … A999, A1000). */
export function formatTicketNumber(prefix: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`ticket sequence must be ≥ 1: ${seq}`);
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/** A booking code a person can read out and type: 8 characters without 0/O, 1/I/L. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function bookingCodeFrom(random: Uint8Array): string {
  if (random.length < 8) throw new RangeError('need 8 random bytes');
  let code = '';
  for (let i = 0; i < 8; i++) code += BOOKING_CODE_ALPHABET[random[i]! % BOOKING_CODE_ALPHABET.length];
  return code;
}

export function normaliseBookingCode(input: string): string | null {
  const code = input.trim().toUpperCase().replace(/[\s-]/g, '');
  return /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/.test(code) ? code : null;
}
