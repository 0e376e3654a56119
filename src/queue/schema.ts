import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { counters, pointServices, servicePoints, services } from '../catalogue/schema.ts';
import { users } from '../identity/schema.ts';
import type { PriorityGroup } from './queue-order.ts';

/*
 * Queue and appointments (PRODUCT.md §2). Tenant tables: regency_code leads every primary key and
 * foreign key. Counts that must never be exceeded (slot capacity, daily quotas, tickets per phone)
 * live in rows that are incremented by a conditional UPDATE inside the booking's transaction, and
 * check constraints repeat each limit so that no code path can overbook.
 */

export const TICKET_STATE_SQL = `'waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'walked_out'`;
export const BOOKING_STATUSES = ['booked', 'checked_in', 'cancelled', 'no_show', 'rescheduled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const COUNTER_WORDS = ['loket', 'gerai', 'meja', 'ruang'] as const;

const at = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => at('created_at').notNull().defaultNow();

/** Per point: the ordering policy (priority groups are data), check-in windows, messages, display. */
export const queuePointSettings = pgTable(
  'queue_point_settings',
  {
    regencyCode: text('regency_code').notNull(),
    pointId: uuid('point_id').notNull(),
    priorityGroups: jsonb('priority_groups').$type<PriorityGroup[]>().notNull(),
    mixPriority: integer('mix_priority').notNull().default(1),
    mixNormal: integer('mix_normal').notNull().default(2),
    maxWaitMinutes: integer('max_wait_minutes').notNull().default(60),
    targetWaitMinutes: integer('target_wait_minutes').notNull().default(30),
    checkInEarlyMinutes: integer('check_in_early_minutes').notNull().default(30),
    checkInLateMinutes: integer('check_in_late_minutes').notNull().default(10),
    nearAhead: integer('near_ahead').notNull().default(3),
    nearMinutes: integer('near_minutes').notNull().default(10),
    phoneDailyLimit: integer('phone_daily_limit').notNull().default(2),
    defaultServiceMinutes: integer('default_service_minutes').notNull().default(10),
    counterWord: text('counter_word').$type<(typeof COUNTER_WORDS)[number]>().notNull().default('loket'),
    runningTextId: text('running_text_id').notNull().default(''),
    runningTextEn: text('running_text_en').notNull().default(''),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ name: 'queue_point_settings_pk', columns: [t.regencyCode, t.pointId] }),
    foreignKey({ name: 'queue_point_settings_point_fk', columns: [t.regencyCode, t.pointId], foreignColumns: [servicePoints.regencyCode, servicePoints.id] }).onDelete('cascade'),
    check('queue_point_settings_mix_check', sql`${t.mixPriority} >= 0 and ${t.mixNormal} >= 0 and ${t.mixPriority} + ${t.mixNormal} > 0`),
    check('queue_point_settings_minutes_check', sql`${t.maxWaitMinutes} between 5 and 480 and ${t.targetWaitMinutes} between 1 and 480 and ${t.checkInEarlyMinutes} between 0 and 240 and ${t.checkInLateMinutes} between 0 and 120`),
    check('queue_point_settings_limits_check', sql`${t.nearAhead} >= 0 and ${t.nearMinutes} >= 0 and ${t.phoneDailyLimit} >= 1 and ${t.defaultServiceMinutes} between 1 and 480`),
    check('queue_point_settings_counter_word_check', sql`${t.counterWord} in ('loket', 'gerai', 'meja', 'ruang')`),
  ],
);

