CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_data" "bytea" NOT NULL,
	"created_by" uuid,
	"actor_name" text NOT NULL,
	"scope_region" text NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"valid" integer DEFAULT 0 NOT NULL,
	"flagged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"to_create" integer DEFAULT 0 NOT NULL,
	"to_update" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"ignored_headers" text[] DEFAULT '{}' NOT NULL,
	"report" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dictionary_entries" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"level" text,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dictionary_entries_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text,
	"region_text" text,
	"scope_region" text NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"credit_code" text,
	"industries" text[] DEFAULT '{}' NOT NULL,
	"industry_tags" text[] DEFAULT '{}' NOT NULL,
	"cluster" text,
	"size" text,
	"qualifications" text[] DEFAULT '{}' NOT NULL,
	"contact_name" text,
	"contact_mobile_enc" text,
	"contact_mobile_hash" text,
	"contact_email" text,
	"address" text,
	"description" text,
	"organisation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text,
	"region_text" text,
	"scope_region" text NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"kind" text DEFAULT 'university' NOT NULL,
	"disciplines" text[] DEFAULT '{}' NOT NULL,
	"discipline_tags" text[] DEFAULT '{}' NOT NULL,
	"contact_name" text,
	"contact_mobile_enc" text,
	"contact_mobile_hash" text,
	"contact_email" text,
	"address" text,
	"description" text,
	"organisation_id" uuid
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text,
	"region_text" text,
	"scope_region" text NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"kind" text DEFAULT 'station' NOT NULL,
	"host_name" text,
	"host_organisation_id" uuid,
	"liaison_name" text,
	"liaison_mobile_enc" text,
	"liaison_mobile_hash" text,
	"address" text,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text,
	"region_text" text,
	"scope_region" text NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"gender" text,
	"birth_year" smallint,
	"education" text,
	"education_text" text,
	"title" text,
	"title_text" text,
	"title_level" text,
	"employer_name" text,
	"institution_id" uuid,
	"enterprise_id" uuid,
	"disciplines" text[] DEFAULT '{}' NOT NULL,
	"discipline_tags" text[] DEFAULT '{}' NOT NULL,
	"industries" text[] DEFAULT '{}' NOT NULL,
	"industry_tags" text[] DEFAULT '{}' NOT NULL,
	"research_interests" text,
	"representative_work" text,
	"honours" text[] DEFAULT '{}' NOT NULL,
	"honour_level" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"is_expert" boolean DEFAULT true NOT NULL,
	"mobile_enc" text,
	"mobile_hash" text,
	"email" text,
	"id_number_enc" text,
	"id_number_hash" text,
	"user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_host_organisation_id_organisations_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents" ADD CONSTRAINT "talents_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_created_by_idx" ON "import_jobs" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_code_uq" ON "enterprises" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_credit_code_uq" ON "enterprises" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "enterprises_scope_idx" ON "enterprises" USING btree ("scope_region");--> statement-breakpoint
CREATE INDEX "enterprises_updated_idx" ON "enterprises" USING btree ("updated_at" DESC NULLS FIRST,"code");--> statement-breakpoint
CREATE INDEX "enterprises_name_prefix_idx" ON "enterprises" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_industry_tags_idx" ON "enterprises" USING gin ("industry_tags");--> statement-breakpoint
CREATE INDEX "enterprises_search_trgm" ON "enterprises" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "institutions_code_uq" ON "institutions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "institutions_name_idx" ON "institutions" USING btree ("name");--> statement-breakpoint
CREATE INDEX "institutions_scope_idx" ON "institutions" USING btree ("scope_region");--> statement-breakpoint
CREATE INDEX "institutions_search_trgm" ON "institutions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "stations_code_uq" ON "stations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "stations_scope_idx" ON "stations" USING btree ("scope_region");--> statement-breakpoint
CREATE INDEX "stations_search_trgm" ON "stations" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "talents_code_uq" ON "talents" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "talents_id_number_hash_uq" ON "talents" USING btree ("id_number_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "talents_user_uq" ON "talents" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "talents_scope_idx" ON "talents" USING btree ("scope_region","name");--> statement-breakpoint
CREATE INDEX "talents_updated_idx" ON "talents" USING btree ("updated_at" DESC NULLS FIRST,"code");--> statement-breakpoint
CREATE INDEX "talents_name_idx" ON "talents" USING btree ("name","code");--> statement-breakpoint
CREATE INDEX "talents_name_prefix_idx" ON "talents" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "talents_region_idx" ON "talents" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "talents_institution_idx" ON "talents" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "talents_discipline_tags_idx" ON "talents" USING gin ("discipline_tags");--> statement-breakpoint
CREATE INDEX "talents_industry_tags_idx" ON "talents" USING gin ("industry_tags");--> statement-breakpoint
CREATE INDEX "talents_search_trgm" ON "talents" USING gin ("search_text" gin_trgm_ops);