#!/usr/bin/env bash
# Benchmark of the catalog sync against the sandbox, on this machine's PostgreSQL: a FULL_PRODUCT
# job of VARIATIONS (default 20,000) Plenty variations answering after LATENCY_MS (default 50) per
# request, written to the sandbox's Shopware without images, beside the bare download time of the
# same pages (the sync's share of Plenty's own rate, target >= 0.8); the same catalog with one
# image per item into an empty shop (target < 120 s); then a PRODUCT_DELTA of CHANGED (default 200)
# variations (target < 3 s). Peak RSS of the service over all of it: target < 256 MB with the
# documented JVM settings. It prints the numbers; it does not judge them.
# Starts from an empty catalog_sync schema. Only on a local database.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOG_DIR="${LOG_DIR:-$(mktemp -d)}"
source deploy/local/lib.sh
VARIATIONS="${VARIATIONS:-20000}"
LATENCY_MS="${LATENCY_MS:-50}"
CHANGED="${CHANGED:-200}"
export PLENTY_ITEMS_PER_PAGE="${PLENTY_ITEMS_PER_PAGE:-100}"

prepare_benchmark catalog_sync
export CRON_SECRET="bench-$RANDOM$RANDOM" ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"
export CATALOG_TEST_TENANT_SANDBOX_URL="$SANDBOX_URL" CATALOG_TEST_TENANT_SHOPWARE_MODE=api
export CRON_CONFIG_SYNC=off CRON_PRODUCT_SYNC=off
start_service catalog-sync-service/target/quarkus-app/quarkus-run.jar 8083
echo "Service JVM: $SERVICE_JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"

lib=catalog-sync-service/target/quarkus-app/lib/main
classpath=$(ls $lib/com.fasterxml.jackson.core.jackson-*.jar | tr '\n' ':')
java -cp "$classpath" deploy/bench/CatalogBench.java "$SANDBOX_URL" "http://127.0.0.1:8083" "$CRON_SECRET" \
  "$VARIATIONS" "$LATENCY_MS" "$PLENTY_ITEMS_PER_PAGE" "$CHANGED"
echo "service peak RSS: $(peak_rss_mb "$SERVICE_PID") MB"
