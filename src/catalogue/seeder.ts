/**
 * Loads the service catalogue of the seed (src/catalogue/seed) on first start: document types, life
 * events, agencies, services with version 1 of their standards, search synonyms, the service points
 * with their counters, one Smart Kampung point per desa/kelurahan, and the cuti bersama of this
 * year and the next. One transaction, bulk inserts; a second start finds the catalogue and stops.
 */
import { and, eq, like, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';
import { places } from '../identity/schema.ts';
import { regions } from '../regions/schema.ts';
import { CUTI_BERSAMA_SEED } from './calendar/cuti-bersama.ts';
import { standardSchema, type StandardInput } from './model.ts';
import * as repo from './repository.ts';
import { documentTypes } from './schema.ts';
import { AGENCIES } from './seed/agencies.ts';
import { DOCUMENT_TYPES } from './seed/document-types.ts';
import { LIFE_EVENTS } from './seed/life-events.ts';
import { COUNTERS, SERVICE_POINTS, VILLAGE_POINT_TEMPLATE } from './seed/service-points.ts';
import { SERVICES } from './seed/services/index.ts';
import { SYNONYMS } from './seed/synonyms.ts';
import type { ServiceSeed, StandardSeed } from './seed/types.ts';
import { standardRows } from './standard.ts';

/** The district each Banyuwangi point stands in (official region codes). */
const POINT_REGIONS: Readonly<Record<string, string>> = { 'mpp-banyuwangi': '35.10.16', 'ppp-rogojampi': '35.10.13', 'ppp-genteng': '35.10.09' };

/** The seed describes MPP Banyuwangi; another regency gets the shared reference data and loads its own catalogue by CSV. */
const SEED_REGENCY = '35.10';

export type SeedResult = { seeded: boolean; ms: number; counts: Record<string, number> };

/** The Smart Kampung point of a village: its code is derived from the village's region code. */
export function villagePointCode(villageCode: string): string {
  return `smart-kampung-${villageCode}`;
}

export function standardInputOfSeed(seed: StandardSeed): StandardInput {
  return standardSchema.parse({
    ...seed,
    requirements: seed.requirements.map((r) => ({ documentCode: r.documentCode, optional: r.optional ?? false, note: r.note ?? null })),
    fee: { amount: seed.fee.amount, variable: seed.fee.variable ?? false, legalBasis: seed.fee.legalBasis ?? null, note: seed.fee.note ?? null },
  });
}

export async function seedCatalogue(db: Db, regencyCode: string, now: Date = new Date()): Promise<SeedResult> {
  const started = performance.now();
  const [existing] = await db.select({ id: documentTypes.id }).from(documentTypes).where(eq(documentTypes.regencyCode, regencyCode)).limit(1);
  if (existing) return { seeded: false, ms: performance.now() - started, counts: {} };
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const docs = await repo.insertDocumentTypes(
      tx,
      DOCUMENT_TYPES.map((d) => ({ regencyCode, code: d.code, nameId: d.name.id, nameEn: d.name.en, descriptionId: d.description?.id ?? null, descriptionEn: d.description?.en ?? null })),
    );
    counts.documentTypes = docs.length;
    await repo.insertLifeEvents(
      tx,
      LIFE_EVENTS.map((e, i) => ({ regencyCode, code: e.code, nameId: e.name.id, nameEn: e.name.en, descriptionId: e.description.id, descriptionEn: e.description.en, position: i + 1 })),
    );
    const synonymRows = SYNONYMS.flatMap((s) => s.expandsTo.map((expansion) => ({ regencyCode, term: s.term.toLowerCase(), expansion: expansion.toLowerCase() })));
    await repo.insertSynonyms(tx, synonymRows);
    counts.synonyms = synonymRows.length;
    counts.closures = await seedCutiBersama(tx, regencyCode, now);
    if (regencyCode !== SEED_REGENCY) return;

    const documentIds = new Map(docs.map((d) => [d.code, d.id]));
    Object.assign(counts, await seedAgenciesAndServices(tx, regencyCode, documentIds, now));
    Object.assign(counts, await seedPoints(tx, regencyCode));
  });
  // Merge the search index and refresh statistics, so that searches use the trigram indexes at once
  // (PGlite has no autovacuum to do either).
  await repo.flushSearchIndex(db);
  await db.execute(sql`analyze search_terms, search_synonyms, services, agencies, service_points, point_services, counters, counter_services, service_life_events`);
  return { seeded: true, ms: Math.round(performance.now() - started), counts };
}

