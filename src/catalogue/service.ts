/**
 * Use cases of the service catalogue that read: agencies, services with their standards, points
 * with their opening state, the calendar. Other modules import the calendar helpers from here
 * (promisedDate, isOpenNow, findServiceStandard). The MPP admin's writes are in admin.ts.
 */
import type { DbOrTx } from '../db/client.ts';
import { requireAccess } from '../identity/access.ts';
import type { Actor } from '../shared/actor.ts';
import type { AppContext } from '../shared/context.ts';
import { AppError, type LocalText } from '../shared/errors.ts';
import { canCatalogue } from './access.ts';
import { isWorkingDay } from './calendar/calendar.ts';
import { nationalHolidays } from './calendar/holidays.ts';
import { addDays, dayNumber, fromDayNumber, type LocalDate, wibDateOf } from './calendar/local-date.ts';
import { addWorkingDays, addWorkingHours } from './calendar/working-days.ts';
import { loadCalendar, yearsFrom } from './calendar-service.ts';
import { calendarFor, type DayView, dayView, openState, servicePointOf, weekOf } from './opening.ts';
import * as repo from './repository.ts';
import { durationText, feeText, standardView, type StandardView } from './standard.ts';

export { loadCalendar } from './calendar-service.ts';

export const NOT_FOUND = {
  agency: (code: string) => new AppError('not_found', { id: `Instansi "${code}" tidak ditemukan.`, en: `Agency "${code}" does not exist.` }),
  service: (code: string) => new AppError('not_found', { id: `Layanan "${code}" tidak ditemukan.`, en: `Service "${code}" does not exist.` }),
  version: (code: string, n: number) => new AppError('not_found', { id: `Layanan "${code}" tidak memiliki versi standar ${n}.`, en: `Service "${code}" has no standard version ${n}.` }),
  point: (code: string) => new AppError('not_found', { id: `Titik layanan "${code}" tidak ditemukan.`, en: `Service point "${code}" does not exist.` }),
  counter: (code: string) => new AppError('not_found', { id: `Loket "${code}" tidak ditemukan.`, en: `Counter "${code}" does not exist.` }),
};

export function fieldError(field: string, id: string, en: string): AppError {
  return new AppError('validation_failed', undefined, [{ field, message: { id, en } }]);
}

// — views —

export type AgencyView = {
  code: string;
  shortName: string;
  name: LocalText;
  kind: string;
  phone: string | null;
  complaintChannel: LocalText;
  active: boolean;
  serviceCount: number;
};

export function agencyView(a: repo.AgencyRow, serviceCount: number): AgencyView {
  return {
    code: a.code,
    shortName: a.shortName,
    name: { id: a.nameId, en: a.nameEn },
    kind: a.kind,
    phone: a.phone,
    complaintChannel: { id: a.complaintChannelId, en: a.complaintChannelEn },
    active: a.active,
    serviceCount,
  };
}

export type ServiceSummary = {
  code: string;
  name: LocalText;
  summary: LocalText;
  level: string;
  channels: string[];
  lifeEvents: string[];
  agency: { code: string; shortName: string };
  fee: LocalText;
  free: boolean;
  duration: LocalText;
  currentVersion: number;
  active: boolean;
  score?: number;
};

function serviceSummary(s: repo.ServiceSummaryRow, score?: number): ServiceSummary {
  return {
    code: s.code,
    name: { id: s.nameId, en: s.nameEn },
    summary: { id: s.summaryId, en: s.summaryEn },
    level: s.level,
    channels: s.channels,
    lifeEvents: s.lifeEvents,
    agency: { code: s.agencyCode, shortName: s.agencyShortName },
    fee: feeText(s.feeAmount, s.feeVariable),
    free: s.feeAmount === 0 && !s.feeVariable,
    duration: durationText(s.durationValue, s.durationUnit),
    currentVersion: s.currentVersion,
    active: s.active,
    ...(score === undefined ? {} : { score: Math.round(score * 1000) / 1000 }),
  };
}

// — public reads —

/** What the MPP admin's lists add: the agencies, services and points that are switched off. */
export type InactiveOption = { actor?: Actor; inactive?: boolean };

