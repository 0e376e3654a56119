/**
 * Every query of the queue module. The limits that must hold under any concurrency (slot capacity,
 * daily quotas, bookings per phone, ticket numbers, one caller per ticket) are single conditional
 * statements here — `update … set n = n + 1 where n < limit returning` — so the database decides,
 * inside the caller's transaction, and a second request waits on the row lock and sees the result.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { servicePoints } from '../catalogue/schema.ts';
import { users } from '../identity/schema.ts';
import {
  queueBookings,
  queueCounterSessions,
  queueDailyQuotas,
  queueKiosks,
  queueNumbers,
  queuePhoneDays,
  queuePointSettings,
  queueServiceSettings,
  queueSlots,
  queueTicketEvents,
  queueTickets,
  queueVisits,
} from './schema.ts';

export type PointSettingsRow = typeof queuePointSettings.$inferSelect;
export type ServiceSettingsRow = typeof queueServiceSettings.$inferSelect;
export type DailyQuotaRow = typeof queueDailyQuotas.$inferSelect;
export type SlotRow = typeof queueSlots.$inferSelect;
export type BookingRow = typeof queueBookings.$inferSelect;
export type TicketRow = typeof queueTickets.$inferSelect;
export type TicketEventRow = typeof queueTicketEvents.$inferSelect;
export type VisitRow = typeof queueVisits.$inferSelect;
export type CounterSessionRow = typeof queueCounterSessions.$inferSelect;
export type KioskRow = typeof queueKiosks.$inferSelect;

// — the catalogue's points, by id —

export async function findPointById(tx: DbOrTx, r: string, id: string): Promise<typeof servicePoints.$inferSelect | null> {
  const [row] = await tx.select().from(servicePoints).where(and(eq(servicePoints.regencyCode, r), eq(servicePoints.id, id)));
  return row ?? null;
}

// — settings —

export async function findPointSettings(tx: DbOrTx, r: string, pointId: string): Promise<PointSettingsRow | null> {
  const [row] = await tx.select().from(queuePointSettings).where(and(eq(queuePointSettings.regencyCode, r), eq(queuePointSettings.pointId, pointId)));
  return row ?? null;
}

export async function upsertPointSettings(tx: DbOrTx, row: typeof queuePointSettings.$inferInsert): Promise<void> {
  const { regencyCode: _r, pointId: _p, ...set } = row;
  await tx.insert(queuePointSettings).values(row).onConflictDoUpdate({ target: [queuePointSettings.regencyCode, queuePointSettings.pointId], set });
}

export async function findServiceSettings(tx: DbOrTx, r: string, pointId: string, serviceId: string): Promise<ServiceSettingsRow | null> {
  const [row] = await tx
    .select()
    .from(queueServiceSettings)
    .where(and(eq(queueServiceSettings.regencyCode, r), eq(queueServiceSettings.pointId, pointId), eq(queueServiceSettings.serviceId, serviceId)));
  return row ?? null;
}

export async function listServiceSettings(tx: DbOrTx, r: string, pointId: string): Promise<ServiceSettingsRow[]> {
  return tx.select().from(queueServiceSettings).where(and(eq(queueServiceSettings.regencyCode, r), eq(queueServiceSettings.pointId, pointId)));
}

export async function upsertServiceSettings(tx: DbOrTx, row: typeof queueServiceSettings.$inferInsert): Promise<void> {
  const { regencyCode: _r, pointId: _p, serviceId: _s, ...set } = row;
  await tx
    .insert(queueServiceSettings)
    .values(row)
    .onConflictDoUpdate({ target: [queueServiceSettings.regencyCode, queueServiceSettings.pointId, queueServiceSettings.serviceId], set });
}

/** New quotas reach days already started, never below what is already used. */
export async function applyQuotasFrom(tx: DbOrTx, r: string, pointId: string, serviceId: string, fromDay: string, onlineQuota: number | null, walkInQuota: number | null): Promise<void> {
  await queryRows(
    tx,
    sql`update queue_daily_quotas set
          online_quota = case when ${onlineQuota}::int is null then null else greatest(${onlineQuota}::int, online_booked) end,
          walk_in_quota = case when ${walkInQuota}::int is null then null else greatest(${walkInQuota}::int, walk_in_issued - released) end
        where regency_code = ${r} and point_id = ${pointId} and service_id = ${serviceId} and day >= ${fromDay}::date`,
  );
}

