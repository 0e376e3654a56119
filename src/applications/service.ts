/**
 * Use cases of applications (permohonan): filing (citizen online, counter officer, village
 * operator on behalf), documents, the workflow, reading, the product. Each write runs in one
 * transaction with its audit row, its timeline event, its outbox messages and its webhook events.
 * Access is decided in access.ts, the moves in workflow.ts, the clock in sla.ts.
 */
import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/service.ts';
import { wibDateOf } from '../catalogue/calendar/local-date.ts';
import { listServices } from '../catalogue/service.ts';
import type { DbOrTx } from '../db/client.ts';
import { requireAccess } from '../identity/access.ts';
import { maskNik } from '../identity/nik.ts';
import { newToken } from '../identity/secrets.ts';
import { validMobile, validNik } from '../identity/service.ts';
import type { Actor, UserActor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError, type LocalText } from '../shared/errors.ts';
import { createFileStore, type FileStore } from '../storage/index.ts';
import { detectDocumentType } from '../storage/detect.ts';
import { FileMissingError, sha256Hex } from '../storage/store.ts';
import { canApplication, canFile, filingActionOf, inboxScopes, partiesOf } from './access.ts';
import { slaOf } from './clock.ts';
import { displayName, newApplicationNumber } from './format.ts';
import { links, notifyApplicant, type ApplicantEvent } from './notify.ts';
import * as repo from './repository.ts';
import type { FilingChannel } from './schema.ts';
import type { Sla } from './sla.ts';
import { queueWebhook } from './webhooks.ts';
import {
  type Action,
  type ActionKind,
  availableActions,
  decide,
  type DeliveryCode,
  documentsEditable,
  isTerminal,
  type Party,
  type Refusal,
  STATUS_LABELS,
  type Status,
  type StepCode,
  stepOf,
  waitingFor,
} from './workflow.ts';
import { workflowByCode, workflowFor } from './workflows.ts';

// — the file store —

const stores = new WeakMap<AppContext['config'], FileStore>();
export function fileStore(ctx: Pick<AppContext, 'config'>): FileStore {
  let store = stores.get(ctx.config);
  if (!store) {
    store = createFileStore(ctx.config);
    stores.set(ctx.config, store);
  }
  return store;
}

// — errors —

const NOT_FOUND = new AppError('not_found', { id: 'Permohonan tidak ditemukan.', en: 'Application not found.' });

function fieldError(field: string, id: string, en: string): AppError {
  return new AppError('validation_failed', undefined, [{ field, message: { id, en } }]);
}

function refusalError(refusal: Refusal, status: Status, action: ActionKind): AppError {
  const label = STATUS_LABELS[status];
  switch (refusal) {
    case 'illegal_transition':
      return new AppError(
        'conflict',
        { id: `Permohonan berstatus "${label.id}": tindakan ini tidak dapat dilakukan sekarang.`, en: `The application is at "${label.en}": this action is not possible now.` },
        undefined,
        { reason: 'illegal_transition', applicationStatus: status, action },
      );
    case 'not_your_step':
      return new AppError('forbidden', { id: `Tahap "${label.id}" bukan tugas Anda.`, en: `The "${label.en}" step is not yours to act on.` }, undefined, { reason: 'not_your_step', applicationStatus: status, action });
    case 'note_required':
      return fieldError('note', 'Tuliskan alasan yang jelas bagi pemohon (minimal 5 karakter).', 'Write a clear reason for the applicant (at least 5 characters).');
    case 'delivery_not_offered':
      return fieldError('via', 'Cara penyerahan ini tidak tersedia untuk layanan ini.', 'This way of delivery is not offered for this service.');
  }
}

/** Not found unless the actor may see it: nobody learns that a stranger's application exists. */
function requireRead(actor: Actor, app: repo.ApplicationRow | null): repo.ApplicationRow {
  if (!app || !canApplication(actor, 'read', app)) {
    if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
    throw NOT_FOUND;
  }
  return app;
}

// — who did it, for the timeline —

type ActorInfo = { kind: 'user' | 'agency_system' | 'system'; id: string | null; role: string; name: string; placeName: string | null };

function actorInfo(actor: Actor, app: repo.ApplicationRow, party: Party | null, placeNames: Map<string, string>): ActorInfo {
  if (actor.kind === 'agency_system') return { kind: 'agency_system', id: actor.tokenId, role: 'agency_system', name: `Sistem ${actor.place.name}`, placeName: actor.place.name };
  if (actor.kind !== 'user') return { kind: 'system', id: null, role: 'system', name: 'satupintu', placeName: null };
  const placeId = party === 'handler' || party === 'counter' ? app.handlerPlaceId : party === 'desk' || (party === 'applicant' && actor.role !== 'citizen') ? app.filedAtPlaceId : null;
  return { kind: 'user', id: actor.userId, role: actor.role, name: actor.displayName, placeName: placeId ? (placeNames.get(placeId) ?? null) : null };
}

async function placeNamesOf(tx: DbOrTx, r: string, app: repo.ApplicationRow): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of [app.handlerPlaceId, app.filedAtPlaceId]) {
    if (!id || names.has(id)) continue;
    const place = await repo.findPlaceById(tx, r, id);
    if (place) names.set(id, place.name);
  }
  return names;
}

// — filing —

export type ApplicantInput = { nik: string; name: string; phone?: string | null; email?: string | null; locale?: 'id' | 'en' };
export type CreateInput = {
  serviceCode: string;
  /** Required when staff file on someone's behalf; a citizen files for themselves. */
  applicant?: ApplicantInput;
  /** For village letters: the village whose office handles it (the operator's own village otherwise). */
  villageCode?: string | null;
  note?: string | null;
  delivery?: DeliveryCode | null;
};

const CHANNEL_OF: Record<'file_online' | 'file_at_counter' | 'file_at_village', FilingChannel> = { file_online: 'online', file_at_counter: 'counter', file_at_village: 'village' };

function channelAllowed(channel: FilingChannel, serviceChannels: string[]): boolean {
  if (channel === 'online') return serviceChannels.includes('online');
  if (channel === 'village') return serviceChannels.includes('village');
  return serviceChannels.includes('mpp') || serviceChannels.includes('market');
}

const CHANNEL_TEXT: Record<FilingChannel, LocalText> = {
  online: { id: 'secara daring', en: 'online' },
  counter: { id: 'di loket', en: 'at a counter' },
  village: { id: 'melalui kantor desa', en: 'through a village office' },
};

