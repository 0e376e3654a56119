import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  type PgTableExtraConfigValue,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { places, tenants } from '../identity/schema.ts';
import type { LocalText } from '../shared/errors.ts';
import type { TimeBreak, WeeklyHours } from './calendar/opening-hours.ts';

/*
 * The service catalogue (Standar Pelayanan per UU 25/2009 Pasal 21 and PermenPAN-RB 15/2014).
 * Every table is a tenant table: regency_code leads the primary key and every foreign key.
 * Codes are the stable public keys (URLs, CSV, seed); uuids are what other modules reference.
 */

export const AGENCY_KINDS = ['regency', 'vertical', 'soe', 'bank', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const SERVICE_LEVELS = ['regency', 'village'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];
export const SERVICE_CHANNELS = ['mpp', 'market', 'village', 'online'] as const;
export type ServiceChannel = (typeof SERVICE_CHANNELS)[number];
export const POINT_KINDS = ['mpp', 'market', 'village', 'online'] as const;
export type PointKind = (typeof POINT_KINDS)[number];
export const DURATION_UNITS = ['working_days', 'hours', 'minutes'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const CLOSURE_KINDS = ['cuti_bersama', 'special_closure'] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];
export const PASARAN_NAMES = ['Legi', 'Pahing', 'Pon', 'Wage', 'Kliwon'] as const;

/** Lower-case kebab codes, as in URLs and CSV files. */
const CODE_PATTERN = `'^[a-z0-9][a-z0-9.-]{0,79}$'`;
const TIME_PATTERN = `'^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'`;

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A kind of document a requirement asks for (KTP-el, KK, formulir F-1.02 …), shared across services. */
export const documentTypes = pgTable(
  'document_types',
  {
    regencyCode: text('regency_code').notNull().references(() => tenants.regencyCode),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionId: text('description_id'),
    descriptionEn: text('description_en'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('document_types_code_uq').on(t.regencyCode, t.code),
    check('document_types_code_check', sql.raw(`"code" ~ ${CODE_PATTERN}`)),
  ],
);

/** An agency (instansi) that serves at the MPP, a market unit or the village offices. */
export const agencies = pgTable(
  'agencies',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The place staff accounts of this agency are bound to (places.kind = 'agency', same code). */
    placeId: uuid('place_id').notNull(),
    code: text('code').notNull(),
    shortName: text('short_name').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind').$type<AgencyKind>().notNull(),
    phone: text('phone'),
    complaintChannelId: text('complaint_channel_id').notNull(),
    complaintChannelEn: text('complaint_channel_en').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('agencies_code_uq').on(t.regencyCode, t.code),
    uniqueIndex('agencies_place_uq').on(t.regencyCode, t.placeId),
    foreignKey({ name: 'agencies_place_fk', columns: [t.regencyCode, t.placeId], foreignColumns: [places.regencyCode, places.id] }),
    check('agencies_code_check', sql.raw(`"code" ~ ${CODE_PATTERN}`)),
    check('agencies_kind_check', sql`${t.kind} in ('regency', 'vertical', 'soe', 'bank', 'other')`),
  ],
);

/** Peristiwa kehidupan: how citizens browse (kelahiran, kematian, pernikahan …). */
export const lifeEvents = pgTable(
  'life_events',
  {
    regencyCode: text('regency_code').notNull().references(() => tenants.regencyCode),
    code: text('code').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionId: text('description_id').notNull(),
    descriptionEn: text('description_en').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regencyCode, t.code] }), check('life_events_code_check', sql.raw(`"code" ~ ${CODE_PATTERN}`))],
);

/**
 * A service (layanan). Its standard lives in service_standards, one immutable row per published
 * version; `current_version` points at the one in force.
 */
