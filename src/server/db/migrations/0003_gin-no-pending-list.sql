-- PGlite has no autovacuum, so entries waiting in a GIN index's pending list (fastupdate) would
-- slow every search until a vacuum. Writes here are few; index them at once instead.
ALTER INDEX "search_documents_terms_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "search_documents_concepts_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "search_documents_fuzzy_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "search_documents_themes_idx" SET (fastupdate = off);--> statement-breakpoint
ALTER INDEX "search_documents_countries_idx" SET (fastupdate = off);--> statement-breakpoint
SELECT gin_clean_pending_list('search_documents_terms_idx'::regclass);--> statement-breakpoint
SELECT gin_clean_pending_list('search_documents_concepts_idx'::regclass);
