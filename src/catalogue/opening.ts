/**
 * Opening state of a service point as citizens see it: today's hours, open now, the week ahead,
 * why a day is closed. Pure: the rules are calendar/opening-hours.ts; this file only reads rows
 * into them and explains the outcome.
 */
import type { LocalText } from '../shared/errors.ts';
import { type ClosureCalendar, isClosed } from './calendar/calendar.ts';
import { addDays, type LocalDate, weekdayOf, wibDateOf, type Weekday } from './calendar/local-date.ts';
import { hoursOn, isOpenAt, nextOpening, type OpeningInterval, type ServicePoint } from './calendar/opening-hours.ts';
import { type Pasaran, pasaranOf, WEEKDAY_NAMES } from './calendar/pasaran.ts';
import type { PointRow, SpecialDayRow } from './repository.ts';

/** A closure calendar with the name of each closed day (holiday, cuti bersama, special closure). */
export type NamedCalendar = ClosureCalendar & { names: ReadonlyMap<LocalDate, { name: LocalText; kind: 'holiday' | 'cuti_bersama' | 'special_closure' }> };

const WEEKDAY_EN: Readonly<Record<Weekday, string>> = { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday', 6: 'Saturday', 7: 'Sunday' };

const NO_CLOSURES: NamedCalendar = { holidays: new Set(), names: new Map() };

/** The closures that apply to a point: none online (filing goes on round the clock; SLA clocks still count working days). */
export function calendarFor(row: PointRow, cal: NamedCalendar): NamedCalendar {
  return row.kind === 'online' ? NO_CLOSURES : cal;
}

export function servicePointOf(row: PointRow, specialDays: readonly SpecialDayRow[]): ServicePoint {
  const special: Record<LocalDate, OpeningInterval | 'closed'> = {};
  for (const day of specialDays) {
    if (day.pointId !== row.id) continue;
    special[day.date] = day.open && day.close ? { open: day.open, close: day.close } : 'closed';
  }
  return {
    weekly: row.weeklyHours,
    fridayPrayerBreak: row.fridayBreak ?? null,
    ...(row.marketPasaran && row.marketOpen && row.marketClose
      ? { marketDays: { pasaran: row.marketPasaran as Pasaran[], open: row.marketOpen, close: row.marketClose } }
      : {}),
    specialDays: special,
  };
}

export type DayView = {
  date: LocalDate;
  weekday: LocalText;
  pasaran: Pasaran;
  /** The weton, e.g. 'Jumat Legi'. */
  javaneseDay: string;
  marketDay: boolean;
  hours: OpeningInterval[];
  /** Why the point is closed or keeps other hours that day; null on an ordinary day. */
  note: LocalText | null;
};

export function dayView(date: LocalDate, row: PointRow, point: ServicePoint, regencyCalendar: NamedCalendar, specialDays: readonly SpecialDayRow[]): DayView {
  const cal = calendarFor(row, regencyCalendar);
  const weekday = weekdayOf(date);
  const pasaran = pasaranOf(date);
  const hours = hoursOn(date, point, cal);
  const special = specialDays.find((d) => d.pointId === row.id && d.date === date);
  let note: LocalText | null = null;
  if (special) note = { id: special.noteId, en: special.noteEn };
  else if (isClosed(date, cal)) note = cal.names.get(date)?.name ?? { id: 'Libur', en: 'Closed (holiday)' };
  else if (hours.length === 0) note = { id: 'Tutup', en: 'Closed' };
  const marketDay = !!point.marketDays?.pasaran.includes(pasaran) && !special && !isClosed(date, cal) && hours.length > 0;
  return {
    date,
    weekday: { id: WEEKDAY_NAMES[weekday], en: WEEKDAY_EN[weekday] },
    pasaran,
    javaneseDay: `${WEEKDAY_NAMES[weekday]} ${pasaran}`,
    marketDay,
    hours,
    note,
  };
}

export type OpenState = { today: DayView; openNow: boolean; nextOpening: string | null };

export function openState(now: Date, row: PointRow, point: ServicePoint, regencyCalendar: NamedCalendar, specialDays: readonly SpecialDayRow[]): OpenState {
  const cal = calendarFor(row, regencyCalendar);
  const openNow = isOpenAt(now, point, cal);
  const next = openNow ? null : nextOpening(now, point, cal);
  return { today: dayView(wibDateOf(now), row, point, regencyCalendar, specialDays), openNow, nextOpening: next ? next.toISOString() : null };
}

/** Monday to Sunday of the WIB week that holds `date`. */
export function weekOf(date: LocalDate): LocalDate[] {
  const monday = addDays(date, 1 - weekdayOf(date));
  return [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i));
}
