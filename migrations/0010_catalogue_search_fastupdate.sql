DROP INDEX "search_terms_term_trgm";--> statement-breakpoint
DROP INDEX "search_terms_compact_trgm";--> statement-breakpoint
CREATE INDEX "search_terms_term_trgm" ON "search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_terms_compact_trgm" ON "search_terms" USING gin ("compact" gin_trgm_ops) WHERE kind = 'keyword';