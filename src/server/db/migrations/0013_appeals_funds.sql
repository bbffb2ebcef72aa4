CREATE TABLE "appeal_projects" (
	"appeal_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"programme" text,
	"requirement" numeric NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeal_projects_appeal_id_project_id_pk" PRIMARY KEY("appeal_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"donor_organisation_id" uuid,
	"donor_name" text NOT NULL,
	"appeal_id" uuid,
	"fund_id" uuid,
	"project_id" uuid,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"made_on" date NOT NULL,
	"note" text,
	"source" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"rate_table_id" text NOT NULL,
	"currency" text NOT NULL,
	"rate" numeric NOT NULL,
	CONSTRAINT "exchange_rates_rate_table_id_currency_pk" PRIMARY KEY("rate_table_id","currency")
);
--> statement-breakpoint
CREATE TABLE "fund_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"appeal_id" uuid,
	"amount" numeric NOT NULL,
	"currency" text NOT NULL,
	"allocated_on" date NOT NULL,
	"note" text,
	"source" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_tables" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"base_currency" text NOT NULL,
	"effective_on" date NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeal_projects" ADD CONSTRAINT "appeal_projects_appeal_id_funds_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."funds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_projects" ADD CONSTRAINT "appeal_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_donor_organisation_id_organisations_id_fk" FOREIGN KEY ("donor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_appeal_id_funds_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."funds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_rate_table_id_rate_tables_id_fk" FOREIGN KEY ("rate_table_id") REFERENCES "public"."rate_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_fund_id_funds_id_fk" FOREIGN KEY ("fund_id") REFERENCES "public"."funds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_appeal_id_funds_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."funds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeal_projects_project_id_index" ON "appeal_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "contributions_appeal_id_index" ON "contributions" USING btree ("appeal_id");--> statement-breakpoint
CREATE INDEX "contributions_fund_id_index" ON "contributions" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "contributions_project_id_index" ON "contributions" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_fund_id_index" ON "fund_allocations" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_project_id_index" ON "fund_allocations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_appeal_id_index" ON "fund_allocations" USING btree ("appeal_id");