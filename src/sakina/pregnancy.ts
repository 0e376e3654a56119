/**
 * Pregnancy dates, as the Buku KIA (Kemenkes) counts them from HPHT, the first day of the last
 * menstrual period:
 *
 * - HPL (hari perkiraan lahir, the due date) by Naegele's rule: HPHT + 280 days (40 weeks).
 * - Gestational age: completed weeks + days since HPHT.
 * - Trimesters as the antenatal schedule (Permenkes 21/2021) counts them: trimester 1 up to
 *   12 weeks, trimester 2 over 12 up to 24 weeks, trimester 3 over 24 weeks. "Up to 12 weeks" is
 *   read exactly: 84 days (12w0d) is still trimester 1, 12w1d is trimester 2.
 * - The KSPR card's columns (tribulan I, II, III.1, III.2) follow the same split, with the third
 *   trimester halved at 32 weeks: III.1 over 24 up to 32 weeks, III.2 over 32 weeks.
 * - The postpartum period (nifas) lasts 42 days after delivery; its visits KF1–KF4.
 *
 * Pure: dates are WIB calendar days ('YYYY-MM-DD'), no clock is read here.
 */
import { addDays, dayNumber, type LocalDate } from '../catalogue/calendar/local-date.ts';

export const PREGNANCY_DAYS = 280;
export const TRIMESTER_1_LAST_DAY = 84; // 12w0d
export const TRIMESTER_2_LAST_DAY = 168; // 24w0d
export const KSPR_III1_LAST_DAY = 224; // 32w0d
/** A pregnancy older than this is past any plausible delivery (post-term is over 42 weeks). */
export const MAX_PREGNANCY_DAYS = 44 * 7;
export const POSTPARTUM_DAYS = 42;

export type Trimester = 1 | 2 | 3;
export const KSPR_COLUMNS = ['I', 'II', 'III.1', 'III.2'] as const;
export type KsprColumn = (typeof KSPR_COLUMNS)[number];

export type GestationalAge = { days: number; weeks: number; extraDays: number };

/** HPL by Naegele's rule: HPHT + 280 days. */
export function dueDateOf(hpht: LocalDate): LocalDate {
  return addDays(hpht, PREGNANCY_DAYS);
}

/** Days between two calendar days (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Gestational age on a day; null before HPHT. */
export function gestationalAge(hpht: LocalDate, on: LocalDate): GestationalAge | null {
  const days = daysBetween(hpht, on);
  if (days < 0) return null;
  return { days, weeks: Math.floor(days / 7), extraDays: days % 7 };
}

export function trimesterOfDays(days: number): Trimester {
  if (days <= TRIMESTER_1_LAST_DAY) return 1;
  if (days <= TRIMESTER_2_LAST_DAY) return 2;
  return 3;
}

export function ksprColumnOfDays(days: number): KsprColumn {
  if (days <= TRIMESTER_1_LAST_DAY) return 'I';
  if (days <= TRIMESTER_2_LAST_DAY) return 'II';
  if (days <= KSPR_III1_LAST_DAY) return 'III.1';
  return 'III.2';
}

/** The last day of a trimester (trimester 3 ends at the due date for scheduling purposes). */
export function trimesterEnd(hpht: LocalDate, trimester: Trimester): LocalDate {
  return addDays(hpht, trimester === 1 ? TRIMESTER_1_LAST_DAY : trimester === 2 ? TRIMESTER_2_LAST_DAY : PREGNANCY_DAYS);
}

/** "20 minggu 3 hari" / "20 weeks 3 days". */
export function formatGestationalAge(ga: GestationalAge, lang: 'id' | 'en'): string {
  if (lang === 'id') return ga.extraDays ? `${ga.weeks} minggu ${ga.extraDays} hari` : `${ga.weeks} minggu`;
  const w = `${ga.weeks} ${ga.weeks === 1 ? 'week' : 'weeks'}`;
  return ga.extraDays ? `${w} ${ga.extraDays} ${ga.extraDays === 1 ? 'day' : 'days'}` : w;
}

/** Completed years of age on a day. */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export type HphtProblem = 'in_future' | 'too_old';

/** An HPHT a registration can accept on `today`: not in the future, not older than 44 weeks. */
export function checkHpht(hpht: LocalDate, today: LocalDate): HphtProblem | null {
  const days = daysBetween(hpht, today);
  if (days < 0) return 'in_future';
  if (days > MAX_PREGNANCY_DAYS) return 'too_old';
  return null;
}

export const KF_VISITS = ['KF1', 'KF2', 'KF3', 'KF4'] as const;
export type KfVisit = (typeof KF_VISITS)[number];

/**
 * The postpartum visit a day after delivery belongs to (Buku KIA 2020): KF1 6 hours–2 days,
 * KF2 3–7 days, KF3 8–28 days, KF4 29–42 days. Null before delivery or after day 42.
 */
export function kfVisitOf(deliveryDate: LocalDate, on: LocalDate): KfVisit | null {
  const day = daysBetween(deliveryDate, on);
  if (day < 0 || day > POSTPARTUM_DAYS) return null;
  if (day <= 2) return 'KF1';
  if (day <= 7) return 'KF2';
  if (day <= 28) return 'KF3';
  return 'KF4';
}

/** The last day of the postpartum period: risks found stay on the card until then. */
export function postpartumEnd(deliveryDate: LocalDate): LocalDate {
  return addDays(deliveryDate, POSTPARTUM_DAYS);
}
