CREATE TABLE "profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"job_title" text,
	"country_iso3" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"expertise" text,
	"bio" text,
	"phone" text,
	"website" text,
	"time_zone" text,
	"shared_fields" text[] DEFAULT ARRAY['email']::text[] NOT NULL,
	"listed" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profiles_country_idx" ON "profiles" USING btree ("country_iso3");