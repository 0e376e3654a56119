/**
 * Background work of applications on pg-boss: the lateness check (marks applications past their
 * promised date and alerts the agency's supervisor, once) and webhook delivery.
 */
import type { PgBoss } from 'pg-boss';
import { recordAudit } from '../audit/service.ts';
import { wibDateOf } from '../catalogue/calendar/local-date.ts';
import type { AppContext } from '../shared/context.ts';
import { slaOf } from './clock.ts';
import { notifySupervisors } from './notify.ts';
import * as repo from './repository.ts';
import { deliverDueWebhooks, queueWebhook, WEBHOOK_JOB } from './webhooks.ts';

export const SLA_JOB = 'applications-sla';

/** The people told when an application of a place is late: the configured supervisor, else the place's staff. */
async function supervisorsOf(tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0], ctx: AppContext, app: repo.ApplicationRow) {
  const integration = await repo.findIntegration(tx, ctx.regencyCode, app.agencyId);
  const handler = await repo.findPlaceById(tx, ctx.regencyCode, app.handlerPlaceId);
  if (handler?.kind === 'agency' && (integration?.supervisorPhone || integration?.supervisorEmail)) {
    return [{ phone: integration.supervisorPhone, email: integration.supervisorEmail, locale: integration.supervisorLocale }];
  }
  const staff = await repo.listStaffOfPlace(tx, ctx.regencyCode, app.handlerPlaceId, ['agency_processor', 'village_operator']);
  return staff.filter((s) => s.phone || s.email).map((s) => ({ phone: s.phone, email: s.email, locale: s.locale }));
}

/**
 * Marks each running application whose promised date has passed, once: a timeline event, an alert
 * to the supervisors, a webhook event, an audit row — one transaction per application.
 */
export async function escalateLateApplications(ctx: AppContext): Promise<number> {
  const today = wibDateOf(ctx.now());
  const candidates = await repo.listOverdueUnescalated(ctx.db, today, 200);
  let escalated = 0;
  for (const candidate of candidates) {
    const done = await ctx.db.transaction(async (tx) => {
      const app = await repo.findApplicationByNumber(tx, candidate.regencyCode, candidate.number, true);
      if (!app || app.escalatedAt) return false;
      const scoped = { ...ctx, regencyCode: app.regencyCode };
      const events = await repo.listEvents(tx, app.regencyCode, app.id);
      const sla = await slaOf(tx, app.regencyCode, app, events, ctx.now());
      await repo.updateSlaColumns(tx, app.regencyCode, app.id, { slaDueDate: sla.dueDate, slaState: sla.state });
      if (!sla.late || sla.state !== 'running') return false;
      const now = ctx.now();
      if (!(await repo.updateApplication(tx, app.regencyCode, app.id, app.version, { escalatedAt: now }))) return false;
      await repo.insertEvent(tx, {
        regencyCode: app.regencyCode,
        applicationId: app.id,
        seq: app.version + 1,
        at: now,
        action: 'escalate',
        fromStatus: app.status,
        toStatus: app.status,
        actorKind: 'system',
        actorId: null,
        actorRole: 'system',
        actorName: 'satupintu',
        actorPlaceName: null,
        note: `Melewati janji selesai ${sla.dueDate} (${sla.workingDaysLate} hari kerja)`,
      });
      const service = await repo.findServiceInfoById(tx, app.regencyCode, app.serviceId);
      await notifySupervisors(tx, scoped, app, { id: service!.nameId, en: service!.nameEn }, sla.dueDate!, await supervisorsOf(tx, scoped, app));
      await queueWebhook(tx, scoped, { ...app, version: app.version + 1, slaDueDate: sla.dueDate }, { action: 'escalate', from: app.status, to: app.status, seq: app.version + 1, actorKind: 'system' });
      await recordAudit(tx, app.regencyCode, { kind: 'anonymous' }, {}, { action: 'application.escalate', entityType: 'application', entityId: app.number, details: { dueDate: sla.dueDate, workingDaysLate: sla.workingDaysLate } }, now);
      return true;
    });
    if (done) escalated++;
  }
  if (escalated) {
    ctx.wake('outbox-deliver');
    ctx.wake(WEBHOOK_JOB);
  }
  return escalated;
}

/** Registers the queues and schedules; called from src/jobs/boss.ts. */
export async function registerApplicationJobs(boss: PgBoss, ctx: AppContext): Promise<void> {
  await boss.createQueue(SLA_JOB);
  await boss.work(SLA_JOB, async () => {
    const n = await escalateLateApplications(ctx);
    if (n) ctx.log.info({ escalated: n }, 'late applications escalated');
  });
  // Every 15 minutes: a due day passes at midnight WIB, and a restart must not wait a day.
  await boss.schedule(SLA_JOB, '*/15 * * * *', {}, { tz: 'Asia/Jakarta' });

  await boss.createQueue(WEBHOOK_JOB);
  await boss.work(WEBHOOK_JOB, { pollingIntervalSeconds: 2 }, async () => {
    await deliverDueWebhooks(ctx);
  });
  await boss.schedule(WEBHOOK_JOB, '* * * * *');
}
