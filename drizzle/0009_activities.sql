CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"region_code" text NOT NULL,
	"scope_region" text NOT NULL,
	"organisers" text[] DEFAULT '{}' NOT NULL,
	"capacity" integer,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"registration_closes_at" timestamp with time zone,
	"status" text DEFAULT 'draft' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_items" (
	"activity_id" uuid NOT NULL,
	"list_item_id" uuid NOT NULL,
	CONSTRAINT "activity_items_activity_id_list_item_id_pk" PRIMARY KEY("activity_id","list_item_id")
);
--> statement-breakpoint
CREATE TABLE "activity_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"amount_fen" bigint,
	"note" text,
	"list_item_id" uuid,
	"order_id" uuid,
	"enterprise_id" uuid,
	"talent_id" uuid,
	"registration_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"applicant_registration_id" uuid NOT NULL,
	"status" text DEFAULT 'interested' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"enterprise_registration_id" uuid NOT NULL,
	"expert_registration_id" uuid NOT NULL,
	"demand_id" uuid,
	"source" text NOT NULL,
	"score" real,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"enterprise_accepted" boolean DEFAULT false NOT NULL,
	"expert_accepted" boolean DEFAULT false NOT NULL,
	"decline_reason" text,
	"slot" integer,
	"table_no" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"employer_registration_id" uuid NOT NULL,
	"title" text NOT NULL,
	"headcount" integer DEFAULT 1 NOT NULL,
	"requirements" text,
	"salary" text,
	"list_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"activity_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid,
	"talent_id" uuid,
	"enterprise_id" uuid,
	"institution_id" uuid,
	"organisation_id" uuid,
	"name" text NOT NULL,
	"organisation_name" text,
	"mobile_enc" text,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"seated" boolean DEFAULT true NOT NULL,
	"note" text,
	"identity" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"check_in_method" text,
	"checked_in_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_items" ADD CONSTRAINT "activity_items_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_items" ADD CONSTRAINT "activity_items_list_item_id_list_items_id_fk" FOREIGN KEY ("list_item_id") REFERENCES "public"."list_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_outcomes" ADD CONSTRAINT "activity_outcomes_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_outcomes" ADD CONSTRAINT "activity_outcomes_list_item_id_list_items_id_fk" FOREIGN KEY ("list_item_id") REFERENCES "public"."list_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_outcomes" ADD CONSTRAINT "activity_outcomes_order_id_service_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."service_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_outcomes" ADD CONSTRAINT "activity_outcomes_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_outcomes" ADD CONSTRAINT "activity_outcomes_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_outcomes" ADD CONSTRAINT "activity_outcomes_registration_id_activity_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."activity_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_applications" ADD CONSTRAINT "activity_applications_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_applications" ADD CONSTRAINT "activity_applications_position_id_activity_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."activity_positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_applications" ADD CONSTRAINT "activity_applications_applicant_registration_id_activity_registrations_id_fk" FOREIGN KEY ("applicant_registration_id") REFERENCES "public"."activity_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_meetings" ADD CONSTRAINT "activity_meetings_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_meetings" ADD CONSTRAINT "activity_meetings_enterprise_registration_id_activity_registrations_id_fk" FOREIGN KEY ("enterprise_registration_id") REFERENCES "public"."activity_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_meetings" ADD CONSTRAINT "activity_meetings_expert_registration_id_activity_registrations_id_fk" FOREIGN KEY ("expert_registration_id") REFERENCES "public"."activity_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_meetings" ADD CONSTRAINT "activity_meetings_demand_id_list_items_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."list_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_positions" ADD CONSTRAINT "activity_positions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_positions" ADD CONSTRAINT "activity_positions_employer_registration_id_activity_registrations_id_fk" FOREIGN KEY ("employer_registration_id") REFERENCES "public"."activity_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_positions" ADD CONSTRAINT "activity_positions_list_item_id_list_items_id_fk" FOREIGN KEY ("list_item_id") REFERENCES "public"."list_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registrations" ADD CONSTRAINT "activity_registrations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registrations" ADD CONSTRAINT "activity_registrations_talent_id_talents_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."talents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registrations" ADD CONSTRAINT "activity_registrations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registrations" ADD CONSTRAINT "activity_registrations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_registrations" ADD CONSTRAINT "activity_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_code_uq" ON "activities" USING btree ("code");--> statement-breakpoint
CREATE INDEX "activities_scope_idx" ON "activities" USING btree ("scope_region","starts_at");--> statement-breakpoint
CREATE INDEX "activities_starts_idx" ON "activities" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "activity_outcomes_activity_idx" ON "activity_outcomes" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_outcomes_kind_idx" ON "activity_outcomes" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "activity_outcomes_order_idx" ON "activity_outcomes" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_applications_uq" ON "activity_applications" USING btree ("position_id","applicant_registration_id");--> statement-breakpoint
CREATE INDEX "activity_applications_activity_idx" ON "activity_applications" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_meetings_pair_uq" ON "activity_meetings" USING btree ("activity_id","enterprise_registration_id","expert_registration_id") WHERE "activity_meetings"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "activity_meetings_activity_idx" ON "activity_meetings" USING btree ("activity_id","status");--> statement-breakpoint
CREATE INDEX "activity_positions_activity_idx" ON "activity_positions" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_registrations_identity_uq" ON "activity_registrations" USING btree ("activity_id","identity") WHERE "activity_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "activity_registrations_activity_idx" ON "activity_registrations" USING btree ("activity_id","status","seq");--> statement-breakpoint
CREATE INDEX "activity_registrations_user_idx" ON "activity_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "activity_registrations_org_idx" ON "activity_registrations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "activity_registrations_talent_idx" ON "activity_registrations" USING btree ("talent_id");