export const services = pgTable(
  'services',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    agencyId: uuid('agency_id').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    summaryId: text('summary_id').notNull(),
    summaryEn: text('summary_en').notNull(),
    level: text('level').$type<ServiceLevel>().notNull(),
    /** The channels the standard declares; where it is actually offered is point_services. */
    channels: text('channels').array().$type<ServiceChannel[]>().notNull(),
    /** Words people type ('ktp hilang', 'bikin ktp'), lower case. */
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    currentVersion: integer('current_version').notNull(),
    active: boolean('active').notNull().default(true),
    // What the search matches (repository.searchServices), folded by the SQL functions of 0002_catalogue_search.
    searchName: text('search_name').generatedAlwaysAs(sql`catalogue_norm(name_id)`),
    searchKeywords: text('search_keywords').array().generatedAlwaysAs(sql`catalogue_norm_each(keywords)`),
    /** Words of the name, code and keywords (weigh fully). */
    searchWords: text('search_words').array().generatedAlwaysAs(sql`catalogue_words(name_id || ' ' || code, keywords)`),
    /** Words of the summary (weigh less). */
    searchMoreWords: text('search_more_words').array().generatedAlwaysAs(sql`catalogue_words(summary_id, '{}'::text[])`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('services_code_uq').on(t.regencyCode, t.code),
    foreignKey({ name: 'services_agency_fk', columns: [t.regencyCode, t.agencyId], foreignColumns: [agencies.regencyCode, agencies.id] }),
    // services_current_version_fk → service_standards is DEFERRABLE (written in 0004_catalogue_guards.sql, which
    // drizzle-kit cannot express): a service and its version 1 are inserted in one transaction.
    index('services_agency_idx').on(t.regencyCode, t.agencyId),
    check('services_code_check', sql.raw(`"code" ~ ${CODE_PATTERN}`)),
    check('services_level_check', sql`${t.level} in ('regency', 'village')`),
    check('services_channels_check', sql`${t.channels} <@ array['mpp', 'market', 'village', 'online']::text[] and cardinality(${t.channels}) > 0`),
    check('services_current_version_check', sql`${t.currentVersion} >= 1`),
  ],
);

export type Bilingual = LocalText;

/**
 * One published version of a service's standard: the six delivery components and the eight
 * management components of PermenPAN-RB 15/2014. Rows are immutable (a trigger refuses UPDATE and
 * DELETE): an application filed under version n reads version n for ever.
 */
export const serviceStandards = pgTable(
  'service_standards',
  {
    regencyCode: text('regency_code').notNull(),
    serviceId: uuid('service_id').notNull(),
    version: integer('version').notNull(),
    // — komponen penyampaian pelayanan (delivery) — persyaratan: service_requirements
    /** sistem, mekanisme dan prosedur: ordered steps */
    procedure: jsonb('procedure').$type<Bilingual[]>().notNull(),
    /** jangka waktu penyelesaian */
    durationValue: integer('duration_value').notNull(),
    durationUnit: text('duration_unit').$type<DurationUnit>().notNull(),
    /** biaya/tarif in rupiah; 0 and not variable = gratis */
    feeAmount: bigint('fee_amount', { mode: 'number' }).notNull(),
    feeVariable: boolean('fee_variable').notNull().default(false),
    feeLegalBasis: text('fee_legal_basis'),
    feeNote: jsonb('fee_note').$type<Bilingual>(),
    /** produk pelayanan */
    product: jsonb('product').$type<Bilingual>().notNull(),
    /** penanganan pengaduan, saran dan masukan */
    complaintHandling: jsonb('complaint_handling').$type<Bilingual>().notNull(),
    // — komponen pengelolaan pelayanan (management) —
    legalBasis: jsonb('legal_basis').$type<string[]>().notNull(),
    facilities: jsonb('facilities').$type<Bilingual>().notNull(),
    staffCompetence: jsonb('staff_competence').$type<Bilingual>().notNull(),
    internalSupervision: jsonb('internal_supervision').$type<Bilingual>().notNull(),
    staffCount: integer('staff_count').notNull(),
    serviceGuarantee: jsonb('service_guarantee').$type<Bilingual>().notNull(),
    securityGuarantee: jsonb('security_guarantee').$type<Bilingual>().notNull(),
    performanceEvaluation: jsonb('performance_evaluation').$type<Bilingual>().notNull(),
    /** Why this version was published (shown in the version history). */
    changeNote: text('change_note'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by'),
  },
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ name: 'service_standards_pk', columns: [t.regencyCode, t.serviceId, t.version] }),
    foreignKey({ name: 'service_standards_service_fk', columns: [t.regencyCode, t.serviceId], foreignColumns: [services.regencyCode, services.id] }),
    check('service_standards_version_check', sql`${t.version} >= 1`),
    check('service_standards_duration_check', sql`${t.durationUnit} in ('working_days', 'hours', 'minutes') and ${t.durationValue} >= 0`),
    check('service_standards_fee_check', sql`${t.feeAmount} >= 0`),
    check('service_standards_staff_check', sql`${t.staffCount} >= 1`),
    check('service_standards_procedure_check', sql`jsonb_typeof(${t.procedure}) = 'array' and jsonb_array_length(${t.procedure}) >= 1`),
    check('service_standards_legal_basis_check', sql`jsonb_typeof(${t.legalBasis}) = 'array' and jsonb_array_length(${t.legalBasis}) >= 1`),
  ],
);