async function applicantOf(tx: DbOrTx, ctx: AppContext, actor: UserActor, input: CreateInput) {
  if (actor.role === 'citizen') {
    const user = await repo.findUserById(tx, ctx.regencyCode, actor.userId);
    if (!user?.nik) throw new AppError('forbidden');
    return { userId: user.id, nik: user.nik, name: input.applicant?.name?.trim() || user.displayName, phone: user.phone, email: input.applicant?.email ?? user.email, locale: actor.locale };
  }
  const a = input.applicant;
  if (!a) throw fieldError('applicant', 'Isi data pemohon (NIK, nama, nomor HP).', 'Give the applicant’s details (NIK, name, phone).');
  const nik = validNik(a.nik);
  const phone = a.phone ? validMobile(a.phone) : null;
  const citizen = await repo.findCitizenByNik(tx, ctx.regencyCode, nik);
  return { userId: citizen?.id ?? null, nik, name: a.name.trim(), phone, email: a.email ?? null, locale: a.locale ?? 'id' };
}

function fingerprintOf(input: CreateInput): string {
  const canonical = JSON.stringify([input.serviceCode, input.applicant?.nik ?? null, input.applicant?.name ?? null, input.applicant?.phone ?? null, input.villageCode ?? null, input.note ?? null, input.delivery ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Creates a draft under the standard version in force now. With an Idempotency-Key a retried
 * request — even several at once — returns the application the first one created: the key is
 * unique per filer in the database, and the losers of the race read the winner's row.
 */
export async function createApplication(ctx: AppContext, actor: Actor, input: CreateInput, idempotencyKey: string | null, meta: RequestMeta): Promise<{ view: ApplicationView; replayed: boolean }> {
  const filing = filingActionOf(actor);
  requireAccess(actor, filing !== null && canFile(actor, filing));
  const user = actor as UserActor;
  const channel = CHANNEL_OF[filing!];
  const fingerprint = idempotencyKey ? fingerprintOf(input) : null;

  const replay = (existing: repo.ApplicationRow) => {
    if (existing.idempotencyFingerprint !== fingerprint) {
      throw new AppError('conflict', {
        id: 'Idempotency-Key ini sudah dipakai untuk permohonan dengan isi berbeda. Gunakan kunci baru untuk permohonan baru.',
        en: 'This Idempotency-Key was already used for an application with different content. Use a new key for a new application.',
      }, undefined, { reason: 'idempotency_key_reused', number: existing.number });
    }
    return { id: existing.id, replayed: true };
  };

  const outcome = await ctx.db.transaction(async (tx) => {
    if (idempotencyKey) {
      const existing = await repo.findByIdempotencyKey(tx, ctx.regencyCode, user.userId, idempotencyKey);
      if (existing) return replay(existing);
    }
    const service = await repo.findServiceInfoByCode(tx, ctx.regencyCode, input.serviceCode);
    if (!service) throw fieldError('serviceCode', `Layanan "${input.serviceCode}" tidak ditemukan.`, `Service "${input.serviceCode}" does not exist.`);
    if (!service.active) throw fieldError('serviceCode', 'Layanan ini sedang tidak menerima permohonan.', 'This service is not taking applications at the moment.');
    if (!channelAllowed(channel, service.channels)) {
      throw fieldError('serviceCode', `Layanan ini tidak dapat diajukan ${CHANNEL_TEXT[channel].id}.`, `This service cannot be applied for ${CHANNEL_TEXT[channel].en}.`);
    }
    const filedAt = channel === 'counter' ? user.places.find((p) => p.kind === 'service_point') : channel === 'village' ? user.places.find((p) => p.kind === 'village') : undefined;
    if (filedAt) await requireOfferedAt(tx, ctx, filedAt.id, service.id);
    const workflow = workflowFor({ code: service.code, level: service.level, agencyCode: service.agencyCode });
    if (input.delivery && !workflow.deliveries.includes(input.delivery)) throw fieldError('delivery', 'Cara penyerahan ini tidak tersedia untuk layanan ini.', 'This way of delivery is not offered for this service.');

    let handlerPlaceId = service.agencyPlaceId;
    if (service.level === 'village') {
      const village = input.villageCode ? await repo.findPlaceByCode(tx, ctx.regencyCode, 'village', input.villageCode) : channel === 'village' ? filedAt : null;
      if (!village) throw fieldError('villageCode', 'Pilih desa/kelurahan yang menerbitkan surat ini.', 'Choose the village that issues this letter.');
      handlerPlaceId = village.id;
    }
    const applicant = await applicantOf(tx, ctx, user, input);
    const now = ctx.now();
    const app = await repo.insertApplication(tx, {
      regencyCode: ctx.regencyCode,
      number: newApplicationNumber(now),
      serviceId: service.id,
      standardVersion: service.currentVersion,
      workflowCode: workflow.code,
      agencyId: service.agencyId,
      handlerPlaceId,
      status: 'draft',
      channel,
      filedByUserId: user.userId,
      filedAtPlaceId: filedAt?.id ?? null,
      applicantUserId: applicant.userId,
      applicantNik: applicant.nik,
      applicantName: applicant.name,
      applicantPhone: applicant.phone,
      applicantEmail: applicant.email,
      applicantLocale: applicant.locale,
      note: input.note ?? null,
      delivery: input.delivery ?? workflow.deliveries[0]!,
      idempotencyKey,
      idempotencyFingerprint: fingerprint,
      createdAt: now,
      updatedAt: now,
    });
    if (!app) {
      // Another request with the same key committed first: its row is visible now.
      const winner = await repo.findByIdempotencyKey(tx, ctx.regencyCode, user.userId, idempotencyKey!);
      if (!winner) throw new AppError('conflict');
      return replay(winner);
    }
    const names = await placeNamesOf(tx, ctx.regencyCode, app);
    const who = actorInfo(actor, app, 'applicant', names);
    await repo.insertEvent(tx, { regencyCode: ctx.regencyCode, applicationId: app.id, seq: 1, at: now, action: 'create', fromStatus: 'draft', toStatus: 'draft', actorKind: who.kind, actorId: who.id, actorRole: who.role, actorName: who.name, actorPlaceName: who.placeName, note: null });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'create', entityType: 'application', entityId: app.number, subjectNik: app.applicantNik, details: { service: service.code, version: service.currentVersion, channel } }, now);
    return { id: app.id, replayed: false };
  });
  return { view: await viewById(ctx, actor, outcome.id), replayed: outcome.replayed };
}

/** A counter or village office files only the services its point offers (the catalogue's point_services). */
async function requireOfferedAt(tx: DbOrTx, ctx: AppContext, placeId: string, serviceId: string): Promise<void> {
  const point = await repo.findPointOfPlace(tx, ctx.regencyCode, placeId);
  // A place without a catalogue point (not set up yet) is held to the service's channels only.
  if (!point) return;
  if (!(await repo.isServiceOfferedAt(tx, ctx.regencyCode, point.id, serviceId))) {
    throw fieldError('serviceCode', `Layanan ini tidak dilayani di ${point.nameId}.`, `This service is not offered at ${point.nameEn}.`);
  }
}

export type FilingServices = {
  point: { code: string; name: LocalText };
  channel: FilingChannel;
  items: { code: string; name: LocalText; summary: LocalText; level: string; agency: { code: string; shortName: string }; fee: LocalText; duration: LocalText }[];
};

/**
 * The services a counter officer or village operator can file for a resident: those their point
 * offers (a Smart Kampung point offers village letters and the regency services filed through
 * villages) that the filing channel allows. With q, the catalogue's forgiving search, by relevance.
 */
export async function listFilingServices(ctx: AppContext, actor: Actor, query: { q?: string; limit: number }): Promise<FilingServices> {
  const filing = filingActionOf(actor);
  requireAccess(actor, filing !== null && filing !== 'file_online' && canFile(actor, filing));
  const user = actor as UserActor;
  const channel = CHANNEL_OF[filing!];
  const place = user.places.find((p) => p.kind === (channel === 'counter' ? 'service_point' : 'village'))!;
  const point = await repo.findPointOfPlace(ctx.db, ctx.regencyCode, place.id);
  if (!point) throw new AppError('not_found', { id: `${place.name} belum terdaftar sebagai titik layanan di katalog.`, en: `${place.name} is not set up as a service point in the catalogue yet.` });
  const { items } = await listServices(ctx, { q: query.q, point: point.code, limit: query.limit });
  // Browsing at a village office: its own letters first, then what it sends on to the regency.
  if (channel === 'village' && !query.q?.trim()) items.sort((a, b) => Number(b.level === 'village') - Number(a.level === 'village'));
  return {
    point: { code: point.code, name: { id: point.nameId, en: point.nameEn } },
    channel,
    items: items
      .filter((s) => channelAllowed(channel, s.channels))
      .map((s) => ({ code: s.code, name: s.name, summary: s.summary, level: s.level, agency: s.agency, fee: s.fee, duration: s.duration })),
  };
}

export type DraftPatch = { applicant?: Partial<ApplicantInput>; note?: string | null; delivery?: DeliveryCode | null };

/** Saves answers of a draft (or, while fixing, the note): the citizen can leave and come back. */
export async function updateDraft(ctx: AppContext, actor: Actor, number: string, patch: DraftPatch, meta: RequestMeta): Promise<ApplicationView> {
  await ctx.db.transaction(async (tx) => {
    const app = requireRead(actor, await repo.findApplicationByNumber(tx, ctx.regencyCode, number, true));
    requireAccess(actor, canApplication(actor, 'edit', app));
    if (!documentsEditable(app.status)) throw notEditable(app.status);
    const workflow = workflowByCode(app.workflowCode);
    if (patch.delivery && !workflow.deliveries.includes(patch.delivery)) throw refusalError('delivery_not_offered', app.status, 'submit');
    const changes: Partial<repo.ApplicationRow> = { updatedAt: ctx.now() };
    if (patch.note !== undefined) changes.note = patch.note;
    if (patch.delivery !== undefined) changes.delivery = patch.delivery;
    if (patch.applicant) {
      if (app.status !== 'draft') throw notEditable(app.status);
      const isCitizen = actor.kind === 'user' && actor.role === 'citizen';
      if (patch.applicant.name !== undefined) changes.applicantName = patch.applicant.name.trim();
      if (patch.applicant.email !== undefined) changes.applicantEmail = patch.applicant.email || null;
      if (patch.applicant.locale !== undefined) changes.applicantLocale = patch.applicant.locale;
      if (!isCitizen) {
        if (patch.applicant.phone !== undefined) changes.applicantPhone = patch.applicant.phone ? validMobile(patch.applicant.phone) : null;
        if (patch.applicant.nik !== undefined) {
          changes.applicantNik = validNik(patch.applicant.nik);
          changes.applicantUserId = (await repo.findCitizenByNik(tx, ctx.regencyCode, changes.applicantNik))?.id ?? null;
        }
      }
    }
    if (!(await repo.updateApplication(tx, ctx.regencyCode, app.id, app.version, changes))) throw new AppError('conflict');
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'update', entityType: 'application', entityId: app.number, subjectNik: changes.applicantNik ?? app.applicantNik, details: { fields: Object.keys(changes).filter((k) => k !== 'updatedAt') } }, ctx.now());
  });
  return getApplication(ctx, actor, number, meta, { audit: false });
}

