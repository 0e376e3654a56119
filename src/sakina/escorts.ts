/**
 * The laskar at work: escorts to a facility (requested → accepted → on the way → arrived, each
 * step timestamped), the task list each role sees, and the alerts. Police see these for the
 * KRT/KRST women of their villages only, without the clinical record.
 */
import { recordAudit } from '../audit/service.ts';
import type { DbOrTx } from '../db/client.ts';
import type { Actor, UserActor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError, type LocalText } from '../shared/errors.ts';
import { isSakinaStaff, sakinaAccess, type Access } from './access.ts';
import { isHighRisk } from './kspr.ts';
import { addTask, byDuty, ensureTeam, notify, raiseAlert, today, who } from './laskar.ts';
import { MESSAGES } from './messages.ts';
import type { EscortRequestInput, EscortStep } from './model.ts';
import * as repo from './repository.ts';
import type { AlertKind, EscortStatus } from './schema.ts';
import { listScope, loadFor, pgCode, subjectOf } from './service.ts';
import { addressLine, escortView, taskView, tasksFor } from './view.ts';

function requireStaff(actor: Actor): UserActor {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (actor.kind !== 'user' || !isSakinaStaff(actor)) throw new AppError('forbidden');
  return actor;
}

async function staffNames(ctx: AppContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = await repo.findStaff(ctx.db, ctx.regencyCode, ids.filter((id): id is string => !!id));
  return new Map(list.map((u) => [u.id, u.displayName]));
}

const conflict = (id: string, en: string, extra?: Record<string, unknown>) => new AppError('conflict', { id, en }, undefined, extra);

function auditEscort(tx: DbOrTx, ctx: AppContext, actor: Actor, meta: Partial<RequestMeta>, action: string, p: repo.PregnancyRow, escortId: string, details: Record<string, unknown>) {
  return recordAudit(tx, ctx.regencyCode, actor, meta, { action, entityType: 'sakina_escort', entityId: escortId, subjectNik: p.nik, details: { pregnancyId: p.id, ...details } }, ctx.now());
}

/**
 * Labour has started or a referral is made: the escort request goes at once to the village's
 * police officer and the backup. Only for a woman on a laskar (KRT/KRST).
 */
export async function requestEscort(ctx: AppContext, actor: Actor, id: string, input: EscortRequestInput, meta: RequestMeta) {
  const user = requireStaff(actor);
  const result = await ctx.db
    .transaction(async (tx) => {
      if (input.clientId) {
        const existing = await repo.findEscortByClientId(tx, ctx.regencyCode, input.clientId);
        if (existing && existing.pregnancyId === id && existing.requestedBy === user.userId) return { escort: existing, replayed: true };
        if (existing) throw conflict('ID klien sudah dipakai.', 'This client id is already used.');
      }
      const { p } = await loadFor(tx, ctx, actor, id, 'escort.request', true);
      if (p.status !== 'active') throw conflict('Pendampingan hanya untuk ibu yang sedang hamil.', 'An escort is only for a woman still pregnant.');
      if (!isHighRisk(p.category)) throw conflict('Pendampingan laskar untuk ibu risiko tinggi (KRT/KRST). Untuk ibu lain hubungi ambulans desa.', 'The laskar escorts high-risk (KRT/KRST) women. For others, call the village ambulance.');
      const team = await ensureTeam(tx, ctx, p);
      const police = team.find((m) => m.duty === 'police');
      if (!police) throw conflict('Belum ada polisi (Bhabinkamtibmas) yang bertugas di desa ini.', 'No police officer (Bhabinkamtibmas) serves this village yet.');
      const plan = await repo.findBirthPlan(tx, ctx.regencyCode, p.id);
      const destination = input.destination ?? plan?.placeName ?? p.puskesmas.name;
      const escort = await repo.insertEscort(tx, {
        regencyCode: ctx.regencyCode,
        pregnancyId: p.id,
        reason: input.reason,
        destination,
        note: input.note,
        status: 'requested',
        requestedBy: user.userId,
        requestedAt: ctx.now(),
        clientId: input.clientId ?? null,
      });
      await addTask(tx, ctx, p, { kind: 'escort', duty: 'police', assigneeId: police.userId, dueOn: today(ctx), reason: 'escort', dedupeKey: `escort:${escort.id}`, escortId: escort.id });
      await raiseAlert(tx, ctx, p, { kind: 'escort_requested', dedupeKey: `escort:${escort.id}`, details: { escortId: escort.id, destination } }, [
        { to: byDuty(team, 'police', 'police_backup'), text: MESSAGES.escortRequested(who(p), destination) },
        { to: byDuty(team, 'midwife', 'village_official').filter((r) => r.userId !== user.userId), text: MESSAGES.escortRequested(who(p), destination) },
      ]);
      await auditEscort(tx, ctx, actor, meta, 'create', p, escort.id, { reason: input.reason, destination });
      return { escort, replayed: false };
    })
    .catch((error) => {
      if (pgCode(error) === '23505') throw conflict('Pendampingan untuk ibu ini sedang berjalan.', 'An escort for her is already under way.');
      throw error;
    });
  ctx.wake('outbox-deliver');
  return { ...escortView(result.escort, await staffNames(ctx, [result.escort.requestedBy])), replayed: result.replayed };
}

