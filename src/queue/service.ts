/**
 * Queue use cases: walk-in tickets (kiosk or counter), the counter console (sign in, call next, call
 * a specific ticket, recall, start, no-show, park and resume, transfer, redirect, finish, pause and
 * close), the hall display board and the citizen's live ticket. Each write is one transaction that
 * checks the transition (ticket-state.ts), records the event with time and officer, appends the
 * audit row, and NOTIFYs the other server processes so their display boards update.
 * Bookings and check-in: booking-service.ts. KPIs: kpi-service.ts. Settings: settings-service.ts.
 */
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { recordAudit } from '../audit/service.ts';
import { wibDateOf } from '../catalogue/calendar/local-date.ts';
import type { DbOrTx, Tx } from '../db/client.ts';
import { validMobile } from '../identity/service.ts';
import { sha256 } from '../identity/secrets.ts';
import { enqueueMessage } from '../notifications/service.ts';
import type { Actor, UserActor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError, type LocalText } from '../shared/errors.ts';
import { announce } from './announcement.ts';
import {
  type Counter,
  countersOfPoint,
  findPoint,
  findPointService,
  handles,
  isOwnPoint,
  loadPointSettings,
  noCounterFor,
  NOT_FOUND,
  pointsOfActor,
  type Point,
  type PointService,
  type PointSettings,
  queueForService,
  requireQueue,
  serviceSettingsOf,
  servicesOfPoint,
} from './points.ts';
import { type CallClass, orderQueue, pickNext, type WaitingTicket } from './queue-order.ts';
import * as repo from './repository.ts';
import { formatTicketNumber } from './slots.ts';
import { nextState, type TicketEvent, type TicketState } from './ticket-state.ts';
import { estimateWait, type ServiceTimeStats, turnIsNear, type WaitEstimate } from './wait-estimate.ts';

const MINUTE = 60_000;
/** Observed service times look back this far. */
const OBSERVE_DAYS = 14;

// — who is issuing: a person, or a paired kiosk —

export type Issuer = { kind: 'actor'; actor: Actor } | { kind: 'kiosk'; kiosk: repo.KioskRow };

export async function resolveKiosk(ctx: AppContext, token: string): Promise<repo.KioskRow> {
  const kiosk = token.length >= 20 ? await repo.findKioskByTokenHash(ctx.db, ctx.regencyCode, sha256(token)) : null;
  if (!kiosk) throw new AppError('unauthenticated', { id: 'Kios belum dipasangkan atau sudah dicabut. Minta admin memasangkan ulang.', en: 'This kiosk is not paired or was revoked. Ask the admin to pair it again.' });
  const now = ctx.now();
  if (!kiosk.lastSeenAt || now.getTime() - kiosk.lastSeenAt.getTime() > 60_000) await repo.touchKiosk(ctx.db, ctx.regencyCode, kiosk.id, now);
  return kiosk;
}

function requireIssuer(issuer: Issuer, point: Point, action: 'queue.ticket.issue' | 'queue.check_in'): Actor {
  if (issuer.kind === 'kiosk') {
    if (issuer.kiosk.pointId !== point.id) throw new AppError('forbidden', { id: 'Kios ini milik titik layanan lain.', en: 'This kiosk belongs to another service point.' });
    return { kind: 'anonymous' };
  }
  requireQueue(issuer.actor, action, point);
  return issuer.actor;
}

export function auditDetailsOf(issuer: Issuer): Record<string, unknown> {
  return issuer.kind === 'kiosk' ? { kiosk: issuer.kiosk.id } : {};
}

// — views —

export type TicketView = {
  id: string;
  number: string;
  service: { code: string; name: LocalText };
  queue: string;
  kind: 'walk_in' | 'appointment';
  priorityGroup: string | null;
  state: TicketState;
  held: boolean;
  counter: string | null;
  arrivedAt: string;
  bookedAt: string | null;
  calledAt: string | null;
  servingAt: string | null;
  callCount: number;
};

type Names = { services: Map<string, PointService>; counters: Map<string, Counter> };

function ticketView(t: repo.TicketRow, names: Names): TicketView {
  const service = names.services.get(t.serviceId);
  return {
    id: t.id,
    number: t.number,
    service: { code: service?.code ?? '?', name: service?.name ?? { id: '?', en: '?' } },
    queue: names.counters.get(t.queueId)?.code ?? '?',
    kind: t.kind,
    priorityGroup: t.priorityGroup,
    state: t.state as TicketState,
    held: t.held,
    counter: t.counterId ? (names.counters.get(t.counterId)?.code ?? null) : null,
    arrivedAt: t.arrivedAt.toISOString(),
    bookedAt: t.bookedAt?.toISOString() ?? null,
    calledAt: t.calledAt?.toISOString() ?? null,
    servingAt: t.servingAt?.toISOString() ?? null,
    callCount: t.callCount,
  };
}

/** The ordering rule breaks ties on the id: the day's sequence first, so equal arrival times keep issue order. */
function waitingOf(t: repo.TicketRow): WaitingTicket {
  return { id: `${String(t.seq).padStart(6, '0')}:${t.id}`, kind: t.kind, arrivedAt: t.arrivedAt.getTime(), bookedAt: t.bookedAt?.getTime() ?? null, priorityGroup: t.priorityGroup };
}

const idOf = (w: WaitingTicket) => w.id.slice(7);

// — the state of a point's queues at an instant —

type PointState = {
  point: Point;
  settings: PointSettings;
  counters: Counter[];
  services: PointService[];
  names: Names;
  tickets: repo.TicketRow[];
  sessions: Awaited<ReturnType<typeof repo.listOpenSessions>>;
  observed: Map<string, ServiceTimeStats>;
  /** Waiting (not parked) tickets of each queue, in call order. */
  lines: Map<string, repo.TicketRow[]>;
  now: Date;
  day: string;
};