function notEditable(status: Status): AppError {
  return new AppError(
    'conflict',
    { id: `Permohonan berstatus "${STATUS_LABELS[status].id}": data dan dokumen hanya dapat diubah saat draf atau saat perlu perbaikan.`, en: `The application is at "${STATUS_LABELS[status].en}": details and documents change only in a draft or while it needs correction.` },
    undefined,
    { reason: 'not_editable', applicationStatus: status },
  );
}

// — documents —

export type UploadedFile = { bytes: Buffer; filename: string | null; truncated: boolean };

/** Reads a file as its content says it is; refuses what is too big, empty or not PDF/JPEG/PNG. */
export async function acceptFile(ctx: AppContext, file: UploadedFile) {
  const max = ctx.config.UPLOAD_MAX_BYTES;
  const mb = (max / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 });
  if (file.truncated || file.bytes.length > max) throw new AppError('payload_too_large', { id: `Berkas terlalu besar: paling besar ${mb} MB.`, en: `The file is too large: at most ${(max / 1024 / 1024).toFixed(1)} MB.` }, undefined, { maxBytes: max });
  if (file.bytes.length === 0) throw fieldError('file', 'Berkas kosong.', 'The file is empty.');
  const type = await detectDocumentType(file.bytes);
  if (!type.accepted) {
    throw new AppError('unsupported_media_type', {
      id: 'Berkas harus berupa PDF, JPG atau PNG (dilihat dari isinya, bukan dari namanya).',
      en: 'The file must be a PDF, JPG or PNG (judged by its content, not its name).',
    }, undefined, { detected: type.found });
  }
  const hash = sha256Hex(file.bytes);
  await fileStore(ctx).put(hash, file.bytes, type.mediaType);
  return { hash, mediaType: type.mediaType, extension: type.extension, size: file.bytes.length };
}

export type DocumentView = { id: string; documentCode: string; mediaType: string; size: number; originalName: string | null; uploadedAt: string; url: string };

