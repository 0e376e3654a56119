CREATE TABLE "agencies" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"code" text NOT NULL,
	"short_name" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"phone" text,
	"complaint_channel_id" text NOT NULL,
	"complaint_channel_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "agencies_code_check" CHECK ("code" ~ '^[a-z0-9][a-z0-9.-]{0,79}$'),
	CONSTRAINT "agencies_kind_check" CHECK ("agencies"."kind" in ('regency', 'vertical', 'soe', 'bank', 'other'))
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"regency_code" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closures_regency_code_date_pk" PRIMARY KEY("regency_code","date"),
	CONSTRAINT "closures_kind_check" CHECK ("closures"."kind" in ('cuti_bersama', 'special_closure'))
);
--> statement-breakpoint
CREATE TABLE "counter_services" (
	"regency_code" text NOT NULL,
	"point_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "counter_services_pk" PRIMARY KEY("regency_code","counter_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"point_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"agency_id" uuid,
	"all_services" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counters_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "counters_point_id_uq" UNIQUE("regency_code","point_id","id"),
	CONSTRAINT "counters_code_check" CHECK ("counters"."code" ~ '^[A-Z]{1,2}[0-9]?$')
);
--> statement-breakpoint
CREATE TABLE "document_types" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"description_id" text,
	"description_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_types_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "document_types_code_check" CHECK ("code" ~ '^[a-z0-9][a-z0-9.-]{0,79}$')
);
--> statement-breakpoint
CREATE TABLE "life_events" (
	"regency_code" text NOT NULL,
	"code" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"description_id" text NOT NULL,
	"description_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "life_events_regency_code_code_pk" PRIMARY KEY("regency_code","code"),
	CONSTRAINT "life_events_code_check" CHECK ("code" ~ '^[a-z0-9][a-z0-9.-]{0,79}$')
);
--> statement-breakpoint
CREATE TABLE "point_services" (
	"regency_code" text NOT NULL,
	"point_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "point_services_pk" PRIMARY KEY("regency_code","point_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "search_synonyms" (
	"regency_code" text NOT NULL,
	"term" text NOT NULL,
	"expansion" text NOT NULL,
	CONSTRAINT "search_synonyms_regency_code_term_expansion_pk" PRIMARY KEY("regency_code","term","expansion"),
	CONSTRAINT "search_synonyms_lower_check" CHECK ("search_synonyms"."term" = lower("search_synonyms"."term") and "search_synonyms"."expansion" = lower("search_synonyms"."expansion") and "search_synonyms"."term" <> '')
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"regency_code" text NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"term" text NOT NULL,
	"weight" double precision NOT NULL,
	"compact" text GENERATED ALWAYS AS (replace(term, ' ', '')) STORED,
	CONSTRAINT "search_terms_pk" PRIMARY KEY("regency_code","service_id","kind","term"),
	CONSTRAINT "search_terms_kind_check" CHECK ("search_terms"."kind" in ('word', 'keyword', 'name')),
	CONSTRAINT "search_terms_weight_check" CHECK ("search_terms"."weight" > 0 and "search_terms"."weight" <= 1)
);
--> statement-breakpoint
CREATE TABLE "service_life_events" (
	"regency_code" text NOT NULL,
	"service_id" uuid NOT NULL,
	"life_event_code" text NOT NULL,
	CONSTRAINT "service_life_events_pk" PRIMARY KEY("regency_code","service_id","life_event_code")
);
--> statement-breakpoint
CREATE TABLE "service_points" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"address" text NOT NULL,
	"region_code" text,
	"weekly_hours" jsonb NOT NULL,
	"friday_break" jsonb,
	"market_pasaran" text[],
	"market_open" text,
	"market_close" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_points_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "service_points_code_check" CHECK ("code" ~ '^[a-z0-9][a-z0-9.-]{0,79}$'),
	CONSTRAINT "service_points_kind_check" CHECK ("service_points"."kind" in ('mpp', 'market', 'village', 'online')),
	CONSTRAINT "service_points_weekly_hours_check" CHECK (jsonb_typeof("service_points"."weekly_hours") = 'object'),
	CONSTRAINT "service_points_market_check" CHECK ((market_pasaran is null and market_open is null and market_close is null) or (cardinality(market_pasaran) between 1 and 5 and market_pasaran <@ array['Legi', 'Pahing', 'Pon', 'Wage', 'Kliwon']::text[] and market_open ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' and market_close ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' and market_close > market_open))
);
--> statement-breakpoint
CREATE TABLE "service_requirements" (
	"regency_code" text NOT NULL,
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"position" integer NOT NULL,
	"document_type_id" uuid NOT NULL,
	"optional" boolean DEFAULT false NOT NULL,
	"note_id" text,
	"note_en" text,
	CONSTRAINT "service_requirements_pk" PRIMARY KEY("regency_code","service_id","version","position"),
	CONSTRAINT "service_requirements_position_check" CHECK ("service_requirements"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "service_standards" (
	"regency_code" text NOT NULL,
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"procedure" jsonb NOT NULL,
	"duration_value" integer NOT NULL,
	"duration_unit" text NOT NULL,
	"fee_amount" bigint NOT NULL,
	"fee_variable" boolean DEFAULT false NOT NULL,
	"fee_legal_basis" text,
	"fee_note" jsonb,
	"product" jsonb NOT NULL,
	"complaint_handling" jsonb NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"facilities" jsonb NOT NULL,
	"staff_competence" jsonb NOT NULL,
	"internal_supervision" jsonb NOT NULL,
	"staff_count" integer NOT NULL,
	"service_guarantee" jsonb NOT NULL,
	"security_guarantee" jsonb NOT NULL,
	"performance_evaluation" jsonb NOT NULL,
	"change_note" text,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	CONSTRAINT "service_standards_pk" PRIMARY KEY("regency_code","service_id","version"),
	CONSTRAINT "service_standards_version_check" CHECK ("service_standards"."version" >= 1),
	CONSTRAINT "service_standards_duration_check" CHECK ("service_standards"."duration_unit" in ('working_days', 'hours', 'minutes') and "service_standards"."duration_value" >= 0),
	CONSTRAINT "service_standards_fee_check" CHECK ("service_standards"."fee_amount" >= 0),
	CONSTRAINT "service_standards_staff_check" CHECK ("service_standards"."staff_count" >= 1),
	CONSTRAINT "service_standards_procedure_check" CHECK (jsonb_typeof("service_standards"."procedure") = 'array' and jsonb_array_length("service_standards"."procedure") >= 1),
	CONSTRAINT "service_standards_legal_basis_check" CHECK (jsonb_typeof("service_standards"."legal_basis") = 'array' and jsonb_array_length("service_standards"."legal_basis") >= 1)
);
--> statement-breakpoint
CREATE TABLE "services" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"summary_id" text NOT NULL,
	"summary_en" text NOT NULL,
	"level" text NOT NULL,
	"channels" text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"current_version" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"search_name" text GENERATED ALWAYS AS (catalogue_norm(name_id)) STORED,
	"search_keywords" text[] GENERATED ALWAYS AS (catalogue_norm_each(keywords)) STORED,
	"search_words" text[] GENERATED ALWAYS AS (catalogue_words(name_id || ' ' || code, keywords)) STORED,
	"search_more_words" text[] GENERATED ALWAYS AS (catalogue_words(summary_id, '{}'::text[])) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "services_code_check" CHECK ("code" ~ '^[a-z0-9][a-z0-9.-]{0,79}$'),
	CONSTRAINT "services_level_check" CHECK ("services"."level" in ('regency', 'village')),
	CONSTRAINT "services_channels_check" CHECK ("services"."channels" <@ array['mpp', 'market', 'village', 'online']::text[] and cardinality("services"."channels") > 0),
	CONSTRAINT "services_current_version_check" CHECK ("services"."current_version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "special_days" (
	"regency_code" text NOT NULL,
	"point_id" uuid NOT NULL,
	"date" date NOT NULL,
	"open" text,
	"close" text,
	"note_id" text NOT NULL,
	"note_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "special_days_pk" PRIMARY KEY("regency_code","point_id","date"),
	CONSTRAINT "special_days_hours_check" CHECK ((open is null and close is null) or (open ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' and close ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' and close > open))
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_place_fk" FOREIGN KEY ("regency_code","place_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_regency_code_tenants_regency_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."tenants"("regency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_services" ADD CONSTRAINT "counter_services_counter_fk" FOREIGN KEY ("regency_code","point_id","counter_id") REFERENCES "public"."counters"("regency_code","point_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_services" ADD CONSTRAINT "counter_services_point_service_fk" FOREIGN KEY ("regency_code","point_id","service_id") REFERENCES "public"."point_services"("regency_code","point_id","service_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_point_fk" FOREIGN KEY ("regency_code","point_id") REFERENCES "public"."service_points"("regency_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_agency_fk" FOREIGN KEY ("regency_code","agency_id") REFERENCES "public"."agencies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_types" ADD CONSTRAINT "document_types_regency_code_tenants_regency_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."tenants"("regency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "life_events" ADD CONSTRAINT "life_events_regency_code_tenants_regency_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."tenants"("regency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_services" ADD CONSTRAINT "point_services_point_fk" FOREIGN KEY ("regency_code","point_id") REFERENCES "public"."service_points"("regency_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_services" ADD CONSTRAINT "point_services_service_fk" FOREIGN KEY ("regency_code","service_id") REFERENCES "public"."services"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_synonyms" ADD CONSTRAINT "search_synonyms_regency_code_tenants_regency_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."tenants"("regency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_life_events" ADD CONSTRAINT "service_life_events_service_fk" FOREIGN KEY ("regency_code","service_id") REFERENCES "public"."services"("regency_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_life_events" ADD CONSTRAINT "service_life_events_event_fk" FOREIGN KEY ("regency_code","life_event_code") REFERENCES "public"."life_events"("regency_code","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_place_fk" FOREIGN KEY ("regency_code","place_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requirements" ADD CONSTRAINT "service_requirements_standard_fk" FOREIGN KEY ("regency_code","service_id","version") REFERENCES "public"."service_standards"("regency_code","service_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requirements" ADD CONSTRAINT "service_requirements_document_type_fk" FOREIGN KEY ("regency_code","document_type_id") REFERENCES "public"."document_types"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_standards" ADD CONSTRAINT "service_standards_service_fk" FOREIGN KEY ("regency_code","service_id") REFERENCES "public"."services"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_agency_fk" FOREIGN KEY ("regency_code","agency_id") REFERENCES "public"."agencies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_days" ADD CONSTRAINT "special_days_point_fk" FOREIGN KEY ("regency_code","point_id") REFERENCES "public"."service_points"("regency_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_code_uq" ON "agencies" USING btree ("regency_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_place_uq" ON "agencies" USING btree ("regency_code","place_id");--> statement-breakpoint
CREATE INDEX "counter_services_service_idx" ON "counter_services" USING btree ("regency_code","point_id","service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "counters_code_uq" ON "counters" USING btree ("regency_code","point_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "document_types_code_uq" ON "document_types" USING btree ("regency_code","code");--> statement-breakpoint
CREATE INDEX "point_services_service_idx" ON "point_services" USING btree ("regency_code","service_id");--> statement-breakpoint
CREATE INDEX "search_terms_term_trgm" ON "search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_terms_compact_trgm" ON "search_terms" USING gin ("compact" gin_trgm_ops) WHERE kind = 'keyword';--> statement-breakpoint
CREATE INDEX "service_life_events_event_idx" ON "service_life_events" USING btree ("regency_code","life_event_code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_points_code_uq" ON "service_points" USING btree ("regency_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_points_place_uq" ON "service_points" USING btree ("regency_code","place_id");--> statement-breakpoint
CREATE INDEX "service_points_kind_idx" ON "service_points" USING btree ("regency_code","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requirements_document_uq" ON "service_requirements" USING btree ("regency_code","service_id","version","document_type_id");--> statement-breakpoint
CREATE INDEX "service_requirements_document_idx" ON "service_requirements" USING btree ("regency_code","document_type_id");--> statement-breakpoint
CREATE UNIQUE INDEX "services_code_uq" ON "services" USING btree ("regency_code","code");--> statement-breakpoint
CREATE INDEX "services_agency_idx" ON "services" USING btree ("regency_code","agency_id");