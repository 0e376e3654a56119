/** Every SAKINA query. Callers pass a transaction when the read must see their own writes. */
import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.ts';
import { places, userPlaces, users } from '../identity/schema.ts';
import { regions } from '../regions/schema.ts';
import {
  alertReads,
  alerts,
  babies,
  birthPlans,
  escorts,
  factorRetractions,
  outcomes,
  postpartumVisits,
  pregnancies,
  puskesmasVillages,
  targets,
  tasks,
  teamMembers,
  visits,
  type AlertKind,
  type Duty,
  type EscortStatus,
  type PregnancyStatus,
  type TaskKind,
  type TaskStatus,
} from './schema.ts';

export type PregnancyRow = typeof pregnancies.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;
export type BirthPlanRow = typeof birthPlans.$inferSelect;
export type EscortRow = typeof escorts.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type AlertRow = typeof alerts.$inferSelect;
export type OutcomeRow = typeof outcomes.$inferSelect;
export type BabyRow = typeof babies.$inferSelect;
export type PostpartumRow = typeof postpartumVisits.$inferSelect;
export type RetractionRow = typeof factorRetractions.$inferSelect;

export type PlaceRef = { id: string; code: string; name: string };
/** A pregnancy with the names of its village, kecamatan and puskesmas. */
export type PregnancyWithPlaces = PregnancyRow & { village: PlaceRef & { district: string | null }; puskesmas: PlaceRef };

const villagePlace = alias(places, 'village_place');
const pkmPlace = alias(places, 'pkm_place');
const district = alias(regions, 'district');
const villageRegion = alias(regions, 'village_region');

function withPlaces(tx: DbOrTx) {
  return tx
    .select({ p: pregnancies, v: { id: villagePlace.id, code: villagePlace.code, name: villagePlace.name }, d: district.name, k: { id: pkmPlace.id, code: pkmPlace.code, name: pkmPlace.name } })
    .from(pregnancies)
    .innerJoin(villagePlace, and(eq(villagePlace.regencyCode, pregnancies.regencyCode), eq(villagePlace.id, pregnancies.villageId)))
    .innerJoin(pkmPlace, and(eq(pkmPlace.regencyCode, pregnancies.regencyCode), eq(pkmPlace.id, pregnancies.puskesmasId)))
    .leftJoin(villageRegion, eq(villageRegion.code, villagePlace.regionCode))
    .leftJoin(district, eq(district.code, villageRegion.parentCode));
}

type Joined = { p: PregnancyRow; v: PlaceRef; d: string | null; k: PlaceRef };
const flatten = (r: Joined): PregnancyWithPlaces => ({ ...r.p, village: { ...r.v, district: r.d }, puskesmas: r.k });

// ── places ────────────────────────────────────────────────────────────────────────────────

export async function findPuskesmasOfVillage(tx: DbOrTx, regencyCode: string, villageId: string): Promise<PlaceRef | null> {
  const [row] = await tx
    .select({ id: places.id, code: places.code, name: places.name })
    .from(puskesmasVillages)
    .innerJoin(places, and(eq(places.regencyCode, puskesmasVillages.regencyCode), eq(places.id, puskesmasVillages.puskesmasId)))
    .where(and(eq(puskesmasVillages.regencyCode, regencyCode), eq(puskesmasVillages.villageId, villageId)));
  return row ?? null;
}

export type VillageRef = PlaceRef & { puskesmasId: string; puskesmasName: string; district: string | null };