/** Attaches a file to one requirement, replacing the one given before (which stays in the history). */
export async function uploadDocument(ctx: AppContext, actor: Actor, number: string, documentCode: string, file: UploadedFile, meta: RequestMeta): Promise<DocumentView> {
  // Access and state are checked before the file is read into the store, and again in the transaction.
  const before = requireRead(actor, await repo.findApplicationByNumber(ctx.db, ctx.regencyCode, number));
  requireAccess(actor, canApplication(actor, 'edit', before));
  if (!documentsEditable(before.status)) throw notEditable(before.status);
  const requirement = (await repo.listRequirements(ctx.db, ctx.regencyCode, before.serviceId, before.standardVersion)).find((r) => r.documentCode === documentCode);
  if (!requirement) throw fieldError('documentCode', `Layanan ini tidak meminta dokumen "${documentCode}".`, `This service does not ask for "${documentCode}".`);
  const stored = await acceptFile(ctx, file);

  const doc = await ctx.db.transaction(async (tx) => {
    const app = requireRead(actor, await repo.findApplicationByNumber(tx, ctx.regencyCode, number, true));
    if (!documentsEditable(app.status)) throw notEditable(app.status);
    const now = ctx.now();
    await repo.insertStoredFile(tx, { regencyCode: ctx.regencyCode, hash: stored.hash, mediaType: stored.mediaType, size: stored.size, createdAt: now });
    const current = (await repo.listDocuments(tx, ctx.regencyCode, app.id)).find((d) => d.documentTypeId === requirement.documentTypeId);
    // The same content again (a retried upload) changes nothing.
    if (current && current.fileHash === stored.hash) return current;
    await repo.replaceCurrentDocument(tx, ctx.regencyCode, app.id, requirement.documentTypeId, now);
    const inserted = await repo.insertDocument(tx, {
      regencyCode: ctx.regencyCode,
      applicationId: app.id,
      documentTypeId: requirement.documentTypeId,
      fileHash: stored.hash,
      mediaType: stored.mediaType,
      size: stored.size,
      originalName: displayName(file.filename),
      uploadedByKind: actor.kind === 'agency_system' ? 'agency_system' : 'user',
      uploadedById: actor.kind === 'user' ? actor.userId : actor.kind === 'agency_system' ? actor.tokenId : null,
      uploadedAt: now,
    });
    if (!(await repo.updateApplication(tx, ctx.regencyCode, app.id, app.version, { updatedAt: now }))) throw new AppError('conflict');
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'upload_document', entityType: 'application', entityId: app.number, subjectNik: app.applicantNik, details: { documentCode, hash: stored.hash, mediaType: stored.mediaType, size: stored.size, replaced: Boolean(current) } }, now);
    return inserted;
  });
  return documentView(doc, documentCode, number);
}

function documentView(doc: repo.DocumentRow, documentCode: string, number: string): DocumentView {
  return { id: doc.id, documentCode, mediaType: doc.mediaType, size: doc.size, originalName: doc.originalName, uploadedAt: doc.uploadedAt.toISOString(), url: `/api/applications/${number}/documents/${doc.id}` };
}

/** A document's bytes, for the people allowed to see it; every opening is audited. */
export async function readDocument(ctx: AppContext, actor: Actor, number: string, documentId: string, meta: RequestMeta) {
  const app = requireRead(actor, await repo.findApplicationByNumber(ctx.db, ctx.regencyCode, number));
  requireAccess(actor, canApplication(actor, 'read_documents', app));
  const doc = await repo.findDocument(ctx.db, ctx.regencyCode, app.id, documentId);
  if (!doc) throw new AppError('not_found', { id: 'Dokumen tidak ditemukan.', en: 'Document not found.' });
  const bytes = await readStored(ctx, doc.fileHash);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'read_document', entityType: 'application', entityId: app.number, subjectNik: app.applicantNik, details: { documentId, hash: doc.fileHash } }, ctx.now()),
  );
  const requirement = (await repo.listRequirements(ctx.db, ctx.regencyCode, app.serviceId, app.standardVersion)).find((r) => r.documentTypeId === doc.documentTypeId);
  return { bytes, mediaType: doc.mediaType, filename: `${requirement?.documentCode ?? 'dokumen'}-${app.number}.${extensionOf(doc.mediaType)}` };
}

export function extensionOf(mediaType: string): string {
  return mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/png' ? 'png' : 'jpg';
}

async function readStored(ctx: AppContext, hash: string): Promise<Buffer> {
  try {
    return await fileStore(ctx).get(hash);
  } catch (error) {
    if (error instanceof FileMissingError) {
      ctx.log.error({ hash }, 'stored file missing');
      throw new AppError('unavailable', { id: 'Berkas sedang tidak dapat dibuka. Petugas sudah diberi tahu.', en: 'The file cannot be opened right now. Staff have been told.' });
    }
    throw error;
  }
}

// — the workflow —

export type ActInput = {
  action: ActionKind;
  note?: string | null;
  via?: DeliveryCode;
  /** The version the actor saw: if the file changed since, the action is refused (409) instead of applied blindly. */
  expectedVersion?: number;
  /** At the signature step: who signs, possibly on behalf of the office head (a.n. / u.b.). */
  signer?: { name: string; position: string; delegation?: 'an' | 'ub' | null; principal?: string | null };
};

const APPLICANT_EVENT: Partial<Record<Status | 'submit', ApplicantEvent>> = { perlu_perbaikan: 'returned', ditolak: 'rejected', selesai: 'ready' };

/** Moves an application through its workflow, as the party the actor is to it. */
export async function act(ctx: AppContext, actor: Actor, number: string, input: ActInput, meta: RequestMeta): Promise<ApplicationView> {
  await ctx.db.transaction((tx) => applyAction(tx, ctx, actor, number, input, meta));
  ctx.wake('outbox-deliver');
  ctx.wake('webhook-deliver');
  return getApplication(ctx, actor, number, meta, { audit: false });
}

/**
 * Submits a draft, or resubmits a corrected file. A retry after success (the answer was lost on a
 * bad connection) returns the application as it is instead of an error.
 */
export async function submit(ctx: AppContext, actor: Actor, number: string, meta: RequestMeta): Promise<{ view: ApplicationView; replayed: boolean }> {
  const replayed = await ctx.db.transaction(async (tx) => {
    const app = requireRead(actor, await repo.findApplicationByNumber(tx, ctx.regencyCode, number, true));
    if (app.status !== 'draft' && app.status !== 'perlu_perbaikan') {
      // A retry of a submission that went through: nothing has moved the file since.
      const events = await repo.listEvents(tx, ctx.regencyCode, app.id);
      const last = [...events].reverse().find((e) => e.fromStatus !== e.toStatus);
      const mine = actor.kind === 'user' && partiesOf(actor, app).includes('applicant');
      if (mine && (last?.action === 'submit' || last?.action === 'resubmit')) return true;
    }
    await applyAction(tx, ctx, actor, number, { action: app.status === 'perlu_perbaikan' ? 'resubmit' : 'submit' }, meta, app);
    return false;
  });
  if (!replayed) {
    ctx.wake('outbox-deliver');
    ctx.wake('webhook-deliver');
  }
  return { view: await getApplication(ctx, actor, number, meta, { audit: false }), replayed };
}

