/**
 * Pasaran: the Javanese five-day market week (pancawara) Legi, Pahing, Pon, Wage, Kliwon. Traditional
 * markets, and the public-service units inside them, are busiest on their own pasaran days. With the
 * seven-day week it makes the 35-day weton cycle (e.g. 'Jumat Legi').
 *
 * Anchor: the Proclamation, Friday 17 August 1945, was Jumat Legi. The civil (midnight-to-midnight)
 * date is used, as markets do; the Javanese day that turns at sunset is not modelled.
 */
import { dayNumber, type LocalDate, type Weekday, weekdayOf } from './local-date.ts';

export const PASARAN = ['Legi', 'Pahing', 'Pon', 'Wage', 'Kliwon'] as const;
export type Pasaran = (typeof PASARAN)[number];

/** Indonesian weekday names by ISO weekday. */
export const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  1: 'Senin',
  2: 'Selasa',
  3: 'Rabu',
  4: 'Kamis',
  5: 'Jumat',
  6: 'Sabtu',
  7: 'Minggu',
};

const ANCHOR_DAY = dayNumber('1945-08-17');
const ANCHOR_PASARAN: Pasaran = 'Legi';

export function pasaranOf(date: LocalDate): Pasaran {
  const offset = dayNumber(date) - ANCHOR_DAY + PASARAN.indexOf(ANCHOR_PASARAN);
  return PASARAN[((offset % 5) + 5) % 5]!;
}

/** The weton: Indonesian weekday and pasaran, e.g. 'Jumat Legi'. */
export function javaneseDayName(date: LocalDate): string {
  return `${WEEKDAY_NAMES[weekdayOf(date)]} ${pasaranOf(date)}`;
}