function withInactive(options: InactiveOption): boolean {
  if (!options.inactive) return false;
  if (!options.actor) throw new AppError('unauthenticated');
  requireAccess(options.actor, canCatalogue(options.actor, 'catalogue.manage'));
  return true;
}

export async function listAgencies(ctx: AppContext, options: InactiveOption = {}): Promise<AgencyView[]> {
  const rows = await repo.listAgencies(ctx.db, ctx.regencyCode, withInactive(options));
  return rows.map((r) => agencyView(r.agency, r.serviceCount));
}

export async function getAgency(ctx: AppContext, code: string) {
  const agency = await repo.findAgencyByCode(ctx.db, ctx.regencyCode, code);
  if (!agency) throw NOT_FOUND.agency(code);
  const services = await repo.listServiceSummaries(ctx.db, ctx.regencyCode, { agencyCode: code });
  return { ...agencyView(agency, services.length), services: services.map((s) => serviceSummary(s)) };
}

export async function listLifeEvents(ctx: AppContext) {
  const rows = await repo.listLifeEvents(ctx.db, ctx.regencyCode);
  return rows.map((e) => ({ code: e.code, name: { id: e.nameId, en: e.nameEn }, description: { id: e.descriptionId, en: e.descriptionEn }, serviceCount: e.serviceCount }));
}

export async function listDocumentTypes(ctx: AppContext) {
  const rows = await repo.listDocumentTypes(ctx.db, ctx.regencyCode);
  return rows.map((d) => ({
    code: d.code,
    name: { id: d.nameId, en: d.nameEn },
    description: d.descriptionId !== null && d.descriptionEn !== null ? { id: d.descriptionId, en: d.descriptionEn } : null,
  }));
}

export type ServiceQuery = { q?: string; agency?: string; lifeEvent?: string; point?: string; limit: number };

/** Browse (by agency, life event, point) or search; a search is ordered by relevance. */
export async function listServices(ctx: AppContext, query: ServiceQuery, options: InactiveOption = {}): Promise<{ items: ServiceSummary[]; total: number }> {
  const includeInactive = withInactive(options);
  const filter: repo.ServiceFilter = { agencyCode: query.agency, lifeEvent: query.lifeEvent, pointCode: query.point, includeInactive };
  const q = query.q?.trim();
  if (!q) {
    const rows = await repo.listServiceSummaries(ctx.db, ctx.regencyCode, filter);
    return { items: rows.slice(0, query.limit).map((s) => serviceSummary(s)), total: rows.length };
  }
  const hits = await repo.searchServices(ctx.db, ctx.regencyCode, q.slice(0, 200), filter, query.limit);
  const rows = await repo.listServiceSummaries(ctx.db, ctx.regencyCode, { ids: hits.map((h) => h.id), includeInactive });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = hits.flatMap((h) => {
    const row = byId.get(h.id);
    return row ? [serviceSummary(row, h.score)] : [];
  });
  return { items, total: items.length };
}

export async function findService(db: DbOrTx, regencyCode: string, code: string): Promise<repo.ServiceRow> {
  const service = await repo.findServiceByCode(db, regencyCode, code);
  if (!service) throw NOT_FOUND.service(code);
  return service;
}

async function loadStandardView(db: DbOrTx, regencyCode: string, service: repo.ServiceRow, version: number): Promise<StandardView> {
  const row = await repo.findStandard(db, regencyCode, service.id, version);
  if (!row) throw NOT_FOUND.version(service.code, version);
  return standardView(row, await repo.listRequirements(db, regencyCode, service.id, version));
}

/** The standard of a service at one version: what an application filed under that version reads. */
export async function findServiceStandard(ctx: AppContext, serviceId: string, version?: number): Promise<StandardView & { serviceCode: string }> {
  const service = await repo.findServiceById(ctx.db, ctx.regencyCode, serviceId);
  if (!service) throw new AppError('not_found');
  return { ...(await loadStandardView(ctx.db, ctx.regencyCode, service, version ?? service.currentVersion)), serviceCode: service.code };
}

export function servicePagePath(code: string): string {
  return `/layanan/${encodeURIComponent(code)}`;
}

type PointOpen = { point: { code: string; kind: string; name: LocalText; address: string }; today: DayView; openNow: boolean; nextOpening: string | null };