/** Persyaratan of one version: each a document type, in order, some optional. Immutable like its version. */
export const serviceRequirements = pgTable(
  'service_requirements',
  {
    regencyCode: text('regency_code').notNull(),
    serviceId: uuid('service_id').notNull(),
    version: integer('version').notNull(),
    position: integer('position').notNull(),
    documentTypeId: uuid('document_type_id').notNull(),
    optional: boolean('optional').notNull().default(false),
    noteId: text('note_id'),
    noteEn: text('note_en'),
  },
  (t) => [
    primaryKey({ name: 'service_requirements_pk', columns: [t.regencyCode, t.serviceId, t.version, t.position] }),
    foreignKey({
      name: 'service_requirements_standard_fk',
      columns: [t.regencyCode, t.serviceId, t.version],
      foreignColumns: [serviceStandards.regencyCode, serviceStandards.serviceId, serviceStandards.version],
    }),
    foreignKey({ name: 'service_requirements_document_type_fk', columns: [t.regencyCode, t.documentTypeId], foreignColumns: [documentTypes.regencyCode, documentTypes.id] }),
    uniqueIndex('service_requirements_document_uq').on(t.regencyCode, t.serviceId, t.version, t.documentTypeId),
    index('service_requirements_document_idx').on(t.regencyCode, t.documentTypeId),
    check('service_requirements_position_check', sql`${t.position} >= 1`),
  ],
);

export const serviceLifeEvents = pgTable(
  'service_life_events',
  {
    regencyCode: text('regency_code').notNull(),
    serviceId: uuid('service_id').notNull(),
    lifeEventCode: text('life_event_code').notNull(),
  },
  (t) => [
    primaryKey({ name: 'service_life_events_pk', columns: [t.regencyCode, t.serviceId, t.lifeEventCode] }),
    foreignKey({ name: 'service_life_events_service_fk', columns: [t.regencyCode, t.serviceId], foreignColumns: [services.regencyCode, services.id] }).onDelete('cascade'),
    foreignKey({ name: 'service_life_events_event_fk', columns: [t.regencyCode, t.lifeEventCode], foreignColumns: [lifeEvents.regencyCode, lifeEvents.code] }),
    index('service_life_events_event_idx').on(t.regencyCode, t.lifeEventCode),
  ],
);

/**
 * Where citizens meet a service: the MPP, a Pasar Pelayanan Publik, a village office (Smart
 * Kampung) or the online channel. Opening hours are read by calendar/opening-hours.ts.
 */