/** The villages served by the given puskesmas, or the given villages; each with its puskesmas. */
export async function listServedVillages(tx: DbOrTx, regencyCode: string, filter: { puskesmasIds?: string[]; villageIds?: string[] }): Promise<VillageRef[]> {
  const conditions: SQL[] = [eq(puskesmasVillages.regencyCode, regencyCode)];
  if (filter.puskesmasIds) conditions.push(filter.puskesmasIds.length ? inArray(puskesmasVillages.puskesmasId, filter.puskesmasIds) : sql`false`);
  if (filter.villageIds) conditions.push(filter.villageIds.length ? inArray(puskesmasVillages.villageId, filter.villageIds) : sql`false`);
  return tx
    .select({ id: villagePlace.id, code: villagePlace.code, name: villagePlace.name, puskesmasId: pkmPlace.id, puskesmasName: pkmPlace.name, district: district.name })
    .from(puskesmasVillages)
    .innerJoin(villagePlace, and(eq(villagePlace.regencyCode, puskesmasVillages.regencyCode), eq(villagePlace.id, puskesmasVillages.villageId)))
    .innerJoin(pkmPlace, and(eq(pkmPlace.regencyCode, puskesmasVillages.regencyCode), eq(pkmPlace.id, puskesmasVillages.puskesmasId)))
    .leftJoin(villageRegion, eq(villageRegion.code, villagePlace.regionCode))
    .leftJoin(district, eq(district.code, villageRegion.parentCode))
    .where(and(...conditions))
    .orderBy(asc(pkmPlace.name), asc(villagePlace.code));
}

export async function listPuskesmas(tx: DbOrTx, regencyCode: string): Promise<PlaceRef[]> {
  return tx
    .select({ id: places.id, code: places.code, name: places.name })
    .from(places)
    .where(and(eq(places.regencyCode, regencyCode), eq(places.kind, 'puskesmas')))
    .orderBy(asc(places.name));
}

export async function insertPuskesmasVillages(tx: DbOrTx, rows: (typeof puskesmasVillages.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(puskesmasVillages).values(rows).onConflictDoNothing();
}

export async function countPuskesmasVillages(tx: DbOrTx, regencyCode: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(puskesmasVillages).where(eq(puskesmasVillages.regencyCode, regencyCode));
  return Number(row?.n ?? 0);
}

// ── staff ─────────────────────────────────────────────────────────────────────────────────

export type StaffRef = { id: string; role: string; displayName: string; phone: string | null; locale: string; username: string | null };

/** Active staff of a role bound to a place, oldest account first (the first is the default duty holder). */
export async function listStaffAt(tx: DbOrTx, regencyCode: string, placeId: string, role: string): Promise<StaffRef[]> {
  return tx
    .select({ id: users.id, role: users.role, displayName: users.displayName, phone: users.phone, locale: users.locale, username: users.username })
    .from(userPlaces)
    .innerJoin(users, and(eq(users.regencyCode, userPlaces.regencyCode), eq(users.id, userPlaces.userId)))
    .where(and(eq(userPlaces.regencyCode, regencyCode), eq(userPlaces.placeId, placeId), eq(users.role, role as 'midwife'), eq(users.active, true)))
    .orderBy(asc(users.createdAt), asc(users.username));
}

export async function findStaff(tx: DbOrTx, regencyCode: string, ids: string[]): Promise<StaffRef[]> {
  if (!ids.length) return [];
  return tx
    .select({ id: users.id, role: users.role, displayName: users.displayName, phone: users.phone, locale: users.locale, username: users.username })
    .from(users)
    .where(and(eq(users.regencyCode, regencyCode), inArray(users.id, ids)));
}

export async function isUserAtPlace(tx: DbOrTx, regencyCode: string, userId: string, placeId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: userPlaces.userId })
    .from(userPlaces)
    .where(and(eq(userPlaces.regencyCode, regencyCode), eq(userPlaces.userId, userId), eq(userPlaces.placeId, placeId)));
  return !!row;
}

// ── pregnancies ───────────────────────────────────────────────────────────────────────────

export async function insertPregnancy(tx: DbOrTx, row: typeof pregnancies.$inferInsert): Promise<PregnancyRow> {
  const [saved] = await tx.insert(pregnancies).values(row).returning();
  return saved!;
}

export async function findPregnancy(tx: DbOrTx, regencyCode: string, id: string, forUpdate = false): Promise<PregnancyWithPlaces | null> {
  let query = withPlaces(tx).where(and(eq(pregnancies.regencyCode, regencyCode), eq(pregnancies.id, id))).$dynamic();
  if (forUpdate) query = query.for('update', { of: pregnancies });
  const [row] = await query;
  return row ? flatten(row) : null;
}

export async function findPregnancyByClientId(tx: DbOrTx, regencyCode: string, clientId: string): Promise<PregnancyRow | null> {
  const [row] = await tx.select().from(pregnancies).where(and(eq(pregnancies.regencyCode, regencyCode), eq(pregnancies.clientId, clientId)));
  return row ?? null;
}

