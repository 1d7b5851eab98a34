CREATE TABLE "public_snapshot" (
	"agency_id" integer PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"values" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_snapshot" ADD CONSTRAINT "public_snapshot_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;