CREATE TABLE "sakina_alert_reads" (
	"regency_code" text NOT NULL,
	"alert_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sakina_alert_reads_regency_code_user_id_alert_id_pk" PRIMARY KEY("regency_code","user_id","alert_id")
);
--> statement-breakpoint
CREATE TABLE "sakina_factor_retractions" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"pregnancy_id" uuid NOT NULL,
	"factor" text NOT NULL,
	"reason" text NOT NULL,
	"retracted_by" uuid NOT NULL,
	"retracted_at" timestamp with time zone NOT NULL,
	"score_before" integer NOT NULL,
	"score_after" integer NOT NULL,
	"category_before" text NOT NULL,
	"category_after" text NOT NULL,
	CONSTRAINT "sakina_factor_retractions_regency_code_id_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "sakina_factor_retractions_reason_check" CHECK (length(btrim(reason)) >= 3)
);
--> statement-breakpoint
ALTER TABLE "sakina_alert_reads" ADD CONSTRAINT "sakina_alert_reads_regency_code_alert_id_sakina_alerts_regency_code_id_fk" FOREIGN KEY ("regency_code","alert_id") REFERENCES "public"."sakina_alerts"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_alert_reads" ADD CONSTRAINT "sakina_alert_reads_regency_code_user_id_users_regency_code_id_fk" FOREIGN KEY ("regency_code","user_id") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_factor_retractions" ADD CONSTRAINT "sakina_factor_retractions_regency_code_pregnancy_id_sakina_pregnancies_regency_code_id_fk" FOREIGN KEY ("regency_code","pregnancy_id") REFERENCES "public"."sakina_pregnancies"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sakina_factor_retractions" ADD CONSTRAINT "sakina_factor_retractions_regency_code_retracted_by_users_regency_code_id_fk" FOREIGN KEY ("regency_code","retracted_by") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sakina_factor_retractions_pregnancy_idx" ON "sakina_factor_retractions" USING btree ("regency_code","pregnancy_id","retracted_at");