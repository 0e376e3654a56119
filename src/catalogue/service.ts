/**
 * Use cases of the service catalogue: public reads (agencies, services with their standards,
 * points with their opening state, the calendar) and the MPP admin's writes, each audited in its
 * own transaction. Other modules import the calendar helpers from here: promisedDate, isOpenNow.
 */
import { recordAudit } from '../audit/service.ts';
import type { DbOrTx } from '../db/client.ts';
import { requireAccess } from '../identity/access.ts';
import * as identity from '../identity/repository.ts';
import { findRegion } from '../regions/repository.ts';
import type { Actor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError, type LocalText } from '../shared/errors.ts';
import { canCatalogue } from './access.ts';
import { isWorkingDay } from './calendar/calendar.ts';
import { nationalHolidays } from './calendar/holidays.ts';
import { addDays, dayNumber, fromDayNumber, type LocalDate, wibDateOf } from './calendar/local-date.ts';
import { addWorkingDays, addWorkingHours } from './calendar/working-days.ts';
import { forgetClosureYear, loadCalendar, yearsFrom } from './calendar-service.ts';
import type {
  ClosureInput,
  CreateAgencyInput,
  CreateCounterInput,
  CreatePointInput,
  CreateServiceInput,
  DocumentTypeInput,
  SpecialDayInput,
  StandardInput,
  UpdateAgencyInput,
  UpdateCounterInput,
  UpdatePointInput,
  UpdateServiceInput,
} from './model.ts';
import { calendarFor, type DayView, dayView, openState, servicePointOf, weekOf } from './opening.ts';
import * as repo from './repository.ts';
import { changedComponents, durationText, feeText, standardInputOf, standardRows, standardView, type StandardView } from './standard.ts';

export { loadCalendar } from './calendar-service.ts';

const NOT_FOUND = {
  agency: (code: string) => new AppError('not_found', { id: `Instansi "${code}" tidak ditemukan.`, en: `Agency "${code}" does not exist.` }),
  service: (code: string) => new AppError('not_found', { id: `Layanan "${code}" tidak ditemukan.`, en: `Service "${code}" does not exist.` }),
  version: (code: string, n: number) => new AppError('not_found', { id: `Layanan "${code}" tidak memiliki versi standar ${n}.`, en: `Service "${code}" has no standard version ${n}.` }),
  point: (code: string) => new AppError('not_found', { id: `Titik layanan "${code}" tidak ditemukan.`, en: `Service point "${code}" does not exist.` }),
  counter: (code: string) => new AppError('not_found', { id: `Loket "${code}" tidak ditemukan.`, en: `Counter "${code}" does not exist.` }),
};

function fieldError(field: string, id: string, en: string): AppError {
  return new AppError('validation_failed', undefined, [{ field, message: { id, en } }]);
}

function manage(actor: Actor): void {
  requireAccess(actor, canCatalogue(actor, 'catalogue.manage'));
}

/** The SQLSTATE of a database error, through drizzle's wrapper. */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
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

