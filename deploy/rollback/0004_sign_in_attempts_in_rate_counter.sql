-- Run before rolling back to a release older than migration 0004 (psql -f this file).
-- Migration 0004 dropped login_failure in the same release as the code that stopped using it,
-- against the migration policy in docs/deploy.md (it predates the policy). Releases before it
-- record failed password sign-ins there and answer 500 to every password sign-in without it.
-- Recreating it empty is safe: the newer releases never read it, and the old ones only count
-- recent failures to slow down password guessing. server/test/integration/upgrade.test.ts ran this
-- step (old server refused sign-in before it, signed in after it) while 0004 was the newest migration.
CREATE TABLE IF NOT EXISTS "login_failure" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" varchar(255) NOT NULL,
	"client_ip" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
CREATE INDEX IF NOT EXISTS "ix_login_failure_email_ip" ON "login_failure" USING btree ("email","client_ip","created_at");
