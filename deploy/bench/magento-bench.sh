#!/usr/bin/env bash
# Benchmark of the Magento consumer sync against the sandbox, on this machine's PostgreSQL:
#  1. a full sync of ORDERS (default 100,000) orders with LATENCY_MS (default 20) per Magento page:
#     orders/s, wall time, the service's peak RSS;
#  2. a no-op incremental sync and its time;
#  3. the replaced algorithm (pages of 10, a SELECT and an INSERT per order, 500 ms between pages)
#     on the first LEGACY_ORDERS (default 2,000) orders, and the ratio.
# Starts from an empty magento_sync schema; only on a local database.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOG_DIR="${LOG_DIR:-$(mktemp -d)}"
source deploy/local/lib.sh
ORDERS="${ORDERS:-100000}"
LATENCY_MS="${LATENCY_MS:-20}"
LEGACY_ORDERS="${LEGACY_ORDERS:-2000}"
BATCH_SIZE="${BATCH_SIZE:-300}"
SERVICE="http://127.0.0.1:8081"


prepare_benchmark magento_sync
curl -fs -X POST "$SANDBOX_URL/sandbox/magento/reset" -d "{\"orders\": $ORDERS}" > /dev/null
curl -fs -X PUT "$SANDBOX_URL/sandbox/magento/faults" -d "{\"latencyMs\": $LATENCY_MS}" > /dev/null

export CRON_SECRET="bench-$RANDOM$RANDOM" MAGENTO_BASE_URL="$SANDBOX_URL" MAGENTO_USERNAME=sandbox-admin
export MAGENTO_PASSWORD=sandbox-password MAGENTO_SYNC_CRON=off
start_service magento-sync-service/target/quarkus-app/quarkus-run.jar 8081

now_ms() { date +%s%3N; }

# timed_sync BODY: a sync to its end; leaves the wall time from trigger to finished run in RUN_MS
timed_sync() {
  local begin
  begin=$(now_ms)
  sync_and_wait "$1"
  RUN_MS=$(( $(now_ms) - begin ))
}

echo "Service JVM: $SERVICE_JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
echo "Full sync: $ORDERS orders, $LATENCY_MS ms per page, $BATCH_SIZE per page"
timed_sync "{\"fullSync\": true, \"batchSize\": $BATCH_SIZE}"
full_ms=$RUN_MS full_run=$RUN_JSON
read_count=$(json_field "$full_run" recordsRead)
peak_rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVICE_PID/status")
echo "  run: $full_run"
awk -v n="$read_count" -v ms="$full_ms" -v rss="$peak_rss_kb" 'BEGIN {
  printf "  full sync: %d orders in %.2f s = %.0f orders/s; service peak RSS %.0f MB\n", n, ms/1000, n/(ms/1000), rss/1024 }'

echo "No-op incremental sync"
timed_sync "{\"batchSize\": $BATCH_SIZE}"
noop_ms=$RUN_MS noop_run=$RUN_JSON
echo "  run: $noop_run"
echo "  no-op incremental: $noop_ms ms from trigger to finished run, $(json_field "$noop_run" recordsCreated) created"

echo "Replaced algorithm on the first $LEGACY_ORDERS orders (takes a while: 500 ms between pages of 10)"
lib=magento-sync-service/target/quarkus-app/lib/main
classpath=$(ls $lib/org.postgresql.postgresql-*.jar $lib/com.fasterxml.jackson.core.jackson-*.jar | tr '\n' ':')
legacy=$(java -cp "$classpath" deploy/bench/LegacyMagentoSync.java "$SANDBOX_URL" \
  "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" "$LEGACY_ORDERS")
echo "  $legacy"
legacy_rate=$(printf '%s' "$legacy" | sed -E 's/.*= ([0-9.]+) orders\/s.*/\1/')
awk -v n="$read_count" -v ms="$full_ms" -v legacy="$legacy_rate" 'BEGIN {
  printf "  ratio: %.0f x the replaced algorithm'"'"'s orders/s\n", (n/(ms/1000))/legacy }'

# With READERS_TABLE=1 (takes about ten minutes): the parallel reader. At READERS_LATENCY_MS
# (default 200) per page and 300 per page, READERS_ORDERS (default 100,000) orders: the bare
# sequential download, then a full sync with 1, 2, 4 and 8 readers, each as orders/s and as a
# ratio to the download; then a full sync of BIG_ORDERS (default 1,000,000) at 20 ms per page with
# the default readers, its orders/s and the service's peak RSS.
if [ "${READERS_TABLE:-0}" = 1 ]; then
  READERS_ORDERS="${READERS_ORDERS:-100000}"
  READERS_LATENCY_MS="${READERS_LATENCY_MS:-200}"
  BIG_ORDERS="${BIG_ORDERS:-1000000}"
  curl -fs -X POST "$SANDBOX_URL/sandbox/magento/reset" -d "{\"orders\": $READERS_ORDERS}" > /dev/null
  curl -fs -X PUT "$SANDBOX_URL/sandbox/magento/faults" -d "{\"latencyMs\": $READERS_LATENCY_MS}" > /dev/null
  echo "Readers: $READERS_ORDERS orders, $READERS_LATENCY_MS ms per page, 300 per page"
  download=$(java -cp "$classpath" deploy/bench/MagentoDownload.java "$SANDBOX_URL" 300)
  echo "  $download"
  download_rate=$(printf '%s' "$download" | sed -E 's/.*= ([0-9.]+) orders\/s.*/\1/')
  echo "  | readers | orders/s | ratio to the download |"
  for readers in 1 2 4 8; do
    timed_sync "{\"fullSync\": true, \"batchSize\": 300, \"readers\": $readers}"
    awk -v r="$readers" -v n="$(json_field "$RUN_JSON" recordsRead)" -v ms="$RUN_MS" -v d="$download_rate" 'BEGIN {
      printf "  | %d | %.0f | %.2f |\n", r, n/(ms/1000), (n/(ms/1000))/d }'
  done
  stop_service
  reset_local_schema magento_sync
  start_service magento-sync-service/target/quarkus-app/quarkus-run.jar 8081
  curl -fs -X POST "$SANDBOX_URL/sandbox/magento/reset" -d "{\"orders\": $BIG_ORDERS}" > /dev/null
  curl -fs -X PUT "$SANDBOX_URL/sandbox/magento/faults" -d '{"latencyMs": 20}' > /dev/null
  echo "Full sync of $BIG_ORDERS orders, 20 ms per page, 300 per page, default readers"
  timed_sync '{"fullSync": true, "batchSize": 300}'
  awk -v n="$(json_field "$RUN_JSON" recordsRead)" -v ms="$RUN_MS" -v rss="$(peak_rss_mb "$SERVICE_PID")" 'BEGIN {
    printf "  %d orders in %.1f s = %.0f orders/s; service peak RSS %d MB\n", n, ms/1000, n/(ms/1000), rss }'
fi
