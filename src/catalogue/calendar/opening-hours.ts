/**
 * Opening hours of a service point (MPP counter, market service unit, village office), in WIB.
 *
 * What decides a day, first match wins:
 *   1. a special day of the point: 'closed', or its own hours (even on a holiday);
 *   2. the closure calendar: national holiday, cuti bersama, special closure → closed;
 *   3. a market day (the point's pasaran): the market hours instead of the weekly hours;
 *   4. the weekly hours of that weekday (null = closed).
 * On Fridays the prayer break (default 11:30–13:00, the 90-minute Friday rest of Perpres 21/2023) is
 * cut out of whatever hours apply. Intervals are half-open [open, close) and stay within one day.
 */
import { type ClosureCalendar, isClosed } from './calendar.ts';
import {
  addDays,
  type LocalDate,
  type LocalTime,
  MINUTE_MS,
  minutesOf,
  type Weekday,
  wibDateOf,
  wibInstant,
  wibMsOfDay,
  weekdayOf,
} from './local-date.ts';
import { type Pasaran, pasaranOf } from './pasaran.ts';

export type OpeningInterval = { open: LocalTime; close: LocalTime };
export type WeeklyHours = Record<Weekday, OpeningInterval | null>;
export type TimeBreak = { start: LocalTime; end: LocalTime };

export type ServicePoint = {
  weekly: WeeklyHours;
  /** Defaults to DEFAULT_FRIDAY_PRAYER_BREAK; null for a point that does not pause. */
  fridayPrayerBreak?: TimeBreak | null;
  /** A market unit's longer hours on its pasaran days. */
  marketDays?: { pasaran: readonly Pasaran[]; open: LocalTime; close: LocalTime };
  specialDays: Readonly<Record<LocalDate, OpeningInterval | 'closed'>>;
};

export const DEFAULT_FRIDAY_PRAYER_BREAK: TimeBreak = { start: '11:30', end: '13:00' };

/** How far nextOpening and addWorkingHours look ahead before deciding a point never opens. */
export const SEARCH_HORIZON_DAYS = 366;

/** The open intervals of the day, in order; empty when closed. Throws on an interval with close ≤ open. */
export function hoursOn(date: LocalDate, point: ServicePoint, cal: ClosureCalendar): OpeningInterval[] {
  const hours = dayHours(date, point, cal);
  if (!hours) return [];
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  if (close <= open) {
    throw new RangeError(`opening hours ${hours.open}–${hours.close} on ${date} close before they open`);
  }

  const pause = weekdayOf(date) === 5 ? fridayBreakOf(point) : null;
  if (!pause) return [{ open: hours.open, close: hours.close }];
  const pauseStart = minutesOf(pause.start);
  const pauseEnd = minutesOf(pause.end);
  if (pauseEnd <= pauseStart) throw new RangeError(`Friday break ${pause.start}–${pause.end} ends before it starts`);
  const parts: [number, number][] = [
    [open, Math.min(close, pauseStart)],
    [Math.max(open, pauseEnd), close],
  ];
  return parts.filter(([from, to]) => from < to).map(([from, to]) => ({ open: timeOf(from), close: timeOf(to) }));
}

export type OpenPeriod = { start: Date; end: Date };

/** The open intervals of the day as instants. */
export function openPeriodsOn(date: LocalDate, point: ServicePoint, cal: ClosureCalendar): OpenPeriod[] {
  return hoursOn(date, point, cal).map((h) => ({ start: wibInstant(date, h.open), end: wibInstant(date, h.close) }));
}

export function isOpenAt(instant: Date, point: ServicePoint, cal: ClosureCalendar): boolean {
  const ms = wibMsOfDay(instant);
  return hoursOn(wibDateOf(instant), point, cal).some(
    (h) => minutesOf(h.open) * MINUTE_MS <= ms && ms < minutesOf(h.close) * MINUTE_MS,
  );
}

/** The start of the first open interval that begins at or after `instant`; null if none within the horizon. */
export function nextOpening(instant: Date, point: ServicePoint, cal: ClosureCalendar): Date | null {
  const first = wibDateOf(instant);
  for (let i = 0; i <= SEARCH_HORIZON_DAYS; i++) {
    for (const { start } of openPeriodsOn(addDays(first, i), point, cal)) {
      if (start.getTime() >= instant.getTime()) return start;
    }
  }
  return null;
}

function dayHours(date: LocalDate, point: ServicePoint, cal: ClosureCalendar): OpeningInterval | null {
  if (Object.hasOwn(point.specialDays, date)) {
    const special = point.specialDays[date]!;
    return special === 'closed' ? null : special;
  }
  if (isClosed(date, cal)) return null;
  const market = point.marketDays;
  if (market && market.pasaran.includes(pasaranOf(date))) return { open: market.open, close: market.close };
  return point.weekly[weekdayOf(date)];
}

function fridayBreakOf(point: ServicePoint): TimeBreak | null {
  return point.fridayPrayerBreak === undefined ? DEFAULT_FRIDAY_PRAYER_BREAK : point.fridayPrayerBreak;
}

function timeOf(minutes: number): LocalTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
