/**
 * What anyone may see without signing in: an application's progress by its number (or the QR on
 * the receipt), the list of one's applications by NIK after a one-time code to the registered
 * phone (never by NIK alone), and the public check of an issued document. None of these shows
 * personal data: no name, no NIK, no notes, no staff names.
 */
import { recordAudit } from '../audit/service.ts';
import * as identityRepo from '../identity/repository.ts';
import { maskPhone } from '../identity/phone.ts';
import { newOneTimeCode, newToken, sameSecret, sha256 } from '../identity/secrets.ts';
import { validMobile, validNik } from '../identity/service.ts';
import { phoneChannel } from '../notifications/adapters/index.ts';
import { enqueueMessage } from '../notifications/service.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError, type LocalText } from '../shared/errors.ts';
import { slaOf } from './clock.ts';
import { NUMBER_PATTERN, normaliseNumber } from './format.ts';
import * as repo from './repository.ts';
import { STATUS_LABELS, type Status } from './workflow.ts';
import { workflowByCode } from './workflows.ts';

const NOT_FOUND = new AppError('not_found', { id: 'Nomor permohonan tidak ditemukan. Periksa lagi nomor pada bukti permohonan.', en: 'No application with this number. Check the number on your receipt.' });

/** The events a public timeline shows: the moves of the workflow, not internal work. */
const PUBLIC_ACTIONS = new Set(['submit', 'advance', 'return', 'resubmit', 'reject', 'withdraw', 'deliver']);

export type PublicTracking = {
  number: string;
  service: { code: string; name: LocalText; agency: string };
  status: Status;
  statusLabel: LocalText;
  submittedAt: string | null;
  sla: { state: string; dueDate: string | null; late: boolean };
  steps: { code: string; label: LocalText; done: boolean; current: boolean }[];
  timeline: { at: string; action: string; to: Status; label: LocalText; by: string | null }[];
  productReady: boolean;
};

export async function trackPublic(ctx: AppContext, rawNumber: string): Promise<PublicTracking> {
  const number = normaliseNumber(rawNumber);
  if (!NUMBER_PATTERN.test(number)) throw NOT_FOUND;
  const app = await repo.findApplicationByNumber(ctx.db, ctx.regencyCode, number);
  if (!app || app.status === 'draft') throw NOT_FOUND;
  const [service, events] = await Promise.all([repo.findServiceInfoById(ctx.db, ctx.regencyCode, app.serviceId), repo.listEvents(ctx.db, ctx.regencyCode, app.id)]);
  const sla = await slaOf(ctx.db, ctx.regencyCode, app, events, ctx.now());
  const workflow = workflowByCode(app.workflowCode);
  const reached = new Set(events.map((e) => e.toStatus));
  const currentStep = app.status === 'perlu_perbaikan' ? app.returnedFrom : app.status;
  const finished = app.status === 'selesai' || ['diambil', 'dikirim', 'diunduh'].includes(app.status);
  return {
    number: app.number,
    service: { code: service!.code, name: { id: service!.nameId, en: service!.nameEn }, agency: service!.agencyShortName },
    status: app.status,
    statusLabel: STATUS_LABELS[app.status],
    submittedAt: app.submittedAt?.toISOString() ?? null,
    sla: { state: sla.state, dueDate: sla.dueDate, late: sla.late },
    steps: [
      ...workflow.steps.map((s) => ({ code: s.code as string, label: STATUS_LABELS[s.code], done: finished || (reached.has(s.code) && s.code !== currentStep), current: s.code === currentStep })),
      { code: 'selesai', label: STATUS_LABELS.selesai, done: finished, current: app.status === 'selesai' },
    ],
    timeline: events
      .filter((e) => PUBLIC_ACTIONS.has(e.action))
      // Who acted is shown as the office, never the person.
      .map((e) => ({ at: e.at.toISOString(), action: e.action, to: e.toStatus as Status, label: STATUS_LABELS[e.toStatus as Status], by: e.actorRole === 'citizen' ? null : e.actorPlaceName })),
    productReady: Boolean(app.signedAt) && !app.productRevokedAt,
  };
}

// — lookup by NIK, only with a code sent to a phone the NIK is known by —

const CODE_TTL_MINUTES = 5;
const CODE_MAX_ATTEMPTS = 5;
const CODES_PER_HOUR = 5;

/**
 * Sends a code for looking up applications by NIK. Like citizen sign-in, the answer is the same
 * whether or not the NIK is known and whether or not the phone matches; the code goes only to a
 * phone already registered for that NIK (its account, or given on one of its applications).
 */
