CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	CONSTRAINT "regions_level_check" CHECK ("regions"."level" in ('province', 'regency', 'district', 'village'))
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_regency_code_id_pk" PRIMARY KEY("regency_code","id")
);
--> statement-breakpoint
CREATE TABLE "one_time_codes" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"nik" text NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "one_time_codes_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "one_time_codes_purpose_check" CHECK ("one_time_codes"."purpose" in ('citizen_login', 'nik_lookup'))
);
--> statement-breakpoint
CREATE TABLE "places" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "places_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "places_kind_check" CHECK ("places"."kind" in ('agency', 'service_point', 'village', 'puskesmas', 'police_post'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"regency_code" text NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_regency_code_token_hash_pk" PRIMARY KEY("regency_code","token_hash")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"regency_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'Asia/Jakarta' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_places" (
	"regency_code" text NOT NULL,
	"user_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	CONSTRAINT "user_places_regency_code_user_id_place_id_pk" PRIMARY KEY("regency_code","user_id","place_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"role" text NOT NULL,
	"username" text,
	"password_hash" text,
	"nik" text,
	"display_name" text NOT NULL,
	"phone" text,
	"email" text,
	"locale" text DEFAULT 'id' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('citizen', 'counter_officer', 'agency_processor', 'village_operator', 'midwife', 'village_official', 'police_officer', 'mpp_admin', 'leader')),
	CONSTRAINT "users_locale_check" CHECK ("users"."locale" in ('id', 'en')),
	CONSTRAINT "users_credentials_check" CHECK (("users"."role" = 'citizen' and "users"."nik" is not null) or ("users"."role" <> 'citizen' and "users"."username" is not null and "users"."password_hash" is not null)),
	CONSTRAINT "users_nik_format_check" CHECK ("users"."nik" is null or "users"."nik" ~ '^[0-9]{16}$')
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"regency_code" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_role" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"subject_nik" text,
	"ip" text,
	"request_id" text,
	"details" jsonb,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_regency_code_seq_pk" PRIMARY KEY("regency_code","seq")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"template" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"locale" text DEFAULT 'id' NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "outbox_channel_check" CHECK ("outbox"."channel" in ('sms', 'whatsapp', 'email')),
	CONSTRAINT "outbox_status_check" CHECK ("outbox"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_regency_code_place_id_places_regency_code_id_fk" FOREIGN KEY ("regency_code","place_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_regency_code_tenants_regency_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."tenants"("regency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_regency_code_user_id_users_regency_code_id_fk" FOREIGN KEY ("regency_code","user_id") REFERENCES "public"."users"("regency_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_regency_code_regions_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_places" ADD CONSTRAINT "user_places_regency_code_user_id_users_regency_code_id_fk" FOREIGN KEY ("regency_code","user_id") REFERENCES "public"."users"("regency_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_places" ADD CONSTRAINT "user_places_regency_code_place_id_places_regency_code_id_fk" FOREIGN KEY ("regency_code","place_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_regency_code_tenants_regency_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."tenants"("regency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_uq" ON "api_tokens" USING btree ("regency_code","token_hash");--> statement-breakpoint
CREATE INDEX "one_time_codes_nik_idx" ON "one_time_codes" USING btree ("regency_code","nik","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "places_code_uq" ON "places" USING btree ("regency_code","kind","code");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("regency_code","user_id");--> statement-breakpoint
CREATE INDEX "user_places_place_idx" ON "user_places" USING btree ("regency_code","place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("regency_code","username");--> statement-breakpoint
CREATE UNIQUE INDEX "users_nik_uq" ON "users" USING btree ("regency_code","nik");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("regency_code","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("regency_code","subject_nik");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe_uq" ON "outbox" USING btree ("regency_code","dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");