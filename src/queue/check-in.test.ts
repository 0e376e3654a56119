import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInDecision, checkInPolicyProblems, DEFAULT_CHECK_IN, noShowAfter, noShowStanding } from './check-in.ts';

const MIN = 60_000;
const slot = new Date('2026-11-30T03:00:00Z'); // 10:00 WIB
const endOfDay = new Date('2026-11-30T16:59:59.999Z'); // 23:59:59.999 WIB
const minutes = (m: number) => new Date(slot.getTime() + m * MIN);

describe('checkInDecision (30 min early, 10 min late)', () => {
  it.each([
    [-31, 'too_early'],
    [-30, 'appointment'],
    [-1, 'appointment'],
    [0, 'appointment'],
    [10, 'appointment'],
    [10.01, 'walk_in'],
    [11, 'walk_in'],
    [300, 'walk_in'],
  ])('%d min after the slot → %s', (m, kind) => {
    expect(checkInDecision(minutes(m), slot, endOfDay).kind).toBe(kind);
  });
  it('tells when check-in opens', () => {
    expect(checkInDecision(minutes(-45), slot, endOfDay)).toEqual({ kind: 'too_early', opensAt: minutes(-30) });
  });
  it('says how late', () => {
    expect(checkInDecision(minutes(25.5), slot, endOfDay)).toEqual({ kind: 'walk_in', minutesLate: 25 });
  });
  it('expires when the day is over', () => {
    expect(checkInDecision(new Date(endOfDay.getTime() + 1), slot, endOfDay)).toEqual({ kind: 'expired' });
  });
  it('follows the configured windows', () => {
    const policy = { earlyMinutes: 60, lateMinutes: 0 };
    expect(checkInDecision(minutes(-60), slot, endOfDay, policy).kind).toBe('appointment');
    expect(checkInDecision(minutes(0.5), slot, endOfDay, policy).kind).toBe('walk_in');
  });
  it('the decision only ever moves forward in time: too early → appointment → walk-in → expired', () => {
    const rank = { too_early: 0, appointment: 1, walk_in: 2, expired: 3 } as const;
    fc.assert(
      fc.property(fc.integer({ min: -600, max: 900 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 1000 }), (m, early, late, step) => {
        const policy = { earlyMinutes: early, lateMinutes: late };
        const a = checkInDecision(minutes(m), slot, endOfDay, policy);
        const b = checkInDecision(minutes(m + step), slot, endOfDay, policy);
        expect(rank[b.kind]).toBeGreaterThanOrEqual(rank[a.kind]);
      }),
    );
  });
});

describe('noShowAfter', () => {
  it('is the end of the late window', () => {
    expect(noShowAfter(slot)).toEqual(minutes(10));
    expect(noShowAfter(slot, { ...DEFAULT_CHECK_IN, lateMinutes: 15 })).toEqual(minutes(15));
  });
});

describe('checkInPolicyProblems', () => {
  it('accepts the defaults and names bad fields', () => {
    expect(checkInPolicyProblems(DEFAULT_CHECK_IN)).toEqual([]);
    expect(checkInPolicyProblems({ earlyMinutes: -1, lateMinutes: 1.5 })).toEqual(['earlyMinutes', 'lateMinutes']);
  });
});

describe('noShowStanding: warning before any block', () => {
  const now = new Date('2026-11-30T03:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 60 * MIN);
  it('clear with no no-shows', () => {
    expect(noShowStanding([], now)).toEqual({ kind: 'clear' });
  });
  it('warns after the first and second', () => {
    expect(noShowStanding([daysAgo(3)], now)).toEqual({ kind: 'warning', count: 1, remaining: 2 });
    expect(noShowStanding([daysAgo(3), daysAgo(10)], now)).toEqual({ kind: 'warning', count: 2, remaining: 1 });
  });
  it('blocks from the third, until the oldest leaves the window', () => {
    const standing = noShowStanding([daysAgo(3), daysAgo(10), daysAgo(50)], now);
    expect(standing).toEqual({ kind: 'blocked', count: 3, until: new Date(daysAgo(50).getTime() + 60 * 24 * 60 * MIN) });
  });
  it('forgets no-shows older than the window', () => {
    expect(noShowStanding([daysAgo(61), daysAgo(70), daysAgo(80)], now)).toEqual({ kind: 'clear' });
  });
  it('never blocks without having warned first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 10 }), (ages) => {
        const sorted = [...ages].sort((a, b) => b - a);
        // Adding no-shows one at a time (oldest first), a block is always preceded by a warning.
        let warned = false;
        for (let i = 1; i <= sorted.length; i++) {
          const s = noShowStanding(sorted.slice(0, i).map(daysAgo), now);
          if (s.kind === 'warning') warned = true;
          if (s.kind === 'blocked') expect(warned).toBe(true);
        }
      }),
    );
  });
});
