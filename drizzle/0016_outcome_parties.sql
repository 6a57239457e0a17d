CREATE TABLE "activity_outcome_parties" (
	"outcome_id" uuid NOT NULL,
	"institution_id" uuid,
	"enterprise_id" uuid,
	"talent_id" uuid,
	CONSTRAINT "activity_outcome_parties_one_record" CHECK (num_nonnulls("activity_outcome_parties"."institution_id", "activity_outcome_parties"."enterprise_id", "activity_outcome_parties"."talent_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "activity_outcomes" DROP CONSTRAINT "activity_outcomes_enterprise_id_enterprises_id_fk";
--> statement-breakpoint
ALTER TABLE "activity_outcomes" DROP CONSTRAINT "activity_outcomes_talent_id_talents_id_fk";
--> statement-breakpoint
ALTER TABLE "activity_outcome_parties" ADD CONSTRAINT "activity_outcome_parties_outcome_id_activity_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."activity_outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_outcome_parties" ADD CONSTRAINT "activity_outcome_parties_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_outcome_parties" ADD CONSTRAINT "activity_outcome_parties_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_outcome_parties" ADD CONSTRAINT "activity_outcome_parties_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_outcome_parties_outcome_idx" ON "activity_outcome_parties" USING btree ("outcome_id");--> statement-breakpoint
CREATE INDEX "activity_outcome_parties_institution_idx" ON "activity_outcome_parties" USING btree ("institution_id") WHERE "activity_outcome_parties"."institution_id" is not null;--> statement-breakpoint
CREATE INDEX "activity_outcome_parties_enterprise_idx" ON "activity_outcome_parties" USING btree ("enterprise_id") WHERE "activity_outcome_parties"."enterprise_id" is not null;--> statement-breakpoint
-- Outcomes recorded before named one enterprise and one expert, and the registration they came from:
-- each record they named (the registration's too) becomes a party, once.
INSERT INTO "activity_outcome_parties" ("outcome_id", "enterprise_id")
SELECT DISTINCT o."id", x."id"
FROM "activity_outcomes" o
LEFT JOIN "activity_registrations" r ON r."id" = o."registration_id"
CROSS JOIN LATERAL (VALUES (o."enterprise_id"), (r."enterprise_id")) AS x("id")
WHERE x."id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "activity_outcome_parties" ("outcome_id", "talent_id")
SELECT DISTINCT o."id", x."id"
FROM "activity_outcomes" o
LEFT JOIN "activity_registrations" r ON r."id" = o."registration_id"
CROSS JOIN LATERAL (VALUES (o."talent_id"), (r."talent_id")) AS x("id")
WHERE x."id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "activity_outcome_parties" ("outcome_id", "institution_id")
SELECT DISTINCT o."id", r."institution_id"
FROM "activity_outcomes" o
JOIN "activity_registrations" r ON r."id" = o."registration_id"
WHERE r."institution_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_outcomes" DROP COLUMN "enterprise_id";--> statement-breakpoint
ALTER TABLE "activity_outcomes" DROP COLUMN "talent_id";