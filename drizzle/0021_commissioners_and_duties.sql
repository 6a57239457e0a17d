CREATE TABLE "commissioner_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"side" text NOT NULL,
	"enterprise_id" uuid,
	"talent_id" uuid,
	"need" text,
	"preferences" uuid[] DEFAULT '{}' NOT NULL,
	"preferences_by_name" text,
	"preferences_at" timestamp with time zone,
	"left_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissioner_entries_one_party" CHECK (("commissioner_entries"."side" = 'enterprise' and "commissioner_entries"."enterprise_id" is not null and "commissioner_entries"."talent_id" is null) or ("commissioner_entries"."side" = 'expert' and "commissioner_entries"."talent_id" is not null and "commissioner_entries"."enterprise_id" is null))
);
--> statement-breakpoint
CREATE TABLE "commissioner_pairings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"scope_region" text NOT NULL,
	"talent_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"score" integer,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commissioner_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope_region" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'main' NOT NULL,
	"parent_id" uuid,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"portfolio_limit" integer NOT NULL,
	"visit_cadence" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"proposed_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_duties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope_region" text NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"talent_id" uuid,
	"enterprise_id" uuid,
	"cadence" jsonb NOT NULL,
	"care" boolean DEFAULT true NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"note" text,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contact_duties_one_subject" CHECK (("contact_duties"."subject" = 'talent' and "contact_duties"."talent_id" is not null and "contact_duties"."enterprise_id" is null) or ("contact_duties"."subject" = 'enterprise' and "contact_duties"."enterprise_id" is not null and "contact_duties"."talent_id" is null))
);
--> statement-breakpoint
CREATE TABLE "refined_demands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"pairing_id" uuid,
	"list_item_id" uuid NOT NULL,
	"scope_region" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standing_settings" (
	"region_code" text PRIMARY KEY NOT NULL,
	"allow_shared_commissioners" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "service_occurrences_slot_uq";--> statement-breakpoint