export async function updatePregnancy(tx: DbOrTx, regencyCode: string, id: string, patch: Partial<typeof pregnancies.$inferInsert>): Promise<void> {
  await tx.update(pregnancies).set(patch).where(and(eq(pregnancies.regencyCode, regencyCode), eq(pregnancies.id, id)));
}

/**
 * Possible duplicates among open records (reported or active): the same NIK, or the same name
 * (case, spaces and punctuation ignored) with the same birth date in the same village.
 */
export async function findDuplicateCandidates(
  tx: DbOrTx,
  regencyCode: string,
  probe: { nik: string | null; name: string; birthDate: string | null; villageId: string; excludeId?: string | null },
): Promise<PregnancyWithPlaces[]> {
  const byNik = probe.nik ? eq(pregnancies.nik, probe.nik) : undefined;
  const byName = probe.birthDate
    ? and(eq(pregnancies.birthDate, probe.birthDate), eq(pregnancies.villageId, probe.villageId), sql`regexp_replace(lower(${pregnancies.name}), '[^a-z]', '', 'g') = ${normaliseName(probe.name)}`)
    : undefined;
  const match = byNik && byName ? or(byNik, byName) : (byNik ?? byName);
  if (!match) return [];
  const rows = await withPlaces(tx)
    .where(and(eq(pregnancies.regencyCode, regencyCode), inArray(pregnancies.status, ['reported', 'active']), match, probe.excludeId ? ne(pregnancies.id, probe.excludeId) : undefined))
    .orderBy(asc(pregnancies.createdAt))
    .limit(20);
  return rows.map(flatten);
}

/** The comparison key for names: letters only, lower case ("Siti  Aminah," = "siti aminah"). */
export function normaliseName(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '');
}

export type PregnancyFilter = {
  puskesmasIds?: string[];
  villageIds?: string[];
  statuses?: PregnancyStatus[];
  categories?: ('KRR' | 'KRT' | 'KRST')[];
  /** Only women with a due date up to this day. */
  dueBy?: string;
  q?: string;
  limit?: number;
  offset?: number;
};

export async function listPregnancies(tx: DbOrTx, regencyCode: string, f: PregnancyFilter): Promise<PregnancyWithPlaces[]> {
  const conditions: (SQL | undefined)[] = [eq(pregnancies.regencyCode, regencyCode)];
  if (f.puskesmasIds) conditions.push(f.puskesmasIds.length ? inArray(pregnancies.puskesmasId, f.puskesmasIds) : sql`false`);
  if (f.villageIds) conditions.push(f.villageIds.length ? inArray(pregnancies.villageId, f.villageIds) : sql`false`);
  if (f.statuses) conditions.push(inArray(pregnancies.status, f.statuses));
  if (f.categories) conditions.push(inArray(pregnancies.category, f.categories));
  if (f.dueBy) conditions.push(lte(pregnancies.hpl, f.dueBy));
  if (f.q) conditions.push(sql`${pregnancies.name} ilike ${`%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`}`);
  const rows = await withPlaces(tx)
    .where(and(...conditions))
    .orderBy(sql`case ${pregnancies.status} when 'reported' then 0 when 'active' then 1 else 2 end`, sql`${pregnancies.hpl} asc nulls last`, asc(pregnancies.name))
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0);
  return rows.map(flatten);
}

export async function listActivePregnancies(tx: DbOrTx, regencyCode: string): Promise<PregnancyWithPlaces[]> {
  const rows = await withPlaces(tx).where(and(eq(pregnancies.regencyCode, regencyCode), eq(pregnancies.status, 'active')));
  return rows.map(flatten);
}

export async function closeEndedPostpartum(tx: DbOrTx, regencyCode: string, deliveredBefore: string, now: Date): Promise<number> {
  const rows = await tx
    .update(pregnancies)
    .set({ status: 'closed', updatedAt: now })
    .where(and(eq(pregnancies.regencyCode, regencyCode), eq(pregnancies.status, 'delivered'), sql`${pregnancies.deliveredOn} < ${deliveredBefore}`))
    .returning({ id: pregnancies.id });
  return rows.length;
}