function agencyView(a: repo.AgencyRow, serviceCount: number): AgencyView {
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

export async function listAgencies(ctx: AppContext): Promise<AgencyView[]> {
  const rows = await repo.listAgencies(ctx.db, ctx.regencyCode, false);
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
export async function listServices(ctx: AppContext, query: ServiceQuery): Promise<{ items: ServiceSummary[]; total: number }> {
  const filter: repo.ServiceFilter = { agencyCode: query.agency, lifeEvent: query.lifeEvent, pointCode: query.point };
  const q = query.q?.trim();
  if (!q) {
    const rows = await repo.listServiceSummaries(ctx.db, ctx.regencyCode, filter);
    return { items: rows.slice(0, query.limit).map((s) => serviceSummary(s)), total: rows.length };
  }
  const hits = await repo.searchServices(ctx.db, ctx.regencyCode, q.slice(0, 200), filter, query.limit);
  const rows = await repo.listServiceSummaries(ctx.db, ctx.regencyCode, { ids: hits.map((h) => h.id) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = hits.flatMap((h) => {
    const row = byId.get(h.id);
    return row ? [serviceSummary(row, h.score)] : [];
  });
  return { items, total: items.length };
}

async function findService(db: DbOrTx, regencyCode: string, code: string): Promise<repo.ServiceRow> {
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
    repo.listAgencies(ctx.db, ctx.regencyCode, true).then((rows) => rows.find((r) => r.agency.id === service.agencyId)!.agency),
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
  const agency = (await repo.listAgencies(ctx.db, ctx.regencyCode, true)).find((r) => r.agency.id === service.agencyId)!.agency;
  return {
    service: { code: service.code, name: { id: service.nameId, en: service.nameEn }, summary: { id: service.summaryId, en: service.summaryEn } },
    agency: { shortName: agency.shortName, name: { id: agency.nameId, en: agency.nameEn } },
    current: (version ?? service.currentVersion) === service.currentVersion,
    standard: await loadStandardView(ctx.db, ctx.regencyCode, service, version ?? service.currentVersion),
  };
}

export type PointSummary = PointOpen['point'] & {
  regionCode: string | null;
  serviceCount: number;
  today: DayView;
  openNow: boolean;
  nextOpening: string | null;
};

export async function listPoints(ctx: AppContext, filter: { kind?: string; service?: string }): Promise<PointSummary[]> {
  const serviceId = filter.service ? (await findService(ctx.db, ctx.regencyCode, filter.service)).id : undefined;
  const points = await repo.listPoints(ctx.db, ctx.regencyCode, { kind: filter.kind, serviceId });
  const now = ctx.now();
  const today = wibDateOf(now);
  const [cal, special, counts] = await Promise.all([
    loadCalendar(ctx, yearsFrom(today)),
    repo.listSpecialDays(ctx.db, ctx.regencyCode, points.map((p) => p.id), addDays(today, -1), addDays(today, 60)),
    repo.countServicesOfPoints(ctx.db, ctx.regencyCode),
  ]);
  return points.map((p) => {
    const state = openState(now, p, servicePointOf(p, special), cal, special);
    return { ...pointOpen(p, state).point, regionCode: p.regionCode, serviceCount: counts.get(p.id) ?? 0, ...state };
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

// — admin writes —

async function documentIdsFor(tx: DbOrTx, regencyCode: string, standard: StandardInput, field: string): Promise<Map<string, string>> {
  const ids = new Map((await repo.listDocumentTypes(tx, regencyCode)).map((d) => [d.code, d.id]));
  standard.requirements.forEach((r, i) => {
    if (!ids.has(r.documentCode)) {
      throw fieldError(`${field}.requirements.${i}.documentCode`, `Jenis dokumen "${r.documentCode}" tidak dikenal.`, `Unknown document type "${r.documentCode}".`);
    }
  });
  return ids;
}

async function agencyIdFor(tx: DbOrTx, regencyCode: string, code: string, field = 'agencyCode'): Promise<string> {
  const agency = await repo.findAgencyByCode(tx, regencyCode, code);
  if (!agency) throw fieldError(field, `Instansi "${code}" tidak dikenal.`, `Unknown agency "${code}".`);
  return agency.id;
}

async function checkLifeEvents(tx: DbOrTx, regencyCode: string, codes: string[]): Promise<string[]> {
  const known = new Set((await repo.listLifeEvents(tx, regencyCode)).map((e) => e.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) throw fieldError('lifeEvents', `Peristiwa kehidupan tidak dikenal: ${unknown.join(', ')}.`, `Unknown life events: ${unknown.join(', ')}.`);
  return [...new Set(codes)];
}

export async function createDocumentType(ctx: AppContext, actor: Actor, input: DocumentTypeInput, meta: RequestMeta): Promise<void> {
  manage(actor);
  await ctx.db.transaction(async (tx) => {
    if ((await repo.listDocumentTypes(tx, ctx.regencyCode)).some((d) => d.code === input.code)) {
      throw new AppError('already_exists', { id: `Jenis dokumen "${input.code}" sudah ada.`, en: `Document type "${input.code}" already exists.` });
    }
    await repo.insertDocumentTypes(tx, [
      { regencyCode: ctx.regencyCode, code: input.code, nameId: input.name.id, nameEn: input.name.en, descriptionId: input.description?.id ?? null, descriptionEn: input.description?.en ?? null },
    ]);
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'create', entityType: 'document_type', entityId: input.code, details: { name: input.name } }, ctx.now());
  });
}

export async function createAgency(ctx: AppContext, actor: Actor, input: CreateAgencyInput, meta: RequestMeta): Promise<AgencyView> {
  manage(actor);
  return ctx.db.transaction(async (tx) => {
    if (await repo.findAgencyByCode(tx, ctx.regencyCode, input.code)) {
      throw new AppError('already_exists', { id: `Instansi dengan kode "${input.code}" sudah ada.`, en: `An agency with code "${input.code}" already exists.` });
    }
    const place = await identity.upsertPlace(tx, { regencyCode: ctx.regencyCode, kind: 'agency', code: input.code, name: input.name.id, regionCode: null });
    const [agency] = await repo.insertAgencies(tx, [
      {
        regencyCode: ctx.regencyCode,
        placeId: place.id,
        code: input.code,
        shortName: input.shortName,
        nameId: input.name.id,
        nameEn: input.name.en,
        kind: input.kind,
        phone: input.phone,
        complaintChannelId: input.complaintChannel.id,
        complaintChannelEn: input.complaintChannel.en,
        active: input.active,
      },
    ]);
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'create', entityType: 'agency', entityId: input.code, details: { ...input } }, ctx.now());
    return agencyView(agency!, 0);
  });
}

export async function updateAgency(ctx: AppContext, actor: Actor, code: string, patch: UpdateAgencyInput, meta: RequestMeta): Promise<void> {
  manage(actor);
  await ctx.db.transaction(async (tx) => {
    const agency = await repo.findAgencyByCode(tx, ctx.regencyCode, code);
    if (!agency) throw NOT_FOUND.agency(code);
    await repo.updateAgency(
      tx,
      ctx.regencyCode,
      agency.id,
      {
        shortName: patch.shortName,
        nameId: patch.name?.id,
        nameEn: patch.name?.en,
        kind: patch.kind,
        phone: patch.phone,
        complaintChannelId: patch.complaintChannel?.id,
        complaintChannelEn: patch.complaintChannel?.en,
        active: patch.active,
      },
      ctx.now(),
    );
    if (patch.name) await identity.upsertPlace(tx, { regencyCode: ctx.regencyCode, kind: 'agency', code, name: patch.name.id, regionCode: null });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'update', entityType: 'agency', entityId: code, details: { ...patch } }, ctx.now());
  });
}

/** Creates a service with version 1 of its standard. */
export async function createService(ctx: AppContext, actor: Actor, input: CreateServiceInput, meta: RequestMeta): Promise<{ code: string; version: number }> {
  manage(actor);
  return ctx.db.transaction(async (tx) => {
    if (await repo.findServiceByCode(tx, ctx.regencyCode, input.code)) {
      throw new AppError('already_exists', { id: `Layanan dengan kode "${input.code}" sudah ada.`, en: `A service with code "${input.code}" already exists.` });
    }
    const agencyId = await agencyIdFor(tx, ctx.regencyCode, input.agencyCode);
    const lifeEvents = await checkLifeEvents(tx, ctx.regencyCode, input.lifeEvents);
    const documentIds = await documentIdsFor(tx, ctx.regencyCode, input.standard, 'standard');
    await insertServiceWithStandard(tx, ctx.regencyCode, { ...input, lifeEvents }, agencyId, documentIds, { at: ctx.now(), by: actorUserId(actor), changeNote: null });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'create', entityType: 'service', entityId: input.code, details: { agencyCode: input.agencyCode, version: 1 } }, ctx.now());
    return { code: input.code, version: 1 };
  });
}

