CREATE TABLE "data_note" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"flag_key" varchar(600) NOT NULL,
	"metric_key" varchar(255) NOT NULL,
	"sentence" text NOT NULL,
	"explanation" text NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "unique_data_note" UNIQUE("report_id","flag_key")
);
--> statement-breakpoint
ALTER TABLE "public_snapshot" ADD COLUMN "notes" jsonb;--> statement-breakpoint
ALTER TABLE "data_note" ADD CONSTRAINT "data_note_report_id_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_note" ADD CONSTRAINT "data_note_created_by_user_id_user_account_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;