#!/usr/bin/env bash
# Builds the release, starts compose.yaml's stack (with the dev profile's Mailpit) under podman or
# docker, and checks it through Caddy: the version in /health, compressed assets, a user made with
# the artifact's jc signing in, and an invitation arriving in Mailpit. Then takes the stack down.
# Only for hosts that can run containers; `npm test` checks the recipe without them.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v podman >/dev/null && podman info >/dev/null 2>&1; then engine=podman
elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then engine=docker
else echo "compose-smoke: neither podman nor docker can run containers here." >&2; exit 2; fi

npm run -s release
tarball=$(ls -t release/justice-counts-publisher-*.tar.gz | head -1)
export JC_VERSION=${tarball#release/justice-counts-publisher-}
JC_VERSION=${JC_VERSION%.tar.gz}
export SITE_ADDRESS=localhost
project="jc-smoke-$$"

secrets=deploy/secrets
mkdir -p "$secrets"
[ -f "$secrets/postgres_password" ] || openssl rand -hex 24 >"$secrets/postgres_password"
echo "postgres://justice_counts:$(cat "$secrets/postgres_password")@db:5432/justice_counts" >"$secrets/database_url"
[ -f "$secrets/session_secret" ] || openssl rand -hex 32 >"$secrets/session_secret"
echo 'smtp://mailpit:1025' >"$secrets/smtp_url"

compose() { "$engine" compose -p "$project" --profile dev "$@"; }
trap 'compose down -v >/dev/null 2>&1 || true' EXIT
compose up -d --build

site=https://localhost
for _ in $(seq 1 60); do
  curl -ksf "$site/health" >/dev/null && break
  sleep 2
done
health=$(curl -ksf "$site/health")
echo "health: $health"
grep -q "\"version\":\"$JC_VERSION\"" <<<"$health" || { echo "wrong or no version" >&2; exit 1; }

script=$(curl -ksf "$site/" | grep -o '/assets/[^"]*\.js' | head -1)
curl -ksI -H 'accept-encoding: br' "$site$script" | grep -qi '^content-encoding: br' ||
  { echo "assets are not served compressed" >&2; exit 1; }

jc() { compose exec -T app1 node jc.mjs "$@"; }
agency=$(jc create-agency --name "Compose County Jail" --state us_ca --systems JAILS --json | node -p 'JSON.parse(require("fs").readFileSync(0)).id')
jc create-user --email compose-admin@example.test --name "Casey Compose" --agency "$agency" --role AGENCY_ADMIN --password 'compose smoke passphrase'
jar=$(mktemp)
curl -ksf -c "$jar" -H 'content-type: application/json' \
  -d '{"email":"compose-admin@example.test","password":"compose smoke passphrase"}' "$site/auth/login" >/dev/null
csrf=$(curl -ksf -b "$jar" "$site/api/init" | node -p 'JSON.parse(require("fs").readFileSync(0)).csrf')
curl -ksf -b "$jar" -H "x-csrf-token: $csrf" -H 'content-type: application/json' \
  -d '{"invite_name":"Ivy Invitee","invite_email":"ivy@example.test"}' "$site/api/agencies/$agency/users" >/dev/null
curl -sf 'http://127.0.0.1:8025/api/v1/messages' | grep -q 'ivy@example.test' ||
  { echo "the invitation did not reach Mailpit" >&2; exit 1; }

echo "compose-smoke: $JC_VERSION passed"