// — daily quotas and slots —

export async function ensureDailyQuota(tx: DbOrTx, row: typeof queueDailyQuotas.$inferInsert): Promise<void> {
  await tx.insert(queueDailyQuotas).values(row).onConflictDoNothing();
}

export async function listDailyQuotas(tx: DbOrTx, r: string, pointId: string, day: string): Promise<DailyQuotaRow[]> {
  return tx.select().from(queueDailyQuotas).where(and(eq(queueDailyQuotas.regencyCode, r), eq(queueDailyQuotas.pointId, pointId), eq(queueDailyQuotas.day, day)));
}

/** One online place of the day's quota; false when the quota is used up. */
export async function takeOnlineQuota(tx: DbOrTx, r: string, pointId: string, serviceId: string, day: string): Promise<boolean> {
  const rows = await queryRows(
    tx,
    sql`update queue_daily_quotas set online_booked = online_booked + 1
        where regency_code = ${r} and point_id = ${pointId} and service_id = ${serviceId} and day = ${day}::date
          and (online_quota is null or online_booked < online_quota)
        returning online_booked`,
  );
  return rows.length === 1;
}

export async function returnOnlineQuota(tx: DbOrTx, r: string, pointId: string, serviceId: string, day: string): Promise<void> {
  await queryRows(
    tx,
    sql`update queue_daily_quotas set online_booked = online_booked - 1
        where regency_code = ${r} and point_id = ${pointId} and service_id = ${serviceId} and day = ${day}::date and online_booked > 0`,
  );
}

/** One walk-in place (the walk-in quota plus places released by no-shows); false when used up. */
export async function takeWalkInQuota(tx: DbOrTx, r: string, pointId: string, serviceId: string, day: string): Promise<boolean> {
  const rows = await queryRows(
    tx,
    sql`update queue_daily_quotas set walk_in_issued = walk_in_issued + 1
        where regency_code = ${r} and point_id = ${pointId} and service_id = ${serviceId} and day = ${day}::date
          and (walk_in_quota is null or walk_in_issued < walk_in_quota + released)
        returning walk_in_issued`,
  );
  return rows.length === 1;
}

export async function releasePlaces(tx: DbOrTx, r: string, pointId: string, serviceId: string, day: string, count: number): Promise<void> {
  await queryRows(
    tx,
    sql`update queue_daily_quotas set released = released + ${count}
        where regency_code = ${r} and point_id = ${pointId} and service_id = ${serviceId} and day = ${day}::date`,
  );
}

