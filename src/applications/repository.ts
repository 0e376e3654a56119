/** Every query of the applications module. */
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.ts';
import { agencies, documentTypes, pointServices, servicePoints, serviceRequirements, services, serviceStandards } from '../catalogue/schema.ts';
import { places, userPlaces, users } from '../identity/schema.ts';
import type { InboxScope } from './access.ts';
import {
  agencyIntegrations,
  applicationDocuments,
  applicationEvents,
  applications,
  productChecks,
  storedFiles,
  webhookAttempts,
  webhookDeliveries,
} from './schema.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type DocumentRow = typeof applicationDocuments.$inferSelect;
export type EventRow = typeof applicationEvents.$inferSelect;
export type IntegrationRow = typeof agencyIntegrations.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

// — the catalogue, as applications read it —

export type ServiceInfo = {
  id: string;
  code: string;
  nameId: string;
  nameEn: string;
  level: string;
  channels: string[];
  currentVersion: number;
  active: boolean;
  agencyId: string;
  agencyCode: string;
  agencyShortName: string;
  agencyNameId: string;
  agencyNameEn: string;
  agencyPlaceId: string;
};

const serviceInfoColumns = {
  id: services.id,
  code: services.code,
  nameId: services.nameId,
  nameEn: services.nameEn,
  level: services.level,
  channels: services.channels,
  currentVersion: services.currentVersion,
  active: services.active,
  agencyId: agencies.id,
  agencyCode: agencies.code,
  agencyShortName: agencies.shortName,
  agencyNameId: agencies.nameId,
  agencyNameEn: agencies.nameEn,
  agencyPlaceId: agencies.placeId,
};

function serviceInfoQuery(tx: DbOrTx, where: SQL | undefined) {
  return tx
    .select(serviceInfoColumns)
    .from(services)
    .innerJoin(agencies, and(eq(agencies.regencyCode, services.regencyCode), eq(agencies.id, services.agencyId)))
    .where(where);
}

export async function findServiceInfoByCode(tx: DbOrTx, r: string, code: string): Promise<ServiceInfo | null> {
  const [row] = await serviceInfoQuery(tx, and(eq(services.regencyCode, r), eq(services.code, code)));
  return (row as ServiceInfo | undefined) ?? null;
}

export async function findServiceInfoById(tx: DbOrTx, r: string, id: string): Promise<ServiceInfo | null> {
  const [row] = await serviceInfoQuery(tx, and(eq(services.regencyCode, r), eq(services.id, id)));
  return (row as ServiceInfo | undefined) ?? null;
}

export type RequirementRow = {
  position: number;
  optional: boolean;
  noteId: string | null;
  noteEn: string | null;
  documentTypeId: string;
  documentCode: string;
  documentNameId: string;
  documentNameEn: string;
};

/** The persyaratan of one version of a standard, in order. */
export async function listRequirements(tx: DbOrTx, r: string, serviceId: string, version: number): Promise<RequirementRow[]> {
  return tx
    .select({
      position: serviceRequirements.position,
      optional: serviceRequirements.optional,
      noteId: serviceRequirements.noteId,
      noteEn: serviceRequirements.noteEn,
      documentTypeId: documentTypes.id,
      documentCode: documentTypes.code,
      documentNameId: documentTypes.nameId,
      documentNameEn: documentTypes.nameEn,
    })
    .from(serviceRequirements)
    .innerJoin(documentTypes, and(eq(documentTypes.regencyCode, serviceRequirements.regencyCode), eq(documentTypes.id, serviceRequirements.documentTypeId)))
    .where(and(eq(serviceRequirements.regencyCode, r), eq(serviceRequirements.serviceId, serviceId), eq(serviceRequirements.version, version)))
    .orderBy(asc(serviceRequirements.position));
}

export async function findDuration(tx: DbOrTx, r: string, serviceId: string, version: number) {
  const [row] = await tx
    .select({ value: serviceStandards.durationValue, unit: serviceStandards.durationUnit, product: serviceStandards.product })
    .from(serviceStandards)
    .where(and(eq(serviceStandards.regencyCode, r), eq(serviceStandards.serviceId, serviceId), eq(serviceStandards.version, version)));
  return row ?? null;
}

export async function findPlaceById(tx: DbOrTx, r: string, id: string) {
  const [row] = await tx.select().from(places).where(and(eq(places.regencyCode, r), eq(places.id, id)));
  return row ?? null;
}

