CREATE TABLE "working_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"language" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"source" jsonb,
	"number" integer,
	"pillar" integer,
	"texts" jsonb NOT NULL,
	"chair_ids" uuid[] DEFAULT '{}' NOT NULL,
	"co_chair_ids" uuid[] DEFAULT '{}' NOT NULL,
	"vice_chair_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_groups_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"language" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"source" jsonb,
	"texts" jsonb NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"date_precision" text DEFAULT 'day' NOT NULL,
	"city" text,
	"country_iso3" text,
	"organiser_ids" uuid[] DEFAULT '{}' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "funds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"language" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"source" jsonb,
	"kind" text NOT NULL,
	"texts" jsonb NOT NULL,
	"manager_ids" uuid[] DEFAULT '{}' NOT NULL,
	"currency" text,
	"period_start" integer,
	"period_end" integer,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funds_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"language" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"source" jsonb,
	"acronym" text,
	"names" jsonb NOT NULL,
	"descriptions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"iati_type" text,
	"category" text NOT NULL,
	"country_iso3" text,
	"compact_status" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "codelist_items" (
	"list" text NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"category" text,
	"status" text DEFAULT 'active' NOT NULL,
	CONSTRAINT "codelist_items_list_code_pk" PRIMARY KEY("list","code")
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"m49" text PRIMARY KEY NOT NULL,
	"iso2" text,
	"iso3" text NOT NULL,
	"names" jsonb NOT NULL,
	"region" text,
	"sub_region" text,
	"intermediate_region" text,
	"is_ldc" boolean DEFAULT false NOT NULL,
	"is_lldc" boolean DEFAULT false NOT NULL,
	"is_sids" boolean DEFAULT false NOT NULL,
	CONSTRAINT "countries_iso3_unique" UNIQUE("iso3")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"m49" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent" text,
	"names" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdg_goals" (
	"code" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL,
	"short" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdg_targets" (
	"code" text PRIMARY KEY NOT NULL,
	"goal" text NOT NULL,
	"position" integer NOT NULL,
	"title" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"vocabulary" text NOT NULL,
	"id" text NOT NULL,
	"parent" text,
	"kind" text,
	"position" integer NOT NULL,
	"labels" jsonb NOT NULL,
	"descriptions" jsonb,
	"sectors" text[],
	CONSTRAINT "taxonomy_terms_vocabulary_id_pk" PRIMARY KEY("vocabulary","id")
);
--> statement-breakpoint
CREATE TABLE "solutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"language" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"source" jsonb,
	"texts" jsonb NOT NULL,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"replicated_in" text[] DEFAULT '{}' NOT NULL,
	"provider_ids" uuid[] DEFAULT '{}' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"sdg_targets" text[] DEFAULT '{}' NOT NULL,
	"modalities" text[] DEFAULT '{}' NOT NULL,
	"cooperation_type" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "solutions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "sdg_targets" ADD CONSTRAINT "sdg_targets_goal_sdg_goals_code_fk" FOREIGN KEY ("goal") REFERENCES "public"."sdg_goals"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_starts_on_idx" ON "events" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "organisations_category_idx" ON "organisations" USING btree ("category");--> statement-breakpoint
CREATE INDEX "solutions_status_idx" ON "solutions" USING btree ("status","visibility");--> statement-breakpoint
CREATE INDEX "solutions_themes_idx" ON "solutions" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "solutions_countries_idx" ON "solutions" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "solutions_sdg_idx" ON "solutions" USING gin ("sdg_targets");