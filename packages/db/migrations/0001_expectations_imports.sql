CREATE TYPE "public"."import_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "custom_measure_rollups" (
	"org_id" uuid NOT NULL,
	"measure_key" text NOT NULL,
	"rep_id" uuid NOT NULL,
	"day" date NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "custom_measure_rollups_org_id_measure_key_rep_id_day_pk" PRIMARY KEY("org_id","measure_key","rep_id","day")
);
--> statement-breakpoint
CREATE TABLE "rep_day_pipeline_rollups" (
	"org_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"day" date NOT NULL,
	"opportunities_created" integer DEFAULT 0 NOT NULL,
	"pipeline_created" numeric DEFAULT '0' NOT NULL,
	"strategic_pipeline_created" numeric DEFAULT '0' NOT NULL,
	"deals_won" integer DEFAULT 0 NOT NULL,
	"won_value" numeric DEFAULT '0' NOT NULL,
	"deals_lost" integer DEFAULT 0 NOT NULL,
	"won_cycle_days" integer DEFAULT 0 NOT NULL,
	"stage_advances" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rep_day_pipeline_rollups_org_id_rep_id_day_pk" PRIMARY KEY("org_id","rep_id","day")
);
--> statement-breakpoint
CREATE TABLE "assessment_snapshots" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"expectation_id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"revision" integer NOT NULL,
	"assessment" jsonb NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_snapshots_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "custom_metrics" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"right" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"description" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_metrics_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "expectations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_rep_id" uuid,
	"scope_team_id" uuid,
	"scope_role" "user_role",
	"metric_key" text NOT NULL,
	"target" numeric(18, 4) NOT NULL,
	"period_kind" text NOT NULL,
	"custom_start" date,
	"custom_end" date,
	"way" jsonb NOT NULL,
	"time" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"note" text DEFAULT '' NOT NULL,
	"template" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expectations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "expectations_scope_matches_kind" CHECK (("expectations"."scope_kind" = 'rep' and "expectations"."scope_rep_id" is not null)
        or ("expectations"."scope_kind" = 'team' and "expectations"."scope_team_id" is not null)
        or ("expectations"."scope_kind" = 'role' and "expectations"."scope_role" is not null)),
	CONSTRAINT "expectations_dates" CHECK ("expectations"."ends_on" is null or "expectations"."ends_on" >= "expectations"."starts_on"),
	CONSTRAINT "expectations_target_not_negative" CHECK ("expectations"."target" >= 0)
);
--> statement-breakpoint
CREATE TABLE "import_file_chunks" (
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "import_file_chunks_org_id_import_id_seq_pk" PRIMARY KEY("org_id","import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_row_errors" (
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"line" integer NOT NULL,
	"column" text,
	"value" text,
	"reason" text NOT NULL,
	"fix" text NOT NULL,
	CONSTRAINT "import_row_errors_org_id_import_id_seq_pk" PRIMARY KEY("org_id","import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"requested_by" uuid,
	"via" text NOT NULL,
	"file_name" text NOT NULL,
	"file_bytes" bigint DEFAULT 0 NOT NULL,
	"requested_source" text NOT NULL,
	"requested_kind" text NOT NULL,
	"source" text,
	"kind" text,
	"options" jsonb NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"status" "import_status" DEFAULT 'queued' NOT NULL,
	"phase" text,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"new_rows" integer DEFAULT 0 NOT NULL,
	"updated_rows" integer DEFAULT 0 NOT NULL,
	"unchanged_rows" integer DEFAULT 0 NOT NULL,
	"rejected_rows" integer DEFAULT 0 NOT NULL,
	"ignored_rows" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"failure" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "imports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "data_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "rep_day_rollups" ADD COLUMN "prospecting_meetings_booked" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_measure_rollups" ADD CONSTRAINT "custom_measure_rollups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_measure_rollups" ADD CONSTRAINT "custom_measure_rollups_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_day_pipeline_rollups" ADD CONSTRAINT "rep_day_pipeline_rollups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rep_day_pipeline_rollups" ADD CONSTRAINT "rep_day_pipeline_rollups_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_snapshots" ADD CONSTRAINT "assessment_snapshots_org_id_expectation_id_expectations_org_id_id_fk" FOREIGN KEY ("org_id","expectation_id") REFERENCES "public"."expectations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_snapshots" ADD CONSTRAINT "assessment_snapshots_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_metrics" ADD CONSTRAINT "custom_metrics_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expectations" ADD CONSTRAINT "expectations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expectations" ADD CONSTRAINT "expectations_org_id_scope_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","scope_rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expectations" ADD CONSTRAINT "expectations_org_id_scope_team_id_teams_org_id_id_fk" FOREIGN KEY ("org_id","scope_team_id") REFERENCES "public"."teams"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_file_chunks" ADD CONSTRAINT "import_file_chunks_org_id_import_id_imports_org_id_id_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."imports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row_errors" ADD CONSTRAINT "import_row_errors_org_id_import_id_imports_org_id_id_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."imports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_org_id_requested_by_users_org_id_id_fk" FOREIGN KEY ("org_id","requested_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "custom_measure_rollups_day" ON "custom_measure_rollups" USING btree ("org_id","measure_key","day");--> statement-breakpoint
CREATE INDEX "rep_day_pipeline_rollups_day" ON "rep_day_pipeline_rollups" USING btree ("org_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_snapshots_revision_unique" ON "assessment_snapshots" USING btree ("org_id","expectation_id","rep_id","period_key","revision");--> statement-breakpoint
CREATE INDEX "assessment_snapshots_period" ON "assessment_snapshots" USING btree ("org_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_metrics_key_unique" ON "custom_metrics" USING btree ("org_id","key");--> statement-breakpoint
CREATE INDEX "expectations_active" ON "expectations" USING btree ("org_id","starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "imports_org_created" ON "imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "imports_unfinished" ON "imports" USING btree ("status") WHERE "imports"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "activities_first_meetings" ON "activities" USING btree ("org_id","rep_id","occurred_at") WHERE "activities"."meeting_number" = 1;--> statement-breakpoint
CREATE INDEX "rep_day_rollups_day" ON "rep_day_rollups" USING btree ("org_id","day");