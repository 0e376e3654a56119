/**
 * The MPP admin's queue settings: per point the ordering policy (priority groups and weights, the
 * mix, the maximum wait), check-in windows, the "turn is near" rule, the phone limit and the display
 * text; per service the slots, capacity, quotas and the quota's opening time. Kiosk pairing.
 */
import { recordAudit } from '../audit/service.ts';
import * as catalogue from '../catalogue/repository.ts';
import { wibDateOf } from '../catalogue/calendar/local-date.ts';
import { newToken, sha256 } from '../identity/secrets.ts';
import type { Actor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { checkInPolicyProblems } from './check-in.ts';
import { getAvailability } from './booking-service.ts';
import { countersOfPoint, findPoint, findPointService, isOwnPoint, loadPointSettings, queueForService, type PointSettings, requireQueue, serviceSettingsOf, servicesOfPoint, type ServiceSettings } from './points.ts';
import { policyProblems } from './queue-order.ts';
import * as repo from './repository.ts';

export async function getSettings(ctx: AppContext, actor: Actor, pointCode: string) {
  const point = await findPoint(ctx, ctx.db, pointCode);
  requireQueue(actor, 'queue.settings.manage', point);
  const [settings, rows, services, counters, kiosks] = await Promise.all([
    loadPointSettings(ctx, ctx.db, point),
    repo.listServiceSettings(ctx.db, ctx.regencyCode, point.id),
    servicesOfPoint(ctx, ctx.db, point),
    countersOfPoint(ctx, ctx.db, point),
    repo.listKiosks(ctx.db, ctx.regencyCode, point.id),
  ]);
  const byService = new Map(rows.map((row) => [row.serviceId, row]));
  return {
    point: { code: point.code, kind: point.kind, name: { id: point.nameId, en: point.nameEn } },
    settings,
    // Every service the point offers, with its settings (defaults, `configured: false`, where the admin set none)
    // and the queue (counter) its tickets join: null when no active counter handles it yet.
    services: services.map((service) => ({
      service: { code: service.code, name: service.name, agency: service.agency },
      queue: queueForService(counters, service.id)?.code ?? null,
      ...serviceSettingsOf(byService.get(service.id) ?? null),
    })),
    kiosks: kiosks.map((k) => ({ id: k.id, name: k.name, createdAt: k.createdAt.toISOString(), lastSeenAt: k.lastSeenAt?.toISOString() ?? null, revoked: !!k.revokedAt })),
  };
}

/**
 * The points whose queue an MPP admin could configure (not the online point: it has no hall), each
 * saying whether this admin is bound to it and so may open it.
 */
export async function listSettingsPoints(ctx: AppContext, actor: Actor) {
  requireQueue(actor, 'queue.settings.points', null);
  const points = await catalogue.listPoints(ctx.db, ctx.regencyCode, {});
  return {
    items: points
      .filter((p) => p.kind !== 'online')
      .map((p) => ({ code: p.code, kind: p.kind, name: { id: p.nameId, en: p.nameEn }, manageable: isOwnPoint(actor, p) })),
  };
}

export async function putPointSettings(ctx: AppContext, actor: Actor, pointCode: string, input: PointSettings, meta: RequestMeta): Promise<PointSettings> {
  const point = await findPoint(ctx, ctx.db, pointCode);
  requireQueue(actor, 'queue.settings.manage', point);
  const problems = [
    ...policyProblems(input.policy).map((p) => ({ field: `policy.${p.field}`, message: p.message })),
    ...checkInPolicyProblems(input.checkIn).map((f) => ({ field: `checkIn.${f}`, message: { id: 'Nilai tidak valid', en: 'Invalid value' } })),
  ];
  if (problems.length) throw new AppError('validation_failed', undefined, problems);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    await repo.upsertPointSettings(tx, {
      regencyCode: ctx.regencyCode,
      pointId: point.id,
      priorityGroups: input.policy.groups.map((g) => ({ code: g.code, label: g.label, weight: g.weight })),
      mixPriority: input.policy.mix.priority,
      mixNormal: input.policy.mix.normal,
      maxWaitMinutes: input.policy.maxWaitMinutes,
      targetWaitMinutes: input.targetWaitMinutes,
      checkInEarlyMinutes: input.checkIn.earlyMinutes,
      checkInLateMinutes: input.checkIn.lateMinutes,
      nearAhead: input.near.ahead,
      nearMinutes: input.near.minutes,
      phoneDailyLimit: input.phoneDailyLimit,
      defaultServiceMinutes: input.defaultServiceMinutes,
      counterWord: input.counterWord,
      runningTextId: input.runningText.id,
      runningTextEn: input.runningText.en,
      updatedAt: now,
      updatedBy: actor.kind === 'user' ? actor.userId : null,
    });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'queue.settings.update', entityType: 'service_point', entityId: point.id, details: { policy: input.policy, checkIn: input.checkIn } }, now);
    await repo.notifyQueue(tx, { r: ctx.regencyCode, p: point.id, t: 'settings' });
  });
  return loadPointSettings(ctx, ctx.db, point);
}

