/**
 * The laskar: the team around a high-risk woman (her midwife, a village official or kader, the
 * village's police officer and a backup), their tasks, the escort to a facility, and the alerts
 * that reach them through the notification outbox. Called inside the use case's transaction.
 */
import { addDays, wibDateOf } from '../catalogue/calendar/local-date.ts';
import type { DbOrTx } from '../db/client.ts';
import { enqueueMessage } from '../notifications/service.ts';
import type { AppContext } from '../shared/context.ts';
import type { LocalText } from '../shared/errors.ts';
import { addressLine } from './view.ts';
import * as repo from './repository.ts';
import type { AlertKind, Duty, TaskKind } from './schema.ts';

export type Recipient = { userId: string; phone: string | null; locale: string };

/** Queues one message per recipient with a phone; the dedupe key makes a repeated event a no-op. */
export async function notify(tx: DbOrTx, ctx: AppContext, recipients: Recipient[], dedupeBase: string, template: string, text: LocalText): Promise<number> {
  let queued = 0;
  const seen = new Set<string>();
  for (const r of recipients) {
    if (!r.phone || seen.has(r.userId)) continue;
    seen.add(r.userId);
    const locale = r.locale === 'en' ? 'en' : 'id';
    if (await enqueueMessage(tx, ctx.regencyCode, { dedupeKey: `${dedupeBase}:${r.userId}`, channel: 'sms', recipient: r.phone, template, text, locale })) queued++;
  }
  return queued;
}

export const who = (p: repo.PregnancyWithPlaces) => ({ name: p.name, village: p.village.name, address: addressLine(p) || null });

/** Raises an alert once per event; the message goes out only the first time. */
export async function raiseAlert(
  tx: DbOrTx,
  ctx: AppContext,
  p: repo.PregnancyWithPlaces,
  alert: { kind: AlertKind; dedupeKey: string; details?: Record<string, string | number | string[] | null> },
  messages: { to: Recipient[]; text: LocalText }[],
): Promise<boolean> {
  const saved = await repo.insertAlert(tx, { regencyCode: ctx.regencyCode, pregnancyId: p.id, kind: alert.kind, dedupeKey: alert.dedupeKey, details: alert.details ?? {}, createdAt: ctx.now() });
  if (!saved) return false;
  for (const m of messages) await notify(tx, ctx, m.to, `sakina:${alert.dedupeKey}`, `sakina.${alert.kind}`, m.text);
  return true;
}

export function byDuty(team: repo.TeamMember[], ...duties: Duty[]): Recipient[] {
  return team.filter((m) => duties.includes(m.duty)).map((m) => ({ userId: m.userId, phone: m.phone, locale: m.locale }));
}

/**
 * Fills the duties still empty: the midwife who confirmed her (or the puskesmas's first), the
 * village's first village official, its first police officer and the next one as backup.
 */
export async function ensureTeam(tx: DbOrTx, ctx: AppContext, p: repo.PregnancyWithPlaces): Promise<repo.TeamMember[]> {
  const team = await repo.listTeam(tx, ctx.regencyCode, p.id);
  const has = new Set(team.map((m) => m.duty));
  const assign = async (duty: Duty, userId: string | undefined) => {
    if (!userId || has.has(duty)) return;
    await repo.setTeamMember(tx, { regencyCode: ctx.regencyCode, pregnancyId: p.id, duty, userId, assignedAt: ctx.now() });
    has.add(duty);
  };
  if (!has.has('midwife')) {
    const midwives = await repo.listStaffAt(tx, ctx.regencyCode, p.puskesmasId, 'midwife');
    await assign('midwife', midwives.find((m) => m.id === p.confirmedBy)?.id ?? midwives[0]?.id);
  }
  if (!has.has('village_official')) await assign('village_official', (await repo.listStaffAt(tx, ctx.regencyCode, p.villageId, 'village_official'))[0]?.id);
  if (!has.has('police') || !has.has('police_backup')) {
    const officers = await repo.listStaffAt(tx, ctx.regencyCode, p.villageId, 'police_officer');
    const primary = team.find((m) => m.duty === 'police')?.userId ?? officers[0]?.id;
    await assign('police', primary);
    await assign('police_backup', officers.find((o) => o.id !== primary)?.id);
  }
  return repo.listTeam(tx, ctx.regencyCode, p.id);
}

export async function addTask(
  tx: DbOrTx,
  ctx: AppContext,
  p: repo.PregnancyWithPlaces,
  task: { kind: TaskKind; duty: Duty; assigneeId: string | null; dueOn: string; reason: string; dedupeKey: string; escortId?: string | null },
): Promise<repo.TaskRow | null> {
  return repo.insertTask(tx, { regencyCode: ctx.regencyCode, pregnancyId: p.id, ...task, escortId: task.escortId ?? null, createdAt: ctx.now() });
}

/** The puskesmas's midwives (with phones): the escalation's second address. */
export async function puskesmasMidwives(tx: DbOrTx, ctx: AppContext, p: repo.PregnancyWithPlaces): Promise<Recipient[]> {
  return (await repo.listStaffAt(tx, ctx.regencyCode, p.puskesmasId, 'midwife')).map((m) => ({ userId: m.id, phone: m.phone, locale: m.locale }));
}

export const ESCALATE_AFTER_MINUTES = 10;
export const DUE_SOON_DAYS = 14;
export const HOME_VISIT_WITHIN_DAYS = 7;
export const FOLLOW_UP_WITHIN_DAYS = 3;

export const today = (ctx: AppContext) => wibDateOf(ctx.now());
export const inDays = (ctx: AppContext, days: number) => addDays(today(ctx), days);