// ── visits ────────────────────────────────────────────────────────────────────────────────

export async function insertVisit(tx: DbOrTx, row: typeof visits.$inferInsert): Promise<VisitRow> {
  const [saved] = await tx.insert(visits).values(row).returning();
  return saved!;
}

export async function findVisitByClientId(tx: DbOrTx, regencyCode: string, clientId: string): Promise<VisitRow | null> {
  const [row] = await tx.select().from(visits).where(and(eq(visits.regencyCode, regencyCode), eq(visits.clientId, clientId)));
  return row ?? null;
}

export async function listVisits(tx: DbOrTx, regencyCode: string, pregnancyIds: string[]): Promise<VisitRow[]> {
  if (!pregnancyIds.length) return [];
  return tx
    .select()
    .from(visits)
    .where(and(eq(visits.regencyCode, regencyCode), inArray(visits.pregnancyId, pregnancyIds)))
    .orderBy(asc(visits.visitDate), asc(visits.createdAt));
}

// ── birth plan ────────────────────────────────────────────────────────────────────────────

export async function findBirthPlan(tx: DbOrTx, regencyCode: string, pregnancyId: string): Promise<BirthPlanRow | null> {
  const [row] = await tx.select().from(birthPlans).where(and(eq(birthPlans.regencyCode, regencyCode), eq(birthPlans.pregnancyId, pregnancyId)));
  return row ?? null;
}

export async function upsertBirthPlan(tx: DbOrTx, row: typeof birthPlans.$inferInsert): Promise<void> {
  const { regencyCode: _r, pregnancyId: _p, ...set } = row;
  await tx.insert(birthPlans).values(row).onConflictDoUpdate({ target: [birthPlans.regencyCode, birthPlans.pregnancyId], set });
}

// ── team ──────────────────────────────────────────────────────────────────────────────────

export type TeamMember = { duty: Duty; userId: string; displayName: string; phone: string | null; locale: string; role: string };

export async function listTeam(tx: DbOrTx, regencyCode: string, pregnancyId: string): Promise<TeamMember[]> {
  const rows = await tx
    .select({ duty: teamMembers.duty, userId: teamMembers.userId, displayName: users.displayName, phone: users.phone, locale: users.locale, role: users.role })
    .from(teamMembers)
    .innerJoin(users, and(eq(users.regencyCode, teamMembers.regencyCode), eq(users.id, teamMembers.userId)))
    .where(and(eq(teamMembers.regencyCode, regencyCode), eq(teamMembers.pregnancyId, pregnancyId)));
  const order = ['midwife', 'village_official', 'police', 'police_backup'];
  return rows.sort((a, b) => order.indexOf(a.duty) - order.indexOf(b.duty));
}

export async function setTeamMember(tx: DbOrTx, row: typeof teamMembers.$inferInsert): Promise<void> {
  await tx
    .insert(teamMembers)
    .values(row)
    .onConflictDoUpdate({ target: [teamMembers.regencyCode, teamMembers.pregnancyId, teamMembers.duty], set: { userId: row.userId, assignedAt: row.assignedAt } });
}

export async function removeTeamMember(tx: DbOrTx, regencyCode: string, pregnancyId: string, duty: Duty): Promise<void> {
  await tx.delete(teamMembers).where(and(eq(teamMembers.regencyCode, regencyCode), eq(teamMembers.pregnancyId, pregnancyId), eq(teamMembers.duty, duty)));
}

// ── escorts ───────────────────────────────────────────────────────────────────────────────

export async function insertEscort(tx: DbOrTx, row: typeof escorts.$inferInsert): Promise<EscortRow> {
  const [saved] = await tx.insert(escorts).values(row).returning();
  return saved!;
}

export async function findEscort(tx: DbOrTx, regencyCode: string, id: string): Promise<EscortRow | null> {
  const [row] = await tx.select().from(escorts).where(and(eq(escorts.regencyCode, regencyCode), eq(escorts.id, id)));
  return row ?? null;
}