async function applyAction(tx: DbOrTx, ctx: AppContext, actor: Actor, number: string, input: ActInput, meta: RequestMeta, locked?: repo.ApplicationRow): Promise<void> {
  const r = ctx.regencyCode;
  const app = locked ?? requireRead(actor, await repo.findApplicationByNumber(tx, r, number, true));
  if (input.expectedVersion !== undefined && input.expectedVersion !== app.version) {
    throw new AppError('conflict', { id: 'Permohonan ini baru saja diubah orang lain. Muat ulang lalu periksa lagi.', en: 'Someone else changed this application just now. Reload and check again.' }, undefined, { reason: 'version_mismatch', version: app.version });
  }
  const parties = partiesOf(actor, app);
  if (parties.length === 0) throw new AppError('forbidden');
  const workflow = workflowByCode(app.workflowCode);
  const action = toAction(input);
  const state = { status: app.status, returnedFrom: app.returnedFrom as StepCode | null };
  const decisions = parties.map((party) => ({ party, decision: decide(workflow, state, action, party) }));
  const chosen = decisions.find((d) => d.decision.ok);
  if (!chosen || !chosen.decision.ok) {
    const refusals = decisions.map((d) => (d.decision.ok ? null : d.decision.refusal));
    const refusal = (['note_required', 'delivery_not_offered', 'not_your_step', 'illegal_transition'] as const).find((x) => refusals.includes(x))!;
    throw refusalError(refusal, app.status, input.action);
  }
  const { party } = chosen;
  const to = chosen.decision.to;
  const now = ctx.now();
  const step = stepOf(workflow, app.status);

  // Rules beyond the moves themselves.
  if (party === 'handler' && app.claimedById && app.claimedById !== actorKey(actor) && !isTerminal(to.status)) {
    throw new AppError('conflict', { id: `Permohonan ini sedang ditangani ${app.claimedByName ?? 'petugas lain'}.`, en: `This application is being handled by ${app.claimedByName ?? 'someone else'}.` }, undefined, { reason: 'claimed' });
  }
  const requirements = await repo.listRequirements(tx, r, app.serviceId, app.standardVersion);
  if (action.kind === 'submit' || action.kind === 'resubmit') {
    const have = new Set((await repo.listDocuments(tx, r, app.id)).map((d) => d.documentTypeId));
    const missing = requirements.filter((q) => !q.optional && !have.has(q.documentTypeId));
    if (missing.length) {
      throw new AppError(
        'validation_failed',
        { id: 'Dokumen wajib belum lengkap.', en: 'Required documents are missing.' },
        missing.map((m) => ({ field: `documents.${m.documentCode}`, message: { id: `${m.documentNameId} belum diunggah.`, en: `${m.documentNameEn} has not been uploaded.` } })),
        { missing: missing.map((m) => m.documentCode) },
      );
    }
  }
  const patch: Partial<repo.ApplicationRow> = { status: to.status, returnedFrom: to.returnedFrom, updatedAt: now };
  if (action.kind === 'submit') patch.submittedAt = now;
  if (action.kind === 'advance' && step?.kind === 'sign') {
    if (!app.productHash) {
      throw new AppError('conflict', { id: 'Unggah dokumen hasil (produk) yang sudah ditandatangani sebelum menyelesaikan tahap tanda tangan.', en: 'Upload the signed product document before completing the signature step.' }, undefined, { reason: 'product_missing' });
    }
    const signer = input.signer;
    if (signer?.delegation && !signer.principal?.trim()) throw fieldError('signer.principal', 'Tuliskan jabatan yang diwakili (a.n./u.b.).', 'Name the office signed on behalf of (a.n./u.b.).');
    patch.signedAt = now;
    patch.signerName = signer?.name?.trim() || (actor.kind === 'user' ? actor.displayName : actor.kind === 'agency_system' ? actor.place.name : 'satupintu');
    patch.signerPosition = signer?.position?.trim() || null;
    patch.signerDelegation = signer?.delegation ?? null;
    patch.signerPrincipal = signer?.delegation ? signer.principal!.trim() : null;
    // The check link exists only from this moment: a QR printed before the signature cannot verify anything.
    patch.verificationToken = newToken(24);
  }
  if (to.status === 'selesai' || isTerminal(to.status)) patch.finishedAt = app.finishedAt ?? now;
  if (action.kind === 'deliver') patch.delivery = action.via;
  if (isTerminal(to.status)) Object.assign(patch, { claimedByKind: null, claimedById: null, claimedByName: null, claimedAt: null });
  if (!(await repo.updateApplication(tx, r, app.id, app.version, patch))) throw new AppError('conflict');

  const seq = app.version + 1;
  const names = await placeNamesOf(tx, r, app);
  const who = actorInfo(actor, app, party, names);
  const note = action.kind === 'return' || action.kind === 'reject' || action.kind === 'withdraw' ? (action.note?.trim() || null) : (input.note?.trim() || null);
  await repo.insertEvent(tx, { regencyCode: r, applicationId: app.id, seq, at: now, action: action.kind, fromStatus: app.status, toStatus: to.status, actorKind: who.kind, actorId: who.id, actorRole: who.role, actorName: who.name, actorPlaceName: who.placeName, note });

  const updated = { ...app, ...patch, version: seq } as repo.ApplicationRow;
  const events = await repo.listEvents(tx, r, app.id);
  const sla = await slaOf(tx, r, updated, events, now);
  await repo.updateSlaColumns(tx, r, app.id, { slaDueDate: sla.dueDate, slaState: sla.state });

  const service = await repo.findServiceInfoById(tx, r, app.serviceId);
  const serviceName = { id: service!.nameId, en: service!.nameEn };
  const event = action.kind === 'submit' ? 'submitted' : APPLICANT_EVENT[to.status];
  if (event) await notifyApplicant(tx, ctx, event, seq, { app: updated, service: serviceName, dueDate: sla.dueDate, note, downloadable: workflow.deliveries.includes('diunduh') && Boolean(updated.productHash) });
  await queueWebhook(tx, ctx, updated, { action: action.kind, from: app.status, to: to.status, seq, actorKind: who.kind });
  await recordAudit(tx, r, actor, meta, { action: `application.${action.kind}`, entityType: 'application', entityId: app.number, subjectNik: app.applicantNik, details: { from: app.status, to: to.status, party, ...(note ? { note } : {}) } }, now);
}

function toAction(input: ActInput): Action {
  switch (input.action) {
    case 'return':
    case 'reject':
      return { kind: input.action, note: input.note ?? '' };
    case 'withdraw':
      return { kind: 'withdraw', note: input.note ?? undefined };
    case 'deliver':
      if (!input.via) throw fieldError('via', 'Pilih cara penyerahan.', 'Choose how it was delivered.');
      return { kind: 'deliver', via: input.via };
    default:
      return { kind: input.action };
  }
}