const STEPS: Record<EscortStep, { from: EscortStatus[]; to: EscortStatus; stamp: 'acceptedAt' | 'onTheWayAt' | 'arrivedAt' }> = {
  accept: { from: ['requested'], to: 'accepted', stamp: 'acceptedAt' },
  depart: { from: ['accepted'], to: 'on_the_way', stamp: 'onTheWayAt' },
  arrive: { from: ['on_the_way'], to: 'arrived', stamp: 'arrivedAt' },
};

/** A police officer of her village accepts, sets off, arrives; two pressing "accept" at once — one wins. */
export async function advanceEscort(ctx: AppContext, actor: Actor, escortId: string, step: EscortStep, meta: RequestMeta) {
  const user = requireStaff(actor);
  const result = await ctx.db.transaction(async (tx) => {
    const escort = await repo.findEscort(tx, ctx.regencyCode, escortId);
    if (!escort) throw new AppError('not_found');
    const { p } = await loadFor(tx, ctx, actor, escort.pregnancyId, 'escort.progress').catch((error) => {
      throw error instanceof AppError && error.code === 'not_found' ? new AppError('not_found') : error;
    });
    const rule = STEPS[step];
    if (step !== 'accept' && escort.acceptedBy !== user.userId) throw new AppError('forbidden', { id: 'Hanya petugas yang menerima tugas ini yang dapat memperbaruinya.', en: 'Only the officer who accepted this escort can update it.' });
    const now = ctx.now();
    const moved = await repo.stepEscort(tx, ctx.regencyCode, escort.id, rule.from, { status: rule.to, [rule.stamp]: now, ...(step === 'accept' ? { acceptedBy: user.userId } : {}) });
    if (!moved) {
      const current = (await repo.findEscort(tx, ctx.regencyCode, escort.id))!;
      const by = current.acceptedBy ? (await repo.findStaff(tx, ctx.regencyCode, [current.acceptedBy]))[0]?.displayName : null;
      if (step === 'accept' && current.acceptedBy && current.acceptedBy !== user.userId) throw conflict(`Sudah diterima oleh ${by}.`, `Already accepted by ${by}.`, { escort: escortView(current) });
      if (current.status === rule.to) return { escort: current, replayed: true };
      throw conflict(`Pendampingan ini berstatus "${current.status}"; langkah "${step}" tidak dapat dilakukan.`, `This escort is "${current.status}"; "${step}" cannot be done now.`, { escort: escortView(current) });
    }
    const team = await repo.listTeam(tx, ctx.regencyCode, p.id);
    const requester = (await repo.findStaff(tx, ctx.regencyCode, [escort.requestedBy])).map((s) => ({ userId: s.id, phone: s.phone, locale: s.locale }));
    const informed = [...requester, ...byDuty(team, 'midwife')].filter((r) => r.userId !== user.userId);
    if (step === 'accept') {
      await repo.updateTasks(tx, ctx.regencyCode, { escortId: escort.id, status: 'open' }, { assigneeId: user.userId });
      await notify(tx, ctx, informed, `sakina:escort_accepted:${escort.id}`, 'sakina.escort_accepted', MESSAGES.escortAccepted(who(p), user.displayName));
    }
    if (step === 'arrive') {
      await repo.updateTasks(tx, ctx.regencyCode, { escortId: escort.id, status: 'open' }, { status: 'done', doneAt: now, doneBy: user.userId, resultNote: 'arrived' });
      await notify(tx, ctx, informed, `sakina:escort_arrived:${escort.id}`, 'sakina.escort_arrived', MESSAGES.escortArrived(who(p), escort.destination));
    }
    await auditEscort(tx, ctx, actor, meta, 'update', p, escort.id, { step, status: rule.to });
    return { escort: moved, replayed: false };
  });
  ctx.wake('outbox-deliver');
  return { ...escortView(result.escort, await staffNames(ctx, [result.escort.requestedBy, result.escort.acceptedBy])), replayed: result.replayed };
}