/** Shared by createService and the CSV import: the service row, its life events and version 1. */
export async function insertServiceWithStandard(
  tx: DbOrTx,
  regencyCode: string,
  input: CreateServiceInput,
  agencyId: string,
  documentIds: ReadonlyMap<string, string>,
  published: { at: Date; by: string | null; changeNote: string | null },
): Promise<string> {
  const [service] = await repo.insertServices(tx, [
    {
      regencyCode,
      code: input.code,
      agencyId,
      nameId: input.name.id,
      nameEn: input.name.en,
      summaryId: input.summary.id,
      summaryEn: input.summary.en,
      level: input.level,
      channels: [...new Set(input.channels)],
      keywords: [...new Set(input.keywords)],
      active: input.active,
      currentVersion: 1,
      createdAt: published.at,
      updatedAt: published.at,
    },
  ]);
  const rows = standardRows(regencyCode, service!.id, 1, input.standard, documentIds, published);
  await repo.insertStandards(tx, [rows.standard]);
  await repo.insertRequirements(tx, rows.requirements);
  await repo.replaceServiceLifeEvents(tx, regencyCode, service!.id, input.lifeEvents);
  return service!.id;
}

function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/** Edits what is not part of the standard (names, keywords, channels, life events, active). */
export async function updateService(ctx: AppContext, actor: Actor, code: string, patch: UpdateServiceInput, meta: RequestMeta): Promise<void> {
  manage(actor);
  await ctx.db.transaction(async (tx) => {
    const service = await findService(tx, ctx.regencyCode, code);
    await applyServicePatch(tx, ctx.regencyCode, service, patch, ctx.now());
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'update', entityType: 'service', entityId: code, details: { ...patch } }, ctx.now());
  });
}

