ALTER TABLE "service_orders" ADD COLUMN "dispatched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_orders" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_orders" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_orders" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_orders" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "service_orders_closed_idx" ON "service_orders" USING btree ("closed_at");--> statement-breakpoint
-- Orders made before these columns: when they reached each step, from their history.
UPDATE "service_orders" o SET
  "dispatched_at" = (SELECT min(e."at") FROM "order_events" e WHERE e."order_id" = o."id" AND e."action" = 'dispatch'),
  "accepted_at" = (SELECT max(e."at") FROM "order_events" e WHERE e."order_id" = o."id" AND e."action" = 'accept'),
  "started_at" = (SELECT max(e."at") FROM "order_events" e WHERE e."order_id" = o."id" AND e."action" = 'start'),
  "finished_at" = (SELECT max(e."at") FROM "order_events" e WHERE e."order_id" = o."id" AND e."action" = 'finish'),
  "closed_at" = (SELECT max(e."at") FROM "order_events" e WHERE e."order_id" = o."id" AND e."action" = 'confirm');