function actorKey(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : actor.kind === 'agency_system' ? actor.tokenId : null;
}

/** Takes a file to work on (the inbox's "Ambil"): others at the agency see who has it and cannot act on it meanwhile. */
export async function claim(ctx: AppContext, actor: Actor, number: string, release: boolean, meta: RequestMeta): Promise<ApplicationView> {
  await ctx.db.transaction(async (tx) => {
    const app = requireRead(actor, await repo.findApplicationByNumber(tx, ctx.regencyCode, number, true));
    requireAccess(actor, canApplication(actor, 'handle', app));
    if (app.status === 'draft' || isTerminal(app.status)) throw refusalError('illegal_transition', app.status, 'advance');
    const me = actorKey(actor);
    if (release ? app.claimedById !== me : app.claimedById && app.claimedById !== me) {
      throw new AppError('conflict', { id: `Permohonan ini sedang ditangani ${app.claimedByName ?? 'petugas lain'}.`, en: `This application is being handled by ${app.claimedByName ?? 'someone else'}.` }, undefined, { reason: 'claimed' });
    }
    if (!release && app.claimedById === me) return;
    const now = ctx.now();
    const names = await placeNamesOf(tx, ctx.regencyCode, app);
    const who = actorInfo(actor, app, 'handler', names);
    const patch = release
      ? { claimedByKind: null, claimedById: null, claimedByName: null, claimedAt: null, updatedAt: now }
      : { claimedByKind: actor.kind === 'agency_system' ? 'agency_system' : 'user', claimedById: me, claimedByName: who.name, claimedAt: now, updatedAt: now };
    if (!(await repo.updateApplication(tx, ctx.regencyCode, app.id, app.version, patch))) throw new AppError('conflict');
    await repo.insertEvent(tx, { regencyCode: ctx.regencyCode, applicationId: app.id, seq: app.version + 1, at: now, action: release ? 'release' : 'claim', fromStatus: app.status, toStatus: app.status, actorKind: who.kind, actorId: who.id, actorRole: who.role, actorName: who.name, actorPlaceName: who.placeName, note: null });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: release ? 'application.release' : 'application.claim', entityType: 'application', entityId: app.number }, now);
  });
  return getApplication(ctx, actor, number, meta, { audit: false });
}

// — the product —

/** The handler attaches the finished (signed) document; it may be replaced until the signature step is done. */
export async function attachProduct(ctx: AppContext, actor: Actor, number: string, file: UploadedFile, meta: RequestMeta): Promise<ApplicationView> {
  const before = requireRead(actor, await repo.findApplicationByNumber(ctx.db, ctx.regencyCode, number));
  requireAccess(actor, canApplication(actor, 'handle', before));
  const workflow = workflowByCode(before.workflowCode);
  const productStep = (status: Status) => Boolean(stepOf(workflow, status)) && !before.signedAt;
  if (!productStep(before.status) || !workflow.steps.some((s) => s.kind === 'sign')) {
    throw new AppError('conflict', { id: 'Dokumen hasil hanya dapat diunggah selama permohonan diproses dan sebelum ditandatangani.', en: 'The product can be uploaded only while the application is in process and before it is signed.' }, undefined, { reason: 'product_not_allowed' });
  }
  const stored = await acceptFile(ctx, file);
  await ctx.db.transaction(async (tx) => {
    const app = requireRead(actor, await repo.findApplicationByNumber(tx, ctx.regencyCode, number, true));
    if (!stepOf(workflow, app.status) || app.signedAt) throw new AppError('conflict');
    const now = ctx.now();
    await repo.insertStoredFile(tx, { regencyCode: ctx.regencyCode, hash: stored.hash, mediaType: stored.mediaType, size: stored.size, createdAt: now });
    if (!(await repo.updateApplication(tx, ctx.regencyCode, app.id, app.version, { productHash: stored.hash, productUploadedAt: now, updatedAt: now }))) throw new AppError('conflict');
    const names = await placeNamesOf(tx, ctx.regencyCode, app);
    const who = actorInfo(actor, app, 'handler', names);
    await repo.insertEvent(tx, { regencyCode: ctx.regencyCode, applicationId: app.id, seq: app.version + 1, at: now, action: 'product', fromStatus: app.status, toStatus: app.status, actorKind: who.kind, actorId: who.id, actorRole: who.role, actorName: who.name, actorPlaceName: who.placeName, note: null });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'application.product', entityType: 'application', entityId: app.number, subjectNik: app.applicantNik, details: { hash: stored.hash, mediaType: stored.mediaType } }, now);
  });
  return getApplication(ctx, actor, number, meta, { audit: false });
}

/**
 * The signed product, for the applicant and the staff of the file. The applicant's first download
 * of a ready product records the delivery (diunduh) when that is how the service delivers.
 */
export async function readProduct(ctx: AppContext, actor: Actor, number: string, meta: RequestMeta) {
  const app = requireRead(actor, await repo.findApplicationByNumber(ctx.db, ctx.regencyCode, number));
  requireAccess(actor, canApplication(actor, 'read_documents', app));
  if (!app.productHash || !app.signedAt) throw new AppError('not_found', { id: 'Dokumen hasil belum tersedia.', en: 'The product is not available yet.' });
  if (app.productRevokedAt) throw new AppError('conflict', { id: 'Dokumen hasil ini telah dicabut.', en: 'This product has been revoked.' }, undefined, { reason: 'revoked' });
  const bytes = await readStored(ctx, app.productHash);
  const workflow = workflowByCode(app.workflowCode);
  const applicantDownload = partiesOf(actor, app).includes('applicant');
  await ctx.db.transaction(async (tx) => {
    if (applicantDownload && app.status === 'selesai' && workflow.deliveries.includes('diunduh')) {
      const locked = await repo.findApplicationByNumber(tx, ctx.regencyCode, number, true);
      if (locked?.status === 'selesai') await recordDownload(tx, ctx, actor, locked, meta);
    }
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'read_product', entityType: 'application', entityId: app.number, subjectNik: app.applicantNik, details: { hash: app.productHash } }, ctx.now());
  });
  const service = await repo.findServiceInfoById(ctx.db, ctx.regencyCode, app.serviceId);
  const mediaType = (await repo.findStoredFile(ctx.db, ctx.regencyCode, app.productHash))?.mediaType ?? 'application/pdf';
  return { bytes, mediaType, filename: `${service?.code ?? 'produk'}-${app.number}.${extensionOf(mediaType)}`, hash: app.productHash };
}

