/**
 * The closure calendar: every day on which government offices are shut although it is a weekday.
 * Offices work Monday to Friday (five-day week of Perpres 21/2023 on working days and hours of
 * government agencies); national holidays, cuti bersama and the regency's own special closures
 * (e.g. a local decree) close them.
 *
 * Build it for every year the computation can reach (an SLA started in December ends in January):
 * a year left out counts its holidays as working days.
 */
import { nationalHolidays } from './holidays.ts';
import { addDays, dayNumber, type LocalDate, weekdayOf } from './local-date.ts';

export type ClosureCalendar = {
  /** National holidays + cuti bersama + special closures, whatever their weekday. */
  holidays: ReadonlySet<LocalDate>;
};

export type ClosureCalendarInput = {
  years: readonly number[];
  cutiBersama: readonly LocalDate[];
  specialClosures: readonly LocalDate[];
};

export function buildClosureCalendar({ years, cutiBersama, specialClosures }: ClosureCalendarInput): ClosureCalendar {
  const holidays = new Set<LocalDate>();
  for (const year of years) for (const h of nationalHolidays(year)) holidays.add(h.date);
  for (const date of [...cutiBersama, ...specialClosures]) {
    dayNumber(date); // throws on a malformed date instead of silently never matching
    holidays.add(date);
  }
  return { holidays };
}

export function isClosed(date: LocalDate, cal: ClosureCalendar): boolean {
  return cal.holidays.has(date);
}

export function isWeekend(date: LocalDate): boolean {
  return weekdayOf(date) >= 6;
}

/** Monday to Friday and not closed. */
export function isWorkingDay(date: LocalDate, cal: ClosureCalendar): boolean {
  return !isWeekend(date) && !isClosed(date, cal);
}

/** The first working day strictly after `date`. Ends: the closure set is finite. */
export function nextWorkingDay(date: LocalDate, cal: ClosureCalendar): LocalDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(day, cal)) day = addDays(day, 1);
  return day;
}
