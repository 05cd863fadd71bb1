#!/usr/bin/env bash
# Runs the Magento consumer sync on this machine: builds, starts the sandbox (port 8090) and
# magento-sync-service (port 8081) against the local PostgreSQL (creating the syncline database if
# missing), runs a full sync, adds orders, runs an incremental sync and prints what happened.
# ORDERS (default 5000) sets the shop's size. On a local database the demo starts from an empty
# magento_sync schema, so its numbers can be checked against the sandbox's.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOG_DIR="${LOG_DIR:-$(mktemp -d)}"
source deploy/local/lib.sh
ORDERS="${ORDERS:-5000}"
SERVICE="http://127.0.0.1:8081"
SYNC="$SERVICE/api/admin/mailing/sync-customers"

echo "Building (tests skipped; ./mvnw verify runs them)"
./mvnw -B -q -DskipTests package
ensure_database
if reset_local_schema magento_sync; then
  echo "Starting from an empty magento_sync schema in $DB_NAME"
else
  echo "DB_HOST=$DB_HOST is not local: keeping its magento_sync schema; the numbers below include earlier runs"
fi
echo "Starting the sandbox with $ORDERS Magento orders"
start_sandbox
expected=$(curl -fs -X POST "$SANDBOX_URL/sandbox/magento/reset" -d "{\"orders\": $ORDERS}")

export CRON_SECRET="demo-$(date +%s)-$RANDOM"
export MAGENTO_BASE_URL="$SANDBOX_URL" MAGENTO_USERNAME=sandbox-admin MAGENTO_PASSWORD=sandbox-password
export MAGENTO_SYNC_CRON=off MAILFLOW_WEBHOOK_URL="$SANDBOX_URL/sandbox/mailflow/events"
echo "Starting magento-sync-service (logs in $LOG_DIR)"
start_service magento-sync-service/target/quarkus-app/quarkus-run.jar 8081

# sync BODY: run a sync to its end and print the ledger's row
sync() {
  sync_and_wait "$1"
  echo "  run $RUN_ID: $RUN_JSON"
}

echo "Full sync"
sync '{"fullSync": true, "batchSize": 300}'
echo "Adding 250 orders to the shop"
curl -fs -X POST "$SANDBOX_URL/sandbox/magento/orders" -d '{"count": 250}' > /dev/null
after=$(curl -fs "$SANDBOX_URL/sandbox/magento/summary")
echo "Incremental sync"
sync '{"batchSize": 300}'

echo
echo "Status:   $(curl -fs "$SYNC" -H "Authorization: Bearer $CRON_SECRET")"
echo "Expected: $(json_field "$after" distinctConsumers) consumers from $(json_field "$after" orders) orders ($(json_field "$after" invalidOrders) without a usable email), watermark $(json_field "$after" maxEntityId)"
echo "Stored:   $(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -tAc 'select count(*) from magento_sync.consumer') consumers, watermark $(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -tAc 'select max(last_entity_id) from magento_sync.sync_status')"