export const servicePoints = pgTable(
  'service_points',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Staff accounts are bound here: a service_point place, or for a Smart Kampung point its village place. */
    placeId: uuid('place_id').notNull(),
    code: text('code').notNull(),
    kind: text('kind').$type<PointKind>().notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    address: text('address').notNull(),
    /** The village or district the point stands in (official region code). */
    regionCode: text('region_code'),
    /** ISO weekday '1'…'7' → { open, close } or null (closed). */
    weeklyHours: jsonb('weekly_hours').$type<WeeklyHours>().notNull(),
    /** The Friday prayer break cut out of Friday hours; null: the point does not pause. */
    fridayBreak: jsonb('friday_break').$type<TimeBreak>(),
    /** A market unit's pasaran days and its longer hours on them. */
    marketPasaran: text('market_pasaran').array(),
    marketOpen: text('market_open'),
    marketClose: text('market_close'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('service_points_code_uq').on(t.regencyCode, t.code),
    uniqueIndex('service_points_place_uq').on(t.regencyCode, t.placeId),
    foreignKey({ name: 'service_points_place_fk', columns: [t.regencyCode, t.placeId], foreignColumns: [places.regencyCode, places.id] }),
    index('service_points_kind_idx').on(t.regencyCode, t.kind),
    check('service_points_code_check', sql.raw(`"code" ~ ${CODE_PATTERN}`)),
    check('service_points_kind_check', sql`${t.kind} in ('mpp', 'market', 'village', 'online')`),
    check('service_points_weekly_hours_check', sql`jsonb_typeof(${t.weeklyHours}) = 'object'`),
    check(
      'service_points_market_check',
      sql.raw(
        `(market_pasaran is null and market_open is null and market_close is null) or ` +
          `(cardinality(market_pasaran) between 1 and 5 and market_pasaran <@ array['Legi', 'Pahing', 'Pon', 'Wage', 'Kliwon']::text[] ` +
          `and market_open ~ ${TIME_PATTERN} and market_close ~ ${TIME_PATTERN} and market_close > market_open)`,
      ),
    ),
  ],
);

/** Which services a point offers. */
export const pointServices = pgTable(
  'point_services',
  {
    regencyCode: text('regency_code').notNull(),
    pointId: uuid('point_id').notNull(),
    serviceId: uuid('service_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'point_services_pk', columns: [t.regencyCode, t.pointId, t.serviceId] }),
    foreignKey({ name: 'point_services_point_fk', columns: [t.regencyCode, t.pointId], foreignColumns: [servicePoints.regencyCode, servicePoints.id] }).onDelete('cascade'),
    foreignKey({ name: 'point_services_service_fk', columns: [t.regencyCode, t.serviceId], foreignColumns: [services.regencyCode, services.id] }),
    index('point_services_service_idx').on(t.regencyCode, t.serviceId),
  ],
);

/** A loket / gerai of a point; its code is also the prefix of its queue numbers (A001). */
export const counters = pgTable(
  'counters',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pointId: uuid('point_id').notNull(),
    code: text('code').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    agencyId: uuid('agency_id'),
    /** A single-desk office (a village's Smart Kampung desk) handles whatever its point offers; no counter_services rows. */
    allServices: boolean('all_services').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('counters_code_uq').on(t.regencyCode, t.pointId, t.code),
    // Lets counter_services carry the point and so require the point to offer the service.
    unique('counters_point_id_uq').on(t.regencyCode, t.pointId, t.id),
    foreignKey({ name: 'counters_point_fk', columns: [t.regencyCode, t.pointId], foreignColumns: [servicePoints.regencyCode, servicePoints.id] }).onDelete('cascade'),
    foreignKey({ name: 'counters_agency_fk', columns: [t.regencyCode, t.agencyId], foreignColumns: [agencies.regencyCode, agencies.id] }),
    check('counters_code_check', sql`${t.code} ~ '^[A-Z]{1,2}[0-9]?$'`),
  ],
);

