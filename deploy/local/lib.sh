# Shared by the local scripts: start and stop the sandbox and a service, wait for runs.
# Needs Java 17+, curl and psql; PostgreSQL from DB_HOST/DB_PORT/DB_USER (defaults: localhost, 5432, postgres).

export DB_HOST="${DB_HOST:-localhost}" DB_PORT="${DB_PORT:-5432}" DB_USER="${DB_USER:-postgres}" DB_NAME="${DB_NAME:-syncline}"
SANDBOX_URL="http://127.0.0.1:8090"
started_pids=()

# The JVM settings the README recommends for a service: a small heap, serial GC, C1 only (a run
# waits on the upstream and PostgreSQL, not on compiled-code speed) and two glibc malloc arenas.
export SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx80m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

stop_started() {
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_started EXIT

ensure_database() {
  if ! psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc "select 1 from pg_database where datname = '$DB_NAME'" | grep -q 1; then
    echo "Creating database $DB_NAME"
    psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc "create database \"$DB_NAME\" encoding 'UTF8' template template0"
  fi
}

# reset_local_schema SCHEMA: drops the schema so a run starts empty; refuses (status 1) unless the
# database is on this machine, so no script ever empties a shared database.
reset_local_schema() {
  case "$DB_HOST" in
    localhost|127.0.0.1|::1) ;;
    *) return 1 ;;
  esac
  PGOPTIONS='-c client_min_messages=warning' psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" \
    -qc "drop schema if exists $1 cascade"
}

# wait_for URL SECONDS
wait_for() {
  for _ in $(seq 1 "$2"); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 1
  done
  echo "Gave up waiting for $1" >&2
  return 1
}

start_sandbox() {
  java -jar sandbox/target/quarkus-app/quarkus-run.jar > "$LOG_DIR/sandbox.log" 2>&1 &
  started_pids+=($!)
  echo "$!" > "$LOG_DIR/sandbox.pid"
  wait_for "$SANDBOX_URL/sandbox" 60
}

# start_service JAR PORT, with the caller's environment; SERVICE_JAVA_OPTS for the JVM
start_service() {
  # shellcheck disable=SC2086
  java ${SERVICE_JAVA_OPTS:-} -jar "$1" > "$LOG_DIR/service.log" 2>&1 &
  SERVICE_PID=$!
  started_pids+=("$SERVICE_PID")
  wait_for "http://127.0.0.1:$2/q/health/ready" 90
}

stop_service() {
  kill "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
}

# peak_rss_mb PID: the process's resident-set high-water mark so far
peak_rss_mb() {
  awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"
}

# json_field JSON KEY: the first scalar value of KEY in a JSON text (enough for our own answers)
json_field() {
  printf '%s' "$1" | grep -o "\"$2\":[^,}]*" | head -1 | cut -d: -f2- | tr -d '"'
}

# sync_and_wait BODY: starts a Magento sync with the cron secret and waits until the run has ended;
# leaves its id in RUN_ID and the ledger row in RUN_JSON. Needs SERVICE and CRON_SECRET.
sync_and_wait() {
  local started
  started=$(curl -fs -X POST "$SERVICE/api/admin/mailing/sync-customers" \
    -H "Authorization: Bearer $CRON_SECRET" -H 'Content-Type: application/json' -d "$1")
  RUN_ID=$(json_field "$started" runId)
  while :; do
    RUN_JSON=$(curl -fs "$SERVICE/api/runs/$RUN_ID" -H "Authorization: Bearer $CRON_SECRET")
    [ "$(json_field "$RUN_JSON" status)" != running ] && break
    sleep 0.1
  done
}

# prepare_benchmark SCHEMA: builds, makes sure the database exists, empties SCHEMA (refusing a
# database that is not on this machine) and starts the sandbox.
prepare_benchmark() {
  ./mvnw -B -q -DskipTests package
  ensure_database
  reset_local_schema "$1" || { echo "The benchmark empties the $1 schema; run it against a local database only" >&2; exit 1; }
  start_sandbox
}

# start_named NAME PORT [VAR=VALUE ...]: starts NAME's packaged jar with the caller's environment
# plus the given variables, logging to $LOG_DIR/NAME.log; waits until it is ready.
start_named() {
  local name=$1 port=$2
  shift 2
  # shellcheck disable=SC2086
  env "$@" java ${SERVICE_JAVA_OPTS:-} -jar "$name/target/quarkus-app/quarkus-run.jar" > "$LOG_DIR/$name.log" 2>&1 &
  started_pids+=($!)
  echo "$!" > "$LOG_DIR/$name.pid"
  wait_for "http://127.0.0.1:$port/q/health/ready" 120 || { tail -20 "$LOG_DIR/$name.log" >&2; return 1; }
}

# start_all_services: the five services on ports 8081-8085, each in its schema of $DB_NAME, wired
# to the sandbox; the caller exports CRON_SECRET (and OIDC_* for OIDC). Schedules are off: runs
# start from the trigger endpoints or the cron_trigger table, as an external cron starts them.
start_all_services() {
  start_named magento-sync-service 8081 MAGENTO_BASE_URL="$SANDBOX_URL" MAGENTO_USERNAME=sandbox-admin \
    MAGENTO_PASSWORD=sandbox-password MAGENTO_SYNC_CRON=off MAILFLOW_WEBHOOK_URL="$SANDBOX_URL/sandbox/mailflow/events" \
    OIDC_CLIENT_ID=magento-sync-service
  start_named erp-sync-service 8082 SOFTONE_URL="$SANDBOX_URL" SOFTONE_USERNAME=sandbox-erp \
    SOFTONE_PASSWORD=sandbox-erp-password SOFTONE_COMPANY=1000 ERP_CUSTOMERS_CRON=off ERP_SUPPLIERS_CRON=off \
    ERP_RECONCILE_CRON=off OIDC_CLIENT_ID=erp-sync-service
  start_named catalog-sync-service 8083 ENCRYPTION_KEY="${ENCRYPTION_KEY:-$(head -c 32 /dev/urandom | base64)}" \
    CATALOG_TEST_TENANT_SANDBOX_URL="$SANDBOX_URL" CATALOG_TEST_TENANT_SHOPWARE_MODE=api \
    CRON_CONFIG_SYNC=off CRON_PRODUCT_SYNC=off OIDC_CLIENT_ID=catalog-sync-service
  start_named migration-service 8084 WOO_URL="$SANDBOX_URL/woo" WOO_CONSUMER_KEY=ck_sandbox \
    WOO_CONSUMER_SECRET=cs_sandbox SHOPIFY_SHOP_URL="$SANDBOX_URL/shopify" SHOPIFY_ACCESS_TOKEN=shpat_sandbox_token \
    OIDC_CLIENT_ID=migration-service OIDC_WEB_CLIENT_ID=migration-ui
  start_named package-sync-service 8085 CRM_SUPABASE_URL="$SANDBOX_URL" CRM_SUPABASE_KEY=sandbox-crm-key \
    OIDC_CLIENT_ID=package-sync-service
}