async function recordDownload(tx: DbOrTx, ctx: AppContext, actor: Actor, app: repo.ApplicationRow, meta: RequestMeta): Promise<void> {
  const workflow = workflowByCode(app.workflowCode);
  const d = decide(workflow, { status: app.status, returnedFrom: null }, { kind: 'deliver', via: 'diunduh' }, 'system');
  if (!d.ok) return;
  const now = ctx.now();
  if (!(await repo.updateApplication(tx, ctx.regencyCode, app.id, app.version, { status: 'diunduh', delivery: 'diunduh', updatedAt: now }))) return;
  const names = await placeNamesOf(tx, ctx.regencyCode, app);
  const who = actorInfo(actor, app, 'applicant', names);
  await repo.insertEvent(tx, { regencyCode: ctx.regencyCode, applicationId: app.id, seq: app.version + 1, at: now, action: 'deliver', fromStatus: 'selesai', toStatus: 'diunduh', actorKind: who.kind, actorId: who.id, actorRole: who.role, actorName: who.name, actorPlaceName: who.placeName, note: null });
  await queueWebhook(tx, ctx, { ...app, status: 'diunduh', version: app.version + 1 }, { action: 'deliver', from: 'selesai', to: 'diunduh', seq: app.version + 1, actorKind: who.kind });
  await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'application.deliver', entityType: 'application', entityId: app.number, subjectNik: app.applicantNik, details: { via: 'diunduh' } }, now);
}

/** Withdraws a signed product issued in error: its check page then says so. */
export async function revokeProduct(ctx: AppContext, actor: Actor, number: string, reason: string, meta: RequestMeta): Promise<ApplicationView> {
  await ctx.db.transaction(async (tx) => {
    const app = requireRead(actor, await repo.findApplicationByNumber(tx, ctx.regencyCode, number, true));
    requireAccess(actor, canApplication(actor, 'handle', app));
    if (!app.signedAt || app.productRevokedAt) throw new AppError('conflict', { id: 'Tidak ada dokumen bertanda tangan yang dapat dicabut.', en: 'There is no signed product to revoke.' });
    if (reason.trim().length < 5) throw refusalError('note_required', app.status, 'reject');
    const now = ctx.now();
    if (!(await repo.updateApplication(tx, ctx.regencyCode, app.id, app.version, { productRevokedAt: now, productRevokedReason: reason.trim(), updatedAt: now }))) throw new AppError('conflict');
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'application.revoke_product', entityType: 'application', entityId: app.number, details: { reason } }, now);
  });
  return getApplication(ctx, actor, number, meta, { audit: false });
}

// — reading —

export type EventView = {
  seq: number;
  at: string;
  action: string;
  from: Status;
  to: Status;
  fromLabel: LocalText;
  toLabel: LocalText;
  actor: { kind: string; role: string; name: string | null; place: string | null };
  note: string | null;
};

export type SlaView = Omit<Sla, 'startedAt' | 'stoppedAt'> & { startedAt: string | null; stoppedAt: string | null };

export type ApplicationView = {
  id: string;
  number: string;
  status: Status;
  statusLabel: LocalText;
  returnedFrom: StepCode | null;
  service: { code: string; name: LocalText; agency: { code: string; shortName: string; name: LocalText } };
  standardVersion: number;
  currentStandardVersion: number;
  product: { name: LocalText; uploaded: boolean; signed: boolean; signedAt: string | null; signer: { name: string | null; position: string | null; delegation: string | null; principal: string | null } | null; hash: string | null; verificationUrl: string | null; revoked: boolean; downloadUrl: string | null; sheetUrl: string | null };
  workflow: { code: string; name: LocalText; steps: { code: StepCode; label: LocalText; kind: string; actors: Party[] }[]; deliveries: DeliveryCode[] };
  channel: FilingChannel;
  filedAt: string | null;
  applicant: { nik: string; nikMasked: string; name: string; phone: string | null; email: string | null; locale: string };
  note: string | null;
  delivery: string | null;
  requirements: { position: number; documentCode: string; name: LocalText; optional: boolean; note: LocalText | null; document: DocumentView | null }[];
  missingDocuments: string[];
  history: DocumentView[];
  sla: SlaView;
  timeline: EventView[];
  claimedBy: { name: string | null; at: string; mine: boolean } | null;
  waitingFor: Party[];
  parties: Party[];
  availableActions: ActionKind[];
  canEdit: boolean;
  version: number;
  createdAt: string;
  submittedAt: string | null;
  updatedAt: string;
  links: { self: string; receipt: string | null; track: string };
};

async function viewById(ctx: AppContext, actor: Actor, id: string): Promise<ApplicationView> {
  const app = await repo.findApplicationById(ctx.db, ctx.regencyCode, id);
  if (!app) throw NOT_FOUND;
  return buildView(ctx, actor, app);
}

/** One application, for those allowed to see it; reading personal data is audited. */
export async function getApplication(ctx: AppContext, actor: Actor, number: string, meta: RequestMeta, options: { audit?: boolean } = {}): Promise<ApplicationView> {
  const app = requireRead(actor, await repo.findApplicationByNumber(ctx.db, ctx.regencyCode, number));
  if (options.audit !== false) {
    await ctx.db.transaction((tx) => recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'read', entityType: 'application', entityId: app.number, subjectNik: app.applicantNik }, ctx.now()));
  }
  return buildView(ctx, actor, app);
}

