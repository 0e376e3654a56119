/**
 * What every queue use case needs about a service point: the point itself (catalogue), whether the
 * actor is bound to it, its queue settings with defaults filled in, its counters with the services
 * each handles, and its opening hours on a day. Reads only.
 */
import { hoursOn, type OpeningInterval } from '../catalogue/calendar/opening-hours.ts';
import { addDays, type LocalDate } from '../catalogue/calendar/local-date.ts';
import { loadCalendar, yearsFrom } from '../catalogue/calendar-service.ts';
import { servicePointOf } from '../catalogue/opening.ts';
import * as catalogue from '../catalogue/repository.ts';
import type { DbOrTx } from '../db/client.ts';
import { requireAccess } from '../identity/access.ts';
import type { Actor } from '../shared/actor.ts';
import type { AppContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { canQueue, type QueueAction } from './access.ts';
import { cached } from './cache.ts';
import { DEFAULT_CHECK_IN, type CheckInPolicy } from './check-in.ts';
import { DEFAULT_PRIORITY_GROUPS, type OrderPolicy, type PriorityGroup } from './queue-order.ts';
import * as repo from './repository.ts';

export type Point = catalogue.PointRow;

export const NOT_FOUND = {
  point: (code: string) => new AppError('not_found', { id: `Titik layanan "${code}" tidak ditemukan.`, en: `Service point "${code}" does not exist.` }),
  service: (code: string) => new AppError('not_found', { id: `Layanan "${code}" tidak ditemukan di titik layanan ini.`, en: `Service "${code}" is not offered at this point.` }),
  counter: (code: string) => new AppError('not_found', { id: `Loket "${code}" tidak ditemukan.`, en: `Counter "${code}" does not exist.` }),
  ticket: () => new AppError('not_found', { id: 'Tiket antrian tidak ditemukan.', en: 'Queue ticket not found.' }),
  booking: () => new AppError('not_found', { id: 'Kode booking tidak ditemukan.', en: 'Booking code not found.' }),
};

/** Catalogue reads are cached this long (see cache.ts). */
const CATALOGUE_TTL_MS = 10_000;

export async function findPoint(ctx: Pick<AppContext, 'regencyCode' | 'db'>, tx: DbOrTx, code: string): Promise<Point> {
  const point = await cached(ctx.db, `point:${ctx.regencyCode}:${code}`, CATALOGUE_TTL_MS, () => catalogue.findPointByCode(tx, ctx.regencyCode, code));
  if (!point || !point.active) throw NOT_FOUND.point(code);
  return point;
}

/** The active points whose place the actor is bound to (an officer's MPP, an operator's village office). */
export async function pointsOfActor(ctx: Pick<AppContext, 'regencyCode' | 'db'>, actor: Actor): Promise<{ code: string; name: { id: string; en: string } }[]> {
  if (actor.kind !== 'user' || !actor.places.length) return [];
  const places = new Set(actor.places.map((p) => p.id));
  const all = await cached(ctx.db, `points:${ctx.regencyCode}`, CATALOGUE_TTL_MS, () => catalogue.listPoints(ctx.db, ctx.regencyCode, {}));
  return all.filter((p) => places.has(p.placeId)).map((p) => ({ code: p.code, name: { id: p.nameId, en: p.nameEn } }));
}

export function isOwnPoint(actor: Actor, point: Point): boolean {
  if (actor.kind === 'user') return actor.places.some((p) => p.id === point.placeId);
  return false;
}

export function requireQueue(actor: Actor, action: QueueAction, point: Point | null): void {
  requireAccess(actor, canQueue(actor, action, point ? isOwnPoint(actor, point) : false));
}

export type PointSettings = {
  policy: OrderPolicy;
  targetWaitMinutes: number;
  checkIn: CheckInPolicy;
  near: { ahead: number; minutes: number };
  phoneDailyLimit: number;
  defaultServiceMinutes: number;
  counterWord: 'loket' | 'gerai' | 'meja' | 'ruang';
  runningText: { id: string; en: string };
};

export const DEFAULT_POINT_SETTINGS: PointSettings = {
  policy: { groups: DEFAULT_PRIORITY_GROUPS as PriorityGroup[], mix: { priority: 1, normal: 2 }, maxWaitMinutes: 60 },
  targetWaitMinutes: 30,
  checkIn: DEFAULT_CHECK_IN,
  near: { ahead: 3, minutes: 10 },
  phoneDailyLimit: 2,
  defaultServiceMinutes: 10,
  counterWord: 'loket',
  runningText: { id: '', en: '' },
};

export function pointSettingsOf(row: repo.PointSettingsRow | null): PointSettings {
  if (!row) return DEFAULT_POINT_SETTINGS;
  return {
    policy: { groups: row.priorityGroups, mix: { priority: row.mixPriority, normal: row.mixNormal }, maxWaitMinutes: row.maxWaitMinutes },
    targetWaitMinutes: row.targetWaitMinutes,
    checkIn: { earlyMinutes: row.checkInEarlyMinutes, lateMinutes: row.checkInLateMinutes },
    near: { ahead: row.nearAhead, minutes: row.nearMinutes },
    phoneDailyLimit: row.phoneDailyLimit,
    defaultServiceMinutes: row.defaultServiceMinutes,
    counterWord: row.counterWord,
    runningText: { id: row.runningTextId, en: row.runningTextEn },
  };
}

export async function loadPointSettings(ctx: Pick<AppContext, 'regencyCode'>, tx: DbOrTx, point: Point): Promise<PointSettings> {
  return pointSettingsOf(await repo.findPointSettings(tx, ctx.regencyCode, point.id));
}

export type ServiceSettings = {
  configured: boolean;
  bookingEnabled: boolean;
  slotMinutes: number;
  slotCapacity: number;
  onlineDailyQuota: number | null;
  walkInDailyQuota: number | null;
  opening: { daysBefore: number; at: string };
  closingMarginMinutes: number;
};

/** A service nobody configured: walk-ins without a quota, no online booking (the admin turns it on). */
export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  configured: false,
  bookingEnabled: false,
  slotMinutes: 30,
  slotCapacity: 5,
  onlineDailyQuota: null,
  walkInDailyQuota: null,
  opening: { daysBefore: 7, at: '07:00' },
  closingMarginMinutes: 30,
};