async function loadPointState(ctx: AppContext, tx: DbOrTx, point: Point): Promise<PointState> {
  const now = ctx.now();
  const day = wibDateOf(now);
  const [settings, counters, services, tickets, sessions, observedRows] = await Promise.all([
    loadPointSettings(ctx, tx, point),
    countersOfPoint(ctx, tx, point),
    servicesOfPoint(ctx, tx, point),
    repo.listTicketsOfDay(tx, ctx.regencyCode, point.id, day, ['waiting', 'called', 'serving']),
    repo.listOpenSessions(tx, ctx.regencyCode, point.id),
    repo.observedServiceTimes(tx, ctx.regencyCode, point.id, new Date(now.getTime() - OBSERVE_DAYS * 24 * 60 * MINUTE)),
  ]);
  const names: Names = { services: new Map(services.map((s) => [s.id, s])), counters: new Map(counters.map((c) => [c.id, c])) };
  const byQueue = new Map<string, repo.TicketRow[]>();
  for (const t of tickets) {
    if (t.state !== 'waiting' || t.held) continue;
    const list = byQueue.get(t.queueId) ?? [];
    list.push(t);
    byQueue.set(t.queueId, list);
  }
  const lines = new Map<string, repo.TicketRow[]>();
  const window = settings.policy.mix.priority + settings.policy.mix.normal;
  for (const [queueId, list] of byQueue) {
    const history = (await repo.listRecentPicks(tx, ctx.regencyCode, queueId, day, window)) as CallClass[];
    const byId = new Map(list.map((t) => [t.id, t]));
    lines.set(queueId, orderQueue(list.map(waitingOf), history, now.getTime(), settings.policy).map((p) => byId.get(idOf(p.ticket))!));
  }
  const observed = new Map(observedRows.map((o) => [o.serviceId, { meanMinutes: o.meanMinutes, samples: o.samples }]));
  return { point, settings, counters, services, names, tickets, sessions, observed, lines, now, day };
}

function positionOf(state: PointState, ticket: repo.TicketRow): number | null {
  const line = state.lines.get(ticket.queueId);
  const index = line?.findIndex((t) => t.id === ticket.id) ?? -1;
  return index >= 0 ? index : null;
}

function estimateOf(state: PointState, ticket: repo.TicketRow, position: number): WaitEstimate {
  const line = state.lines.get(ticket.queueId) ?? [];
  const open = state.sessions.filter((s) => s.status === 'open' && handles(state.names.counters.get(s.counterId) ?? emptyCounter, ticket.serviceId));
  const openIds = new Set(open.map((s) => s.counterId));
  const inService = state.tickets
    .filter((t) => t.state === 'serving' && t.counterId && openIds.has(t.counterId))
    .map((t) => ({ serviceId: t.serviceId, elapsedMinutes: (state.now.getTime() - (t.servingAt ?? state.now).getTime()) / MINUTE }));
  return estimateWait({
    ahead: line.slice(0, position).map((t) => ({ serviceId: t.serviceId })),
    observed: state.observed,
    defaultMinutes: state.settings.defaultServiceMinutes,
    openCounters: open.length,
    inService,
  });
}

const emptyCounter: Counter = { id: '', code: '', name: { id: '', en: '' }, active: false, allServices: false, serviceIds: new Set() };

// — issuing walk-in tickets —

export type IssueInput = { service: string; priorityGroup?: string | null; phone?: string | null; locale?: 'id' | 'en' };

export type PrintableTicket = {
  ticket: TicketView;
  point: { code: string; name: LocalText };
  ahead: number;
  estimate: WaitEstimate;
  liveUrl: string;
  qrSvg: string;
  issuedAt: string;
};

export async function issueTicket(ctx: AppContext, issuer: Issuer, pointCode: string, input: IssueInput, meta: RequestMeta, origin: string): Promise<PrintableTicket> {
  const point = await findPoint(ctx, ctx.db, pointCode);
  const actor = requireIssuer(issuer, point, 'queue.ticket.issue');
  const service = await findPointService(ctx, ctx.db, point, input.service);
  const settings = await loadPointSettings(ctx, ctx.db, point);
  const group = input.priorityGroup ?? null;
  if (group && !settings.policy.groups.some((g) => g.code === group)) {
    throw new AppError('validation_failed', undefined, [{ field: 'priorityGroup', message: { id: `Kelompok prioritas "${group}" tidak dikenal di sini.`, en: `Unknown priority group "${group}" here.` } }]);
  }
  const phone = input.phone ? validMobile(input.phone) : null;
  const ticket = await ctx.db.transaction(async (tx) => {
    const serviceSettings = serviceSettingsOf(await repo.findServiceSettings(tx, ctx.regencyCode, point.id, service.id));
    const day = wibDateOf(ctx.now());
    await repo.ensureDailyQuota(tx, { regencyCode: ctx.regencyCode, pointId: point.id, serviceId: service.id, day, onlineQuota: serviceSettings.onlineDailyQuota, walkInQuota: serviceSettings.walkInDailyQuota });
    if (!(await repo.takeWalkInQuota(tx, ctx.regencyCode, point.id, service.id, day))) {
      throw new AppError(
        'conflict',
        { id: `Kuota antrian langsung untuk "${service.name.id}" hari ini sudah habis. Silakan booking daring untuk hari lain.`, en: `Today's walk-in quota for "${service.name.en}" is used up. Please book online for another day.` },
        undefined,
        { reason: 'walk_in_quota_full' },
      );
    }
    return createTicket(ctx, tx, point, service, {
      kind: 'walk_in',
      source: issuer.kind === 'kiosk' ? 'kiosk' : 'counter',
      priorityGroup: group,
      phone,
      locale: input.locale ?? meta.lang,
      bookingId: null,
      bookedAt: null,
      actor,
      meta,
      auditDetails: auditDetailsOf(issuer),
    });
  });
  return issuedTicketView(ctx, point, ticket, origin);
}

export type NewTicket = {
  kind: 'walk_in' | 'appointment';
  source: 'kiosk' | 'counter' | 'check_in';
  priorityGroup: string | null;
  phone: string | null;
  locale: 'id' | 'en';
  bookingId: string | null;
  bookedAt: Date | null;
  actor: Actor;
  meta: RequestMeta;
  auditDetails?: Record<string, unknown>;
};

