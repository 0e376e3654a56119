-- The chain head (audit_chain_head, 0015): per regency, the newest seq and hash of audit_log.
-- Filled from the rows already written, then advanced by a trigger in the transaction of every
-- insert, which also refuses a row that does not follow the head (seq + 1, prev_hash = its hash).
-- The head only moves forward: it cannot be rewound, rewritten or removed, so deleting the newest
-- audit rows (behind audit_log's own trigger) leaves a head naming rows that are gone.
INSERT INTO audit_chain_head (regency_code, seq, hash)
SELECT DISTINCT ON (regency_code) regency_code, seq, hash FROM audit_log ORDER BY regency_code, seq DESC;
--> statement-breakpoint
CREATE FUNCTION audit_chain_advance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head audit_chain_head%ROWTYPE;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE regency_code = NEW.regency_code FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_head (regency_code, seq, hash) VALUES (NEW.regency_code, NEW.seq, NEW.hash);
    RETURN NULL;
  END IF;
  IF NEW.seq <> head.seq + 1 OR NEW.prev_hash <> head.hash THEN
    RAISE EXCEPTION 'audit_log row % of % does not follow the chain head (seq %)', NEW.seq, NEW.regency_code, head.seq
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE regency_code = NEW.regency_code;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_advance_head AFTER INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_chain_advance();
--> statement-breakpoint
CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.regency_code = OLD.regency_code AND NEW.seq > OLD.seq THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_chain_head only moves forward (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_forward_only();