export async function findPlaceByCode(tx: DbOrTx, r: string, kind: 'village' | 'agency' | 'service_point', code: string) {
  const [row] = await tx.select().from(places).where(and(eq(places.regencyCode, r), eq(places.kind, kind), eq(places.code, code)));
  return row ?? null;
}

/** The service point where staff bound to a place file (a service_point place, or a village's Smart Kampung point). */
export async function findPointOfPlace(tx: DbOrTx, r: string, placeId: string) {
  const [row] = await tx
    .select({ id: servicePoints.id, code: servicePoints.code, nameId: servicePoints.nameId, nameEn: servicePoints.nameEn, active: servicePoints.active })
    .from(servicePoints)
    .where(and(eq(servicePoints.regencyCode, r), eq(servicePoints.placeId, placeId)));
  return row ?? null;
}

export async function isServiceOfferedAt(tx: DbOrTx, r: string, pointId: string, serviceId: string): Promise<boolean> {
  const [row] = await tx
    .select({ serviceId: pointServices.serviceId })
    .from(pointServices)
    .where(and(eq(pointServices.regencyCode, r), eq(pointServices.pointId, pointId), eq(pointServices.serviceId, serviceId)));
  return Boolean(row);
}

export async function findCitizenByNik(tx: DbOrTx, r: string, nik: string) {
  const [row] = await tx.select().from(users).where(and(eq(users.regencyCode, r), eq(users.nik, nik), eq(users.role, 'citizen')));
  return row ?? null;
}

export async function findUserById(tx: DbOrTx, r: string, id: string) {
  const [row] = await tx.select().from(users).where(and(eq(users.regencyCode, r), eq(users.id, id)));
  return row ?? null;
}

/** Active staff of a place with the given roles (supervisors to alert, when none is configured). */
export async function listStaffOfPlace(tx: DbOrTx, r: string, placeId: string, roles: string[]) {
  return tx
    .select({ id: users.id, displayName: users.displayName, phone: users.phone, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userPlaces, and(eq(userPlaces.regencyCode, users.regencyCode), eq(userPlaces.userId, users.id)))
    .where(and(eq(users.regencyCode, r), eq(userPlaces.placeId, placeId), eq(users.active, true), inArray(users.role, roles as never[])));
}

// — files —

export async function insertStoredFile(tx: DbOrTx, row: typeof storedFiles.$inferInsert): Promise<void> {
  await tx.insert(storedFiles).values(row).onConflictDoNothing();
}

export async function findStoredFile(tx: DbOrTx, r: string, hash: string) {
  const [row] = await tx.select().from(storedFiles).where(and(eq(storedFiles.regencyCode, r), eq(storedFiles.hash, hash)));
  return row ?? null;
}

// — applications —

/** Inserts, or — when another request with the same Idempotency-Key got there first — returns null. */
export async function insertApplication(tx: DbOrTx, row: typeof applications.$inferInsert): Promise<ApplicationRow | null> {
  const query = tx.insert(applications).values(row);
  const inserted = row.idempotencyKey
    ? await query.onConflictDoNothing({ target: [applications.regencyCode, applications.filedByUserId, applications.idempotencyKey] }).returning()
    : await query.returning();
  return inserted[0] ?? null;
}

export async function findByIdempotencyKey(tx: DbOrTx, r: string, filedByUserId: string, key: string): Promise<ApplicationRow | null> {
  const [row] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.regencyCode, r), eq(applications.filedByUserId, filedByUserId), eq(applications.idempotencyKey, key)));
  return row ?? null;
}