/** Numbers a new ticket in its service's queue (A001 …, a fresh sequence each WIB day) and records it. */
export async function createTicket(ctx: AppContext, tx: Tx, point: Point, service: PointService, input: NewTicket): Promise<repo.TicketRow> {
  const counters = await countersOfPoint(ctx, tx, point);
  const queue = queueForService(counters, service.id);
  if (!queue) throw noCounterFor(service);
  const now = ctx.now();
  const day = wibDateOf(now);
  const seq = await repo.nextNumber(tx, ctx.regencyCode, queue.id, day);
  const ticket = await repo.insertTicket(tx, {
    regencyCode: ctx.regencyCode,
    pointId: point.id,
    queueId: queue.id,
    serviceId: service.id,
    day,
    seq,
    number: formatTicketNumber(queue.code, seq),
    kind: input.kind,
    source: input.source,
    bookingId: input.bookingId,
    priorityGroup: input.kind === 'walk_in' ? input.priorityGroup : null,
    state: 'waiting',
    arrivedAt: now,
    bookedAt: input.bookedAt,
    token: randomBytes(18).toString('base64url'),
    phone: input.phone,
    locale: input.locale,
    createdAt: now,
    updatedAt: now,
  });
  await repo.insertEvent(tx, { regencyCode: ctx.regencyCode, ticketId: ticket.id, pointId: point.id, day, at: now, event: 'issue', fromState: null, toState: 'waiting', details: { source: input.source, kind: input.kind } });
  await recordAudit(
    tx,
    ctx.regencyCode,
    input.actor,
    input.meta,
    { action: 'queue.ticket.issue', entityType: 'queue_ticket', entityId: ticket.id, details: { number: ticket.number, service: service.code, kind: input.kind, source: input.source, priorityGroup: ticket.priorityGroup, ...input.auditDetails } },
    now,
  );
  await repo.notifyQueue(tx, { r: ctx.regencyCode, p: point.id, t: 'ticket' });
  return ticket;
}

export function liveTicketUrl(origin: string, token: string): string {
  return `${origin}/antrian/tiket/${token}`;
}

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/** What the kiosk prints and shows: number, service, people ahead, estimate, and the QR of the live ticket page. */
export async function issuedTicketView(ctx: AppContext, point: Point, ticket: repo.TicketRow, origin: string): Promise<PrintableTicket> {
  const state = await loadPointState(ctx, ctx.db, point);
  const position = positionOf(state, ticket) ?? 0;
  const url = liveTicketUrl(origin, ticket.token);
  return {
    ticket: ticketView(ticket, state.names),
    point: { code: point.code, name: { id: point.nameId, en: point.nameEn } },
    ahead: position,
    estimate: estimateOf(state, ticket, position),
    liveUrl: url,
    qrSvg: await qrSvg(url),
    issuedAt: ticket.arrivedAt.toISOString(),
  };
}

// — transitions —

type By = { actor: Actor; meta: RequestMeta; counterId: string | null; officerId: string | null };
type Extra = { patch?: Partial<typeof import('./schema.ts').queueTickets.$inferInsert>; pick?: string; reason?: string | null; details?: Record<string, unknown> };

function illegal(ticket: repo.TicketRow, event: TicketEvent, why: 'illegal' | 'held' | 'not_held'): AppError {
  const msg: Record<typeof why, LocalText> = {
    illegal: { id: `Tiket ${ticket.number} berstatus "${ticket.state}"; tindakan "${event}" tidak berlaku.`, en: `Ticket ${ticket.number} is "${ticket.state}"; "${event}" does not apply.` },
    held: { id: `Tiket ${ticket.number} sedang ditunda oleh loket lain; hanya loket itu yang dapat melanjutkannya.`, en: `Ticket ${ticket.number} is parked by a counter; only that counter can resume it.` },
    not_held: { id: `Tiket ${ticket.number} tidak sedang ditunda.`, en: `Ticket ${ticket.number} is not parked.` },
  };
  return new AppError('conflict', msg[why], undefined, { reason: 'illegal_transition', state: ticket.state, event });
}

/**
 * Applies one event to a ticket: checks it is legal from the state the ticket is in, updates the
 * row only if nobody moved it meanwhile, records the event (time, counter, officer, reason), the
 * audit row, and tells the display boards.
 */
async function applyEvent(ctx: AppContext, tx: Tx, ticket: repo.TicketRow, event: TicketEvent, by: By, extra: Extra = {}): Promise<repo.TicketRow> {
  const result = nextState({ state: ticket.state as never, held: ticket.held }, event);
  if (!result.ok) throw illegal(ticket, event, result.reason);
  const now = ctx.now();
  const updated = await repo.updateTicketIf(tx, ctx.regencyCode, ticket.id, { state: ticket.state, held: ticket.held }, { ...extra.patch, state: result.state, held: result.held, updatedAt: now });
  if (!updated) throw new AppError('conflict', { id: `Tiket ${ticket.number} baru saja diubah oleh loket lain. Muat ulang.`, en: `Ticket ${ticket.number} was just changed at another counter. Reload.` }, undefined, { reason: 'ticket_changed' });
  await repo.insertEvent(tx, {
    regencyCode: ctx.regencyCode,
    ticketId: ticket.id,
    pointId: ticket.pointId,
    day: ticket.day,
    at: now,
    event,
    fromState: ticket.state,
    toState: result.state,
    counterId: by.counterId,
    officerId: by.officerId,
    pick: extra.pick ?? null,
    reason: extra.reason ?? null,
    details: extra.details ?? null,
  });
  await recordAudit(
    tx,
    ctx.regencyCode,
    by.actor,
    by.meta,
    { action: `queue.ticket.${event}`, entityType: 'queue_ticket', entityId: ticket.id, details: { number: ticket.number, from: ticket.state, to: result.state, counterId: by.counterId, reason: extra.reason ?? undefined, ...extra.details } },
    now,
  );
  await repo.notifyQueue(tx, { r: ctx.regencyCode, p: ticket.pointId, t: event, n: ticket.number, c: by.counterId });
  return updated;
}

