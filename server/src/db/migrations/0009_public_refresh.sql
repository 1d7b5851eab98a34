CREATE TABLE "public_refresh" (
	"agency_id" integer PRIMARY KEY NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by_user_id" integer
);
--> statement-breakpoint
ALTER TABLE "public_refresh" ADD CONSTRAINT "public_refresh_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_refresh" ADD CONSTRAINT "public_refresh_requested_by_user_id_user_account_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Back-fill: agencies with published records but no snapshot yet (untouched since 0007) get theirs
-- computed once by the refresh worker instead of from their records on every public request.
INSERT INTO "public_refresh" ("agency_id", "requested_at")
SELECT DISTINCT "report"."source_id", now() FROM "report"
WHERE "report"."status" = 'PUBLISHED'
  AND NOT EXISTS (SELECT 1 FROM "public_snapshot" WHERE "public_snapshot"."agency_id" = "report"."source_id");
