import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, documentTypes, serviceStandards } from '../catalogue/schema.ts';
import { places, tenants, users } from '../identity/schema.ts';
import { STATUSES } from './workflow.ts';

/*
 * Applications (permohonan) with their documents, their timeline, the issued product and its
 * public check, and the integration with agency systems (webhooks). Tenant tables: regency_code
 * leads every primary key and every foreign key (Citus co-location).
 */

export const FILING_CHANNELS = ['online', 'counter', 'village'] as const;
export type FilingChannel = (typeof FILING_CHANNELS)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Uploaded documents and issued products, by content hash (the key in the file store). */
export const storedFiles = pgTable(
  'stored_files',
  {
    regencyCode: text('regency_code').notNull().references(() => tenants.regencyCode),
    hash: text('hash').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.hash] }),
    check('stored_files_hash_check', sql`${t.hash} ~ '^[0-9a-f]{64}$'`),
    check('stored_files_media_type_check', sql`${t.mediaType} in ('application/pdf', 'image/jpeg', 'image/png')`),
    check('stored_files_size_check', sql`${t.size} > 0`),
  ],
);

export const applications = pgTable(
  'applications',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The public tracking number, e.g. SP-261130-7K3QX9MD: date plus 40 random bits. */
    number: text('number').notNull(),
    serviceId: uuid('service_id').notNull(),
    /** The version of the standard in force when the application was created: it reads that version for ever. */
    standardVersion: integer('standard_version').notNull(),
    workflowCode: text('workflow_code').notNull(),
    agencyId: uuid('agency_id').notNull(),
    /** The place whose staff process it: the agency, or the village office for village letters. */
    handlerPlaceId: uuid('handler_place_id').notNull(),
    status: text('status').$type<(typeof STATUSES)[number]>().notNull().default('draft'),
    /** In perlu_perbaikan: the step the corrected file goes back to. */
    returnedFrom: text('returned_from'),
    channel: text('channel').$type<FilingChannel>().notNull(),
    filedByUserId: uuid('filed_by_user_id').notNull(),
    /** The counter's service point or the village office where it was filed (null online). */
    filedAtPlaceId: uuid('filed_at_place_id'),
    /** The citizen's account, when there is one. */
    applicantUserId: uuid('applicant_user_id'),
    applicantNik: text('applicant_nik').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantPhone: text('applicant_phone'),
    applicantEmail: text('applicant_email'),
    applicantLocale: text('applicant_locale').notNull().default('id'),
    /** What the citizen wrote for the officer (purpose, remarks). */
    note: text('note'),
    delivery: text('delivery'),
    /** Exactly-once submission: the client's Idempotency-Key, unique per filer. */
    idempotencyKey: text('idempotency_key'),
    idempotencyFingerprint: text('idempotency_fingerprint'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The SLA clock, kept here for filters and the lateness job; computed from the events by sla.ts. */
    slaDueDate: date('sla_due_date', { mode: 'string' }),
    slaState: text('sla_state').notNull().default('not_started'),
    /** When the lateness job first found it late and told the supervisor. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    claimedByKind: text('claimed_by_kind'),
    claimedById: uuid('claimed_by_id'),
    claimedByName: text('claimed_by_name'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    // — the product (produk pelayanan) —
    productHash: text('product_hash'),
    productUploadedAt: timestamp('product_uploaded_at', { withTimezone: true }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signerName: text('signer_name'),
    signerPosition: text('signer_position'),
    /** a.n. (atas nama) or u.b. (untuk beliau): signed on behalf of `signerPrincipal`. */
    signerDelegation: text('signer_delegation'),
    signerPrincipal: text('signer_principal'),
    /** The unguessable key of the public check page; created only at the final signature. */
    verificationToken: text('verification_token'),
    productRevokedAt: timestamp('product_revoked_at', { withTimezone: true }),
    productRevokedReason: text('product_revoked_reason'),
    /** Bumped by every change: two officers acting at once cannot both win. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('applications_number_uq').on(t.regencyCode, t.number),
    uniqueIndex('applications_idempotency_uq').on(t.regencyCode, t.filedByUserId, t.idempotencyKey),
    uniqueIndex('applications_verification_uq').on(t.regencyCode, t.verificationToken),
    foreignKey({ name: 'applications_standard_fk', columns: [t.regencyCode, t.serviceId, t.standardVersion], foreignColumns: [serviceStandards.regencyCode, serviceStandards.serviceId, serviceStandards.version] }),
    foreignKey({ name: 'applications_agency_fk', columns: [t.regencyCode, t.agencyId], foreignColumns: [agencies.regencyCode, agencies.id] }),
    foreignKey({ name: 'applications_handler_fk', columns: [t.regencyCode, t.handlerPlaceId], foreignColumns: [places.regencyCode, places.id] }),
    foreignKey({ name: 'applications_filed_at_fk', columns: [t.regencyCode, t.filedAtPlaceId], foreignColumns: [places.regencyCode, places.id] }),
    foreignKey({ name: 'applications_filed_by_fk', columns: [t.regencyCode, t.filedByUserId], foreignColumns: [users.regencyCode, users.id] }),
    foreignKey({ name: 'applications_applicant_fk', columns: [t.regencyCode, t.applicantUserId], foreignColumns: [users.regencyCode, users.id] }),
    foreignKey({ name: 'applications_product_fk', columns: [t.regencyCode, t.productHash], foreignColumns: [storedFiles.regencyCode, storedFiles.hash] }),
    index('applications_applicant_idx').on(t.regencyCode, t.applicantNik),
    index('applications_handler_idx').on(t.regencyCode, t.handlerPlaceId, t.status),
    index('applications_filed_at_idx').on(t.regencyCode, t.filedAtPlaceId),
    index('applications_sla_idx').on(t.regencyCode, t.slaState, t.slaDueDate),
    check('applications_status_check', sql`${t.status} in (${inList(STATUSES)})`),
    check('applications_returned_from_check', sql`(${t.status} = 'perlu_perbaikan') = (${t.returnedFrom} is not null)`),
    check('applications_channel_check', sql`${t.channel} in ('online', 'counter', 'village')`),
    check('applications_nik_check', sql`${t.applicantNik} ~ '^[0-9]{16}$'`),
    check('applications_locale_check', sql`${t.applicantLocale} in ('id', 'en')`),
    check('applications_delivery_check', sql`${t.delivery} is null or ${t.delivery} in ('diambil', 'dikirim', 'diunduh')`),
    check('applications_sla_state_check', sql`${t.slaState} in ('not_started', 'running', 'paused', 'stopped')`),
    check('applications_idempotency_check', sql`(${t.idempotencyKey} is null) = (${t.idempotencyFingerprint} is null)`),
    check('applications_claim_check', sql`${t.claimedByKind} is null or ${t.claimedByKind} in ('user', 'agency_system')`),
    check('applications_delegation_check', sql`${t.signerDelegation} is null or (${t.signerDelegation} in ('an', 'ub') and ${t.signerPrincipal} is not null)`),
    // Documents you can trust: a verification link exists only for a signed product.
    check('applications_signed_product_check', sql`${t.signedAt} is null or ${t.productHash} is not null`),
    check('applications_verification_check', sql`${t.verificationToken} is null or (${t.signedAt} is not null and length(${t.verificationToken}) >= 32)`),
    check('applications_submitted_check', sql`${t.status} = 'draft' or ${t.submittedAt} is not null`),
  ],
);

/** A document given for one requirement of the application's standard version. Replaced files stay, marked replaced. */
export const applicationDocuments = pgTable(
  'application_documents',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    documentTypeId: uuid('document_type_id').notNull(),
    fileHash: text('file_hash').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    /** The name the file had on the uploader's device: shown, never used as a path. */
    originalName: text('original_name'),
    uploadedByKind: text('uploaded_by_kind').notNull(),
    uploadedById: uuid('uploaded_by_id'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    foreignKey({ name: 'application_documents_application_fk', columns: [t.regencyCode, t.applicationId], foreignColumns: [applications.regencyCode, applications.id] }),
    foreignKey({ name: 'application_documents_type_fk', columns: [t.regencyCode, t.documentTypeId], foreignColumns: [documentTypes.regencyCode, documentTypes.id] }),
    foreignKey({ name: 'application_documents_file_fk', columns: [t.regencyCode, t.fileHash], foreignColumns: [storedFiles.regencyCode, storedFiles.hash] }),
    // One current file per requirement.
    uniqueIndex('application_documents_current_uq').on(t.regencyCode, t.applicationId, t.documentTypeId).where(sql`replaced_at is null`),
    index('application_documents_application_idx').on(t.regencyCode, t.applicationId),
    check('application_documents_kind_check', sql`${t.uploadedByKind} in ('user', 'agency_system')`),
  ],
);

export const EVENT_ACTIONS = ['create', 'submit', 'advance', 'return', 'resubmit', 'reject', 'withdraw', 'deliver', 'claim', 'release', 'product', 'escalate'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** The timeline: every transition and every notable act, who, when, from which status to which, and the note. */
export const applicationEvents = pgTable(
  'application_events',
  {
    regencyCode: text('regency_code').notNull(),
    applicationId: uuid('application_id').notNull(),
    /** The application's version after the event: the order of events, and one writer per version. */
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    action: text('action').$type<EventAction>().notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role').notNull(),
    actorName: text('actor_name').notNull(),
    /** The place the actor acted for (agency, service point, village), shown on the public timeline. */
    actorPlaceName: text('actor_place_name'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.applicationId, t.seq] }),
    foreignKey({ name: 'application_events_application_fk', columns: [t.regencyCode, t.applicationId], foreignColumns: [applications.regencyCode, applications.id] }),
    check('application_events_action_check', sql`${t.action} in (${inList(EVENT_ACTIONS)})`),
    check('application_events_status_check', sql`${t.fromStatus} in (${inList(STATUSES)}) and ${t.toStatus} in (${inList(STATUSES)})`),
    check('application_events_actor_check', sql`${t.actorKind} in ('user', 'agency_system', 'system')`),
  ],
);

/** Every look at a product's public check page: when, from where, and what it answered. */
export const productChecks = pgTable(
  'product_checks',
  {
    regencyCode: text('regency_code').notNull().references(() => tenants.regencyCode),
    id: uuid('id').notNull().defaultRandom(),
    applicationId: uuid('application_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    result: text('result').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    foreignKey({ name: 'product_checks_application_fk', columns: [t.regencyCode, t.applicationId], foreignColumns: [applications.regencyCode, applications.id] }),
    index('product_checks_application_idx').on(t.regencyCode, t.applicationId),
    check('product_checks_result_check', sql`${t.result} in ('valid', 'revoked', 'unknown')`),
  ],
);

/** An agency's own system: where to push events, with which secret; and who supervises its SLA. */
export const agencyIntegrations = pgTable(
  'agency_integrations',
  {
    regencyCode: text('regency_code').notNull(),
    agencyId: uuid('agency_id').notNull(),
    webhookUrl: text('webhook_url'),
    /** HMAC-SHA256 key for the signature; shown once when set. */
    webhookSecret: text('webhook_secret'),
    webhookActive: boolean('webhook_active').notNull().default(false),
    /** The application events the agency's system wants (webhooks.ts WEBHOOK_EVENTS); null: all of them. Pings always go. */
    webhookEvents: text('webhook_events').array(),
    /** Who is told when an application of the agency is late (jobs.ts); else the agency's staff. */
    supervisorName: text('supervisor_name'),
    supervisorPhone: text('supervisor_phone'),
    supervisorEmail: text('supervisor_email'),
    /** The language of the supervisor's alerts. */
    supervisorLocale: text('supervisor_locale').notNull().default('id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.agencyId] }),
    foreignKey({ name: 'agency_integrations_agency_fk', columns: [t.regencyCode, t.agencyId], foreignColumns: [agencies.regencyCode, agencies.id] }),
    check('agency_integrations_webhook_check', sql`not ${t.webhookActive} or (${t.webhookUrl} is not null and ${t.webhookSecret} is not null)`),
    check('agency_integrations_supervisor_locale_check', sql`${t.supervisorLocale} in ('id', 'en')`),
    check('agency_integrations_webhook_events_check', sql`${t.webhookEvents} is null or cardinality(${t.webhookEvents}) > 0`),
  ],
);

/** One event to push to one agency system; retried with backoff until delivered or given up. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    /** application id + event seq + type: the same event is queued once. */
    eventKey: text('event_key').notNull(),
    eventType: text('event_type').notNull(),
    applicationId: uuid('application_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    uniqueIndex('webhook_deliveries_event_uq').on(t.regencyCode, t.agencyId, t.eventKey),
    foreignKey({ name: 'webhook_deliveries_agency_fk', columns: [t.regencyCode, t.agencyId], foreignColumns: [agencies.regencyCode, agencies.id] }),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_agency_idx').on(t.regencyCode, t.agencyId, t.createdAt),
    check('webhook_deliveries_status_check', sql`${t.status} in ('pending', 'delivered', 'failed')`),
  ],
);

/** The delivery log: each attempt with its answer. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    regencyCode: text('regency_code').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.deliveryId, t.attempt] }),
    foreignKey({ name: 'webhook_attempts_delivery_fk', columns: [t.regencyCode, t.deliveryId], foreignColumns: [webhookDeliveries.regencyCode, webhookDeliveries.id] }),
  ],
);