export async function ensureSlots(tx: DbOrTx, rows: (typeof queueSlots.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(queueSlots).values(rows).onConflictDoNothing();
}

export async function listSlots(tx: DbOrTx, r: string, pointId: string, serviceId: string, day: string): Promise<SlotRow[]> {
  return tx
    .select()
    .from(queueSlots)
    .where(and(eq(queueSlots.regencyCode, r), eq(queueSlots.pointId, pointId), eq(queueSlots.serviceId, serviceId), eq(queueSlots.day, day)))
    .orderBy(asc(queueSlots.startTime));
}

/**
 * One place in a slot: the capacity check and the increment are one statement. Concurrent callers
 * queue on the row lock; each re-reads `booked` after the one before commits, so exactly
 * `capacity` of them get a row back.
 */
export async function takeSlot(tx: DbOrTx, r: string, pointId: string, serviceId: string, day: string, startTime: string): Promise<boolean> {
  const rows = await queryRows(
    tx,
    sql`update queue_slots set booked = booked + 1
        where regency_code = ${r} and point_id = ${pointId} and service_id = ${serviceId} and day = ${day}::date and start_time = ${startTime}
          and booked < capacity
        returning booked`,
  );
  return rows.length === 1;
}

export async function returnSlot(tx: DbOrTx, r: string, pointId: string, serviceId: string, day: string, startTime: string): Promise<void> {
  await queryRows(
    tx,
    sql`update queue_slots set booked = booked - 1
        where regency_code = ${r} and point_id = ${pointId} and service_id = ${serviceId} and day = ${day}::date and start_time = ${startTime} and booked > 0`,
  );
}

/** One more active booking for a phone on a day, unless it already holds `limit`. */
export async function takePhoneDay(tx: DbOrTx, r: string, phone: string, day: string, limit: number): Promise<boolean> {
  const rows = await queryRows(
    tx,
    sql`insert into queue_phone_days as p (regency_code, phone, day, active) values (${r}, ${phone}, ${day}::date, 1)
        on conflict (regency_code, phone, day) do update set active = p.active + 1 where p.active < ${limit}
        returning active`,
  );
  return rows.length === 1;
}

export async function returnPhoneDay(tx: DbOrTx, r: string, phone: string, day: string): Promise<void> {
  await queryRows(tx, sql`update queue_phone_days set active = active - 1 where regency_code = ${r} and phone = ${phone} and day = ${day}::date and active > 0`);
}

// — bookings —

export async function insertBooking(tx: DbOrTx, row: typeof queueBookings.$inferInsert): Promise<BookingRow> {
  const [saved] = await tx.insert(queueBookings).values(row).returning();
  return saved!;
}

export async function findBookingByCode(tx: DbOrTx, r: string, code: string, forUpdate = false): Promise<BookingRow | null> {
  const query = tx.select().from(queueBookings).where(and(eq(queueBookings.regencyCode, r), eq(queueBookings.code, code)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findBookingById(tx: DbOrTx, r: string, id: string): Promise<BookingRow | null> {
  const [row] = await tx.select().from(queueBookings).where(and(eq(queueBookings.regencyCode, r), eq(queueBookings.id, id)));
  return row ?? null;
}

export async function listBookingsOfUser(tx: DbOrTx, r: string, userId: string, fromDay: string): Promise<BookingRow[]> {
  return tx
    .select()
    .from(queueBookings)
    .where(and(eq(queueBookings.regencyCode, r), eq(queueBookings.userId, userId), gte(queueBookings.day, fromDay)))
    .orderBy(asc(queueBookings.day), asc(queueBookings.startTime));
}

export async function updateBooking(tx: DbOrTx, r: string, id: string, patch: Partial<typeof queueBookings.$inferInsert>): Promise<void> {
  await tx.update(queueBookings).set(patch).where(and(eq(queueBookings.regencyCode, r), eq(queueBookings.id, id)));
}

export async function listNoShowDates(tx: DbOrTx, r: string, nik: string, since: Date): Promise<Date[]> {
  const rows = await tx
    .select({ at: queueBookings.noShowAt })
    .from(queueBookings)
    .where(and(eq(queueBookings.regencyCode, r), eq(queueBookings.nik, nik), eq(queueBookings.status, 'no_show'), gte(queueBookings.noShowAt, since)));
  return rows.flatMap((row) => (row.at ? [row.at] : []));
}

export async function listBookingPointIds(tx: DbOrTx, r: string): Promise<string[]> {
  const rows = await tx.selectDistinct({ pointId: queueBookings.pointId }).from(queueBookings).where(and(eq(queueBookings.regencyCode, r), eq(queueBookings.status, 'booked')));
  return rows.map((row) => row.pointId);
}

/** Bookings nobody checked in for, whose late window ended before `now`: locked for the sweep. */
export async function claimMissedBookings(tx: DbOrTx, r: string, now: Date, lateMinutesOf: (pointId: string) => number, limit = 500): Promise<BookingRow[]> {
  const candidates = await tx
    .select()
    .from(queueBookings)
    .where(and(eq(queueBookings.regencyCode, r), eq(queueBookings.status, 'booked'), sql`${queueBookings.day} <= (${now.toISOString()}::timestamptz at time zone 'Asia/Jakarta')::date`))
    .orderBy(asc(queueBookings.day), asc(queueBookings.startTime))
    .limit(limit)
    .for('update', { skipLocked: true });
  return candidates.filter((b) => {
    const start = new Date(`${b.day}T${b.startTime}:00+07:00`).getTime();
    return start + lateMinutesOf(b.pointId) * 60_000 < now.getTime();
  });
}

// — numbers and tickets —

/** The next number of a queue for the day, created at 1: one statement, so two kiosks never share a number. */
export async function nextNumber(tx: DbOrTx, r: string, queueId: string, day: string): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`insert into queue_numbers as n (regency_code, queue_id, day, last) values (${r}, ${queueId}, ${day}::date, 1)
        on conflict (regency_code, queue_id, day) do update set last = n.last + 1
        returning last`,
  );
  return Number(row!.last);
}

export async function insertTicket(tx: DbOrTx, row: typeof queueTickets.$inferInsert): Promise<TicketRow> {
  const [saved] = await tx.insert(queueTickets).values(row).returning();
  return saved!;
}

export async function findTicket(tx: DbOrTx, r: string, id: string, forUpdate = false): Promise<TicketRow | null> {
  const query = tx.select().from(queueTickets).where(and(eq(queueTickets.regencyCode, r), eq(queueTickets.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findTicketByToken(tx: DbOrTx, r: string, token: string): Promise<TicketRow | null> {
  const [row] = await tx.select().from(queueTickets).where(and(eq(queueTickets.regencyCode, r), eq(queueTickets.token, token)));
  return row ?? null;
}

/**
 * Moves a ticket only if it is still in the state the caller saw: two counters pressing "call" on
 * the same ticket, one gets it and the other a conflict.
 */
export async function updateTicketIf(tx: DbOrTx, r: string, id: string, expected: { state: string; held: boolean }, patch: Partial<typeof queueTickets.$inferInsert>): Promise<TicketRow | null> {
  const [row] = await tx
    .update(queueTickets)
    .set(patch)
    .where(and(eq(queueTickets.regencyCode, r), eq(queueTickets.id, id), eq(queueTickets.state, expected.state), eq(queueTickets.held, expected.held)))
    .returning();
  return row ?? null;
}

export async function updateTicket(tx: DbOrTx, r: string, id: string, patch: Partial<typeof queueTickets.$inferInsert>): Promise<void> {
  await tx.update(queueTickets).set(patch).where(and(eq(queueTickets.regencyCode, r), eq(queueTickets.id, id)));
}

/** Serialises the calls at one point, so two counters never pick the same ticket at the same moment. */
export async function lockPointQueue(tx: DbOrTx, r: string, pointId: string): Promise<void> {
  await queryRows(tx, sql`select pg_advisory_xact_lock(hashtext(${`queue:${r}:${pointId}`}))`);
}

export async function listTicketsOfDay(tx: DbOrTx, r: string, pointId: string, day: string, states?: string[]): Promise<TicketRow[]> {
  const conditions = [eq(queueTickets.regencyCode, r), eq(queueTickets.pointId, pointId), eq(queueTickets.day, day)];
  if (states) conditions.push(inArray(queueTickets.state, states));
  return tx.select().from(queueTickets).where(and(...conditions)).orderBy(asc(queueTickets.arrivedAt), asc(queueTickets.id));
}

export async function listActiveTicketsOfCounter(tx: DbOrTx, r: string, counterId: string): Promise<TicketRow[]> {
  return tx
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.regencyCode, r), eq(queueTickets.counterId, counterId), inArray(queueTickets.state, ['called', 'serving'])))
    .orderBy(asc(queueTickets.calledAt));
}

export async function listHeldTicketsOfCounter(tx: DbOrTx, r: string, counterId: string): Promise<TicketRow[]> {
  return tx
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.regencyCode, r), eq(queueTickets.counterId, counterId), eq(queueTickets.held, true)))
    .orderBy(asc(queueTickets.updatedAt));
}

