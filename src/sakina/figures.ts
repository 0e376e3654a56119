/**
 * Monthly figures in the layout of the PWS-KIA (Pemantauan Wilayah Setempat Kesehatan Ibu dan
 * Anak, Kemenkes): per village, the month's count, the count up to last month and up to this
 * month within the year, and coverage against the village's yearly target (sasaran ibu hamil).
 *
 * - Registered: pregnancies confirmed by a midwife (a community report counts once confirmed).
 * - K1, K4, K6: the day each was reached (see anc.ts).
 * - High risk found: the first day a woman was KRT or KRST, split by who first brought her in —
 *   health worker, or community (kader / village official report).
 * - Births; births at a health facility (hospital, puskesmas, clinic, midwife practice).
 * - Escorts done: arrived at the facility.
 * - Maternal deaths (pregnancy, delivery, or 42 days after); infant deaths (born alive, died);
 *   stillbirths.
 *
 * Pure: the caller loads the records; dates are WIB calendar days.
 */
import { wibDateOf, type LocalDate } from '../catalogue/calendar/local-date.ts';
import { ancCoverage, type AncCoverage, type Examiner } from './anc.ts';
import { FACILITY_PLACES, type DeliveryPlace, type ReportedVia } from './schema.ts';

export type FigureSources = {
  pregnancies: { id: string; villageId: string; status: string; confirmedAt: Date | null; hpht: string | null; reportedVia: ReportedVia; riskFoundOn: string | null; category: string | null; deliveredOn: string | null }[];
  visits: { pregnancyId: string; visitDate: string; examiner: Examiner | string }[];
  outcomes: { pregnancyId: string; kind: string; deliveryDate: string; placeKind: DeliveryPlace | string; motherDiedOn: string | null }[];
  babies: { pregnancyId: string; status: string; diedOn: string | null }[];
  escorts: { pregnancyId: string; status: string; arrivedAt: Date | null }[];
};

export type Count = { previous: number; month: number; cumulative: number };
export type Coverage = Count & { percent: number | null };

export const MEASURES = ['registered', 'k1', 'k4', 'k6', 'riskHealthWorker', 'riskCommunity', 'births', 'facilityBirths', 'escortsDone', 'maternalDeaths', 'infantDeaths', 'stillbirths'] as const;
export type Measure = (typeof MEASURES)[number];

export type FigureRow = {
  villageId: string;
  target: number | null;
  /** What K1, K4, K6 are a percentage of: the target, or without one the women registered this year (a total: the sum of its villages'). */
  coverageBase: number;
  registered: Coverage;
  k1: Coverage;
  k4: Coverage;
  k6: Coverage;
  riskHealthWorker: Count;
  riskCommunity: Count;
  births: Count;
  facilityBirths: Coverage;
  escortsDone: Count;
  maternalDeaths: Count;
  infantDeaths: Count;
  stillbirths: Count;
  /** Women pregnant at the end of the month, by their category (null: not yet screened). */
  riskMix: { KRR: number; KRT: number; KRST: number; unscreened: number };
};

