ALTER TABLE "agency_integrations" ADD COLUMN "supervisor_name" text;--> statement-breakpoint
ALTER TABLE "agency_integrations" ADD COLUMN "supervisor_locale" text DEFAULT 'id' NOT NULL;--> statement-breakpoint
ALTER TABLE "agency_integrations" ADD CONSTRAINT "agency_integrations_supervisor_locale_check" CHECK ("agency_integrations"."supervisor_locale" in ('id', 'en'));