export function serviceSettingsOf(row: repo.ServiceSettingsRow | null): ServiceSettings {
  if (!row) return DEFAULT_SERVICE_SETTINGS;
  return {
    configured: true,
    bookingEnabled: row.bookingEnabled,
    slotMinutes: row.slotMinutes,
    slotCapacity: row.slotCapacity,
    onlineDailyQuota: row.onlineDailyQuota,
    walkInDailyQuota: row.walkInDailyQuota,
    opening: { daysBefore: row.opensDaysBefore, at: row.opensAt },
    closingMarginMinutes: row.closingMarginMinutes,
  };
}

export type PointService = { id: string; code: string; name: { id: string; en: string }; agency: string };

export async function servicesOfPoint(ctx: Pick<AppContext, 'regencyCode' | 'db'>, tx: DbOrTx, point: Point): Promise<PointService[]> {
  return cached(ctx.db, `services:${ctx.regencyCode}:${point.id}`, CATALOGUE_TTL_MS, async () => {
    const rows = await catalogue.listServicesOfPoint(tx, ctx.regencyCode, point.id);
    return rows.map((s) => ({ id: s.id, code: s.code, name: { id: s.nameId, en: s.nameEn }, agency: s.agencyShortName }));
  });
}

export async function findPointService(ctx: Pick<AppContext, 'regencyCode' | 'db'>, tx: DbOrTx, point: Point, code: string): Promise<PointService> {
  const service = (await servicesOfPoint(ctx, tx, point)).find((s) => s.code === code);
  if (!service) throw NOT_FOUND.service(code);
  return service;
}

export type Counter = { id: string; code: string; name: { id: string; en: string }; active: boolean; allServices: boolean; serviceIds: ReadonlySet<string> };

/** The point's counters (ordered by code: A, B … Z, AA) with the services each handles. */
export async function countersOfPoint(ctx: Pick<AppContext, 'regencyCode' | 'db'>, tx: DbOrTx, point: Point): Promise<Counter[]> {
  return cached(ctx.db, `counters:${ctx.regencyCode}:${point.id}`, CATALOGUE_TTL_MS, () => loadCounters(ctx, tx, point));
}

/** Reads through the caller's handle: inside a transaction on PGlite's one connection, ctx.db would wait on itself. */
async function loadCounters(ctx: Pick<AppContext, 'regencyCode'>, tx: DbOrTx, point: Point): Promise<Counter[]> {
  const [rows, links, offered] = await Promise.all([
    catalogue.listCounters(tx, ctx.regencyCode, [point.id]),
    catalogue.listCounterServices(tx, ctx.regencyCode, [point.id]),
    catalogue.listServiceIdsOfPoint(tx, ctx.regencyCode, point.id),
  ]);
  const all = new Set(offered);
  return rows.map(({ counter }) => ({
    id: counter.id,
    code: counter.code,
    name: { id: counter.nameId, en: counter.nameEn },
    active: counter.active,
    allServices: counter.allServices,
    serviceIds: counter.allServices ? all : new Set(links.filter((l) => l.counterId === counter.id).map((l) => l.serviceId)),
  }));
}

export function handles(counter: Counter, serviceId: string): boolean {
  return counter.serviceIds.has(serviceId);
}

/** The queue a service's tickets join: the first active counter that handles it. */
export function queueForService(counters: readonly Counter[], serviceId: string): Counter | null {
  return counters.find((c) => c.active && handles(c, serviceId)) ?? null;
}

export function noCounterFor(service: PointService): AppError {
  return new AppError(
    'conflict',
    { id: `Belum ada loket aktif untuk layanan "${service.name.id}" di titik layanan ini.`, en: `No active counter serves "${service.name.en}" at this point yet.` },
    undefined,
    { reason: 'no_counter' },
  );
}

/**
 * The point's open intervals on a WIB day: weekly hours, holidays, cuti bersama, Friday break,
 * market days. Reads through ctx.db (the catalogue's calendar does): call it outside transactions.
 */
export async function hoursOfDay(ctx: Pick<AppContext, 'regencyCode' | 'db'>, _tx: DbOrTx, point: Point, day: LocalDate): Promise<OpeningInterval[]> {
  return cached(ctx.db, `hours:${ctx.regencyCode}:${point.id}:${day}`, CATALOGUE_TTL_MS, async () => {
    const [cal, special] = await Promise.all([
      loadCalendar({ db: ctx.db, regencyCode: ctx.regencyCode }, yearsFrom(day)),
      catalogue.listSpecialDays(ctx.db, ctx.regencyCode, [point.id], addDays(day, -1), addDays(day, 1)),
    ]);
    return hoursOn(day, servicePointOf(point, special), cal);
  });
}
