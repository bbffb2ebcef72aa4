CREATE TABLE "search_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"language" text NOT NULL,
	"original_language" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"terms" "tsvector" NOT NULL,
	"fuzzy" text NOT NULL,
	"concepts" text[] DEFAULT '{}' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"sdg_targets" text[] DEFAULT '{}' NOT NULL,
	"sdg_goals" text[] DEFAULT '{}' NOT NULL,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"visibility" text NOT NULL,
	"is_published" boolean NOT NULL,
	"organisation_id" uuid,
	"boost" real DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "search_documents_entity_language_idx" ON "search_documents" USING btree ("entity_type","entity_id","language");--> statement-breakpoint
CREATE INDEX "search_documents_terms_idx" ON "search_documents" USING gin ("terms");--> statement-breakpoint
CREATE INDEX "search_documents_concepts_idx" ON "search_documents" USING gin ("concepts");--> statement-breakpoint
CREATE INDEX "search_documents_fuzzy_idx" ON "search_documents" USING gin ("fuzzy" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_themes_idx" ON "search_documents" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "search_documents_countries_idx" ON "search_documents" USING gin ("countries");