// — the counter console —

export type ConsoleContext = { officer: UserActor; session: repo.CounterSessionRow; point: Point; counter: Counter };

async function consoleOf(ctx: AppContext, tx: DbOrTx, actor: Actor, options: { requireOpen?: boolean } = {}): Promise<ConsoleContext> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const session = await repo.findOpenSessionOfOfficer(tx, ctx.regencyCode, actor.userId);
  if (!session) throw new AppError('conflict', { id: 'Anda belum masuk ke loket. Pilih loket terlebih dahulu.', en: 'You are not signed in to a counter. Choose a counter first.' }, undefined, { reason: 'no_counter_session' });
  const point = await findPointById(ctx, tx, session.pointId);
  requireQueue(actor, 'queue.console', point);
  const counter = (await countersOfPoint(ctx, tx, point)).find((c) => c.id === session.counterId)!;
  if (options.requireOpen && session.status !== 'open') {
    throw new AppError('conflict', { id: `Loket ${counter.code} sedang dijeda. Lanjutkan loket untuk memanggil.`, en: `Counter ${counter.code} is paused. Resume it to call.` }, undefined, { reason: 'counter_paused' });
  }
  return { officer: actor, session, point, counter };
}

async function findPointById(ctx: AppContext, tx: DbOrTx, pointId: string): Promise<Point> {
  const point = await repo.findPointById(tx, ctx.regencyCode, pointId);
  if (!point) throw NOT_FOUND.point(pointId);
  return point;
}

export async function signInToCounter(ctx: AppContext, actor: Actor, pointCode: string, counterCode: string, meta: RequestMeta) {
  const point = await findPoint(ctx, ctx.db, pointCode);
  requireQueue(actor, 'queue.console', point);
  const officer = actor as UserActor;
  const counter = (await countersOfPoint(ctx, ctx.db, point)).find((c) => c.code === counterCode);
  if (!counter || !counter.active) throw NOT_FOUND.counter(counterCode);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const mine = await repo.findOpenSessionOfOfficer(tx, ctx.regencyCode, officer.userId);
    if (mine && mine.counterId === counter.id) return;
    if (mine) await closeSession(ctx, tx, officer, mine, meta);
    const taken = await repo.findOpenSessionOfCounter(tx, ctx.regencyCode, counter.id);
    if (taken) {
      const names = await repo.namesOfUsers(tx, ctx.regencyCode, [taken.officerId]);
      const who = names.get(taken.officerId) ?? '?';
      throw new AppError('conflict', { id: `Loket ${counter.code} sedang dipakai oleh ${who}.`, en: `Counter ${counter.code} is in use by ${who}.` }, undefined, { reason: 'counter_taken' });
    }
    const session = await repo.insertSession(tx, { regencyCode: ctx.regencyCode, pointId: point.id, counterId: counter.id, officerId: officer.userId, status: 'open', openedAt: now });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'queue.counter.open', entityType: 'queue_counter_session', entityId: session.id, details: { counter: counter.code, point: point.code } }, now);
    await repo.notifyQueue(tx, { r: ctx.regencyCode, p: point.id, t: 'counter' });
  });
  return getConsole(ctx, actor);
}

/** Closing a counter: called tickets go back to the line, parked ones are released; a ticket being served must be finished first. */
async function closeSession(ctx: AppContext, tx: Tx, officer: UserActor, session: repo.CounterSessionRow, meta: RequestMeta): Promise<void> {
  const by: By = { actor: officer, meta, counterId: session.counterId, officerId: officer.userId };
  for (const t of await repo.listActiveTicketsOfCounter(tx, ctx.regencyCode, session.counterId)) {
    if (t.state === 'serving') {
      throw new AppError('conflict', { id: `Selesaikan atau tunda tiket ${t.number} sebelum menutup loket.`, en: `Finish or park ticket ${t.number} before closing the counter.` }, undefined, { reason: 'ticket_in_service' });
    }
    await applyEvent(ctx, tx, t, 'return', by, { patch: { counterId: null }, reason: 'counter closed' });
  }
  for (const t of await repo.listHeldTicketsOfCounter(tx, ctx.regencyCode, session.counterId)) {
    await applyEvent(ctx, tx, t, 'transfer', by, { patch: { counterId: null, targetCounterId: null }, reason: 'counter closed' });
  }
  const now = ctx.now();
  await repo.updateSession(tx, ctx.regencyCode, session.id, { status: 'closed', closedAt: now });
  await recordAudit(tx, ctx.regencyCode, officer, meta, { action: 'queue.counter.close', entityType: 'queue_counter_session', entityId: session.id }, now);
  await repo.notifyQueue(tx, { r: ctx.regencyCode, p: session.pointId, t: 'counter' });
}

export async function signOutOfCounter(ctx: AppContext, actor: Actor, meta: RequestMeta): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const c = await consoleOf(ctx, tx, actor);
    await closeSession(ctx, tx, c.officer, c.session, meta);
  });
}

export async function setCounterPaused(ctx: AppContext, actor: Actor, paused: boolean, meta: RequestMeta) {
  await ctx.db.transaction(async (tx) => {
    const c = await consoleOf(ctx, tx, actor);
    const now = ctx.now();
    await repo.updateSession(tx, ctx.regencyCode, c.session.id, { status: paused ? 'paused' : 'open', pausedAt: paused ? now : null });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: paused ? 'queue.counter.pause' : 'queue.counter.resume', entityType: 'queue_counter_session', entityId: c.session.id }, now);
    await repo.notifyQueue(tx, { r: ctx.regencyCode, p: c.point.id, t: 'counter' });
  });
  return getConsole(ctx, actor);
}

function eligible(t: repo.TicketRow, counter: Counter): boolean {
  if (t.state !== 'waiting' || t.held) return false;
  if (t.targetCounterId) return t.targetCounterId === counter.id;
  return t.queueId === counter.id || handles(counter, t.serviceId);
}

