/**
 * The SLA clock. Every service standard states its jangka waktu (time to finish) in working days, or
 * in hours for quick services (PermenPAN-RB 15/2014 on Pedoman Standar Pelayanan); days are counted on
 * the closure calendar, hours on the opening hours of the service point that serves the citizen.
 *
 * Conventions, all in WIB:
 * - The day of the start instant never counts: day 1 is the first working day after it. Received on
 *   Monday with n = 3 → due Thursday; received on Saturday with n = 3 → due Wednesday.
 * - n = 0 (same-day service) → the start day if it is a working day, else the next working day.
 * - workingDaysBetween counts the working days in (from's day, to's day], whole days: the end day counts
 *   from its first moment. It inverts addWorkingDays:
 *     workingDaysBetween(start, endOfWibDay(addWorkingDays(start, n))) === n
 *   for every n ≥ 1, and for n = 0 when the start day is a working day (started on a closed day,
 *   n = 0 and n = 1 give the same date, one working day away).
 */
import { type ClosureCalendar, isWorkingDay, nextWorkingDay } from './calendar.ts';
import { addDays, dayNumber, fromDayNumber, type LocalDate, wibDateOf } from './local-date.ts';
import { openPeriodsOn, SEARCH_HORIZON_DAYS, type ServicePoint } from './opening-hours.ts';

const HOUR_MS = 60 * 60 * 1000;

/** The promised day: the n-th working day after the start instant's day. */
export function addWorkingDays(start: Date, n: number, cal: ClosureCalendar): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = wibDateOf(start);
  if (n === 0) return isWorkingDay(day, cal) ? day : nextWorkingDay(day, cal);
  for (let i = 0; i < n; i++) day = nextWorkingDay(day, cal);
  return day;
}

/** Working days elapsed from one instant to another; negative when `to` is before `from`. */
export function workingDaysBetween(from: Date, to: Date, cal: ClosureCalendar): number {
  const a = dayNumber(wibDateOf(from));
  const b = dayNumber(wibDateOf(to));
  const [first, last, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = first + 1; day <= last; day++) if (isWorkingDay(fromDayNumber(day), cal)) count += sign;
  return count;
}

/**
 * The instant at which `hours` of the point's opening time have passed since `start`. Time outside the
 * opening hours (nights, closed days, the Friday break) does not count; 0 hours gives `start` when the
 * point is open, else its next opening. Throws when the point stays closed for SEARCH_HORIZON_DAYS.
 */
export function addWorkingHours(start: Date, hours: number, point: ServicePoint, cal: ClosureCalendar): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`working hours must be ≥ 0, got ${hours}`);
  let remaining = Math.round(hours * HOUR_MS);
  let day = wibDateOf(start);
  for (let closedDays = 0; closedDays <= SEARCH_HORIZON_DAYS; day = addDays(day, 1)) {
    const periods = openPeriodsOn(day, point, cal);
    closedDays = periods.length === 0 ? closedDays + 1 : 0;
    for (const period of periods) {
      const from = Math.max(period.start.getTime(), start.getTime());
      const available = period.end.getTime() - from;
      if (available <= 0) continue;
      if (remaining <= available) return new Date(from + remaining);
      remaining -= available;
    }
  }
  throw new RangeError(`service point stays closed for ${SEARCH_HORIZON_DAYS} days`);
}
