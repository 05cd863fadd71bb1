#!/usr/bin/env bash
# Benchmark of the SoftOne customer sync against the sandbox, on this machine's PostgreSQL:
# the first run creates CUSTOMERS (default 10,000) customers, then all of them change in one window
# and the second run updates them. Prints each run's time and rows/s (target: under 2 s for 10,000).
# Starts from an empty erp_sync schema; only on a local database.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOG_DIR="${LOG_DIR:-$(mktemp -d)}"
source deploy/local/lib.sh
CUSTOMERS="${CUSTOMERS:-10000}"
SERVICE="http://127.0.0.1:8082"


prepare_benchmark erp_sync
curl -fs -X POST "$SANDBOX_URL/sandbox/softone/reset" -d "{\"customers\": $CUSTOMERS}" > /dev/null

export CRON_SECRET="bench-$RANDOM$RANDOM" SOFTONE_URL="$SANDBOX_URL" SOFTONE_USERNAME=sandbox-erp
export SOFTONE_PASSWORD=sandbox-erp-password SOFTONE_COMPANY=1000
export ERP_CUSTOMERS_CRON=off ERP_SUPPLIERS_CRON=off ERP_RECONCILE_CRON=off
start_service erp-sync-service/target/quarkus-app/quarkus-run.jar 8082
echo "Service JVM: $SERVICE_JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"

# timed_sync LABEL: one synchronous customer sync, its answer and time
timed_sync() {
  local begin answer ms
  begin=$(date +%s%3N)
  answer=$(curl -fs -X POST "$SERVICE/api/cron/sync-customers" -H "Authorization: Bearer $CRON_SECRET")
  ms=$(( $(date +%s%3N) - begin ))
  echo "  $answer"
  awk -v label="$1" -v n="$(json_field "$answer" total)" -v ms="$ms" \
    'BEGIN { printf "  %s: %d rows in %.2f s = %.0f rows/s\n", label, n, ms/1000, n/(ms/1000) }'
}

echo "First run: $CUSTOMERS new customers"
timed_sync "first run (all created)"
curl -fs -X POST "$SANDBOX_URL/sandbox/softone/clock" -d '{"advanceMinutes": 10}' > /dev/null
curl -fs -X POST "$SANDBOX_URL/sandbox/softone/changes" -d "{\"entity\": \"customers\", \"changed\": $CUSTOMERS}" > /dev/null
echo "Second run: all $CUSTOMERS changed in one window"
timed_sync "changed window (all updated)"
echo "  service peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$SERVICE_PID/status")"
