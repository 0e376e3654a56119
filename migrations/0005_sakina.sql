CREATE TABLE "sakina_alerts" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pregnancy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sakina_alerts_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "sakina_alerts_kind_check" CHECK ("kind" in ('risk_found', 'danger_sign', 'emergency', 'due_soon', 'missed_visit', 'escort_requested', 'escort_not_accepted'))
);
--> statement-breakpoint
CREATE TABLE "sakina_babies" (
	"regency_code" text NOT NULL,
	"pregnancy_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sex" text NOT NULL,
	"weight_grams" integer,
	"length_cm" numeric(4, 1),
	"status" text NOT NULL,
	"died_on" date,
	"name" text,
	CONSTRAINT "sakina_babies_regency_code_pregnancy_id_seq_pk" PRIMARY KEY("regency_code","pregnancy_id","seq"),
	CONSTRAINT "sakina_babies_sex_check" CHECK (sex in ('F', 'M')),
	CONSTRAINT "sakina_babies_status_check" CHECK ("status" in ('alive', 'stillborn', 'died')),
	CONSTRAINT "sakina_babies_died_check" CHECK ((status = 'died') = (died_on is not null)),
	CONSTRAINT "sakina_babies_weight_check" CHECK (weight_grams is null or weight_grams between 300 and 7000),
	CONSTRAINT "sakina_babies_seq_check" CHECK (seq between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "sakina_birth_plans" (
	"regency_code" text NOT NULL,
	"pregnancy_id" uuid NOT NULL,
	"attendant" text NOT NULL,
	"attendant_name" text,
	"place" text NOT NULL,
	"place_name" text NOT NULL,
	"companion_name" text NOT NULL,
	"companion_relation" text,
	"transport" text NOT NULL,
	"transport_detail" text,
	"transport_phone" text,
	"donors" jsonb NOT NULL,
	"funding" text[] NOT NULL,
	"bpjs_number" text,
	"contraception" text NOT NULL,
	"mother_blood_type" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sakina_birth_plans_regency_code_pregnancy_id_pk" PRIMARY KEY("regency_code","pregnancy_id"),
	CONSTRAINT "sakina_birth_plans_donors_check" CHECK (jsonb_typeof(donors) = 'array' and jsonb_array_length(donors) >= 4),
	CONSTRAINT "sakina_birth_plans_funding_check" CHECK (cardinality(funding) >= 1)
);
--> statement-breakpoint
CREATE TABLE "sakina_escorts" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pregnancy_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"destination" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"accepted_by" uuid,
	"accepted_at" timestamp with time zone,
	"on_the_way_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	"escalated_at" timestamp with time zone,
	"client_id" text,
	CONSTRAINT "sakina_escorts_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "sakina_escorts_status_check" CHECK ("status" in ('requested', 'accepted', 'on_the_way', 'arrived', 'cancelled')),
	CONSTRAINT "sakina_escorts_reason_check" CHECK ("reason" in ('labour', 'referral', 'emergency')),
	CONSTRAINT "sakina_escorts_steps_check" CHECK ((status not in ('accepted', 'on_the_way', 'arrived') or (accepted_at is not null and accepted_by is not null)) and (status not in ('on_the_way', 'arrived') or on_the_way_at is not null) and (status <> 'arrived' or arrived_at is not null) and (status <> 'cancelled' or cancelled_at is not null))
);
--> statement-breakpoint
CREATE TABLE "sakina_outcomes" (
	"regency_code" text NOT NULL,
	"pregnancy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delivery_date" date NOT NULL,
	"delivery_time" text,
	"ga_days" integer,
	"place_kind" text NOT NULL,
	"place_name" text,
	"attendant" text NOT NULL,
	"attendant_name" text,
	"mode" text,
	"mother_status" text NOT NULL,
	"mother_died_on" date,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sakina_outcomes_regency_code_pregnancy_id_pk" PRIMARY KEY("regency_code","pregnancy_id"),
	CONSTRAINT "sakina_outcomes_kind_check" CHECK ("kind" in ('birth', 'loss')),
	CONSTRAINT "sakina_outcomes_place_check" CHECK ("place_kind" in ('hospital', 'puskesmas', 'clinic', 'midwife_practice', 'poskesdes', 'home', 'on_the_way')),
	CONSTRAINT "sakina_outcomes_attendant_check" CHECK ("attendant" in ('obstetrician', 'doctor', 'midwife', 'nurse', 'traditional', 'family', 'none')),
	CONSTRAINT "sakina_outcomes_mode_check" CHECK ((kind = 'loss' and mode is null) or (kind = 'birth' and mode in ('spontaneous', 'vacuum', 'forceps', 'caesarean'))),
	CONSTRAINT "sakina_outcomes_mother_check" CHECK ((mother_status = 'died') = (mother_died_on is not null) and mother_status in ('alive', 'died')),
	CONSTRAINT "sakina_outcomes_time_check" CHECK (delivery_time is null or delivery_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "sakina_postpartum_visits" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pregnancy_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	"kf" text NOT NULL,
	"mother_condition" text NOT NULL,
	"baby_condition" text,
	"bp_systolic" integer,
	"bp_diastolic" integer,
	"contraception" text,
	"notes" text,
	"recorded_by" uuid NOT NULL,
	"client_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sakina_postpartum_visits_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "sakina_postpartum_kf_check" CHECK (kf in ('KF1', 'KF2', 'KF3', 'KF4')),
	CONSTRAINT "sakina_postpartum_mother_check" CHECK (mother_condition in ('well', 'complication', 'referred', 'died')),
	CONSTRAINT "sakina_postpartum_baby_check" CHECK (baby_condition is null or baby_condition in ('well', 'sick', 'referred', 'died'))
);
--> statement-breakpoint
CREATE TABLE "sakina_pregnancies" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"nik" text,
	"name" text NOT NULL,
	"birth_date" date,
	"village_id" uuid NOT NULL,
	"puskesmas_id" uuid NOT NULL,
	"dusun" text,
	"rt" text,
	"rw" text,
	"address" text,
	"phone" text,
	"hpht" date,
	"hpl" date,
	"gravida" integer,
	"para" integer,
	"abortus" integer,
	"living_children" integer,
	"height_cm" integer,
	"last_birth_date" date,
	"marriage_date" date,
	"previous_caesarean" boolean,
	"family_name" text,
	"family_relation" text,
	"family_phone" text,
	"bpjs_number" text,
	"reported_via" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"report_note" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"merged_into" uuid,
	"factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"score" integer,
	"category" text,
	"emergency" boolean DEFAULT false NOT NULL,
	"risk_found_on" date,
	"delivered_on" date,
	"client_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sakina_pregnancies_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "sakina_pregnancies_status_check" CHECK ("status" in ('reported', 'active', 'delivered', 'closed', 'merged', 'withdrawn')),
	CONSTRAINT "sakina_pregnancies_via_check" CHECK ("reported_via" in ('community', 'health_worker')),
	CONSTRAINT "sakina_pregnancies_category_check" CHECK (category is null or category in ('KRR', 'KRT', 'KRST')),
	CONSTRAINT "sakina_pregnancies_nik_check" CHECK (nik is null or nik ~ '^[0-9]{16}$'),
	CONSTRAINT "sakina_pregnancies_confirmed_check" CHECK (status in ('reported', 'merged', 'withdrawn') or (nik is not null and birth_date is not null and hpht is not null and hpl is not null and confirmed_at is not null)),
	CONSTRAINT "sakina_pregnancies_hpl_check" CHECK (hpl is null or hpl = hpht + 280),
	CONSTRAINT "sakina_pregnancies_merged_check" CHECK ((status = 'merged') = (merged_into is not null)),
	CONSTRAINT "sakina_pregnancies_obstetric_check" CHECK ((gravida is null or gravida between 1 and 20) and (para is null or para between 0 and 19) and (abortus is null or abortus between 0 and 19) and (height_cm is null or height_cm between 100 and 200)),
	CONSTRAINT "sakina_pregnancies_score_check" CHECK ((score is null) = (category is null) and (score is null or (score >= 2 and score % 2 = 0)))
);
--> statement-breakpoint
CREATE TABLE "puskesmas_villages" (
	"regency_code" text NOT NULL,
	"village_id" uuid NOT NULL,
	"puskesmas_id" uuid NOT NULL,
	CONSTRAINT "puskesmas_villages_regency_code_village_id_pk" PRIMARY KEY("regency_code","village_id")
);
--> statement-breakpoint
CREATE TABLE "sakina_targets" (
	"regency_code" text NOT NULL,
	"year" integer NOT NULL,
	"village_id" uuid NOT NULL,
	"pregnant_women" integer NOT NULL,
	CONSTRAINT "sakina_targets_regency_code_year_village_id_pk" PRIMARY KEY("regency_code","year","village_id"),
	CONSTRAINT "sakina_targets_check" CHECK (pregnant_women >= 0 and year between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "sakina_tasks" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pregnancy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"duty" text NOT NULL,
	"assignee_id" uuid,
	"escort_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"result_note" text,
	CONSTRAINT "sakina_tasks_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "sakina_tasks_kind_check" CHECK ("kind" in ('home_visit', 'missed_visit_follow_up', 'escort')),
	CONSTRAINT "sakina_tasks_duty_check" CHECK ("duty" in ('midwife', 'village_official', 'police', 'police_backup')),
	CONSTRAINT "sakina_tasks_status_check" CHECK ("status" in ('open', 'done', 'cancelled')),
	CONSTRAINT "sakina_tasks_done_check" CHECK ((status = 'open') = (done_at is null))
);
--> statement-breakpoint
CREATE TABLE "sakina_team_members" (
	"regency_code" text NOT NULL,
	"pregnancy_id" uuid NOT NULL,
	"duty" text NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sakina_team_members_regency_code_pregnancy_id_duty_pk" PRIMARY KEY("regency_code","pregnancy_id","duty"),
	CONSTRAINT "sakina_team_duty_check" CHECK ("duty" in ('midwife', 'village_official', 'police', 'police_backup'))
);
--> statement-breakpoint
CREATE TABLE "sakina_visits" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pregnancy_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	"ga_days" integer NOT NULL,
	"kspr_column" text NOT NULL,
	"place" text NOT NULL,
	"examiner" text NOT NULL,
	"examiner_name" text,
	"weight_kg" numeric(5, 1),
	"bp_systolic" integer,
	"bp_diastolic" integer,
	"hb" numeric(4, 1),
	"fundal_height_cm" integer,
	"fetal_heart_rate" integer,
	"findings" text,
	"factors_found" text[] NOT NULL,
	"factors_total" text[] NOT NULL,
	"score" integer NOT NULL,
	"category" text NOT NULL,
	"emergency" boolean NOT NULL,
	"recorded_by" uuid NOT NULL,
	"client_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sakina_visits_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "sakina_visits_examiner_check" CHECK (examiner in ('midwife', 'doctor')),
	CONSTRAINT "sakina_visits_column_check" CHECK (kspr_column in ('I', 'II', 'III.1', 'III.2')),
	CONSTRAINT "sakina_visits_category_check" CHECK (category in ('KRR', 'KRT', 'KRST')),
	CONSTRAINT "sakina_visits_ga_check" CHECK (ga_days between 0 and 320),
	CONSTRAINT "sakina_visits_vitals_check" CHECK ((weight_kg is null or weight_kg between 25 and 200) and (bp_systolic is null or bp_systolic between 50 and 260) and (bp_diastolic is null or bp_diastolic between 30 and 180) and (hb is null or hb between 3 and 20) and (fetal_heart_rate is null or fetal_heart_rate between 60 and 220))
);
--> statement-breakpoint
ALTER TABLE "sakina_alerts" ADD CONSTRAINT "sakina_alerts_regency_code_pregnancy_id_sakina_pregnancies_regency_code_id_fk" FOREIGN KEY ("regency_code","pregnancy_id") REFERENCES "public"."sakina_pregnancies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_babies" ADD CONSTRAINT "sakina_babies_regency_code_pregnancy_id_sakina_outcomes_regency_code_pregnancy_id_fk" FOREIGN KEY ("regency_code","pregnancy_id") REFERENCES "public"."sakina_outcomes"("regency_code","pregnancy_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_birth_plans" ADD CONSTRAINT "sakina_birth_plans_regency_code_pregnancy_id_sakina_pregnancies_regency_code_id_fk" FOREIGN KEY ("regency_code","pregnancy_id") REFERENCES "public"."sakina_pregnancies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_birth_plans" ADD CONSTRAINT "sakina_birth_plans_regency_code_updated_by_users_regency_code_id_fk" FOREIGN KEY ("regency_code","updated_by") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_escorts" ADD CONSTRAINT "sakina_escorts_regency_code_pregnancy_id_sakina_pregnancies_regency_code_id_fk" FOREIGN KEY ("regency_code","pregnancy_id") REFERENCES "public"."sakina_pregnancies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_escorts" ADD CONSTRAINT "sakina_escorts_regency_code_requested_by_users_regency_code_id_fk" FOREIGN KEY ("regency_code","requested_by") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_escorts" ADD CONSTRAINT "sakina_escorts_regency_code_accepted_by_users_regency_code_id_fk" FOREIGN KEY ("regency_code","accepted_by") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_outcomes" ADD CONSTRAINT "sakina_outcomes_regency_code_pregnancy_id_sakina_pregnancies_regency_code_id_fk" FOREIGN KEY ("regency_code","pregnancy_id") REFERENCES "public"."sakina_pregnancies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_outcomes" ADD CONSTRAINT "sakina_outcomes_regency_code_recorded_by_users_regency_code_id_fk" FOREIGN KEY ("regency_code","recorded_by") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_postpartum_visits" ADD CONSTRAINT "sakina_postpartum_visits_regency_code_pregnancy_id_sakina_outcomes_regency_code_pregnancy_id_fk" FOREIGN KEY ("regency_code","pregnancy_id") REFERENCES "public"."sakina_outcomes"("regency_code","pregnancy_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_postpartum_visits" ADD CONSTRAINT "sakina_postpartum_visits_regency_code_recorded_by_users_regency_code_id_fk" FOREIGN KEY ("regency_code","recorded_by") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_pregnancies" ADD CONSTRAINT "sakina_pregnancies_regency_code_village_id_places_regency_code_id_fk" FOREIGN KEY ("regency_code","village_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_pregnancies" ADD CONSTRAINT "sakina_pregnancies_regency_code_puskesmas_id_places_regency_code_id_fk" FOREIGN KEY ("regency_code","puskesmas_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_pregnancies" ADD CONSTRAINT "sakina_pregnancies_regency_code_reported_by_users_regency_code_id_fk" FOREIGN KEY ("regency_code","reported_by") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_pregnancies" ADD CONSTRAINT "sakina_pregnancies_regency_code_confirmed_by_users_regency_code_id_fk" FOREIGN KEY ("regency_code","confirmed_by") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_pregnancies" ADD CONSTRAINT "sakina_pregnancies_regency_code_merged_into_sakina_pregnancies_regency_code_id_fk" FOREIGN KEY ("regency_code","merged_into") REFERENCES "public"."sakina_pregnancies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "puskesmas_villages" ADD CONSTRAINT "puskesmas_villages_regency_code_tenants_regency_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."tenants"("regency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "puskesmas_villages" ADD CONSTRAINT "puskesmas_villages_regency_code_village_id_places_regency_code_id_fk" FOREIGN KEY ("regency_code","village_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "puskesmas_villages" ADD CONSTRAINT "puskesmas_villages_regency_code_puskesmas_id_places_regency_code_id_fk" FOREIGN KEY ("regency_code","puskesmas_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_targets" ADD CONSTRAINT "sakina_targets_regency_code_village_id_places_regency_code_id_fk" FOREIGN KEY ("regency_code","village_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_tasks" ADD CONSTRAINT "sakina_tasks_regency_code_pregnancy_id_sakina_pregnancies_regency_code_id_fk" FOREIGN KEY ("regency_code","pregnancy_id") REFERENCES "public"."sakina_pregnancies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_tasks" ADD CONSTRAINT "sakina_tasks_regency_code_assignee_id_users_regency_code_id_fk" FOREIGN KEY ("regency_code","assignee_id") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_tasks" ADD CONSTRAINT "sakina_tasks_regency_code_escort_id_sakina_escorts_regency_code_id_fk" FOREIGN KEY ("regency_code","escort_id") REFERENCES "public"."sakina_escorts"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_team_members" ADD CONSTRAINT "sakina_team_members_regency_code_pregnancy_id_sakina_pregnancies_regency_code_id_fk" FOREIGN KEY ("regency_code","pregnancy_id") REFERENCES "public"."sakina_pregnancies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_team_members" ADD CONSTRAINT "sakina_team_members_regency_code_user_id_users_regency_code_id_fk" FOREIGN KEY ("regency_code","user_id") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_visits" ADD CONSTRAINT "sakina_visits_regency_code_pregnancy_id_sakina_pregnancies_regency_code_id_fk" FOREIGN KEY ("regency_code","pregnancy_id") REFERENCES "public"."sakina_pregnancies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_visits" ADD CONSTRAINT "sakina_visits_regency_code_recorded_by_users_regency_code_id_fk" FOREIGN KEY ("regency_code","recorded_by") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sakina_alerts_dedupe_uq" ON "sakina_alerts" USING btree ("regency_code","dedupe_key");--> statement-breakpoint
CREATE INDEX "sakina_alerts_pregnancy_idx" ON "sakina_alerts" USING btree ("regency_code","pregnancy_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sakina_escorts_open_uq" ON "sakina_escorts" USING btree ("regency_code","pregnancy_id") WHERE status in ('requested', 'accepted', 'on_the_way');--> statement-breakpoint
CREATE UNIQUE INDEX "sakina_escorts_client_uq" ON "sakina_escorts" USING btree ("regency_code","client_id");--> statement-breakpoint
CREATE INDEX "sakina_escorts_waiting_idx" ON "sakina_escorts" USING btree ("status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sakina_postpartum_client_uq" ON "sakina_postpartum_visits" USING btree ("regency_code","client_id");--> statement-breakpoint
CREATE INDEX "sakina_postpartum_pregnancy_idx" ON "sakina_postpartum_visits" USING btree ("regency_code","pregnancy_id","visit_date");--> statement-breakpoint
CREATE UNIQUE INDEX "sakina_pregnancies_open_nik_uq" ON "sakina_pregnancies" USING btree ("regency_code","nik") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "sakina_pregnancies_client_uq" ON "sakina_pregnancies" USING btree ("regency_code","client_id");--> statement-breakpoint
CREATE INDEX "sakina_pregnancies_village_idx" ON "sakina_pregnancies" USING btree ("regency_code","village_id","status");--> statement-breakpoint
CREATE INDEX "sakina_pregnancies_pkm_idx" ON "sakina_pregnancies" USING btree ("regency_code","puskesmas_id","status");--> statement-breakpoint
CREATE INDEX "sakina_pregnancies_name_idx" ON "sakina_pregnancies" USING btree ("regency_code","birth_date","village_id");--> statement-breakpoint
CREATE INDEX "puskesmas_villages_pkm_idx" ON "puskesmas_villages" USING btree ("regency_code","puskesmas_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sakina_tasks_dedupe_uq" ON "sakina_tasks" USING btree ("regency_code","dedupe_key");--> statement-breakpoint
CREATE INDEX "sakina_tasks_pregnancy_idx" ON "sakina_tasks" USING btree ("regency_code","pregnancy_id","status");--> statement-breakpoint
CREATE INDEX "sakina_team_user_idx" ON "sakina_team_members" USING btree ("regency_code","user_id");--> statement-breakpoint
CREATE INDEX "sakina_visits_pregnancy_idx" ON "sakina_visits" USING btree ("regency_code","pregnancy_id","visit_date");--> statement-breakpoint
CREATE UNIQUE INDEX "sakina_visits_client_uq" ON "sakina_visits" USING btree ("regency_code","client_id");