ALTER TABLE "service_occurrences" ALTER COLUMN "plan_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "service_occurrences" ALTER COLUMN "team_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD COLUMN "subject" text DEFAULT 'team' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
UPDATE "service_occurrences" SET "owner_id" = "plan_id";--> statement-breakpoint
ALTER TABLE "service_occurrences" ALTER COLUMN "owner_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD COLUMN "pairing_id" uuid;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD COLUMN "duty_id" uuid;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD COLUMN "talent_id" uuid;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD COLUMN "assignee_user_id" uuid;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD COLUMN "occasion" text;--> statement-breakpoint
ALTER TABLE "standing_visits" ADD COLUMN "pairing_id" uuid;--> statement-breakpoint
ALTER TABLE "standing_visits" ADD COLUMN "duty_id" uuid;--> statement-breakpoint
ALTER TABLE "standing_visits" ADD COLUMN "mode" text DEFAULT 'onsite' NOT NULL;--> statement-breakpoint
ALTER TABLE "standing_visits" ADD COLUMN "talent_id" uuid;--> statement-breakpoint
ALTER TABLE "commissioner_entries" ADD CONSTRAINT "commissioner_entries_round_id_commissioner_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."commissioner_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_entries" ADD CONSTRAINT "commissioner_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_entries" ADD CONSTRAINT "commissioner_entries_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_pairings" ADD CONSTRAINT "commissioner_pairings_round_id_commissioner_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."commissioner_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_pairings" ADD CONSTRAINT "commissioner_pairings_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_pairings" ADD CONSTRAINT "commissioner_pairings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_rounds" ADD CONSTRAINT "commissioner_rounds_parent_id_commissioner_rounds_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."commissioner_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_duties" ADD CONSTRAINT "contact_duties_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_duties" ADD CONSTRAINT "contact_duties_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_duties" ADD CONSTRAINT "contact_duties_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refined_demands" ADD CONSTRAINT "refined_demands_visit_id_standing_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."standing_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refined_demands" ADD CONSTRAINT "refined_demands_pairing_id_commissioner_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."commissioner_pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refined_demands" ADD CONSTRAINT "refined_demands_list_item_id_list_items_id_fk" FOREIGN KEY ("list_item_id") REFERENCES "public"."list_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commissioner_entries_enterprise_uq" ON "commissioner_entries" USING btree ("round_id","enterprise_id") WHERE "commissioner_entries"."enterprise_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "commissioner_entries_talent_uq" ON "commissioner_entries" USING btree ("round_id","talent_id") WHERE "commissioner_entries"."talent_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "commissioner_pairings_round_enterprise_uq" ON "commissioner_pairings" USING btree ("round_id","enterprise_id") WHERE "commissioner_pairings"."status" <> 'ended';--> statement-breakpoint
CREATE INDEX "commissioner_pairings_talent_idx" ON "commissioner_pairings" USING btree ("talent_id","status");--> statement-breakpoint
CREATE INDEX "commissioner_pairings_scope_idx" ON "commissioner_pairings" USING btree ("scope_region","status");--> statement-breakpoint
CREATE INDEX "commissioner_pairings_enterprise_idx" ON "commissioner_pairings" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commissioner_rounds_region_name_uq" ON "commissioner_rounds" USING btree ("scope_region","name");--> statement-breakpoint
CREATE INDEX "commissioner_rounds_parent_idx" ON "commissioner_rounds" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "contact_duties_scope_idx" ON "contact_duties" USING btree ("scope_region");--> statement-breakpoint
CREATE INDEX "contact_duties_assignee_idx" ON "contact_duties" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_duties_open_uq" ON "contact_duties" USING btree ("assignee_user_id","subject",coalesce("talent_id", "enterprise_id")) WHERE "contact_duties"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "refined_demands_item_uq" ON "refined_demands" USING btree ("list_item_id");--> statement-breakpoint
CREATE INDEX "refined_demands_visit_idx" ON "refined_demands" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "refined_demands_scope_idx" ON "refined_demands" USING btree ("scope_region","created_at");--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD CONSTRAINT "service_occurrences_pairing_id_commissioner_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."commissioner_pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD CONSTRAINT "service_occurrences_duty_id_contact_duties_id_fk" FOREIGN KEY ("duty_id") REFERENCES "public"."contact_duties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD CONSTRAINT "service_occurrences_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD CONSTRAINT "service_occurrences_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_visits" ADD CONSTRAINT "standing_visits_pairing_id_commissioner_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."commissioner_pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_visits" ADD CONSTRAINT "standing_visits_duty_id_contact_duties_id_fk" FOREIGN KEY ("duty_id") REFERENCES "public"."contact_duties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standing_visits" ADD CONSTRAINT "standing_visits_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_occurrences_talent_due_idx" ON "service_occurrences" USING btree ("talent_id","due_on") WHERE "service_occurrences"."talent_id" is not null;--> statement-breakpoint
CREATE INDEX "service_occurrences_assignee_due_idx" ON "service_occurrences" USING btree ("assignee_user_id","due_on") WHERE "service_occurrences"."assignee_user_id" is not null;--> statement-breakpoint
CREATE INDEX "service_occurrences_pairing_idx" ON "service_occurrences" USING btree ("pairing_id") WHERE "service_occurrences"."pairing_id" is not null;--> statement-breakpoint
CREATE INDEX "standing_visits_pairing_idx" ON "standing_visits" USING btree ("pairing_id","visited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "service_occurrences_slot_uq" ON "service_occurrences" USING btree ("owner_id","kind","period_start","seq");--> statement-breakpoint
ALTER TABLE "service_occurrences" ADD CONSTRAINT "service_occurrences_owner" CHECK (("service_occurrences"."subject" = 'team' and "service_occurrences"."plan_id" = "service_occurrences"."owner_id" and "service_occurrences"."team_id" is not null) or ("service_occurrences"."subject" = 'commission' and "service_occurrences"."pairing_id" = "service_occurrences"."owner_id" and "service_occurrences"."talent_id" is not null) or ("service_occurrences"."subject" = 'duty' and "service_occurrences"."duty_id" = "service_occurrences"."owner_id" and "service_occurrences"."assignee_user_id" is not null));