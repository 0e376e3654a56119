import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { places, tenants, users } from '../identity/schema.ts';

/*
 * SAKINA: the register of pregnant women a puskesmas, its villages and the police share.
 * Tenant tables: regency_code leads every primary key and every foreign key (Citus co-location).
 * Dates of the pregnancy (HPHT, HPL, visits, delivery) are WIB calendar days (`date`); moments
 * (an escort accepted) are instants (`timestamptz`).
 */

export const PREGNANCY_STATUSES = ['reported', 'active', 'delivered', 'closed', 'merged', 'withdrawn'] as const;
export type PregnancyStatus = (typeof PREGNANCY_STATUSES)[number];
export const REPORTED_VIA = ['community', 'health_worker'] as const;
export type ReportedVia = (typeof REPORTED_VIA)[number];
export const DUTIES = ['midwife', 'village_official', 'police', 'police_backup'] as const;
export type Duty = (typeof DUTIES)[number];
export const TASK_KINDS = ['home_visit', 'missed_visit_follow_up', 'escort'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const ESCORT_REASONS = ['labour', 'referral', 'emergency'] as const;
export type EscortReason = (typeof ESCORT_REASONS)[number];
export const ESCORT_STATUSES = ['requested', 'accepted', 'on_the_way', 'arrived', 'cancelled'] as const;
export type EscortStatus = (typeof ESCORT_STATUSES)[number];
export const ALERT_KINDS = ['risk_found', 'danger_sign', 'emergency', 'due_soon', 'missed_visit', 'escort_requested', 'escort_not_accepted'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const OUTCOME_KINDS = ['birth', 'loss'] as const;
export const DELIVERY_PLACES = ['hospital', 'puskesmas', 'clinic', 'midwife_practice', 'poskesdes', 'home', 'on_the_way'] as const;
export type DeliveryPlace = (typeof DELIVERY_PLACES)[number];
/** Health facilities (fasilitas pelayanan kesehatan) in the PWS-KIA sense; a village post and a home are not. */
export const FACILITY_PLACES: readonly DeliveryPlace[] = ['hospital', 'puskesmas', 'clinic', 'midwife_practice'];
export const DELIVERY_ATTENDANTS = ['obstetrician', 'doctor', 'midwife', 'nurse', 'traditional', 'family', 'none'] as const;
export const DELIVERY_MODES = ['spontaneous', 'vacuum', 'forceps', 'caesarean'] as const;
export const BABY_STATUSES = ['alive', 'stillborn', 'died'] as const;

const inList = (column: string, values: readonly string[]) => sql.raw(`"${column}" in (${values.map((v) => `'${v}'`).join(', ')})`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: 'string' });

/** Which villages a puskesmas serves (its wilayah kerja); a village belongs to one puskesmas. */
export const puskesmasVillages = pgTable(
  'puskesmas_villages',
  {
    regencyCode: text('regency_code').notNull().references(() => tenants.regencyCode),
    villageId: uuid('village_id').notNull(),
    puskesmasId: uuid('puskesmas_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.villageId] }),
    foreignKey({ columns: [t.regencyCode, t.villageId], foreignColumns: [places.regencyCode, places.id] }),
    foreignKey({ columns: [t.regencyCode, t.puskesmasId], foreignColumns: [places.regencyCode, places.id] }),
    index('puskesmas_villages_pkm_idx').on(t.regencyCode, t.puskesmasId),
  ],
);

/** One pregnancy of one woman: reported by the community or registered by a midwife. */
export const pregnancies = pgTable(
  'sakina_pregnancies',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    status: text('status').$type<PregnancyStatus>().notNull(),
    nik: text('nik'),
    name: text('name').notNull(),
    birthDate: day('birth_date'),
    villageId: uuid('village_id').notNull(),
    puskesmasId: uuid('puskesmas_id').notNull(),
    dusun: text('dusun'),
    rt: text('rt'),
    rw: text('rw'),
    address: text('address'),
    phone: text('phone'),
    hpht: day('hpht'),
    hpl: day('hpl'),
    gravida: integer('gravida'),
    para: integer('para'),
    abortus: integer('abortus'),
    livingChildren: integer('living_children'),
    heightCm: integer('height_cm'),
    lastBirthDate: day('last_birth_date'),
    marriageDate: day('marriage_date'),
    previousCaesarean: boolean('previous_caesarean'),
    familyName: text('family_name'),
    familyRelation: text('family_relation'),
    familyPhone: text('family_phone'),
    bpjsNumber: text('bpjs_number'),
    reportedVia: text('reported_via').$type<ReportedVia>().notNull(),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    reportNote: text('report_note'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    mergedInto: uuid('merged_into'),
    /** The card so far: every factor found (they stay), its score and category; null before any screening. */
    factors: text('factors').array().notNull().default(sql`'{}'::text[]`),
    score: integer('score'),
    category: text('category').$type<'KRR' | 'KRT' | 'KRST'>(),
    emergency: boolean('emergency').notNull().default(false),
    /** The day the pregnancy was first found high-risk (KRT or KRST), for the PWS-KIA "deteksi risti". */
    riskFoundOn: day('risk_found_on'),
    deliveredOn: day('delivered_on'),
    /** Idempotency key from the client (a kader's phone may send the same report twice). */
    clientId: text('client_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    foreignKey({ columns: [t.regencyCode, t.villageId], foreignColumns: [places.regencyCode, places.id] }),
    foreignKey({ columns: [t.regencyCode, t.puskesmasId], foreignColumns: [places.regencyCode, places.id] }),
    foreignKey({ columns: [t.regencyCode, t.reportedBy], foreignColumns: [users.regencyCode, users.id] }),
    foreignKey({ columns: [t.regencyCode, t.confirmedBy], foreignColumns: [users.regencyCode, users.id] }),
    foreignKey({ columns: [t.regencyCode, t.mergedInto], foreignColumns: [t.regencyCode, t.id] }),
    // One open pregnancy per woman: a second registration of the same NIK is a duplicate.
    uniqueIndex('sakina_pregnancies_open_nik_uq').on(t.regencyCode, t.nik).where(sql`status = 'active'`),
    uniqueIndex('sakina_pregnancies_client_uq').on(t.regencyCode, t.clientId),
    index('sakina_pregnancies_village_idx').on(t.regencyCode, t.villageId, t.status),
    index('sakina_pregnancies_pkm_idx').on(t.regencyCode, t.puskesmasId, t.status),
    index('sakina_pregnancies_name_idx').on(t.regencyCode, t.birthDate, t.villageId),
    check('sakina_pregnancies_status_check', inList('status', PREGNANCY_STATUSES)),
    check('sakina_pregnancies_via_check', inList('reported_via', REPORTED_VIA)),
    check('sakina_pregnancies_category_check', sql`category is null or category in ('KRR', 'KRT', 'KRST')`),
    check('sakina_pregnancies_nik_check', sql`nik is null or nik ~ '^[0-9]{16}$'`),
    // A confirmed pregnancy has what the card and the schedule need.
    check('sakina_pregnancies_confirmed_check', sql`status in ('reported', 'merged', 'withdrawn') or (nik is not null and birth_date is not null and hpht is not null and hpl is not null and confirmed_at is not null)`),
    check('sakina_pregnancies_hpl_check', sql`hpl is null or hpl = hpht + 280`),
    check('sakina_pregnancies_merged_check', sql`(status = 'merged') = (merged_into is not null)`),
    check('sakina_pregnancies_obstetric_check', sql`(gravida is null or gravida between 1 and 20) and (para is null or para between 0 and 19) and (abortus is null or abortus between 0 and 19) and (height_cm is null or height_cm between 100 and 200)`),
    check('sakina_pregnancies_score_check', sql`(score is null) = (category is null) and (score is null or (score >= 2 and score % 2 = 0))`),
  ],
);

/** An antenatal visit, with the KSPR screening made at it (its column on the card). */
export const visits = pgTable(
  'sakina_visits',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pregnancyId: uuid('pregnancy_id').notNull(),
    visitDate: day('visit_date').notNull(),
    gaDays: integer('ga_days').notNull(),
    ksprColumn: text('kspr_column').notNull(),
    place: text('place').notNull(),
    examiner: text('examiner').$type<'midwife' | 'doctor'>().notNull(),
    examinerName: text('examiner_name'),
    weightKg: numeric('weight_kg', { precision: 5, scale: 1, mode: 'number' }),
    bpSystolic: integer('bp_systolic'),
    bpDiastolic: integer('bp_diastolic'),
    hb: numeric('hb', { precision: 4, scale: 1, mode: 'number' }),
    fundalHeightCm: integer('fundal_height_cm'),
    fetalHeartRate: integer('fetal_heart_rate'),
    findings: text('findings'),
    /** Ticked at this visit. */
    factorsFound: text('factors_found').array().notNull(),
    /** Everything counted after this visit (found so far), its score and category. */
    factorsTotal: text('factors_total').array().notNull(),
    score: integer('score').notNull(),
    category: text('category').notNull(),
    emergency: boolean('emergency').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    clientId: text('client_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    foreignKey({ columns: [t.regencyCode, t.pregnancyId], foreignColumns: [pregnancies.regencyCode, pregnancies.id] }),
    foreignKey({ columns: [t.regencyCode, t.recordedBy], foreignColumns: [users.regencyCode, users.id] }),
    index('sakina_visits_pregnancy_idx').on(t.regencyCode, t.pregnancyId, t.visitDate),
    uniqueIndex('sakina_visits_client_uq').on(t.regencyCode, t.clientId),
    check('sakina_visits_examiner_check', sql`examiner in ('midwife', 'doctor')`),
    check('sakina_visits_column_check', sql`kspr_column in ('I', 'II', 'III.1', 'III.2')`),
    check('sakina_visits_category_check', sql`category in ('KRR', 'KRT', 'KRST')`),
    check('sakina_visits_ga_check', sql`ga_days between 0 and 320`),
    check(
      'sakina_visits_vitals_check',
      sql`(weight_kg is null or weight_kg between 25 and 200) and (bp_systolic is null or bp_systolic between 50 and 260) and (bp_diastolic is null or bp_diastolic between 30 and 180) and (hb is null or hb between 3 and 20) and (fetal_heart_rate is null or fetal_heart_rate between 60 and 220)`,
    ),
  ],
);

/** The P4K birth plan, one per pregnancy, replaced as the family decides. */
export const birthPlans = pgTable(
  'sakina_birth_plans',
  {
    regencyCode: text('regency_code').notNull(),
    pregnancyId: uuid('pregnancy_id').notNull(),
    attendant: text('attendant').notNull(),
    attendantName: text('attendant_name'),
    place: text('place').notNull(),
    placeName: text('place_name').notNull(),
    companionName: text('companion_name').notNull(),
    companionRelation: text('companion_relation'),
    transport: text('transport').notNull(),
    transportDetail: text('transport_detail'),
    transportPhone: text('transport_phone'),
    donors: jsonb('donors').$type<{ name: string; bloodType: string; phone: string; relation: string | null }[]>().notNull(),
    funding: text('funding').array().notNull(),
    bpjsNumber: text('bpjs_number'),
    contraception: text('contraception').notNull(),
    motherBloodType: text('mother_blood_type'),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.pregnancyId] }),
    foreignKey({ columns: [t.regencyCode, t.pregnancyId], foreignColumns: [pregnancies.regencyCode, pregnancies.id] }),
    foreignKey({ columns: [t.regencyCode, t.updatedBy], foreignColumns: [users.regencyCode, users.id] }),
    check('sakina_birth_plans_donors_check', sql`jsonb_typeof(donors) = 'array' and jsonb_array_length(donors) >= 4`),
    check('sakina_birth_plans_funding_check', sql`cardinality(funding) >= 1`),
  ],
);

