import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../catalogue/calendar/calendar.ts';
import { dayNumber, wibInstant } from '../catalogue/calendar/local-date.ts';
import { instantIn2025To2027, officialCalendar } from '../catalogue/calendar/testing.ts';
import { addWorkingDays } from '../catalogue/calendar/working-days.ts';
import { type ClockEvent, computeSla, slaWorkingDays } from './sla.ts';

const cal = officialCalendar();
const at = (date: string, time = '10:00') => wibInstant(date, time);
const start = (date: string, time?: string): ClockEvent => ({ at: at(date, time), kind: 'start' });
const pause = (date: string, time?: string): ClockEvent => ({ at: at(date, time), kind: 'pause' });
const resume = (date: string, time?: string): ClockEvent => ({ at: at(date, time), kind: 'resume' });
const stop = (date: string, time?: string): ClockEvent => ({ at: at(date, time), kind: 'stop' });

describe('the promised date', () => {
  it('is not set before the documents are complete', () => {
    const sla = computeSla({ workingDays: 5, events: [], now: at('2026-11-30'), cal });
    expect(sla).toMatchObject({ state: 'not_started', dueDate: null, late: false });
  });

  it('counts working days from the day after the start: Monday + 3 → Thursday', () => {
    const sla = computeSla({ workingDays: 3, events: [start('2026-11-30')], now: at('2026-11-30', '11:00'), cal });
    expect(sla).toMatchObject({ state: 'running', dueDate: '2026-12-03', remainingWorkingDays: 3, elapsedWorkingDays: 0, late: false });
  });

  it('skips the weekend: Thursday + 3 → Tuesday', () => {
    expect(computeSla({ workingDays: 3, events: [start('2026-12-03')], now: at('2026-12-03'), cal }).dueDate).toBe('2026-12-08');
  });

  it('skips Christmas, its cuti bersama and the weekend: 22 Dec + 3 → 29 Dec', () => {
    // 24 Dec 2026 cuti bersama, 25 Dec Christmas, 26–27 weekend.
    expect(computeSla({ workingDays: 3, events: [start('2026-12-22')], now: at('2026-12-22'), cal }).dueDate).toBe('2026-12-29');
  });

  it('stands still while the citizen fixes documents', () => {
    // Filed Monday 30 Nov (5 working days → Mon 7 Dec). Sent back Tuesday 1 Dec, fixed Thursday 3 Dec:
    // the clock stood still for Wed 2 and Thu 3 Dec, so the promise moves two working days to Wed 9 Dec.
    const events = [start('2026-11-30'), pause('2026-12-01'), resume('2026-12-03')];
    const sla = computeSla({ workingDays: 5, events, now: at('2026-12-03', '12:00'), cal });
    expect(sla).toMatchObject({ state: 'running', pausedWorkingDays: 2, dueDate: '2026-12-09', elapsedWorkingDays: 1 });
  });

  it('does not count a weekend the file spent with the citizen', () => {
    // Sent back Friday 4 Dec, fixed Monday 7 Dec: only Monday stood still.
    const events = [start('2026-12-03'), pause('2026-12-04'), resume('2026-12-07')];
    expect(computeSla({ workingDays: 3, events, now: at('2026-12-07'), cal })).toMatchObject({ pausedWorkingDays: 1, dueDate: '2026-12-09' });
  });

  it('while paused shows the date the promise would be if the citizen resubmitted today', () => {
    const events = [start('2026-11-30'), pause('2026-12-01')];
    const monday = computeSla({ workingDays: 5, events, now: at('2026-12-07'), cal });
    expect(monday).toMatchObject({ state: 'paused', pausedWorkingDays: 4, dueDate: '2026-12-11', remainingWorkingDays: null, late: false });
  });

  it('stops when the product is ready', () => {
    const events = [start('2026-11-30'), stop('2026-12-02')];
    const sla = computeSla({ workingDays: 3, events, now: at('2026-12-20'), cal });
    expect(sla).toMatchObject({ state: 'stopped', dueDate: '2026-12-03', late: false, elapsedWorkingDays: 2 });
  });
});