/** The full service page: the standard in force, where it is offered and whether those places are open now. */
export async function getService(ctx: AppContext, code: string) {
  const service = await findService(ctx.db, ctx.regencyCode, code);
  const [agency, lifeEvents, standard] = await Promise.all([
    repo.findAgencyById(ctx.db, ctx.regencyCode, service.agencyId).then((a) => a!),
    repo.listLifeEventsOfService(ctx.db, ctx.regencyCode, service.id),
    loadStandardView(ctx.db, ctx.regencyCode, service, service.currentVersion),
  ]);
  const now = ctx.now();
  const today = wibDateOf(now);
  const points = await repo.listPoints(ctx.db, ctx.regencyCode, { serviceId: service.id });
  const named = points.filter((p) => p.kind !== 'village');
  const villages = points.filter((p) => p.kind === 'village');
  const [cal, special, counterRows, counterLinks] = await Promise.all([
    loadCalendar(ctx, yearsFrom(today)),
    repo.listSpecialDays(ctx.db, ctx.regencyCode, points.map((p) => p.id), addDays(today, -1), addDays(today, 60)),
    repo.listCounters(ctx.db, ctx.regencyCode, named.map((p) => p.id)),
    repo.listCounterServices(ctx.db, ctx.regencyCode, named.map((p) => p.id), service.id),
  ]);
  const handling = new Set(counterLinks.map((l) => l.counterId));
  const offeredAt = named.map((p) => {
    const state = openState(now, p, servicePointOf(p, special), cal, special);
    const counters = counterRows
      .filter((c) => c.counter.pointId === p.id && c.counter.active && (c.counter.allServices || handling.has(c.counter.id)))
      .map((c) => ({ code: c.counter.code, name: { id: c.counter.nameId, en: c.counter.nameEn } }));
    return { ...pointOpen(p, state), counters };
  });
  const villageOpen = villages.filter((p) => openState(now, p, servicePointOf(p, special), cal, special).openNow).length;
  const offeredIn = new Set(points.map((p) => p.kind));
  return {
    code: service.code,
    name: { id: service.nameId, en: service.nameEn },
    summary: { id: service.summaryId, en: service.summaryEn },
    level: service.level,
    channels: service.channels,
    keywords: service.keywords,
    lifeEvents,
    active: service.active,
    agency: { code: agency.code, shortName: agency.shortName, name: { id: agency.nameId, en: agency.nameEn }, phone: agency.phone },
    currentVersion: service.currentVersion,
    standard,
    offeredAt,
    smartKampung: villages.length ? { points: villages.length, openNow: villageOpen } : null,
    // Which actions the page offers; the queue and application modules give them their addresses.
    actions: {
      takeTicket: offeredIn.has('mpp') || offeredIn.has('market') || offeredIn.has('village'),
      bookSlot: offeredIn.has('mpp'),
      applyOnline: service.channels.includes('online'),
    },
    links: {
      page: servicePagePath(service.code),
      pdf: `/api/catalogue/services/${encodeURIComponent(service.code)}/standard.pdf`,
      versions: `/api/catalogue/services/${encodeURIComponent(service.code)}/versions`,
    },
  };
}

function pointOpen(p: repo.PointRow, state: { today: DayView; openNow: boolean; nextOpening: string | null }): PointOpen {
  return { point: { code: p.code, kind: p.kind, name: { id: p.nameId, en: p.nameEn }, address: p.address }, ...state };
}

export async function listVersions(ctx: AppContext, code: string) {
  const service = await findService(ctx.db, ctx.regencyCode, code);
  const rows = await repo.listVersions(ctx.db, ctx.regencyCode, service.id);
  return {
    code: service.code,
    currentVersion: service.currentVersion,
    items: rows.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), changeNote: v.changeNote, current: v.version === service.currentVersion })),
  };
}

export async function getVersion(ctx: AppContext, code: string, version: number) {
  const service = await findService(ctx.db, ctx.regencyCode, code);
  return {
    code: service.code,
    name: { id: service.nameId, en: service.nameEn },
    current: version === service.currentVersion,
    currentVersion: service.currentVersion,
    standard: await loadStandardView(ctx.db, ctx.regencyCode, service, version),
  };
}

