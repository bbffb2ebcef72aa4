ALTER TABLE "project_budgets" ALTER COLUMN "currency" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "project_transactions" ALTER COLUMN "currency" DROP NOT NULL;