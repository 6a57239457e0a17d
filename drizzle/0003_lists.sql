CREATE TABLE "list_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"keywords_extracted" boolean DEFAULT false NOT NULL,
	"industries" text[] DEFAULT '{}' NOT NULL,
	"industry_tags" text[] DEFAULT '{}' NOT NULL,
	"disciplines" text[] DEFAULT '{}' NOT NULL,
	"discipline_tags" text[] DEFAULT '{}' NOT NULL,
	"field_text" text,
	"cluster" text,
	"region_code" text,
	"region_text" text,
	"scope_region" text NOT NULL,
	"owner_name" text,
	"enterprise_id" uuid,
	"institution_id" uuid,
	"organisation_id" uuid,
	"cooperation_modes" text[] DEFAULT '{}' NOT NULL,
	"amount_fen" bigint,
	"amount_negotiable" boolean DEFAULT false NOT NULL,
	"deadline" date,
	"headcount" integer,
	"terms" text,
	"stage" text,
	"trl" smallint,
	"patents" text[] DEFAULT '{}' NOT NULL,
	"contact_name" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "list_items" ADD CONSTRAINT "list_items_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_items" ADD CONSTRAINT "list_items_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_items" ADD CONSTRAINT "list_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "list_items_kind_code_uq" ON "list_items" USING btree ("kind","code");--> statement-breakpoint
CREATE INDEX "list_items_scope_idx" ON "list_items" USING btree ("kind","scope_region");--> statement-breakpoint
CREATE INDEX "list_items_status_idx" ON "list_items" USING btree ("kind","status","updated_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "list_items_updated_idx" ON "list_items" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "list_items_deadline_idx" ON "list_items" USING btree ("deadline") WHERE "list_items"."status" = 'published';--> statement-breakpoint
CREATE INDEX "list_items_org_idx" ON "list_items" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "list_items_industry_tags_idx" ON "list_items" USING gin ("industry_tags");--> statement-breakpoint
CREATE INDEX "list_items_discipline_tags_idx" ON "list_items" USING gin ("discipline_tags");--> statement-breakpoint
CREATE INDEX "list_items_search_trgm" ON "list_items" USING gin ("search_text" gin_trgm_ops);