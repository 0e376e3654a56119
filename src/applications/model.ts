/**
 * The applications module at the edge: zod schemas that validate requests and describe responses
 * (the OpenAPI document agencies integrate against). Messages are bilingual ('id | en').
 */
import { z } from 'zod';
import { bilingual } from '../shared/validation.ts';
import { FILING_CHANNELS } from './schema.ts';
import { ACTION_KINDS, DELIVERY_CODES, STATUSES, STEP_CODES } from './workflow.ts';

export const localText = z.object({ id: z.string(), en: z.string() });
const party = z.enum(['applicant', 'handler', 'counter', 'desk', 'system']);

export const numberParam = z.object({ number: z.string().min(5).max(40).describe('Application number, e.g. SP-261130-7K3QX9MD') });

export const applicantInput = z.object({
  nik: z.string().max(40),
  name: z.string().trim().min(2, bilingual('Nama minimal 2 huruf', 'The name needs at least 2 letters')).max(120),
  phone: z.string().max(30).nullable().optional(),
  email: z.email(bilingual('Alamat e-mail tidak valid', 'Not a valid e-mail address')).max(200).nullable().optional(),
  locale: z.enum(['id', 'en']).optional(),
});

export const createBody = z.object({
  serviceCode: z.string().trim().min(1).max(80),
  applicant: applicantInput.optional().describe('Required when an officer or village operator files on someone’s behalf; a citizen files for themselves'),
  villageCode: z.string().max(20).nullable().optional().describe('Village letters: the village whose office issues it'),
  note: z.string().trim().max(1000).nullable().optional(),
  delivery: z.enum(DELIVERY_CODES).nullable().optional(),
});

export const patchBody = z.object({
  applicant: applicantInput.partial().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  delivery: z.enum(DELIVERY_CODES).nullable().optional(),
});

export const signerInput = z.object({
  name: z.string().trim().min(2).max(120),
  position: z.string().trim().min(2).max(200),
  delegation: z.enum(['an', 'ub']).nullable().optional().describe('a.n. (atas nama) or u.b. (untuk beliau): signed on behalf of `principal`'),
  principal: z.string().trim().max(200).nullable().optional(),
});

export const actionBody = z.object({
  action: z.enum(ACTION_KINDS).describe('advance: to the next step (at the signature step: sign); return: perlu perbaikan (note required); reject: ditolak (note required); deliver: selesai → diambil/dikirim; withdraw: by the applicant'),
  note: z.string().trim().max(2000).nullable().optional(),
  via: z.enum(DELIVERY_CODES).optional(),
  expectedVersion: z.number().int().min(1).optional().describe('The version you acted on; 409 if the application changed meanwhile'),
  signer: signerInput.optional(),
});

const boolFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const listQuery = z.object({
  status: z
    .string()
    .max(300)
    .optional()
    .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined))
    .refine((list) => !list || list.every((x) => (STATUSES as readonly string[]).includes(x)), bilingual('Status tidak dikenal', 'Unknown status'))
    .describe('Comma-separated statuses'),
  late: boolFlag.optional().describe('true: only past their promised date; false: only on time'),
  q: z.string().max(100).optional().describe('Application number, applicant name or NIK'),
  service: z.string().max(80).optional(),
  drafts: boolFlag.optional(),
  filed: boolFlag.optional().describe('Counter officers and village operators: only the applications filed by you or at your service point / village office, newest first (drafts included with drafts=true)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const documentView = z.object({ id: z.string(), documentCode: z.string(), mediaType: z.string(), size: z.number(), originalName: z.string().nullable(), uploadedAt: z.string(), url: z.string() });
export const documentSchema = documentView;

const slaView = z.object({
  state: z.enum(['not_started', 'running', 'paused', 'stopped']),
  workingDays: z.number(),
  startedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  pausedWorkingDays: z.number(),
  elapsedWorkingDays: z.number(),
  dueDate: z.string().nullable().describe('The promised date (WIB), counted in working days'),
  remainingWorkingDays: z.number().nullable(),
  late: z.boolean(),
  workingDaysLate: z.number(),
});

export const applicationView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(STATUSES),
  statusLabel: localText,
  returnedFrom: z.enum(STEP_CODES).nullable(),
  service: z.object({ code: z.string(), name: localText, agency: z.object({ code: z.string(), shortName: z.string(), name: localText }) }),
  standardVersion: z.number().describe('The standard version the application was filed under'),
  currentStandardVersion: z.number(),
  product: z.object({
    name: localText,
    uploaded: z.boolean(),
    signed: z.boolean(),
    signedAt: z.string().nullable(),
    signer: z.object({ name: z.string().nullable(), position: z.string().nullable(), delegation: z.string().nullable(), principal: z.string().nullable() }).nullable(),
    hash: z.string().nullable(),
    verificationUrl: z.string().nullable(),
    revoked: z.boolean(),
    downloadUrl: z.string().nullable(),
    sheetUrl: z.string().nullable(),
  }),
  workflow: z.object({
    code: z.string(),
    name: localText,
    steps: z.array(z.object({ code: z.enum(STEP_CODES), label: localText, kind: z.string(), actors: z.array(party) })),
    deliveries: z.array(z.enum(DELIVERY_CODES)),
  }),
  channel: z.enum(FILING_CHANNELS),
  filedAt: z.string().nullable(),
  applicant: z.object({ nik: z.string(), nikMasked: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), locale: z.string() }),
  note: z.string().nullable(),
  delivery: z.string().nullable(),
  requirements: z.array(z.object({ position: z.number(), documentCode: z.string(), name: localText, optional: z.boolean(), note: localText.nullable(), document: documentView.nullable() })),
  missingDocuments: z.array(z.string()),
  history: z.array(documentView),
  sla: slaView,
  timeline: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      action: z.string(),
      from: z.enum(STATUSES),
      to: z.enum(STATUSES),
      fromLabel: localText,
      toLabel: localText,
      actor: z.object({ kind: z.string(), role: z.string(), name: z.string().nullable(), place: z.string().nullable() }),
      note: z.string().nullable(),
    }),
  ),
  claimedBy: z.object({ name: z.string().nullable(), at: z.string(), mine: z.boolean() }).nullable(),
  waitingFor: z.array(party),
  parties: z.array(party).describe('What you are to this application'),
  availableActions: z.array(z.enum(ACTION_KINDS)).describe('The moves you can make now'),
  canEdit: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  links: z.object({ self: z.string(), receipt: z.string().nullable(), track: z.string() }),
});

