CREATE TABLE "public_release" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"number" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by_user_id" integer,
	"content" jsonb NOT NULL,
	"diff" jsonb NOT NULL,
	"content_hash" varchar(64) NOT NULL,
	"previous_hash" varchar(64),
	"chain_hash" varchar(64) NOT NULL,
	CONSTRAINT "unique_public_release_number" UNIQUE("agency_id","number")
);
--> statement-breakpoint
ALTER TABLE "public_release" ADD CONSTRAINT "public_release_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_release" ADD CONSTRAINT "public_release_created_by_user_id_user_account_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;