/** 'YYYY-MM' → first and last day. */
export function monthBounds(month: string): { first: LocalDate; last: LocalDate; year: number; monthNo: number } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const year = Number(m[1]);
  const monthNo = Number(m[2]);
  const lastDay = new Date(Date.UTC(year, monthNo, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, '0')}`, year, monthNo };
}

function percent(part: number, whole: number | null): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** Counts dated events into (before this month in the year, this month, up to this month). */
function tally(dates: (LocalDate | null | undefined)[], yearStart: LocalDate, first: LocalDate, last: LocalDate): Count {
  let previous = 0;
  let month = 0;
  for (const d of dates) {
    if (!d || d < yearStart || d > last) continue;
    if (d < first) previous++;
    else month++;
  }
  return { previous, month, cumulative: previous + month };
}

type Indexed = {
  outcomeBy: Map<string, FigureSources['outcomes'][number]>;
  babiesBy: Map<string, FigureSources['babies']>;
  escortsBy: Map<string, FigureSources['escorts']>;
  byVillage: Map<string, FigureSources['pregnancies']>;
  coverage: Map<string, AncCoverage>;
};

// The same sources are counted for every month of a trend: index them, and their coverage, once.
const indexes = new WeakMap<FigureSources, Indexed>();

function indexOf(sources: FigureSources): Indexed {
  const cached = indexes.get(sources);
  if (cached) return cached;
  const visitsBy = groupBy(sources.visits, (v) => v.pregnancyId);
  const outcomeBy = new Map(sources.outcomes.map((o) => [o.pregnancyId, o]));
  const coverage = new Map<string, AncCoverage>();
  for (const p of sources.pregnancies) {
    if (!p.hpht) continue;
    const list = (visitsBy.get(p.id) ?? []).map((v) => ({ date: v.visitDate, examiner: v.examiner === 'doctor' ? ('doctor' as const) : ('midwife' as const) }));
    coverage.set(p.id, ancCoverage(list, p.hpht, outcomeBy.get(p.id)?.deliveryDate ?? null));
  }
  const index: Indexed = {
    outcomeBy,
    babiesBy: groupBy(sources.babies, (b) => b.pregnancyId),
    escortsBy: groupBy(sources.escorts, (e) => e.pregnancyId),
    byVillage: groupBy(sources.pregnancies.filter((p) => p.status === 'active' || p.status === 'delivered' || p.status === 'closed'), (p) => p.villageId),
    coverage,
  };
  indexes.set(sources, index);
  return index;
}

/** One row per village (in the given order), for the month. */
export function computeFigures(sources: FigureSources, villageIds: string[], targets: Map<string, number>, month: string): FigureRow[] {
  const { first, last, year } = monthBounds(month);
  const yearStart = `${year}-01-01`;
  const { outcomeBy, babiesBy, escortsBy, byVillage, coverage } = indexOf(sources);

  return villageIds.map((villageId) => {
    const list = byVillage.get(villageId) ?? [];
    const target = targets.get(villageId) ?? null;
    const dates: Record<Measure, (LocalDate | null)[]> = Object.fromEntries(MEASURES.map((m) => [m, []])) as never;
    const riskMix = { KRR: 0, KRT: 0, KRST: 0, unscreened: 0 };
    for (const p of list) {
      const outcome = outcomeBy.get(p.id) ?? null;
      dates.registered.push(p.confirmedAt ? wibDateOf(p.confirmedAt) : null);
      const c = coverage.get(p.id);
      if (p.hpht && c) {
        dates.k1.push(c.k1Date);
        dates.k4.push(c.k4Date);
        dates.k6.push(c.k6Date);
        const pregnantAtEnd = p.hpht <= last && (!outcome || outcome.deliveryDate > last);
        if (pregnantAtEnd) {
          if (p.category === 'KRR' || p.category === 'KRT' || p.category === 'KRST') riskMix[p.category]++;
          else riskMix.unscreened++;
        }
      }
      (p.reportedVia === 'community' ? dates.riskCommunity : dates.riskHealthWorker).push(p.riskFoundOn);
      if (outcome) {
        if (outcome.kind === 'birth') {
          dates.births.push(outcome.deliveryDate);
          if ((FACILITY_PLACES as readonly string[]).includes(outcome.placeKind)) dates.facilityBirths.push(outcome.deliveryDate);
        }
        dates.maternalDeaths.push(outcome.motherDiedOn);
        for (const b of babiesBy.get(p.id) ?? []) {
          if (b.status === 'died') dates.infantDeaths.push(b.diedOn);
          if (b.status === 'stillborn') dates.stillbirths.push(outcome.deliveryDate);
        }
      }
      for (const e of escortsBy.get(p.id) ?? []) if (e.status === 'arrived' && e.arrivedAt) dates.escortsDone.push(wibDateOf(e.arrivedAt));
    }
    const count = (m: Measure) => tally(dates[m], yearStart, first, last);
    const registered = count('registered');
    // Coverage is against the village's target; without one, against the women registered this year.
    const denominator = target ?? registered.cumulative;
    const cover = (m: Measure): Coverage => {
      const c = count(m);
      return { ...c, percent: percent(c.cumulative, denominator) };
    };
    const births = count('births');
    const facility = count('facilityBirths');
    return {
      villageId,
      target,
      coverageBase: denominator,
      registered: { ...registered, percent: target ? percent(registered.cumulative, target) : null },
      k1: cover('k1'),
      k4: cover('k4'),
      k6: cover('k6'),
      riskHealthWorker: count('riskHealthWorker'),
      riskCommunity: count('riskCommunity'),
      births,
      facilityBirths: { ...facility, percent: percent(facility.cumulative, births.cumulative) },
      escortsDone: count('escortsDone'),
      maternalDeaths: count('maternalDeaths'),
      infantDeaths: count('infantDeaths'),
      stillbirths: count('stillbirths'),
      riskMix,
    };
  });
}

/** The puskesmas (or regency) total of village rows; percentages recomputed from the sums (coverage against the sum of the villages' denominators). */
export function totalRow(rows: FigureRow[]): Omit<FigureRow, 'villageId'> {
  const sum = (pick: (r: FigureRow) => Count): Count => ({
    previous: rows.reduce((s, r) => s + pick(r).previous, 0),
    month: rows.reduce((s, r) => s + pick(r).month, 0),
    cumulative: rows.reduce((s, r) => s + pick(r).cumulative, 0),
  });
  const allTargets = rows.every((r) => r.target !== null);
  const target = allTargets && rows.length ? rows.reduce((s, r) => s + r.target!, 0) : null;
  const registered = sum((r) => r.registered);
  // Each village counts with its own denominator (its target, or without one its registered women), so
  // that villages with no target yet do not turn a regency's coverage into "registered = 100%".
  const denominator = rows.reduce((s, r) => s + (r.target ?? r.registered.cumulative), 0);
  const cover = (pick: (r: FigureRow) => Count): Coverage => {
    const c = sum(pick);
    return { ...c, percent: percent(c.cumulative, denominator) };
  };
  const births = sum((r) => r.births);
  const facility = sum((r) => r.facilityBirths);
  return {
    target,
    coverageBase: denominator,
    registered: { ...registered, percent: target ? percent(registered.cumulative, target) : null },
    k1: cover((r) => r.k1),
    k4: cover((r) => r.k4),
    k6: cover((r) => r.k6),
    riskHealthWorker: sum((r) => r.riskHealthWorker),
    riskCommunity: sum((r) => r.riskCommunity),
    births,
    facilityBirths: { ...facility, percent: percent(facility.cumulative, births.cumulative) },
    escortsDone: sum((r) => r.escortsDone),
    maternalDeaths: sum((r) => r.maternalDeaths),
    infantDeaths: sum((r) => r.infantDeaths),
    stillbirths: sum((r) => r.stillbirths),
    riskMix: {
      KRR: rows.reduce((s, r) => s + r.riskMix.KRR, 0),
      KRT: rows.reduce((s, r) => s + r.riskMix.KRT, 0),
      KRST: rows.reduce((s, r) => s + r.riskMix.KRST, 0),
      unscreened: rows.reduce((s, r) => s + r.riskMix.unscreened, 0),
    },
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