export async function requestLookupCode(ctx: AppContext, input: { nik: string; phone: string; locale: 'id' | 'en' }, meta: RequestMeta): Promise<{ maskedPhone: string }> {
  const fields: { field: string; message: LocalText }[] = [];
  let nik = '';
  let phone = '';
  try {
    nik = validNik(input.nik);
  } catch (error) {
    fields.push(...((error as AppError).fields ?? []));
  }
  try {
    phone = validMobile(input.phone);
  } catch (error) {
    fields.push(...((error as AppError).fields ?? []));
  }
  if (fields.length) throw new AppError('validation_failed', undefined, fields);
  await ctx.db.transaction(async (tx) => {
    const recent = await identityRepo.countRecentCodes(tx, ctx.regencyCode, nik, phone, new Date(ctx.now().getTime() - 3600_000));
    if (recent >= CODES_PER_HOUR) throw new AppError('rate_limited');
    const known = await repo.phonesOfNik(tx, ctx.regencyCode, nik);
    const deliver = known.includes(phone);
    const code = newOneTimeCode();
    const codeId = await identityRepo.insertOneTimeCode(tx, {
      regencyCode: ctx.regencyCode,
      purpose: 'nik_lookup',
      nik,
      phone,
      // Undeliverable requests store a hash no code can match, so the hourly limit counts them alike.
      codeHash: sha256(deliver ? code : newToken()),
      createdAt: ctx.now(),
      expiresAt: new Date(ctx.now().getTime() + CODE_TTL_MINUTES * 60_000),
    });
    await recordAudit(tx, ctx.regencyCode, { kind: 'anonymous' }, meta, { action: 'request_code', entityType: 'application_lookup', subjectNik: nik }, ctx.now());
    if (!deliver) return;
    await enqueueMessage(
      tx,
      ctx.regencyCode,
      {
        dedupeKey: `otp:${codeId}`,
        channel: phoneChannel(ctx.config),
        recipient: phone,
        template: 'otp.nik_lookup',
        locale: input.locale,
        text: {
          id: `Kode lacak permohonan satupintu: ${code}. Berlaku ${CODE_TTL_MINUTES} menit. Jangan berikan kepada siapa pun.`,
          en: `Your satupintu application lookup code: ${code}. Valid for ${CODE_TTL_MINUTES} minutes. Never share it.`,
        },
      },
      ctx.now(),
    );
  });
  ctx.wake('outbox-deliver');
  return { maskedPhone: maskPhone(phone) };
}

export type LookupItem = { number: string; service: LocalText; status: Status; statusLabel: LocalText; submittedAt: string | null; dueDate: string | null };

/** Exchanges a valid code for the list of the NIK's applications (the code is used up). */
export async function lookupByNik(ctx: AppContext, input: { nik: string; phone: string; code: string }, meta: RequestMeta): Promise<LookupItem[]> {
  const nik = validNik(input.nik);
  const phone = validMobile(input.phone);
  const outcome = await ctx.db.transaction(async (tx) => {
    const active = await identityRepo.findActiveCode(tx, ctx.regencyCode, 'nik_lookup', nik, phone, ctx.now());
    if (!active || active.attempts >= CODE_MAX_ATTEMPTS) return null;
    if (!sameSecret(active.codeHash, sha256(input.code.trim()))) {
      await identityRepo.updateOneTimeCode(tx, ctx.regencyCode, active.id, { attempts: active.attempts + 1 });
      return null;
    }
    await identityRepo.updateOneTimeCode(tx, ctx.regencyCode, active.id, { consumedAt: ctx.now() });
    const rows = await repo.listByNik(tx, ctx.regencyCode, nik);
    await recordAudit(tx, ctx.regencyCode, { kind: 'anonymous' }, meta, { action: 'read', entityType: 'application_lookup', subjectNik: nik, details: { count: rows.length } }, ctx.now());
    return rows;
  });
  if (!outcome) throw new AppError('invalid_otp');
  return outcome.map(({ app, serviceNameId, serviceNameEn }) => ({
    number: app.number,
    service: { id: serviceNameId, en: serviceNameEn },
    status: app.status,
    statusLabel: STATUS_LABELS[app.status],
    submittedAt: app.submittedAt?.toISOString() ?? null,
    dueDate: app.slaDueDate,
  }));
}

// — the public check of an issued document —

export type ProductCheck = {
  status: 'signed' | 'revoked';
  document: LocalText;
  service: LocalText;
  agency: LocalText;
  number: string;
  signedAt: string;
  signer: { name: string | null; position: string | null; delegation: 'an' | 'ub' | null; principal: string | null };
  sha256: string;
  mediaType: string;
  revokedAt: string | null;
  revokedReason: string | null;
  checks: number;
};

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;

/**
 * Answers a scan of a product's QR: signed or revoked, with what the document is and its SHA-256
 * (so the holder of a file can compare). Every check is logged, including unknown links.
 */
export async function checkProduct(ctx: AppContext, token: string, meta: RequestMeta & { userAgent?: string | null }): Promise<ProductCheck> {
  const app = TOKEN_PATTERN.test(token) ? await repo.findApplicationByVerificationToken(ctx.db, ctx.regencyCode, token) : null;
  const result = !app ? 'unknown' : app.productRevokedAt ? 'revoked' : 'valid';
  await ctx.db.transaction((tx) =>
    repo.insertProductCheck(tx, { regencyCode: ctx.regencyCode, applicationId: app?.id ?? null, at: ctx.now(), result, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 200) ?? null }),
  );
  if (!app || !app.signedAt || !app.productHash) {
    throw new AppError('not_found', { id: 'Dokumen tidak terdaftar. Tautan atau kode QR ini tidak diterbitkan oleh satupintu.', en: 'Document not registered. This link or QR code was not issued by satupintu.' });
  }
  const [service, duration, file, checks] = await Promise.all([
    repo.findServiceInfoById(ctx.db, ctx.regencyCode, app.serviceId),
    repo.findDuration(ctx.db, ctx.regencyCode, app.serviceId, app.standardVersion),
    repo.findStoredFile(ctx.db, ctx.regencyCode, app.productHash),
    repo.countProductChecks(ctx.db, ctx.regencyCode, app.id),
  ]);
  return {
    status: app.productRevokedAt ? 'revoked' : 'signed',
    document: duration?.product ?? { id: service!.nameId, en: service!.nameEn },
    service: { id: service!.nameId, en: service!.nameEn },
    agency: { id: service!.agencyNameId, en: service!.agencyNameEn },
    number: app.number,
    signedAt: app.signedAt.toISOString(),
    signer: { name: app.signerName, position: app.signerPosition, delegation: app.signerDelegation as 'an' | 'ub' | null, principal: app.signerPrincipal },
    sha256: app.productHash,
    mediaType: file?.mediaType ?? 'application/pdf',
    revokedAt: app.productRevokedAt?.toISOString() ?? null,
    revokedReason: app.productRevokedReason,
    checks,
  };
}
