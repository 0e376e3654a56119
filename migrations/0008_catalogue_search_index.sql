DROP INDEX "search_terms_term_trgm";--> statement-breakpoint
DROP INDEX "search_terms_compact_trgm";--> statement-breakpoint
CREATE INDEX "search_terms_term_trgm" ON "search_terms" USING gin ("term" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "search_terms_compact_trgm" ON "search_terms" USING gin ("compact" gin_trgm_ops) WITH (fastupdate=false) WHERE kind = 'keyword';