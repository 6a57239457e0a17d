DROP INDEX "activity_outcomes_kind_idx";--> statement-breakpoint
CREATE INDEX "list_items_published_idx" ON "list_items" USING btree ("kind","published_at");--> statement-breakpoint
CREATE INDEX "order_events_action_idx" ON "order_events" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "service_orders_created_idx" ON "service_orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "activity_outcomes_kind_idx" ON "activity_outcomes" USING btree ("kind","created_at");