export async function findEscortByClientId(tx: DbOrTx, regencyCode: string, clientId: string): Promise<EscortRow | null> {
  const [row] = await tx.select().from(escorts).where(and(eq(escorts.regencyCode, regencyCode), eq(escorts.clientId, clientId)));
  return row ?? null;
}

/** Moves an escort on only from the expected step: two officers pressing "accept" at once, one wins. */
export async function stepEscort(tx: DbOrTx, regencyCode: string, id: string, from: EscortStatus[], patch: Partial<typeof escorts.$inferInsert>): Promise<EscortRow | null> {
  const [row] = await tx
    .update(escorts)
    .set(patch)
    .where(and(eq(escorts.regencyCode, regencyCode), eq(escorts.id, id), inArray(escorts.status, from)))
    .returning();
  return row ?? null;
}

export async function listEscorts(tx: DbOrTx, regencyCode: string, pregnancyIds: string[]): Promise<EscortRow[]> {
  if (!pregnancyIds.length) return [];
  return tx
    .select()
    .from(escorts)
    .where(and(eq(escorts.regencyCode, regencyCode), inArray(escorts.pregnancyId, pregnancyIds)))
    .orderBy(desc(escorts.requestedAt));
}

/** Marks an escort escalated, once: a second server running the same job finds it done. */
export async function markEscalated(tx: DbOrTx, regencyCode: string, id: string, now: Date): Promise<EscortRow | null> {
  const [row] = await tx
    .update(escorts)
    .set({ escalatedAt: now })
    .where(and(eq(escorts.regencyCode, regencyCode), eq(escorts.id, id), eq(escorts.status, 'requested'), isNull(escorts.escalatedAt)))
    .returning();
  return row ?? null;
}

/** Requests nobody accepted by `requestedBefore` and not yet escalated (all regencies: the job serves them all). */
export async function findUnacceptedEscorts(tx: DbOrTx, requestedBefore: Date): Promise<EscortRow[]> {
  return tx
    .select()
    .from(escorts)
    .where(and(eq(escorts.status, 'requested'), isNull(escorts.escalatedAt), lte(escorts.requestedAt, requestedBefore)))
    .orderBy(asc(escorts.requestedAt))
    .limit(200);
}

// ── tasks ─────────────────────────────────────────────────────────────────────────────────

/** One task per event (its dedupe key); returns the new task, or null when it already existed. */
export async function insertTask(tx: DbOrTx, row: typeof tasks.$inferInsert): Promise<TaskRow | null> {
  const [saved] = await tx.insert(tasks).values(row).onConflictDoNothing().returning();
  return saved ?? null;
}

export async function findTask(tx: DbOrTx, regencyCode: string, id: string): Promise<TaskRow | null> {
  const [row] = await tx.select().from(tasks).where(and(eq(tasks.regencyCode, regencyCode), eq(tasks.id, id)));
  return row ?? null;
}

export async function updateTasks(
  tx: DbOrTx,
  regencyCode: string,
  where: { pregnancyId?: string; ids?: string[]; escortId?: string; kinds?: TaskKind[]; status?: TaskStatus },
  patch: Partial<typeof tasks.$inferInsert>,
): Promise<TaskRow[]> {
  const conditions: (SQL | undefined)[] = [eq(tasks.regencyCode, regencyCode)];
  if (where.pregnancyId) conditions.push(eq(tasks.pregnancyId, where.pregnancyId));
  if (where.ids) conditions.push(inArray(tasks.id, where.ids));
  if (where.escortId) conditions.push(eq(tasks.escortId, where.escortId));
  if (where.kinds) conditions.push(inArray(tasks.kind, where.kinds));
  if (where.status) conditions.push(eq(tasks.status, where.status));
  return tx.update(tasks).set(patch).where(and(...conditions)).returning();
}

export async function listTasks(tx: DbOrTx, regencyCode: string, pregnancyIds: string[], opts: { statuses?: TaskStatus[] } = {}): Promise<TaskRow[]> {
  if (!pregnancyIds.length) return [];
  return tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.regencyCode, regencyCode), inArray(tasks.pregnancyId, pregnancyIds), opts.statuses ? inArray(tasks.status, opts.statuses) : undefined))
    .orderBy(asc(tasks.dueOn), asc(tasks.createdAt));
}

