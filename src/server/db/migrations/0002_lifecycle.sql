CREATE TABLE "solution_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"solution_id" uuid NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solution_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"solution_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "solutions" ADD COLUMN "contact" jsonb;--> statement-breakpoint
ALTER TABLE "solutions" ADD COLUMN "inferred" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "solutions" ADD COLUMN "import_key" text;--> statement-breakpoint
ALTER TABLE "solutions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "solution_reviews" ADD CONSTRAINT "solution_reviews_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_versions" ADD CONSTRAINT "solution_versions_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "solution_reviews_solution_idx" ON "solution_reviews" USING btree ("solution_id","created_at");--> statement-breakpoint
CREATE INDEX "solution_versions_solution_idx" ON "solution_versions" USING btree ("solution_id","version");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_import_key_unique" UNIQUE("import_key");