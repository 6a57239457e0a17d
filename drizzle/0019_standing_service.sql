CREATE TABLE "rule_sets" (
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"rule" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_sets_key_version_pk" PRIMARY KEY("key","version")
);
--> statement-breakpoint
CREATE TABLE "service_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"scope_region" text NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"seq" integer NOT NULL,
	"due_on" date NOT NULL,
	"record_kind" text,
	"activity_id" uuid,
	"visit_id" uuid,
	"done_on" date,
	"recorded_at" timestamp with time zone,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"reminded_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"scope_region" text NOT NULL,
	"year" integer NOT NULL,
	"cadence" jsonb NOT NULL,
	"services" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"goal" text,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standing_visit_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standing_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope_region" text NOT NULL,
	"team_id" uuid,
	"visited_on" date NOT NULL,
	"enterprise_id" uuid,
	"place" text,
	"people" text,
	"summary" text NOT NULL,
	"findings" text,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "role" text DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "county_code" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "industry_code" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "industry_name" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "station_id" uuid;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD CONSTRAINT "service_occurrences_plan_id_service_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."service_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD CONSTRAINT "service_occurrences_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD CONSTRAINT "service_occurrences_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD CONSTRAINT "service_occurrences_visit_id_standing_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."standing_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_plans" ADD CONSTRAINT "service_plans_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_visit_files" ADD CONSTRAINT "standing_visit_files_visit_id_standing_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."standing_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_visits" ADD CONSTRAINT "standing_visits_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_visits" ADD CONSTRAINT "standing_visits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_occurrences_slot_uq" ON "service_occurrences" USING btree ("plan_id","kind","period_start","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "service_occurrences_activity_uq" ON "service_occurrences" USING btree ("activity_id") WHERE "service_occurrences"."activity_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "service_occurrences_visit_uq" ON "service_occurrences" USING btree ("visit_id") WHERE "service_occurrences"."visit_id" is not null;--> statement-breakpoint
CREATE INDEX "service_occurrences_scope_due_idx" ON "service_occurrences" USING btree ("scope_region","due_on");--> statement-breakpoint
CREATE INDEX "service_occurrences_team_due_idx" ON "service_occurrences" USING btree ("team_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "service_plans_team_year_uq" ON "service_plans" USING btree ("team_id","year");--> statement-breakpoint
CREATE INDEX "service_plans_scope_idx" ON "service_plans" USING btree ("scope_region","year");--> statement-breakpoint
CREATE INDEX "standing_visit_files_visit_idx" ON "standing_visit_files" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "standing_visits_team_idx" ON "standing_visits" USING btree ("team_id","visited_on");--> statement-breakpoint
CREATE INDEX "standing_visits_scope_idx" ON "standing_visits" USING btree ("scope_region","visited_on");--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "rule_sets" ("key", "version", "name_zh", "name_en", "rule") VALUES ('teams.composition.combined', 1, '组合式人才帮扶团组建规则', 'Composition of an assistance team', '{"all":[{"fact":"chiefCount","op":"eq","value":1,"name":{"zh":"须有且只有一名首席专家","en":"Exactly one chief expert"}},{"fact":"expertCount","op":"gte","value":2,"name":{"zh":"至少两名学会或高校专家","en":"At least two experts from societies or universities"}},{"fact":"managerCount","op":"gte","value":1,"name":{"zh":"至少一名技术经理人","en":"At least one technology manager"}},{"fact":"countyCode","op":"exists","name":{"zh":"须结对一个县（市、区）","en":"Paired with a county"}},{"fact":"industryName","op":"exists","name":{"zh":"须明确县域主导产业","en":"The county''s leading industry named"}}],"name":{"zh":"组合式人才帮扶团","en":"Assistance team"}}');
