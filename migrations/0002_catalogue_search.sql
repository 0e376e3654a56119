-- Search for the service catalogue with PostgreSQL's own tools, identical on PGlite and PostgreSQL:
-- trigram similarity (pg_trgm) on text folded to lower case without accents (unaccent).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- Folds text for matching: lower case, accents removed, every run of non-alphanumerics one space
-- ('KTP-el' → 'ktp el', 'AK/1' → 'ak 1'). IMMUTABLE (the dictionary is named explicitly), so it can
-- feed generated columns and indexes.
CREATE OR REPLACE FUNCTION catalogue_norm(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)), '[^a-z0-9]+', ' ', 'g')) $$;
--> statement-breakpoint
-- Each phrase of a list folded (keywords stay phrases: 'ktp hilang').
CREATE OR REPLACE FUNCTION catalogue_norm_each(value text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(catalogue_norm(v) ORDER BY o), '{}') FROM unnest(value) WITH ORDINALITY AS u(v, o) $$;
--> statement-breakpoint
-- The distinct folded words (two letters or more) of a text and a list of phrases: the vocabulary a
-- query word is matched against.
CREATE OR REPLACE FUNCTION catalogue_words(value text, phrases text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT coalesce(array_agg(DISTINCT w ORDER BY w), '{}')
    FROM unnest(string_to_array(catalogue_norm(value || ' ' || array_to_string(phrases, ' ')), ' ')) AS w
    WHERE length(w) >= 2
  $$;
