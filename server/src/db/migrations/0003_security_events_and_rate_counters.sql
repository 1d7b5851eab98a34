CREATE TABLE "rate_counter" (
	"key" varchar(320) PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_event" (
	"id" serial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" varchar(64) NOT NULL,
	"outcome" varchar(16) DEFAULT 'success' NOT NULL,
	"user_id" integer,
	"user_email" varchar(255),
	"subject_user_id" integer,
	"agency_id" integer,
	"client_ip" varchar(64),
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ix_security_event_time" ON "security_event" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "ix_security_event_agency" ON "security_event" USING btree ("agency_id","occurred_at");--> statement-breakpoint
CREATE INDEX "ix_security_event_user" ON "security_event" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "ix_security_event_subject" ON "security_event" USING btree ("subject_user_id");