async function buildView(ctx: AppContext, actor: Actor, app: repo.ApplicationRow): Promise<ApplicationView> {
  const r = ctx.regencyCode;
  const [service, requirements, docs, events, duration] = await Promise.all([
    repo.findServiceInfoById(ctx.db, r, app.serviceId),
    repo.listRequirements(ctx.db, r, app.serviceId, app.standardVersion),
    repo.listDocuments(ctx.db, r, app.id, true),
    repo.listEvents(ctx.db, r, app.id),
    repo.findDuration(ctx.db, r, app.serviceId, app.standardVersion),
  ]);
  const sla = await slaOf(ctx.db, r, app, events, ctx.now());
  const workflow = workflowByCode(app.workflowCode);
  const parties = partiesOf(actor, app);
  const staffViewer = parties.some((p) => p !== 'applicant') || (actor.kind === 'user' && actor.role !== 'citizen');
  const codeOf = new Map(requirements.map((q) => [q.documentTypeId, q.documentCode]));
  const current = docs.filter((d) => !d.replacedAt);
  const state = { status: app.status, returnedFrom: app.returnedFrom as StepCode | null };
  const actions = new Set<ActionKind>();
  for (const party of parties) for (const a of availableActions(workflow, state, party)) actions.add(a);
  const filedAt = app.filedAtPlaceId ? await repo.findPlaceById(ctx.db, r, app.filedAtPlaceId) : null;
  const signed = Boolean(app.signedAt);
  const seesProduct = parties.length > 0;
  return {
    id: app.id,
    number: app.number,
    status: app.status,
    statusLabel: STATUS_LABELS[app.status],
    returnedFrom: app.returnedFrom as StepCode | null,
    service: { code: service!.code, name: { id: service!.nameId, en: service!.nameEn }, agency: { code: service!.agencyCode, shortName: service!.agencyShortName, name: { id: service!.agencyNameId, en: service!.agencyNameEn } } },
    standardVersion: app.standardVersion,
    currentStandardVersion: service!.currentVersion,
    product: {
      name: duration?.product ?? { id: 'Produk layanan', en: 'Service product' },
      uploaded: Boolean(app.productHash),
      signed,
      signedAt: app.signedAt?.toISOString() ?? null,
      signer: signed ? { name: app.signerName, position: app.signerPosition, delegation: app.signerDelegation, principal: app.signerPrincipal } : null,
      hash: signed ? app.productHash : null,
      verificationUrl: app.verificationToken ? links.check(ctx, app.verificationToken) : null,
      revoked: Boolean(app.productRevokedAt),
      downloadUrl: signed && seesProduct && !app.productRevokedAt ? `/api/applications/${app.number}/product` : null,
      sheetUrl: signed && seesProduct ? `/api/applications/${app.number}/product/verification.pdf` : null,
    },
    workflow: {
      code: workflow.code,
      name: workflow.name,
      steps: workflow.steps.map((s) => ({ code: s.code, label: STATUS_LABELS[s.code], kind: s.kind, actors: [...s.actors] })),
      deliveries: [...workflow.deliveries],
    },
    channel: app.channel,
    filedAt: filedAt?.name ?? null,
    applicant: { nik: app.applicantNik, nikMasked: maskNik(app.applicantNik), name: app.applicantName, phone: app.applicantPhone, email: app.applicantEmail, locale: app.applicantLocale },
    note: app.note,
    delivery: app.delivery,
    requirements: requirements.map((q) => {
      const doc = current.find((d) => d.documentTypeId === q.documentTypeId);
      return {
        position: q.position,
        documentCode: q.documentCode,
        name: { id: q.documentNameId, en: q.documentNameEn },
        optional: q.optional,
        note: q.noteId !== null && q.noteEn !== null ? { id: q.noteId, en: q.noteEn } : null,
        document: doc ? documentView(doc, q.documentCode, app.number) : null,
      };
    }),
    missingDocuments: requirements.filter((q) => !q.optional && !current.some((d) => d.documentTypeId === q.documentTypeId)).map((q) => q.documentCode),
    history: docs.filter((d) => d.replacedAt).map((d) => documentView(d, codeOf.get(d.documentTypeId) ?? 'dokumen', app.number)),
    sla: { ...sla, startedAt: sla.startedAt?.toISOString() ?? null, stoppedAt: sla.stoppedAt?.toISOString() ?? null },
    timeline: events.map((e) => ({
      seq: e.seq,
      at: e.at.toISOString(),
      action: e.action,
      from: e.fromStatus as Status,
      to: e.toStatus as Status,
      fromLabel: STATUS_LABELS[e.fromStatus as Status],
      toLabel: STATUS_LABELS[e.toStatus as Status],
      // Citizens see the office that acted; staff see the person.
      actor: { kind: e.actorKind, role: e.actorRole, name: staffViewer || e.actorRole === 'citizen' ? e.actorName : null, place: e.actorPlaceName },
      note: e.note,
    })),
    claimedBy: app.claimedAt ? { name: app.claimedByName, at: app.claimedAt.toISOString(), mine: app.claimedById === actorKey(actor) } : null,
    waitingFor: [...waitingFor(workflow, state)],
    parties,
    availableActions: [...actions],
    canEdit: parties.includes('applicant') && documentsEditable(app.status),
    version: app.version,
    createdAt: app.createdAt.toISOString(),
    submittedAt: app.submittedAt?.toISOString() ?? null,
    updatedAt: app.updatedAt.toISOString(),
    links: { self: `/api/applications/${app.number}`, receipt: app.submittedAt ? `/api/applications/${app.number}/receipt.pdf` : null, track: `/lacak/${app.number}` },
  };
}

export type ListQuery = { status?: string[]; late?: boolean; q?: string; service?: string; drafts?: boolean; filed?: boolean; limit: number; offset: number };

export type ListItem = {
  number: string;
  status: Status;
  statusLabel: LocalText;
  service: { code: string; name: LocalText; agencyShortName: string };
  applicantName: string;
  applicantNikMasked: string;
  channel: FilingChannel;
  submittedAt: string | null;
  updatedAt: string;
  dueDate: string | null;
  slaState: string;
  late: boolean;
  claimedBy: string | null;
  waitingFor: Party[];
};

/** The inbox (staff: their places' files; citizen: their own), oldest promise first. */
export async function listApplications(ctx: AppContext, actor: Actor, query: ListQuery, meta: RequestMeta): Promise<{ items: ListItem[]; total: number }> {
  const all = inboxScopes(actor);
  if (all.length === 0) requireAccess(actor, false);
  // filed=true: a desk's own filings only (what this officer or office filed for residents).
  const scopes = query.filed ? all.filter((s) => s.kind === 'filed') : all;
  const today = wibDateOf(ctx.now());
  const { rows, total } = await repo.listApplications(ctx.db, ctx.regencyCode, scopes, {
    order: query.filed ? 'recent' : 'due',
    statuses: query.status,
    late: query.late,
    q: query.q?.trim() || undefined,
    serviceCode: query.service,
    includeDrafts: query.drafts,
    today,
    limit: query.limit,
    offset: query.offset,
  });
  if (rows.length && actor.kind === 'user' && actor.role !== 'citizen') {
    await ctx.db.transaction((tx) => recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'list', entityType: 'application', details: { count: rows.length, filter: { ...query } } }, ctx.now()));
  }
  return {
    total,
    items: rows.map(({ app, ...s }) => {
      const workflow = workflowByCode(app.workflowCode);
      const finishedLate = app.slaState === 'stopped' && app.finishedAt && app.slaDueDate ? wibDateOf(app.finishedAt) > app.slaDueDate : false;
      return {
        number: app.number,
        status: app.status,
        statusLabel: STATUS_LABELS[app.status],
        service: { code: s.serviceCode, name: { id: s.serviceNameId, en: s.serviceNameEn }, agencyShortName: s.agencyShortName },
        applicantName: app.applicantName,
        applicantNikMasked: maskNik(app.applicantNik),
        channel: app.channel,
        submittedAt: app.submittedAt?.toISOString() ?? null,
        updatedAt: app.updatedAt.toISOString(),
        dueDate: app.slaDueDate,
        slaState: app.slaState,
        late: (app.slaState === 'running' && app.slaDueDate !== null && app.slaDueDate < today) || finishedLate,
        claimedBy: app.claimedByName,
        waitingFor: [...waitingFor(workflow, { status: app.status, returnedFrom: app.returnedFrom as StepCode | null })],
      };
    }),
  };
}