export type CallResult = { ticket: TicketView | null; announcement: { id: string; en: string } | null; pick: string | null };

/** Call next: the ordering rule (queue-order.ts) over the tickets this counter may serve. */
export async function callNext(ctx: AppContext, actor: Actor, meta: RequestMeta): Promise<CallResult> {
  const result = await ctx.db.transaction(async (tx) => {
    const c = await consoleOf(ctx, tx, actor, { requireOpen: true });
    await repo.lockPointQueue(tx, ctx.regencyCode, c.point.id);
    await requireCounterFree(ctx, tx, c);
    const now = ctx.now();
    const day = wibDateOf(now);
    const settings = await loadPointSettings(ctx, tx, c.point);
    const candidates = (await repo.listTicketsOfDay(tx, ctx.regencyCode, c.point.id, day, ['waiting'])).filter((t) => eligible(t, c.counter));
    const window = settings.policy.mix.priority + settings.policy.mix.normal;
    const history = (await repo.listRecentPicks(tx, ctx.regencyCode, c.counter.id, day, window)) as CallClass[];
    const pick = pickNext(candidates.map(waitingOf), history, now.getTime(), settings.policy);
    if (!pick) return null;
    const ticket = candidates.find((t) => t.id === idOf(pick.ticket))!;
    const called = await applyEvent(ctx, tx, ticket, 'call', by(c, meta), { patch: callPatch(ticket, c, now), pick: pick.reason });
    await sendNearTurnMessages(ctx, tx, c.point);
    return { called, pick: pick.reason, c, settings };
  });
  if (!result) return { ticket: null, announcement: null, pick: null };
  ctx.wake('outbox-deliver');
  return { ticket: await viewOf(ctx, result.c.point, result.called), announcement: announcementOf(result.called.number, result.c.counter.code, result.settings, false), pick: result.pick };
}

async function requireCounterFree(ctx: AppContext, tx: DbOrTx, c: ConsoleContext): Promise<void> {
  const active = await repo.listActiveTicketsOfCounter(tx, ctx.regencyCode, c.counter.id);
  if (active.length) {
    const t = active[0]!;
    throw new AppError(
      'conflict',
      { id: `Tiket ${t.number} masih ${t.state === 'called' ? 'dipanggil' : 'dilayani'} di loket ini. Selesaikan, tandai tidak hadir, atau tunda dulu.`, en: `Ticket ${t.number} is still ${t.state} at this counter. Finish it, mark it a no-show, or park it first.` },
      undefined,
      { reason: 'counter_busy', ticket: t.number },
    );
  }
}

function by(c: ConsoleContext, meta: RequestMeta): By {
  return { actor: c.officer, meta, counterId: c.counter.id, officerId: c.officer.userId };
}

function callPatch(ticket: repo.TicketRow, c: ConsoleContext, now: Date) {
  return {
    counterId: c.counter.id,
    officerId: c.officer.userId,
    calledAt: now,
    firstCalledAt: ticket.firstCalledAt ?? now,
    firstCounterId: ticket.firstCounterId ?? c.counter.id,
    firstOfficerId: ticket.firstOfficerId ?? c.officer.userId,
    callCount: ticket.callCount + 1,
    targetCounterId: null,
  };
}

function announcementOf(number: string, counterCode: string, settings: PointSettings, recall: boolean) {
  return {
    id: announce({ ticketNumber: number, counterCode, counterWord: settings.counterWord, lang: 'id', recall }).speech,
    en: announce({ ticketNumber: number, counterCode, counterWord: settings.counterWord, lang: 'en', recall }).speech,
  };
}

async function viewOf(ctx: AppContext, point: Point, ticket: repo.TicketRow): Promise<TicketView> {
  const [counters, services] = await Promise.all([countersOfPoint(ctx, ctx.db, point), servicesOfPoint(ctx, ctx.db, point)]);
  return ticketView(ticket, { counters: new Map(counters.map((c) => [c.id, c])), services: new Map(services.map((s) => [s.id, s])) });
}

async function ticketAtPoint(ctx: AppContext, tx: DbOrTx, c: ConsoleContext, ticketId: string): Promise<repo.TicketRow> {
  const ticket = await repo.findTicket(tx, ctx.regencyCode, ticketId, true);
  if (!ticket || ticket.pointId !== c.point.id) throw NOT_FOUND.ticket();
  return ticket;
}

function requireMine(ticket: repo.TicketRow, c: ConsoleContext): void {
  if (ticket.counterId !== c.counter.id) {
    throw new AppError('conflict', { id: `Tiket ${ticket.number} tidak sedang di loket ${c.counter.code}.`, en: `Ticket ${ticket.number} is not at counter ${c.counter.code}.` }, undefined, { reason: 'not_at_this_counter' });
  }
}

export type TicketAction =
  | { action: 'call'; reason: string }
  | { action: 'recall' }
  | { action: 'start' }
  | { action: 'no_show'; confirm: boolean }
  | { action: 'park'; reason?: string | null }
  | { action: 'resume' }
  | { action: 'return' }
  | { action: 'walk_out' }
  | { action: 'reinstate' }
  | { action: 'finish'; services: string[] }
  | { action: 'redirect'; services: string[]; to: string }
  | { action: 'transfer'; queue?: string | null; counter?: string | null; service?: string | null; reason?: string | null };