async function seedCutiBersama(tx: DbOrTx, regencyCode: string, now: Date): Promise<number> {
  const year = now.getUTCFullYear();
  const rows = [year, year + 1].flatMap((y) =>
    (CUTI_BERSAMA_SEED[y] ?? []).map((c) => ({ regencyCode, date: c.date, kind: 'cuti_bersama' as const, nameId: c.name.id, nameEn: c.name.en })),
  );
  await repo.insertClosures(tx, rows);
  return rows.length;
}

async function upsertPlaces(tx: DbOrTx, rows: (typeof places.$inferInsert)[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const row of rows) {
    const [saved] = await tx
      .insert(places)
      .values(row)
      .onConflictDoUpdate({ target: [places.regencyCode, places.kind, places.code], set: { name: row.name, regionCode: row.regionCode } })
      .returning({ id: places.id, code: places.code });
    out.set(saved!.code, saved!.id);
  }
  return out;
}

async function seedAgenciesAndServices(tx: DbOrTx, regencyCode: string, documentIds: Map<string, string>, now: Date) {
  const placeIds = await upsertPlaces(
    tx,
    AGENCIES.map((a) => ({ regencyCode, kind: 'agency' as const, code: a.code, name: a.name.id, regionCode: null })),
  );
  const agencyRows = await repo.insertAgencies(
    tx,
    AGENCIES.map((a) => ({
      regencyCode,
      placeId: placeIds.get(a.code)!,
      code: a.code,
      shortName: a.shortName,
      nameId: a.name.id,
      nameEn: a.name.en,
      kind: a.kind,
      phone: a.phone ?? null,
      complaintChannelId: a.complaintChannel.id,
      complaintChannelEn: a.complaintChannel.en,
    })),
  );
  const agencyIds = new Map(agencyRows.map((a) => [a.code, a.id]));

  const inputs = SERVICES.map((s) => ({ seed: s, standard: parseSeedStandard(s) }));
  const serviceRows = await repo.insertServices(
    tx,
    inputs.map(({ seed }) => ({
      regencyCode,
      code: seed.code,
      agencyId: agencyIds.get(seed.agencyCode) ?? fail(`service ${seed.code}: unknown agency ${seed.agencyCode}`),
      nameId: seed.name.id,
      nameEn: seed.name.en,
      summaryId: seed.summary.id,
      summaryEn: seed.summary.en,
      level: seed.level,
      channels: seed.channels,
      keywords: seed.keywords,
      currentVersion: 1,
    })),
  );
  const serviceIds = new Map(serviceRows.map((s) => [s.code, s.id]));
  const published = { at: now, by: null, changeNote: 'Standar pelayanan awal / initial service standard' };
  const rows = inputs.map(({ seed, standard }) => standardRows(regencyCode, serviceIds.get(seed.code)!, 1, standard, documentIds, published));
  await repo.insertStandards(tx, rows.map((r) => r.standard));
  await repo.insertRequirements(tx, rows.flatMap((r) => r.requirements));
  await repo.insertServiceLifeEvents(
    tx,
    SERVICES.flatMap((s) => [...new Set(s.lifeEvents)].map((lifeEventCode) => ({ regencyCode, serviceId: serviceIds.get(s.code)!, lifeEventCode }))),
  );
  return { agencies: agencyRows.length, services: serviceRows.length, requirements: rows.reduce((n, r) => n + r.requirements.length, 0) };
}

function parseSeedStandard(seed: ServiceSeed): StandardInput {
  try {
    return standardInputOfSeed(seed.standard);
  } catch (error) {
    throw new Error(`seed service ${seed.code}: ${(error as Error).message}`);
  }
}

