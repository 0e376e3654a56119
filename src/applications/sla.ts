/**
 * The SLA clock of an application: the jangka waktu penyelesaian its service standard promises
 * (UU 25/2009 Pasal 21 huruf c; PermenPAN-RB 15/2014), counted in working days on the regency's
 * closure calendar (weekends, national holidays, cuti bersama and special closures excluded).
 *
 * - The clock starts when the documents are complete (at submission: a file cannot be submitted
 *   without every required document).
 * - It pauses while the citizen is fixing documents (perlu perbaikan) and resumes at resubmission;
 *   the working days it stood still push the promised date back by as many working days.
 * - It stops when the product is ready (selesai) or the application ends otherwise.
 * - Day counting follows calendar/working-days.ts: the start day never counts, day 1 is the first
 *   working day after it. A pause is counted as the working days in (pause day, resume day].
 *
 * Pure: the caller passes the events, the calendar and the clock.
 */
import { type ClosureCalendar } from '../catalogue/calendar/calendar.ts';
import { endOfWibDay, type LocalDate, wibDateOf } from '../catalogue/calendar/local-date.ts';
import { addWorkingDays, workingDaysBetween } from '../catalogue/calendar/working-days.ts';

export type ClockEventKind = 'start' | 'pause' | 'resume' | 'stop';
export type ClockEvent = { at: Date; kind: ClockEventKind };

export type SlaState = 'not_started' | 'running' | 'paused' | 'stopped';

export type Sla = {
  state: SlaState;
  /** Working days the standard promises. */
  workingDays: number;
  startedAt: Date | null;
  stoppedAt: Date | null;
  /** Working days the clock stood still while the citizen fixed documents (an open pause counts up to now). */
  pausedWorkingDays: number;
  /** Working days the clock has run. */
  elapsedWorkingDays: number;
  /** The promised date; while paused, the date it would be if the citizen resubmitted today. */
  dueDate: LocalDate | null;
  /** Working days from today to the promised date (0 on the day itself); null when not running. */
  remainingWorkingDays: number | null;
  /** Past the promised date and not finished — or finished after it. */
  late: boolean;
  workingDaysLate: number;
};

/** Average working hours in a day of a five-day week of 37.5 hours (Perpres 21/2023). */
export const WORKING_HOURS_PER_DAY = 7.5;

/**
 * The standard's jangka waktu as working days for the clock. Services promised in hours or minutes
 * are same-day services: 0 (the start day, or the next working day); longer than a working day,
 * one more day per started 7.5 hours.
 */
export function slaWorkingDays(duration: { value: number; unit: 'working_days' | 'hours' | 'minutes' }): number {
  if (duration.unit === 'working_days') return duration.value;
  const hours = duration.unit === 'hours' ? duration.value : duration.value / 60;
  return Math.max(0, Math.ceil(hours / WORKING_HOURS_PER_DAY) - 1);
}

/**
 * Replays the events in time order. Events that make no sense in the state they meet (a pause while
 * paused, a second start, anything after the stop) are ignored, so a replay is always well defined.
 */
export function computeSla(input: { workingDays: number; events: readonly ClockEvent[]; now: Date; cal: ClosureCalendar }): Sla {
  const { workingDays, now, cal } = input;
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${workingDays}`);
  const events = [...input.events].sort((a, b) => a.at.getTime() - b.at.getTime());

  let state: SlaState = 'not_started';
  let startedAt: Date | null = null;
  let stoppedAt: Date | null = null;
  let pausedAt: Date | null = null;
  let paused = 0;
  for (const event of events) {
    if (event.at.getTime() > now.getTime()) break;
    if (state === 'not_started' && event.kind === 'start') {
      state = 'running';
      startedAt = event.at;
    } else if (state === 'running' && event.kind === 'pause') {
      state = 'paused';
      pausedAt = event.at;
    } else if (state === 'paused' && event.kind === 'resume') {
      paused += Math.max(0, workingDaysBetween(pausedAt!, event.at, cal));
      pausedAt = null;
      state = 'running';
    } else if ((state === 'running' || state === 'paused') && event.kind === 'stop') {
      if (state === 'paused') paused += Math.max(0, workingDaysBetween(pausedAt!, event.at, cal));
      pausedAt = null;
      stoppedAt = event.at;
      state = 'stopped';
    }
  }

  if (!startedAt) {
    return { state, workingDays, startedAt: null, stoppedAt: null, pausedWorkingDays: 0, elapsedWorkingDays: 0, dueDate: null, remainingWorkingDays: null, late: false, workingDaysLate: 0 };
  }
  if (pausedAt) paused += Math.max(0, workingDaysBetween(pausedAt, now, cal));
  const end = stoppedAt ?? now;
  const dueDate = addWorkingDays(startedAt, workingDays + paused, cal);
  const elapsed = Math.max(0, workingDaysBetween(startedAt, end, cal) - paused);
  const daysLate = wibDateOf(end) > dueDate ? workingDaysBetween(endOfWibDay(dueDate), end, cal) : 0;
  return {
    state,
    workingDays,
    startedAt,
    stoppedAt,
    pausedWorkingDays: paused,
    elapsedWorkingDays: elapsed,
    dueDate,
    remainingWorkingDays: state === 'running' ? Math.max(0, workingDaysBetween(now, endOfWibDay(dueDate), cal)) : null,
    // A due date that falls on a closed day is impossible (addWorkingDays lands on working days), so
    // "after the due day" is the whole rule; the count of late days may still be 0 over a weekend.
    late: wibDateOf(end) > dueDate,
    workingDaysLate: Math.max(0, daysLate),
  };
}