export async function applyServicePatch(tx: DbOrTx, regencyCode: string, service: repo.ServiceRow, patch: UpdateServiceInput, now: Date): Promise<void> {
  const agencyId = patch.agencyCode ? await agencyIdFor(tx, regencyCode, patch.agencyCode) : undefined;
  await repo.updateService(
    tx,
    regencyCode,
    service.id,
    {
      agencyId,
      nameId: patch.name?.id,
      nameEn: patch.name?.en,
      summaryId: patch.summary?.id,
      summaryEn: patch.summary?.en,
      level: patch.level,
      channels: patch.channels ? [...new Set(patch.channels)] : undefined,
      keywords: patch.keywords ? [...new Set(patch.keywords)] : undefined,
      active: patch.active,
    },
    now,
  );
  if (patch.lifeEvents) await repo.replaceServiceLifeEvents(tx, regencyCode, service.id, await checkLifeEvents(tx, regencyCode, patch.lifeEvents));
}

/**
 * Publishes a new version of a service's standard. The editor names the version it started from;
 * if someone published meanwhile, nothing is saved and the answer is 409. An unchanged standard
 * publishes nothing.
 */
export async function publishStandard(
  ctx: AppContext,
  actor: Actor,
  code: string,
  input: { expectedVersion: number; changeNote: string; standard: StandardInput },
  meta: RequestMeta,
): Promise<{ version: number; published: boolean; changed: string[] }> {
  manage(actor);
  try {
    return await ctx.db.transaction(async (tx) => {
      const service = await findService(tx, ctx.regencyCode, code);
      if (service.currentVersion !== input.expectedVersion) throw versionConflict(code, input.expectedVersion, service.currentVersion);
      const documentIds = await documentIdsFor(tx, ctx.regencyCode, input.standard, 'standard');
      const current = await repo.findStandard(tx, ctx.regencyCode, service.id, service.currentVersion);
      const changed = changedComponents(standardInputOf(current!, await repo.listRequirements(tx, ctx.regencyCode, service.id, service.currentVersion)), input.standard);
      if (!changed.length) return { version: service.currentVersion, published: false, changed };
      const version = await publishVersion(tx, ctx.regencyCode, service, input.standard, documentIds, { at: ctx.now(), by: actorUserId(actor), changeNote: input.changeNote });
      await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'publish', entityType: 'service_standard', entityId: code, details: { version, changed, changeNote: input.changeNote } }, ctx.now());
      return { version, published: true, changed };
    });
  } catch (error) {
    // Two editors publishing the same next version at once: the second meets the primary key.
    if (pgCode(error) === '23505') throw versionConflict(code, input.expectedVersion, null);
    throw error;
  }
}

