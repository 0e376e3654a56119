/**
 * The MPP admin's edits of the catalogue: agencies, document types, services and their standards
 * (each edit of a standard publishes a new version), points, counters, closures and special days.
 * Access first (mpp_admin only), then one transaction per use case with its audit row.
 */
import { recordAudit } from '../audit/service.ts';
import type { DbOrTx } from '../db/client.ts';
import { requireAccess } from '../identity/access.ts';
import * as identity from '../identity/repository.ts';
import { findRegion } from '../regions/repository.ts';
import type { Actor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { canCatalogue } from './access.ts';
import { forgetClosureYear } from './calendar-service.ts';
import type { LocalDate } from './calendar/local-date.ts';
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
import * as repo from './repository.ts';
import { type AgencyView, agencyView, fieldError, findService, NOT_FOUND } from './service.ts';
import { changedComponents, standardInputOf, standardRows } from './standard.ts';

function manage(actor: Actor): void {
  requireAccess(actor, canCatalogue(actor, 'catalogue.manage'));
}

/** The SQLSTATE of a database error, through drizzle's wrapper. */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
}

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