export type ServiceSettingsInput = Omit<ServiceSettings, 'configured'>;

export async function putServiceSettings(ctx: AppContext, actor: Actor, pointCode: string, serviceCode: string, input: ServiceSettingsInput, meta: RequestMeta): Promise<ServiceSettings> {
  const point = await findPoint(ctx, ctx.db, pointCode);
  requireQueue(actor, 'queue.settings.manage', point);
  const service = await findPointService(ctx, ctx.db, point, serviceCode);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    await repo.upsertServiceSettings(tx, {
      regencyCode: ctx.regencyCode,
      pointId: point.id,
      serviceId: service.id,
      bookingEnabled: input.bookingEnabled,
      slotMinutes: input.slotMinutes,
      slotCapacity: input.slotCapacity,
      onlineDailyQuota: input.onlineDailyQuota,
      walkInDailyQuota: input.walkInDailyQuota,
      opensDaysBefore: input.opening.daysBefore,
      opensAt: input.opening.at,
      closingMarginMinutes: input.closingMarginMinutes,
      updatedAt: now,
      updatedBy: actor.kind === 'user' ? actor.userId : null,
    });
    // Quotas of today and later days follow the new setting, never below what is already taken.
    await repo.applyQuotasFrom(tx, ctx.regencyCode, point.id, service.id, wibDateOf(now), input.onlineDailyQuota, input.walkInDailyQuota);
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'queue.service_settings.update', entityType: 'service_point', entityId: point.id, details: { service: service.code, ...input } }, now);
    await repo.notifyQueue(tx, { r: ctx.regencyCode, p: point.id, t: 'quota' });
  });
  return serviceSettingsOf(await repo.findServiceSettings(ctx.db, ctx.regencyCode, point.id, service.id));
}

/** Pairs a kiosk device: the token is shown once and stored only as its hash. */
export async function pairKiosk(ctx: AppContext, actor: Actor, pointCode: string, name: string, meta: RequestMeta): Promise<{ id: string; token: string }> {
  const point = await findPoint(ctx, ctx.db, pointCode);
  requireQueue(actor, 'queue.kiosk.pair', point);
  const token = newToken(32);
  const kiosk = await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const row = await repo.insertKiosk(tx, { regencyCode: ctx.regencyCode, pointId: point.id, name, tokenHash: sha256(token), createdBy: actor.kind === 'user' ? actor.userId : null, createdAt: now });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'queue.kiosk.pair', entityType: 'queue_kiosk', entityId: row.id, details: { name, point: point.code } }, now);
    return row;
  });
  return { id: kiosk.id, token };
}

export async function revokeKiosk(ctx: AppContext, actor: Actor, pointCode: string, id: string, meta: RequestMeta): Promise<void> {
  const point = await findPoint(ctx, ctx.db, pointCode);
  requireQueue(actor, 'queue.kiosk.pair', point);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.revokeKiosk(tx, ctx.regencyCode, point.id, id, ctx.now()))) throw new AppError('not_found');
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'queue.kiosk.revoke', entityType: 'queue_kiosk', entityId: id }, ctx.now());
  });
}

/** What a paired kiosk shows: its point, the services with walk-in places left, the priority groups. */
export async function kioskHome(ctx: AppContext, kiosk: repo.KioskRow) {
  const point = await repo.findPointById(ctx.db, ctx.regencyCode, kiosk.pointId);
  if (!point) throw new AppError('not_found');
  const [settings, services, counters, availability] = await Promise.all([
    loadPointSettings(ctx, ctx.db, point),
    servicesOfPoint(ctx, ctx.db, point),
    countersOfPoint(ctx, ctx.db, point),
    getAvailability(ctx, point.code),
  ]);
  return {
    kiosk: { id: kiosk.id, name: kiosk.name },
    point: { code: point.code, name: { id: point.nameId, en: point.nameEn } },
    priorityGroups: settings.policy.groups,
    queues: counters
      .filter((c) => c.active && services.some((s) => queueForService(counters, s.id)?.id === c.id))
      .map((c) => ({ code: c.code, name: c.name })),
    services: services
      .filter((s) => queueForService(counters, s.id))
      .map((s) => {
        const quota = availability.services.find((q) => q.service.code === s.code);
        return { code: s.code, name: s.name, agency: s.agency, queue: queueForService(counters, s.id)!.code, walkInRemaining: quota ? quota.walkIn.remaining : null };
      }),
  };
}