/** Every console action on one ticket, each a legal transition or a clear refusal. */
export async function actOnTicket(ctx: AppContext, actor: Actor, ticketId: string, input: TicketAction, meta: RequestMeta): Promise<CallResult> {
  const out = await ctx.db.transaction(async (tx) => {
    const c = await consoleOf(ctx, tx, actor, { requireOpen: input.action === 'call' || input.action === 'resume' });
    if (input.action === 'call' || input.action === 'resume') await repo.lockPointQueue(tx, ctx.regencyCode, c.point.id);
    const ticket = await ticketAtPoint(ctx, tx, c, ticketId);
    const now = ctx.now();
    const b = by(c, meta);
    const settings = await loadPointSettings(ctx, tx, c.point);
    let updated: repo.TicketRow;
    let recall = false;
    switch (input.action) {
      case 'call': {
        // Out of order, on purpose: allowed, with the reason logged.
        await requireCounterFree(ctx, tx, c);
        updated = await applyEvent(ctx, tx, ticket, 'call', b, { patch: callPatch(ticket, c, now), pick: 'specific', reason: input.reason });
        await sendNearTurnMessages(ctx, tx, c.point);
        break;
      }
      case 'recall':
        requireMine(ticket, c);
        updated = await applyEvent(ctx, tx, ticket, 'recall', b, { patch: { calledAt: now, callCount: ticket.callCount + 1 } });
        recall = true;
        break;
      case 'start':
        requireMine(ticket, c);
        updated = await applyEvent(ctx, tx, ticket, 'start', b, { patch: { servingAt: now } });
        await repo.openVisit(tx, { regencyCode: ctx.regencyCode, ticketId: ticket.id, pointId: ticket.pointId, day: ticket.day, serviceId: ticket.serviceId, counterId: c.counter.id, officerId: c.officer.userId, startedAt: now });
        break;
      case 'no_show':
        requireMine(ticket, c);
        if (!input.confirm) throw new AppError('validation_failed', undefined, [{ field: 'confirm', message: { id: 'Konfirmasi bahwa warga tidak hadir.', en: 'Confirm that the citizen did not come.' } }]);
        updated = await applyEvent(ctx, tx, ticket, 'no_show', b, { patch: { finishedAt: now }, details: { calls: ticket.callCount } });
        break;
      case 'park':
        requireMine(ticket, c);
        if (ticket.state === 'serving') await repo.closeVisit(tx, ctx.regencyCode, ticket.id, now, 'parked');
        updated = await applyEvent(ctx, tx, ticket, 'park', b, { reason: input.reason ?? null });
        break;
      case 'resume':
        requireMine(ticket, c);
        await requireCounterFree(ctx, tx, c);
        updated = await applyEvent(ctx, tx, ticket, 'resume', b, { patch: { servingAt: now } });
        await repo.openVisit(tx, { regencyCode: ctx.regencyCode, ticketId: ticket.id, pointId: ticket.pointId, day: ticket.day, serviceId: ticket.serviceId, counterId: c.counter.id, officerId: c.officer.userId, startedAt: now });
        break;
      case 'return':
        requireMine(ticket, c);
        updated = await applyEvent(ctx, tx, ticket, 'return', b, { patch: { counterId: null } });
        break;
      case 'walk_out':
        if (ticket.state !== 'waiting') requireMine(ticket, c);
        if (ticket.state === 'serving') await repo.closeVisit(tx, ctx.regencyCode, ticket.id, now, 'walked_out');
        updated = await applyEvent(ctx, tx, ticket, 'walk_out', b, { patch: { finishedAt: now } });
        break;
      case 'reinstate':
        updated = await applyEvent(ctx, tx, ticket, 'reinstate', b, { patch: { counterId: null, finishedAt: null } });
        break;
      case 'finish': {
        requireMine(ticket, c);
        const delivered = await deliveredIds(ctx, tx, c.point, input.services, ticket);
        if (ticket.state === 'serving') await repo.closeVisit(tx, ctx.regencyCode, ticket.id, now, 'done', delivered);
        updated = await applyEvent(ctx, tx, ticket, 'finish', b, { patch: { finishedAt: now }, details: { delivered } });
        break;
      }
      case 'redirect': {
        requireMine(ticket, c);
        const delivered = await deliveredIds(ctx, tx, c.point, input.services, ticket);
        const target = await findPointService(ctx, tx, c.point, input.to);
        const queue = queueForService(await countersOfPoint(ctx, tx, c.point), target.id);
        if (!queue) throw noCounterFor(target);
        if (ticket.state === 'serving') await repo.closeVisit(tx, ctx.regencyCode, ticket.id, now, 'redirected', delivered);
        updated = await applyEvent(ctx, tx, ticket, 'redirect', b, {
          patch: { serviceId: target.id, queueId: queue.id, counterId: null, targetCounterId: null },
          details: { delivered, to: target.code, queue: queue.code },
        });
        break;
      }
      case 'transfer': {
        if (ticket.state !== 'waiting' || ticket.held) requireMine(ticket, c);
        const patch = await transferPatch(ctx, tx, c, ticket, input);
        if (ticket.state === 'serving') await repo.closeVisit(tx, ctx.regencyCode, ticket.id, now, 'transferred');
        updated = await applyEvent(ctx, tx, ticket, 'transfer', b, { patch: patch.patch, reason: input.reason ?? null, details: patch.details });
        break;
      }
    }
    return { updated, c, settings, recall, call: input.action === 'call' || input.action === 'recall' };
  });
  if (out.call) ctx.wake('outbox-deliver');
  return {
    ticket: await viewOf(ctx, out.c.point, out.updated),
    announcement: out.call ? announcementOf(out.updated.number, out.c.counter.code, out.settings, out.recall) : null,
    pick: input.action === 'call' ? 'specific' : null,
  };
}

async function deliveredIds(ctx: AppContext, tx: DbOrTx, point: Point, codes: string[], ticket: repo.TicketRow): Promise<string[]> {
  if (!codes.length) return [ticket.serviceId];
  const services = await servicesOfPoint(ctx, tx, point);
  return [...new Set(codes)].map((code) => {
    const s = services.find((x) => x.code === code);
    if (!s) throw new AppError('validation_failed', undefined, [{ field: 'services', message: { id: `Layanan "${code}" tidak ada di titik layanan ini.`, en: `Service "${code}" is not offered here.` } }]);
    return s.id;
  });
}