/** The laskar: who watches over a high-risk woman, by duty. */
export const teamMembers = pgTable(
  'sakina_team_members',
  {
    regencyCode: text('regency_code').notNull(),
    pregnancyId: uuid('pregnancy_id').notNull(),
    duty: text('duty').$type<Duty>().notNull(),
    userId: uuid('user_id').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.pregnancyId, t.duty] }),
    foreignKey({ columns: [t.regencyCode, t.pregnancyId], foreignColumns: [pregnancies.regencyCode, pregnancies.id] }),
    foreignKey({ columns: [t.regencyCode, t.userId], foreignColumns: [users.regencyCode, users.id] }),
    index('sakina_team_user_idx').on(t.regencyCode, t.userId),
    check('sakina_team_duty_check', inList('duty', DUTIES)),
  ],
);

/** An escort to a facility: requested → accepted → on the way → arrived (or cancelled), each step timestamped. */
export const escorts = pgTable(
  'sakina_escorts',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pregnancyId: uuid('pregnancy_id').notNull(),
    reason: text('reason').$type<EscortReason>().notNull(),
    destination: text('destination').notNull(),
    note: text('note'),
    status: text('status').$type<EscortStatus>().notNull().default('requested'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    acceptedBy: uuid('accepted_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    onTheWayAt: timestamp('on_the_way_at', { withTimezone: true }),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by'),
    cancelReason: text('cancel_reason'),
    /** When nobody had accepted 10 minutes after the request, the backup and the puskesmas were alerted. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    clientId: text('client_id'),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    foreignKey({ columns: [t.regencyCode, t.pregnancyId], foreignColumns: [pregnancies.regencyCode, pregnancies.id] }),
    foreignKey({ columns: [t.regencyCode, t.requestedBy], foreignColumns: [users.regencyCode, users.id] }),
    foreignKey({ columns: [t.regencyCode, t.acceptedBy], foreignColumns: [users.regencyCode, users.id] }),
    // One escort at a time per woman.
    uniqueIndex('sakina_escorts_open_uq').on(t.regencyCode, t.pregnancyId).where(sql`status in ('requested', 'accepted', 'on_the_way')`),
    uniqueIndex('sakina_escorts_client_uq').on(t.regencyCode, t.clientId),
    index('sakina_escorts_waiting_idx').on(t.status, t.requestedAt),
    check('sakina_escorts_status_check', inList('status', ESCORT_STATUSES)),
    check('sakina_escorts_reason_check', inList('reason', ESCORT_REASONS)),
    check(
      'sakina_escorts_steps_check',
      sql`(status not in ('accepted', 'on_the_way', 'arrived') or (accepted_at is not null and accepted_by is not null)) and (status not in ('on_the_way', 'arrived') or on_the_way_at is not null) and (status <> 'arrived' or arrived_at is not null) and (status <> 'cancelled' or cancelled_at is not null)`,
    ),
  ],
);

/** A duty for one member of the laskar: a home visit, a missed-visit follow-up, an escort. */
export const tasks = pgTable(
  'sakina_tasks',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pregnancyId: uuid('pregnancy_id').notNull(),
    kind: text('kind').$type<TaskKind>().notNull(),
    duty: text('duty').$type<Duty>().notNull(),
    assigneeId: uuid('assignee_id'),
    escortId: uuid('escort_id'),
    dueOn: day('due_on').notNull(),
    status: text('status').$type<TaskStatus>().notNull().default('open'),
    reason: text('reason').notNull(),
    /** The event that made the task (one task per event): `home_visit:risk:<id>`, `missed:<id>:<day>` … */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    resultNote: text('result_note'),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    foreignKey({ columns: [t.regencyCode, t.pregnancyId], foreignColumns: [pregnancies.regencyCode, pregnancies.id] }),
    foreignKey({ columns: [t.regencyCode, t.assigneeId], foreignColumns: [users.regencyCode, users.id] }),
    foreignKey({ columns: [t.regencyCode, t.escortId], foreignColumns: [escorts.regencyCode, escorts.id] }),
    uniqueIndex('sakina_tasks_dedupe_uq').on(t.regencyCode, t.dedupeKey),
    index('sakina_tasks_pregnancy_idx').on(t.regencyCode, t.pregnancyId, t.status),
    check('sakina_tasks_kind_check', inList('kind', TASK_KINDS)),
    check('sakina_tasks_duty_check', inList('duty', DUTIES)),
    check('sakina_tasks_status_check', inList('status', TASK_STATUSES)),
    check('sakina_tasks_done_check', sql`(status = 'open') = (done_at is null)`),
  ],
);

/** Something the laskar must know now; each also goes out through the notification outbox. */
export const alerts = pgTable(
  'sakina_alerts',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pregnancyId: uuid('pregnancy_id').notNull(),
    kind: text('kind').$type<AlertKind>().notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    details: jsonb('details').$type<Record<string, string | number | string[] | null>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    foreignKey({ columns: [t.regencyCode, t.pregnancyId], foreignColumns: [pregnancies.regencyCode, pregnancies.id] }),
    uniqueIndex('sakina_alerts_dedupe_uq').on(t.regencyCode, t.dedupeKey),
    index('sakina_alerts_pregnancy_idx').on(t.regencyCode, t.pregnancyId, t.createdAt),
    check('sakina_alerts_kind_check', inList('kind', ALERT_KINDS)),
  ],
);

