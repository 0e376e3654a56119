/** Every query of the catalogue module. */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../db/client.ts';
import {
  agencies,
  closures,
  counterServices,
  counters,
  documentTypes,
  lifeEvents,
  pointServices,
  searchSynonyms,
  searchTerms,
  serviceLifeEvents,
  servicePoints,
  serviceRequirements,
  services,
  serviceStandards,
  specialDays,
} from './schema.ts';

export type AgencyRow = typeof agencies.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type StandardRow = typeof serviceStandards.$inferSelect;
export type PointRow = typeof servicePoints.$inferSelect;
export type CounterRow = typeof counters.$inferSelect;
export type ClosureRow = typeof closures.$inferSelect;
export type SpecialDayRow = typeof specialDays.$inferSelect;
export type DocumentTypeRow = typeof documentTypes.$inferSelect;
export type LifeEventRow = typeof lifeEvents.$inferSelect;

/** Postgres caps a statement at 65 535 parameters; bulk inserts go in slices well below it. */
export async function insertMany<T>(rows: T[], size: number, insert: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

// — document types —

export async function listDocumentTypes(tx: DbOrTx, r: string): Promise<DocumentTypeRow[]> {
  return tx.select().from(documentTypes).where(eq(documentTypes.regencyCode, r)).orderBy(asc(documentTypes.code));
}

export async function insertDocumentTypes(tx: DbOrTx, rows: (typeof documentTypes.$inferInsert)[]): Promise<DocumentTypeRow[]> {
  const out: DocumentTypeRow[] = [];
  await insertMany(rows, 500, async (slice) => out.push(...(await tx.insert(documentTypes).values(slice).returning())));
  return out;
}

export async function updateDocumentType(tx: DbOrTx, r: string, id: string, patch: Partial<typeof documentTypes.$inferInsert>): Promise<void> {
  await tx.update(documentTypes).set(patch).where(and(eq(documentTypes.regencyCode, r), eq(documentTypes.id, id)));
}

// — life events —

export async function listLifeEvents(tx: DbOrTx, r: string) {
  return tx
    .select({
      code: lifeEvents.code,
      nameId: lifeEvents.nameId,
      nameEn: lifeEvents.nameEn,
      descriptionId: lifeEvents.descriptionId,
      descriptionEn: lifeEvents.descriptionEn,
      serviceCount: sql<number>`(select count(*)::int from ${serviceLifeEvents} sle join ${services} s on s.regency_code = sle.regency_code and s.id = sle.service_id and s.active
        where sle.regency_code = life_events.regency_code and sle.life_event_code = life_events.code)`,
    })
    .from(lifeEvents)
    .where(eq(lifeEvents.regencyCode, r))
    .orderBy(asc(lifeEvents.position), asc(lifeEvents.code));
}

export async function insertLifeEvents(tx: DbOrTx, rows: (typeof lifeEvents.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(lifeEvents).values(rows);
}

// — agencies —

export async function listAgencies(tx: DbOrTx, r: string, includeInactive: boolean) {
  return tx
    .select({
      agency: agencies,
      serviceCount: sql<number>`(select count(*)::int from ${services} s where s.regency_code = agencies.regency_code and s.agency_id = agencies.id and s.active)`,
    })
    .from(agencies)
    .where(includeInactive ? eq(agencies.regencyCode, r) : and(eq(agencies.regencyCode, r), eq(agencies.active, true)))
    .orderBy(asc(agencies.shortName));
}

export async function findAgencyByCode(tx: DbOrTx, r: string, code: string): Promise<AgencyRow | null> {
  const [row] = await tx.select().from(agencies).where(and(eq(agencies.regencyCode, r), eq(agencies.code, code)));
  return row ?? null;
}

export async function findAgencyById(tx: DbOrTx, r: string, id: string): Promise<AgencyRow | null> {
  const [row] = await tx.select().from(agencies).where(and(eq(agencies.regencyCode, r), eq(agencies.id, id)));
  return row ?? null;
}

export async function insertAgencies(tx: DbOrTx, rows: (typeof agencies.$inferInsert)[]): Promise<AgencyRow[]> {
  return rows.length ? tx.insert(agencies).values(rows).returning() : [];
}

export async function updateAgency(tx: DbOrTx, r: string, id: string, patch: Partial<typeof agencies.$inferInsert>, now: Date): Promise<void> {
  await tx.update(agencies).set({ ...patch, updatedAt: now }).where(and(eq(agencies.regencyCode, r), eq(agencies.id, id)));
}

// — services —

/** What a list of services shows: the service, its agency and the fee and time of the version in force. */
const serviceSummaryColumns = {
  id: services.id,
  code: services.code,
  nameId: services.nameId,
  nameEn: services.nameEn,
  summaryId: services.summaryId,
  summaryEn: services.summaryEn,
  level: services.level,
  channels: services.channels,
  active: services.active,
  currentVersion: services.currentVersion,
  agencyCode: agencies.code,
  agencyShortName: agencies.shortName,
  feeAmount: serviceStandards.feeAmount,
  feeVariable: serviceStandards.feeVariable,
  durationValue: serviceStandards.durationValue,
  durationUnit: serviceStandards.durationUnit,
  lifeEvents: sql<string[]>`coalesce((select array_agg(sle.life_event_code order by sle.life_event_code) from ${serviceLifeEvents} sle
    where sle.regency_code = services.regency_code and sle.service_id = services.id), '{}'::text[])`,
};
export type ServiceSummaryRow = Awaited<ReturnType<typeof selectServiceSummaries>>[number];

function selectServiceSummaries(tx: DbOrTx) {
  return tx
    .select(serviceSummaryColumns)
    .from(services)
    .innerJoin(agencies, and(eq(agencies.regencyCode, services.regencyCode), eq(agencies.id, services.agencyId)))
    .innerJoin(
      serviceStandards,
      and(eq(serviceStandards.regencyCode, services.regencyCode), eq(serviceStandards.serviceId, services.id), eq(serviceStandards.version, services.currentVersion)),
    )
    .$dynamic();
}

export type ServiceFilter = { agencyCode?: string; lifeEvent?: string; pointCode?: string; ids?: string[]; includeInactive?: boolean };

export async function listServiceSummaries(tx: DbOrTx, r: string, filter: ServiceFilter): Promise<ServiceSummaryRow[]> {
  const conditions = [eq(services.regencyCode, r)];
  if (!filter.includeInactive) conditions.push(eq(services.active, true));
  if (filter.agencyCode) conditions.push(eq(agencies.code, filter.agencyCode));
  if (filter.ids) conditions.push(filter.ids.length ? inArray(services.id, filter.ids) : sql`false`);
  if (filter.lifeEvent) {
    conditions.push(
      sql`exists (select 1 from ${serviceLifeEvents} sle where sle.regency_code = ${services.regencyCode} and sle.service_id = ${services.id} and sle.life_event_code = ${filter.lifeEvent})`,
    );
  }
  if (filter.pointCode) {
    conditions.push(
      sql`exists (select 1 from ${pointServices} ps join ${servicePoints} p on p.regency_code = ps.regency_code and p.id = ps.point_id
        where ps.regency_code = ${services.regencyCode} and ps.service_id = ${services.id} and p.code = ${filter.pointCode})`,
    );
  }
  return selectServiceSummaries(tx).where(and(...conditions)).orderBy(asc(agencies.shortName), asc(services.nameId));
}

export async function findServiceByCode(tx: DbOrTx, r: string, code: string): Promise<ServiceRow | null> {
  const [row] = await tx.select().from(services).where(and(eq(services.regencyCode, r), eq(services.code, code)));
  return row ?? null;
}

export async function findServiceById(tx: DbOrTx, r: string, id: string): Promise<ServiceRow | null> {
  const [row] = await tx.select().from(services).where(and(eq(services.regencyCode, r), eq(services.id, id)));
  return row ?? null;
}

export async function listAllServices(tx: DbOrTx, r: string): Promise<ServiceRow[]> {
  return tx.select().from(services).where(eq(services.regencyCode, r)).orderBy(asc(services.code));
}

export async function insertServices(tx: DbOrTx, rows: (typeof services.$inferInsert)[]): Promise<ServiceRow[]> {
  const out: ServiceRow[] = [];
  await insertMany(rows, 200, async (slice) => out.push(...(await tx.insert(services).values(slice).returning())));
  return out;
}

export async function updateService(tx: DbOrTx, r: string, id: string, patch: Partial<typeof services.$inferInsert>, now: Date): Promise<void> {
  await tx.update(services).set({ ...patch, updatedAt: now }).where(and(eq(services.regencyCode, r), eq(services.id, id)));
}

/** Moves the version in force from `expected` to `next`; false when someone else moved it first. */
export async function advanceCurrentVersion(tx: DbOrTx, r: string, id: string, expected: number, next: number, now: Date): Promise<boolean> {
  const rows = await tx
    .update(services)
    .set({ currentVersion: next, updatedAt: now })
    .where(and(eq(services.regencyCode, r), eq(services.id, id), eq(services.currentVersion, expected)))
    .returning({ id: services.id });
  return rows.length === 1;
}

export async function listLifeEventsOfService(tx: DbOrTx, r: string, serviceId: string): Promise<string[]> {
  const rows = await tx
    .select({ code: serviceLifeEvents.lifeEventCode })
    .from(serviceLifeEvents)
    .where(and(eq(serviceLifeEvents.regencyCode, r), eq(serviceLifeEvents.serviceId, serviceId)))
    .orderBy(asc(serviceLifeEvents.lifeEventCode));
  return rows.map((row) => row.code);
}

export async function listServiceLifeEvents(tx: DbOrTx, r: string): Promise<{ serviceId: string; lifeEventCode: string }[]> {
  return tx
    .select({ serviceId: serviceLifeEvents.serviceId, lifeEventCode: serviceLifeEvents.lifeEventCode })
    .from(serviceLifeEvents)
    .where(eq(serviceLifeEvents.regencyCode, r))
    .orderBy(asc(serviceLifeEvents.lifeEventCode));
}

export async function replaceServiceLifeEvents(tx: DbOrTx, r: string, serviceId: string, codes: string[]): Promise<void> {
  await tx.delete(serviceLifeEvents).where(and(eq(serviceLifeEvents.regencyCode, r), eq(serviceLifeEvents.serviceId, serviceId)));
  if (codes.length) await tx.insert(serviceLifeEvents).values(codes.map((lifeEventCode) => ({ regencyCode: r, serviceId, lifeEventCode })));
}

export async function insertServiceLifeEvents(tx: DbOrTx, rows: (typeof serviceLifeEvents.$inferInsert)[]): Promise<void> {
  await insertMany(rows, 2000, (slice) => tx.insert(serviceLifeEvents).values(slice));
}

// — standards (immutable versions) —

export async function insertStandards(tx: DbOrTx, rows: (typeof serviceStandards.$inferInsert)[]): Promise<void> {
  await insertMany(rows, 200, (slice) => tx.insert(serviceStandards).values(slice));
}

export async function insertRequirements(tx: DbOrTx, rows: (typeof serviceRequirements.$inferInsert)[]): Promise<void> {
  await insertMany(rows, 2000, (slice) => tx.insert(serviceRequirements).values(slice));
}

export async function findStandard(tx: DbOrTx, r: string, serviceId: string, version: number): Promise<StandardRow | null> {
  const [row] = await tx
    .select()
    .from(serviceStandards)
    .where(and(eq(serviceStandards.regencyCode, r), eq(serviceStandards.serviceId, serviceId), eq(serviceStandards.version, version)));
  return row ?? null;
}

/** Every service's standard in force (CSV export, import diff). */
export async function listCurrentStandards(tx: DbOrTx, r: string): Promise<StandardRow[]> {
  return tx
    .select({ standard: serviceStandards })
    .from(serviceStandards)
    .innerJoin(services, and(eq(services.regencyCode, serviceStandards.regencyCode), eq(services.id, serviceStandards.serviceId), eq(services.currentVersion, serviceStandards.version)))
    .where(eq(serviceStandards.regencyCode, r))
    .then((rows) => rows.map((row) => row.standard));
}

export type RequirementWithDocument = {
  serviceId: string;
  version: number;
  position: number;
  optional: boolean;
  noteId: string | null;
  noteEn: string | null;
  documentCode: string;
  documentNameId: string;
  documentNameEn: string;
  documentDescriptionId: string | null;
  documentDescriptionEn: string | null;
};

const requirementColumns = {
  serviceId: serviceRequirements.serviceId,
  version: serviceRequirements.version,
  position: serviceRequirements.position,
  optional: serviceRequirements.optional,
  noteId: serviceRequirements.noteId,
  noteEn: serviceRequirements.noteEn,
  documentCode: documentTypes.code,
  documentNameId: documentTypes.nameId,
  documentNameEn: documentTypes.nameEn,
  documentDescriptionId: documentTypes.descriptionId,
  documentDescriptionEn: documentTypes.descriptionEn,
};

export async function listRequirements(tx: DbOrTx, r: string, serviceId: string, version: number): Promise<RequirementWithDocument[]> {
  return tx
    .select(requirementColumns)
    .from(serviceRequirements)
    .innerJoin(documentTypes, and(eq(documentTypes.regencyCode, serviceRequirements.regencyCode), eq(documentTypes.id, serviceRequirements.documentTypeId)))
    .where(and(eq(serviceRequirements.regencyCode, r), eq(serviceRequirements.serviceId, serviceId), eq(serviceRequirements.version, version)))
    .orderBy(asc(serviceRequirements.position));
}

/** The requirements of every service's version in force. */
export async function listCurrentRequirements(tx: DbOrTx, r: string): Promise<RequirementWithDocument[]> {
  return tx
    .select(requirementColumns)
    .from(serviceRequirements)
    .innerJoin(documentTypes, and(eq(documentTypes.regencyCode, serviceRequirements.regencyCode), eq(documentTypes.id, serviceRequirements.documentTypeId)))
    .innerJoin(services, and(eq(services.regencyCode, serviceRequirements.regencyCode), eq(services.id, serviceRequirements.serviceId), eq(services.currentVersion, serviceRequirements.version)))
    .where(eq(serviceRequirements.regencyCode, r))
    .orderBy(asc(serviceRequirements.serviceId), asc(serviceRequirements.position));
}

export async function listVersions(tx: DbOrTx, r: string, serviceId: string) {
  return tx
    .select({ version: serviceStandards.version, publishedAt: serviceStandards.publishedAt, changeNote: serviceStandards.changeNote })
    .from(serviceStandards)
    .where(and(eq(serviceStandards.regencyCode, r), eq(serviceStandards.serviceId, serviceId)))
    .orderBy(desc(serviceStandards.version));
}

// — search —

export type SearchHit = { id: string; score: number };

/**
 * Ranks services against what a citizen typed, forgiving typos, missing spaces and everyday words.
 * Two signals, both pg_trgm trigram similarity on folded text (catalogue_norm), looked up through the
 * trigram indexes of search_terms (kept by triggers) rather than compared with every service:
 *
 * - phrase: how close the whole query — or a rewrite of it by the synonym table ('akte lahir' →
 *   'akta lahir') — is to one of the service's keyword phrases, also with spaces removed
 *   ('aktalahir'), or how fully it appears in the service's name;
 * - words: each query word (or a one-word synonym of it, or of a near spelling of it) against the
 *   service's words, affixed forms included ('lahir' in 'kelahiran'). A word weighs by its rarity
 *   (inverse document frequency): 'skck' decides more than 'surat'; a word found nowhere is ignored.
 */
export function searchQuery(r: string, q: string, filter: ServiceFilter, limit: number): SQL {
  const filters = [sql`s.regency_code = ${r}`];
  if (!filter.includeInactive) filters.push(sql`s.active`);
  if (filter.agencyCode) filters.push(sql`a.code = ${filter.agencyCode}`);
  if (filter.lifeEvent) {
    filters.push(sql`exists (select 1 from ${serviceLifeEvents} sle where sle.regency_code = s.regency_code and sle.service_id = s.id and sle.life_event_code = ${filter.lifeEvent})`);
  }
  if (filter.pointCode) {
    filters.push(
      sql`exists (select 1 from ${pointServices} ps join ${servicePoints} p on p.regency_code = ps.regency_code and p.id = ps.point_id
        where ps.regency_code = s.regency_code and ps.service_id = s.id and p.code = ${filter.pointCode})`,
    );
  }
  return sql`
    with input as materialized (
      select catalogue_norm(${q}) as q
    ),
    synonyms as materialized (
      select catalogue_norm(term) as term, catalogue_norm(expansion) as expansion
      from ${searchSynonyms} where regency_code = ${r}
    ),
    -- the query and its one-step synonym rewrites (whole words or phrases)
    variants as materialized (
      select q as v, 1.0::float8 as trust from input where q <> ''
      union
      select btrim(regexp_replace(' ' || i.q || ' ', ' ' || s.term || ' ', ' ' || s.expansion || ' ')), 0.95
      from input i join synonyms s on (' ' || i.q || ' ') like ('% ' || s.term || ' %')
    ),
    words as materialized (
      select w.word, w.ord::int as ord
      from input, unnest(string_to_array(input.q, ' ')) with ordinality as w(word, ord)
      where length(w.word) >= 2
    ),
    alternatives as materialized (
      select ord, word as alt, 1.0::float8 as trust from words
      union all
      -- a one-word synonym of the word, or of a near spelling of it (trusted as far as it is near)
      select w.ord, s.expansion, case when s.term = w.word then 0.95 else 0.95 * similarity(s.term, w.word) end
      from words w join synonyms s on s.expansion not like '% %' and s.term not like '% %'
        and (s.term = w.word or (length(w.word) >= 4 and similarity(s.term, w.word) >= 0.5))
    ),
    scope as materialized (
      select s.id, s.search_name as name
      from ${services} s join ${agencies} a on a.regency_code = s.regency_code and a.id = s.agency_id
      where ${sql.join(filters, sql` and `)}
    ),
    word_hits as materialized (
      select a.ord, t.service_id, max(a.trust * t.weight * greatest(similarity(a.alt, t.term), word_similarity(a.alt, t.term))) as score
      from alternatives a
      join ${searchTerms} t on t.regency_code = ${r} and t.kind = 'word' and (t.term % a.alt or a.alt <% t.term)
      join scope on scope.id = t.service_id
      group by a.ord, t.service_id
    ),
    -- A word is found in a service when it matches well (0.6), or nearly as well as it matches
    -- anywhere (a typo like 'pasprot' matches nothing well, but 'paspor' best).
    best as materialized (
      select w.ord, coalesce(max(h.score), 0) as best from words w left join word_hits h on h.ord = w.ord group by w.ord
    ),
    rarity as materialized (
      select b.ord,
             ln(((select count(*) from scope) + 1)::float8 / (1 + count(h.service_id) filter (where h.score >= least(0.6, 0.85 * b.best)))) as idf,
             count(h.service_id) filter (where h.score >= least(0.6, 0.85 * b.best)) as found
      from best b left join word_hits h on h.ord = b.ord
      group by b.ord
    ),
    coverage as materialized (
      select h.service_id as id, sum(h.score * r.idf) / nullif((select sum(idf) from rarity where found > 0), 0) as score
      from word_hits h join rarity r on r.ord = h.ord and r.found > 0
      group by h.service_id
    ),
    phrase_hits as materialized (
      select t.service_id, 'keyword' as kind, v.trust * greatest(similarity(v.v, t.term), similarity(replace(v.v, ' ', ''), t.compact)) as score
      from variants v join ${searchTerms} t on t.regency_code = ${r} and t.kind = 'keyword' and t.term % v.v
      union all
      select t.service_id, 'keyword', v.trust * similarity(replace(v.v, ' ', ''), t.compact)
      from variants v join ${searchTerms} t on t.regency_code = ${r} and t.kind = 'keyword' and t.compact % replace(v.v, ' ', '')
      union all
      select t.service_id, 'name', v.trust * 0.9 * word_similarity(v.v, t.term)
      from variants v join ${searchTerms} t on t.regency_code = ${r} and t.kind = 'name' and v.v <% t.term
    ),
    phrase as materialized (
      select service_id as id,
             max(score) as score,
             coalesce(max(score) filter (where kind = 'keyword'), 0) as keyword
      from phrase_hits group by service_id
    )
    -- A close keyword also breaks ties: keywords are what people type, names what offices write.
    select s.id, (0.5 * coalesce(p.score, 0) + 0.4 * coalesce(c.score, 0) + 0.1 * coalesce(p.keyword, 0))::float8 as score
    from scope s
    left join phrase p on p.id = s.id
    left join coverage c on c.id = s.id
    where 0.5 * coalesce(p.score, 0) + 0.4 * coalesce(c.score, 0) + 0.1 * coalesce(p.keyword, 0) >= 0.28
    order by score desc, s.name
    limit ${limit}
  `;
}

export async function searchServices(db: DbOrTx, r: string, q: string, filter: ServiceFilter, limit: number): Promise<SearchHit[]> {
  const query = searchQuery(r, q, filter, limit);
  // Thresholds of the % and <% operators for this transaction only: near spellings from 0.3,
  // affixed forms ('lahir' in 'kelahiran' scores 0.5) from 0.45.
  const run = async (tx: DbOrTx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', '0.3', true), set_config('pg_trgm.word_similarity_threshold', '0.45', true)`);
    return queryRows<{ id: string; score: number }>(tx, query);
  };
  const rows = await (db as Db).transaction(run);
  return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
}

/** Merges the search index's GIN pending lists after a bulk load, so that searches do not scan them. */
export async function flushSearchIndex(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select gin_clean_pending_list('search_terms_term_trgm'::regclass), gin_clean_pending_list('search_terms_compact_trgm'::regclass)`);
}

export async function listSynonyms(tx: DbOrTx, r: string) {
  return tx.select().from(searchSynonyms).where(eq(searchSynonyms.regencyCode, r)).orderBy(asc(searchSynonyms.term), asc(searchSynonyms.expansion));
}

export async function insertSynonyms(tx: DbOrTx, rows: (typeof searchSynonyms.$inferInsert)[]): Promise<void> {
  await insertMany(rows, 2000, (slice) => tx.insert(searchSynonyms).values(slice).onConflictDoNothing());
}

// — service points, counters —

export async function listPoints(tx: DbOrTx, r: string, filter: { kind?: string; serviceId?: string; includeInactive?: boolean }): Promise<PointRow[]> {
  const conditions = [eq(servicePoints.regencyCode, r)];
  if (!filter.includeInactive) conditions.push(eq(servicePoints.active, true));
  if (filter.kind) conditions.push(eq(servicePoints.kind, filter.kind as PointRow['kind']));
  if (filter.serviceId) {
    conditions.push(sql`exists (select 1 from ${pointServices} ps where ps.regency_code = service_points.regency_code and ps.point_id = service_points.id and ps.service_id = ${filter.serviceId})`);
  }
  return tx
    .select()
    .from(servicePoints)
    .where(and(...conditions))
    .orderBy(sql`array_position(array['mpp', 'market', 'online', 'village']::text[], ${servicePoints.kind})`, asc(servicePoints.nameId));
}

export async function findPointByCode(tx: DbOrTx, r: string, code: string): Promise<PointRow | null> {
  const [row] = await tx.select().from(servicePoints).where(and(eq(servicePoints.regencyCode, r), eq(servicePoints.code, code)));
  return row ?? null;
}

export async function insertPoints(tx: DbOrTx, rows: (typeof servicePoints.$inferInsert)[]): Promise<PointRow[]> {
  const out: PointRow[] = [];
  await insertMany(rows, 300, async (slice) => out.push(...(await tx.insert(servicePoints).values(slice).returning())));
  return out;
}

export async function updatePoint(tx: DbOrTx, r: string, id: string, patch: Partial<typeof servicePoints.$inferInsert>, now: Date): Promise<void> {
  await tx.update(servicePoints).set({ ...patch, updatedAt: now }).where(and(eq(servicePoints.regencyCode, r), eq(servicePoints.id, id)));
}

export async function countPointsByKind(tx: DbOrTx, r: string) {
  return tx.select({ kind: servicePoints.kind, count: count() }).from(servicePoints).where(eq(servicePoints.regencyCode, r)).groupBy(servicePoints.kind);
}

export async function insertPointServices(tx: DbOrTx, rows: (typeof pointServices.$inferInsert)[]): Promise<void> {
  await insertMany(rows, 5000, (slice) => tx.insert(pointServices).values(slice).onConflictDoNothing());
}

export async function countServicesOfPoints(tx: DbOrTx, r: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ pointId: pointServices.pointId, n: count() })
    .from(pointServices)
    .innerJoin(services, and(eq(services.regencyCode, pointServices.regencyCode), eq(services.id, pointServices.serviceId), eq(services.active, true)))
    .where(eq(pointServices.regencyCode, r))
    .groupBy(pointServices.pointId);
  return new Map(rows.map((row) => [row.pointId, Number(row.n)]));
}

export async function listServiceIdsOfPoint(tx: DbOrTx, r: string, pointId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: pointServices.serviceId })
    .from(pointServices)
    .where(and(eq(pointServices.regencyCode, r), eq(pointServices.pointId, pointId)));
  return rows.map((row) => row.id);
}

export async function deletePointServices(tx: DbOrTx, r: string, pointId: string, serviceIds: string[]): Promise<void> {
  if (!serviceIds.length) return;
  await tx.delete(pointServices).where(and(eq(pointServices.regencyCode, r), eq(pointServices.pointId, pointId), inArray(pointServices.serviceId, serviceIds)));
}

/** The services a point offers, with their agencies (point page). */
export async function listServicesOfPoint(tx: DbOrTx, r: string, pointId: string) {
  return tx
    .select({ id: services.id, code: services.code, nameId: services.nameId, nameEn: services.nameEn, agencyCode: agencies.code, agencyShortName: agencies.shortName })
    .from(pointServices)
    .innerJoin(services, and(eq(services.regencyCode, pointServices.regencyCode), eq(services.id, pointServices.serviceId)))
    .innerJoin(agencies, and(eq(agencies.regencyCode, services.regencyCode), eq(agencies.id, services.agencyId)))
    .where(and(eq(pointServices.regencyCode, r), eq(pointServices.pointId, pointId), eq(services.active, true)))
    .orderBy(asc(agencies.shortName), asc(services.nameId));
}

export async function listCounters(tx: DbOrTx, r: string, pointIds: string[]) {
  if (!pointIds.length) return [];
  return tx
    .select({ counter: counters, agencyCode: agencies.code, agencyShortName: agencies.shortName })
    .from(counters)
    .leftJoin(agencies, and(eq(agencies.regencyCode, counters.regencyCode), eq(agencies.id, counters.agencyId)))
    .where(and(eq(counters.regencyCode, r), inArray(counters.pointId, pointIds)))
    .orderBy(asc(counters.pointId), sql`length(${counters.code})`, asc(counters.code));
}

export async function findCounter(tx: DbOrTx, r: string, pointId: string, code: string): Promise<CounterRow | null> {
  const [row] = await tx.select().from(counters).where(and(eq(counters.regencyCode, r), eq(counters.pointId, pointId), eq(counters.code, code)));
  return row ?? null;
}

export async function insertCounters(tx: DbOrTx, rows: (typeof counters.$inferInsert)[]): Promise<CounterRow[]> {
  const out: CounterRow[] = [];
  await insertMany(rows, 500, async (slice) => out.push(...(await tx.insert(counters).values(slice).returning())));
  return out;
}

export async function updateCounter(tx: DbOrTx, r: string, id: string, patch: Partial<typeof counters.$inferInsert>, now: Date): Promise<void> {
  await tx.update(counters).set({ ...patch, updatedAt: now }).where(and(eq(counters.regencyCode, r), eq(counters.id, id)));
}

export async function insertCounterServices(tx: DbOrTx, rows: (typeof counterServices.$inferInsert)[]): Promise<void> {
  await insertMany(rows, 5000, (slice) => tx.insert(counterServices).values(slice).onConflictDoNothing());
}

export async function replaceCounterServices(tx: DbOrTx, r: string, pointId: string, counterId: string, serviceIds: string[]): Promise<void> {
  await tx.delete(counterServices).where(and(eq(counterServices.regencyCode, r), eq(counterServices.counterId, counterId)));
  if (serviceIds.length) await tx.insert(counterServices).values(serviceIds.map((serviceId) => ({ regencyCode: r, pointId, counterId, serviceId })));
}

/** Which counters handle which services, for the given points (optionally one service). */
export async function listCounterServices(tx: DbOrTx, r: string, pointIds: string[], serviceId?: string) {
  if (!pointIds.length) return [];
  const conditions = [eq(counterServices.regencyCode, r), inArray(counterServices.pointId, pointIds)];
  if (serviceId) conditions.push(eq(counterServices.serviceId, serviceId));
  return tx
    .select({ counterId: counterServices.counterId, pointId: counterServices.pointId, serviceId: counterServices.serviceId, serviceCode: services.code })
    .from(counterServices)
    .innerJoin(services, and(eq(services.regencyCode, counterServices.regencyCode), eq(services.id, counterServices.serviceId)))
    .where(and(...conditions))
    .orderBy(asc(services.code));
}

// — calendar —

export async function listClosures(tx: DbOrTx, r: string, from: string, to: string): Promise<ClosureRow[]> {
  return tx
    .select()
    .from(closures)
    .where(and(eq(closures.regencyCode, r), gte(closures.date, from), lte(closures.date, to)))
    .orderBy(asc(closures.date));
}

export async function insertClosures(tx: DbOrTx, rows: (typeof closures.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(closures).values(rows).onConflictDoNothing();
}

export async function findClosure(tx: DbOrTx, r: string, date: string): Promise<ClosureRow | null> {
  const [row] = await tx.select().from(closures).where(and(eq(closures.regencyCode, r), eq(closures.date, date)));
  return row ?? null;
}

export async function upsertClosure(tx: DbOrTx, row: typeof closures.$inferInsert): Promise<void> {
  await tx
    .insert(closures)
    .values(row)
    .onConflictDoUpdate({ target: [closures.regencyCode, closures.date], set: { kind: row.kind, nameId: row.nameId, nameEn: row.nameEn } });
}

export async function deleteClosure(tx: DbOrTx, r: string, date: string): Promise<boolean> {
  const rows = await tx.delete(closures).where(and(eq(closures.regencyCode, r), eq(closures.date, date))).returning({ date: closures.date });
  return rows.length > 0;
}

export async function listSpecialDays(tx: DbOrTx, r: string, pointIds: string[], from: string, to: string): Promise<SpecialDayRow[]> {
  if (!pointIds.length) return [];
  return tx
    .select()
    .from(specialDays)
    .where(and(eq(specialDays.regencyCode, r), inArray(specialDays.pointId, pointIds), gte(specialDays.date, from), lte(specialDays.date, to)))
    .orderBy(asc(specialDays.date));
}

export async function listSpecialDaysOfYear(tx: DbOrTx, r: string, from: string, to: string) {
  return tx
    .select({ day: specialDays, pointCode: servicePoints.code, pointNameId: servicePoints.nameId, pointNameEn: servicePoints.nameEn })
    .from(specialDays)
    .innerJoin(servicePoints, and(eq(servicePoints.regencyCode, specialDays.regencyCode), eq(servicePoints.id, specialDays.pointId)))
    .where(and(eq(specialDays.regencyCode, r), gte(specialDays.date, from), lte(specialDays.date, to), isNotNull(specialDays.pointId)))
    .orderBy(asc(specialDays.date), asc(servicePoints.code));
}

export async function upsertSpecialDay(tx: DbOrTx, row: typeof specialDays.$inferInsert): Promise<void> {
  await tx
    .insert(specialDays)
    .values(row)
    .onConflictDoUpdate({
      target: [specialDays.regencyCode, specialDays.pointId, specialDays.date],
      set: { open: row.open ?? null, close: row.close ?? null, noteId: row.noteId, noteEn: row.noteEn },
    });
}

export async function deleteSpecialDay(tx: DbOrTx, r: string, pointId: string, date: string): Promise<boolean> {
  const rows = await tx
    .delete(specialDays)
    .where(and(eq(specialDays.regencyCode, r), eq(specialDays.pointId, pointId), eq(specialDays.date, date)))
    .returning({ date: specialDays.date });
  return rows.length > 0;
}

export async function hasCatalogue(tx: DbOrTx, r: string): Promise<boolean> {
  const [row] = await tx.select({ n: count() }).from(agencies).where(eq(agencies.regencyCode, r));
  return (row?.n ?? 0) > 0;
}
