/**
 * Calendar days and clock times in WIB (Waktu Indonesia Barat, Asia/Jakarta): UTC+7 all year, no
 * daylight saving time since 1964, so a fixed offset is exact for every date this platform handles.
 *
 * A day is a `LocalDate` string 'YYYY-MM-DD', a time of day a `LocalTime` string 'HH:MM'; instants
 * stay `Date`. Day arithmetic works on day numbers (days since 1970-01-01), never on local clocks.
 */

/** A calendar day in WIB, 'YYYY-MM-DD'. */
export type LocalDate = string;
/** A time of day in WIB, 'HH:MM' from '00:00' to '24:00' (end of day, only as a closing time). */
export type LocalTime = string;
/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  return fromDayNumber(utcDayNumber(Number(match[1]), Number(match[2]), Number(match[3]))) === value;
}

export function isLocalTime(value: string): boolean {
  return LOCAL_TIME.test(value);
}

/** Days since 1970-01-01 (negative before it). Throws on anything but a real 'YYYY-MM-DD' day. */
export function dayNumber(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const n = utcDayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
  if (fromDayNumber(n) !== date) throw new RangeError(`no such day: ${date}`);
  return n;
}

export function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function weekdayOf(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (mod(dayNumber(date) + 3, 7) + 1) as Weekday;
}

/** The WIB calendar day an instant falls on. */
export function wibDateOf(instant: Date): LocalDate {
  return fromDayNumber(Math.floor((instant.getTime() + WIB_OFFSET_MS) / DAY_MS));
}

/** Milliseconds since WIB midnight of the instant's own day. */
export function wibMsOfDay(instant: Date): number {
  return mod(instant.getTime() + WIB_OFFSET_MS, DAY_MS);
}

/** Minutes after midnight; '24:00' is 1440. Throws on anything but 'HH:MM'. */
export function minutesOf(time: LocalTime): number {
  if (!isLocalTime(time)) throw new RangeError(`not a time (HH:MM): ${time}`);
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The instant at `time` on `date` in WIB. */
export function wibInstant(date: LocalDate, time: LocalTime = '00:00'): Date {
  return new Date(dayNumber(date) * DAY_MS - WIB_OFFSET_MS + minutesOf(time) * MINUTE_MS);
}

/** The last millisecond of a WIB day. */
export function endOfWibDay(date: LocalDate): Date {
  return new Date(wibInstant(date).getTime() + DAY_MS - 1);
}

function utcDayNumber(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as they are
  return Math.floor(d.getTime() / DAY_MS);
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}
