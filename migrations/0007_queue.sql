CREATE TABLE "queue_bookings" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"point_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"nik" text NOT NULL,
	"phone" text NOT NULL,
	"user_id" uuid,
	"locale" text DEFAULT 'id' NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"ticket_id" uuid,
	"rescheduled_to" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"no_show_at" timestamp with time zone,
	CONSTRAINT "queue_bookings_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "queue_bookings_status_check" CHECK ("queue_bookings"."status" in ('booked', 'checked_in', 'cancelled', 'no_show', 'rescheduled')),
	CONSTRAINT "queue_bookings_nik_check" CHECK ("queue_bookings"."nik" ~ '^[0-9]{16}$'),
	CONSTRAINT "queue_bookings_code_check" CHECK ("queue_bookings"."code" ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$')
);
--> statement-breakpoint
CREATE TABLE "queue_counter_sessions" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"point_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"paused_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "queue_counter_sessions_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "queue_counter_sessions_status_check" CHECK ("queue_counter_sessions"."status" in ('open', 'paused', 'closed') and (("queue_counter_sessions"."status" = 'closed') = ("queue_counter_sessions"."closed_at" is not null)))
);
--> statement-breakpoint
CREATE TABLE "queue_daily_quotas" (
	"regency_code" text NOT NULL,
	"point_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"day" date NOT NULL,
	"online_quota" integer,
	"online_booked" integer DEFAULT 0 NOT NULL,
	"walk_in_quota" integer,
	"walk_in_issued" integer DEFAULT 0 NOT NULL,
	"released" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "queue_daily_quotas_pk" PRIMARY KEY("regency_code","point_id","service_id","day"),
	CONSTRAINT "queue_daily_quotas_online_check" CHECK ("queue_daily_quotas"."online_booked" >= 0 and ("queue_daily_quotas"."online_quota" is null or "queue_daily_quotas"."online_booked" <= "queue_daily_quotas"."online_quota")),
	CONSTRAINT "queue_daily_quotas_walk_in_check" CHECK ("queue_daily_quotas"."walk_in_issued" >= 0 and "queue_daily_quotas"."released" >= 0 and ("queue_daily_quotas"."walk_in_quota" is null or "queue_daily_quotas"."walk_in_issued" <= "queue_daily_quotas"."walk_in_quota" + "queue_daily_quotas"."released"))
);
--> statement-breakpoint
CREATE TABLE "queue_kiosks" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"point_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "queue_kiosks_pk" PRIMARY KEY("regency_code","id")
);
--> statement-breakpoint
CREATE TABLE "queue_numbers" (
	"regency_code" text NOT NULL,
	"queue_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "queue_numbers_pk" PRIMARY KEY("regency_code","queue_id","day"),
	CONSTRAINT "queue_numbers_last_check" CHECK ("queue_numbers"."last" >= 1)
);
--> statement-breakpoint
CREATE TABLE "queue_phone_days" (
	"regency_code" text NOT NULL,
	"phone" text NOT NULL,
	"day" date NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "queue_phone_days_pk" PRIMARY KEY("regency_code","phone","day"),
	CONSTRAINT "queue_phone_days_active_check" CHECK ("queue_phone_days"."active" >= 0)
);
--> statement-breakpoint
CREATE TABLE "queue_point_settings" (
	"regency_code" text NOT NULL,
	"point_id" uuid NOT NULL,
	"priority_groups" jsonb NOT NULL,
	"mix_priority" integer DEFAULT 1 NOT NULL,
	"mix_normal" integer DEFAULT 2 NOT NULL,
	"max_wait_minutes" integer DEFAULT 60 NOT NULL,
	"target_wait_minutes" integer DEFAULT 30 NOT NULL,
	"check_in_early_minutes" integer DEFAULT 30 NOT NULL,
	"check_in_late_minutes" integer DEFAULT 10 NOT NULL,
	"near_ahead" integer DEFAULT 3 NOT NULL,
	"near_minutes" integer DEFAULT 10 NOT NULL,
	"phone_daily_limit" integer DEFAULT 2 NOT NULL,
	"default_service_minutes" integer DEFAULT 10 NOT NULL,
	"counter_word" text DEFAULT 'loket' NOT NULL,
	"running_text_id" text DEFAULT '' NOT NULL,
	"running_text_en" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "queue_point_settings_pk" PRIMARY KEY("regency_code","point_id"),
	CONSTRAINT "queue_point_settings_mix_check" CHECK ("queue_point_settings"."mix_priority" >= 0 and "queue_point_settings"."mix_normal" >= 0 and "queue_point_settings"."mix_priority" + "queue_point_settings"."mix_normal" > 0),
	CONSTRAINT "queue_point_settings_minutes_check" CHECK ("queue_point_settings"."max_wait_minutes" between 5 and 480 and "queue_point_settings"."target_wait_minutes" between 1 and 480 and "queue_point_settings"."check_in_early_minutes" between 0 and 240 and "queue_point_settings"."check_in_late_minutes" between 0 and 120),
	CONSTRAINT "queue_point_settings_limits_check" CHECK ("queue_point_settings"."near_ahead" >= 0 and "queue_point_settings"."near_minutes" >= 0 and "queue_point_settings"."phone_daily_limit" >= 1 and "queue_point_settings"."default_service_minutes" between 1 and 480),
	CONSTRAINT "queue_point_settings_counter_word_check" CHECK ("queue_point_settings"."counter_word" in ('loket', 'gerai', 'meja', 'ruang'))
);
--> statement-breakpoint
CREATE TABLE "queue_service_settings" (
	"regency_code" text NOT NULL,
	"point_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"booking_enabled" boolean DEFAULT true NOT NULL,
	"slot_minutes" integer DEFAULT 30 NOT NULL,
	"slot_capacity" integer DEFAULT 5 NOT NULL,
	"online_daily_quota" integer,
	"walk_in_daily_quota" integer,
	"opens_days_before" integer DEFAULT 7 NOT NULL,
	"opens_at" text DEFAULT '07:00' NOT NULL,
	"closing_margin_minutes" integer DEFAULT 30 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "queue_service_settings_pk" PRIMARY KEY("regency_code","point_id","service_id"),
	CONSTRAINT "queue_service_settings_slot_check" CHECK ("queue_service_settings"."slot_minutes" between 5 and 240 and "queue_service_settings"."slot_capacity" between 1 and 1000),
	CONSTRAINT "queue_service_settings_quota_check" CHECK (("queue_service_settings"."online_daily_quota" is null or "queue_service_settings"."online_daily_quota" >= 0) and ("queue_service_settings"."walk_in_daily_quota" is null or "queue_service_settings"."walk_in_daily_quota" >= 0)),
	CONSTRAINT "queue_service_settings_opening_check" CHECK ("queue_service_settings"."opens_days_before" between 0 and 90 and "queue_service_settings"."opens_at" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "queue_service_settings"."closing_margin_minutes" between 0 and 240)
);
--> statement-breakpoint
CREATE TABLE "queue_slots" (
	"regency_code" text NOT NULL,
	"point_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "queue_slots_pk" PRIMARY KEY("regency_code","point_id","service_id","day","start_time"),
	CONSTRAINT "queue_slots_capacity_check" CHECK ("queue_slots"."booked" >= 0 and "queue_slots"."booked" <= "queue_slots"."capacity"),
	CONSTRAINT "queue_slots_time_check" CHECK ("queue_slots"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and "queue_slots"."end_time" > "queue_slots"."start_time")
);
--> statement-breakpoint
CREATE TABLE "queue_ticket_events" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"day" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"counter_id" uuid,
	"officer_id" uuid,
	"pick" text,
	"reason" text,
	"details" jsonb,
	CONSTRAINT "queue_ticket_events_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "queue_ticket_events_to_state_check" CHECK (to_state in ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'walked_out'))
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"point_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"day" date NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"booking_id" uuid,
	"priority_group" text,
	"state" text DEFAULT 'waiting' NOT NULL,
	"held" boolean DEFAULT false NOT NULL,
	"target_counter_id" uuid,
	"counter_id" uuid,
	"officer_id" uuid,
	"first_counter_id" uuid,
	"first_officer_id" uuid,
	"arrived_at" timestamp with time zone NOT NULL,
	"booked_at" timestamp with time zone,
	"first_called_at" timestamp with time zone,
	"called_at" timestamp with time zone,
	"serving_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"call_count" integer DEFAULT 0 NOT NULL,
	"token" text NOT NULL,
	"phone" text,
	"locale" text DEFAULT 'id' NOT NULL,
	"near_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "queue_tickets_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "queue_tickets_state_check" CHECK (state in ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'walked_out')),
	CONSTRAINT "queue_tickets_kind_check" CHECK ("queue_tickets"."kind" in ('walk_in', 'appointment') and ("queue_tickets"."kind" = 'walk_in' or "queue_tickets"."booked_at" is not null)),
	CONSTRAINT "queue_tickets_source_check" CHECK ("queue_tickets"."source" in ('kiosk', 'counter', 'check_in')),
	CONSTRAINT "queue_tickets_held_check" CHECK (not "queue_tickets"."held" or ("queue_tickets"."state" = 'waiting' and "queue_tickets"."counter_id" is not null)),
	CONSTRAINT "queue_tickets_seq_check" CHECK ("queue_tickets"."seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "queue_visits" (
	"regency_code" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"day" date NOT NULL,
	"service_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"outcome" text,
	"delivered_service_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "queue_visits_pk" PRIMARY KEY("regency_code","id"),
	CONSTRAINT "queue_visits_outcome_check" CHECK ("queue_visits"."outcome" is null or "queue_visits"."outcome" in ('done', 'redirected', 'parked', 'transferred', 'walked_out')),
	CONSTRAINT "queue_visits_time_check" CHECK ("queue_visits"."ended_at" is null or "queue_visits"."ended_at" >= "queue_visits"."started_at")
);
--> statement-breakpoint
ALTER TABLE "queue_bookings" ADD CONSTRAINT "queue_bookings_slot_fk" FOREIGN KEY ("regency_code","point_id","service_id","day","start_time") REFERENCES "public"."queue_slots"("regency_code","point_id","service_id","day","start_time") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_bookings" ADD CONSTRAINT "queue_bookings_user_fk" FOREIGN KEY ("regency_code","user_id") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_counter_sessions" ADD CONSTRAINT "queue_counter_sessions_counter_fk" FOREIGN KEY ("regency_code","counter_id") REFERENCES "public"."counters"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_counter_sessions" ADD CONSTRAINT "queue_counter_sessions_officer_fk" FOREIGN KEY ("regency_code","officer_id") REFERENCES "public"."users"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_daily_quotas" ADD CONSTRAINT "queue_daily_quotas_point_service_fk" FOREIGN KEY ("regency_code","point_id","service_id") REFERENCES "public"."point_services"("regency_code","point_id","service_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_kiosks" ADD CONSTRAINT "queue_kiosks_point_fk" FOREIGN KEY ("regency_code","point_id") REFERENCES "public"."service_points"("regency_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_numbers" ADD CONSTRAINT "queue_numbers_queue_fk" FOREIGN KEY ("regency_code","queue_id") REFERENCES "public"."counters"("regency_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_point_settings" ADD CONSTRAINT "queue_point_settings_point_fk" FOREIGN KEY ("regency_code","point_id") REFERENCES "public"."service_points"("regency_code","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_service_settings" ADD CONSTRAINT "queue_service_settings_point_service_fk" FOREIGN KEY ("regency_code","point_id","service_id") REFERENCES "public"."point_services"("regency_code","point_id","service_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_slots" ADD CONSTRAINT "queue_slots_point_service_fk" FOREIGN KEY ("regency_code","point_id","service_id") REFERENCES "public"."point_services"("regency_code","point_id","service_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_ticket_events" ADD CONSTRAINT "queue_ticket_events_ticket_fk" FOREIGN KEY ("regency_code","ticket_id") REFERENCES "public"."queue_tickets"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_point_service_fk" FOREIGN KEY ("regency_code","point_id","service_id") REFERENCES "public"."point_services"("regency_code","point_id","service_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_queue_fk" FOREIGN KEY ("regency_code","queue_id") REFERENCES "public"."counters"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_counter_fk" FOREIGN KEY ("regency_code","counter_id") REFERENCES "public"."counters"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_target_counter_fk" FOREIGN KEY ("regency_code","target_counter_id") REFERENCES "public"."counters"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_booking_fk" FOREIGN KEY ("regency_code","booking_id") REFERENCES "public"."queue_bookings"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_visits" ADD CONSTRAINT "queue_visits_ticket_fk" FOREIGN KEY ("regency_code","ticket_id") REFERENCES "public"."queue_tickets"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_visits" ADD CONSTRAINT "queue_visits_counter_fk" FOREIGN KEY ("regency_code","counter_id") REFERENCES "public"."counters"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_visits" ADD CONSTRAINT "queue_visits_service_fk" FOREIGN KEY ("regency_code","service_id") REFERENCES "public"."services"("regency_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "queue_bookings_code_uq" ON "queue_bookings" USING btree ("regency_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_bookings_active_nik_uq" ON "queue_bookings" USING btree ("regency_code","nik","service_id","day") WHERE status in ('booked', 'checked_in');--> statement-breakpoint
CREATE INDEX "queue_bookings_user_idx" ON "queue_bookings" USING btree ("regency_code","user_id");--> statement-breakpoint
CREATE INDEX "queue_bookings_nik_status_idx" ON "queue_bookings" USING btree ("regency_code","nik","status");--> statement-breakpoint
CREATE INDEX "queue_bookings_due_idx" ON "queue_bookings" USING btree ("regency_code","status","day");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_counter_sessions_counter_uq" ON "queue_counter_sessions" USING btree ("regency_code","counter_id") WHERE closed_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "queue_counter_sessions_officer_uq" ON "queue_counter_sessions" USING btree ("regency_code","officer_id") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "queue_counter_sessions_point_idx" ON "queue_counter_sessions" USING btree ("regency_code","point_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_kiosks_token_uq" ON "queue_kiosks" USING btree ("regency_code","token_hash");--> statement-breakpoint
CREATE INDEX "queue_ticket_events_ticket_idx" ON "queue_ticket_events" USING btree ("regency_code","ticket_id","at");--> statement-breakpoint
CREATE INDEX "queue_ticket_events_point_day_idx" ON "queue_ticket_events" USING btree ("regency_code","point_id","day","at");--> statement-breakpoint
CREATE INDEX "queue_ticket_events_counter_idx" ON "queue_ticket_events" USING btree ("regency_code","counter_id","day","at");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_number_uq" ON "queue_tickets" USING btree ("regency_code","queue_id","day","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_token_uq" ON "queue_tickets" USING btree ("regency_code","token");--> statement-breakpoint
CREATE INDEX "queue_tickets_point_day_state_idx" ON "queue_tickets" USING btree ("regency_code","point_id","day","state");--> statement-breakpoint
CREATE INDEX "queue_tickets_counter_state_idx" ON "queue_tickets" USING btree ("regency_code","counter_id","state");--> statement-breakpoint
CREATE INDEX "queue_visits_point_day_idx" ON "queue_visits" USING btree ("regency_code","point_id","day");--> statement-breakpoint
CREATE INDEX "queue_visits_service_idx" ON "queue_visits" USING btree ("regency_code","point_id","service_id","ended_at");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_visits_open_uq" ON "queue_visits" USING btree ("regency_code","ticket_id") WHERE ended_at is null;