/** What the printable standard needs: the service, its agency, and one version of its standard. */
export async function getStandardForPrint(ctx: AppContext, code: string, version?: number) {
  const service = await findService(ctx.db, ctx.regencyCode, code);
  const agency = (await repo.findAgencyById(ctx.db, ctx.regencyCode, service.agencyId))!;
  return {
    service: { code: service.code, name: { id: service.nameId, en: service.nameEn }, summary: { id: service.summaryId, en: service.summaryEn } },
    agency: { shortName: agency.shortName, name: { id: agency.nameId, en: agency.nameEn } },
    current: (version ?? service.currentVersion) === service.currentVersion,
    standard: await loadStandardView(ctx.db, ctx.regencyCode, service, version ?? service.currentVersion),
  };
}

export type PointSummary = PointOpen['point'] & {
  regionCode: string | null;
  active: boolean;
  serviceCount: number;
  today: DayView;
  openNow: boolean;
  nextOpening: string | null;
};

export async function listPoints(ctx: AppContext, filter: { kind?: string; service?: string }, options: InactiveOption = {}): Promise<PointSummary[]> {
  const includeInactive = withInactive(options);
  const serviceId = filter.service ? (await findService(ctx.db, ctx.regencyCode, filter.service)).id : undefined;
  const points = await repo.listPoints(ctx.db, ctx.regencyCode, { kind: filter.kind, serviceId, includeInactive });
  const now = ctx.now();
  const today = wibDateOf(now);
  const [cal, special, counts] = await Promise.all([
    loadCalendar(ctx, yearsFrom(today)),
    repo.listSpecialDays(ctx.db, ctx.regencyCode, points.map((p) => p.id), addDays(today, -1), addDays(today, 60)),
    repo.countServicesOfPoints(ctx.db, ctx.regencyCode),
  ]);
  return points.map((p) => {
    const state = openState(now, p, servicePointOf(p, special), cal, special);
    return { ...pointOpen(p, state).point, regionCode: p.regionCode, serviceCount: counts.get(p.id) ?? 0, active: p.active, ...state };
  });
}

/** A point's page: this week's hours with pasaran and holidays, open now, its counters and services. */
export async function getPoint(ctx: AppContext, code: string) {
  const p = await repo.findPointByCode(ctx.db, ctx.regencyCode, code);
  if (!p) throw NOT_FOUND.point(code);
  const now = ctx.now();
  const today = wibDateOf(now);
  const week = weekOf(today);
  const [cal, special, counterRows, links, services] = await Promise.all([
    loadCalendar(ctx, yearsFrom(week[0]!)),
    repo.listSpecialDays(ctx.db, ctx.regencyCode, [p.id], week[0]!, addDays(today, 60)),
    repo.listCounters(ctx.db, ctx.regencyCode, [p.id]),
    repo.listCounterServices(ctx.db, ctx.regencyCode, [p.id]),
    repo.listServicesOfPoint(ctx.db, ctx.regencyCode, p.id),
  ]);
  const point = servicePointOf(p, special);
  const state = openState(now, p, point, cal, special);
  const serviceNames = new Map(services.map((s) => [s.id, { code: s.code, name: { id: s.nameId, en: s.nameEn } }]));
  return {
    ...pointOpen(p, state).point,
    regionCode: p.regionCode,
    active: p.active,
    weeklyHours: p.weeklyHours,
    fridayBreak: p.fridayBreak ?? null,
    marketDays: p.marketPasaran && p.marketOpen && p.marketClose ? { pasaran: p.marketPasaran, open: p.marketOpen, close: p.marketClose } : null,
    ...state,
    pasaranToday: state.today.pasaran,
    week: week.map((d) => dayView(d, p, point, cal, special)),
    upcomingSpecialDays: special
      .filter((d) => d.date >= today)
      .map((d) => ({ date: d.date, closed: !d.open, open: d.open, close: d.close, note: { id: d.noteId, en: d.noteEn } })),
    counters: counterRows.map((c) => ({
      code: c.counter.code,
      name: { id: c.counter.nameId, en: c.counter.nameEn },
      agency: c.agencyCode ? { code: c.agencyCode, shortName: c.agencyShortName! } : null,
      active: c.counter.active,
      allServices: c.counter.allServices,
      services: c.counter.allServices
        ? services.map((s) => ({ code: s.code, name: { id: s.nameId, en: s.nameEn } }))
        : links.filter((l) => l.counterId === c.counter.id).flatMap((l) => serviceNames.get(l.serviceId) ?? []),
    })),
    services: services.map((s) => ({ code: s.code, name: { id: s.nameId, en: s.nameEn }, agency: { code: s.agencyCode, shortName: s.agencyShortName } })),
  };
}

