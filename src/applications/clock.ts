/** The SLA clock of a stored application: its events turned into clock events, on the regency's calendar. */
import { loadCalendar } from '../catalogue/calendar-service.ts';
import { wibDateOf } from '../catalogue/calendar/local-date.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import type { ApplicationRow, EventRow } from './repository.ts';
import * as repo from './repository.ts';
import { type ClockEvent, computeSla, type Sla, slaWorkingDays } from './sla.ts';

const STOPS = new Set(['selesai', 'ditolak', 'dibatalkan']);

/** Submitting starts the clock, sending back pauses it, resubmitting resumes it, the product ready (or an end) stops it. */
export function clockEventsOf(events: readonly Pick<EventRow, 'at' | 'action' | 'fromStatus' | 'toStatus'>[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  for (const e of events) {
    if (e.action === 'submit') out.push({ at: e.at, kind: 'start' });
    else if (e.action === 'return') out.push({ at: e.at, kind: 'pause' });
    else if (e.action === 'resubmit') out.push({ at: e.at, kind: 'resume' });
    if (e.fromStatus !== e.toStatus && STOPS.has(e.toStatus)) out.push({ at: e.at, kind: 'stop' });
  }
  return out;
}

/** The clock now. Pass the transaction when inside one: PGlite has a single connection. */
export async function slaOf(tx: DbOrTx, regencyCode: string, app: ApplicationRow, events: EventRow[], now: Date): Promise<Sla> {
  const duration = await repo.findDuration(tx, regencyCode, app.serviceId, app.standardVersion);
  const workingDays = duration ? slaWorkingDays(duration) : 0;
  const clock = clockEventsOf(events);
  const startYear = Number(wibDateOf(clock[0]?.at ?? now).slice(0, 4));
  const endYear = Number(wibDateOf(now).slice(0, 4)) + 1 + Math.ceil(workingDays / 200);
  const years: number[] = [];
  for (let y = Math.min(startYear, endYear); y <= endYear; y++) years.push(y);
  const cal = await loadCalendar({ db: tx as Db, regencyCode }, years);
  return computeSla({ workingDays, events: clock, now, cal });
}