// ── alerts ────────────────────────────────────────────────────────────────────────────────

/** One alert per event (its dedupe key); returns it when new, null when it had been raised already. */
export async function insertAlert(tx: DbOrTx, row: { regencyCode: string; pregnancyId: string; kind: AlertKind; dedupeKey: string; details?: Record<string, string | number | string[] | null>; createdAt: Date }): Promise<AlertRow | null> {
  const [saved] = await tx.insert(alerts).values(row).onConflictDoNothing().returning();
  return saved ?? null;
}

export async function listAlerts(tx: DbOrTx, regencyCode: string, pregnancyIds: string[], since: Date, kinds?: AlertKind[]): Promise<AlertRow[]> {
  if (!pregnancyIds.length) return [];
  return tx
    .select()
    .from(alerts)
    .where(and(eq(alerts.regencyCode, regencyCode), inArray(alerts.pregnancyId, pregnancyIds), gte(alerts.createdAt, since), kinds ? inArray(alerts.kind, kinds) : undefined))
    .orderBy(desc(alerts.createdAt))
    .limit(200);
}

/** Of these alerts, the ones this person has read (read state is per person). */
export async function findReadAlertIds(tx: DbOrTx, regencyCode: string, userId: string, alertIds: string[]): Promise<Set<string>> {
  if (!alertIds.length) return new Set();
  const rows = await tx
    .select({ alertId: alertReads.alertId })
    .from(alertReads)
    .where(and(eq(alertReads.regencyCode, regencyCode), eq(alertReads.userId, userId), inArray(alertReads.alertId, alertIds)));
  return new Set(rows.map((r) => r.alertId));
}

/** Marks alerts read by one person; reading twice keeps the first moment. Returns how many were new. */
export async function markAlertsRead(tx: DbOrTx, regencyCode: string, userId: string, alertIds: string[], readAt: Date): Promise<number> {
  if (!alertIds.length) return 0;
  const rows = await tx
    .insert(alertReads)
    .values(alertIds.map((alertId) => ({ regencyCode, userId, alertId, readAt })))
    .onConflictDoNothing()
    .returning({ alertId: alertReads.alertId });
  return rows.length;
}

// ── KSPR retractions ──────────────────────────────────────────────────────────────────────

export async function insertRetraction(tx: DbOrTx, row: typeof factorRetractions.$inferInsert): Promise<RetractionRow> {
  const [saved] = await tx.insert(factorRetractions).values(row).returning();
  return saved!;
}

export async function listRetractions(tx: DbOrTx, regencyCode: string, pregnancyId: string): Promise<RetractionRow[]> {
  return tx
    .select()
    .from(factorRetractions)
    .where(and(eq(factorRetractions.regencyCode, regencyCode), eq(factorRetractions.pregnancyId, pregnancyId)))
    .orderBy(asc(factorRetractions.retractedAt));
}

// ── outcome and postpartum ────────────────────────────────────────────────────────────────

export async function insertOutcome(tx: DbOrTx, row: typeof outcomes.$inferInsert, babyRows: (typeof babies.$inferInsert)[]): Promise<void> {
  await tx.insert(outcomes).values(row);
  if (babyRows.length) await tx.insert(babies).values(babyRows);
}

export async function findOutcome(tx: DbOrTx, regencyCode: string, pregnancyId: string): Promise<(OutcomeRow & { babies: BabyRow[] }) | null> {
  const [row] = await tx.select().from(outcomes).where(and(eq(outcomes.regencyCode, regencyCode), eq(outcomes.pregnancyId, pregnancyId)));
  if (!row) return null;
  const list = await tx.select().from(babies).where(and(eq(babies.regencyCode, regencyCode), eq(babies.pregnancyId, pregnancyId))).orderBy(asc(babies.seq));
  return { ...row, babies: list };
}

export async function updateOutcome(tx: DbOrTx, regencyCode: string, pregnancyId: string, patch: Partial<typeof outcomes.$inferInsert>): Promise<void> {
  await tx.update(outcomes).set(patch).where(and(eq(outcomes.regencyCode, regencyCode), eq(outcomes.pregnancyId, pregnancyId)));
}