export async function publishVersion(
  tx: DbOrTx,
  regencyCode: string,
  service: repo.ServiceRow,
  standard: StandardInput,
  documentIds: ReadonlyMap<string, string>,
  published: { at: Date; by: string | null; changeNote: string | null },
): Promise<number> {
  const version = service.currentVersion + 1;
  const rows = standardRows(regencyCode, service.id, version, standard, documentIds, published);
  await repo.insertStandards(tx, [rows.standard]);
  await repo.insertRequirements(tx, rows.requirements);
  if (!(await repo.advanceCurrentVersion(tx, regencyCode, service.id, service.currentVersion, version, published.at))) {
    throw versionConflict(service.code, service.currentVersion, null);
  }
  return version;
}

function versionConflict(code: string, expected: number, current: number | null): AppError {
  return new AppError(
    'conflict',
    {
      id: `Standar layanan "${code}" sudah diubah orang lain (Anda mengedit versi ${expected}${current ? `, kini berlaku versi ${current}` : ''}). Muat ulang, lalu terapkan perubahan Anda lagi.`,
      en: `The standard of "${code}" was changed by someone else (you edited version ${expected}${current ? `; version ${current} is now in force` : ''}). Reload, then apply your change again.`,
    },
    undefined,
    { currentVersion: current },
  );
}

async function serviceIdsFor(tx: DbOrTx, regencyCode: string, codes: string[], field: string): Promise<string[]> {
  const ids = new Map((await repo.listAllServices(tx, regencyCode)).map((s) => [s.code, s.id]));
  const unknown = codes.filter((c) => !ids.has(c));
  if (unknown.length) throw fieldError(field, `Layanan tidak dikenal: ${unknown.join(', ')}.`, `Unknown services: ${unknown.join(', ')}.`);
  return [...new Set(codes.map((c) => ids.get(c)!))];
}

function pointColumns(input: Partial<CreatePointInput>) {
  return {
    nameId: input.name?.id,
    nameEn: input.name?.en,
    kind: input.kind,
    address: input.address,
    regionCode: input.regionCode,
    weeklyHours: input.weeklyHours,
    fridayBreak: input.fridayBreak,
    ...(input.marketDays === undefined
      ? {}
      : { marketPasaran: input.marketDays?.pasaran ?? null, marketOpen: input.marketDays?.open ?? null, marketClose: input.marketDays?.close ?? null }),
    active: input.active,
  };
}

async function checkRegion(tx: DbOrTx, regencyCode: string, regionCode: string | null | undefined): Promise<void> {
  if (!regionCode) return;
  if (!regionCode.startsWith(`${regencyCode}.`)) throw fieldError('regionCode', 'Wilayah harus di dalam kabupaten ini.', 'The region must lie within this regency.');
  if (!(await findRegion(tx, regionCode))) throw fieldError('regionCode', `Kode wilayah ${regionCode} tidak ada dalam daftar resmi.`, `Region code ${regionCode} is not in the official list.`);
}

export async function createPoint(ctx: AppContext, actor: Actor, input: CreatePointInput, meta: RequestMeta): Promise<void> {
  manage(actor);
  await ctx.db.transaction(async (tx) => {
    if (await repo.findPointByCode(tx, ctx.regencyCode, input.code)) {
      throw new AppError('already_exists', { id: `Titik layanan "${input.code}" sudah ada.`, en: `Service point "${input.code}" already exists.` });
    }
    await checkRegion(tx, ctx.regencyCode, input.regionCode);
    // Staff of a village office are bound to the village place; other points get their own place.
    const place =
      input.kind === 'village' && input.regionCode
        ? await identity.findPlaceByCode(tx, ctx.regencyCode, 'village', input.regionCode)
        : await identity.upsertPlace(tx, { regencyCode: ctx.regencyCode, kind: 'service_point', code: input.code, name: input.name.id, regionCode: input.regionCode });
    if (!place) throw fieldError('regionCode', 'Kantor desa memerlukan kode desa/kelurahan yang terdaftar.', 'A village office needs a registered village code.');
    const serviceIds = await serviceIdsFor(tx, ctx.regencyCode, input.serviceCodes, 'serviceCodes');
    const [point] = await repo.insertPoints(tx, [{ regencyCode: ctx.regencyCode, placeId: place.id, code: input.code, ...pointColumns(input) } as Parameters<typeof repo.insertPoints>[1][number]]);
    await repo.insertPointServices(tx, serviceIds.map((serviceId) => ({ regencyCode: ctx.regencyCode, pointId: point!.id, serviceId })));
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'create', entityType: 'service_point', entityId: input.code, details: { ...input } }, ctx.now());
  });
}

