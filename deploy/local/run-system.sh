#!/usr/bin/env bash
# The whole system on this machine, in one command: builds once, starts the sandbox (port 8090) and
# the five services (8081-8085) against the local PostgreSQL, each in its own schema of one
# database, seeds every simulated upstream, fires one run of every job through the endpoints an
# external cron uses, and prints per service what was read, created and rejected next to what the
# sandbox says a correct sync ends with. Then it keeps everything running until Ctrl-C, or stops at
# once with --once. SCALE=N multiplies the data (default 1: a few thousand records per system).
# Needs Java 17+, curl and psql; PostgreSQL from DB_HOST/DB_PORT/DB_USER/DB_NAME (default
# localhost:5432, postgres, syncline). On a local database the schemas start empty.
set -euo pipefail
cd "$(dirname "$0")/../.."
once=false
for arg in "$@"; do
  case "$arg" in
    --once) once=true ;;
    --no-build) NO_BUILD=1 ;;
    *) echo "Unknown argument $arg (use --once, --no-build)" >&2; exit 2 ;;
  esac
done
LOG_DIR="${LOG_DIR:-$(mktemp -d -t syncline-XXXX)}"
mkdir -p "$LOG_DIR"
source deploy/local/lib.sh
SCALE="${SCALE:-1}"
step() { echo "[$(date +%H:%M:%S)] $*"; }

for port in 8081 8082 8083 8084 8085 8090; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "Port $port is taken; stop what runs there first (another run of this script?)" >&2
    exit 1
  fi
done

if [ -z "${NO_BUILD:-}" ]; then
  step "Building all modules once (tests skipped; ./mvnw verify runs them), about 2 minutes"
  ./mvnw -B -q -DskipTests package
fi
ensure_database
for schema in magento_sync erp_sync catalog_sync migration package_sync; do
  reset_local_schema "$schema" || { echo "DB_HOST=$DB_HOST is not local: keeping its schemas; numbers include earlier runs"; break; }
done

export CRON_SECRET="${CRON_SECRET:-local-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
step "Starting the sandbox (logs in $LOG_DIR)"
start_sandbox
step "Starting the five services, each in its schema of database $DB_NAME"
start_all_services
step "All services ready"

lib=magento-sync-service/target/quarkus-app/lib/main
classpath=$(ls $lib/com.fasterxml.jackson.core.jackson-*.jar | tr '\n' ':')
status=0
java -cp "$classpath" deploy/local/SystemRun.java "$SANDBOX_URL" "$CRON_SECRET" "$SCALE" || status=$?
echo "Peak resident memory so far (JVM $SERVICE_JAVA_OPTS):"
for name in magento-sync-service erp-sync-service catalog-sync-service migration-service package-sync-service; do
  printf '  %-22s %s MB\n' "$name" "$(peak_rss_mb "$(cat "$LOG_DIR/$name.pid")")"
done
if [ "$status" -ne 0 ]; then
  echo "Some results do not match what the sandbox expects (or a run failed); logs in $LOG_DIR" >&2
fi

if $once; then
  exit "$status"
fi
cat <<INFO
Everything keeps running until Ctrl-C. Admin calls take the cron secret as a bearer token:
  export CRON_SECRET=$CRON_SECRET
  magento-sync-service   http://localhost:8081/q/swagger-ui   metrics http://localhost:8081/q/metrics
  erp-sync-service       http://localhost:8082/q/swagger-ui   metrics http://localhost:8082/q/metrics
  catalog-sync-service   http://localhost:8083/q/swagger-ui   metrics http://localhost:8083/q/metrics
  migration-service      http://localhost:8084/q/swagger-ui   pages need OIDC (see README: Keycloak)
  package-sync-service   http://localhost:8085/q/swagger-ui   metrics http://localhost:8085/q/metrics
  sandbox                http://localhost:8090/sandbox
  logs (JSON lines)      $LOG_DIR
  e.g. curl -H "Authorization: Bearer \$CRON_SECRET" http://localhost:8082/api/runs
INFO
wait
