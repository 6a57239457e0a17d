DROP INDEX "activity_outcomes_kind_idx";--> statement-breakpoint
ALTER TABLE "activity_outcomes" ADD COLUMN "happened_on" date;--> statement-breakpoint
-- Outcomes entered before this column happened on the day they were entered, or on the activity's last day when that came first.
UPDATE "activity_outcomes" o SET "happened_on" = LEAST(
  (o."created_at" AT TIME ZONE 'Asia/Shanghai')::date,
  (SELECT (a."ends_at" AT TIME ZONE 'Asia/Shanghai')::date FROM "activities" a WHERE a."id" = o."activity_id")
);--> statement-breakpoint
ALTER TABLE "activity_outcomes" ALTER COLUMN "happened_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_registrations" ADD COLUMN "short_code" text;--> statement-breakpoint
-- Existing registrations get two hex letters of their id and their place in the activity: unique within it by construction.
UPDATE "activity_registrations" r SET "short_code" = n.code FROM (
  SELECT "id", upper(substr(md5("id"::text), 1, 2)) || lpad(row_number() OVER (PARTITION BY "activity_id" ORDER BY "seq")::text, 4, '0') AS code
  FROM "activity_registrations"
) n WHERE n."id" = r."id";--> statement-breakpoint
ALTER TABLE "activity_registrations" ALTER COLUMN "short_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "order_outcomes" ADD COLUMN "happened_on" date;--> statement-breakpoint
UPDATE "order_outcomes" SET "happened_on" = ("created_at" AT TIME ZONE 'Asia/Shanghai')::date;--> statement-breakpoint
ALTER TABLE "order_outcomes" ALTER COLUMN "happened_on" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_registrations_short_code_uq" ON "activity_registrations" USING btree ("activity_id","short_code");--> statement-breakpoint
CREATE INDEX "order_outcomes_happened_idx" ON "order_outcomes" USING btree ("happened_on");--> statement-breakpoint
CREATE INDEX "activity_outcomes_kind_idx" ON "activity_outcomes" USING btree ("kind","happened_on");