/** Tickets of earlier days still open: the day is over, they walked out. */
export async function listStaleActiveTickets(tx: DbOrTx, r: string, beforeDay: string, limit = 500): Promise<TicketRow[]> {
  return tx
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.regencyCode, r), lt(queueTickets.day, beforeDay), inArray(queueTickets.state, ['waiting', 'called', 'serving'])))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function insertEvent(tx: DbOrTx, row: typeof queueTicketEvents.$inferInsert): Promise<void> {
  await tx.insert(queueTicketEvents).values(row);
}

export async function listEventsOfTicket(tx: DbOrTx, r: string, ticketId: string): Promise<TicketEventRow[]> {
  return tx
    .select()
    .from(queueTicketEvents)
    .where(and(eq(queueTicketEvents.regencyCode, r), eq(queueTicketEvents.ticketId, ticketId)))
    .orderBy(asc(queueTicketEvents.seq));
}

/** How the counter's last walk-in calls of the day were chosen (oldest first): the mix history. */
export async function listRecentPicks(tx: DbOrTx, r: string, counterId: string, day: string, limit: number): Promise<string[]> {
  const rows = await tx
    .select({ pick: queueTicketEvents.pick })
    .from(queueTicketEvents)
    .where(
      and(
        eq(queueTicketEvents.regencyCode, r),
        eq(queueTicketEvents.counterId, counterId),
        eq(queueTicketEvents.day, day),
        eq(queueTicketEvents.event, 'call'),
        inArray(queueTicketEvents.pick, ['priority', 'normal']),
      ),
    )
    .orderBy(desc(queueTicketEvents.seq))
    .limit(limit);
  return rows.map((row) => row.pick!).reverse();
}

