CREATE TYPE "public"."upload_job_state" AS ENUM('READING', 'WRITING', 'DONE', 'FAILED');--> statement-breakpoint
CREATE TABLE "upload_job" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"user_account_id" integer,
	"system" "system" NOT NULL,
	"file_name" varchar NOT NULL,
	"state" "upload_job_state" NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_to_write" integer,
	"rows_written" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"failure_code" varchar(64),
	"failure" text,
	"spreadsheet_id" integer,
	"instance_id" varchar(64) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"heartbeat_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "upload_job" ADD CONSTRAINT "upload_job_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_job" ADD CONSTRAINT "upload_job_user_account_id_user_account_id_fk" FOREIGN KEY ("user_account_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_job" ADD CONSTRAINT "upload_job_spreadsheet_id_spreadsheet_id_fk" FOREIGN KEY ("spreadsheet_id") REFERENCES "public"."spreadsheet"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ix_upload_job_agency" ON "upload_job" USING btree ("agency_id");