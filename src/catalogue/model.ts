/**
 * The catalogue's shapes at the edge: zod schemas that validate API bodies and CSV rows and
 * give the TypeScript types and the OpenAPI document. Messages are bilingual ('id | en').
 */
import { z } from 'zod';
import { bilingual } from '../shared/validation.ts';
import { isLocalDate, isLocalTime } from './calendar/local-date.ts';
import { AGENCY_KINDS, SERVICE_CHANNELS, CLOSURE_KINDS, DURATION_UNITS, PASARAN_NAMES, POINT_KINDS, SERVICE_LEVELS } from './schema.ts';

export const codeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, bilingual('Kode: huruf kecil, angka, titik atau tanda hubung (maks. 80)', 'Code: lower-case letters, digits, dots or dashes (max 80)'));

const text = (max: number) =>
  z.string().trim().min(1, bilingual('Wajib diisi', 'Required')).max(max, bilingual(`Paling banyak ${max} karakter`, `At most ${max} characters`));

export const bilingualSchema = (max = 2000) => z.object({ id: text(max), en: text(max) });

export const localTimeSchema = z.string().refine(isLocalTime, bilingual('Jam harus berformat JJ:MM (mis. 08:00)', 'Time must be HH:MM (e.g. 08:00)'));
export const localDateSchema = z.string().refine(isLocalDate, bilingual('Tanggal harus berformat TTTT-BB-HH', 'Date must be YYYY-MM-DD'));

const intervalSchema = z
  .object({ open: localTimeSchema, close: localTimeSchema })
  .refine((h) => h.close > h.open, { message: bilingual('Jam tutup harus setelah jam buka', 'Closing time must be after opening time'), path: ['close'] });

export const weeklyHoursSchema = z.object({
  1: intervalSchema.nullable(),
  2: intervalSchema.nullable(),
  3: intervalSchema.nullable(),
  4: intervalSchema.nullable(),
  5: intervalSchema.nullable(),
  6: intervalSchema.nullable(),
  7: intervalSchema.nullable(),
});

export const breakSchema = z
  .object({ start: localTimeSchema, end: localTimeSchema })
  .refine((b) => b.end > b.start, { message: bilingual('Akhir istirahat harus setelah awalnya', 'The break must end after it starts'), path: ['end'] });

export const marketDaysSchema = z
  .object({ pasaran: z.array(z.enum(PASARAN_NAMES)).min(1).max(5), open: localTimeSchema, close: localTimeSchema })
  .refine((m) => m.close > m.open, { message: bilingual('Jam tutup harus setelah jam buka', 'Closing time must be after opening time'), path: ['close'] });

export const requirementSchema = z.object({
  documentCode: codeSchema,
  optional: z.boolean().default(false),
  note: bilingualSchema(500).nullable().default(null),
});

/** The fourteen components of a service standard (PermenPAN-RB 15/2014); requirements are persyaratan. */
export const standardSchema = z.object({
  requirements: z
    .array(requirementSchema)
    .max(40)
    .refine((rs) => new Set(rs.map((r) => r.documentCode)).size === rs.length, bilingual('Dokumen persyaratan tidak boleh berulang', 'A document may be required only once')),
  procedure: z.array(bilingualSchema(1000)).min(1, bilingual('Paling sedikit satu langkah prosedur', 'At least one procedure step')).max(30),
  duration: z.object({
    value: z.number().int().min(0, bilingual('Tidak boleh negatif', 'Must not be negative')).max(3650),
    unit: z.enum(DURATION_UNITS),
  }),
  fee: z.object({
    amount: z.number().int().min(0, bilingual('Biaya tidak boleh negatif', 'The fee must not be negative')).max(1_000_000_000_000),
    variable: z.boolean().default(false),
    legalBasis: z.string().trim().max(500).nullable().default(null),
    note: bilingualSchema(1000).nullable().default(null),
  }),
  product: bilingualSchema(500),
  complaintHandling: bilingualSchema(),
  legalBasis: z.array(text(500)).min(1, bilingual('Paling sedikit satu dasar hukum', 'At least one legal basis')).max(30),
  facilities: bilingualSchema(),
  staffCompetence: bilingualSchema(),
  internalSupervision: bilingualSchema(),
  staffCount: z.number().int().min(1, bilingual('Paling sedikit satu pelaksana', 'At least one officer')).max(1000),
  serviceGuarantee: bilingualSchema(),
  securityGuarantee: bilingualSchema(),
  performanceEvaluation: bilingualSchema(),
});
export type StandardInput = z.infer<typeof standardSchema>;

export const serviceFieldsSchema = z.object({
  agencyCode: codeSchema,
  name: bilingualSchema(200),
  summary: bilingualSchema(1000),
  level: z.enum(SERVICE_LEVELS),
  channels: z.array(z.enum(SERVICE_CHANNELS)).min(1, bilingual('Paling sedikit satu kanal', 'At least one channel')),
  lifeEvents: z.array(codeSchema).max(13).default([]),
  keywords: z.array(z.string().trim().toLowerCase().min(1).max(80)).max(40).default([]),
  active: z.boolean().default(true),
});
export type ServiceFields = z.infer<typeof serviceFieldsSchema>;

