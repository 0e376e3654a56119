/**
 * SAKINA's background work, on pg-boss:
 * - every minute: escort requests nobody accepted within 10 minutes go to the backup officer and
 *   the puskesmas;
 * - every hour: due dates within 14 days for KRT/KRST women, missed antenatal visits, and the
 *   closing of cards 42 days after delivery.
 * Both are idempotent (alerts and tasks carry the event's key), so a rerun or a second server
 * running the same job changes nothing.
 */
import type { PgBoss } from 'pg-boss';
import { addDays, wibDateOf } from '../catalogue/calendar/local-date.ts';
import { recordAudit } from '../audit/service.ts';
import { ANONYMOUS } from '../shared/actor.ts';
import type { AppContext } from '../shared/context.ts';
import { missedVisit } from './anc.ts';
import { isHighRisk } from './kspr.ts';
import { addTask, byDuty, DUE_SOON_DAYS, ensureTeam, ESCALATE_AFTER_MINUTES, FOLLOW_UP_WITHIN_DAYS, puskesmasMidwives, raiseAlert, today, who } from './laskar.ts';
import { MESSAGES } from './messages.ts';
import { POSTPARTUM_DAYS, daysBetween } from './pregnancy.ts';
import * as repo from './repository.ts';

export const ESCORT_JOB = 'sakina-escort-escalation';
export const SCAN_JOB = 'sakina-daily-scan';

const JOB_META = { ip: null, requestId: null };

/** Escalates every escort still unaccepted 10 minutes after the request; returns how many. */
export async function escalateUnacceptedEscorts(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - ESCALATE_AFTER_MINUTES * 60_000);
  const waiting = (await repo.findUnacceptedEscorts(ctx.db, cutoff)).filter((e) => e.regencyCode === ctx.regencyCode);
  let escalated = 0;
  for (const escort of waiting) {
    const done = await ctx.db.transaction(async (tx) => {
      if (!(await repo.markEscalated(tx, ctx.regencyCode, escort.id, ctx.now()))) return false;
      const p = (await repo.findPregnancy(tx, ctx.regencyCode, escort.pregnancyId))!;
      const team = await ensureTeam(tx, ctx, p);
      const minutes = Math.round((ctx.now().getTime() - escort.requestedAt.getTime()) / 60_000);
      await raiseAlert(tx, ctx, p, { kind: 'escort_not_accepted', dedupeKey: `escort_late:${escort.id}`, details: { escortId: escort.id, destination: escort.destination, minutes } }, [
        { to: [...byDuty(team, 'police_backup'), ...(await puskesmasMidwives(tx, ctx, p))], text: MESSAGES.escortNotAccepted(who(p), escort.destination, minutes) },
      ]);
      const backup = team.find((m) => m.duty === 'police_backup');
      if (backup) await repo.updateTasks(tx, ctx.regencyCode, { escortId: escort.id, status: 'open' }, { assigneeId: backup.userId, duty: 'police_backup' });
      await recordAudit(tx, ctx.regencyCode, ANONYMOUS, JOB_META, { action: 'escalate', entityType: 'sakina_escort', entityId: escort.id, subjectNik: p.nik, details: { pregnancyId: p.id, job: ESCORT_JOB, minutes } }, ctx.now());
      return true;
    });
    if (done) escalated++;
  }
  if (escalated) ctx.wake('outbox-deliver');
  return escalated;
}