export async function cancelEscort(ctx: AppContext, actor: Actor, escortId: string, reason: string, meta: RequestMeta) {
  const user = requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const escort = await repo.findEscort(tx, ctx.regencyCode, escortId);
    if (!escort) throw new AppError('not_found');
    const { p } = await loadFor(tx, ctx, actor, escort.pregnancyId, 'escort.cancel');
    if (user.role !== 'midwife' && escort.requestedBy !== user.userId) throw new AppError('forbidden', { id: 'Hanya peminta atau bidan yang dapat membatalkan.', en: 'Only the requester or the midwife can cancel.' });
    const moved = await repo.stepEscort(tx, ctx.regencyCode, escort.id, ['requested', 'accepted', 'on_the_way'], { status: 'cancelled', cancelledAt: ctx.now(), cancelledBy: user.userId, cancelReason: reason });
    if (!moved) throw conflict('Pendampingan ini sudah selesai atau dibatalkan.', 'This escort has already ended or been cancelled.');
    await repo.updateTasks(tx, ctx.regencyCode, { escortId: escort.id, status: 'open' }, { status: 'cancelled', doneAt: ctx.now(), doneBy: user.userId, resultNote: reason });
    await auditEscort(tx, ctx, actor, meta, 'cancel', p, escort.id, { reason });
    return escortView(moved);
  });
}

// ── task lists ────────────────────────────────────────────────────────────────────────────

type WomanCard = Record<string, unknown>;

function womanCard(p: repo.PregnancyWithPlaces, access: Access): WomanCard {
  const has = (f: Parameters<Access['fields']['has']>[0]) => access.fields.has(f);
  return {
    id: p.id,
    village: p.village.name,
    ...(has('name') ? { name: p.name } : {}),
    ...(has('address') ? { addressLine: addressLine(p) } : {}),
    ...(has('phone') ? { phone: p.phone } : {}),
    ...(has('family') ? { familyPhone: p.familyPhone, familyName: p.familyName } : {}),
    ...(has('dueDate') ? { dueDate: p.hpl } : {}),
    ...(has('category') ? { category: p.category } : {}),
  };
}

/** Women in the actor's scope whose tasks or escorts they see; each one shown is an audited read. */
async function scopeWomen(tx: DbOrTx, ctx: AppContext, user: UserActor, statuses: repo.PregnancyFilter['statuses']) {
  const scope = listScope(user);
  const list = await repo.listPregnancies(tx, ctx.regencyCode, { ...scope, statuses: scope.statuses?.filter((s) => statuses?.includes(s)) ?? statuses, limit: 500 });
  return list.map((p) => ({ p, access: sakinaAccess(user, subjectOf(p)) })).filter((r) => r.access.fields.has('tasks') || r.access.fields.has('escorts'));
}

