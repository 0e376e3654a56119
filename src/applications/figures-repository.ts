/** The queries behind the SLA figures (figures-service.ts): no personal column is ever selected. */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { agencies, services, serviceStandards } from '../catalogue/schema.ts';
import { applicationEvents, applications } from './schema.ts';

export type FigureApplication = {
  id: string;
  agencyId: string;
  serviceId: string;
  status: string;
  submittedAt: Date;
  finishedAt: Date | null;
  durationValue: number | null;
  durationUnit: 'working_days' | 'hours' | 'minutes' | null;
};

/** Applications submitted before `until` and not ended before `since`, of the agencies given (null: all). */
export async function listFigureApplications(tx: DbOrTx, r: string, o: { since: Date; until: Date; agencyIds: string[] | null }): Promise<FigureApplication[]> {
  const rows = await tx
    .select({
      id: applications.id,
      agencyId: applications.agencyId,
      serviceId: applications.serviceId,
      status: applications.status,
      submittedAt: applications.submittedAt,
      finishedAt: applications.finishedAt,
      durationValue: serviceStandards.durationValue,
      durationUnit: serviceStandards.durationUnit,
    })
    .from(applications)
    .leftJoin(
      serviceStandards,
      and(eq(serviceStandards.regencyCode, applications.regencyCode), eq(serviceStandards.serviceId, applications.serviceId), eq(serviceStandards.version, applications.standardVersion)),
    )
    .where(
      and(
        eq(applications.regencyCode, r),
        isNotNull(applications.submittedAt),
        lt(applications.submittedAt, o.until),
        or(isNull(applications.finishedAt), gte(applications.finishedAt, o.since)),
        o.agencyIds ? inArray(applications.agencyId, o.agencyIds.length ? o.agencyIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
      ),
    );
  return rows as FigureApplication[];
}

export type FigureEvent = { applicationId: string; at: Date; action: (typeof applicationEvents.$inferSelect)['action']; fromStatus: string; toStatus: string };

/** The timelines of the applications, in order (what the SLA clock replays). */
export async function listFigureEvents(tx: DbOrTx, r: string, applicationIds: string[]): Promise<FigureEvent[]> {
  const out: FigureEvent[] = [];
  for (let i = 0; i < applicationIds.length; i += 1000) {
    const chunk = applicationIds.slice(i, i + 1000);
    out.push(
      ...(await tx
        .select({ applicationId: applicationEvents.applicationId, at: applicationEvents.at, action: applicationEvents.action, fromStatus: applicationEvents.fromStatus, toStatus: applicationEvents.toStatus })
        .from(applicationEvents)
        .where(and(eq(applicationEvents.regencyCode, r), inArray(applicationEvents.applicationId, chunk)))
        .orderBy(asc(applicationEvents.applicationId), asc(applicationEvents.seq))),
    );
  }
  return out;
}

/** The agencies of the places given (an agency's staff are bound to its place). */
export async function agencyIdsOfPlaces(tx: DbOrTx, r: string, placeIds: string[]): Promise<string[]> {
  if (placeIds.length === 0) return [];
  const rows = await tx.select({ id: agencies.id }).from(agencies).where(and(eq(agencies.regencyCode, r), inArray(agencies.placeId, placeIds)));
  return rows.map((row) => row.id);
}

export async function listAgencyNames(tx: DbOrTx, r: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: agencies.id, code: agencies.code, shortName: agencies.shortName, nameId: agencies.nameId, nameEn: agencies.nameEn })
    .from(agencies)
    .where(and(eq(agencies.regencyCode, r), inArray(agencies.id, ids)));
}

export async function listServiceNames(tx: DbOrTx, r: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx.select({ id: services.id, code: services.code, nameId: services.nameId, nameEn: services.nameEn }).from(services).where(and(eq(services.regencyCode, r), inArray(services.id, ids)));
}

/** Services an agency handles itself (not village letters), with their current standard: what the demo history files. */
export async function listDemoServices(tx: DbOrTx, r: string) {
  return tx
    .select({
      id: services.id,
      code: services.code,
      level: services.level,
      currentVersion: services.currentVersion,
      agencyId: agencies.id,
      agencyCode: agencies.code,
      agencyPlaceId: agencies.placeId,
      durationValue: serviceStandards.durationValue,
      durationUnit: serviceStandards.durationUnit,
    })
    .from(services)
    .innerJoin(agencies, and(eq(agencies.regencyCode, services.regencyCode), eq(agencies.id, services.agencyId)))
    .innerJoin(serviceStandards, and(eq(serviceStandards.regencyCode, services.regencyCode), eq(serviceStandards.serviceId, services.id), eq(serviceStandards.version, services.currentVersion)))
    .where(and(eq(services.regencyCode, r), eq(services.active, true)))
    .orderBy(asc(agencies.code), asc(services.code));
}

/** Whether the demo history is already there (its applications carry the marker note). */
export async function hasApplicationWithNote(tx: DbOrTx, r: string, note: string): Promise<boolean> {
  const [row] = await tx.select({ id: applications.id }).from(applications).where(and(eq(applications.regencyCode, r), eq(applications.note, note))).limit(1);
  return !!row;
}

export async function insertHistory(tx: DbOrTx, apps: (typeof applications.$inferInsert)[], events: (typeof applicationEvents.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < apps.length; i += 200) await tx.insert(applications).values(apps.slice(i, i + 200));
  for (let i = 0; i < events.length; i += 400) await tx.insert(applicationEvents).values(events.slice(i, i + 400));
}
