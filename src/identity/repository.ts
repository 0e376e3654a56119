import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import type { ActorPlace } from '../shared/actor.ts';
import { apiTokens, oneTimeCodes, places, sessions, userPlaces, users, type PlaceKind, type Role } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type PlaceRow = typeof places.$inferSelect;

export async function findUserByUsername(tx: DbOrTx, regencyCode: string, username: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(and(eq(users.regencyCode, regencyCode), eq(users.username, username)));
  return row ?? null;
}

export async function findUserByNik(tx: DbOrTx, regencyCode: string, nik: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(and(eq(users.regencyCode, regencyCode), eq(users.nik, nik)));
  return row ?? null;
}

export async function findUserById(tx: DbOrTx, regencyCode: string, id: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(and(eq(users.regencyCode, regencyCode), eq(users.id, id)));
  return row ?? null;
}

export async function insertUser(tx: DbOrTx, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await tx.insert(users).values(row).returning();
  return created!;
}

export async function updateUser(tx: DbOrTx, regencyCode: string, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await tx.update(users).set({ ...patch, updatedAt: new Date() }).where(and(eq(users.regencyCode, regencyCode), eq(users.id, id)));
}

/**
 * Counts a failed sign-in and locks the account at `lockAfter` failures. Once an earlier lock has
 * expired its failures no longer count: this failure is the first of a new count, not one more.
 */
export async function recordFailedLogin(tx: DbOrTx, regencyCode: string, id: string, lockAfter: number, now: Date, lockUntil: Date): Promise<void> {
  const expired = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now.toISOString()}::timestamptz)`;
  const count = sql`case when ${expired} then 1 else ${users.failedLogins} + 1 end`;
  await tx
    .update(users)
    .set({
      failedLogins: count,
      lockedUntil: sql`case when ${count} >= ${lockAfter} then ${lockUntil.toISOString()}::timestamptz when ${expired} then null else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.regencyCode, regencyCode), eq(users.id, id)));
}

export async function listUsers(tx: DbOrTx, regencyCode: string, role?: Role): Promise<UserRow[]> {
  const where = role ? and(eq(users.regencyCode, regencyCode), eq(users.role, role)) : eq(users.regencyCode, regencyCode);
  return tx.select().from(users).where(where).orderBy(asc(users.role), asc(users.displayName)).limit(1000);
}

export async function findPlacesOfUser(tx: DbOrTx, regencyCode: string, userId: string): Promise<ActorPlace[]> {
  return tx
    .select({ id: places.id, kind: places.kind, code: places.code, name: places.name, regionCode: places.regionCode })
    .from(userPlaces)
    .innerJoin(places, and(eq(places.regencyCode, userPlaces.regencyCode), eq(places.id, userPlaces.placeId)))
    .where(and(eq(userPlaces.regencyCode, regencyCode), eq(userPlaces.userId, userId)))
    .orderBy(asc(places.kind), asc(places.name));
}

export async function setUserPlaces(tx: DbOrTx, regencyCode: string, userId: string, placeIds: string[]): Promise<void> {
  await tx.delete(userPlaces).where(and(eq(userPlaces.regencyCode, regencyCode), eq(userPlaces.userId, userId)));
  if (placeIds.length) await tx.insert(userPlaces).values(placeIds.map((placeId) => ({ regencyCode, userId, placeId })));
}

export async function findPlace(tx: DbOrTx, regencyCode: string, id: string): Promise<PlaceRow | null> {
  const [row] = await tx.select().from(places).where(and(eq(places.regencyCode, regencyCode), eq(places.id, id)));
  return row ?? null;
}

export async function findPlaceByCode(tx: DbOrTx, regencyCode: string, kind: PlaceKind, code: string): Promise<PlaceRow | null> {
  const [row] = await tx.select().from(places).where(and(eq(places.regencyCode, regencyCode), eq(places.kind, kind), eq(places.code, code)));
  return row ?? null;
}

export async function listPlaces(tx: DbOrTx, regencyCode: string, kind?: PlaceKind): Promise<PlaceRow[]> {
  const where = kind ? and(eq(places.regencyCode, regencyCode), eq(places.kind, kind)) : eq(places.regencyCode, regencyCode);
  return tx.select().from(places).where(where).orderBy(asc(places.kind), asc(places.name));
}

export async function upsertPlace(tx: DbOrTx, row: typeof places.$inferInsert): Promise<PlaceRow> {
  const [saved] = await tx
    .insert(places)
    .values(row)
    .onConflictDoUpdate({ target: [places.regencyCode, places.kind, places.code], set: { name: row.name, regionCode: row.regionCode } })
    .returning();
  return saved!;
}