async function transferPatch(ctx: AppContext, tx: DbOrTx, c: ConsoleContext, ticket: repo.TicketRow, input: Extract<TicketAction, { action: 'transfer' }>) {
  if (!input.queue && !input.counter && !input.service) {
    throw new AppError('validation_failed', undefined, [{ field: 'queue', message: { id: 'Pilih antrian, loket, atau layanan tujuan.', en: 'Choose the target queue, counter or service.' } }]);
  }
  const counters = await countersOfPoint(ctx, tx, c.point);
  const byCode = (code: string) => {
    const found = counters.find((x) => x.code === code && x.active);
    if (!found) throw NOT_FOUND.counter(code);
    return found;
  };
  let serviceId = ticket.serviceId;
  if (input.service) serviceId = (await findPointService(ctx, tx, c.point, input.service)).id;
  let queue = input.queue ? byCode(input.queue) : input.service ? queueForService(counters, serviceId) : null;
  const target = input.counter ? byCode(input.counter) : null;
  if (target) queue = target;
  if (!queue) queue = counters.find((x) => x.id === ticket.queueId)!;
  const servingCounter = target ?? queue;
  if (!handles(servingCounter, serviceId)) {
    throw new AppError('validation_failed', undefined, [
      { field: input.counter ? 'counter' : 'queue', message: { id: `Loket ${servingCounter.code} tidak melayani layanan tiket ini; pilih juga layanannya.`, en: `Counter ${servingCounter.code} does not handle this ticket's service; choose the service too.` } },
    ]);
  }
  return {
    patch: { queueId: queue.id, targetCounterId: target?.id ?? null, serviceId, counterId: null },
    details: { queue: queue.code, counter: target?.code ?? null, serviceChanged: serviceId !== ticket.serviceId },
  };
}

/** The officer's console: their counter, the ticket at it, the line they serve, parked tickets. */
export async function getConsole(ctx: AppContext, actor: Actor) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const session = await repo.findOpenSessionOfOfficer(ctx.db, ctx.regencyCode, actor.userId);
  const points = await pointsOfActor(ctx, actor);
  if (!session) return { session: null, counter: null, point: null, current: null, waiting: [], parked: [], counters: [], services: [], priorityGroups: [], eligiblePoints: points };
  const point = await findPointById(ctx, ctx.db, session.pointId);
  requireQueue(actor, 'queue.console', point);
  const state = await loadPointState(ctx, ctx.db, point);
  const counter = state.counters.find((c) => c.id === session.counterId)!;
  const current = state.tickets.filter((t) => t.counterId === counter.id && (t.state === 'called' || t.state === 'serving'));
  const parked = await repo.listHeldTicketsOfCounter(ctx.db, ctx.regencyCode, counter.id);
  // The line this counter serves, in the order call-next would take it.
  const waiting = [...state.lines.values()].flat().filter((t) => eligible(t, counter));
  const history = (await repo.listRecentPicks(ctx.db, ctx.regencyCode, counter.id, state.day, state.settings.policy.mix.priority + state.settings.policy.mix.normal)) as CallClass[];
  const ordered = orderQueue(waiting.map(waitingOf), history, state.now.getTime(), state.settings.policy);
  const byId = new Map(waiting.map((t) => [t.id, t]));
  return {
    session: { id: session.id, status: session.status, openedAt: session.openedAt.toISOString() },
    counter: { code: counter.code, name: counter.name },
    point: { code: point.code, name: { id: point.nameId, en: point.nameEn } },
    current: current[0] ? ticketView(current[0], state.names) : null,
    waiting: ordered.map((p) => ({ ...ticketView(byId.get(idOf(p.ticket))!, state.names), pick: p.reason, waitedMinutes: Math.floor((state.now.getTime() - p.ticket.arrivedAt) / MINUTE) })),
    parked: parked.map((t) => ticketView(t, state.names)),
    counters: state.counters.filter((c) => c.active).map((c) => ({ code: c.code, name: c.name, open: state.sessions.some((s) => s.counterId === c.id && s.status === 'open') })),
    services: state.services.filter((s) => state.counters.some((c) => c.active && handles(c, s.id))).map((s) => ({ code: s.code, name: s.name, here: handles(counter, s.id) })),
    priorityGroups: state.settings.policy.groups,
    eligiblePoints: points,
  };
}

/** Counters of a point for the sign-in screen: which are free, which are taken and by whom. */
export async function listCountersForSignIn(ctx: AppContext, actor: Actor, pointCode: string) {
  const point = await findPoint(ctx, ctx.db, pointCode);
  requireQueue(actor, 'queue.console', point);
  const [counters, sessions] = await Promise.all([countersOfPoint(ctx, ctx.db, point), repo.listOpenSessions(ctx.db, ctx.regencyCode, point.id)]);
  return {
    point: { code: point.code, name: { id: point.nameId, en: point.nameEn } },
    counters: counters
      .filter((c) => c.active)
      .map((c) => {
        const s = sessions.find((x) => x.counterId === c.id);
        return { code: c.code, name: c.name, officer: s?.officerName ?? null, status: s?.status ?? 'closed' };
      }),
  };
}

// — "your turn is near" —

/** After each call: tickets now near their turn get one message (dedupe key per ticket), by WhatsApp. */
async function sendNearTurnMessages(ctx: AppContext, tx: Tx, point: Point): Promise<number> {
  const state = await loadPointState(ctx, tx, point);
  let sent = 0;
  for (const line of state.lines.values()) {
    for (let position = 0; position < line.length; position++) {
      const t = line[position]!;
      if (!t.phone || t.nearNotifiedAt) continue;
      const estimate = estimateOf(state, t, position);
      if (!turnIsNear(position, estimate, state.settings.near)) continue;
      const minutes = estimate.kind === 'estimate' ? estimate.minutes : null;
      const service = state.names.services.get(t.serviceId);
      await enqueueMessage(tx, ctx.regencyCode, {
        dedupeKey: `queue-near:${t.id}`,
        channel: 'whatsapp',
        recipient: t.phone,
        template: 'queue.turn_near',
        locale: t.locale === 'en' ? 'en' : 'id',
        params: { number: t.number, ahead: position, minutes: minutes ?? -1 },
        text: {
          id: `Antrian ${t.number} (${service?.name.id ?? ''}) di ${point.nameId}: giliran Anda sudah dekat — ${position} orang lagi${minutes != null ? `, sekitar ${minutes} menit` : ''}. Mohon bersiap di ruang tunggu.`,
          en: `Queue ${t.number} (${service?.name.en ?? ''}) at ${point.nameEn}: your turn is near — ${position} ahead${minutes != null ? `, about ${minutes} min` : ''}. Please be ready in the waiting hall.`,
        },
      });
      await repo.updateTicket(tx, ctx.regencyCode, t.id, { nearNotifiedAt: state.now });
      sent++;
    }
  }
  return sent;
}

