CREATE TABLE "audit_log" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"subject_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_log_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "coaching_commitments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"session_id" uuid,
	"text" text NOT NULL,
	"owner" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coaching_commitments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "coaching_commitments_owner" CHECK ("coaching_commitments"."owner" in ('rep', 'leader'))
);
--> statement-breakpoint
CREATE TABLE "coaching_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"leader_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"focus" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_on" date NOT NULL,
	"review_on" date NOT NULL,
	"outcome" text,
	"outcome_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "coaching_plans_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "coaching_plans_status" CHECK ("coaching_plans"."status" in ('active', 'closed')),
	CONSTRAINT "coaching_plans_outcome" CHECK ("coaching_plans"."outcome" is null or "coaching_plans"."outcome" in ('improved', 'extended', 'escalated', 'closed')),
	CONSTRAINT "coaching_plans_closed" CHECK (("coaching_plans"."status" = 'closed') = ("coaching_plans"."closed_at" is not null)),
	CONSTRAINT "coaching_plans_dates" CHECK ("coaching_plans"."review_on" >= "coaching_plans"."started_on")
);
--> statement-breakpoint
CREATE TABLE "coaching_sessions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"private_to_leaders" boolean DEFAULT false NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coaching_sessions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "ladder_steps" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rep_id" uuid NOT NULL,
	"step" text NOT NULL,
	"reason" text NOT NULL,
	"plan_id" uuid,
	"taken_by" uuid,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ladder_steps_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "ladder_steps_step" CHECK ("ladder_steps"."step" in ('coach', 'role_outside_sales', 'replace'))
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_commitments" ADD CONSTRAINT "coaching_commitments_org_id_plan_id_coaching_plans_org_id_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."coaching_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_commitments" ADD CONSTRAINT "coaching_commitments_org_id_session_id_coaching_sessions_org_id_id_fk" FOREIGN KEY ("org_id","session_id") REFERENCES "public"."coaching_sessions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_commitments" ADD CONSTRAINT "coaching_commitments_org_id_owner_id_users_org_id_id_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plans" ADD CONSTRAINT "coaching_plans_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_sessions" ADD CONSTRAINT "coaching_sessions_org_id_plan_id_coaching_plans_org_id_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."coaching_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_org_id_rep_id_users_org_id_id_fk" FOREIGN KEY ("org_id","rep_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_by_subject" ON "audit_log" USING btree ("org_id","subject_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_by_time" ON "audit_log" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "coaching_commitments_by_plan" ON "coaching_commitments" USING btree ("org_id","plan_id");--> statement-breakpoint
CREATE INDEX "coaching_plans_by_rep" ON "coaching_plans" USING btree ("org_id","rep_id","started_on");--> statement-breakpoint
CREATE INDEX "coaching_sessions_by_plan" ON "coaching_sessions" USING btree ("org_id","plan_id","held_on");--> statement-breakpoint
CREATE INDEX "ladder_steps_by_rep" ON "ladder_steps" USING btree ("org_id","rep_id","taken_at");