-- The timeline of an application is append-only: what happened, who did it and when is never
-- rewritten or removed, whoever asks (like audit_log, 0001).
CREATE FUNCTION application_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'application_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER application_events_no_update_delete BEFORE UPDATE OR DELETE ON application_events
  FOR EACH ROW EXECUTE FUNCTION application_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER application_events_no_truncate BEFORE TRUNCATE ON application_events
  FOR EACH STATEMENT EXECUTE FUNCTION application_events_refuse_change();
