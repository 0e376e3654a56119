import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateWait, expectedMinutes, type ServiceTimeStats, turnIsNear } from './wait-estimate.ts';

const none = new Map<string, ServiceTimeStats>();
const ahead = (n: number, serviceId = 'ktp') => Array.from({ length: n }, () => ({ serviceId }));

describe('expectedMinutes', () => {
  it('uses the default when a service has no observations', () => {
    expect(expectedMinutes('ktp', none, 10)).toBe(10);
    expect(expectedMinutes('ktp', new Map([['ktp', { meanMinutes: 4, samples: 0 }]]), 10)).toBe(10);
  });
  it('shrinks a few observations toward the default, many observations win', () => {
    const few = new Map([['ktp', { meanMinutes: 2, samples: 1 }]]);
    expect(expectedMinutes('ktp', few, 10)).toBeCloseTo((2 + 50) / 6);
    const many = new Map([['ktp', { meanMinutes: 2, samples: 995 }]]);
    expect(expectedMinutes('ktp', many, 10)).toBeCloseTo((2 * 995 + 50) / 1000);
  });
  it('ignores nonsense statistics', () => {
    expect(expectedMinutes('ktp', new Map([['ktp', { meanMinutes: Number.NaN, samples: 3 }]]), 7)).toBe(7);
    expect(expectedMinutes('ktp', new Map([['ktp', { meanMinutes: -1, samples: 3 }]]), 7)).toBe(7);
  });
});

describe('estimateWait', () => {
  it('says honestly that no counter is open', () => {
    expect(estimateWait({ ahead: ahead(3), observed: none, defaultMinutes: 10, openCounters: 0 })).toEqual({ kind: 'no_counter' });
  });
  it('is zero for the first in line at an idle counter', () => {
    expect(estimateWait({ ahead: [], observed: none, defaultMinutes: 10, openCounters: 1 })).toEqual({ kind: 'estimate', minutes: 0, low: 0, high: 0 });
  });
  it('divides the work ahead among the open counters', () => {
    expect(estimateWait({ ahead: ahead(6), observed: none, defaultMinutes: 10, openCounters: 1 })).toMatchObject({ minutes: 60 });
    expect(estimateWait({ ahead: ahead(6), observed: none, defaultMinutes: 10, openCounters: 3 })).toMatchObject({ minutes: 20 });
  });
  it('weighs each ticket ahead by its own service', () => {
    const observed = new Map([
      ['ktp', { meanMinutes: 5, samples: 1000 }],
      ['akta', { meanMinutes: 20, samples: 1000 }],
    ]);
    const result = estimateWait({ ahead: [{ serviceId: 'ktp' }, { serviceId: 'akta' }], observed, defaultMinutes: 10, openCounters: 1, priorWeight: 0 });
    expect(result).toMatchObject({ minutes: 25 });
  });
  it('adds what is left of the tickets in service, never less than a quarter of the mean', () => {
    const base = { ahead: [], observed: none, defaultMinutes: 12, openCounters: 1 };
    expect(estimateWait({ ...base, inService: [{ serviceId: 'ktp', elapsedMinutes: 4 }] })).toMatchObject({ minutes: 8 });
    expect(estimateWait({ ...base, inService: [{ serviceId: 'ktp', elapsedMinutes: 40 }] })).toMatchObject({ minutes: 3 });
  });
  it('gives a range around the estimate', () => {
    const r = estimateWait({ ahead: ahead(4), observed: none, defaultMinutes: 10, openCounters: 1 });
    expect(r.kind === 'estimate' && r.low <= r.minutes && r.minutes <= r.high).toBe(true);
  });
  it('never decreases when one more ticket is ahead, never increases with one more counter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 30 }), (n, counters, minutes) => {
        const at = (k: number, c: number) => estimateWait({ ahead: ahead(k), observed: none, defaultMinutes: minutes, openCounters: c });
        const a = at(n, counters);
        const more = at(n + 1, counters);
        const wider = at(n, counters + 1);
        if (a.kind !== 'estimate' || more.kind !== 'estimate' || wider.kind !== 'estimate') throw new Error('expected estimates');
        expect(more.minutes).toBeGreaterThanOrEqual(a.minutes);
        expect(wider.minutes).toBeLessThanOrEqual(a.minutes);
      }),
    );
  });
});

describe('turnIsNear', () => {
  const est = (minutes: number) => ({ kind: 'estimate' as const, minutes, low: minutes, high: minutes });
  it('by position', () => {
    expect(turnIsNear(3, est(60), { ahead: 3, minutes: 10 })).toBe(true);
    expect(turnIsNear(4, est(60), { ahead: 3, minutes: 10 })).toBe(false);
  });
  it('by minutes', () => {
    expect(turnIsNear(9, est(10), { ahead: 3, minutes: 10 })).toBe(true);
    expect(turnIsNear(9, est(11), { ahead: 3, minutes: 10 })).toBe(false);
  });
  it('not by minutes when no counter is open', () => {
    expect(turnIsNear(9, { kind: 'no_counter' }, { ahead: 3, minutes: 10 })).toBe(false);
  });
});
