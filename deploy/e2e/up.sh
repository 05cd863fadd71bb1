#!/usr/bin/env bash
# Starts the whole system for the end-to-end tests and returns once it is ready: a PostgreSQL
# cluster with pg_cron (port E2E_PG_PORT, default 55432), Keycloak with the syncline realm (8180),
# the sandbox (8090), the five packaged services (8081-8085) in the prod profile with OIDC on, and
# Prometheus (9190) scraping them with deploy/prometheus's alert rules.
# Fresh secrets every time; STATE_DIR/env.properties tells the tests what they are.
#   up.sh STATE_DIR   (needs KEYCLOAK_HOME and the packaged services)
set -euo pipefail
cd "$(dirname "$0")/../.."
state=$(mkdir -p "$1" && cd "$1" && pwd)
export LOG_DIR="$state/logs"
mkdir -p "$LOG_DIR"
source deploy/local/lib.sh
secret() { head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

pg_port=${E2E_PG_PORT:-55432}
for port in 8081 8082 8083 8084 8085 8090 8180 9190 "$pg_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is taken: the end-to-end system needs it (is an earlier run still up? deploy/e2e/down.sh $1)" >&2
    exit 1
  fi
done

export CRON_SECRET="cron-$(secret)" KEYCLOAK_ADMIN_PASSWORD="kc-$(secret)" DEMO_USER_PASSWORD="demo-$(secret)"
export MIGRATION_UI_URL=http://localhost:8084 MIGRATION_UI_CLIENT_SECRET="ui-$(secret)"
export MAGENTO_SYNC_SERVICE_CLIENT_SECRET="$(secret)" ERP_SYNC_SERVICE_CLIENT_SECRET="$(secret)"
export CATALOG_SYNC_SERVICE_CLIENT_SECRET="$(secret)" MIGRATION_SERVICE_CLIENT_SECRET="$(secret)"
export PACKAGE_SYNC_SERVICE_CLIENT_SECRET="$(secret)" ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"

echo "e2e: PostgreSQL with pg_cron on port $pg_port (a fresh cluster every time)"
deploy/e2e/pg-cron-cluster.sh stop "$state/pg"
rm -rf "$state/pg"
deploy/e2e/pg-cron-cluster.sh start "$state/pg" "$pg_port"
echo "e2e: Keycloak"
deploy/e2e/keycloak.sh start "$LOG_DIR"

export DB_HOST=127.0.0.1 DB_PORT="$pg_port" DB_NAME=syncline DB_USER=postgres
export OIDC_AUTH_SERVER_URL=http://localhost:8180/realms/syncline OIDC_CLIENT_SECRET="$MIGRATION_UI_CLIENT_SECRET"
echo "e2e: sandbox and services"
# The services re-read the ledger for their metrics every 2 s, not 15: alerts show within seconds.
export SYNCLINE_METRICS_REFRESH=2s
start_sandbox
start_all_services
echo "e2e: Prometheus"
deploy/e2e/prometheus.sh start "$state" "$LOG_DIR"

{
  for name in CRON_SECRET KEYCLOAK_ADMIN_PASSWORD DEMO_USER_PASSWORD MIGRATION_UI_CLIENT_SECRET \
      MAGENTO_SYNC_SERVICE_CLIENT_SECRET ERP_SYNC_SERVICE_CLIENT_SECRET CATALOG_SYNC_SERVICE_CLIENT_SECRET \
      MIGRATION_SERVICE_CLIENT_SECRET PACKAGE_SYNC_SERVICE_CLIENT_SECRET ENCRYPTION_KEY DB_PORT; do
    printf '%s=%s\n' "$name" "${!name}"
  done
  echo "LOG_DIR=$LOG_DIR"
} > "$state/env.properties"
# Everything stays up for the tests; down.sh stops it.
trap - EXIT
echo "e2e: system ready"