/** Many places in one statement (the regency's villages at first start). */
export async function upsertPlaces(tx: DbOrTx, rows: (typeof places.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(places)
    .values(rows)
    .onConflictDoUpdate({ target: [places.regencyCode, places.kind, places.code], set: { name: sql`excluded.name`, regionCode: sql`excluded.region_code` } });
}

export async function insertSession(tx: DbOrTx, row: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(row);
}

export async function findLiveSession(tx: DbOrTx, regencyCode: string, tokenHash: string, now: Date) {
  const [row] = await tx
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, and(eq(users.regencyCode, sessions.regencyCode), eq(users.id, sessions.userId)))
    .where(
      and(
        eq(sessions.regencyCode, regencyCode),
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        eq(users.active, true),
      ),
    );
  return row ?? null;
}

export async function touchSession(tx: DbOrTx, regencyCode: string, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(and(eq(sessions.regencyCode, regencyCode), eq(sessions.tokenHash, tokenHash)));
}

export async function revokeSession(tx: DbOrTx, regencyCode: string, tokenHash: string, now: Date): Promise<void> {
  await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.regencyCode, regencyCode), eq(sessions.tokenHash, tokenHash)));
}

export async function revokeSessionsOfUser(tx: DbOrTx, regencyCode: string, userId: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.regencyCode, regencyCode), eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export async function insertOneTimeCode(tx: DbOrTx, row: typeof oneTimeCodes.$inferInsert): Promise<string> {
  const [created] = await tx.insert(oneTimeCodes).values(row).returning({ id: oneTimeCodes.id });
  return created!.id;
}

/** Codes requested for this NIK and phone since a moment (delivered or not). */
export async function countRecentCodes(tx: DbOrTx, regencyCode: string, nik: string, phone: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(oneTimeCodes)
    .where(and(eq(oneTimeCodes.regencyCode, regencyCode), eq(oneTimeCodes.nik, nik), eq(oneTimeCodes.phone, phone), gt(oneTimeCodes.createdAt, since)));
  return Number(row?.n ?? 0);
}

/** The newest unexpired, unused code for this NIK, phone and purpose. */
export async function findActiveCode(tx: DbOrTx, regencyCode: string, purpose: string, nik: string, phone: string, now: Date) {
  const [row] = await tx
    .select()
    .from(oneTimeCodes)
    .where(
      and(
        eq(oneTimeCodes.regencyCode, regencyCode),
        eq(oneTimeCodes.purpose, purpose),
        eq(oneTimeCodes.nik, nik),
        eq(oneTimeCodes.phone, phone),
        isNull(oneTimeCodes.consumedAt),
        gt(oneTimeCodes.expiresAt, now),
      ),
    )
    // created_at is on the app clock; codes asked for at the same instant go newest-inserted first.
    .orderBy(sql`${oneTimeCodes.createdAt} desc`, sql`${oneTimeCodes}.xmin::text::bigint desc`)
    .limit(1)
    .for('update');
  return row ?? null;
}

export async function updateOneTimeCode(tx: DbOrTx, regencyCode: string, id: string, patch: Partial<typeof oneTimeCodes.$inferInsert>): Promise<void> {
  await tx.update(oneTimeCodes).set(patch).where(and(eq(oneTimeCodes.regencyCode, regencyCode), eq(oneTimeCodes.id, id)));
}

export async function insertApiToken(tx: DbOrTx, row: typeof apiTokens.$inferInsert): Promise<string> {
  const [created] = await tx.insert(apiTokens).values(row).returning({ id: apiTokens.id });
  return created!.id;
}

export async function findLiveApiToken(tx: DbOrTx, regencyCode: string, tokenHash: string) {
  const [row] = await tx
    .select({ token: apiTokens, place: places })
    .from(apiTokens)
    .innerJoin(places, and(eq(places.regencyCode, apiTokens.regencyCode), eq(places.id, apiTokens.placeId)))
    .where(and(eq(apiTokens.regencyCode, regencyCode), eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row ?? null;
}

export async function listApiTokens(tx: DbOrTx, regencyCode: string) {
  return tx
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.tokenPrefix, placeId: apiTokens.placeId, placeName: places.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .innerJoin(places, and(eq(places.regencyCode, apiTokens.regencyCode), eq(places.id, apiTokens.placeId)))
    .where(eq(apiTokens.regencyCode, regencyCode))
    .orderBy(asc(apiTokens.createdAt));
}

export async function revokeApiToken(tx: DbOrTx, regencyCode: string, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.regencyCode, regencyCode), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export async function touchApiToken(tx: DbOrTx, regencyCode: string, id: string, now: Date): Promise<void> {
  await tx.update(apiTokens).set({ lastUsedAt: now }).where(and(eq(apiTokens.regencyCode, regencyCode), eq(apiTokens.id, id)));
}
