/**
 * SAKINA's shapes at the edge: zod schemas that validate request bodies and give the service its
 * input types and the OpenAPI document. Messages are bilingual ('id | en'). Checks that need the
 * region list, the clock or the record (NIK, phones, HPHT, the KSPR card) happen in the service.
 */
import { z } from 'zod';
import { isLocalDate, isLocalTime } from '../catalogue/calendar/local-date.ts';
import { bilingual } from '../shared/validation.ts';
import { KSPR_FACTOR_CODES } from './kspr.ts';
import { ATTENDANTS, BIRTH_PLACES, CONTRACEPTIONS, FUNDINGS, TRANSPORTS } from './p4k.ts';
import { BABY_STATUSES, DELIVERY_ATTENDANTS, DELIVERY_MODES, DELIVERY_PLACES, ESCORT_REASONS } from './schema.ts';

const text = (max: number) => z.string().trim().min(1, bilingual('Wajib diisi', 'Required')).max(max, bilingual(`Paling banyak ${max} karakter`, `At most ${max} characters`));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, bilingual(`Paling banyak ${max} karakter`, `At most ${max} characters`))
    .nullish()
    .transform((v) => (v ? v : null));
export const localDate = z.string().refine(isLocalDate, bilingual('Tanggal harus berformat TTTT-BB-HH', 'Date must be YYYY-MM-DD'));
const optionalDate = localDate.nullish().transform((v) => v ?? null);
const count = (max: number) => z.number().int(bilingual('Harus bilangan bulat', 'Must be a whole number')).min(0, bilingual('Tidak boleh negatif', 'Must not be negative')).max(max);
const clientId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, bilingual('ID klien: 8–64 huruf, angka, - atau _', 'Client id: 8–64 letters, digits, - or _'))
  .nullish()
  .describe('Idempotency key from the device: sending the same one twice records once');
const rtRw = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, bilingual('RT/RW berupa angka (mis. 002)', 'RT/RW is a number (e.g. 002)'))
  .nullish()
  .transform((v) => (v ? v.padStart(3, '0') : null));

const identityFields = {
  name: text(120),
  villageId: z.uuid(bilingual('Pilih desa', 'Choose the village')),
  dusun: optionalText(80),
  rt: rtRw,
  rw: rtRw,
  address: optionalText(300),
  phone: optionalText(30),
  familyName: optionalText(120),
  familyRelation: optionalText(40),
  familyPhone: optionalText(30),
};

/** A kader's or village official's report: a name and a village are enough; the midwife completes it. */
export const reportSchema = z.object({
  clientId,
  ...identityFields,
  nik: optionalText(40),
  birthDate: optionalDate,
  hpht: optionalDate,
  note: optionalText(500),
});
export type ReportInput = z.infer<typeof reportSchema>;

const obstetricFields = {
  gravida: count(20).min(1, bilingual('Kehamilan ke- paling sedikit 1', 'Gravida is at least 1')),
  para: count(19),
  abortus: count(19),
  livingChildren: count(19).nullish().transform((v) => v ?? null),
  heightCm: z.number().int().min(100, bilingual('Tinggi badan 100–200 cm', 'Height 100–200 cm')).max(200, bilingual('Tinggi badan 100–200 cm', 'Height 100–200 cm')).nullish().transform((v) => v ?? null),
  lastBirthDate: optionalDate,
  marriageDate: optionalDate,
  previousCaesarean: z.boolean().nullish().transform((v) => v ?? null),
  bpjsNumber: optionalText(20),
};