/**
 * What this person has to do: open tasks of their duty and the escorts under way (and those
 * finished in the last 24 hours), each with the woman as far as they may see her.
 */
export async function listTasksFor(ctx: AppContext, actor: Actor, meta: RequestMeta) {
  const user = requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const women = await scopeWomen(tx, ctx, user, ['active', 'delivered']);
    const byId = new Map(women.map((w) => [w.p.id, w]));
    const ids = [...byId.keys()];
    const tasks = tasksFor(user.role, await repo.listTasks(tx, ctx.regencyCode, ids, { statuses: ['open'] }));
    const since = new Date(ctx.now().getTime() - 24 * 3600_000);
    const escorts = (await repo.listEscorts(tx, ctx.regencyCode, ids)).filter((e) => ['requested', 'accepted', 'on_the_way'].includes(e.status) || (e.arrivedAt && e.arrivedAt >= since));
    const userIds = new Set([...tasks.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])), ...escorts.flatMap((e) => [e.requestedBy, ...(e.acceptedBy ? [e.acceptedBy] : [])])]);
    const names = new Map((await repo.findStaff(tx, ctx.regencyCode, [...userIds])).map((u) => [u.id, u.displayName]));
    const shown = new Set([...tasks.map((t) => t.pregnancyId), ...escorts.map((e) => e.pregnancyId)]);
    for (const pid of shown) await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'read', entityType: 'sakina_pregnancy', entityId: pid, subjectNik: byId.get(pid)!.p.nik, details: { pregnancyId: pid, view: 'tasks' } }, ctx.now());
    const card = (pid: string) => womanCard(byId.get(pid)!.p, byId.get(pid)!.access);
    return {
      tasks: tasks.filter((t) => t.kind !== 'escort').map((t) => ({ ...taskView(t, names), mine: t.assigneeId === user.userId, woman: card(t.pregnancyId) })),
      escorts: escorts.map((e) => ({ ...escortView(e, names), mine: e.acceptedBy === user.userId, canAccept: e.status === 'requested' && byId.get(e.pregnancyId)!.access.actions.has('escort.progress'), woman: card(e.pregnancyId) })),
    };
  });
}

export async function completeTask(ctx: AppContext, actor: Actor, taskId: string, note: string | null, meta: RequestMeta) {
  const user = requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const task = await repo.findTask(tx, ctx.regencyCode, taskId);
    if (!task) throw new AppError('not_found');
    const { p } = await loadFor(tx, ctx, actor, task.pregnancyId, 'task.complete');
    if (!tasksFor(user.role, [task]).length) throw new AppError('not_found');
    if (task.kind === 'escort') throw conflict('Tugas pendampingan selesai saat ibu tiba di fasilitas.', 'An escort task ends when she arrives at the facility.');
    if (task.status !== 'open') throw conflict('Tugas ini sudah selesai.', 'This task is already closed.');
    const [done] = await repo.updateTasks(tx, ctx.regencyCode, { ids: [task.id], status: 'open' }, { status: 'done', doneAt: ctx.now(), doneBy: user.userId, resultNote: note });
    if (!done) throw conflict('Tugas ini sudah selesai.', 'This task is already closed.');
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'update', entityType: 'sakina_task', entityId: task.id, subjectNik: p.nik, details: { pregnancyId: p.id, status: 'done' } }, ctx.now());
    return taskView(done);
  });
}

// ── alerts ────────────────────────────────────────────────────────────────────────────────

/** The alerts each role receives (the police: escorts, emergencies and due dates — nothing clinical). */
const ALERTS_BY_ROLE: Record<string, AlertKind[]> = {
  midwife: ['risk_found', 'danger_sign', 'emergency', 'due_soon', 'missed_visit', 'escort_requested', 'escort_not_accepted'],
  village_official: ['risk_found', 'emergency', 'due_soon', 'missed_visit', 'escort_requested', 'escort_not_accepted'],
  police_officer: ['emergency', 'due_soon', 'escort_requested', 'escort_not_accepted'],
};

