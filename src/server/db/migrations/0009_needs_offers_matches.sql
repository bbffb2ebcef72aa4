CREATE TABLE "match_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"match_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"side" text,
	"actor_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"match_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"candidate_type" text NOT NULL,
	"candidate_id" uuid NOT NULL,
	"score" real NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'suggested' NOT NULL,
	"interest_side" text,
	"decline_reason" text,
	"agreement" jsonb,
	"project_id" uuid,
	"digested_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"language" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"source" jsonb,
	"owner_id" text,
	"owner_organisation_id" uuid,
	"working_group_id" uuid,
	"texts" jsonb NOT NULL,
	"country" text NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"sdg_targets" text[] DEFAULT '{}' NOT NULL,
	"modalities" text[] DEFAULT '{}' NOT NULL,
	"working_languages" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"budget_amount" numeric(18, 2),
	"budget_currency" text,
	"co_financing" text,
	"recommendation_ids" uuid[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "needs_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"language" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"source" jsonb,
	"owner_id" text,
	"owner_organisation_id" uuid,
	"working_group_id" uuid,
	"texts" jsonb NOT NULL,
	"country" text NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"sdg_targets" text[] DEFAULT '{}' NOT NULL,
	"modalities" text[] DEFAULT '{}' NOT NULL,
	"working_languages" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"capacity_places" integer,
	"capacity_experts" integer,
	"capacity_amount" numeric(18, 2),
	"capacity_currency" text,
	"cost_sharing" text,
	"available_from" date,
	"available_until" date,
	CONSTRAINT "offers_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_messages" ADD CONSTRAINT "match_messages_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_events_match_idx" ON "match_events" USING btree ("match_id","created_at");--> statement-breakpoint
CREATE INDEX "match_messages_match_idx" ON "match_messages" USING btree ("match_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_pair_idx" ON "matches" USING btree ("need_id","candidate_type","candidate_id");--> statement-breakpoint
CREATE INDEX "matches_candidate_idx" ON "matches" USING btree ("candidate_type","candidate_id");--> statement-breakpoint
CREATE INDEX "matches_status_idx" ON "matches" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "needs_status_idx" ON "needs" USING btree ("status","visibility");--> statement-breakpoint
CREATE INDEX "needs_owner_org_idx" ON "needs" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "offers_status_idx" ON "offers" USING btree ("status","visibility");--> statement-breakpoint
CREATE INDEX "offers_owner_org_idx" ON "offers" USING btree ("owner_organisation_id");