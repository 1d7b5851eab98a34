CREATE TYPE "public"."acquisitionmethod" AS ENUM('SCRAPED', 'UPLOADED', 'MANUALLY_ENTERED', 'CONTROL_PANEL');--> statement-breakpoint
CREATE TYPE "public"."useraccountinvitationstatus" AS ENUM('NOT_SENT', 'PENDING', 'ACCEPTED', 'ERRORED');--> statement-breakpoint
CREATE TYPE "public"."project" AS ENUM('JUSTICE_COUNTS_DATA_SCAN', 'JUSTICE_COUNTS_CONTROL_PANEL');--> statement-breakpoint
CREATE TYPE "public"."reportstatus" AS ENUM('NOT_STARTED', 'DRAFT', 'PUBLISHED');--> statement-breakpoint
CREATE TYPE "public"."spreadsheetstatus" AS ENUM('UPLOADED', 'INGESTED', 'ERRORED');--> statement-breakpoint
CREATE TYPE "public"."system" AS ENUM('SUPERAGENCY', 'LAW_ENFORCEMENT', 'PROSECUTION', 'DEFENSE', 'COURTS_AND_PRETRIAL', 'JAILS', 'PRISONS', 'SUPERVISION', 'PAROLE', 'PROBATION', 'PRETRIAL_SUPERVISION', 'OTHER_SUPERVISION', 'CORRECTIONS', 'COURT_PROCESSES', 'COMMUNITY_SUPERVISION_AND_REENTRY', 'POST_RELEASE', 'DUAL_SUPERVISION');--> statement-breakpoint
CREATE TYPE "public"."useraccountrole" AS ENUM('AGENCY_ADMIN', 'JUSTICE_COUNTS_ADMIN', 'CONTRIBUTOR', 'READ_ONLY');--> statement-breakpoint
CREATE TYPE "public"."valuetype" AS ENUM('TEXT', 'NUMBER', 'MULTIPLE_CHOICE');--> statement-breakpoint
CREATE TABLE "agency_jurisdictions" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" integer NOT NULL,
	"membership" varchar NOT NULL,
	"jurisdiction_id" varchar,
	"geoid" varchar
);
--> statement-breakpoint
CREATE TABLE "agency_setting" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" integer NOT NULL,
	"setting_type" varchar NOT NULL,
	"value" jsonb,
	CONSTRAINT "unique_agency_setting" UNIQUE("source_id","setting_type")
);
--> statement-breakpoint
CREATE TABLE "agency_user_account_association" (
	"agency_id" integer NOT NULL,
	"user_account_id" integer NOT NULL,
	"invitation_status" "useraccountinvitationstatus",
	"role" "useraccountrole",
	"last_visit" timestamp with time zone,
	"guidance_progress" jsonb,
	"subscribed" boolean DEFAULT false,
	"days_after_time_period_to_send_email" integer,
	CONSTRAINT "agency_user_account_association_pkey" PRIMARY KEY("agency_id","user_account_id")
);
--> statement-breakpoint
CREATE TABLE "api_token" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_account_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"name" varchar(255) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "unique_api_token_hash" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "app_secret" (
	"name" varchar(64) PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_token" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" varchar(32) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"user_account_id" integer NOT NULL,
	"agency_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "unique_auth_token_hash" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "datapoint" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"source_id" integer NOT NULL,
	"is_report_datapoint" boolean DEFAULT true,
	"metric_definition_key" varchar NOT NULL,
	"context_key" varchar,
	"created_at" timestamp with time zone DEFAULT now(),
	"last_updated" timestamp with time zone DEFAULT now(),
	"includes_excludes_key" varchar,
	"value_type" "valuetype",
	"start_date" date,
	"end_date" date,
	"dimension_identifier_to_member" jsonb,
	"sub_dimension_name" varchar,
	"value" varchar,
	"enabled" boolean,
	"upload_method" varchar,
	CONSTRAINT "unique_report_datapoint" UNIQUE NULLS NOT DISTINCT("report_id","metric_definition_key","dimension_identifier_to_member","sub_dimension_name","context_key")
);
--> statement-breakpoint
CREATE TABLE "datapoint_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"datapoint_id" integer NOT NULL,
	"user_account_id" integer,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"old_value" varchar,
	"new_value" varchar,
	"old_upload_method" varchar,
	"new_upload_method" varchar,
	"old_enabled" boolean,
	"new_enabled" boolean
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"to_address" varchar(255) NOT NULL,
	"subject" varchar(255) NOT NULL,
	"text_body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_run" (
	"id" serial PRIMARY KEY NOT NULL,
	"job_name" varchar(64) NOT NULL,
	"period_key" varchar(64) NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "unique_job_run" UNIQUE("job_name","period_key")
);
--> statement-breakpoint
CREATE TABLE "jurisdiction_population" (
	"id" serial PRIMARY KEY NOT NULL,
	"geoid" varchar NOT NULL,
	"year" integer NOT NULL,
	"race_ethnicity" varchar,
	"sex" varchar,
	"population" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metric_setting" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"metric_definition_key" varchar NOT NULL,
	"metric_interface" jsonb NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now(),
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "unique_metric_setting" UNIQUE("agency_id","metric_definition_key")
);
--> statement-breakpoint
CREATE TABLE "metric_setting_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"metric_definition_key" varchar(255) NOT NULL,
	"updates" jsonb,
	"user_account_id" integer,
	"timestamp" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "report" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_id" integer NOT NULL,
	"type" varchar(255) NOT NULL,
	"instance" varchar(255) NOT NULL,
	"created_at" date,
	"publish_date" date,
	"url" varchar(255),
	"acquisition_method" "acquisitionmethod" DEFAULT 'CONTROL_PANEL' NOT NULL,
	"acquired_by" varchar(255),
	"project" "project" DEFAULT 'JUSTICE_COUNTS_CONTROL_PANEL' NOT NULL,
	"status" "reportstatus" DEFAULT 'NOT_STARTED' NOT NULL,
	"date_range_start" date NOT NULL,
	"date_range_end" date NOT NULL,
	"last_modified_at" timestamp with time zone,
	"modified_by" integer[],
	"is_recurring" boolean DEFAULT false,
	"recurring_report_id" integer,
	CONSTRAINT "unique_report" UNIQUE("source_id","type","instance","date_range_start","date_range_end")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"user_account_id" integer NOT NULL,
	"csrf_secret" varchar(64) NOT NULL,
	"current_agency_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(255) NOT NULL,
	"type" varchar(255),
	"is_superagency" boolean,
	"super_agency_id" integer,
	"is_dashboard_enabled" boolean,
	"systems" varchar(255)[],
	"state_code" varchar(255),
	"fips_county_code" varchar(255),
	"created_at" timestamp with time zone DEFAULT now(),
	"custom_child_agency_name" varchar(255),
	"is_stepping_up_agency" boolean
);
--> statement-breakpoint
CREATE TABLE "spreadsheet" (
	"id" serial PRIMARY KEY NOT NULL,
	"original_name" varchar NOT NULL,
	"standardized_name" varchar NOT NULL,
	"agency_id" integer NOT NULL,
	"system" "system" NOT NULL,
	"status" "spreadsheetstatus" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" varchar,
	"ingested_by" varchar,
	"ingested_at" timestamp with time zone,
	"upload_note" varchar,
	"num_new_datapoints" integer,
	"uploaded_by_user_id" integer,
	"ingest_result" jsonb
);
--> statement-breakpoint
CREATE TABLE "spreadsheet_file" (
	"spreadsheet_id" integer PRIMARY KEY NOT NULL,
	"content_type" varchar(255) NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_account" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(255),
	"email" varchar(255),
	"auth0_user_id" varchar(255),
	"guidance_progress" jsonb,
	"password_hash" text,
	"email_verified_at" timestamp with time zone,
	"is_platform_admin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unique_auth0_user_id" UNIQUE("auth0_user_id")
);
--> statement-breakpoint
ALTER TABLE "agency_jurisdictions" ADD CONSTRAINT "agency_jurisdictions_source_id_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_setting" ADD CONSTRAINT "agency_setting_source_id_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_user_account_association" ADD CONSTRAINT "agency_user_account_association_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_user_account_association" ADD CONSTRAINT "agency_user_account_association_user_account_id_user_account_id_fk" FOREIGN KEY ("user_account_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_account_id_user_account_id_fk" FOREIGN KEY ("user_account_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_token" ADD CONSTRAINT "auth_token_user_account_id_user_account_id_fk" FOREIGN KEY ("user_account_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_token" ADD CONSTRAINT "auth_token_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datapoint" ADD CONSTRAINT "datapoint_report_id_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datapoint" ADD CONSTRAINT "datapoint_source_id_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datapoint_history" ADD CONSTRAINT "datapoint_history_datapoint_id_datapoint_id_fk" FOREIGN KEY ("datapoint_id") REFERENCES "public"."datapoint"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datapoint_history" ADD CONSTRAINT "datapoint_history_user_account_id_user_account_id_fk" FOREIGN KEY ("user_account_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_setting" ADD CONSTRAINT "metric_setting_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_setting_history" ADD CONSTRAINT "metric_setting_history_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_source_id_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_recurring_report_id_report_id_fk" FOREIGN KEY ("recurring_report_id") REFERENCES "public"."report"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_account_id_user_account_id_fk" FOREIGN KEY ("user_account_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source" ADD CONSTRAINT "source_super_agency_id_source_id_fk" FOREIGN KEY ("super_agency_id") REFERENCES "public"."source"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spreadsheet" ADD CONSTRAINT "spreadsheet_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spreadsheet" ADD CONSTRAINT "spreadsheet_uploaded_by_user_id_user_account_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spreadsheet_file" ADD CONSTRAINT "spreadsheet_file_spreadsheet_id_spreadsheet_id_fk" FOREIGN KEY ("spreadsheet_id") REFERENCES "public"."spreadsheet"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ix_agency_jurisdictions_source" ON "agency_jurisdictions" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "ix_association_user" ON "agency_user_account_association" USING btree ("user_account_id");--> statement-breakpoint
CREATE INDEX "ix_auth_token_user" ON "auth_token" USING btree ("user_account_id");--> statement-breakpoint
CREATE INDEX "ix_datapoint_source_id" ON "datapoint" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "ix_datapoint_history_datapoint" ON "datapoint_history" USING btree ("datapoint_id");--> statement-breakpoint
CREATE INDEX "ix_jurisdiction_population_geoid" ON "jurisdiction_population" USING btree ("geoid");--> statement-breakpoint
CREATE INDEX "ix_metric_setting_history_agency" ON "metric_setting_history" USING btree ("agency_id","metric_definition_key");--> statement-breakpoint
CREATE INDEX "ix_report_source_start" ON "report" USING btree ("source_id","date_range_start");--> statement-breakpoint
CREATE INDEX "ix_session_user" ON "session" USING btree ("user_account_id");--> statement-breakpoint
CREATE INDEX "ix_spreadsheet_agency" ON "spreadsheet" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unique_user_email" ON "user_account" USING btree (lower("email"));