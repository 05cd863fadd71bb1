#!/usr/bin/env bash
# Benchmark of the SoftOne customer sync against the sandbox, on this machine's PostgreSQL, for each
# size in SIZES (default "10000 100000 300000" customers), each with a freshly started service and
# an empty erp_sync schema: the first run creates every customer from one window, then all of them
# change and the second run updates them. Prints each run's time, rows/s and the service's peak RSS
# with the documented JVM settings (SERVICE_JAVA_OPTS to vary them). Only on a local database.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOG_DIR="${LOG_DIR:-$(mktemp -d)}"
source deploy/local/lib.sh
SIZES="${SIZES:-10000 100000 300000}"
SERVICE="http://127.0.0.1:8082"

prepare_benchmark erp_sync
export CRON_SECRET="bench-$RANDOM$RANDOM" SOFTONE_URL="$SANDBOX_URL" SOFTONE_USERNAME=sandbox-erp
export SOFTONE_PASSWORD=sandbox-erp-password SOFTONE_COMPANY=1000
export ERP_CUSTOMERS_CRON=off ERP_SUPPLIERS_CRON=off ERP_RECONCILE_CRON=off
echo "Service JVM: $SERVICE_JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"

# timed_sync LABEL: one synchronous customer sync, its answer and time
timed_sync() {
  local begin answer ms
  begin=$(date +%s%3N)
  answer=$(curl -sS -X POST "$SERVICE/api/cron/sync-customers" -H "Authorization: Bearer $CRON_SECRET")
  ms=$(( $(date +%s%3N) - begin ))
  printf '    %.300s\n' "$answer"
  awk -v label="$1" -v n="$(json_field "$answer" total)" -v ms="$ms" \
    'BEGIN { printf "  %s: %d rows in %.2f s = %.0f rows/s\n", label, n, ms/1000, n/(ms/1000) }'
}

for size in $SIZES; do
  reset_local_schema erp_sync
  curl -fs -X POST "$SANDBOX_URL/sandbox/softone/reset" -d "{\"customers\": $size}" > /dev/null
  start_service erp-sync-service/target/quarkus-app/quarkus-run.jar 8082
  echo "$size customers"
  timed_sync "first run (all created)"
  curl -fs -X POST "$SANDBOX_URL/sandbox/softone/clock" -d '{"advanceMinutes": 10}' > /dev/null
  curl -fs -X POST "$SANDBOX_URL/sandbox/softone/changes" -d "{\"entity\": \"customers\", \"changed\": $size}" > /dev/null
  timed_sync "changed window (all updated)"
  echo "  service peak RSS: $(peak_rss_mb "$SERVICE_PID") MB"
  stop_service
done