export const listItem = z.object({
  number: z.string(),
  status: z.enum(STATUSES),
  statusLabel: localText,
  service: z.object({ code: z.string(), name: localText, agencyShortName: z.string() }),
  applicantName: z.string(),
  applicantNikMasked: z.string(),
  channel: z.enum(FILING_CHANNELS),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  dueDate: z.string().nullable(),
  slaState: z.string(),
  late: z.boolean(),
  claimedBy: z.string().nullable(),
  waitingFor: z.array(party),
});

export const listResponse = z.object({ items: z.array(listItem), total: z.number() });

export const filingServicesQuery = z.object({
  q: z.string().max(200).optional().describe('Search words, as in the catalogue search ("akta lahir", "ktp hilang")'),
  limit: z.coerce.number().int().min(1).max(500).default(500),
});

export const filingServicesResponse = z.object({
  point: z.object({ code: z.string(), name: localText }).describe('Where you file: your service point, or your village’s Smart Kampung point'),
  channel: z.enum(FILING_CHANNELS),
  items: z.array(
    z.object({
      code: z.string(),
      name: localText,
      summary: localText,
      level: z.string(),
      agency: z.object({ code: z.string(), shortName: z.string() }),
      fee: localText,
      duration: localText,
    }),
  ),
});

export const publicTracking = z.object({
  number: z.string(),
  service: z.object({ code: z.string(), name: localText, agency: z.string() }),
  status: z.enum(STATUSES),
  statusLabel: localText,
  submittedAt: z.string().nullable(),
  sla: z.object({ state: z.string(), dueDate: z.string().nullable(), late: z.boolean() }),
  steps: z.array(z.object({ code: z.string(), label: localText, done: z.boolean(), current: z.boolean() })),
  timeline: z.array(z.object({ at: z.string(), action: z.string(), to: z.enum(STATUSES), label: localText, by: z.string().nullable() })),
  productReady: z.boolean(),
});

export const productCheck = z.object({
  status: z.enum(['signed', 'revoked']),
  document: localText,
  service: localText,
  agency: localText,
  number: z.string(),
  signedAt: z.string(),
  signer: z.object({ name: z.string().nullable(), position: z.string().nullable(), delegation: z.enum(['an', 'ub']).nullable(), principal: z.string().nullable() }),
  sha256: z.string(),
  mediaType: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  checks: z.number().describe('How many times this document has been checked'),
});

export const integrationView = z.object({
  agency: z.object({ code: z.string(), shortName: z.string() }),
  webhook: z.object({ url: z.string().nullable(), active: z.boolean(), secretHint: z.string().nullable(), events: z.array(z.string()), available: z.array(z.string()) }),
  supervisor: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(), locale: z.enum(['id', 'en']) }),
});

export const deliveryView = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  attempts: z.number(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  log: z.array(z.object({ attempt: z.number(), at: z.string(), statusCode: z.number().nullable(), error: z.string().nullable(), durationMs: z.number() })),
});

export const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\w.:-]{8,100}$/, bilingual('Idempotency-Key: 8–100 huruf, angka, titik, titik dua, garis', 'Idempotency-Key: 8–100 letters, digits, dots, colons, dashes'))
    .optional()
    .describe('A unique key per intended submission (e.g. a UUID); retries with the same key return the same application'),
});