// — the display board —

export async function getBoard(ctx: AppContext, pointCode: string) {
  const point = await findPoint(ctx, ctx.db, pointCode);
  const state = await loadPointState(ctx, ctx.db, point);
  const calls = await repo.listLastCalls(ctx.db, ctx.regencyCode, point.id, state.day, 12);
  const counters = state.counters
    .filter((c) => c.active)
    .map((c) => {
      const session = state.sessions.find((s) => s.counterId === c.id);
      const current = state.tickets.find((t) => t.counterId === c.id && (t.state === 'called' || t.state === 'serving'));
      return {
        code: c.code,
        name: c.name,
        status: (session?.status ?? 'closed') as 'open' | 'paused' | 'closed',
        current: current ? { number: current.number, state: current.state, calledAt: current.calledAt?.toISOString() ?? null } : null,
        waiting: state.lines.get(c.id)?.length ?? 0,
      };
    });
  const code = (id: string) => state.names.counters.get(id)?.code ?? '?';
  return {
    point: { code: point.code, name: { id: point.nameId, en: point.nameEn } },
    now: state.now.toISOString(),
    counterWord: state.settings.counterWord,
    runningText: state.settings.runningText,
    counters,
    lastCalls: calls.map((call) => ({
      ticketId: call.ticketId,
      number: call.number,
      counter: code(call.counterId),
      at: call.at.toISOString(),
      recall: call.event === 'recall',
      speech: announcementOf(call.number, code(call.counterId), state.settings, call.event === 'recall'),
    })),
    waitingTotal: [...state.lines.values()].reduce((n, l) => n + l.length, 0),
  };
}

// — the citizen's live ticket —

export async function getLiveTicket(ctx: AppContext, token: string) {
  const ticket = token.length >= 16 ? await repo.findTicketByToken(ctx.db, ctx.regencyCode, token) : null;
  if (!ticket) throw NOT_FOUND.ticket();
  const point = await findPointById(ctx, ctx.db, ticket.pointId);
  const state = await loadPointState(ctx, ctx.db, point);
  const position = positionOf(state, ticket);
  const service = state.names.services.get(ticket.serviceId);
  return {
    number: ticket.number,
    state: ticket.state,
    held: ticket.held,
    kind: ticket.kind,
    day: ticket.day,
    service: { code: service?.code ?? '?', name: service?.name ?? { id: '?', en: '?' } },
    point: { code: point.code, name: { id: point.nameId, en: point.nameEn } },
    counter: ticket.counterId ? (state.names.counters.get(ticket.counterId)?.code ?? null) : null,
    counterWord: state.settings.counterWord,
    ahead: position,
    estimate: position == null ? null : estimateOf(state, ticket, position),
    arrivedAt: ticket.arrivedAt.toISOString(),
    calledAt: ticket.calledAt?.toISOString() ?? null,
    canCancel: ticket.state === 'waiting' && !ticket.held,
  };
}

/** The citizen gives up their place from the live ticket page. */
export async function cancelLiveTicket(ctx: AppContext, token: string, meta: RequestMeta): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const found = await repo.findTicketByToken(tx, ctx.regencyCode, token);
    if (!found) throw NOT_FOUND.ticket();
    const ticket = (await repo.findTicket(tx, ctx.regencyCode, found.id, true))!;
    await applyEvent(ctx, tx, ticket, 'cancel', { actor: { kind: 'anonymous' }, meta, counterId: null, officerId: null }, { patch: { finishedAt: ctx.now() }, reason: 'cancelled by the citizen' });
  });
}

/** The events of one ticket (console history, audit questions). */
export async function ticketHistory(ctx: AppContext, actor: Actor, ticketId: string) {
  const ticket = await repo.findTicket(ctx.db, ctx.regencyCode, ticketId);
  if (!ticket) throw NOT_FOUND.ticket();
  const point = await findPointById(ctx, ctx.db, ticket.pointId);
  requireQueue(actor, 'queue.console', point);
  const events = await repo.listEventsOfTicket(ctx.db, ctx.regencyCode, ticket.id);
  const counters = new Map((await countersOfPoint(ctx, ctx.db, point)).map((c) => [c.id, c.code]));
  const officers = await repo.namesOfUsers(ctx.db, ctx.regencyCode, [...new Set(events.flatMap((e) => (e.officerId ? [e.officerId] : [])))]);
  return events.map((e) => ({
    at: e.at.toISOString(),
    event: e.event,
    from: e.fromState,
    to: e.toState,
    counter: e.counterId ? (counters.get(e.counterId) ?? null) : null,
    officer: e.officerId ? (officers.get(e.officerId) ?? null) : null,
    pick: e.pick,
    reason: e.reason,
  }));
}

export { isOwnPoint };

// — the sweep (background job) —

/** Ends yesterday's open tickets as walked out. Returns how many. */
export async function sweepStaleTickets(ctx: AppContext): Promise<number> {
  const today = wibDateOf(ctx.now());
  return ctx.db.transaction(async (tx) => {
    const stale = await repo.listStaleActiveTickets(tx, ctx.regencyCode, today);
    for (const t of stale) {
      if (t.state === 'serving') await repo.closeVisit(tx, ctx.regencyCode, t.id, ctx.now(), 'walked_out');
      await applyEvent(ctx, tx, t, 'walk_out', { actor: { kind: 'anonymous' }, meta: { ip: null, requestId: null, lang: 'id' }, counterId: null, officerId: null }, { patch: { finishedAt: ctx.now(), held: false }, reason: 'day ended' });
    }
    return stale.length;
  });
}