/** Per point and service: booking slots, capacity, quotas (online and walk-in kept apart) and when the quota opens. */
export const queueServiceSettings = pgTable(
  'queue_service_settings',
  {
    regencyCode: text('regency_code').notNull(),
    pointId: uuid('point_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    bookingEnabled: boolean('booking_enabled').notNull().default(true),
    slotMinutes: integer('slot_minutes').notNull().default(30),
    /** The occupancy limit: citizens per slot. */
    slotCapacity: integer('slot_capacity').notNull().default(5),
    /** Online bookings per day; null: the slots' capacities are the only limit. */
    onlineDailyQuota: integer('online_daily_quota'),
    /** Walk-in tickets per day; null: unlimited. */
    walkInDailyQuota: integer('walk_in_daily_quota'),
    /** Bookings for day D open `opens_days_before` days earlier at `opens_at` WIB. */
    opensDaysBefore: integer('opens_days_before').notNull().default(7),
    opensAt: text('opens_at').notNull().default('07:00'),
    /** Minutes reserved before closing: no slot starts so late that it cannot be served. */
    closingMarginMinutes: integer('closing_margin_minutes').notNull().default(30),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ name: 'queue_service_settings_pk', columns: [t.regencyCode, t.pointId, t.serviceId] }),
    foreignKey({
      name: 'queue_service_settings_point_service_fk',
      columns: [t.regencyCode, t.pointId, t.serviceId],
      foreignColumns: [pointServices.regencyCode, pointServices.pointId, pointServices.serviceId],
    }).onDelete('cascade'),
    check('queue_service_settings_slot_check', sql`${t.slotMinutes} between 5 and 240 and ${t.slotCapacity} between 1 and 1000`),
    check('queue_service_settings_quota_check', sql`(${t.onlineDailyQuota} is null or ${t.onlineDailyQuota} >= 0) and (${t.walkInDailyQuota} is null or ${t.walkInDailyQuota} >= 0)`),
    check('queue_service_settings_opening_check', sql`${t.opensDaysBefore} between 0 and 90 and ${t.opensAt} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ${t.closingMarginMinutes} between 0 and 240`),
  ],
);

/** A day's quotas and their use; `released` counts no-show places handed to the walk-in quota. */
export const queueDailyQuotas = pgTable(
  'queue_daily_quotas',
  {
    regencyCode: text('regency_code').notNull(),
    pointId: uuid('point_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    onlineQuota: integer('online_quota'),
    onlineBooked: integer('online_booked').notNull().default(0),
    walkInQuota: integer('walk_in_quota'),
    walkInIssued: integer('walk_in_issued').notNull().default(0),
    released: integer('released').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'queue_daily_quotas_pk', columns: [t.regencyCode, t.pointId, t.serviceId, t.day] }),
    foreignKey({
      name: 'queue_daily_quotas_point_service_fk',
      columns: [t.regencyCode, t.pointId, t.serviceId],
      foreignColumns: [pointServices.regencyCode, pointServices.pointId, pointServices.serviceId],
    }).onDelete('cascade'),
    check('queue_daily_quotas_online_check', sql`${t.onlineBooked} >= 0 and (${t.onlineQuota} is null or ${t.onlineBooked} <= ${t.onlineQuota})`),
    check('queue_daily_quotas_walk_in_check', sql`${t.walkInIssued} >= 0 and ${t.released} >= 0 and (${t.walkInQuota} is null or ${t.walkInIssued} <= ${t.walkInQuota} + ${t.released})`),
  ],
);

