CREATE TABLE "notification_deliveries" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"notification_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "notification_deliveries_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "notification_deliveries_channel" CHECK ("notification_deliveries"."channel" in ('email', 'slack')),
	CONSTRAINT "notification_deliveries_status" CHECK ("notification_deliveries"."status" in ('pending', 'sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"email" boolean DEFAULT true NOT NULL,
	"slack" boolean DEFAULT false NOT NULL,
	"slack_webhook_url" text,
	"reminders" boolean DEFAULT true NOT NULL,
	"overdue" boolean DEFAULT true NOT NULL,
	"digest" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"body_html" text NOT NULL,
	"body_slack" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "reporting_cadences" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"level" text NOT NULL,
	"subject" text NOT NULL,
	"cadence" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"review_on" date,
	"set_by" uuid,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_cadences_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "reporting_cadences_level" CHECK ("reporting_cadences"."level" in ('org', 'team', 'rep')),
	CONSTRAINT "reporting_cadences_cadence" CHECK ("reporting_cadences"."cadence" in ('daily', 'twice_weekly', 'weekly', 'monthly')),
	CONSTRAINT "reporting_cadences_dates" CHECK ("reporting_cadences"."effective_to" is null or "reporting_cadences"."effective_to" > "reporting_cadences"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "reporting_settings" (
	"org_id" uuid NOT NULL,
	"due_time" text DEFAULT '09:00' NOT NULL,
	"reminder_time" text DEFAULT '15:00' NOT NULL,
	"overdue_after_hours" smallint DEFAULT 2 NOT NULL,
	"discrepancy_tolerance_percent" numeric(6, 2) DEFAULT '10' NOT NULL,
	"shorten_after_periods" smallint DEFAULT 2 NOT NULL,
	"relax_after_periods" smallint DEFAULT 3 NOT NULL,
	"digest_weekday" smallint DEFAULT 1 NOT NULL,
	"digest_time" text DEFAULT '08:00' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_settings_org_id_pk" PRIMARY KEY("org_id"),
	CONSTRAINT "reporting_settings_times" CHECK ("reporting_settings"."due_time" ~ '^[0-2][0-9]:[0-5][0-9]$' and "reporting_settings"."reminder_time" ~ '^[0-2][0-9]:[0-5][0-9]$' and "reporting_settings"."digest_time" ~ '^[0-2][0-9]:[0-5][0-9]$'),
	CONSTRAINT "reporting_settings_digest_weekday" CHECK ("reporting_settings"."digest_weekday" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "self_reports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"expectation_id" uuid NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"cadence" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"reported_value" numeric(18, 4) NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"measured_at_submit" numeric(18, 4),
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"resolution" text,
	"resolution_note" text DEFAULT '' NOT NULL,
	"original_value" numeric(18, 4),
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "self_reports_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "self_reports_window" CHECK ("self_reports"."window_end" >= "self_reports"."window_start"),
	CONSTRAINT "self_reports_resolution" CHECK ("self_reports"."resolution" is null or "self_reports"."resolution" in ('missing_in_crm', 'report_corrected', 'noted'))
);
--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_org_id_notification_id_notifications_org_id_id_fk" FOREIGN KEY ("org_id","notification_id") REFERENCES "public"."notifications"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_cadences" ADD CONSTRAINT "reporting_cadences_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_settings" ADD CONSTRAINT "reporting_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_reports" ADD CONSTRAINT "self_reports_org_id_expectation_id_expectations_org_id_id_fk" FOREIGN KEY ("org_id","expectation_id") REFERENCES "public"."expectations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_once" ON "notification_deliveries" USING btree ("org_id","notification_id","channel");--> statement-breakpoint
CREATE INDEX "notification_deliveries_due" ON "notification_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe" ON "notifications" USING btree ("org_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_by_user" ON "notifications" USING btree ("org_id","user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_cadences_current" ON "reporting_cadences" USING btree ("org_id","level","subject") WHERE "reporting_cadences"."effective_to" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "self_reports_window_unique" ON "self_reports" USING btree ("org_id","rep_id","expectation_id","window_start");--> statement-breakpoint
CREATE INDEX "self_reports_by_window" ON "self_reports" USING btree ("org_id","window_end");