export type CallRow = { at: Date; event: string; number: string; counterId: string; ticketId: string };

/** The day's latest calls and recalls at a point, newest first (the board's "last calls"). */
export async function listLastCalls(tx: DbOrTx, r: string, pointId: string, day: string, limit: number): Promise<CallRow[]> {
  const rows = await tx
    .select({ at: queueTicketEvents.at, event: queueTicketEvents.event, number: queueTickets.number, counterId: queueTicketEvents.counterId, ticketId: queueTicketEvents.ticketId })
    .from(queueTicketEvents)
    .innerJoin(queueTickets, and(eq(queueTickets.regencyCode, queueTicketEvents.regencyCode), eq(queueTickets.id, queueTicketEvents.ticketId)))
    .where(and(eq(queueTicketEvents.regencyCode, r), eq(queueTicketEvents.pointId, pointId), eq(queueTicketEvents.day, day), inArray(queueTicketEvents.event, ['call', 'recall'])))
    .orderBy(desc(queueTicketEvents.seq))
    .limit(limit);
  return rows.map((row) => ({ ...row, counterId: row.counterId! }));
}

// — visits (service time) —

export async function openVisit(tx: DbOrTx, row: typeof queueVisits.$inferInsert): Promise<void> {
  await tx.insert(queueVisits).values(row);
}

export async function closeVisit(tx: DbOrTx, r: string, ticketId: string, endedAt: Date, outcome: NonNullable<VisitRow['outcome']>, delivered: string[] = []): Promise<void> {
  await tx
    .update(queueVisits)
    .set({ endedAt, outcome, deliveredServiceIds: delivered })
    .where(and(eq(queueVisits.regencyCode, r), eq(queueVisits.ticketId, ticketId), isNull(queueVisits.endedAt)));
}

/** Observed service minutes per service at a point since `since` (finished sittings only). */
export async function observedServiceTimes(tx: DbOrTx, r: string, pointId: string, since: Date): Promise<{ serviceId: string; meanMinutes: number; samples: number }[]> {
  const rows = await queryRows<{ service_id: string; mean: number; n: number }>(
    tx,
    sql`select service_id, avg(extract(epoch from ended_at - started_at) / 60)::float8 as mean, count(*)::int as n
        from queue_visits
        where regency_code = ${r} and point_id = ${pointId} and ended_at is not null and outcome in ('done', 'redirected') and started_at >= ${since.toISOString()}::timestamptz
        group by service_id`,
  );
  return rows.map((row) => ({ serviceId: row.service_id, meanMinutes: Number(row.mean), samples: Number(row.n) }));
}

// — counter sessions —

export async function insertSession(tx: DbOrTx, row: typeof queueCounterSessions.$inferInsert): Promise<CounterSessionRow> {
  const [saved] = await tx.insert(queueCounterSessions).values(row).returning();
  return saved!;
}

export async function findOpenSessionOfOfficer(tx: DbOrTx, r: string, officerId: string): Promise<CounterSessionRow | null> {
  const [row] = await tx
    .select()
    .from(queueCounterSessions)
    .where(and(eq(queueCounterSessions.regencyCode, r), eq(queueCounterSessions.officerId, officerId), isNull(queueCounterSessions.closedAt)));
  return row ?? null;
}

export async function findOpenSessionOfCounter(tx: DbOrTx, r: string, counterId: string): Promise<CounterSessionRow | null> {
  const [row] = await tx
    .select()
    .from(queueCounterSessions)
    .where(and(eq(queueCounterSessions.regencyCode, r), eq(queueCounterSessions.counterId, counterId), isNull(queueCounterSessions.closedAt)));
  return row ?? null;
}

export async function updateSession(tx: DbOrTx, r: string, id: string, patch: Partial<typeof queueCounterSessions.$inferInsert>): Promise<void> {
  await tx.update(queueCounterSessions).set(patch).where(and(eq(queueCounterSessions.regencyCode, r), eq(queueCounterSessions.id, id)));
}