/** A bookable slot; `booked` never exceeds `capacity` (check constraint and conditional UPDATE). */
export const queueSlots = pgTable(
  'queue_slots',
  {
    regencyCode: text('regency_code').notNull(),
    pointId: uuid('point_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'queue_slots_pk', columns: [t.regencyCode, t.pointId, t.serviceId, t.day, t.startTime] }),
    foreignKey({
      name: 'queue_slots_point_service_fk',
      columns: [t.regencyCode, t.pointId, t.serviceId],
      foreignColumns: [pointServices.regencyCode, pointServices.pointId, pointServices.serviceId],
    }).onDelete('cascade'),
    check('queue_slots_capacity_check', sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
    check('queue_slots_time_check', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and ${t.endTime} > ${t.startTime}`),
  ],
);

/** Active bookings per phone number per day: the calo limit, counted in a row like a slot. */
export const queuePhoneDays = pgTable(
  'queue_phone_days',
  {
    regencyCode: text('regency_code').notNull(),
    phone: text('phone').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    active: integer('active').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'queue_phone_days_pk', columns: [t.regencyCode, t.phone, t.day] }), check('queue_phone_days_active_check', sql`${t.active} >= 0`)],
);

export const queueBookings = pgTable(
  'queue_bookings',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    pointId: uuid('point_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    nik: text('nik').notNull(),
    phone: text('phone').notNull(),
    userId: uuid('user_id'),
    locale: text('locale').notNull().default('id'),
    status: text('status').$type<BookingStatus>().notNull().default('booked'),
    ticketId: uuid('ticket_id'),
    /** The booking that replaced this one (status rescheduled). */
    rescheduledTo: uuid('rescheduled_to'),
    createdAt: createdAt(),
    checkedInAt: at('checked_in_at'),
    cancelledAt: at('cancelled_at'),
    noShowAt: at('no_show_at'),
  },
  (t) => [
    primaryKey({ name: 'queue_bookings_pk', columns: [t.regencyCode, t.id] }),
    uniqueIndex('queue_bookings_code_uq').on(t.regencyCode, t.code),
    // One active booking per person per service per day.
    uniqueIndex('queue_bookings_active_nik_uq').on(t.regencyCode, t.nik, t.serviceId, t.day).where(sql`status in ('booked', 'checked_in')`),
    index('queue_bookings_user_idx').on(t.regencyCode, t.userId),
    index('queue_bookings_nik_status_idx').on(t.regencyCode, t.nik, t.status),
    index('queue_bookings_due_idx').on(t.regencyCode, t.status, t.day),
    foreignKey({
      name: 'queue_bookings_slot_fk',
      columns: [t.regencyCode, t.pointId, t.serviceId, t.day, t.startTime],
      foreignColumns: [queueSlots.regencyCode, queueSlots.pointId, queueSlots.serviceId, queueSlots.day, queueSlots.startTime],
    }),
    foreignKey({ name: 'queue_bookings_user_fk', columns: [t.regencyCode, t.userId], foreignColumns: [users.regencyCode, users.id] }),
    check('queue_bookings_status_check', sql`${t.status} in ('booked', 'checked_in', 'cancelled', 'no_show', 'rescheduled')`),
    check('queue_bookings_nik_check', sql`${t.nik} ~ '^[0-9]{16}$'`),
    check('queue_bookings_code_check', sql`${t.code} ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$'`),
  ],
);

/** The day's last number per queue (a queue is a counter's prefix at a point): A001, A002 … */
export const queueNumbers = pgTable(
  'queue_numbers',
  {
    regencyCode: text('regency_code').notNull(),
    queueId: uuid('queue_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [
    primaryKey({ name: 'queue_numbers_pk', columns: [t.regencyCode, t.queueId, t.day] }),
    foreignKey({ name: 'queue_numbers_queue_fk', columns: [t.regencyCode, t.queueId], foreignColumns: [counters.regencyCode, counters.id] }).onDelete('cascade'),
    check('queue_numbers_last_check', sql`${t.last} >= 1`),
  ],
);

export const queueTickets = pgTable(
  'queue_tickets',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pointId: uuid('point_id').notNull(),
    /** The queue (counter prefix) the number belongs to. */
    queueId: uuid('queue_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    kind: text('kind').$type<'walk_in' | 'appointment'>().notNull(),
    source: text('source').$type<'kiosk' | 'counter' | 'check_in'>().notNull(),
    bookingId: uuid('booking_id'),
    priorityGroup: text('priority_group'),
    state: text('state').notNull().default('waiting'),
    /** Parked: waiting, held for `counter_id` until it resumes. */
    held: boolean('held').notNull().default(false),
    /** Transferred to one counter in particular. */
    targetCounterId: uuid('target_counter_id'),
    /** The counter that called it last (and is serving it). */
    counterId: uuid('counter_id'),
    officerId: uuid('officer_id'),
    firstCounterId: uuid('first_counter_id'),
    firstOfficerId: uuid('first_officer_id'),
    arrivedAt: at('arrived_at').notNull(),
    bookedAt: at('booked_at'),
    firstCalledAt: at('first_called_at'),
    calledAt: at('called_at'),
    servingAt: at('serving_at'),
    finishedAt: at('finished_at'),
    callCount: integer('call_count').notNull().default(0),
    /** The unguessable key of the live ticket page (printed as a QR). */
    token: text('token').notNull(),
    /** For the "your turn is near" message; from the booking or given at the kiosk. */
    phone: text('phone'),
    locale: text('locale').notNull().default('id'),
    nearNotifiedAt: at('near_notified_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'queue_tickets_pk', columns: [t.regencyCode, t.id] }),
    uniqueIndex('queue_tickets_number_uq').on(t.regencyCode, t.queueId, t.day, t.seq),
    uniqueIndex('queue_tickets_token_uq').on(t.regencyCode, t.token),
    index('queue_tickets_point_day_state_idx').on(t.regencyCode, t.pointId, t.day, t.state),
    index('queue_tickets_counter_state_idx').on(t.regencyCode, t.counterId, t.state),
    foreignKey({ name: 'queue_tickets_point_service_fk', columns: [t.regencyCode, t.pointId, t.serviceId], foreignColumns: [pointServices.regencyCode, pointServices.pointId, pointServices.serviceId] }),
    foreignKey({ name: 'queue_tickets_queue_fk', columns: [t.regencyCode, t.queueId], foreignColumns: [counters.regencyCode, counters.id] }),
    foreignKey({ name: 'queue_tickets_counter_fk', columns: [t.regencyCode, t.counterId], foreignColumns: [counters.regencyCode, counters.id] }),
    foreignKey({ name: 'queue_tickets_target_counter_fk', columns: [t.regencyCode, t.targetCounterId], foreignColumns: [counters.regencyCode, counters.id] }),
    foreignKey({ name: 'queue_tickets_booking_fk', columns: [t.regencyCode, t.bookingId], foreignColumns: [queueBookings.regencyCode, queueBookings.id] }),
    check('queue_tickets_state_check', sql.raw(`state in (${TICKET_STATE_SQL})`)),
    check('queue_tickets_kind_check', sql`${t.kind} in ('walk_in', 'appointment') and (${t.kind} = 'walk_in' or ${t.bookedAt} is not null)`),
    check('queue_tickets_source_check', sql`${t.source} in ('kiosk', 'counter', 'check_in')`),
    check('queue_tickets_held_check', sql`not ${t.held} or (${t.state} = 'waiting' and ${t.counterId} is not null)`),
    check('queue_tickets_seq_check', sql`${t.seq} >= 1`),
  ],
);

/** Every transition of every ticket: what, when, which counter, which officer, why. */
export const queueTicketEvents = pgTable(
  'queue_ticket_events',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Insertion order: events at the same instant keep the order they happened in. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    ticketId: uuid('ticket_id').notNull(),
    pointId: uuid('point_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    at: at('at').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    counterId: uuid('counter_id'),
    officerId: uuid('officer_id'),
    /** For calls: how the ticket was chosen (priority, normal, overdue, appointment, specific). */
    pick: text('pick'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ name: 'queue_ticket_events_pk', columns: [t.regencyCode, t.id] }),
    foreignKey({ name: 'queue_ticket_events_ticket_fk', columns: [t.regencyCode, t.ticketId], foreignColumns: [queueTickets.regencyCode, queueTickets.id] }),
    index('queue_ticket_events_ticket_idx').on(t.regencyCode, t.ticketId, t.at),
    index('queue_ticket_events_point_day_idx').on(t.regencyCode, t.pointId, t.day, t.at),
    index('queue_ticket_events_counter_idx').on(t.regencyCode, t.counterId, t.day, t.at),
    check('queue_ticket_events_to_state_check', sql.raw(`to_state in (${TICKET_STATE_SQL})`)),
  ],
);

/** One sitting of a ticket at a counter (serving → done, parked, transferred, redirected). */
export const queueVisits = pgTable(
  'queue_visits',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    ticketId: uuid('ticket_id').notNull(),
    pointId: uuid('point_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    serviceId: uuid('service_id').notNull(),
    counterId: uuid('counter_id').notNull(),
    officerId: uuid('officer_id').notNull(),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at'),
    outcome: text('outcome').$type<'done' | 'redirected' | 'parked' | 'transferred' | 'walked_out'>(),
    /** The services actually delivered in this sitting. */
    deliveredServiceIds: uuid('delivered_service_ids').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    primaryKey({ name: 'queue_visits_pk', columns: [t.regencyCode, t.id] }),
    foreignKey({ name: 'queue_visits_ticket_fk', columns: [t.regencyCode, t.ticketId], foreignColumns: [queueTickets.regencyCode, queueTickets.id] }),
    foreignKey({ name: 'queue_visits_counter_fk', columns: [t.regencyCode, t.counterId], foreignColumns: [counters.regencyCode, counters.id] }),
    foreignKey({ name: 'queue_visits_service_fk', columns: [t.regencyCode, t.serviceId], foreignColumns: [services.regencyCode, services.id] }),
    index('queue_visits_point_day_idx').on(t.regencyCode, t.pointId, t.day),
    index('queue_visits_service_idx').on(t.regencyCode, t.pointId, t.serviceId, t.endedAt),
    uniqueIndex('queue_visits_open_uq').on(t.regencyCode, t.ticketId).where(sql`ended_at is null`),
    check('queue_visits_outcome_check', sql`${t.outcome} is null or ${t.outcome} in ('done', 'redirected', 'parked', 'transferred', 'walked_out')`),
    check('queue_visits_time_check', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
  ],
);

/** An officer signed in to a counter. One officer per counter, one counter per officer, at a time. */
export const queueCounterSessions = pgTable(
  'queue_counter_sessions',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pointId: uuid('point_id').notNull(),
    counterId: uuid('counter_id').notNull(),
    officerId: uuid('officer_id').notNull(),
    status: text('status').$type<'open' | 'paused' | 'closed'>().notNull().default('open'),
    openedAt: at('opened_at').notNull(),
    pausedAt: at('paused_at'),
    closedAt: at('closed_at'),
  },
  (t) => [
    primaryKey({ name: 'queue_counter_sessions_pk', columns: [t.regencyCode, t.id] }),
    foreignKey({ name: 'queue_counter_sessions_counter_fk', columns: [t.regencyCode, t.counterId], foreignColumns: [counters.regencyCode, counters.id] }),
    foreignKey({ name: 'queue_counter_sessions_officer_fk', columns: [t.regencyCode, t.officerId], foreignColumns: [users.regencyCode, users.id] }),
    uniqueIndex('queue_counter_sessions_counter_uq').on(t.regencyCode, t.counterId).where(sql`closed_at is null`),
    uniqueIndex('queue_counter_sessions_officer_uq').on(t.regencyCode, t.officerId).where(sql`closed_at is null`),
    index('queue_counter_sessions_point_idx').on(t.regencyCode, t.pointId, t.status),
    check('queue_counter_sessions_status_check', sql`${t.status} in ('open', 'paused', 'closed') and ((${t.status} = 'closed') = (${t.closedAt} is not null))`),
  ],
);

/** A kiosk device paired by the admin: it may issue tickets and check bookings in at its point, nothing else. */
export const queueKiosks = pgTable(
  'queue_kiosks',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pointId: uuid('point_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    lastSeenAt: at('last_seen_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    primaryKey({ name: 'queue_kiosks_pk', columns: [t.regencyCode, t.id] }),
    uniqueIndex('queue_kiosks_token_uq').on(t.regencyCode, t.tokenHash),
    foreignKey({ name: 'queue_kiosks_point_fk', columns: [t.regencyCode, t.pointId], foreignColumns: [servicePoints.regencyCode, servicePoints.id] }).onDelete('cascade'),
  ],
);
