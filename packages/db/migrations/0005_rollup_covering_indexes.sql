DROP INDEX "custom_measure_rollups_day";--> statement-breakpoint
DROP INDEX "rep_day_pipeline_rollups_day";--> statement-breakpoint
DROP INDEX "rep_day_rollups_day";--> statement-breakpoint
CREATE INDEX "custom_measure_rollups_by_day" ON "custom_measure_rollups" USING btree ("org_id","measure_key","day","rep_id","value");--> statement-breakpoint
CREATE INDEX "rep_day_pipeline_rollups_by_day" ON "rep_day_pipeline_rollups" USING btree ("org_id","day","rep_id","opportunities_created","pipeline_created","strategic_pipeline_created","deals_won","won_value","deals_lost","won_cycle_days","stage_advances");--> statement-breakpoint
CREATE INDEX "rep_day_rollups_by_day" ON "rep_day_rollups" USING btree ("org_id","day","rep_id","activities","calls","emails","meetings_held","first_meetings_held","second_meetings_held","meetings_booked","prospecting_meetings_booked","prospecting_touches","prospecting_phone","prospecting_email");