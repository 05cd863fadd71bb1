#!/usr/bin/env bash
# The trigger channel under load, with two replicas: starts the sandbox and two erp-sync-service
# replicas (ports 8082 and 8092) on one schema, inserts TRIGGERS rows into erp_sync.cron_trigger in
# one statement, waits until every row is answered, and prints how the rows were answered, by which
# replica, and how many runs the ledger recorded (single flight: runs never overlap).
# TRIGGERS (default 200), CUSTOMERS (default 20000) for the SoftOne size; LARGE (default 0) of the
# rows carry a 10 MB body, which the service must answer 413 without holding up the others.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOG_DIR="${LOG_DIR:-$(mktemp -d)}"
source deploy/local/lib.sh
TRIGGERS="${TRIGGERS:-200}"
CUSTOMERS="${CUSTOMERS:-20000}"
LARGE="${LARGE:-0}"
prepare_benchmark erp_sync
curl -fs -X POST "$SANDBOX_URL/sandbox/softone/reset" -d "{\"customers\": $CUSTOMERS, \"suppliers\": 100}" > /dev/null
export CRON_SECRET="bench-$RANDOM$RANDOM" SOFTONE_URL="$SANDBOX_URL" SOFTONE_USERNAME=sandbox-erp
export SOFTONE_PASSWORD=sandbox-erp-password SOFTONE_COMPANY=1000
export ERP_CUSTOMERS_CRON=off ERP_SUPPLIERS_CRON=off ERP_RECONCILE_CRON=off
start_named erp-sync-service 8082
first=$(cat "$LOG_DIR/erp-sync-service.pid")
mv "$LOG_DIR/erp-sync-service.log" "$LOG_DIR/erp-replica-1.log"
start_named erp-sync-service 8092 QUARKUS_HTTP_PORT=8092
second=$(cat "$LOG_DIR/erp-sync-service.pid")
sql() { psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -tAc "$1"; }

start=$(date +%s.%N)
sql "insert into erp_sync.cron_trigger (job, body)
     select case when i % 2 = 0 then 'sync-customers' else 'sync-suppliers' end,
            case when i <= $LARGE then jsonb_build_object('padding', repeat('x', 10000000))
                 when i % 10 = 0 then '{\"full\": true}'::jsonb else '{}'::jsonb end
     from generate_series(1, $TRIGGERS) i" > /dev/null
while [ "$(sql "select count(*) from erp_sync.cron_trigger where answered_at is null")" != 0 ]; do sleep 0.2; done
end=$(date +%s.%N)

echo "$TRIGGERS triggers answered in $(echo "$end - $start" | bc) s"
echo "answers (status, count):"; sql "select http_status, count(*) from erp_sync.cron_trigger group by 1 order by 1" | sed 's/^/  /'
echo "claimed by (replica, count):"; sql "select claimed_by, count(*) from erp_sync.cron_trigger group by 1 order by 1" | sed 's/^/  /'
echo "rows answered more than once: $(sql "select count(*) - count(distinct id) from erp_sync.cron_trigger")"
echo "runs recorded with trigger cron: $(sql "select count(*) from erp_sync.sync_run where trigger = 'cron'")," \
  "overlapping runs of one job: $(sql "select count(*) from erp_sync.sync_run a join erp_sync.sync_run b on a.job = b.job and a.id < b.id
     and tstzrange(a.started_at, a.finished_at) && tstzrange(b.started_at, b.finished_at)")"
echo "customers stored: $(sql "select count(*) from erp_sync.erp_customer") of $CUSTOMERS"
echo "peak RSS: replica 1 $(peak_rss_mb "$first") MB, replica 2 $(peak_rss_mb "$second") MB"
