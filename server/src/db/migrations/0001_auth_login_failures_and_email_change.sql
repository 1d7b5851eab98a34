CREATE TABLE "login_failure" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" varchar(255) NOT NULL,
	"client_ip" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_token" ADD COLUMN "new_email" varchar(255);--> statement-breakpoint
CREATE INDEX "ix_login_failure_email_ip" ON "login_failure" USING btree ("email","client_ip","created_at");