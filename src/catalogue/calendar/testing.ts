/** Test data shared by the calendar tests. */
import fc from 'fast-check';
import { buildClosureCalendar, type ClosureCalendar } from './calendar.ts';
import { CUTI_BERSAMA_SEED } from './cuti-bersama.ts';
import { dayNumber, fromDayNumber, type LocalDate, wibInstant } from './local-date.ts';

export const YEARS = [2025, 2026, 2027] as const;

/** National holidays and seeded cuti bersama for 2025–2027. */
export function officialCalendar(specialClosures: LocalDate[] = []): ClosureCalendar {
  const cutiBersama = YEARS.flatMap((y) => (CUTI_BERSAMA_SEED[y] ?? []).map((c) => c.date));
  return buildClosureCalendar({ years: [...YEARS], cutiBersama, specialClosures });
}

/** A day in 2025–2027 (the span the calendar covers). */
export const dateIn2025To2027 = fc
  .integer({ min: dayNumber('2025-01-01'), max: dayNumber('2027-12-31') })
  .map(fromDayNumber);

/** An instant, to the millisecond, from the start of 2025 to mid-2027 (room for SLAs to run on). */
export const instantIn2025To2027 = fc
  .integer({ min: wibInstant('2025-01-01').getTime(), max: wibInstant('2027-06-30').getTime() })
  .map((ms) => new Date(ms));