/** By number; `forUpdate` locks the row so two officers acting at once take turns. */
export async function findApplicationByNumber(tx: DbOrTx, r: string, number: string, forUpdate = false): Promise<ApplicationRow | null> {
  const query = tx.select().from(applications).where(and(eq(applications.regencyCode, r), eq(applications.number, number)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findApplicationById(tx: DbOrTx, r: string, id: string): Promise<ApplicationRow | null> {
  const [row] = await tx.select().from(applications).where(and(eq(applications.regencyCode, r), eq(applications.id, id)));
  return row ?? null;
}

export async function findApplicationByVerificationToken(tx: DbOrTx, r: string, token: string): Promise<ApplicationRow | null> {
  const [row] = await tx.select().from(applications).where(and(eq(applications.regencyCode, r), eq(applications.verificationToken, token)));
  return row ?? null;
}

/** Writes a change and bumps the version; false when someone else changed it meanwhile. */
export async function updateApplication(tx: DbOrTx, r: string, id: string, expectedVersion: number, patch: Partial<typeof applications.$inferInsert>): Promise<boolean> {
  const updated = await tx
    .update(applications)
    .set({ ...patch, version: expectedVersion + 1 })
    .where(and(eq(applications.regencyCode, r), eq(applications.id, id), eq(applications.version, expectedVersion)))
    .returning({ id: applications.id });
  return updated.length === 1;
}

/** The SLA columns only: derived data, not a change of the file (no version bump). */
export async function updateSlaColumns(tx: DbOrTx, r: string, id: string, patch: { slaDueDate: string | null; slaState: string }): Promise<void> {
  await tx.update(applications).set(patch).where(and(eq(applications.regencyCode, r), eq(applications.id, id)));
}

export type ListFilter = {
  statuses?: string[];
  late?: boolean;
  /** Application number or applicant name fragment. */
  q?: string;
  serviceCode?: string;
  includeDrafts?: boolean;
  /** 'recent': newest filing first (a desk's own filings); default: oldest promise first (an inbox). */
  order?: 'due' | 'recent';
  today: string;
  limit: number;
  offset: number;
};

function scopeCondition(r: string, scope: InboxScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'applicant':
      return eq(applications.applicantNik, scope.nik);
    case 'handler':
      // Drafts are not the handler's business until submitted.
      return scope.placeIds.length ? and(inArray(applications.handlerPlaceId, scope.placeIds), sql`${applications.status} <> 'draft'`) : sql`false`;
    case 'filed':
      return or(eq(applications.filedByUserId, scope.userId), scope.placeIds.length ? inArray(applications.filedAtPlaceId, scope.placeIds) : sql`false`);
  }
}

/** Late: the clock runs past its due day, or it stopped after it. */
function lateCondition(today: string): SQL {
  return sql`((${applications.slaState} = 'running' and ${applications.slaDueDate} < ${today}) or (${applications.slaState} = 'stopped' and ${applications.finishedAt} is not null and (${applications.finishedAt} at time zone 'Asia/Jakarta')::date > ${applications.slaDueDate}))`;
}

export async function listApplications(tx: DbOrTx, r: string, scopes: InboxScope[], filter: ListFilter) {
  if (scopes.length === 0) return { rows: [], total: 0 };
  const conditions: (SQL | undefined)[] = [eq(applications.regencyCode, r), or(...scopes.map((s) => scopeCondition(r, s)))];
  if (filter.statuses?.length) conditions.push(inArray(applications.status, filter.statuses as never[]));
  else if (!filter.includeDrafts) conditions.push(sql`${applications.status} <> 'draft'`);
  if (filter.late === true) conditions.push(lateCondition(filter.today));
  if (filter.late === false) conditions.push(sql`not ${lateCondition(filter.today)}`);
  if (filter.serviceCode) conditions.push(eq(services.code, filter.serviceCode));
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${applications.number} ilike ${like}`, sql`${applications.applicantName} ilike ${like}`, eq(applications.applicantNik, filter.q)));
  }
  const where = and(...conditions);
  const base = tx
    .select({
      app: applications,
      serviceCode: services.code,
      serviceNameId: services.nameId,
      serviceNameEn: services.nameEn,
      agencyCode: agencies.code,
      agencyShortName: agencies.shortName,
    })
    .from(applications)
    .innerJoin(services, and(eq(services.regencyCode, applications.regencyCode), eq(services.id, applications.serviceId)))
    .innerJoin(agencies, and(eq(agencies.regencyCode, applications.regencyCode), eq(agencies.id, applications.agencyId)))
    .where(where);
  const rows = await base
    // Oldest promise first: what is due soonest is at the top of an inbox; a desk sees its latest filings first.
    .orderBy(...(filter.order === 'recent' ? [desc(applications.createdAt)] : [sql`${applications.slaDueDate} asc nulls last`, desc(applications.updatedAt)]))
    .limit(filter.limit)
    .offset(filter.offset);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .innerJoin(services, and(eq(services.regencyCode, applications.regencyCode), eq(services.id, applications.serviceId)))
    .where(where);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Applications of a NIK, for the lookup after a one-time code: what tracking may show. */
export async function listByNik(tx: DbOrTx, r: string, nik: string) {
  return tx
    .select({ app: applications, serviceNameId: services.nameId, serviceNameEn: services.nameEn })
    .from(applications)
    .innerJoin(services, and(eq(services.regencyCode, applications.regencyCode), eq(services.id, applications.serviceId)))
    .where(and(eq(applications.regencyCode, r), eq(applications.applicantNik, nik), sql`${applications.status} <> 'draft'`))
    .orderBy(desc(applications.createdAt))
    .limit(50);
}

/** The phones a NIK is known by: its citizen account and the applications filed for it. */
export async function phonesOfNik(tx: DbOrTx, r: string, nik: string): Promise<string[]> {
  const rows = await queryRows<{ phone: string }>(
    tx,
    sql`select phone from users where regency_code = ${r} and nik = ${nik} and role = 'citizen' and phone is not null
        union select applicant_phone from applications where regency_code = ${r} and applicant_nik = ${nik} and applicant_phone is not null`,
  );
  return rows.map((row) => row.phone);
}

/** Running clocks whose due day has passed and whose supervisor has not been told yet. */
export async function listOverdueUnescalated(tx: DbOrTx, today: string, limit: number) {
  return tx
    .select()
    .from(applications)
    .where(and(eq(applications.slaState, 'running'), lt(applications.slaDueDate, today), isNull(applications.escalatedAt)))
    .orderBy(asc(applications.slaDueDate))
    .limit(limit);
}

// — documents —

export async function listDocuments(tx: DbOrTx, r: string, applicationId: string, includeReplaced = false): Promise<DocumentRow[]> {
  const conditions = [eq(applicationDocuments.regencyCode, r), eq(applicationDocuments.applicationId, applicationId)];
  if (!includeReplaced) conditions.push(isNull(applicationDocuments.replacedAt));
  return tx.select().from(applicationDocuments).where(and(...conditions)).orderBy(asc(applicationDocuments.uploadedAt));
}

export async function findDocument(tx: DbOrTx, r: string, applicationId: string, id: string): Promise<DocumentRow | null> {
  const [row] = await tx
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.regencyCode, r), eq(applicationDocuments.applicationId, applicationId), eq(applicationDocuments.id, id)));
  return row ?? null;
}

export async function replaceCurrentDocument(tx: DbOrTx, r: string, applicationId: string, documentTypeId: string, at: Date): Promise<void> {
  await tx
    .update(applicationDocuments)
    .set({ replacedAt: at })
    .where(
      and(
        eq(applicationDocuments.regencyCode, r),
        eq(applicationDocuments.applicationId, applicationId),
        eq(applicationDocuments.documentTypeId, documentTypeId),
        isNull(applicationDocuments.replacedAt),
      ),
    );
}

export async function insertDocument(tx: DbOrTx, row: typeof applicationDocuments.$inferInsert): Promise<DocumentRow> {
  const [inserted] = await tx.insert(applicationDocuments).values(row).returning();
  return inserted!;
}

// — timeline —

export async function insertEvent(tx: DbOrTx, row: typeof applicationEvents.$inferInsert): Promise<void> {
  await tx.insert(applicationEvents).values(row);
}

export async function listEvents(tx: DbOrTx, r: string, applicationId: string): Promise<EventRow[]> {
  return tx
    .select()
    .from(applicationEvents)
    .where(and(eq(applicationEvents.regencyCode, r), eq(applicationEvents.applicationId, applicationId)))
    .orderBy(asc(applicationEvents.seq));
}

// — product checks —

export async function insertProductCheck(tx: DbOrTx, row: typeof productChecks.$inferInsert): Promise<void> {
  await tx.insert(productChecks).values(row);
}

export async function countProductChecks(tx: DbOrTx, r: string, applicationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(productChecks)
    .where(and(eq(productChecks.regencyCode, r), eq(productChecks.applicationId, applicationId)));
  return Number(row?.n ?? 0);
}

// — agency integration and webhooks —

export async function findIntegration(tx: DbOrTx, r: string, agencyId: string): Promise<IntegrationRow | null> {
  const [row] = await tx.select().from(agencyIntegrations).where(and(eq(agencyIntegrations.regencyCode, r), eq(agencyIntegrations.agencyId, agencyId)));
  return row ?? null;
}

export async function upsertIntegration(tx: DbOrTx, row: typeof agencyIntegrations.$inferInsert): Promise<IntegrationRow> {
  const { regencyCode: _r, agencyId: _a, ...rest } = row;
  const [saved] = await tx
    .insert(agencyIntegrations)
    .values(row)
    .onConflictDoUpdate({ target: [agencyIntegrations.regencyCode, agencyIntegrations.agencyId], set: rest })
    .returning();
  return saved!;
}

export async function findAgencyByPlace(tx: DbOrTx, r: string, placeId: string) {
  const [row] = await tx.select().from(agencies).where(and(eq(agencies.regencyCode, r), eq(agencies.placeId, placeId)));
  return row ?? null;
}

export async function findAgencyByCode(tx: DbOrTx, r: string, code: string) {
  const [row] = await tx.select().from(agencies).where(and(eq(agencies.regencyCode, r), eq(agencies.code, code)));
  return row ?? null;
}

/** Queues a webhook event once per agency and event key. */
export async function insertDelivery(tx: DbOrTx, row: typeof webhookDeliveries.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(webhookDeliveries).values(row).onConflictDoNothing().returning({ id: webhookDeliveries.id });
  return inserted.length > 0;
}

/**
 * Leases due deliveries: pushes their next attempt past the lease so no other worker takes them
 * while this one is calling out (the call happens outside any transaction).
 */
export async function leaseDueDeliveries(tx: DbOrTx, now: Date, leaseUntil: Date, limit: number): Promise<DeliveryRow[]> {
  const ids = await queryRows<{ regency_code: string; id: string }>(
    tx,
    sql`select regency_code, id from webhook_deliveries where status = 'pending' and next_attempt_at <= ${now.toISOString()}
        order by next_attempt_at limit ${limit} for update skip locked`,
  );
  const rows: DeliveryRow[] = [];
  for (const { regency_code, id } of ids) {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: leaseUntil })
      .where(and(eq(webhookDeliveries.regencyCode, regency_code), eq(webhookDeliveries.id, id)))
      .returning();
    if (row) rows.push(row);
  }
  return rows;
}

export async function recordAttempt(
  tx: DbOrTx,
  delivery: DeliveryRow,
  attempt: { at: Date; statusCode: number | null; error: string | null; durationMs: number },
  outcome: { status: 'pending' | 'delivered' | 'failed'; nextAttemptAt: Date },
): Promise<void> {
  await tx.insert(webhookAttempts).values({ regencyCode: delivery.regencyCode, deliveryId: delivery.id, attempt: delivery.attempts + 1, ...attempt });
  await tx
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      attempts: delivery.attempts + 1,
      nextAttemptAt: outcome.nextAttemptAt,
      lastStatusCode: attempt.statusCode,
      lastError: attempt.error,
      deliveredAt: outcome.status === 'delivered' ? attempt.at : null,
    })
    .where(and(eq(webhookDeliveries.regencyCode, delivery.regencyCode), eq(webhookDeliveries.id, delivery.id)));
}

export async function findDelivery(tx: DbOrTx, r: string, agencyId: string, id: string, forUpdate = false): Promise<DeliveryRow | null> {
  const query = tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.regencyCode, r), eq(webhookDeliveries.agencyId, agencyId), eq(webhookDeliveries.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Puts a delivery back in the queue, due at `at`; its attempts and their log stay. */
export async function requeueDelivery(tx: DbOrTx, r: string, id: string, at: Date): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: at })
    .where(and(eq(webhookDeliveries.regencyCode, r), eq(webhookDeliveries.id, id)));
}

export async function listDeliveries(tx: DbOrTx, r: string, agencyId: string, limit: number) {
  return tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.regencyCode, r), eq(webhookDeliveries.agencyId, agencyId)))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
}

export async function listAttempts(tx: DbOrTx, r: string, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return [];
  return tx
    .select()
    .from(webhookAttempts)
    .where(and(eq(webhookAttempts.regencyCode, r), inArray(webhookAttempts.deliveryId, deliveryIds)))
    .orderBy(asc(webhookAttempts.attempt));
}

export async function countDueDeliveries(tx: DbOrTx, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)));
  return Number(row?.n ?? 0);
}