/** How the pregnancy ended: a birth (with its babies) or a loss. */
export const outcomes = pgTable(
  'sakina_outcomes',
  {
    regencyCode: text('regency_code').notNull(),
    pregnancyId: uuid('pregnancy_id').notNull(),
    kind: text('kind').$type<'birth' | 'loss'>().notNull(),
    deliveryDate: day('delivery_date').notNull(),
    deliveryTime: text('delivery_time'),
    gaDays: integer('ga_days'),
    placeKind: text('place_kind').$type<DeliveryPlace>().notNull(),
    placeName: text('place_name'),
    attendant: text('attendant').notNull(),
    attendantName: text('attendant_name'),
    mode: text('mode'),
    motherStatus: text('mother_status').$type<'alive' | 'died'>().notNull(),
    motherDiedOn: day('mother_died_on'),
    note: text('note'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.pregnancyId] }),
    foreignKey({ columns: [t.regencyCode, t.pregnancyId], foreignColumns: [pregnancies.regencyCode, pregnancies.id] }),
    foreignKey({ columns: [t.regencyCode, t.recordedBy], foreignColumns: [users.regencyCode, users.id] }),
    check('sakina_outcomes_kind_check', inList('kind', OUTCOME_KINDS)),
    check('sakina_outcomes_place_check', inList('place_kind', DELIVERY_PLACES)),
    check('sakina_outcomes_attendant_check', inList('attendant', DELIVERY_ATTENDANTS)),
    check('sakina_outcomes_mode_check', sql`(kind = 'loss' and mode is null) or (kind = 'birth' and mode in ('spontaneous', 'vacuum', 'forceps', 'caesarean'))`),
    check('sakina_outcomes_mother_check', sql`(mother_status = 'died') = (mother_died_on is not null) and mother_status in ('alive', 'died')`),
    check('sakina_outcomes_time_check', sql`delivery_time is null or delivery_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

export const babies = pgTable(
  'sakina_babies',
  {
    regencyCode: text('regency_code').notNull(),
    pregnancyId: uuid('pregnancy_id').notNull(),
    seq: integer('seq').notNull(),
    sex: text('sex').$type<'F' | 'M'>().notNull(),
    weightGrams: integer('weight_grams'),
    lengthCm: numeric('length_cm', { precision: 4, scale: 1, mode: 'number' }),
    status: text('status').$type<'alive' | 'stillborn' | 'died'>().notNull(),
    diedOn: day('died_on'),
    name: text('name'),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.pregnancyId, t.seq] }),
    foreignKey({ columns: [t.regencyCode, t.pregnancyId], foreignColumns: [outcomes.regencyCode, outcomes.pregnancyId] }),
    check('sakina_babies_sex_check', sql`sex in ('F', 'M')`),
    check('sakina_babies_status_check', inList('status', BABY_STATUSES)),
    check('sakina_babies_died_check', sql`(status = 'died') = (died_on is not null)`),
    check('sakina_babies_weight_check', sql`weight_grams is null or weight_grams between 300 and 7000`),
    check('sakina_babies_seq_check', sql`seq between 1 and 6`),
  ],
);

/** A postpartum (nifas) visit up to 42 days after delivery: KF1–KF4. */
export const postpartumVisits = pgTable(
  'sakina_postpartum_visits',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pregnancyId: uuid('pregnancy_id').notNull(),
    visitDate: day('visit_date').notNull(),
    kf: text('kf').notNull(),
    motherCondition: text('mother_condition').notNull(),
    babyCondition: text('baby_condition'),
    bpSystolic: integer('bp_systolic'),
    bpDiastolic: integer('bp_diastolic'),
    contraception: text('contraception'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').notNull(),
    clientId: text('client_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    foreignKey({ columns: [t.regencyCode, t.pregnancyId], foreignColumns: [outcomes.regencyCode, outcomes.pregnancyId] }),
    foreignKey({ columns: [t.regencyCode, t.recordedBy], foreignColumns: [users.regencyCode, users.id] }),
    uniqueIndex('sakina_postpartum_client_uq').on(t.regencyCode, t.clientId),
    index('sakina_postpartum_pregnancy_idx').on(t.regencyCode, t.pregnancyId, t.visitDate),
    check('sakina_postpartum_kf_check', sql`kf in ('KF1', 'KF2', 'KF3', 'KF4')`),
    check('sakina_postpartum_mother_check', sql`mother_condition in ('well', 'complication', 'referred', 'died')`),
    check('sakina_postpartum_baby_check', sql`baby_condition is null or baby_condition in ('well', 'sick', 'referred', 'died')`),
  ],
);

/** The yearly target (sasaran ibu hamil) per village, the PWS-KIA denominator. */
export const targets = pgTable(
  'sakina_targets',
  {
    regencyCode: text('regency_code').notNull(),
    year: integer('year').notNull(),
    villageId: uuid('village_id').notNull(),
    pregnantWomen: integer('pregnant_women').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.year, t.villageId] }),
    foreignKey({ columns: [t.regencyCode, t.villageId], foreignColumns: [places.regencyCode, places.id] }),
    check('sakina_targets_check', sql`pregnant_women >= 0 and year between 2000 and 2100`),
  ],
);

/**
 * A KSPR factor withdrawn as a mistaken entry (midwife, with a reason): it stops counting for the
 * screenings recorded before the retraction; a later visit that finds it again counts it again.
 * The visits keep what was ticked, so the card's history shows the factor struck through.
 */
export const factorRetractions = pgTable(
  'sakina_factor_retractions',
  {
    regencyCode: text('regency_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    pregnancyId: uuid('pregnancy_id').notNull(),
    factor: text('factor').notNull(),
    reason: text('reason').notNull(),
    retractedBy: uuid('retracted_by').notNull(),
    retractedAt: timestamp('retracted_at', { withTimezone: true }).notNull(),
    scoreBefore: integer('score_before').notNull(),
    scoreAfter: integer('score_after').notNull(),
    categoryBefore: text('category_before').notNull(),
    categoryAfter: text('category_after').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.id] }),
    foreignKey({ columns: [t.regencyCode, t.pregnancyId], foreignColumns: [pregnancies.regencyCode, pregnancies.id] }),
    foreignKey({ columns: [t.regencyCode, t.retractedBy], foreignColumns: [users.regencyCode, users.id] }),
    index('sakina_factor_retractions_pregnancy_idx').on(t.regencyCode, t.pregnancyId, t.retractedAt),
    check('sakina_factor_retractions_reason_check', sql`length(btrim(reason)) >= 3`),
  ],
);

/** Who has read which alert: read state is per person (a team shares the alert, not the reading). */
export const alertReads = pgTable(
  'sakina_alert_reads',
  {
    regencyCode: text('regency_code').notNull(),
    alertId: uuid('alert_id').notNull(),
    userId: uuid('user_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regencyCode, t.userId, t.alertId] }),
    foreignKey({ columns: [t.regencyCode, t.alertId], foreignColumns: [alerts.regencyCode, alerts.id] }),
    foreignKey({ columns: [t.regencyCode, t.userId], foreignColumns: [users.regencyCode, users.id] }),
  ],
);
