/**
 * Outbound webhooks to agency systems: every change of an application the agency handles is
 * queued in the transaction of the change (like the outbox), then POSTed by a worker, signed
 * (webhook-signature.ts), retried with backoff, each attempt kept in the delivery log. Events are
 * thin — what changed and where to read it — so personal data travels only over the
 * authenticated API, never in a log of failed deliveries.
 */
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/service.ts';
import type { DbOrTx } from '../db/client.ts';
import { requireAccess } from '../identity/access.ts';
import { newToken } from '../identity/secrets.ts';
import { validMobile } from '../identity/service.ts';
import type { Actor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { canManageIntegration } from './access.ts';
import * as repo from './repository.ts';
import { DELIVERY_HEADER, EVENT_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook-signature.ts';

export const WEBHOOK_JOB = 'webhook-deliver';
export const WEBHOOK_EVENTS = ['application.submitted', 'application.resubmitted', 'application.status_changed', 'application.late', 'ping'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** The events an agency may choose from; a ping goes whatever it chose. */
export const SUBSCRIBABLE_EVENTS = WEBHOOK_EVENTS.filter((e) => e !== 'ping') as Exclude<WebhookEvent, 'ping'>[];

const MAX_ATTEMPTS = 10;
const LEASE_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;

export function webhookBackoff(attempts: number): number {
  return Math.min(2 ** attempts * 30_000, 6 * 3600_000);
}

type Change = { action: string; from: string; to: string; seq: number; actorKind: string };

/** Queues the event for the agency's system, if it has one; once per application event. */
export async function queueWebhook(tx: DbOrTx, ctx: AppContext, app: repo.ApplicationRow, change: Change): Promise<boolean> {
  const integration = await repo.findIntegration(tx, ctx.regencyCode, app.agencyId);
  if (!integration?.webhookActive) return false;
  const type: WebhookEvent =
    change.action === 'submit' ? 'application.submitted' : change.action === 'resubmit' ? 'application.resubmitted' : change.action === 'escalate' ? 'application.late' : 'application.status_changed';
  if (integration.webhookEvents && !integration.webhookEvents.includes(type)) return false;
  const id = randomUUID();
  const now = ctx.now();
  return repo.insertDelivery(tx, {
    regencyCode: ctx.regencyCode,
    id,
    agencyId: app.agencyId,
    eventKey: `${app.id}:${change.seq}:${type}`,
    eventType: type,
    applicationId: app.id,
    payload: {
      id,
      type,
      createdAt: now.toISOString(),
      data: {
        application: { id: app.id, number: app.number, status: change.to, previousStatus: change.from, version: app.version, slaDueDate: app.slaDueDate },
        action: change.action,
        actorKind: change.actorKind,
      },
      links: { application: `/api/agency/v1/applications/${app.number}` },
    },
    status: 'pending',
    nextAttemptAt: now,
    createdAt: now,
  });
}

export type WebhookFetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Sends due deliveries. Each is leased in a short transaction, sent outside any transaction (an
 * agency's slow server must not hold the database), and its outcome recorded in another.
 */
export async function deliverDueWebhooks(ctx: AppContext, options: { fetch?: WebhookFetch; batch?: number } = {}): Promise<{ delivered: number; failed: number }> {
  const doFetch = options.fetch ?? ((url, init) => fetch(url, init));
  let delivered = 0;
  let failed = 0;
  for (;;) {
    const now = ctx.now();
    const due = await ctx.db.transaction((tx) => repo.leaseDueDeliveries(tx, now, new Date(now.getTime() + LEASE_MS), options.batch ?? 20));
    for (const delivery of due) {
      const integration = await repo.findIntegration(ctx.db, delivery.regencyCode, delivery.agencyId);
      const started = Date.now();
      let statusCode: number | null = null;
      let error: string | null = null;
      if (!integration?.webhookActive || !integration.webhookUrl || !integration.webhookSecret) {
        error = 'webhook disabled';
      } else {
        const body = JSON.stringify(delivery.payload);
        // The signature's timestamp is the wall clock: it is about when the request travels.
        const timestamp = Math.floor(Date.now() / 1000);
        try {
          const res = await doFetch(integration.webhookUrl, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'user-agent': 'satupintu-webhooks/1',
              [EVENT_HEADER]: delivery.eventType,
              [DELIVERY_HEADER]: delivery.id,
              [TIMESTAMP_HEADER]: String(timestamp),
              [SIGNATURE_HEADER]: signWebhook(integration.webhookSecret, timestamp, body),
            },
            body,
            redirect: 'manual',
            signal: AbortSignal.timeout(TIMEOUT_MS),
          });
          statusCode = res.status;
          if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}: ${(await res.text().catch(() => '')).slice(0, 200)}`;
        } catch (e) {
          error = String((e as Error).message ?? e).slice(0, 300);
        }
      }
      const finished = ctx.now();
      const ok = error === null;
      const attemptsAfter = delivery.attempts + 1;
      const giveUp = !ok && (attemptsAfter >= MAX_ATTEMPTS || error === 'webhook disabled');
      await ctx.db.transaction((tx) =>
        repo.recordAttempt(
          tx,
          delivery,
          { at: finished, statusCode, error, durationMs: Date.now() - started },
          { status: ok ? 'delivered' : giveUp ? 'failed' : 'pending', nextAttemptAt: ok || giveUp ? finished : new Date(finished.getTime() + webhookBackoff(delivery.attempts)) },
        ),
      );
      if (ok) delivered++;
      else failed++;
    }
    if (due.length < (options.batch ?? 20)) return { delivered, failed };
  }
}

// — integration settings —

/**
 * The agency whose integration is read or changed: an agency system's own, or — on the admin's
 * routes, which name the agency — any, for the MPP admin only.
 */
async function agencyFor(ctx: AppContext, actor: Actor, agencyCode?: string) {
  if (agencyCode !== undefined) requireAccess(actor, actor.kind === 'user' && actor.role === 'mpp_admin');
  const agency =
    actor.kind === 'agency_system'
      ? await repo.findAgencyByPlace(ctx.db, ctx.regencyCode, actor.place.id)
      : agencyCode
        ? await repo.findAgencyByCode(ctx.db, ctx.regencyCode, agencyCode)
        : null;
  if (!agency) {
    requireAccess(actor, actor.kind === 'user' && actor.role === 'mpp_admin');
    throw new AppError('not_found', { id: 'Instansi tidak ditemukan.', en: 'Agency not found.' });
  }
  requireAccess(actor, canManageIntegration(actor, agency.placeId));
  return agency;
}

export type IntegrationView = {
  agency: { code: string; shortName: string };
  /** events: those sent to this agency; available: those it may choose from. */
  webhook: { url: string | null; active: boolean; secretHint: string | null; events: string[]; available: string[] };
  supervisor: { name: string | null; phone: string | null; email: string | null; locale: 'id' | 'en' };
};

function integrationView(agency: { code: string; shortName: string }, row: repo.IntegrationRow | null): IntegrationView {
  return {
    agency: { code: agency.code, shortName: agency.shortName },
    webhook: { url: row?.webhookUrl ?? null, active: row?.webhookActive ?? false, secretHint: row?.webhookSecret ? `${row.webhookSecret.slice(0, 10)}…` : null, events: row?.webhookEvents ?? [...SUBSCRIBABLE_EVENTS], available: [...SUBSCRIBABLE_EVENTS] },
    supervisor: { name: row?.supervisorName ?? null, phone: row?.supervisorPhone ?? null, email: row?.supervisorEmail ?? null, locale: row?.supervisorLocale === 'en' ? 'en' : 'id' },
  };
}

export async function getIntegration(ctx: AppContext, actor: Actor, agencyCode?: string): Promise<IntegrationView> {
  const agency = await agencyFor(ctx, actor, agencyCode);
  return integrationView(agency, await repo.findIntegration(ctx.db, ctx.regencyCode, agency.id));
}

function validWebhookUrl(ctx: AppContext, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('validation_failed', undefined, [{ field: 'url', message: { id: 'Alamat webhook tidak valid.', en: 'Not a valid webhook address.' } }]);
  }
  const secure = parsed.protocol === 'https:';
  if (!secure && !(parsed.protocol === 'http:' && ctx.config.NODE_ENV !== 'production')) {
    throw new AppError('validation_failed', undefined, [{ field: 'url', message: { id: 'Alamat webhook harus memakai https://.', en: 'The webhook address must use https://.' } }]);
  }
  if (parsed.username || parsed.password) {
    throw new AppError('validation_failed', undefined, [{ field: 'url', message: { id: 'Jangan menaruh kata sandi di alamat webhook.', en: 'Do not put credentials in the webhook address.' } }]);
  }
  return parsed.toString();
}

/**
 * Sets where events go. A new secret is made when there is none or when asked (rotation); it is
 * returned this once only.
 */
export async function setWebhook(
  ctx: AppContext,
  actor: Actor,
  input: { agencyCode?: string; url: string | null; active: boolean; rotateSecret?: boolean; events?: string[] },
  meta: RequestMeta,
): Promise<IntegrationView & { secret: string | null }> {
  const agency = await agencyFor(ctx, actor, input.agencyCode);
  if (input.events && (input.events.length === 0 || input.events.some((e) => !(SUBSCRIBABLE_EVENTS as string[]).includes(e)))) {
    throw new AppError('validation_failed', undefined, [{ field: 'events', message: { id: 'Pilih sedikitnya satu peristiwa yang dikenal.', en: 'Choose at least one known event.' } }]);
  }
  const url = input.url ? validWebhookUrl(ctx, input.url) : null;
  if (input.active && !url) throw new AppError('validation_failed', undefined, [{ field: 'url', message: { id: 'Isi alamat webhook untuk mengaktifkannya.', en: 'Give a webhook address to turn it on.' } }]);
  return ctx.db.transaction(async (tx) => {
    const existing = await repo.findIntegration(tx, ctx.regencyCode, agency.id);
    const secret = !existing?.webhookSecret || input.rotateSecret ? `whsec_${newToken(24)}` : null;
    const row = await repo.upsertIntegration(tx, {
      regencyCode: ctx.regencyCode,
      agencyId: agency.id,
      webhookUrl: url,
      webhookSecret: secret ?? existing!.webhookSecret,
      webhookActive: input.active,
      // Every event chosen is the same as none chosen: new kinds of events will reach the agency too.
      webhookEvents: input.events ? (SUBSCRIBABLE_EVENTS.every((e) => input.events!.includes(e)) ? null : SUBSCRIBABLE_EVENTS.filter((e) => input.events!.includes(e))) : (existing?.webhookEvents ?? null),
      supervisorName: existing?.supervisorName ?? null,
      supervisorPhone: existing?.supervisorPhone ?? null,
      supervisorEmail: existing?.supervisorEmail ?? null,
      supervisorLocale: existing?.supervisorLocale ?? 'id',
      updatedAt: ctx.now(),
    });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'update', entityType: 'agency_webhook', entityId: agency.code, details: { url, active: input.active, secretRotated: Boolean(secret), events: row.webhookEvents ?? 'all' } }, ctx.now());
    return { ...integrationView(agency, row), secret };
  });
}

export type SupervisorInput = { agencyCode?: string; name: string | null; phone: string | null; email: string | null; locale: 'id' | 'en' };

/**
 * Sets who is alerted when an application of the agency is late. A contact needs a way to reach it
 * (phone or e-mail); with neither, the contact is cleared and the agency's staff are alerted instead.
 */
export async function setSupervisor(ctx: AppContext, actor: Actor, input: SupervisorInput, meta: RequestMeta): Promise<IntegrationView> {
  const agency = await agencyFor(ctx, actor, input.agencyCode);
  const name = input.name?.trim() || null;
  const phone = input.phone?.trim() ? validMobile(input.phone) : null;
  const email = input.email?.trim().toLowerCase() || null;
  if (name && !phone && !email) {
    throw new AppError('validation_failed', undefined, [{ field: 'phone', message: { id: 'Isi nomor HP/WhatsApp atau e-mail pengawas.', en: 'Give the supervisor’s mobile/WhatsApp number or e-mail.' } }]);
  }
  return ctx.db.transaction(async (tx) => {
    const existing = await repo.findIntegration(tx, ctx.regencyCode, agency.id);
    const row = await repo.upsertIntegration(tx, {
      regencyCode: ctx.regencyCode,
      agencyId: agency.id,
      webhookUrl: existing?.webhookUrl ?? null,
      webhookSecret: existing?.webhookSecret ?? null,
      webhookActive: existing?.webhookActive ?? false,
      webhookEvents: existing?.webhookEvents ?? null,
      supervisorName: name,
      supervisorPhone: phone,
      supervisorEmail: email,
      supervisorLocale: input.locale,
      updatedAt: ctx.now(),
    });
    await recordAudit(
      tx,
      ctx.regencyCode,
      actor,
      meta,
      { action: 'update', entityType: 'agency_supervisor', entityId: agency.code, details: { name, phone: Boolean(phone), email: Boolean(email), locale: input.locale } },
      ctx.now(),
    );
    return integrationView(agency, row);
  });
}

/** Queues a ping: lets an integrator check their endpoint and signature code. */
export async function pingWebhook(ctx: AppContext, actor: Actor, agencyCode?: string): Promise<{ id: string }> {
  const agency = await agencyFor(ctx, actor, agencyCode);
  const integration = await repo.findIntegration(ctx.db, ctx.regencyCode, agency.id);
  if (!integration?.webhookActive) throw new AppError('conflict', { id: 'Webhook belum aktif.', en: 'The webhook is not active.' });
  const id = randomUUID();
  const now = ctx.now();
  await repo.insertDelivery(ctx.db, { regencyCode: ctx.regencyCode, id, agencyId: agency.id, eventKey: `ping:${id}`, eventType: 'ping', applicationId: null, payload: { id, type: 'ping', createdAt: now.toISOString(), data: {} }, status: 'pending', nextAttemptAt: now, createdAt: now });
  ctx.wake(WEBHOOK_JOB);
  return { id };
}

/** The delivery log: the last deliveries with every attempt and its answer. */
export async function listDeliveries(ctx: AppContext, actor: Actor, agencyCode: string | undefined, limit: number) {
  const agency = await agencyFor(ctx, actor, agencyCode);
  const deliveries = await repo.listDeliveries(ctx.db, ctx.regencyCode, agency.id, limit);
  const attempts = await repo.listAttempts(ctx.db, ctx.regencyCode, deliveries.map((d) => d.id));
  return deliveries.map((d) => ({
    id: d.id,
    type: d.eventType,
    status: d.status,
    attempts: d.attempts,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    payload: d.payload,
    log: attempts.filter((a) => a.deliveryId === d.id).map((a) => ({ attempt: a.attempt, at: a.at.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
  }));
}

/**
 * Sends a delivery again: a failed one (given up after its attempts, or while the webhook was off)
 * or a pending one waiting out its backoff goes back to the queue, due now, with its attempts kept
 * in the log. A delivery that had used up its attempts gets one more try (failing again, it stays
 * failed). A delivered one is not sent twice from here: the agency asks for a ping instead.
 */
export async function redeliver(ctx: AppContext, actor: Actor, agencyCode: string | undefined, deliveryId: string, meta: RequestMeta): Promise<{ id: string; status: string; nextAttemptAt: string }> {
  const agency = await agencyFor(ctx, actor, agencyCode);
  const result = await ctx.db.transaction(async (tx) => {
    const delivery = await repo.findDelivery(tx, ctx.regencyCode, agency.id, deliveryId, true);
    if (!delivery) throw new AppError('not_found', { id: 'Kiriman webhook tidak ditemukan.', en: 'Webhook delivery not found.' });
    if (delivery.status === 'delivered') throw new AppError('conflict', { id: 'Kiriman ini sudah diterima; tidak dikirim ulang.', en: 'This delivery was received already; it is not sent again.' });
    const integration = await repo.findIntegration(tx, ctx.regencyCode, agency.id);
    if (!integration?.webhookActive) throw new AppError('conflict', { id: 'Aktifkan webhook dulu sebelum mengirim ulang.', en: 'Turn the webhook on before redelivering.' });
    const now = ctx.now();
    await repo.requeueDelivery(tx, ctx.regencyCode, delivery.id, now);
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'webhook.redeliver', entityType: 'agency_webhook', entityId: agency.code, details: { deliveryId: delivery.id, eventType: delivery.eventType, previousStatus: delivery.status, attempts: delivery.attempts } }, now);
    return { id: delivery.id, status: 'pending', nextAttemptAt: now.toISOString() };
  });
  ctx.wake(WEBHOOK_JOB);
  return result;
}