export const createServiceSchema = serviceFieldsSchema.extend({ code: codeSchema, standard: standardSchema });
export type CreateServiceInput = z.infer<typeof createServiceSchema>;

export const updateServiceSchema = serviceFieldsSchema.partial();
export type UpdateServiceInput = z.infer<typeof updateServiceSchema>;

export const publishStandardSchema = z.object({
  /** The version the editor started from: a newer current version means someone else published meanwhile (409). */
  expectedVersion: z.number().int().min(1),
  changeNote: z.string().trim().min(3, bilingual('Jelaskan perubahan (min. 3 karakter)', 'Describe the change (min 3 characters)')).max(500),
  standard: standardSchema,
});

export const agencyFieldsSchema = z.object({
  shortName: text(80),
  name: bilingualSchema(200),
  kind: z.enum(AGENCY_KINDS),
  phone: z.string().trim().regex(/^\+?[0-9 -]{3,20}$/, bilingual('Nomor telepon tidak valid', 'Invalid phone number')).nullable().default(null),
  complaintChannel: bilingualSchema(500),
  active: z.boolean().default(true),
});
export const createAgencySchema = agencyFieldsSchema.extend({ code: codeSchema });
export const updateAgencySchema = agencyFieldsSchema.partial();
export type CreateAgencyInput = z.infer<typeof createAgencySchema>;
export type UpdateAgencyInput = z.infer<typeof updateAgencySchema>;

export const pointFieldsSchema = z.object({
  name: bilingualSchema(200),
  kind: z.enum(POINT_KINDS),
  address: text(500),
  regionCode: z.string().regex(/^\d{2}(\.\d{2}){1,2}(\.\d{4})?$/, bilingual('Kode wilayah tidak valid', 'Invalid region code')).nullable().default(null),
  weeklyHours: weeklyHoursSchema,
  fridayBreak: breakSchema.nullable().default(null),
  marketDays: marketDaysSchema.nullable().default(null),
  active: z.boolean().default(true),
});
export const createPointSchema = pointFieldsSchema.extend({ code: codeSchema, serviceCodes: z.array(codeSchema).max(1000).default([]) });
export const updatePointSchema = pointFieldsSchema.partial().extend({ serviceCodes: z.array(codeSchema).max(1000).optional() });
export type CreatePointInput = z.infer<typeof createPointSchema>;
export type UpdatePointInput = z.infer<typeof updatePointSchema>;

export const counterCodeSchema = z.string().trim().regex(/^[A-Z]{1,2}[0-9]?$/, bilingual('Kode loket: 1–2 huruf besar, boleh diikuti satu angka (A, B2, AA)', 'Counter code: 1–2 capital letters, optionally one digit (A, B2, AA)'));
export const counterFieldsSchema = z.object({
  name: bilingualSchema(200),
  agencyCode: codeSchema.nullable().default(null),
  serviceCodes: z.array(codeSchema).max(500).default([]),
  active: z.boolean().default(true),
});
export const createCounterSchema = counterFieldsSchema.extend({ code: counterCodeSchema });
export const updateCounterSchema = counterFieldsSchema.partial();
export type CreateCounterInput = z.infer<typeof createCounterSchema>;
export type UpdateCounterInput = z.infer<typeof updateCounterSchema>;

export const closureSchema = z.object({ date: localDateSchema, kind: z.enum(CLOSURE_KINDS), name: bilingualSchema(200) });
export type ClosureInput = z.infer<typeof closureSchema>;

export const specialDaySchema = z
  .object({
    closed: z.boolean(),
    open: localTimeSchema.nullable().default(null),
    close: localTimeSchema.nullable().default(null),
    note: bilingualSchema(300),
  })
  .superRefine((d, ctx) => {
    if (d.closed) return;
    if (!d.open) ctx.addIssue({ code: 'custom', path: ['open'], message: bilingual('Isi jam buka, atau tandai tutup', 'Give the opening time, or mark the day closed') });
    if (!d.close) ctx.addIssue({ code: 'custom', path: ['close'], message: bilingual('Isi jam tutup, atau tandai tutup', 'Give the closing time, or mark the day closed') });
    if (d.open && d.close && d.close <= d.open) ctx.addIssue({ code: 'custom', path: ['close'], message: bilingual('Jam tutup harus setelah jam buka', 'Closing time must be after opening time') });
  });
export type SpecialDayInput = z.infer<typeof specialDaySchema>;

export const documentTypeSchema = z.object({ code: codeSchema, name: bilingualSchema(200), description: bilingualSchema(1000).nullable().default(null) });
export type DocumentTypeInput = z.infer<typeof documentTypeSchema>;
