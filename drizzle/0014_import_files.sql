ALTER TABLE "import_jobs" ALTER COLUMN "file_data" DROP NOT NULL;--> statement-breakpoint
-- Uploaded files hold personal data: keep only those of jobs still waiting to be committed.
UPDATE "import_jobs" SET "file_data" = NULL WHERE "status" NOT IN ('previewed', 'committing');
