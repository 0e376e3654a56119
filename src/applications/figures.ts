/**
 * SLA compliance figures for the leader (pure): what each application contributed to a month —
 * filed, finished on time or late and in how many working days, rejected, sent back, still open
 * and late or within its promise at the month's end — summed per agency, per service and for the
 * regency. Figures only: no number, no name, no NIK leaves this module.
 */

export type Month = string; // YYYY-MM

/** One application as the figures see it (built by figures-service.ts from the SLA clock). */
export type ApplicationFact = {
  agencyId: string;
  serviceId: string;
  /** The month it was submitted (WIB), if in the range or not. */
  filedMonth: Month | null;
  /** How it ended, if it has: the product ready (finished), rejected, or withdrawn. */
  outcome: { kind: 'finished'; month: Month; late: boolean; workingDays: number } | { kind: 'rejected' | 'withdrawn'; month: Month } | null;
  /** The months in which it was sent back to the citizen (once per return). */
  sentBackMonths: Month[];
  /** Open at the end of a month (or now, for the current month): late or within the promise. */
  openAt: Partial<Record<Month, 'late' | 'within'>>;
};

export type Cell = {
  filed: number;
  finished: number;
  finishedOnTime: number;
  finishedLate: number;
  rejected: number;
  sentBack: number;
  openLate: number;
  openWithinSla: number;
  /** Finished on time out of all finished, in whole-tenth percent; null when nothing finished. */
  onTimePercent: number | null;
  medianWorkingDays: number | null;
  averageWorkingDays: number | null;
};

export type Series = { months: ({ month: Month } & Cell)[]; all: Cell };

/** The months from..to inclusive (YYYY-MM). */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The mean to one decimal, or null for none. */
export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10;
}

/** Finished on time as a share of finished, to one decimal; null when nothing finished (not 0 %, not 100 %). */
export function onTimePercent(onTime: number, finished: number): number | null {
  if (finished <= 0) return null;
  return Math.round((onTime / finished) * 1000) / 10;
}

type Acc = Omit<Cell, 'onTimePercent' | 'medianWorkingDays' | 'averageWorkingDays'> & { days: number[] };

const emptyAcc = (): Acc => ({ filed: 0, finished: 0, finishedOnTime: 0, finishedLate: 0, rejected: 0, sentBack: 0, openLate: 0, openWithinSla: 0, days: [] });

function close(acc: Acc): Cell {
  const { days, ...counts } = acc;
  return { ...counts, onTimePercent: onTimePercent(acc.finishedOnTime, acc.finished), medianWorkingDays: median(days), averageWorkingDays: average(days) };
}

/**
 * Sums the facts per month of the range. The whole range: flows (filed, finished, rejected, sent
 * back) add up, days to finish pool, and the open counts are those at the end of the last month.
 */
export function tally(facts: readonly ApplicationFact[], months: readonly Month[]): Series {
  const byMonth = new Map(months.map((m) => [m, emptyAcc()]));
  const all = emptyAcc();
  const last = months[months.length - 1];
  for (const f of facts) {
    if (f.filedMonth) {
      const acc = byMonth.get(f.filedMonth);
      if (acc) {
        acc.filed++;
        all.filed++;
      }
    }
    if (f.outcome) {
      const acc = byMonth.get(f.outcome.month);
      if (acc) {
        for (const a of [acc, all]) {
          if (f.outcome.kind === 'finished') {
            a.finished++;
            if (f.outcome.late) a.finishedLate++;
            else a.finishedOnTime++;
            a.days.push(f.outcome.workingDays);
          } else if (f.outcome.kind === 'rejected') a.rejected++;
        }
      }
    }
    for (const m of f.sentBackMonths) {
      const acc = byMonth.get(m);
      if (acc) {
        acc.sentBack++;
        all.sentBack++;
      }
    }
    for (const [m, state] of Object.entries(f.openAt)) {
      const acc = byMonth.get(m);
      if (!acc) continue;
      const targets = m === last ? [acc, all] : [acc];
      for (const a of targets) {
        if (state === 'late') a.openLate++;
        else a.openWithinSla++;
      }
    }
  }
  return { months: months.map((month) => ({ month, ...close(byMonth.get(month)!) })), all: close(all) };
}
