-- The version in force must exist. Deferred to commit: a service and its version 1 are written in
-- one transaction, each referring to the other.
ALTER TABLE services ADD CONSTRAINT services_current_version_fk
  FOREIGN KEY (regency_code, id, current_version) REFERENCES service_standards (regency_code, service_id, version)
  DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
-- A published standard is a public commitment: its version row and requirements never change and
-- are never removed. Editing publishes a new version; applications keep the version they were filed under.
CREATE FUNCTION catalogue_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable: publish a new version instead (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER service_standards_immutable BEFORE UPDATE OR DELETE ON service_standards
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_change();
--> statement-breakpoint
CREATE TRIGGER service_requirements_immutable BEFORE UPDATE OR DELETE ON service_requirements
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_change();
--> statement-breakpoint
-- The version in force only moves forward.
CREATE FUNCTION services_version_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.current_version < OLD.current_version THEN
    RAISE EXCEPTION 'service % current_version may not go back from % to %', OLD.code, OLD.current_version, NEW.current_version
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER services_version_forward BEFORE UPDATE OF current_version ON services
  FOR EACH ROW EXECUTE FUNCTION services_version_forward();
--> statement-breakpoint
-- The search index (search_terms) of one service, rebuilt from the service and its agency.
CREATE FUNCTION catalogue_index_service(p_regency text, p_service uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_terms WHERE regency_code = p_regency AND service_id = p_service;
  INSERT INTO search_terms (regency_code, service_id, kind, term, weight)
    SELECT s.regency_code, s.id, 'name', s.search_name, 1 FROM services s
    WHERE s.regency_code = p_regency AND s.id = p_service AND s.search_name <> '';
  INSERT INTO search_terms (regency_code, service_id, kind, term, weight)
    SELECT DISTINCT s.regency_code, s.id, 'keyword', k, 1 FROM services s, unnest(s.search_keywords) AS k
    WHERE s.regency_code = p_regency AND s.id = p_service AND k <> '';
  -- A word of the name, code or keywords weighs 1; one found only in the summary or agency, 0.7.
  INSERT INTO search_terms (regency_code, service_id, kind, term, weight)
    SELECT s.regency_code, s.id, 'word', w, 1 FROM services s, unnest(s.search_words) AS w
    WHERE s.regency_code = p_regency AND s.id = p_service;
  INSERT INTO search_terms (regency_code, service_id, kind, term, weight)
    SELECT s.regency_code, s.id, 'word', w, 0.7
    FROM services s JOIN agencies a ON a.regency_code = s.regency_code AND a.id = s.agency_id,
         unnest(s.search_more_words || catalogue_words(a.short_name || ' ' || a.name_id, '{}'::text[])) AS w
    WHERE s.regency_code = p_regency AND s.id = p_service
  ON CONFLICT DO NOTHING;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION services_index_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalogue_index_service(NEW.regency_code, NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER services_index_search AFTER INSERT OR UPDATE OF name_id, code, keywords, summary_id, agency_id ON services
  FOR EACH ROW EXECUTE FUNCTION services_index_search();
--> statement-breakpoint
CREATE FUNCTION agencies_index_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalogue_index_service(s.regency_code, s.id) FROM services s WHERE s.regency_code = NEW.regency_code AND s.agency_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER agencies_index_search AFTER UPDATE OF short_name, name_id ON agencies
  FOR EACH ROW EXECUTE FUNCTION agencies_index_search();
