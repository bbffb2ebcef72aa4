CREATE TABLE "project_budgets" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text DEFAULT '1' NOT NULL,
	"status" text DEFAULT '1' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"value_date" date
);
--> statement-breakpoint
CREATE TABLE "project_transactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"ref" text,
	"type" text NOT NULL,
	"date" date NOT NULL,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"value_date" date,
	"description" text,
	"provider_ref" text,
	"provider_name" text,
	"provider_activity_id" text,
	"receiver_ref" text,
	"receiver_name" text,
	"receiver_activity_id" text,
	"counterpart_id" bigint
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"language" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"source" jsonb,
	"owner_id" text,
	"owner_organisation_id" uuid,
	"working_group_id" uuid,
	"iati_identifier" text NOT NULL,
	"texts" jsonb NOT NULL,
	"reporting_org" jsonb NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"regions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sectors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sdg_goals" text[] DEFAULT '{}' NOT NULL,
	"sdg_targets" text[] DEFAULT '{}' NOT NULL,
	"modalities" text[] DEFAULT '{}' NOT NULL,
	"cooperation_type" text,
	"status" text DEFAULT '1' NOT NULL,
	"publication" text DEFAULT 'published' NOT NULL,
	"planned_start" date,
	"actual_start" date,
	"planned_end" date,
	"actual_end" date,
	"default_currency" text,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"need_ids" uuid[] DEFAULT '{}' NOT NULL,
	"match_ids" uuid[] DEFAULT '{}' NOT NULL,
	"recommendation_ids" uuid[] DEFAULT '{}' NOT NULL,
	"iati_version" text,
	"iati_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_slug_unique" UNIQUE("slug"),
	CONSTRAINT "projects_iati_identifier_unique" UNIQUE("iati_identifier")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
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
	"source_assessment" text NOT NULL,
	"issued_on" date NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "project_budgets" ADD CONSTRAINT "project_budgets_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transactions" ADD CONSTRAINT "project_transactions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_transactions" ADD CONSTRAINT "project_transactions_counterpart_id_project_transactions_id_fk" FOREIGN KEY ("counterpart_id") REFERENCES "public"."project_transactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_budgets_project_idx" ON "project_budgets" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "project_transactions_project_idx" ON "project_transactions" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "project_transactions_provider_activity_idx" ON "project_transactions" USING btree ("provider_activity_id");--> statement-breakpoint
CREATE INDEX "project_transactions_receiver_activity_idx" ON "project_transactions" USING btree ("receiver_activity_id");--> statement-breakpoint
CREATE INDEX "projects_status_idx" ON "projects" USING btree ("publication","visibility","status");--> statement-breakpoint
CREATE INDEX "projects_owner_org_idx" ON "projects" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "projects_countries_idx" ON "projects" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "recommendations_country_idx" ON "recommendations" USING btree ("country","status");--> statement-breakpoint
CREATE INDEX "recommendations_owner_org_idx" ON "recommendations" USING btree ("owner_organisation_id");