export async function listOpenSessions(tx: DbOrTx, r: string, pointId: string): Promise<(CounterSessionRow & { officerName: string })[]> {
  const rows = await tx
    .select({ session: queueCounterSessions, officerName: users.displayName })
    .from(queueCounterSessions)
    .innerJoin(users, and(eq(users.regencyCode, queueCounterSessions.regencyCode), eq(users.id, queueCounterSessions.officerId)))
    .where(and(eq(queueCounterSessions.regencyCode, r), eq(queueCounterSessions.pointId, pointId), isNull(queueCounterSessions.closedAt)));
  return rows.map((row) => ({ ...row.session, officerName: row.officerName }));
}

// — kiosks —

export async function insertKiosk(tx: DbOrTx, row: typeof queueKiosks.$inferInsert): Promise<KioskRow> {
  const [saved] = await tx.insert(queueKiosks).values(row).returning();
  return saved!;
}

export async function findKioskByTokenHash(tx: DbOrTx, r: string, tokenHash: string): Promise<KioskRow | null> {
  const [row] = await tx
    .select()
    .from(queueKiosks)
    .where(and(eq(queueKiosks.regencyCode, r), eq(queueKiosks.tokenHash, tokenHash), isNull(queueKiosks.revokedAt)));
  return row ?? null;
}

export async function listKiosks(tx: DbOrTx, r: string, pointId: string): Promise<KioskRow[]> {
  return tx.select().from(queueKiosks).where(and(eq(queueKiosks.regencyCode, r), eq(queueKiosks.pointId, pointId))).orderBy(asc(queueKiosks.createdAt));
}

export async function touchKiosk(tx: DbOrTx, r: string, id: string, now: Date): Promise<void> {
  await tx.update(queueKiosks).set({ lastSeenAt: now }).where(and(eq(queueKiosks.regencyCode, r), eq(queueKiosks.id, id)));
}

export async function revokeKiosk(tx: DbOrTx, r: string, pointId: string, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(queueKiosks)
    .set({ revokedAt: now })
    .where(and(eq(queueKiosks.regencyCode, r), eq(queueKiosks.pointId, pointId), eq(queueKiosks.id, id), isNull(queueKiosks.revokedAt)))
    .returning({ id: queueKiosks.id });
  return rows.length > 0;
}

// — live updates —

/** Tells every server process (LISTEN satupintu_queue) that a point's queue changed; sent on commit. */
export async function notifyQueue(tx: DbOrTx, payload: Record<string, unknown>): Promise<void> {
  await queryRows(tx, sql`select pg_notify('satupintu_queue', ${JSON.stringify(payload)})`);
}

// — KPIs —

export type KpiDimension = 'point' | 'service' | 'counter' | 'officer';

export type KpiRow = {
  day: string;
  key: string | null;
  arrived: number;
  called: number;
  served: number;
  no_show: number;
  avg_wait: number | null;
  max_wait: number | null;
  above_target: number;
  avg_service: number | null;
  max_service: number | null;
};

/**
 * KPIs by day and dimension: arrived, called, served, no-shows, waiting (first call − arrival; for an
 * appointment from its booked time if it came early) and service time (a ticket's sittings summed),
 * with how many waited longer than the target.
 *
 * By point or service every number belongs to the ticket. By counter or officer: "arrived" and the
 * waits are the tickets that counter/officer called first, "called" the tickets it called, "served"
 * and service times its own sittings that ended in done, no-shows the ones it marked.
 */
export async function kpis(tx: DbOrTx, r: string, pointId: string, fromDay: string, toDay: string, by: KpiDimension, targetMinutes: number): Promise<KpiRow[]> {
  if (by === 'counter' || by === 'officer') return kpisByDesk(tx, r, pointId, fromDay, toDay, by, targetMinutes);
  const key = by === 'point' ? sql.raw('t.point_id::text') : sql.raw('t.service_id::text');
  return queryRows<KpiRow>(
    tx,
    sql`with t as (
          select tk.*,
            extract(epoch from tk.first_called_at - greatest(tk.arrived_at, coalesce(tk.booked_at, tk.arrived_at))) / 60 as wait_min,
            (select sum(extract(epoch from v.ended_at - v.started_at)) / 60 from queue_visits v
              where v.regency_code = tk.regency_code and v.ticket_id = tk.id and v.ended_at is not null) as service_min
          from queue_tickets tk
          where tk.regency_code = ${r} and tk.point_id = ${pointId} and tk.day between ${fromDay}::date and ${toDay}::date
        )
        select t.day::text as day, ${key} as key,
          count(*)::int as arrived,
          count(t.first_called_at)::int as called,
          count(*) filter (where t.state = 'done')::int as served,
          count(*) filter (where t.state = 'no_show')::int as no_show,
          round(avg(greatest(t.wait_min, 0))::numeric, 1)::float8 as avg_wait,
          round(max(greatest(t.wait_min, 0))::numeric, 1)::float8 as max_wait,
          count(*) filter (where t.wait_min > ${targetMinutes})::int as above_target,
          round((avg(t.service_min) filter (where t.state = 'done'))::numeric, 1)::float8 as avg_service,
          round((max(t.service_min) filter (where t.state = 'done'))::numeric, 1)::float8 as max_service
        from t
        group by t.day, ${key}
        order by t.day, ${key}`,
  );
}

