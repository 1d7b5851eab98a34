ALTER TABLE "datapoint" DROP CONSTRAINT "datapoint_source_id_source_id_fk";
--> statement-breakpoint
ALTER TABLE "datapoint" DROP CONSTRAINT "datapoint_created_by_user_account_id_fk";
