CREATE TABLE "rep_month_pipeline_rollups" (
	"org_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"month" date NOT NULL,
	"opportunities_created" integer DEFAULT 0 NOT NULL,
	"pipeline_created" numeric DEFAULT '0' NOT NULL,
	"strategic_pipeline_created" numeric DEFAULT '0' NOT NULL,
	"deals_won" integer DEFAULT 0 NOT NULL,
	"won_value" numeric DEFAULT '0' NOT NULL,
	"deals_lost" integer DEFAULT 0 NOT NULL,
	"won_cycle_days" integer DEFAULT 0 NOT NULL,
	"stage_advances" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rep_month_pipeline_rollups_org_id_month_rep_id_pk" PRIMARY KEY("org_id","month","rep_id")
);
--> statement-breakpoint
CREATE TABLE "rep_month_rollups" (
	"org_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"month" date NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"emails" integer DEFAULT 0 NOT NULL,
	"meetings_held" integer DEFAULT 0 NOT NULL,
	"first_meetings_held" integer DEFAULT 0 NOT NULL,
	"second_meetings_held" integer DEFAULT 0 NOT NULL,
	"meetings_booked" integer DEFAULT 0 NOT NULL,
	"prospecting_meetings_booked" integer DEFAULT 0 NOT NULL,
	"prospecting_touches" integer DEFAULT 0 NOT NULL,
	"prospecting_phone" integer DEFAULT 0 NOT NULL,
	"prospecting_email" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rep_month_rollups_org_id_month_rep_id_pk" PRIMARY KEY("org_id","month","rep_id")
);
--> statement-breakpoint
-- PostgreSQL checks new foreign keys with a query that must not be filtered by row-level security,
-- and FORCE makes the policies bind the tables' owner, who runs migrations: FORCE is lifted from the
-- referenced tables while the keys are added, and restored below, all in this migration's transaction.
ALTER TABLE "organizations" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "rep_month_pipeline_rollups" ADD CONSTRAINT "rep_month_pipeline_rollups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_month_pipeline_rollups" ADD CONSTRAINT "rep_month_pipeline_rollups_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_month_rollups" ADD CONSTRAINT "rep_month_rollups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_month_rollups" ADD CONSTRAINT "rep_month_rollups_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Tenant tables, under row-level security like every other (0009_row_level_security.sql).
SELECT rightly_protect_tenant_table('rep_month_rollups');
--> statement-breakpoint
SELECT rightly_protect_tenant_table('rep_month_pipeline_rollups');
--> statement-breakpoint
-- The months of the data already there, from its day rollups. Org by org: under forced row-level
-- security a migrating owner sees the rows of the org its setting names, and no other. Migrations
-- run with row_security off (so a statement that would be filtered fails instead); this one is
-- written for the policies, so it turns them on for itself.
DO $$
DECLARE
  org uuid;
BEGIN
  PERFORM set_config('row_security', 'on', true);
  FOR org IN SELECT id FROM rightly_list_organizations() LOOP
    PERFORM set_config('rightly.org_id', org::text, true);
    INSERT INTO rep_month_rollups (org_id, rep_id, month, activities, calls, emails, meetings_held,
        first_meetings_held, second_meetings_held, meetings_booked, prospecting_meetings_booked,
        prospecting_touches, prospecting_phone, prospecting_email)
      SELECT org_id, rep_id, date_trunc('month', day)::date, sum(activities), sum(calls), sum(emails),
             sum(meetings_held), sum(first_meetings_held), sum(second_meetings_held), sum(meetings_booked),
             sum(prospecting_meetings_booked), sum(prospecting_touches), sum(prospecting_phone),
             sum(prospecting_email)
        FROM rep_day_rollups WHERE org_id = org GROUP BY 1, 2, 3;
    INSERT INTO rep_month_pipeline_rollups (org_id, rep_id, month, opportunities_created, pipeline_created,
        strategic_pipeline_created, deals_won, won_value, deals_lost, won_cycle_days, stage_advances)
      SELECT org_id, rep_id, date_trunc('month', day)::date, sum(opportunities_created), sum(pipeline_created),
             sum(strategic_pipeline_created), sum(deals_won), sum(won_value), sum(deals_lost),
             sum(won_cycle_days), sum(stage_advances)
        FROM rep_day_pipeline_rollups WHERE org_id = org GROUP BY 1, 2, 3;
  END LOOP;
  PERFORM set_config('rightly.org_id', '', true);
  PERFORM set_config('row_security', 'off', true);
END;
$$;
