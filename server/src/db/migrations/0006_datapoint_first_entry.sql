ALTER TABLE "datapoint" ADD COLUMN "created_by" integer;--> statement-breakpoint
ALTER TABLE "datapoint" ADD COLUMN "created_upload_method" varchar;--> statement-breakpoint
ALTER TABLE "datapoint" ADD CONSTRAINT "datapoint_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;