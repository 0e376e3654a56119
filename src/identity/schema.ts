import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { regions } from '../regions/schema.ts';

/*
 * Tenancy: every table that belongs to one regency starts with regency_code, has it in its
 * primary key and in every foreign key, so that on Citus the tables can be distributed by
 * regency_code and co-located (joins and foreign keys stay on one shard).
 */

export const ROLES = [
  'citizen',
  'counter_officer',
  'agency_processor',
  'village_operator',
  'midwife',
  'village_official',
  'police_officer',
  'mpp_admin',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];

export const PLACE_KINDS = ['agency', 'service_point', 'village', 'puskesmas', 'police_post'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** The regencies this platform serves (a Citus reference table). */
export const tenants = pgTable('tenants', {
  regencyCode: text('regency_code')
    .primaryKey()
    .references(() => regions.code),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('Asia/Jakarta'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An organisational place a staff account can be bound to: agency, service point, village office, puskesmas, police post. */
export const places = pgTable(
  'places',
  {
    regencyCode: text('regency_code')
      .notNull()
      .references(() => tenants.regencyCode),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<PlaceKind>().notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('places_code_uq').on(t.regencyCode, t.kind, t.code),
    check('places_kind_check', sql`${t.kind} in ('agency', 'service_point', 'village', 'puskesmas', 'police_post')`),
  ],
);

export const users = pgTable(
  'users',
  {
    regencyCode: text('regency_code')
      .notNull()
      .references(() => tenants.regencyCode),
    id: uuid('id').notNull().defaultRandom(),
    role: text('role').$type<Role>().notNull(),
    // Staff sign in with a username; citizens with their NIK and a one-time code.
    username: text('username'),
    passwordHash: text('password_hash'),
    nik: text('nik'),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    locale: text('locale').notNull().default('id'),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('users_username_uq').on(t.regencyCode, t.username),
    uniqueIndex('users_nik_uq').on(t.regencyCode, t.nik),
    check(
      'users_role_check',
      sql`${t.role} in ('citizen', 'counter_officer', 'agency_processor', 'village_operator', 'midwife', 'village_official', 'police_officer', 'mpp_admin', 'leader')`,
    ),
    check('users_locale_check', sql`${t.locale} in ('id', 'en')`),
    check(
      'users_credentials_check',
      sql`(${t.role} = 'citizen' and ${t.nik} is not null) or (${t.role} <> 'citizen' and ${t.username} is not null and ${t.passwordHash} is not null)`,
    ),
    check('users_nik_format_check', sql`${t.nik} is null or ${t.nik} ~ '^[0-9]{16}$'`),
  ],
);

/** Which places a staff account acts for. */
export const userPlaces = pgTable(
  'user_places',
  {
    regencyCode: text('regency_code').notNull(),
    userId: uuid('user_id').notNull(),
    placeId: uuid('place_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.userId, t.placeId] }),
    foreignKey({ columns: [t.regencyCode, t.userId], foreignColumns: [users.regencyCode, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.regencyCode, t.placeId], foreignColumns: [places.regencyCode, places.id] }),
    index('user_places_place_idx').on(t.regencyCode, t.placeId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    regencyCode: text('regency_code').notNull(),
    // SHA-256 of the cookie's token: a leaked table does not give working cookies.
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.tokenHash] }),
    foreignKey({ columns: [t.regencyCode, t.userId], foreignColumns: [users.regencyCode, users.id] }).onDelete('cascade'),
    index('sessions_user_idx').on(t.regencyCode, t.userId),
  ],
);

/** One-time codes sent to a phone: citizen sign-in, and lookups by NIK (never by NIK alone). */
export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    purpose: text('purpose').notNull(),
    nik: text('nik').notNull(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    index('one_time_codes_nik_idx').on(t.regencyCode, t.nik, t.purpose),
    check('one_time_codes_purpose_check', sql`${t.purpose} in ('citizen_login', 'nik_lookup')`),
  ],
);

/** Bearer tokens for agency systems that integrate through the API. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    placeId: uuid('place_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    tokenPrefix: text('token_prefix').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('api_tokens_hash_uq').on(t.regencyCode, t.tokenHash),
    foreignKey({ columns: [t.regencyCode, t.placeId], foreignColumns: [places.regencyCode, places.id] }),
  ],
);