export async function updatePoint(ctx: AppContext, actor: Actor, code: string, patch: UpdatePointInput, meta: RequestMeta): Promise<void> {
  manage(actor);
  await ctx.db.transaction(async (tx) => {
    const point = await repo.findPointByCode(tx, ctx.regencyCode, code);
    if (!point) throw NOT_FOUND.point(code);
    await checkRegion(tx, ctx.regencyCode, patch.regionCode);
    await repo.updatePoint(tx, ctx.regencyCode, point.id, pointColumns(patch), ctx.now());
    if (patch.serviceCodes) {
      const wanted = new Set(await serviceIdsFor(tx, ctx.regencyCode, patch.serviceCodes, 'serviceCodes'));
      const current = await repo.listServiceIdsOfPoint(tx, ctx.regencyCode, point.id);
      // Removing a service from a point also takes it off the point's counters (foreign key cascade).
      await repo.deletePointServices(tx, ctx.regencyCode, point.id, current.filter((id) => !wanted.has(id)));
      await repo.insertPointServices(tx, [...wanted].map((serviceId) => ({ regencyCode: ctx.regencyCode, pointId: point.id, serviceId })));
    }
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'update', entityType: 'service_point', entityId: code, details: { ...patch } }, ctx.now());
  });
}

async function counterServiceIds(tx: DbOrTx, regencyCode: string, point: repo.PointRow, codes: string[]): Promise<string[]> {
  const ids = await serviceIdsFor(tx, regencyCode, codes, 'serviceCodes');
  const offered = new Set(await repo.listServiceIdsOfPoint(tx, regencyCode, point.id));
  const missing = codes.filter((_, i) => !offered.has(ids[i]!));
  if (missing.length) {
    throw fieldError('serviceCodes', `Layanan ini tidak tersedia di ${point.nameId}: ${missing.join(', ')}.`, `Not offered at ${point.nameEn}: ${missing.join(', ')}.`);
  }
  return ids;
}

export async function createCounter(ctx: AppContext, actor: Actor, pointCode: string, input: CreateCounterInput & { allServices?: boolean }, meta: RequestMeta): Promise<void> {
  manage(actor);
  await ctx.db.transaction(async (tx) => {
    const point = await repo.findPointByCode(tx, ctx.regencyCode, pointCode);
    if (!point) throw NOT_FOUND.point(pointCode);
    if (await repo.findCounter(tx, ctx.regencyCode, point.id, input.code)) {
      throw new AppError('already_exists', { id: `Loket ${input.code} sudah ada di ${point.nameId}.`, en: `Counter ${input.code} already exists at ${point.nameEn}.` });
    }
    const agencyId = input.agencyCode ? await agencyIdFor(tx, ctx.regencyCode, input.agencyCode) : null;
    const allServices = input.allServices ?? false;
    const serviceIds = allServices ? [] : await counterServiceIds(tx, ctx.regencyCode, point, [...new Set(input.serviceCodes)]);
    const [counter] = await repo.insertCounters(tx, [
      { regencyCode: ctx.regencyCode, pointId: point.id, code: input.code, nameId: input.name.id, nameEn: input.name.en, agencyId, allServices, active: input.active },
    ]);
    await repo.replaceCounterServices(tx, ctx.regencyCode, point.id, counter!.id, serviceIds);
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'create', entityType: 'counter', entityId: `${pointCode}/${input.code}`, details: { ...input } }, ctx.now());
  });
}