async function seedPoints(tx: DbOrTx, regencyCode: string) {
  const services = await repo.listAllServices(tx, regencyCode);
  const serviceIds = new Map(services.map((s) => [s.code, s.id]));
  const regencyLevel = services.filter((s) => s.level === 'regency').map((s) => s.id);
  const idOf = (code: string, where: string) => serviceIds.get(code) ?? fail(`${where}: unknown service ${code}`);
  const agencies = new Map((await repo.listAgencies(tx, regencyCode, true)).map((a) => [a.agency.code, a.agency.id]));

  const pointPlaces = await upsertPlaces(
    tx,
    SERVICE_POINTS.map((p) => ({ regencyCode, kind: 'service_point' as const, code: p.code, name: p.name.id, regionCode: POINT_REGIONS[p.code] ?? null })),
  );
  const villages = await tx
    .select({ code: regions.code, name: regions.name, districtName: sqlDistrictName() })
    .from(regions)
    .where(and(eq(regions.level, 'village'), like(regions.code, `${regencyCode}.%`)))
    .orderBy(regions.code);
  const villagePlaces = new Map(
    (await tx.select({ id: places.id, code: places.code }).from(places).where(and(eq(places.regencyCode, regencyCode), eq(places.kind, 'village')))).map((p) => [p.code, p.id]),
  );
  const template = VILLAGE_POINT_TEMPLATE;
  const pointRows = await repo.insertPoints(tx, [
    ...SERVICE_POINTS.map((p) => ({
      regencyCode,
      placeId: pointPlaces.get(p.code)!,
      code: p.code,
      kind: p.kind,
      nameId: p.name.id,
      nameEn: p.name.en,
      address: p.address,
      regionCode: POINT_REGIONS[p.code] ?? null,
      weeklyHours: p.hours,
      fridayBreak: p.fridayBreak ?? null,
      marketPasaran: p.marketDays?.pasaran ?? null,
      marketOpen: p.marketDays?.open ?? null,
      marketClose: p.marketDays?.close ?? null,
    })),
    ...villages.map((v) => {
      // Kemendagri codes: a village number starting with 1 is a kelurahan, with 2 a desa.
      const kelurahan = v.code.split('.')[3]!.startsWith('1');
      const kind = kelurahan ? { id: 'Kelurahan', en: 'urban ward' } : { id: 'Desa', en: 'village' };
      return {
        regencyCode,
        placeId: villagePlaces.get(v.code) ?? fail(`village place ${v.code} is missing: run seedFoundation first`),
        code: villagePointCode(v.code),
        kind: 'village' as const,
        nameId: `Smart Kampung ${kind.id} ${v.name}`,
        nameEn: `Smart Kampung, ${v.name} ${kind.en}`,
        address: `Kantor ${kind.id} ${v.name}, Kecamatan ${v.districtName}, Kabupaten Banyuwangi, Jawa Timur`,
        regionCode: v.code,
        weeklyHours: template.hours,
        fridayBreak: template.fridayBreak ?? null,
      };
    }),
  ]);
  const pointIds = new Map(pointRows.map((p) => [p.code, p.id]));

  const pointServiceRows: { regencyCode: string; pointId: string; serviceId: string }[] = [];
  for (const p of SERVICE_POINTS) {
    const ids = p.serviceCodes === 'all-regency' ? regencyLevel : p.serviceCodes.map((c) => idOf(c, `point ${p.code}`));
    for (const serviceId of new Set(ids)) pointServiceRows.push({ regencyCode, pointId: pointIds.get(p.code)!, serviceId });
  }
  const villageServiceIds = [...new Set(template.serviceCodes.map((c) => idOf(c, 'village template')))];
  for (const v of villages) for (const serviceId of villageServiceIds) pointServiceRows.push({ regencyCode, pointId: pointIds.get(villagePointCode(v.code))!, serviceId });
  await repo.insertPointServices(tx, pointServiceRows);

  // A village office has one desk that handles everything the point offers: no per-service rows.
  const counterSeeds = [
    ...COUNTERS.map((c) => ({ ...c, allServices: false })),
    ...villages.map((v) => ({ ...template.counter, pointCode: villagePointCode(v.code), allServices: true })),
  ];
  const counterRows = await repo.insertCounters(
    tx,
    counterSeeds.map((c) => ({
      regencyCode,
      pointId: pointIds.get(c.pointCode) ?? fail(`counter ${c.code}: unknown point ${c.pointCode}`),
      code: c.code,
      nameId: c.name.id,
      nameEn: c.name.en,
      agencyId: c.agencyCode ? (agencies.get(c.agencyCode) ?? fail(`counter ${c.pointCode}/${c.code}: unknown agency ${c.agencyCode}`)) : null,
      allServices: c.allServices,
    })),
  );
  const counterIds = new Map(counterRows.map((c) => [`${c.pointId}|${c.code}`, c.id]));
  const offered = new Set(pointServiceRows.map((r) => `${r.pointId}|${r.serviceId}`));
  const counterServiceRows = counterSeeds.filter((c) => !c.allServices).flatMap((c) => {
    const pointId = pointIds.get(c.pointCode)!;
    const counterId = counterIds.get(`${pointId}|${c.code}`)!;
    return [...new Set(c.serviceCodes)].map((code) => {
      const serviceId = idOf(code, `counter ${c.pointCode}/${c.code}`);
      if (!offered.has(`${pointId}|${serviceId}`)) fail(`counter ${c.pointCode}/${c.code} handles ${code}, which the point does not offer`);
      return { regencyCode, pointId, counterId, serviceId };
    });
  });
  await repo.insertCounterServices(tx, counterServiceRows);
  return { points: pointRows.length, villagePoints: villages.length, pointServices: pointServiceRows.length, counters: counterRows.length, counterServices: counterServiceRows.length };
}

function sqlDistrictName() {
  return sql<string>`(select d.name from regions d where d.code = regions.parent_code)`;
}

function fail(message: string): never {
  throw new Error(`catalogue seed: ${message}`);
}