export async function getCalendar(ctx: AppContext, year: number) {
  const cal = await loadCalendar(ctx, [year]);
  const closures = await repo.listClosures(ctx.db, ctx.regencyCode, `${year}-01-01`, `${year}-12-31`);
  const specialDays = await repo.listSpecialDaysOfYear(ctx.db, ctx.regencyCode, `${year}-01-01`, `${year}-12-31`);
  let workingDays = 0;
  for (let d = dayNumber(`${year}-01-01`); d <= dayNumber(`${year}-12-31`); d++) if (isWorkingDay(fromDayNumber(d), cal)) workingDays++;
  const named = (c: repo.ClosureRow) => ({ date: c.date, name: { id: c.nameId, en: c.nameEn } });
  return {
    year,
    workingDays,
    holidays: nationalHolidays(year),
    cutiBersama: closures.filter((c) => c.kind === 'cuti_bersama').map(named),
    specialClosures: closures.filter((c) => c.kind === 'special_closure').map(named),
    specialDays: specialDays.map((s) => ({
      date: s.day.date,
      point: { code: s.pointCode, name: { id: s.pointNameId, en: s.pointNameEn } },
      closed: !s.day.open,
      open: s.day.open,
      close: s.day.close,
      note: { id: s.day.noteId, en: s.day.noteEn },
    })),
  };
}

// — calendar helpers for other modules (queue, applications) —

/**
 * The day an application is promised: its standard's jangka waktu counted from `from` (documents
 * complete) in working days on the regency's closure calendar, or in working hours on the opening
 * hours of the point that serves it (default the MPP). Pass the version the application was filed under.
 */
export async function promisedDate(ctx: AppContext, serviceId: string, from: Date, options: { version?: number; pointCode?: string } = {}): Promise<LocalDate> {
  const standard = await findServiceStandard(ctx, serviceId, options.version);
  const start = wibDateOf(from);
  const { value, unit } = standard.duration;
  if (unit === 'working_days') {
    const years = yearsFrom(start, Math.max(2, Math.ceil(value / 200) + 1));
    return addWorkingDays(from, value, await loadCalendar(ctx, years));
  }
  const hours = unit === 'hours' ? value : value / 60;
  const code = options.pointCode ?? (await repo.listPoints(ctx.db, ctx.regencyCode, { kind: 'mpp' }))[0]?.code;
  const row = code ? await repo.findPointByCode(ctx.db, ctx.regencyCode, code) : null;
  if (!row) throw NOT_FOUND.point(code ?? 'mpp');
  const cal = await loadCalendar(ctx, yearsFrom(start));
  const special = await repo.listSpecialDays(ctx.db, ctx.regencyCode, [row.id], start, addDays(start, 366));
  return wibDateOf(addWorkingHours(from, hours, servicePointOf(row, special), calendarFor(row, cal)));
}

/** Whether a point is open at an instant (default now), with today's hours. */
export async function pointOpenState(ctx: AppContext, pointCode: string, at: Date = ctx.now()) {
  const row = await repo.findPointByCode(ctx.db, ctx.regencyCode, pointCode);
  if (!row) throw NOT_FOUND.point(pointCode);
  const day = wibDateOf(at);
  const [cal, special] = await Promise.all([
    loadCalendar(ctx, yearsFrom(day)),
    repo.listSpecialDays(ctx.db, ctx.regencyCode, [row.id], addDays(day, -1), addDays(day, 60)),
  ]);
  return openState(at, row, servicePointOf(row, special), cal, special);
}

export async function isOpenNow(ctx: AppContext, pointCode: string, at: Date = ctx.now()): Promise<boolean> {
  return (await pointOpenState(ctx, pointCode, at)).openNow;
}

export async function todayHours(ctx: AppContext, pointCode: string, at: Date = ctx.now()) {
  return (await pointOpenState(ctx, pointCode, at)).today.hours;
}