/** Due dates near, missed visits, and cards closed after the postpartum period. */
export async function scanPregnancies(ctx: AppContext): Promise<{ dueSoon: number; missed: number; closed: number }> {
  const day = today(ctx);
  const counts = { dueSoon: 0, missed: 0, closed: 0 };
  const active = await repo.listActivePregnancies(ctx.db, ctx.regencyCode);
  const visits = await repo.listVisits(ctx.db, ctx.regencyCode, active.map((p) => p.id));
  const visitsBy = new Map<string, repo.VisitRow[]>();
  for (const v of visits) visitsBy.set(v.pregnancyId, [...(visitsBy.get(v.pregnancyId) ?? []), v]);

  for (const p of active) {
    const daysToDue = p.hpl ? daysBetween(day, p.hpl) : null;
    const dueSoon = isHighRisk(p.category) && daysToDue !== null && daysToDue >= 0 && daysToDue <= DUE_SOON_DAYS;
    const missed = p.hpht ? missedVisit((visitsBy.get(p.id) ?? []).map((v) => ({ date: v.visitDate, examiner: v.examiner })), p.hpht, day, { registeredOn: p.confirmedAt ? wibDateOf(p.confirmedAt) : null }) : null;
    if (!dueSoon && !missed) continue;
    await ctx.db.transaction(async (tx) => {
      const team = isHighRisk(p.category) ? await ensureTeam(tx, ctx, p) : await repo.listTeam(tx, ctx.regencyCode, p.id);
      const kader = team.find((m) => m.duty === 'village_official')?.userId ?? (await repo.listStaffAt(tx, ctx.regencyCode, p.villageId, 'village_official'))[0]?.id ?? null;
      if (dueSoon) {
        const raised = await raiseAlert(tx, ctx, p, { kind: 'due_soon', dedupeKey: `due_soon:${p.id}`, details: { dueDate: p.hpl, days: daysToDue } }, [
          { to: byDuty(team, 'midwife', 'village_official', 'police', 'police_backup'), text: MESSAGES.dueSoon(who(p), p.hpl!, daysToDue!) },
        ]);
        if (raised) {
          counts.dueSoon++;
          await addTask(tx, ctx, p, { kind: 'home_visit', duty: 'village_official', assigneeId: kader, dueOn: addDays(day, 3), reason: 'due_soon', dedupeKey: `home_visit:due:${p.id}` });
        }
      }
      if (missed) {
        const midwives = team.length ? byDuty(team, 'midwife') : await puskesmasMidwives(tx, ctx, p);
        const kaderRecipients = kader ? (await repo.findStaff(tx, ctx.regencyCode, [kader])).map((s) => ({ userId: s.id, phone: s.phone, locale: s.locale })) : [];
        const raised = await raiseAlert(tx, ctx, p, { kind: 'missed_visit', dedupeKey: `missed:${p.id}:${missed.expected}`, details: { expected: missed.expected, overdueDays: missed.overdueDays } }, [
          { to: [...midwives, ...kaderRecipients], text: MESSAGES.missedVisit(who(p), missed.expected) },
        ]);
        if (raised) {
          counts.missed++;
          await addTask(tx, ctx, p, { kind: 'missed_visit_follow_up', duty: 'village_official', assigneeId: kader, dueOn: addDays(day, FOLLOW_UP_WITHIN_DAYS), reason: 'missed_visit', dedupeKey: `missed:${p.id}:${missed.expected}` });
        }
      }
    });
  }
  counts.closed = await ctx.db.transaction((tx) => repo.closeEndedPostpartum(tx, ctx.regencyCode, addDays(day, -POSTPARTUM_DAYS), ctx.now()));
  if (counts.dueSoon || counts.missed) ctx.wake('outbox-deliver');
  return counts;
}

/** Registers SAKINA's queues and schedules on the platform's pg-boss (called from src/jobs/boss.ts). */
export async function registerSakinaJobs(boss: PgBoss, ctx: AppContext): Promise<void> {
  await boss.createQueue(ESCORT_JOB);
  await boss.createQueue(SCAN_JOB);
  await boss.work(ESCORT_JOB, { pollingIntervalSeconds: 5 }, async () => {
    await escalateUnacceptedEscorts(ctx);
  });
  await boss.work(SCAN_JOB, { pollingIntervalSeconds: 30 }, async () => {
    await scanPregnancies(ctx);
  });
  await boss.schedule(ESCORT_JOB, '* * * * *', {}, { tz: 'Asia/Jakarta' });
  await boss.schedule(SCAN_JOB, '5 * * * *', {}, { tz: 'Asia/Jakarta' });
  // Once at start too: a server started at 10:06 should not wait until 11:05 to see a missed visit.
  await boss.send(SCAN_JOB, {}, { singletonSeconds: 60 });
}