describe('lateness', () => {
  it('is late the day after the promised date, not on it', () => {
    const events = [start('2026-11-30')];
    expect(computeSla({ workingDays: 3, events, now: at('2026-12-03', '23:59'), cal }).late).toBe(false);
    expect(computeSla({ workingDays: 3, events, now: at('2026-12-04', '00:00'), cal })).toMatchObject({ late: true, workingDaysLate: 1 });
  });

  it('counts late days in working days', () => {
    // Due Thursday 3 Dec; on Tuesday 8 Dec it is Fri 4, Mon 7, Tue 8 = 3 working days late.
    expect(computeSla({ workingDays: 3, events: [start('2026-11-30')], now: at('2026-12-08'), cal })).toMatchObject({ late: true, workingDaysLate: 3 });
  });

  it('remembers a product finished late', () => {
    const events = [start('2026-11-30'), stop('2026-12-07')];
    expect(computeSla({ workingDays: 3, events, now: at('2027-01-15'), cal })).toMatchObject({ state: 'stopped', late: true, workingDaysLate: 2 });
  });

  it('ignores events in the future and events out of order', () => {
    const events = [resume('2026-12-01'), start('2026-11-30'), stop('2026-11-30', '09:00'), pause('2026-12-10')];
    const sla = computeSla({ workingDays: 3, events, now: at('2026-12-02'), cal });
    // The stop at 09:00 comes before the start at 10:00: ignored. The pause is after now: not yet.
    expect(sla).toMatchObject({ state: 'running', pausedWorkingDays: 0, dueDate: '2026-12-03' });
  });

  it('rejects a negative or fractional promise', () => {
    expect(() => computeSla({ workingDays: -1, events: [], now: at('2026-11-30'), cal })).toThrow(RangeError);
    expect(() => computeSla({ workingDays: 1.5, events: [], now: at('2026-11-30'), cal })).toThrow(RangeError);
  });
});

describe('properties', () => {
  const days = fc.integer({ min: 0, max: 40 });
  const gapMs = fc.integer({ min: 0, max: 20 * 24 * 3600_000 });

  it('without pauses, the promise is the catalogue’s addWorkingDays', () => {
    fc.assert(fc.property(instantIn2025To2027, days, (s, n) => {
      const sla = computeSla({ workingDays: n, events: [{ at: s, kind: 'start' }], now: s, cal });
      expect(sla.dueDate).toBe(addWorkingDays(s, n, cal));
    }));
  });

  it('always promises a working day, and a pause never brings the promise forward', () => {
    fc.assert(fc.property(instantIn2025To2027, days, gapMs, gapMs, gapMs, (s, n, a, b, c) => {
      const p = new Date(s.getTime() + a);
      const r = new Date(p.getTime() + b);
      const now = new Date(r.getTime() + c);
      const plain = computeSla({ workingDays: n, events: [{ at: s, kind: 'start' }], now, cal });
      const paused = computeSla({ workingDays: n, events: [{ at: s, kind: 'start' }, { at: p, kind: 'pause' }, { at: r, kind: 'resume' }], now, cal });
      expect(isWorkingDay(paused.dueDate!, cal)).toBe(true);
      expect(dayNumber(paused.dueDate!)).toBeGreaterThanOrEqual(dayNumber(plain.dueDate!));
      expect(paused.dueDate).toBe(addWorkingDays(s, n + paused.pausedWorkingDays, cal));
      expect(paused.elapsedWorkingDays).toBeLessThanOrEqual(plain.elapsedWorkingDays);
    }));
  });

  it('is late exactly when today is past the promised date', () => {
    fc.assert(fc.property(instantIn2025To2027, days, gapMs, (s, n, later) => {
      const now = new Date(s.getTime() + later * 3);
      const sla = computeSla({ workingDays: n, events: [{ at: s, kind: 'start' }], now, cal });
      expect(sla.late).toBe(now.getTime() > at(sla.dueDate!, '00:00').getTime() + 24 * 3600_000 - 1);
      if (!sla.late) expect(sla.workingDaysLate).toBe(0);
    }));
  });

  it('a stopped clock no longer changes', () => {
    fc.assert(fc.property(instantIn2025To2027, days, gapMs, gapMs, (s, n, a, b) => {
      const events: ClockEvent[] = [{ at: s, kind: 'start' }, { at: new Date(s.getTime() + a), kind: 'stop' }];
      const first = computeSla({ workingDays: n, events, now: new Date(s.getTime() + a), cal });
      const later = computeSla({ workingDays: n, events, now: new Date(s.getTime() + a + b), cal });
      expect(later).toEqual(first);
    }));
  });
});

describe('services promised in hours or minutes', () => {
  it.each([
    [{ value: 5, unit: 'working_days' as const }, 5],
    [{ value: 30, unit: 'minutes' as const }, 0],
    [{ value: 1, unit: 'hours' as const }, 0],
    [{ value: 7.5, unit: 'hours' as const }, 0],
    [{ value: 8, unit: 'hours' as const }, 1],
    [{ value: 16, unit: 'hours' as const }, 2],
  ])('%o → %i working days', (duration, n) => {
    expect(slaWorkingDays(duration)).toBe(n);
  });
});