export async function updateBaby(tx: DbOrTx, regencyCode: string, pregnancyId: string, seq: number, patch: Partial<typeof babies.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(babies)
    .set(patch)
    .where(and(eq(babies.regencyCode, regencyCode), eq(babies.pregnancyId, pregnancyId), eq(babies.seq, seq)))
    .returning({ seq: babies.seq });
  return rows.length > 0;
}

export async function insertPostpartumVisit(tx: DbOrTx, row: typeof postpartumVisits.$inferInsert): Promise<PostpartumRow> {
  const [saved] = await tx.insert(postpartumVisits).values(row).returning();
  return saved!;
}

export async function findPostpartumByClientId(tx: DbOrTx, regencyCode: string, clientId: string): Promise<PostpartumRow | null> {
  const [row] = await tx.select().from(postpartumVisits).where(and(eq(postpartumVisits.regencyCode, regencyCode), eq(postpartumVisits.clientId, clientId)));
  return row ?? null;
}

export async function listPostpartumVisits(tx: DbOrTx, regencyCode: string, pregnancyId: string): Promise<PostpartumRow[]> {
  return tx
    .select()
    .from(postpartumVisits)
    .where(and(eq(postpartumVisits.regencyCode, regencyCode), eq(postpartumVisits.pregnancyId, pregnancyId)))
    .orderBy(asc(postpartumVisits.visitDate));
}

// ── figures ───────────────────────────────────────────────────────────────────────────────

/** Everything the monthly figures count, for the given villages: pregnancies with visits, outcomes and escorts. */
export async function loadFigureSources(tx: DbOrTx, regencyCode: string, villageIds: string[], from: string) {
  if (!villageIds.length) return { pregnancies: [], visits: [], outcomes: [], babies: [], escorts: [] };
  const list = await tx
    .select()
    .from(pregnancies)
    .where(
      and(
        eq(pregnancies.regencyCode, regencyCode),
        inArray(pregnancies.villageId, villageIds),
        inArray(pregnancies.status, ['active', 'delivered', 'closed']),
        // Anything that can still count in the period: not delivered more than 42 days before it began.
        or(isNull(pregnancies.deliveredOn), sql`${pregnancies.deliveredOn} >= ${from}::date - 42`),
      ),
    );
  const ids = list.map((p) => p.id);
  if (!ids.length) return { pregnancies: [], visits: [], outcomes: [], babies: [], escorts: [] };
  const [visitRows, outcomeRows, babyRows, escortRows] = await Promise.all([
    tx.select({ pregnancyId: visits.pregnancyId, visitDate: visits.visitDate, examiner: visits.examiner }).from(visits).where(and(eq(visits.regencyCode, regencyCode), inArray(visits.pregnancyId, ids))),
    tx.select().from(outcomes).where(and(eq(outcomes.regencyCode, regencyCode), inArray(outcomes.pregnancyId, ids))),
    tx.select().from(babies).where(and(eq(babies.regencyCode, regencyCode), inArray(babies.pregnancyId, ids))),
    tx.select({ pregnancyId: escorts.pregnancyId, status: escorts.status, arrivedAt: escorts.arrivedAt }).from(escorts).where(and(eq(escorts.regencyCode, regencyCode), inArray(escorts.pregnancyId, ids))),
  ]);
  return { pregnancies: list, visits: visitRows, outcomes: outcomeRows, babies: babyRows, escorts: escortRows };
}

export async function listTargets(tx: DbOrTx, regencyCode: string, year: number, villageIds: string[]): Promise<{ villageId: string; pregnantWomen: number }[]> {
  if (!villageIds.length) return [];
  return tx
    .select({ villageId: targets.villageId, pregnantWomen: targets.pregnantWomen })
    .from(targets)
    .where(and(eq(targets.regencyCode, regencyCode), eq(targets.year, year), inArray(targets.villageId, villageIds)));
}

export async function upsertTarget(tx: DbOrTx, row: typeof targets.$inferInsert): Promise<void> {
  await tx.insert(targets).values(row).onConflictDoUpdate({ target: [targets.regencyCode, targets.year, targets.villageId], set: { pregnantWomen: row.pregnantWomen } });
}
