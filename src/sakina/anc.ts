/**
 * Antenatal care coverage and the next expected visit, per Permenkes 21/2021 and Buku KIA 2020:
 * at least six contacts — one in trimester 1 (up to 12 weeks), two in trimester 2 (over 12 up to
 * 24 weeks), three in trimester 3 (over 24 weeks) — of which at least two with a doctor, one in
 * trimester 1 and one in trimester 3.
 *
 * - K1: the first contact (any time); "K1 murni" when it falls in trimester 1.
 * - K4: at least 1 + 1 + 2 contacts in trimesters 1, 2, 3 (the previous standard, still reported).
 * - K6: at least 1 + 2 + 3, with a doctor in trimesters 1 and 3.
 *
 * The next visit is expected one interval after the last (4 weeks before 28 weeks, 2 weeks up to
 * 36 weeks, then every week), and no later than the end of a trimester whose minimum is not yet
 * met; before any visit, by the end of trimester 1 (or a week after registration, if later).
 * A visit is missed when the expected day is more than 7 days past.
 *
 * Pure: dates are WIB calendar days.
 */
import { addDays, type LocalDate } from '../catalogue/calendar/local-date.ts';
import { daysBetween, trimesterEnd, trimesterOfDays, PREGNANCY_DAYS, type Trimester } from './pregnancy.ts';

export type Examiner = 'midwife' | 'doctor';
export type AncVisit = { date: LocalDate; examiner: Examiner };

export const MIN_VISITS: Record<Trimester, number> = { 1: 1, 2: 2, 3: 3 };
export const MISSED_GRACE_DAYS = 7;

export type AncCoverage = {
  contacts: number;
  byTrimester: Record<Trimester, number>;
  doctorByTrimester: Record<Trimester, number>;
  k1: boolean;
  /** The first contact fell in trimester 1. */
  k1Pure: boolean;
  k4: boolean;
  k6: boolean;
  /** The date on which K1, K4 and K6 were reached, or null. */
  k1Date: LocalDate | null;
  k4Date: LocalDate | null;
  k6Date: LocalDate | null;
};

function sortVisits(visits: readonly AncVisit[], hpht: LocalDate, deliveryDate: LocalDate | null): AncVisit[] {
  return visits
    .filter((v) => daysBetween(hpht, v.date) >= 0 && (!deliveryDate || v.date <= deliveryDate))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

type Tally = { byTrimester: Record<Trimester, number>; doctorByTrimester: Record<Trimester, number> };

const meetsK4 = (t: Tally) => t.byTrimester[1] >= 1 && t.byTrimester[2] >= 1 && t.byTrimester[3] >= 2;
const meetsK6 = (t: Tally) =>
  t.byTrimester[1] >= MIN_VISITS[1] &&
  t.byTrimester[2] >= MIN_VISITS[2] &&
  t.byTrimester[3] >= MIN_VISITS[3] &&
  t.doctorByTrimester[1] >= 1 &&
  t.doctorByTrimester[3] >= 1;

/** Coverage from the antenatal visits (visits before HPHT or after delivery are not antenatal). */
export function ancCoverage(visits: readonly AncVisit[], hpht: LocalDate, deliveryDate: LocalDate | null = null): AncCoverage {
  const tally: Tally = { byTrimester: { 1: 0, 2: 0, 3: 0 }, doctorByTrimester: { 1: 0, 2: 0, 3: 0 } };
  let k4Date: LocalDate | null = null;
  let k6Date: LocalDate | null = null;
  const sorted = sortVisits(visits, hpht, deliveryDate);
  for (const v of sorted) {
    const t = trimesterOfDays(daysBetween(hpht, v.date));
    tally.byTrimester[t]++;
    if (v.examiner === 'doctor') tally.doctorByTrimester[t]++;
    if (!k4Date && meetsK4(tally)) k4Date = v.date;
    if (!k6Date && meetsK6(tally)) k6Date = v.date;
  }
  const first = sorted[0];
  return {
    contacts: sorted.length,
    byTrimester: tally.byTrimester,
    doctorByTrimester: tally.doctorByTrimester,
    k1: !!first,
    k1Pure: !!first && trimesterOfDays(daysBetween(hpht, first.date)) === 1,
    k4: !!k4Date,
    k6: !!k6Date,
    k1Date: first?.date ?? null,
    k4Date,
    k6Date,
  };
}

/** Days until the next contact after one at `gaDays`: 4 weeks before 28 weeks, 2 weeks up to 36, then 1. */
export function intervalAfter(gaDays: number): number {
  if (gaDays < 28 * 7) return 28;
  if (gaDays < 36 * 7) return 14;
  return 7;
}

/**
 * The day the next antenatal contact is due, or null once delivered. `registeredOn` moves the
 * first contact's due day for a woman registered late (she is given a week).
 */
export function expectedNextVisit(visits: readonly AncVisit[], hpht: LocalDate, opts: { registeredOn?: LocalDate | null; deliveryDate?: LocalDate | null } = {}): LocalDate | null {
  if (opts.deliveryDate) return null;
  const sorted = sortVisits(visits, hpht, null);
  const last = sorted.at(-1);
  if (!last) {
    const endT1 = trimesterEnd(hpht, 1);
    const grace = opts.registeredOn ? addDays(opts.registeredOn, 7) : endT1;
    return grace > endT1 ? grace : endT1;
  }
  const lastGa = daysBetween(hpht, last.date);
  let next = addDays(last.date, intervalAfter(lastGa));
  const t = trimesterOfDays(lastGa);
  const done = sorted.filter((v) => trimesterOfDays(daysBetween(hpht, v.date)) === t).length;
  if (done < MIN_VISITS[t]) {
    const end = trimesterEnd(hpht, t);
    if (end < next && end > last.date) next = end;
  }
  return next;
}

export type MissedVisit = { expected: LocalDate; overdueDays: number };

/** The expected contact more than a week overdue on `asOf`, or null. */
export function missedVisit(visits: readonly AncVisit[], hpht: LocalDate, asOf: LocalDate, opts: { registeredOn?: LocalDate | null; deliveryDate?: LocalDate | null } = {}): MissedVisit | null {
  const expected = expectedNextVisit(visits, hpht, opts);
  if (!expected) return null;
  const overdueDays = daysBetween(expected, asOf);
  return overdueDays > MISSED_GRACE_DAYS ? { expected, overdueDays } : null;
}

export type Shortfall = { trimester: Trimester; required: number; done: number };

/** Trimesters already over on `asOf` that had fewer contacts than the minimum. */
export function trimesterShortfalls(visits: readonly AncVisit[], hpht: LocalDate, asOf: LocalDate, deliveryDate: LocalDate | null = null): Shortfall[] {
  const coverage = ancCoverage(visits, hpht, deliveryDate);
  const out: Shortfall[] = [];
  for (const t of [1, 2, 3] as Trimester[]) {
    const end = t === 3 ? (deliveryDate ?? addDays(hpht, PREGNANCY_DAYS)) : trimesterEnd(hpht, t);
    // A trimester cut short by delivery is judged only for the trimesters fully passed.
    if (deliveryDate && t < 3 && deliveryDate <= end) continue;
    if (asOf > end && coverage.byTrimester[t] < MIN_VISITS[t]) out.push({ trimester: t, required: MIN_VISITS[t], done: coverage.byTrimester[t] });
  }
  return out;
}
