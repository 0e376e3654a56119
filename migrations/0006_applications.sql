CREATE TABLE "agency_integrations" (
	"regency_code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"webhook_url" text,
	"webhook_secret" text,
	"webhook_active" boolean DEFAULT false NOT NULL,
	"supervisor_phone" text,
	"supervisor_email" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_integrations_regency_code_agency_id_pk" PRIMARY KEY("regency_code","agency_id"),
	CONSTRAINT "agency_integrations_webhook_check" CHECK (not "agency_integrations"."webhook_active" or ("agency_integrations"."webhook_url" is not null and "agency_integrations"."webhook_secret" is not null))
);
--> statement-breakpoint
CREATE TABLE "application_documents" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"document_type_id" uuid NOT NULL,
	"file_hash" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"original_name" text,
	"uploaded_by_kind" text NOT NULL,
	"uploaded_by_id" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone,
	CONSTRAINT "application_documents_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "application_documents_kind_check" CHECK ("application_documents"."uploaded_by_kind" in ('user', 'agency_system'))
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"regency_code" text NOT NULL,
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_place_name" text,
	"note" text,
	CONSTRAINT "application_events_regency_code_application_id_seq_pk" PRIMARY KEY("regency_code","application_id","seq"),
	CONSTRAINT "application_events_action_check" CHECK ("application_events"."action" in ('create', 'submit', 'advance', 'return', 'resubmit', 'reject', 'withdraw', 'deliver', 'claim', 'release', 'product', 'escalate')),
	CONSTRAINT "application_events_status_check" CHECK ("application_events"."from_status" in ('draft', 'verifikasi_berkas', 'verifikasi_desa', 'survei_lapangan', 'pembayaran', 'proses_instansi', 'tanda_tangan', 'perlu_perbaikan', 'selesai', 'diambil', 'dikirim', 'diunduh', 'ditolak', 'dibatalkan') and "application_events"."to_status" in ('draft', 'verifikasi_berkas', 'verifikasi_desa', 'survei_lapangan', 'pembayaran', 'proses_instansi', 'tanda_tangan', 'perlu_perbaikan', 'selesai', 'diambil', 'dikirim', 'diunduh', 'ditolak', 'dibatalkan')),
	CONSTRAINT "application_events_actor_check" CHECK ("application_events"."actor_kind" in ('user', 'agency_system', 'system'))
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"service_id" uuid NOT NULL,
	"standard_version" integer NOT NULL,
	"workflow_code" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"handler_place_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"returned_from" text,
	"channel" text NOT NULL,
	"filed_by_user_id" uuid NOT NULL,
	"filed_at_place_id" uuid,
	"applicant_user_id" uuid,
	"applicant_nik" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_phone" text,
	"applicant_email" text,
	"applicant_locale" text DEFAULT 'id' NOT NULL,
	"note" text,
	"delivery" text,
	"idempotency_key" text,
	"idempotency_fingerprint" text,
	"submitted_at" timestamp with time zone,
	"sla_due_date" date,
	"sla_state" text DEFAULT 'not_started' NOT NULL,
	"escalated_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"claimed_by_kind" text,
	"claimed_by_id" uuid,
	"claimed_by_name" text,
	"claimed_at" timestamp with time zone,
	"product_hash" text,
	"product_uploaded_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"signer_name" text,
	"signer_position" text,
	"signer_delegation" text,
	"signer_principal" text,
	"verification_token" text,
	"product_revoked_at" timestamp with time zone,
	"product_revoked_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "applications_status_check" CHECK ("applications"."status" in ('draft', 'verifikasi_berkas', 'verifikasi_desa', 'survei_lapangan', 'pembayaran', 'proses_instansi', 'tanda_tangan', 'perlu_perbaikan', 'selesai', 'diambil', 'dikirim', 'diunduh', 'ditolak', 'dibatalkan')),
	CONSTRAINT "applications_returned_from_check" CHECK (("applications"."status" = 'perlu_perbaikan') = ("applications"."returned_from" is not null)),
	CONSTRAINT "applications_channel_check" CHECK ("applications"."channel" in ('online', 'counter', 'village')),
	CONSTRAINT "applications_nik_check" CHECK ("applications"."applicant_nik" ~ '^[0-9]{16}$'),
	CONSTRAINT "applications_locale_check" CHECK ("applications"."applicant_locale" in ('id', 'en')),
	CONSTRAINT "applications_delivery_check" CHECK ("applications"."delivery" is null or "applications"."delivery" in ('diambil', 'dikirim', 'diunduh')),
	CONSTRAINT "applications_sla_state_check" CHECK ("applications"."sla_state" in ('not_started', 'running', 'paused', 'stopped')),
	CONSTRAINT "applications_idempotency_check" CHECK (("applications"."idempotency_key" is null) = ("applications"."idempotency_fingerprint" is null)),
	CONSTRAINT "applications_claim_check" CHECK ("applications"."claimed_by_kind" is null or "applications"."claimed_by_kind" in ('user', 'agency_system')),
	CONSTRAINT "applications_delegation_check" CHECK ("applications"."signer_delegation" is null or ("applications"."signer_delegation" in ('an', 'ub') and "applications"."signer_principal" is not null)),
	CONSTRAINT "applications_signed_product_check" CHECK ("applications"."signed_at" is null or "applications"."product_hash" is not null),
	CONSTRAINT "applications_verification_check" CHECK ("applications"."verification_token" is null or ("applications"."signed_at" is not null and length("applications"."verification_token") >= 32)),
	CONSTRAINT "applications_submitted_check" CHECK ("applications"."status" = 'draft' or "applications"."submitted_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "product_checks" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"result" text NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "product_checks_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "product_checks_result_check" CHECK ("product_checks"."result" in ('valid', 'revoked', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"regency_code" text NOT NULL,
	"hash" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_regency_code_hash_pk" PRIMARY KEY("regency_code","hash"),
	CONSTRAINT "stored_files_hash_check" CHECK ("stored_files"."hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "stored_files_media_type_check" CHECK ("stored_files"."media_type" in ('application/pdf', 'image/jpeg', 'image/png')),
	CONSTRAINT "stored_files_size_check" CHECK ("stored_files"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"regency_code" text NOT NULL,
	"delivery_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL,
	CONSTRAINT "webhook_attempts_regency_code_delivery_id_attempt_pk" PRIMARY KEY("regency_code","delivery_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"event_type" text NOT NULL,
	"application_id" uuid,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_deliveries_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" in ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "agency_integrations" ADD CONSTRAINT "agency_integrations_agency_fk" FOREIGN KEY ("regency_code","agency_id") REFERENCES "public"."agencies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_fk" FOREIGN KEY ("regency_code","application_id") REFERENCES "public"."applications"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_type_fk" FOREIGN KEY ("regency_code","document_type_id") REFERENCES "public"."document_types"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_file_fk" FOREIGN KEY ("regency_code","file_hash") REFERENCES "public"."stored_files"("regency_code","hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_fk" FOREIGN KEY ("regency_code","application_id") REFERENCES "public"."applications"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_standard_fk" FOREIGN KEY ("regency_code","service_id","standard_version") REFERENCES "public"."service_standards"("regency_code","service_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_agency_fk" FOREIGN KEY ("regency_code","agency_id") REFERENCES "public"."agencies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_handler_fk" FOREIGN KEY ("regency_code","handler_place_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_filed_at_fk" FOREIGN KEY ("regency_code","filed_at_place_id") REFERENCES "public"."places"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_filed_by_fk" FOREIGN KEY ("regency_code","filed_by_user_id") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_fk" FOREIGN KEY ("regency_code","applicant_user_id") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_product_fk" FOREIGN KEY ("regency_code","product_hash") REFERENCES "public"."stored_files"("regency_code","hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_checks" ADD CONSTRAINT "product_checks_regency_code_tenants_regency_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."tenants"("regency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_checks" ADD CONSTRAINT "product_checks_application_fk" FOREIGN KEY ("regency_code","application_id") REFERENCES "public"."applications"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_regency_code_tenants_regency_code_fk" FOREIGN KEY ("regency_code") REFERENCES "public"."tenants"("regency_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_fk" FOREIGN KEY ("regency_code","delivery_id") REFERENCES "public"."webhook_deliveries"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_agency_fk" FOREIGN KEY ("regency_code","agency_id") REFERENCES "public"."agencies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_documents_current_uq" ON "application_documents" USING btree ("regency_code","application_id","document_type_id") WHERE replaced_at is null;--> statement-breakpoint
CREATE INDEX "application_documents_application_idx" ON "application_documents" USING btree ("regency_code","application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_number_uq" ON "applications" USING btree ("regency_code","number");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_idempotency_uq" ON "applications" USING btree ("regency_code","filed_by_user_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_verification_uq" ON "applications" USING btree ("regency_code","verification_token");--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("regency_code","applicant_nik");--> statement-breakpoint
CREATE INDEX "applications_handler_idx" ON "applications" USING btree ("regency_code","handler_place_id","status");--> statement-breakpoint
CREATE INDEX "applications_filed_at_idx" ON "applications" USING btree ("regency_code","filed_at_place_id");--> statement-breakpoint
CREATE INDEX "applications_sla_idx" ON "applications" USING btree ("regency_code","sla_state","sla_due_date");--> statement-breakpoint
CREATE INDEX "product_checks_application_idx" ON "product_checks" USING btree ("regency_code","application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_uq" ON "webhook_deliveries" USING btree ("regency_code","agency_id","event_key");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_agency_idx" ON "webhook_deliveries" USING btree ("regency_code","agency_id","created_at");