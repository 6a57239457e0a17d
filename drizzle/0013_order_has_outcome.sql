ALTER TABLE "service_orders" ADD COLUMN "has_outcome" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Orders finished before this column: whether their outcomes name anything but "none".
UPDATE "service_orders" o SET "has_outcome" = true
WHERE EXISTS (SELECT 1 FROM "order_outcomes" x WHERE x."order_id" = o."id" AND x."kind" <> 'none');
