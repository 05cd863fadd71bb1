#!/usr/bin/env bash
# Benchmark of the bulk package sync against the sandbox CRM, on this machine's PostgreSQL:
# PROFILES (default 10,000) mapped profiles with three CRM packages each, one bulk run through the
# API (profiles/s, wall time; target under 20 s), then the replaced algorithm on the first
# LEGACY_PROFILES (default 1,000) and the ratio; in between a storm of LOGINS (default 1,000) logins of
# new profiles from 16 callers that give up after 5 s, with the CRM answering in 200 ms. Starts from an empty package_sync schema.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOG_DIR="${LOG_DIR:-$(mktemp -d)}"
source deploy/local/lib.sh
PROFILES="${PROFILES:-10000}"
LEGACY_PROFILES="${LEGACY_PROFILES:-1000}"
LOGINS="${LOGINS:-1000}"

prepare_benchmark package_sync
export CRON_SECRET="bench-$RANDOM$RANDOM" CRM_SUPABASE_URL="$SANDBOX_URL" CRM_SUPABASE_KEY=sandbox-crm-key
start_service package-sync-service/target/quarkus-app/quarkus-run.jar 8085
echo "Service JVM: $SERVICE_JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"

lib=package-sync-service/target/quarkus-app/lib/main
classpath=$(ls $lib/org.postgresql.postgresql-*.jar $lib/com.fasterxml.jackson.core.jackson-*.jar | tr '\n' ':')
java -cp "$classpath" deploy/bench/PackageBench.java "$SANDBOX_URL" "http://127.0.0.1:8085" \
  "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" "$CRON_SECRET" "$PROFILES" "$LEGACY_PROFILES" "$LOGINS"
echo "service peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$SERVICE_PID/status")"