/** The services a counter handles: only services its point offers (enforced by the foreign key). */
export const counterServices = pgTable(
  'counter_services',
  {
    regencyCode: text('regency_code').notNull(),
    pointId: uuid('point_id').notNull(),
    counterId: uuid('counter_id').notNull(),
    serviceId: uuid('service_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'counter_services_pk', columns: [t.regencyCode, t.counterId, t.serviceId] }),
    foreignKey({ name: 'counter_services_counter_fk', columns: [t.regencyCode, t.pointId, t.counterId], foreignColumns: [counters.regencyCode, counters.pointId, counters.id] }).onDelete('cascade'),
    foreignKey({ name: 'counter_services_point_service_fk', columns: [t.regencyCode, t.pointId, t.serviceId], foreignColumns: [pointServices.regencyCode, pointServices.pointId, pointServices.serviceId] }).onDelete('cascade'),
    index('counter_services_service_idx').on(t.regencyCode, t.pointId, t.serviceId),
  ],
);

/**
 * Days on which every office of the regency is closed although it is a weekday: cuti bersama
 * (from the SKB 3 Menteri) and special closures (a regent's decree). National holidays come from
 * calendar/holidays.ts and are not stored.
 */
export const closures = pgTable(
  'closures',
  {
    regencyCode: text('regency_code').notNull().references(() => tenants.regencyCode),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').$type<ClosureKind>().notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.date] }),
    check('closures_kind_check', sql`${t.kind} in ('cuti_bersama', 'special_closure')`),
  ],
);

/** A point's own hours on one day (even on a holiday), or closed that day. */
export const specialDays = pgTable(
  'special_days',
  {
    regencyCode: text('regency_code').notNull(),
    pointId: uuid('point_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** Both null: closed all day. */
    open: text('open'),
    close: text('close'),
    noteId: text('note_id').notNull(),
    noteEn: text('note_en').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'special_days_pk', columns: [t.regencyCode, t.pointId, t.date] }),
    foreignKey({ name: 'special_days_point_fk', columns: [t.regencyCode, t.pointId], foreignColumns: [servicePoints.regencyCode, servicePoints.id] }).onDelete('cascade'),
    check(
      'special_days_hours_check',
      sql.raw(`(open is null and close is null) or (open ~ ${TIME_PATTERN} and close ~ ${TIME_PATTERN} and close > open)`),
    ),
  ],
);

/** What people type → what it should also match; expanded inside the search query. */
export const searchSynonyms = pgTable(
  'search_synonyms',
  {
    regencyCode: text('regency_code').notNull().references(() => tenants.regencyCode),
    term: text('term').notNull(),
    expansion: text('expansion').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.term, t.expansion] }),
    check('search_synonyms_lower_check', sql`${t.term} = lower(${t.term}) and ${t.expansion} = lower(${t.expansion}) and ${t.term} <> ''`),
  ],
);

export const SEARCH_TERM_KINDS = ['word', 'keyword', 'name'] as const;

/**
 * The search's inverted index: each service's words (name, code and keywords weigh 1, summary and
 * agency 0.7), its keyword phrases and its name, with trigram indexes so that a query finds near
 * spellings through the index instead of comparing against every service. Derived data: written
 * only by the triggers of 0004_catalogue_guards.sql when a service or its agency changes.
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    regencyCode: text('regency_code').notNull(),
    serviceId: uuid('service_id').notNull(),
    kind: text('kind').$type<(typeof SEARCH_TERM_KINDS)[number]>().notNull(),
    term: text('term').notNull(),
    weight: doublePrecision('weight').notNull(),
    /** The term without spaces, for queries typed without them ('aktalahir'). */
    compact: text('compact').generatedAlwaysAs(sql`replace(term, ' ', '')`),
  },
  (t) => [
    primaryKey({ name: 'search_terms_pk', columns: [t.regencyCode, t.serviceId, t.kind, t.term] }),
    // GIN's fast update (a pending list merged in bulk) keeps loading quick; a bulk load merges the list
    // at once (repository.flushSearchIndex) so that searches do not scan it, autovacuum does the rest.
    index('search_terms_term_trgm').using('gin', t.term.op('gin_trgm_ops')),
    index('search_terms_compact_trgm').using('gin', t.compact.op('gin_trgm_ops')).where(sql`kind = 'keyword'`),
    check('search_terms_kind_check', sql`${t.kind} in ('word', 'keyword', 'name')`),
    check('search_terms_weight_check', sql`${t.weight} > 0 and ${t.weight} <= 1`),
  ],
);
