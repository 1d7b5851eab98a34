CREATE TABLE "agency_population" (
	"id" serial PRIMARY KEY NOT NULL,
	"agency_id" integer NOT NULL,
	"year" integer NOT NULL,
	"population" integer NOT NULL,
	CONSTRAINT "unique_agency_population_year" UNIQUE("agency_id","year")
);
--> statement-breakpoint
ALTER TABLE "agency_population" ADD CONSTRAINT "agency_population_agency_id_source_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."source"("id") ON DELETE cascade ON UPDATE no action;