/** A midwife's registration (or the confirmation of a report): everything the card and the schedule need. */
export const registerSchema = z.object({
  clientId,
  ...identityFields,
  nik: text(40),
  hpht: localDate,
  ...obstetricFields,
  /** Possible duplicates the midwife has looked at side by side and judged to be other women. */
  notDuplicateOf: z.array(z.uuid()).max(20).default([]),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const confirmSchema = registerSchema.omit({ clientId: true });
export type ConfirmInput = z.infer<typeof confirmSchema>;

export const updateSchema = z
  .object({
    ...identityFields,
    hpht: localDate,
    ...obstetricFields,
  })
  .partial()
  .omit({ villageId: true });
export type UpdateInput = z.infer<typeof updateSchema>;

export const mergeSchema = z.object({ into: z.uuid() });
export const withdrawSchema = z.object({ reason: text(300) });

export const visitSchema = z.object({
  clientId,
  visitDate: localDate,
  place: text(120),
  examiner: z.enum(['midwife', 'doctor']),
  examinerName: optionalText(120),
  weightKg: z.number().min(25).max(200).nullish().transform((v) => v ?? null),
  bpSystolic: z.number().int().min(50).max(260).nullish().transform((v) => v ?? null),
  bpDiastolic: z.number().int().min(30).max(180).nullish().transform((v) => v ?? null),
  hb: z.number().min(3).max(20).nullish().transform((v) => v ?? null),
  fundalHeightCm: z.number().int().min(5).max(50).nullish().transform((v) => v ?? null),
  fetalHeartRate: z.number().int().min(60).max(220).nullish().transform((v) => v ?? null),
  findings: optionalText(1000),
  /** The KSPR factors found at this visit (those found before stay counted without ticking them again). */
  factors: z.array(z.enum(KSPR_FACTOR_CODES as [string, ...string[]])).max(KSPR_FACTOR_CODES.length).default([]),
});
export type VisitInput = z.infer<typeof visitSchema>;

export const retractFactorSchema = z.object({
  factor: z.enum(KSPR_FACTOR_CODES as [string, ...string[]], bilingual('Faktor KSPR tidak dikenal', 'Unknown KSPR factor')),
  reason: z.string().trim().min(3, bilingual('Tuliskan alasannya (paling sedikit 3 karakter)', 'Give the reason (at least 3 characters)')).max(300, bilingual('Paling banyak 300 karakter', 'At most 300 characters')),
});
export type RetractFactorInput = z.infer<typeof retractFactorSchema>;

export const birthPlanSchema = z.object({
  attendant: z.enum(ATTENDANTS),
  attendantName: optionalText(120),
  place: z.enum(BIRTH_PLACES),
  placeName: z.string().trim().max(160),
  companionName: z.string().trim().max(120),
  companionRelation: optionalText(40),
  transport: z.enum(TRANSPORTS),
  transportDetail: optionalText(160),
  transportPhone: optionalText(30),
  donors: z.array(z.object({ name: z.string().trim().max(120), bloodType: z.string().trim().max(12), phone: z.string().trim().max(30), relation: optionalText(40) })).max(12),
  funding: z.array(z.enum(FUNDINGS)).max(4),
  bpjsNumber: optionalText(20),
  contraception: z.enum(CONTRACEPTIONS),
  motherBloodType: optionalText(12),
});
export type BirthPlanInput = z.infer<typeof birthPlanSchema>;

export const teamSchema = z.object({
  midwife: z.uuid().nullish(),
  villageOfficial: z.uuid().nullish(),
  police: z.uuid().nullish(),
  policeBackup: z.uuid().nullish(),
});
export type TeamInput = z.infer<typeof teamSchema>;

export const escortRequestSchema = z.object({
  clientId,
  reason: z.enum(ESCORT_REASONS),
  destination: optionalText(160).describe('Where to; defaults to the birth plan\'s place'),
  note: optionalText(300),
});
export type EscortRequestInput = z.infer<typeof escortRequestSchema>;

export const ESCORT_STEPS = ['accept', 'depart', 'arrive'] as const;
export type EscortStep = (typeof ESCORT_STEPS)[number];

export const taskDoneSchema = z.object({ note: optionalText(500) });

const babySchema = z.object({
  sex: z.enum(['F', 'M']),
  weightGrams: z.number().int().min(300).max(7000).nullish().transform((v) => v ?? null),
  lengthCm: z.number().min(20).max(70).nullish().transform((v) => v ?? null),
  status: z.enum(BABY_STATUSES),
  diedOn: optionalDate,
  name: optionalText(120),
});

export const outcomeSchema = z.object({
  kind: z.enum(['birth', 'loss']),
  deliveryDate: localDate,
  deliveryTime: z.string().refine(isLocalTime, bilingual('Jam berformat JJ:MM', 'Time is HH:MM')).nullish().transform((v) => (v === '24:00' ? null : (v ?? null))),
  placeKind: z.enum(DELIVERY_PLACES),
  placeName: optionalText(160),
  attendant: z.enum(DELIVERY_ATTENDANTS),
  attendantName: optionalText(120),
  mode: z.enum(DELIVERY_MODES).nullish().transform((v) => v ?? null),
  motherStatus: z.enum(['alive', 'died']),
  motherDiedOn: optionalDate,
  babies: z.array(babySchema).max(6).default([]),
  note: optionalText(500),
});
export type OutcomeInput = z.infer<typeof outcomeSchema>;

export const postpartumSchema = z.object({
  clientId,
  visitDate: localDate,
  motherCondition: z.enum(['well', 'complication', 'referred', 'died']),
  babyCondition: z.enum(['well', 'sick', 'referred', 'died']).nullish().transform((v) => v ?? null),
  babySeq: z.number().int().min(1).max(6).default(1),
  bpSystolic: z.number().int().min(50).max(260).nullish().transform((v) => v ?? null),
  bpDiastolic: z.number().int().min(30).max(180).nullish().transform((v) => v ?? null),
  contraception: z.enum(CONTRACEPTIONS).nullish().transform((v) => v ?? null),
  notes: optionalText(1000),
});
export type PostpartumInput = z.infer<typeof postpartumSchema>;

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual('Bulan berformat TTTT-BB', 'Month is YYYY-MM'));

export const targetsSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  targets: z.array(z.object({ villageId: z.uuid(), pregnantWomen: count(100000) })).min(1).max(100),
});
