import { describe, expect, it } from 'vitest';
import { type ApplicationFact, average, median, monthsBetween, onTimePercent, tally } from './figures.ts';

describe('the small rules', () => {
  it('lists the months of a range, over a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(monthsBetween('2026-06', '2026-05')).toEqual([]);
  });

  it('takes the median of odd and even counts, and none of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('averages to one decimal', () => {
    expect(average([1, 2, 2])).toBe(1.7);
    expect(average([])).toBeNull();
  });

  it('gives no on-time share when nothing finished (neither 0 % nor 100 %)', () => {
    expect(onTimePercent(0, 0)).toBeNull();
    expect(onTimePercent(2, 3)).toBe(66.7);
    expect(onTimePercent(3, 3)).toBe(100);
  });
});

const fact = (f: Partial<ApplicationFact>): ApplicationFact => ({ agencyId: 'a', serviceId: 's', filedMonth: null, outcome: null, sentBackMonths: [], openAt: {}, ...f });

describe('tally', () => {
  const months = ['2026-10', '2026-11'];
  const facts = [
    fact({ filedMonth: '2026-10', outcome: { kind: 'finished', month: '2026-10', late: false, workingDays: 2 } }),
    fact({ filedMonth: '2026-10', outcome: { kind: 'finished', month: '2026-11', late: true, workingDays: 9 }, sentBackMonths: ['2026-10'], openAt: { '2026-10': 'late' } }),
    fact({ filedMonth: '2026-11', outcome: { kind: 'finished', month: '2026-11', late: false, workingDays: 4 } }),
    fact({ filedMonth: '2026-11', outcome: { kind: 'rejected', month: '2026-11' } }),
    fact({ filedMonth: '2026-11', outcome: { kind: 'withdrawn', month: '2026-11' } }),
    fact({ filedMonth: '2026-10', openAt: { '2026-10': 'within', '2026-11': 'late' } }),
    fact({ filedMonth: '2026-11', openAt: { '2026-11': 'within' } }),
    // Filed before the range, finished in it.
    fact({ filedMonth: '2026-08', outcome: { kind: 'finished', month: '2026-10', late: true, workingDays: 20 }, openAt: {} }),
  ];
  const t = tally(facts, months);

  it('counts each month on its own', () => {
    expect(t.months[0]).toEqual({
      month: '2026-10',
      filed: 3,
      finished: 2,
      finishedOnTime: 1,
      finishedLate: 1,
      rejected: 0,
      sentBack: 1,
      openLate: 1,
      openWithinSla: 1,
      onTimePercent: 50,
      medianWorkingDays: 11,
      averageWorkingDays: 11,
    });
    expect(t.months[1]).toMatchObject({ filed: 4, finished: 2, finishedOnTime: 1, finishedLate: 1, rejected: 1, sentBack: 0, openLate: 1, openWithinSla: 1, onTimePercent: 50, medianWorkingDays: 6.5 });
  });

  it('sums the flows over the range and keeps the open counts of its last month', () => {
    expect(t.all).toMatchObject({ filed: 7, finished: 4, finishedOnTime: 2, finishedLate: 2, rejected: 1, sentBack: 1, openLate: 1, openWithinSla: 1, onTimePercent: 50, medianWorkingDays: 6.5, averageWorkingDays: 8.8 });
  });

  it('leaves out what falls outside the range', () => {
    const outside = tally([fact({ filedMonth: '2026-09', outcome: { kind: 'finished', month: '2026-09', late: false, workingDays: 1 }, openAt: { '2026-09': 'late' } })], months);
    expect(outside.all).toMatchObject({ filed: 0, finished: 0, openLate: 0, onTimePercent: null, medianWorkingDays: null });
  });
});