export async function updateCounter(
  ctx: AppContext,
  actor: Actor,
  pointCode: string,
  code: string,
  patch: UpdateCounterInput & { allServices?: boolean },
  meta: RequestMeta,
): Promise<void> {
  manage(actor);
  await ctx.db.transaction(async (tx) => {
    const point = await repo.findPointByCode(tx, ctx.regencyCode, pointCode);
    if (!point) throw NOT_FOUND.point(pointCode);
    const counter = await repo.findCounter(tx, ctx.regencyCode, point.id, code);
    if (!counter) throw NOT_FOUND.counter(`${pointCode}/${code}`);
    const agencyId = patch.agencyCode === undefined ? undefined : patch.agencyCode === null ? null : await agencyIdFor(tx, ctx.regencyCode, patch.agencyCode);
    await repo.updateCounter(tx, ctx.regencyCode, counter.id, { nameId: patch.name?.id, nameEn: patch.name?.en, agencyId, allServices: patch.allServices, active: patch.active }, ctx.now());
    if (patch.allServices) await repo.replaceCounterServices(tx, ctx.regencyCode, point.id, counter.id, []);
    else if (patch.serviceCodes) {
      await repo.replaceCounterServices(tx, ctx.regencyCode, point.id, counter.id, await counterServiceIds(tx, ctx.regencyCode, point, [...new Set(patch.serviceCodes)]));
    }
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'update', entityType: 'counter', entityId: `${pointCode}/${code}`, details: { ...patch } }, ctx.now());
  });
}

export async function putClosure(ctx: AppContext, actor: Actor, input: ClosureInput, meta: RequestMeta): Promise<{ created: boolean }> {
  manage(actor);
  const created = await ctx.db.transaction(async (tx) => {
    const existing = await repo.findClosure(tx, ctx.regencyCode, input.date);
    await repo.upsertClosure(tx, { regencyCode: ctx.regencyCode, date: input.date, kind: input.kind, nameId: input.name.id, nameEn: input.name.en });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: existing ? 'update' : 'create', entityType: 'closure', entityId: input.date, details: { ...input } }, ctx.now());
    return !existing;
  });
  forgetClosureYear(ctx.regencyCode, Number(input.date.slice(0, 4)));
  return { created };
}

export async function deleteClosure(ctx: AppContext, actor: Actor, date: LocalDate, meta: RequestMeta): Promise<void> {
  manage(actor);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.deleteClosure(tx, ctx.regencyCode, date))) {
      throw new AppError('not_found', { id: `Tidak ada hari libur/cuti bersama pada ${date}.`, en: `No closure on ${date}.` });
    }
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'delete', entityType: 'closure', entityId: date }, ctx.now());
  });
  forgetClosureYear(ctx.regencyCode, Number(date.slice(0, 4)));
}

export async function putSpecialDay(ctx: AppContext, actor: Actor, pointCode: string, date: LocalDate, input: SpecialDayInput, meta: RequestMeta): Promise<void> {
  manage(actor);
  await ctx.db.transaction(async (tx) => {
    const point = await repo.findPointByCode(tx, ctx.regencyCode, pointCode);
    if (!point) throw NOT_FOUND.point(pointCode);
    await repo.upsertSpecialDay(tx, {
      regencyCode: ctx.regencyCode,
      pointId: point.id,
      date,
      open: input.closed ? null : input.open,
      close: input.closed ? null : input.close,
      noteId: input.note.id,
      noteEn: input.note.en,
    });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'update', entityType: 'special_day', entityId: `${pointCode}/${date}`, details: { ...input } }, ctx.now());
  });
}

export async function deleteSpecialDay(ctx: AppContext, actor: Actor, pointCode: string, date: LocalDate, meta: RequestMeta): Promise<void> {
  manage(actor);
  await ctx.db.transaction(async (tx) => {
    const point = await repo.findPointByCode(tx, ctx.regencyCode, pointCode);
    if (!point) throw NOT_FOUND.point(pointCode);
    if (!(await repo.deleteSpecialDay(tx, ctx.regencyCode, point.id, date))) {
      throw new AppError('not_found', { id: `Tidak ada hari khusus ${date} di ${point.nameId}.`, en: `No special day on ${date} at ${point.nameEn}.` });
    }
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'delete', entityType: 'special_day', entityId: `${pointCode}/${date}` }, ctx.now());
  });
}