async function kpisByDesk(tx: DbOrTx, r: string, pointId: string, fromDay: string, toDay: string, by: 'counter' | 'officer', targetMinutes: number): Promise<KpiRow[]> {
  const col = sql.raw(by === 'counter' ? 'counter_id' : 'officer_id');
  const first = sql.raw(by === 'counter' ? 'first_counter_id' : 'first_officer_id');
  return queryRows<KpiRow>(
    tx,
    sql`with firsts as (
          select tk.day, tk.${first} as key, count(*) as arrived,
            avg(greatest(extract(epoch from tk.first_called_at - greatest(tk.arrived_at, coalesce(tk.booked_at, tk.arrived_at))) / 60, 0)) as avg_wait,
            max(greatest(extract(epoch from tk.first_called_at - greatest(tk.arrived_at, coalesce(tk.booked_at, tk.arrived_at))) / 60, 0)) as max_wait,
            count(*) filter (where extract(epoch from tk.first_called_at - greatest(tk.arrived_at, coalesce(tk.booked_at, tk.arrived_at))) / 60 > ${targetMinutes}) as above_target
          from queue_tickets tk
          where tk.regency_code = ${r} and tk.point_id = ${pointId} and tk.day between ${fromDay}::date and ${toDay}::date and tk.first_called_at is not null
          group by 1, 2
        ), events as (
          select e.day, e.${col} as key,
            count(distinct e.ticket_id) filter (where e.event = 'call') as called,
            count(*) filter (where e.event = 'no_show') as no_show
          from queue_ticket_events e
          where e.regency_code = ${r} and e.point_id = ${pointId} and e.day between ${fromDay}::date and ${toDay}::date and e.${col} is not null
          group by 1, 2
        ), sittings as (
          select v.day, v.${col} as key,
            count(*) filter (where v.outcome = 'done') as served,
            avg(extract(epoch from v.ended_at - v.started_at) / 60) filter (where v.outcome in ('done', 'redirected')) as avg_service,
            max(extract(epoch from v.ended_at - v.started_at) / 60) filter (where v.outcome in ('done', 'redirected')) as max_service
          from queue_visits v
          where v.regency_code = ${r} and v.point_id = ${pointId} and v.day between ${fromDay}::date and ${toDay}::date and v.ended_at is not null
          group by 1, 2
        ), keys as (select day, key from firsts union select day, key from events union select day, key from sittings)
        select k.day::text as day, k.key::text as key,
          coalesce(f.arrived, 0)::int as arrived,
          coalesce(e.called, 0)::int as called,
          coalesce(s.served, 0)::int as served,
          coalesce(e.no_show, 0)::int as no_show,
          round(f.avg_wait::numeric, 1)::float8 as avg_wait,
          round(f.max_wait::numeric, 1)::float8 as max_wait,
          coalesce(f.above_target, 0)::int as above_target,
          round(s.avg_service::numeric, 1)::float8 as avg_service,
          round(s.max_service::numeric, 1)::float8 as max_service
        from keys k
        left join firsts f on f.day = k.day and f.key = k.key
        left join events e on e.day = k.day and e.key = k.key
        left join sittings s on s.day = k.day and s.key = k.key
        order by k.day, k.key`,
  );
}

export async function namesOfUsers(tx: DbOrTx, r: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx.select({ id: users.id, name: users.displayName }).from(users).where(and(eq(users.regencyCode, r), inArray(users.id, ids)));
  return new Map(rows.map((row) => [row.id, row.name]));
}