const ALERT_TITLES: Record<AlertKind, LocalText> = {
  risk_found: { id: 'Ibu risiko tinggi', en: 'High-risk pregnancy' },
  danger_sign: { id: 'Tanda bahaya baru', en: 'New danger sign' },
  emergency: { id: 'Gawat darurat: rujuk segera', en: 'Emergency: refer now' },
  due_soon: { id: 'Persalinan kurang dari 14 hari', en: 'Due within 14 days' },
  missed_visit: { id: 'Tidak datang periksa', en: 'Missed antenatal visit' },
  escort_requested: { id: 'Permintaan pendampingan', en: 'Escort requested' },
  escort_not_accepted: { id: 'Pendampingan belum diterima', en: 'Escort not yet accepted' },
};

/** The alerts this person receives (last 30 days, their role's kinds, women in their scope). */
async function visibleAlerts(tx: DbOrTx, ctx: AppContext, user: UserActor) {
  const scope = listScope(user);
  const list = (await repo.listPregnancies(tx, ctx.regencyCode, { ...scope, limit: 500 })).map((p) => ({ p, access: sakinaAccess(user, subjectOf(p)) })).filter((r) => r.access.fields.size > 0);
  const byId = new Map(list.map((r) => [r.p.id, r]));
  const since = new Date(ctx.now().getTime() - 30 * 24 * 3600_000);
  const rows = await repo.listAlerts(tx, ctx.regencyCode, [...byId.keys()], since, ALERTS_BY_ROLE[user.role] ?? []);
  return { rows, byId };
}

/** My alerts, newest first, each with my own read state, and how many I have not read. */
export async function listAlertsFor(ctx: AppContext, actor: Actor, meta: RequestMeta) {
  const user = requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const { rows, byId } = await visibleAlerts(tx, ctx, user);
    for (const pid of new Set(rows.map((a) => a.pregnancyId))) {
      await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'read', entityType: 'sakina_pregnancy', entityId: pid, subjectNik: byId.get(pid)!.p.nik, details: { pregnancyId: pid, view: 'alerts' } }, ctx.now());
    }
    const read = await repo.findReadAlertIds(tx, ctx.regencyCode, user.userId, rows.map((a) => a.id));
    const items = rows.map((a) => {
      const { p, access } = byId.get(a.pregnancyId)!;
      // Clinical details (which danger sign) stay with the midwife.
      const details = user.role === 'midwife' ? a.details : Object.fromEntries(Object.entries(a.details).filter(([k]) => k !== 'factors' && k !== 'score' && (k !== 'category' || access.fields.has('category'))));
      return { id: a.id, kind: a.kind, title: ALERT_TITLES[a.kind], createdAt: a.createdAt.toISOString(), read: read.has(a.id), details, woman: womanCard(p, access) };
    });
    return { items, unread: items.filter((a) => !a.read).length };
  });
}

/**
 * Marks alerts read for the signed-in person only (the rest of the team keeps theirs unread):
 * one alert by id, or all of mine when `alertId` is null. An alert I do not receive is 404.
 */
export async function markAlertsRead(ctx: AppContext, actor: Actor, alertId: string | null) {
  const user = requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const { rows } = await visibleAlerts(tx, ctx, user);
    const ids = alertId ? rows.filter((a) => a.id === alertId).map((a) => a.id) : rows.map((a) => a.id);
    if (alertId && !ids.length) throw new AppError('not_found', { id: 'Peringatan tidak ditemukan.', en: 'Alert not found.' });
    const marked = await repo.markAlertsRead(tx, ctx.regencyCode, user.userId, ids, ctx.now());
    const read = await repo.findReadAlertIds(tx, ctx.regencyCode, user.userId, rows.map((a) => a.id));
    return { marked, unread: rows.filter((a) => !read.has(a.id)).length };
  });
}
